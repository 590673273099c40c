public import DossierCore
public import Foundation

/// The `html` reader: news pages, reduced to the article's own text and structure.
///
/// The page is parsed with libxml2's forgiving HTML parser (the one lxml uses), copied into a
/// flat Swift tree, and the main content is found by Readability-style scoring (see
/// `HTMLContentExtractor`). Navigation, share bars, cookie banners, comments, related stories and
/// footers are left out; headings, paragraphs, list items, quotations, embedded posts, captions,
/// bylines and datelines become blocks; a line that is mostly a `<time>` element is a dateline, not
/// running text. The canonical text is the title (when known) followed by
/// the blocks, one per line, with whitespace collapsed inside each.
///
/// Metadata comes from JSON-LD, OpenGraph, Twitter cards, `<meta>` names, `<time>`, bylines and
/// `<html lang>`; dates are normalised to ISO 8601. Every `<a href>` in the content becomes a
/// link with its range in the text, except the author's own links (those in a byline, and
/// `rel=author`), which name who wrote the story rather than what it cites. Links are resolved
/// against `<base href>`, the canonical address or the `baseURL` option.
///
/// Errors: `E430` empty input, `E431` binary data, `E432` larger than `maxBytes`, `E433` libxml2
/// produced no document, `E434` no article text, `E435` an unusable option value, `E436` an element
/// with more than 256 attributes (see `HTMLAttributeScan`).
public struct HTMLReader: Reader {
    public static let id = "html"
    public static let summary = "reads HTML news pages: main-content extraction, metadata (JSON-LD, OpenGraph, meta), links with ranges"
    public static let fileExtensions = ["html", "htm", "xhtml"]

    /// The options the reader was created with.
    public let options: Options

    /// Creates the reader with the default options, which cannot fail.
    public init() {
        options = Options()
    }

    /// Throws `E435` when an option value is unusable; creates nothing, for `dossier lint` and `dossier plan`.
    public static func validate(_ options: Options) throws {
        if options.minParagraphLength < 1 {
            throw ComponentError(
                code: "E435", "minParagraphLength must be at least 1, not '\(options.minParagraphLength)'", option: "minParagraphLength")
        }
        if options.maxBytes < 1 {
            throw ComponentError(code: "E435", "maxBytes must be positive, not '\(options.maxBytes)'", option: "maxBytes")
        }
        if options.maxBytes > TextRange.maxOffset {
            throw ComponentError(
                code: "E435",
                "maxBytes is '\(options.maxBytes)', more than the largest document Dossier can hold (\(TextRange.maxOffset)); split the input",
                option: "maxBytes")
        }
        if let base = options.baseURL, URL(string: base)?.scheme == nil {
            throw ComponentError(
                code: "E435", "baseURL '\(base)' is not an absolute address; write it with a scheme, such as 'https://example.com/'",
                option: "baseURL")
        }
    }

    /// Creates the reader; throws what `validate` throws.
    public init(options: Options) throws {
        try Self.validate(options)
        self.options = options
    }

    /// Whether `head` opens like HTML: after a byte-order mark, whitespace and comments, a doctype
    /// or one of the elements pages start with.
    public static func sniff(_ head: Data) -> Bool {
        var bytes = [UInt8](head.prefix(4096))
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var i = 0
        while i < bytes.count {
            while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
            let rest = String(decoding: bytes[i..<min(bytes.count, i + 16)], as: UTF8.self).lowercased()
            if rest.hasPrefix("<!--") {
                guard let end = String(decoding: bytes[i...], as: UTF8.self).range(of: "-->") else { return false }
                i += String(decoding: bytes[i...], as: UTF8.self)[..<end.upperBound].utf8.count
                continue
            }
            if rest.hasPrefix("<?xml") {
                guard let close = bytes[i...].firstIndex(of: UInt8(ascii: ">")) else { return false }
                i = close + 1
                continue
            }
            for opener in [
                "<!doctype html", "<html", "<head", "<body", "<article", "<meta", "<title", "<p>", "<p ", "<div", "<section", "<h1",
                "<main",
            ]
            where rest.hasPrefix(opener) {
                return true
            }
            return false
        }
        return false
    }

