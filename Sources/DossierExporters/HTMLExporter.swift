public import DossierCore
public import Foundation

/// Writes a self-contained HTML report of a document: the article text with claims, quotes, names,
/// sources and findings highlighted and toggled by layer, a side panel of claims with their
/// claimant, kind, score, reasons and sources, and the figures at a glance.
///
/// Every page carries its style sheet and script inline and loads nothing. All text from the
/// document is escaped; only `http:` and `https:` addresses become links. Highlights nest validly
/// however they overlap (see `HTMLHighlighter`). `export` always returns a whole page; the sink
/// (`HTMLSink`) puts several articles into one page for a shared file or standard output, and
/// writes an index page beside a file per article. Sections whose layer is empty are left out, so
/// the report of a document that was only read is still its text. Output is deterministic.
public struct HTMLExporter: Exporter {
    /// What the report includes and how a batch is indexed.
    public struct Options: ComponentOptions, Hashable {
        /// The most claims the side panel lists, most check-worthy first; 0 lists them all.
        public var maxClaims: Int = 0
        /// With a file per article (`to: out/{id}.html`), the name of the index page written in
        /// the target's folder, linking every article; empty for none.
        public var index: String = "index.html"
        /// The name in every page's top bar, and the title of a page of several articles and of
        /// the index.
        public var title: String = "Dossier report"

        /// Creates the default options.
        public init() {}

        /// One line of help per option key.
        public static var help: [String: String] {
            [
                "maxClaims": "the most claims the side panel lists, most check-worthy first; 0 lists them all",
                "index": "with a file per article, the index page written beside them (a plain file name); empty for none",
                "title": "the name in each page's top bar, and the title of a multi-article page and of the index",
            ]
        }
    }

    /// The id pipelines name this exporter by.
    public static let id = "html"
    /// One line saying what it does.
    public static let summary =
        "a self-contained HTML report per article: the text with claims, quotes, names, sources and findings highlighted by layer, "
        + "a side panel of claims (claimant, kind, score, why, sources), figures at a glance; an index page for a batch"
    /// The extension of the files it writes.
    public static let fileExtension = "html"

    /// The options this exporter was created with.
    public let options: Options

    /// Refuses a negative `maxClaims` and an `index` that is not a plain file name.
    public static func validate(_ options: Options) throws {
        guard options.maxClaims >= 0 else {
            throw ComponentError(
                code: "E250", "'maxClaims' is '\(options.maxClaims)' but must be 0 (list every claim) or more", option: "maxClaims")
        }
        let name = options.index
        let plain =
            name.isEmpty
            || (!name.hasPrefix(".") && name.utf8.count <= 255
                && !name.unicodeScalars.contains { $0 == "/" || $0 == "\\" || $0.value < 0x20 || $0.value == 0x7F })
        guard plain else {
            throw ComponentError(
                code: "E251",
                "'index' is '\(name.unicodeScalars.map { $0.value < 0x20 ? "?" : String($0) }.joined())' but must be a plain file name "
                    + "such as 'index.html' (no '/', no leading '.'), or empty for no index",
                option: "index")
        }
    }

    /// Creates the exporter; throws what `validate` throws.
    public init(options: Options = Options()) throws {
        try Self.validate(options)
        self.options = options
    }

    /// Renders one document as a whole HTML page.
    public func export(_ document: Document, context: ExportContext) throws -> Data {
        Data(render(document))
    }

    /// The page as UTF-8 bytes.
    public func render(_ document: Document) -> [UInt8] {
        var article = HTMLArticle(document, maxClaims: options.maxClaims)
        // Markup and text run to about three times the article; reserving saves the regrowth.
        var out = HTMLBuffer(capacity: 3 * document.length + 24_576)
        HTMLPage.head(
            title: Self.title(of: document) + " — " + options.title, brand: options.title, language: document.metadata.language,
            indexLink: false, into: &out)
        article.render(into: &out)
        HTMLPage.foot(into: &out)
        return out.bytes
    }

    /// Opens the sink that joins articles into one page, or indexes a file per article.
    public func makeSink(for output: any ExportOutput, context: ExportContext) throws -> any ExportSink {
        HTMLSink(output, options: options)
    }

    /// The article's headline: its metadata title, its title block, or its id.
    static func title(of d: Document) -> String {
        d.metadata.title ?? d.blocks(of: .title).first.map { d.text(in: $0.range) } ?? d.id
    }
}
