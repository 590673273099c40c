public import DossierCore
public import Foundation

/// Reads RSS 2.0, RSS 1.0 and Atom feeds: each item becomes an article.
///
/// An item's HTML content goes through the `html` reader's extraction, so its blocks and links are
/// found the same way as for a web page; its title, address, dates and authors come from the item,
/// and the feed's title and language fill the publisher and language. An item with neither content
/// nor a title fails on its own (`E461`) while the others are read.
public struct FeedReader: Reader {
    /// The feed reader's options.
    public struct Options: ComponentOptions, Hashable {
        /// The most items to read from one feed; 0 reads them all.
        public var maxItems = 0
        /// Whether an item whose content is only a summary still becomes an article.
        public var includeSummaries = true
        /// The largest feed, in bytes, the reader accepts; bigger inputs fail with `E462` before
        /// libxml2 parses them.
        public var maxBytes = 64 << 20

        /// Creates the default options.
        public init() {}

        public static let help = [
            "maxItems": "read at most this many items per feed; 0 reads all",
            "includeSummaries": "turn items that carry only a summary into articles too",
            "maxBytes": "largest feed accepted, in bytes; larger inputs fail with E462",
        ]
    }

    public static let id = "feed"
    public static let summary = "RSS and Atom feeds: one article per item, content through the html reader"
    public static let fileExtensions = ["rss", "atom", "xml"]

    private let options: Options
    private let html: HTMLReader

    /// Throws when `maxItems` is negative or `maxBytes` not positive; creates nothing, for `dossier lint` and `dossier plan`.
    public static func validate(_ options: Options) throws {
        guard options.maxItems >= 0 else {
            throw ComponentError(code: "E240", "'maxItems' is '\(options.maxItems)' but must be 0 (all) or more", option: "maxItems")
        }
        try MaxBytes.validate(options.maxBytes, code: "E240", example: 64 << 20, withinDocument: false)
    }

    /// Creates the reader; throws what `validate` throws.
    public init(options: Options) throws {
        try Self.validate(options)
        self.options = options
        self.html = try HTMLReader(options: HTMLReader.Options())
    }

    /// Whether `head` opens like a feed: an `rss`, `feed` or `rdf:RDF` root element.
    public static func sniff(_ head: Data) -> Bool {
        let text = String(decoding: head.prefix(2048), as: UTF8.self)
        return text.contains("<rss") || text.contains("<rdf:RDF")
            || (text.contains("<feed") && text.contains("http://www.w3.org/2005/Atom"))
    }

    public func read(_ input: Input) throws -> [Document] {
        try readEach(input).compactMap { try? $0.get() }
    }

    public func readEach(_ input: Input) throws -> [Result<Document, ComponentError>] {
        guard !input.data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else {
            throw ComponentError(code: "E460", "the feed is empty")
        }
        try MaxBytes.check(input, maxBytes: options.maxBytes, code: "E462", advice: "raise the 'maxBytes' option if it really is one feed")
        let channel: FeedParser.Channel
        var items: [FeedItem]
        do {
            (channel, items) = try FeedParser.parse([UInt8](input.data), name: input.name)
        } catch {
            throw ComponentError(code: "E460", error.message)
        }
        guard !items.isEmpty else { throw ComponentError(code: "E460", "the feed has no items") }
        if options.maxItems > 0 { items = Array(items.prefix(options.maxItems)) }
        return items.enumerated().map { n, item in
            Result { () throws(ComponentError) -> Document in try document(for: item, number: n + 1, channel: channel, input: input) }
        }
    }

    private func document(for item: FeedItem, number: Int, channel: FeedParser.Channel, input: Input) throws(ComponentError) -> Document {
        let id = "\(input.id)-\(number)"
        let content = (item.content ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !content.isEmpty || !(item.title ?? "").isEmpty else {
            throw ComponentError(code: "E461", "item \(number) has neither a title nor content")
        }
        var document: Document
        if content.isEmpty {
            document = Document(
                id: id, text: item.title!, blocks: [Block(kind: .title, range: TextRange(start: 0, end: item.title!.unicodeScalars.count))])
        } else {
            // Give the item's HTML a title so the extractor keeps it as the first block.
            let body =
                item.contentIsHTML ? content : "<p>" + Self.escape(content).replacingOccurrences(of: "\n\n", with: "</p><p>") + "</p>"
            let page = "<html><head><title>\(Self.escape(item.title ?? ""))</title></head><body><article>\(body)</article></body></html>"
            do {
                guard let extracted = try html.read(Input(id: id, name: input.name, data: Data(page.utf8))).first else {
                    throw ComponentError(code: "E461", "item \(number) has no readable content")
                }
                document = extracted
            } catch let error as ComponentError {
                throw ComponentError(code: "E461", "item \(number): \(error.message)")
            } catch {
                throw ComponentError(code: "E461", "item \(number): \(error)")
            }
        }
        document.id = id
        document.origin = input.name
        document.reader = Self.provenance
        var metadata = document.metadata
        metadata.title = item.title ?? metadata.title
        metadata.url = item.link ?? item.id.flatMap { $0.hasPrefix("http") ? $0 : nil } ?? metadata.url
        metadata.published = item.published.map(FeedDate.iso8601) ?? metadata.published
        metadata.modified = item.modified.map(FeedDate.iso8601) ?? metadata.modified
        if !item.authors.isEmpty { metadata.authors = item.authors }
        metadata.publisher = channel.title ?? metadata.publisher
        metadata.language = channel.language ?? metadata.language
        document.metadata = metadata
        return document
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(
            of: ">", with: "&gt;")
    }
}
