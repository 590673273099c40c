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
/// opening with `-`, `*`, `•`, `–`, `1.` or `1)` are list items, unless the next marker of the same
/// series follows on the same line (`1. First 2. Second`), which makes the line a paragraph that keeps
/// its markers, for the sentence splitter to split there; a line with a social-media link
/// next to an attribution such as `— Name (@handle) May 2, 2025` is an embedded post; a line
/// such as `Sources:` opens the sources section, and `Sources: Reuters, AP` opens it with its first
/// entry on the same line (the rule `SourcesHeadings` shares with the `markdown` reader); `By …`
/// lines are bylines.
///
/// Errors: `E410` invalid UTF-8, `E411` empty input, `E412` an empty sources heading, `E413`
/// larger than `maxBytes`, `E414` a `maxBytes` that is not positive, `E415` NUL bytes (binary
/// data), `E416` UTF-16 without a byte-order mark, `E417` invalid UTF-16 after a byte-order mark.
public struct TextReader: Reader {
    public static let id = "text"
    public static let summary = "reads plain-text articles, recognising title, headings, lists, embeds, bylines and a sources section"
    public static let fileExtensions = ["txt", "text"]

    /// The options the reader was created with.
    public let options: Options

    /// The sources headings of `options`, prepared once for every article the reader reads.
    private let sourcesHeadings: SourcesHeadings

    /// Creates the reader with the default options, which cannot fail.
    public init() {
        options = Options()
        sourcesHeadings = SourcesHeadings(options.sourcesHeadings)
    }

    /// Throws when a sources heading is empty or `maxBytes` is not positive or above `TextRange.maxOffset`; creates nothing, for `dossier lint` and `dossier plan`.
    public static func validate(_ options: Options) throws {
        try SourcesHeadings.validate(options.sourcesHeadings, code: "E412")
        try MaxBytes.validate(options.maxBytes, code: "E414", example: 64 << 20, withinDocument: true)
    }

    /// Creates the reader; throws what `validate` throws.
    public init(options: Options) throws {
        try Self.validate(options)
        self.options = options
        sourcesHeadings = SourcesHeadings(options.sourcesHeadings)
    }

    /// Whether `head` is UTF-8 text without NUL bytes that does not open like markup or JSON.
    public static func sniff(_ head: Data) -> Bool {
        guard !head.isEmpty, !head.contains(0) else { return false }
        guard let scalars = try? PlainTextDecoder.decode(head, name: "", allowTruncatedEnd: true) else { return false }
        guard let first = scalars.first(where: { !$0.properties.isWhitespace }) else { return false }
        return first != "<" && first != "{" && first != "["
    }

    public func read(_ input: Input) throws -> [Document] {
        try MaxBytes.check(
            input, maxBytes: options.maxBytes, code: "E413", advice: "raise the 'maxBytes' option if it really is one article")
        // The layout keeps offsets in 32 bits, so that its working memory stays within the article's size.
        guard input.data.count <= Int(Int32.max) else {
            throw ComponentError(
                code: "E413", "input '\(input.name)' has \(input.data.count) bytes; the text reader reads articles of up to 2 GiB, split it"
            )
        }
        var scalars = try PlainTextDecoder.decode(input.data, name: input.name)
        let lines = PlainTextDecoder.normalise(&scalars)
        guard !lines.isEmpty else { throw ComponentError(code: "E411", "the article is empty") }
        let layout = TextLayout(scalars: scalars, options: options, sourcesHeadings: sourcesHeadings).build(lines: consume lines)
        return [
            Document(
                id: input.id, scalars: scalars, blocks: layout.blocks, metadata: layout.metadata, links: layout.links,
                origin: input.name, reader: Self.provenance)
        ]
    }
}
