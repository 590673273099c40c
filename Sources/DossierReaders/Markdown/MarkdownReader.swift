public import DossierCore
public import Foundation

/// The `markdown` reader: CommonMark articles, with optional YAML front matter.
///
/// The file is parsed with libcmark, the CommonMark reference implementation. The canonical text
/// is the rendered text without markup (see `MarkdownLayout`); the blocks follow the CommonMark
/// tree: the first top-level `#` heading is the title, the first top-level paragraph the lede,
/// other headings keep their level, paragraphs in list items are list items (with the nesting
/// depth as `level` and the heading above as `label`), paragraphs in block quotes are block
/// quotes, a paragraph holding only images is a caption (their alt text), code blocks are
/// paragraphs or dropped, thematic breaks and raw HTML are dropped. Under a "Sources" or
/// "References" heading each paragraph or list item is a sources-section entry. A top-level
/// paragraph `Sources:` (or `**Sources:**`) opens the section as the `text` reader's line does,
/// up to the next heading of any level, and `Sources: Reuters, AP` opens it with its first entry.
///
/// Every link and image is a `Link` whose range covers its visible text; addresses are resolved
/// against `metadata.url`. Front matter (`---` … `---` at the top) fills `metadata`: `title`,
/// `author`/`authors`, `publisher`/`site`, `published`/`date`, `modified`/`updated`,
/// `url`/`canonical`, `language`/`lang`; without a front-matter title the first `#` heading is
/// the title.
///
/// Error codes: `E440` empty article, `E441` not UTF-8 text, `E442` front matter is not valid
/// YAML, `E443` a front-matter value has the wrong shape, `E444` front matter never closed,
/// `E445` input larger than `maxBytes`, `E446` an empty sources heading in the options. Front
/// matter errors start with `file:line:column` of the whole file.
public struct MarkdownReader: Reader {
    public static let id = "markdown"
    public static let summary =
        "reads CommonMark articles with YAML front matter: title, lede, headings, lists, quotes, captions, links and a sources section"
    public static let fileExtensions = ["md", "markdown", "mdown"]

    /// The stable error codes of this reader.
    public enum ErrorCode {
        /// The article has no text.
        public static let empty = "E440"
        /// The input is not UTF-8 text.
        public static let notText = "E441"
        /// The front matter is not valid YAML.
        public static let invalidFrontMatter = "E442"
        /// A front-matter value is a list where text was expected, or the front matter is not a mapping.
        public static let frontMatterShape = "E443"
        /// The front matter is opened but never closed.
        public static let unclosedFrontMatter = "E444"
        /// The input is larger than the `maxBytes` option allows.
        public static let tooLarge = "E445"
        /// An option value is unusable.
        public static let badOption = "E446"
    }

    /// The options the reader was created with.
    public let options: Options

    /// Creates the reader with the default options, which cannot fail.
    public init() {
        options = Options()
    }

    /// Throws when a sources heading is empty or `maxBytes` is not positive or above `TextRange.maxOffset`; creates nothing, for `dossier lint` and `dossier plan`.
    public static func validate(_ options: Options) throws {
        try SourcesHeadings.validate(options.sourcesHeadings, code: ErrorCode.badOption)
        try MaxBytes.validate(options.maxBytes, code: ErrorCode.badOption, example: 32 << 20, withinDocument: true)
    }

    /// Creates the reader; throws what `validate` throws.
    public init(options: Options) throws {
        try Self.validate(options)
        self.options = options
    }

    /// Whether `head` opens with front matter, or has a line that only Markdown writes: an ATX
    /// heading (`# Title`), a Markdown link or image (`[text](…)`), or a fenced code block.
    ///
    /// Conservative on purpose: plain text with a stray `*` or `-` list still goes to `text`,
    /// which handles it, while a file that is clearly Markdown gets the reader that removes markup.
    public static func sniff(_ head: Data) -> Bool {
        guard !head.isEmpty, !head.contains(0) else { return false }
        var bytes = head[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        let text = String(decoding: bytes, as: UTF8.self)
        if text.hasPrefix("---\n") || text.hasPrefix("---\r\n") { return true }
        // Markup and JSON open with these; a Markdown file may open with a link, `[text](…)`.
        if let first = text.first(where: { !$0.isWhitespace }), first == "<" || first == "{" || (first == "[" && !text.contains("](")) {
            return false
        }
        for line in text.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline) {
            if isATXHeading(line) || line.hasPrefix("```") || line.hasPrefix("~~~") { return true }
            if let open = line.range(of: "]("), line[..<open.lowerBound].contains("["), line[open.upperBound...].contains(")") {
                return true
            }
        }
        return false
    }

    /// `#` to `######`, a space, then text: the heading form plain text almost never has.
    private static func isATXHeading(_ line: Substring) -> Bool {
        let hashes = line.prefix(while: { $0 == "#" }).count
        guard (1...6).contains(hashes) else { return false }
        let rest = line.dropFirst(hashes)
        return rest.first == " " && rest.contains(where: { !$0.isWhitespace })
    }

    public func read(_ input: Input) throws -> [Document] {
        try MaxBytes.check(
            input, maxBytes: options.maxBytes, code: ErrorCode.tooLarge, advice: "raise the 'maxBytes' option if it really is one article")
        let scalars: ScalarBuffer
        do {
            scalars = try PlainTextDecoder.decode(input.data, name: input.name)
        } catch let error as ComponentError {
            throw ComponentError(code: ErrorCode.notText, error.message)
        }
        if let nul = scalars.firstIndex(of: "\0") {
            throw ComponentError(
                code: ErrorCode.notText, "input '\(input.name)' holds a NUL character at scalar \(nul), so it is binary data, not Markdown")
        }
        let frontMatter = try FrontMatter(scalars: scalars, name: input.name)
        var layout = MarkdownLayout(options: options, base: frontMatter.metadata.url)
        let result = layout.layout(String(scalars: scalars[frontMatter.bodyStart...]))
        guard !result.blocks.isEmpty else {
            throw ComponentError(code: ErrorCode.empty, "the article '\(input.name)' has no text outside its front matter and markup")
        }
        var metadata = frontMatter.metadata
        if metadata.title == nil { metadata.title = result.title }
        if metadata.authors.isEmpty { metadata.authors = result.bylineAuthors }
        return [
            Document(
                id: input.id, text: String(scalars: result.scalars), blocks: result.blocks, metadata: metadata, links: result.links,
                origin: input.name, reader: Self.provenance)
        ]
    }
}
