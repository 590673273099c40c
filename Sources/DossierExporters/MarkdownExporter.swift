public import DossierCore
public import Foundation

/// Writes a readable brief of a document for a fact-checker: who said what, which claims need
/// checking and whether anything backs them.
///
/// Sections appear only when there is something to put in them, so the brief of a document that
/// has only been read and split into sentences is still useful: title, byline, lede, structure,
/// highlights, embedded posts and the article's own list of sources. Output is deterministic:
/// the same document always gives the same bytes.
public struct MarkdownExporter: Exporter {
    /// What the brief includes.
    public struct Options: ComponentOptions, Hashable {
        /// The most claims to list, most check-worthy first; 0 lists them all.
        public var maxClaims: Int = 20
        /// End the brief with which component produced each layer.
        public var includeProvenance: Bool = false

        /// Creates the default options.
        public init() {}

        /// One line of help per option key.
        public static var help: [String: String] {
            [
                "maxClaims": "the most claims to list, most check-worthy first; 0 lists them all",
                "includeProvenance": "end the brief with a table of which component (and version) produced each layer",
            ]
        }
    }

    /// The id pipelines name this exporter by.
    public static let id = "markdown"
    /// One line saying what it does.
    public static let summary =
        "a Markdown brief for fact-checkers: title, byline, lede, structure and highlights, the article's sources; "
        + "quotes, entities, claims, findings, metrics and dates when analyzers provide them"
    /// The extension of the files it writes.
    public static let fileExtension = "md"

    /// The options this exporter was created with.
    public let options: Options

    /// A negative `maxClaims` is refused; creates nothing, for `dossier lint` and `dossier plan`.
    public static func validate(_ options: Options) throws {
        guard options.maxClaims >= 0 else {
            throw ComponentError(
                code: "E240", "'maxClaims' is '\(options.maxClaims)' but must be 0 (list every claim) or more", option: "maxClaims")
        }
    }

    /// Creates the exporter; throws what `validate` throws.
    public init(options: Options = Options()) throws {
        try Self.validate(options)
        self.options = options
    }

    /// Renders one document as a Markdown brief.
    public func export(_ document: Document, context: ExportContext) throws -> Data {
        var brief = MarkdownBrief(document, options: options)
        brief.render()
        return brief.out.withBytes { Data(buffer: $0) }
    }

    /// The brief as a string, for callers that want text rather than bytes.
    public func render(_ document: Document) -> String {
        var brief = MarkdownBrief(document, options: options)
        brief.render()
        return brief.out.withBytes { String(decoding: $0, as: UTF8.self) }
    }

    /// `text` cut to `limit` characters at a word boundary, with an ellipsis when cut.
    static func clipped(_ text: String, _ limit: Int) -> String {
        // Scalars, not characters: counting graphemes walks the whole text, and a clip is approximate anyway.
        guard text.unicodeScalars.count > limit else { return text }
        let cut = Substring(text.unicodeScalars.prefix(limit))
        return (cut.lastIndex(of: " ").map { String(cut[..<$0]) } ?? String(cut)) + "…"
    }

    /// Whole numbers without a decimal point, others in Swift's shortest round-tripping form.
    static func number(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }
}
