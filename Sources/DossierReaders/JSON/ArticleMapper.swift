import DossierCore
import Foundation

/// Makes a document from one generic article object, through an `ArticleFields` mapping.
///
/// Shared by the `json` and `jsonl` readers so both read the same object the same way. The
/// canonical text is the title (a `title` block), then the body's paragraphs, a blank line apart;
/// the first paragraph is the lede. A plain-text body is split at blank lines, or at line breaks
/// when it has no blank line (scrapers often write one paragraph per line); the lines of a
/// paragraph are kept, each with its whitespace collapsed. An HTML body goes through
/// `HTMLTextExtractor`. A first paragraph or `h1` that repeats the title is dropped, since many
/// dumps repeat the headline at the top of the body.
struct ArticleMapper {
    let fields: ArticleFields
    /// Whether a text field whose value is plainly HTML is read as HTML.
    let detectHTML: Bool
    /// Each field's paths, split into segments once rather than per article.
    private let id, title, text, html, url, published, modified, authors, publisher, language: [[String]]

    /// Creates a mapper.
    init(fields: ArticleFields, detectHTML: Bool) {
        self.fields = fields
        self.detectHTML = detectHTML
        func split(_ paths: [String]) -> [[String]] {
            paths.map { $0.split(separator: ".", omittingEmptySubsequences: false).map(String.init) }
        }
        id = split(fields.id)
        title = split(fields.title)
        text = split(fields.text)
        html = split(fields.html)
        url = split(fields.url)
        published = split(fields.published)
        modified = split(fields.modified)
        authors = split(fields.authors)
        publisher = split(fields.publisher)
        language = split(fields.language)
    }

    /// The id the mapped id field gives `object`, or nil.
    func id(of object: [String: Any]) -> String? {
        for path in id { if let value = JSONTree.text(JSONTree.value(at: path, in: object)) { return value } }
        return nil
    }

    /// The document for `object`; `fallbackID` is used when the id field is missing.
    func document(from object: [String: Any], fallbackID: String, origin: String, provenance: Provenance) throws -> Document {
        var metadata = Metadata()
        metadata.title = first(title, JSONTree.text)
        metadata.url = first(url, JSONTree.text)
        metadata.published = first(published, JSONTree.text)
        metadata.modified = first(modified, JSONTree.text)
        metadata.language = first(language, JSONTree.text)
        metadata.publisher = first(publisher, JSONTree.name)
        metadata.authors = first(authors) { JSONTree.names($0).nilIfEmpty } ?? []
        func first<T>(_ paths: [[String]], _ convert: (Any?) -> T?) -> T? {
            for path in paths { if let value = convert(JSONTree.value(at: path, in: object)) { return value } }
            return nil
        }

        var writer = ArticleTextWriter()
        if let title = metadata.title {
            writer.write(title)
            writer.endBlock(.title)
        }
        let body = first(text) { $0 as? String }
        if let body, !(detectHTML && Self.looksLikeHTML(body)) {
            writePlain(body, title: metadata.title, into: &writer)
        } else if let html = body ?? first(html, { $0 as? String }) {
            var extractor = HTMLTextExtractor(base: metadata.url, title: metadata.title)
            try extractor.extract(html, into: &writer)
            if metadata.title == nil { metadata.title = extractor.foundTitle }
        }
        guard !writer.blocks.isEmpty else {
            let keys = object.keys.sorted().prefix(12).map { "'\($0)'" }.joined(separator: ", ")
            throw ComponentError(
                code: JSONReader.ErrorCode.noText,
                "the article has no title or text: none of the fields \(Self.quoted(fields.title + fields.text + fields.html)) holds any; its keys are \(keys.isEmpty ? "none" : keys); map the right ones with the 'fields' option"
            )
        }
        if let lede = writer.blocks.firstIndex(where: { $0.kind == .paragraph }) { writer.setKind(.lede, at: lede) }
        let id = self.id(of: object) ?? fallbackID
        return Document(
            id: id, text: String(scalars: writer.scalars), blocks: writer.blocks, metadata: metadata, links: writer.links, origin: origin,
            reader: provenance)
    }

    /// Writes a plain-text body as paragraphs, with bare addresses as hyperlinks.
    private func writePlain(_ body: String, title: String?, into writer: inout ArticleTextWriter) {
        let resolver = URLResolver(base: nil)
        for (index, paragraph) in Self.paragraphs(body).enumerated() {
            for (n, line) in paragraph.enumerated() {
                if n > 0 { writer.lineBreak() }
                writer.write(line)
            }
            if index == 0, let title, writer.openBlockLength == title.unicodeScalars.count, writer.openBlockText == title {
                writer.discardBlock()
                continue
            }
            guard let range = writer.endBlock(.paragraph) else { continue }
            for match in URLScanner.scan(writer.scalars, in: range.offsets) {
                writer.links.append(
                    Link(url: resolver.resolve(match.url), text: match.text, range: TextRange(match.range), origin: .hyperlink))
            }
        }
    }

    /// The paragraphs of `text`, each as its non-blank lines.
    ///
    /// Split on scalars, not characters: grapheme breaking is needless for line breaks and was
    /// the slowest step on large bodies. `\r\n` and `\r` count as line breaks.
    static func paragraphs(_ text: String) -> [[Substring.UnicodeScalarView]] {
        let view = text.unicodeScalars[...]
        var paragraphs: [[Substring.UnicodeScalarView]] = []
        var current: [Substring.UnicodeScalarView] = []
        var sawBlank = false
        var lineStart = view.startIndex
        var index = view.startIndex
        while true {
            let atEnd = index == view.endIndex
            if atEnd || view[index] == "\n" || view[index] == "\r" {
                let line = view[lineStart..<index]
                if line.allSatisfy(\.isSpace) {
                    if !current.isEmpty {
                        sawBlank = true
                        paragraphs.append(current)
                        current = []
                    }
                } else {
                    current.append(line)
                }
                if atEnd { break }
                let wasReturn = view[index] == "\r"
                view.formIndex(after: &index)
                if wasReturn, index < view.endIndex, view[index] == "\n" { view.formIndex(after: &index) }
                lineStart = index
            } else {
                view.formIndex(after: &index)
            }
        }
        if !current.isEmpty { paragraphs.append(current) }
        // Without any blank line, each line is a paragraph.
        if !sawBlank, paragraphs.count == 1 { return paragraphs[0].map { [$0] } }
        return paragraphs
    }

    /// Whether a text value is really HTML: it opens with a tag and closes one somewhere.
    static func looksLikeHTML(_ text: String) -> Bool {
        guard let first = text.first(where: { !$0.isWhitespace }), first == "<" else { return false }
        return text.contains("</") || text.contains("<br") || text.contains("/>")
    }

    private static func quoted(_ paths: [String]) -> String {
        paths.map { "'\($0)'" }.joined(separator: ", ")
    }
}

extension Array {
    /// Nil for an empty array, for chaining with `??`.
    fileprivate var nilIfEmpty: Self? { isEmpty ? nil : self }
}
