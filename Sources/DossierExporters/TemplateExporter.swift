public import DossierCore
public import Foundation
import Mustache

/// Renders each document through a Mustache template the user writes, so Markdown, HTML or text
/// outputs of one's own need no Swift.
///
/// ```yaml
/// exporters:
///   - template: { template: Examples/Templates/claims.md.mustache, to: 'out/{id}.md' }
/// ```
///
/// The template sees a context built for templates (`TemplateContext`, documented in
/// `Docs/Templates.md`): title, id, metadata, text, claims with claimant, kind, score, reasons and
/// sources, sources, quotes, entities, findings, metrics. Relative template paths are read from
/// the working directory, like input paths. The other `.mustache` files in the template's folder
/// are its partials. `dossier lint` reads and parses the template and its partials, never renders:
/// a missing file is `E284`, a syntax error `E285` with the template's `file:line:column`. Values
/// are HTML-escaped, as Mustache does by default; a template for Markdown or text starts with
/// `{{% CONTENT_TYPE: TEXT}}`, or uses `{{{triple}}}` tags.
public struct TemplateExporter: Exporter {
    /// Which template.
    public struct Options: ComponentOptions, Hashable {
        /// The Mustache file, relative to the working directory.
        public var template: String = ""

        /// Creates the default options.
        public init() {}

        /// One line of help per option key.
        public static var help: [String: String] {
            [
                "template":
                    "the Mustache template file (relative to the working directory); the other .mustache files in its folder are its partials"
            ]
        }
    }

    /// The id pipelines name this exporter by.
    public static let id = "template"
    /// One line saying what it does.
    public static let summary =
        "your own Markdown, HTML or text through a Mustache template, with claims, sources, quotes, entities, findings and metrics in its context"
    /// The extension of the files it writes when `to:` does not say.
    public static let fileExtension = "txt"

    /// The options this exporter was created with.
    public let options: Options
    private let files: TemplateFiles

    /// Reads and parses the template and its partials, and nothing else: `dossier lint` calls this.
    public static func validate(_ options: Options) throws {
        _ = try TemplateFiles(path: options.template)
    }

    /// Reads and parses the template and its partials once, for every article.
    public init(options: Options) throws {
        self.options = options
        files = try TemplateFiles(path: options.template)
    }

    /// Renders one document through the template.
    public func export(_ document: Document, context: ExportContext) throws -> Data {
        let values = TemplateContext.make(document, pipeline: context.pipeline, exporter: context.exporter)
        guard let text = files.library.render(values, withTemplate: files.name) else {
            throw ComponentError(code: "E286", "the template '\(options.template)' is no longer in its library")
        }
        return Data(text.utf8)
    }
}
