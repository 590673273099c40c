import DossierCore
import Foundation

/// The headings that open an article's list of sources ("Sources:", "References"), shared by the
/// readers that recognise such a section.
enum SourcesHeadings {
    /// Throws, naming the option, when a configured heading is empty: it would match every blank line.
    static func validate(_ headings: [String], code: String) throws {
        if headings.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            throw ComponentError(
                code: code, "a sources heading cannot be empty; remove the empty entry or write a heading such as 'Sources'",
                option: "sourcesHeadings")
        }
    }
}
