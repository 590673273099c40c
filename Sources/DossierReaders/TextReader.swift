public import DossierCore
public import Foundation

/// The `text` reader: plain-text articles, with structure recovered from the shape of each line.
///
/// The canonical text is the input decoded as UTF-8 (without a byte-order mark), with line breaks
/// normalised to `\n`, trailing spaces removed, leading and trailing blank lines dropped and runs
/// of blank lines collapsed to one. The line structure is otherwise kept, so every block range
/// points at the block's own text, without its list marker or surrounding whitespace.
///
/// Blocks are recognised by generic rules: a short unpunctuated first line is the title; short
/// title-cased lines before longer text, and any short line before a list, are headings; lines
/// opening with `-`, `*`, `•`, `–`, `1.` or `1)` are list items; a line with a social-media link
/// next to an attribution such as `— Name (@handle) May 2, 2025` is an embedded post; a line
/// such as `Sources:` opens the sources section; `By …` lines are bylines.
public struct TextReader: Reader {
    public static let id = "text"
    public static let summary = "reads plain-text articles, recognising title, headings, lists, embeds, bylines and a sources section"
    public static let fileExtensions = ["txt", "text"]

    /// The options the reader was created with.
    public let options: Options

    /// Creates the reader with the default options, which cannot fail.
    public init() {
        options = Options()
    }

    /// Creates the reader; throws when a sources heading is empty.
    public init(options: Options) throws {
        try SourcesHeadings.validate(options.sourcesHeadings, code: "E412")
        self.options = options
    }

    /// Whether `head` is UTF-8 text without NUL bytes that does not open like markup or JSON.
    public static func sniff(_ head: Data) -> Bool {
        guard !head.isEmpty, !head.contains(0) else { return false }
        guard let scalars = try? PlainTextDecoder.decode(head, name: "", allowTruncatedEnd: true) else { return false }
        guard let first = scalars.first(where: { !$0.properties.isWhitespace }) else { return false }
        return first != "<" && first != "{" && first != "["
    }

    public func read(_ input: Input) throws -> [Document] {
        let scalars = try PlainTextDecoder.decode(input.data, name: input.name)
        let normalised = PlainTextDecoder.normalise(scalars)
        guard !normalised.lines.isEmpty else { throw ComponentError(code: "E411", "the article is empty") }
        let layout = TextLayout(scalars: normalised.scalars, lines: normalised.lines, options: options).build()
        return [
            Document(
                id: input.id, text: String(scalars: normalised.scalars), blocks: layout.blocks, metadata: layout.metadata, links: layout.links,
                origin: input.name, reader: Self.provenance)
        ]
    }
}
