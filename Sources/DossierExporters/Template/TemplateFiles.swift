import DossierCore
import Foundation
import Mustache

/// A Mustache template read from its file, with the other `.mustache` files of its folder as
/// partials (`{{> header}}` is `header.mustache` beside it), each parsed once.
///
/// Reading and parsing is all `dossier lint` does with a template: it never renders one. Errors
/// carry a stable code and, for syntax errors, the template's `file:line:column` as swift-mustache
/// reports it, with the line and a caret as notes.
struct TemplateFiles {
    /// The main template's name in `library` (its file name without `.mustache`).
    let name: String
    /// The main template and its partials.
    let library: MustacheLibrary

    /// Reads and parses the template at `path` (relative paths from the working directory) and
    /// the partials beside it.
    init(path: String) throws {
        guard !path.isEmpty else {
            throw ComponentError(
                code: "E283", "the template exporter needs a template: set 'template' to a Mustache file such as 'brief.md.mustache'",
                option: "template")
        }
        let url = URL(fileURLWithPath: path).standardizedFileURL
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue else {
            let relative =
                path.hasPrefix("/")
                ? "" : " (relative paths are read from the working directory, '\(FileManager.default.currentDirectoryPath)')"
            throw ComponentError(code: "E284", "the template file '\(path)' does not exist or is a folder\(relative)", option: "template")
        }
        name = Self.name(of: url)
        var library = MustacheLibrary()
        library.register(try Self.parse(url, shownAs: path), named: name)
        let folder = url.deletingLastPathComponent()
        let siblings = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for file in siblings.sorted() where file.hasSuffix(".mustache") && !file.hasPrefix(".") {
            let sibling = folder.appendingPathComponent(file)
            guard sibling.path != url.path else { continue }
            library.register(try Self.parse(sibling, shownAs: sibling.path), named: Self.name(of: sibling))
        }
        self.library = library
    }

    /// `brief.md.mustache` is `brief.md`; the name partials use, without the `.mustache`.
    private static func name(of url: URL) -> String {
        let file = url.lastPathComponent
        return file.hasSuffix(".mustache") ? String(file.dropLast(".mustache".count)) : file
    }

    private static func parse(_ url: URL, shownAs shown: String) throws -> MustacheTemplate {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ComponentError(
                code: "E284", "cannot read the template file '\(shown)': \(error.localizedDescription)", option: "template")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ComponentError(code: "E285", "the template file '\(shown)' is not UTF-8 text", option: "template")
        }
        do {
            return try MustacheTemplate(string: text)
        } catch let error as MustacheTemplate.ParserError {
            let at = error.context
            let caret = String(repeating: " ", count: max(0, at.columnNumber - 1)) + "^"
            throw ComponentError(
                code: "E285", "\(shown):\(at.lineNumber):\(at.columnNumber): \(describe(error.error))", option: "template",
                notes: [
                    Diagnostic.Note("\(at.lineNumber) | \(at.line)"),
                    Diagnostic.Note(String(repeating: " ", count: "\(at.lineNumber) | ".count) + caret),
                ])
        } catch {
            throw ComponentError(code: "E285", "\(shown): \(describe(error))", option: "template")
        }
    }

    /// swift-mustache's parser errors in words, with how to fix them.
    private static func describe(_ error: any Error) -> String {
        guard let error = error as? MustacheTemplate.Error else {
            // The scanner's own error when the text ends inside a tag.
            return "\(error)" == "overflow" ? "the template ends inside a tag; close it with '}}'" : "\(error)"
        }
        return switch error {
        case .sectionCloseNameIncorrect: "a section is closed with another name than it was opened with; close '{{#name}}' with '{{/name}}'"
        case .unfinishedName: "a tag is not closed; end it with '}}'"
        case .expectedSectionEnd: "a section is never closed; add '{{/name}}' for every '{{#name}}' and '{{^name}}'"
        case .invalidSetDelimiter: "a set-delimiter tag is malformed; write it like '{{=<% %>=}}'"
        case .transformAppliedToInheritanceSection: "a transform cannot be applied to an inheritance section"
        case .illegalTokenInsideInheritSection: "an inheritance section ('{{<parent}}') may hold only blocks ('{{$name}}')"
        case .textInsideInheritSection: "an inheritance section ('{{<parent}}') may hold only blocks ('{{$name}}'), not text"
        case .invalidConfigVariableSyntax: "a pragma is malformed; write it like '{{% CONTENT_TYPE: TEXT}}'"
        case .unrecognisedConfigVariable: "unknown pragma; the one known is '{{% CONTENT_TYPE: TEXT}}' (or HTML)"
        }
    }
}