    public func read(_ input: Input) throws -> [Document] {
        let data = input.data
        if data.count > options.maxBytes {
            throw ComponentError(
                code: "E432",
                "page '\(input.name)' has \(data.count) bytes, more than maxBytes (\(options.maxBytes)); raise maxBytes to read it")
        }
        if data.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x0C }) {
            throw ComponentError(code: "E430", "page '\(input.name)' is empty; give the reader an HTML file")
        }
        if Self.looksBinary(data) {
            throw ComponentError(code: "E431", "page '\(input.name)' holds binary data, not HTML; check that the right file was given")
        }
        let encoding = HTMLEncoding(data: data)
        if let offset = Self.elementOverAttributeLimit(encoding) {
            throw ComponentError(
                code: "E436",
                "page '\(input.name)' has an element with more than \(HTMLAttributeScan.limit) attributes (its tag starts at byte \(offset)),"
                    + " which the HTML parser would take minutes to read; remove the excess attributes")
        }
        guard let tree = HTMLTree(encoding: encoding) else {
            throw ComponentError(code: "E433", "libxml2 could not parse page '\(input.name)' as HTML (encoding '\(encoding.name)')")
        }
        let found = HTMLMetadataReader(tree: tree).read()
        var metadata = found.metadata
        let base = Self.baseURL(found: found, option: options.baseURL)

        let (extractor, roots) = Self.extract(tree, minParagraphLength: options.minParagraphLength)
        var writer = HTMLBlockWriter(
            tree: tree, isKept: { [extractor] in extractor.isKept($0) }, keepCaptions: options.keepCaptions,
            resolve: { Self.resolve($0, against: base) })
        writer.write(roots: roots)
        var layout = HTMLLayout(pieces: writer.pieces, title: metadata.title)
        layout.build()
        guard layout.hasBody else {
            throw ComponentError(
                code: "E434", "no article text found in page '\(input.name)'; it may be an index page, a redirect or rendered by scripts")
        }
        if metadata.authors.isEmpty { metadata.authors = layout.bylineAuthors }
        if metadata.authors.isEmpty { metadata.authors = found.fallbackAuthors }
        if metadata.title == nil { metadata.title = layout.titleText }
        return [
            Document(
                id: input.id, text: HTMLLayout.string(layout.scalars), blocks: layout.blocks, metadata: metadata,
                links: layout.links + writer.images, origin: input.name, reader: Self.provenance)
        ]
    }

    /// Readability's retry: a strict pass first; when it keeps less than `enough` characters, passes
    /// that stop removing unlikely containers, then stop trusting class names, then stop cleaning.
    /// The first pass that finds enough wins, else the one that found the most.
    static func extract(_ tree: HTMLTree, minParagraphLength: Int, enough: Int = 500) -> (HTMLContentExtractor, [Int]) {
        var extractor = HTMLContentExtractor(tree: tree, minParagraphLength: minParagraphLength)
        var best: (HTMLContentExtractor, [Int], Int)?
        for pass in 0..<4 {
            if pass >= 1 { extractor.strictness.stripUnlikely = false }
            if pass >= 2 { extractor.strictness.weightClasses = false }
            if pass >= 3 { extractor.strictness.cleanConditionally = false }
            let roots = extractor.extract()
            let length = roots.reduce(0) { $0 + extractor.textLength(of: $1) }
            if length >= enough { return (extractor, roots) }
            if best == nil || length > best!.2 { best = (extractor, roots, length) }
        }
        return (best!.0, best!.1)
    }

    /// The offset of the first start tag with more attributes than `HTMLAttributeScan.limit`.
    ///
    /// UTF-16 is scanned through its ASCII projection, one byte per code unit, so the markup
    /// cannot hide from the scan behind the NUL bytes of its encoding.
    static func elementOverAttributeLimit(_ encoding: HTMLEncoding) -> Int? {
        guard encoding.name.hasPrefix("UTF-16") else {
            return encoding.bytes.withUnsafeBufferPointer { HTMLAttributeScan.firstOverLimit($0) }
        }
        let high = encoding.name == "UTF-16BE" ? 0 : 1
        let units = encoding.bytes.count / 2
        let ascii = [UInt8](unsafeUninitializedCapacity: units) { buffer, count in
            for k in 0..<units {
                let (hi, lo) = (encoding.bytes[2 * k + high], encoding.bytes[2 * k + 1 - high])
                buffer[k] = hi == 0 && lo < 0x80 ? lo : 0x80
            }
            count = units
        }
        return ascii.withUnsafeBufferPointer { HTMLAttributeScan.firstOverLimit($0) }.map { 2 * $0 }
    }

    /// Binary data has control bytes that no HTML page contains; a few are tolerated as damage.
    static func looksBinary(_ data: Data) -> Bool {
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) { return false }
        let head = data.prefix(4096)
        var controls = 0
        for b in head where b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B) { controls += 1 }
        return controls * 20 > head.count || (head.count < 20 && controls > 0)
    }

    /// The address relative links resolve against: `<base href>` (itself resolved), the canonical
    /// address or `og:url`, then the `baseURL` option.
    static func baseURL(found: HTMLMetadataReader.Found, option: String?) -> URL? {
        let page = found.metadata.url.flatMap { URL(string: $0) }.flatMap { $0.scheme == nil ? nil : $0 }
        let fallback = page ?? option.flatMap { URL(string: $0) }
        if let base = found.base?.trimmingWhitespace(), !base.isEmpty, let url = URL(string: base, relativeTo: fallback)?.absoluteURL,
            url.scheme != nil
        {
            return url
        }
        return fallback
    }

    static func resolve(_ href: String, against base: URL?) -> String? {
        let href = href.trimmingWhitespace()
        guard !href.isEmpty else { return nil }
        let url =
            URL(string: href, relativeTo: base)
            ?? href.addingPercentEncoding(withAllowedCharacters: .urlFragmentAllowed.union(["#", "%"])).flatMap {
                URL(string: $0, relativeTo: base)
            }
        return url?.absoluteString ?? href
    }
}
