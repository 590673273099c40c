internal import CLibXML2

#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

// No Foundation here: libxml2's headers bring the system ICU, which clashes with Foundation's.

/// Reads RSS 2.0, RSS 1.0 (RDF) and Atom feeds with libxml2's XML parser.
///
/// The parser never loads external entities or DTDs and never touches the network, so a hostile
/// feed cannot read local files or make requests. Elements are matched by local name, so feeds
/// that use unusual namespace prefixes still read.
struct FeedParser {
    /// What the whole feed says about itself.
    struct Channel {
        var title: String?
        var link: String?
        var language: String?
    }

    /// A feed that cannot be read at all.
    struct Failure: Error {
        var message: String
    }

    /// Parses `data` into the channel and its items, in feed order.
    static func parse(_ data: [UInt8], name: String) throws(Failure) -> (Channel, [FeedItem]) {
        let options = Int32(
            XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        LibXML2Quiet.install()
        let document: xmlDocPtr? = data.withUnsafeBytes { raw in
            guard let base = raw.bindMemory(to: CChar.self).baseAddress else { return nil }
            return xmlReadMemory(base, Int32(clamping: raw.count), name, nil, options)
        }
        guard let document else { throw Failure(message: "the feed is not XML that can be parsed") }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else { throw Failure(message: "the feed has no root element") }
        var channel = Channel()
        var items: [FeedItem] = []
        switch localName(root) {
        case "rss":
            for node in children(root) where localName(node) == "channel" {
                channel = readChannel(node)
                items = children(node).filter { localName($0) == "item" }.map(readRSSItem)
            }
        case "RDF":
            for node in children(root) {
                switch localName(node) {
                case "channel": channel = readChannel(node)
                case "item": items.append(readRSSItem(node))
                default: break
                }
            }
        case "feed":
            channel.title = children(root).first { localName($0) == "title" }.map(text)
            channel.link = children(root).first { localName($0) == "link" && attribute($0, "rel") ?? "alternate" == "alternate" }.flatMap {
                attribute($0, "href")
            }
            channel.language = attribute(root, "lang")
            items = children(root).filter { localName($0) == "entry" }.map(readAtomEntry)
        default:
            throw Failure(message: "the root element is '\(localName(root))', not 'rss', 'feed' or 'RDF'; this is not a feed")
        }
        return (channel, items)
    }

    private static func readChannel(_ node: xmlNodePtr) -> Channel {
        var channel = Channel()
        for child in children(node) {
            switch localName(child) {
            case "title": channel.title = text(child)
            case "link" where channel.link == nil: channel.link = text(child)
            case "language": channel.language = text(child)
            default: break
            }
        }
        return channel
    }

    private static func readRSSItem(_ node: xmlNodePtr) -> FeedItem {
        var item = FeedItem()
        var description: String?
        for child in children(node) {
            let value = text(child)
            switch localName(child) {
            case "title": item.title = value
            case "link": item.link = value
            case "guid": item.id = value
            case "encoded": item.content = value
            case "description": description = value
            case "pubDate", "date", "published": item.published = item.published ?? value
            case "modified", "updated": item.modified = value
            case "author", "creator": if !value.isEmpty { item.authors.append(cleanAuthor(value)) }
            default: break
            }
        }
        if item.content?.isEmpty ?? true { item.content = description }
        return item
    }

    private static func readAtomEntry(_ node: xmlNodePtr) -> FeedItem {
        var item = FeedItem()
        var summary: (String, Bool)?
        for child in children(node) {
            switch localName(child) {
            case "title": item.title = text(child)
            case "id": item.id = text(child)
            case "link":
                let rel = attribute(child, "rel") ?? "alternate"
                if rel == "alternate", item.link == nil { item.link = attribute(child, "href") }
            case "content":
                item.content = content(child)
                item.contentIsHTML = attribute(child, "type").map { $0 != "text" } ?? false
            case "summary":
                summary = (content(child), attribute(child, "type").map { $0 != "text" } ?? false)
            case "published": item.published = text(child)
            case "updated": item.modified = text(child)
            case "author":
                if let name = children(child).first(where: { localName($0) == "name" }).map(text), !name.isEmpty {
                    item.authors.append(name)
                }
            default: break
            }
        }
        if item.content?.isEmpty ?? true, let summary {
            item.content = summary.0
            item.contentIsHTML = summary.1
        }
        return item
    }

    /// Atom `type="xhtml"` content is markup inside the element; serialise it back to HTML.
    private static func content(_ node: xmlNodePtr) -> String {
        guard attribute(node, "type") == "xhtml" else { return text(node) }
        let buffer = xmlBufferCreate()
        defer { xmlBufferFree(buffer) }
        for child in children(node) { xmlNodeDump(buffer, node.pointee.doc, child, 0, 0) }
        guard let content = xmlBufferContent(buffer) else { return "" }
        return String(cString: content)
    }

    /// `jane@example.com (Jane Doe)` → `Jane Doe`, as RSS writes authors.
    private static func cleanAuthor(_ value: String) -> String {
        if let open = value.firstIndex(of: "("), let close = value.lastIndex(of: ")"), open < close, value.contains("@") {
            return trimmed(String(value[value.index(after: open)..<close]))
        }
        return value
    }

    static func trimmed(_ s: String) -> String {
        let scalars = s.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }

    // MARK: - libxml2 access

    private static func children(_ node: xmlNodePtr) -> [xmlNodePtr] {
        var result: [xmlNodePtr] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { result.append(current) }
            child = current.pointee.next
        }
        return result
    }

    private static func localName(_ node: xmlNodePtr) -> String {
        node.pointee.name.map { String(cString: $0) } ?? ""
    }

    private static func text(_ node: xmlNodePtr) -> String {
        guard let raw = xmlNodeGetContent(node) else { return "" }
        // libxml2's default allocator is malloc; `xmlFree` is a macro Swift cannot import.
        defer { free(raw) }
        return trimmed(String(cString: raw))
    }

    private static func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        let raw = name.withCString { xmlGetProp(node, UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) }
        guard let raw else { return nil }
        defer { free(raw) }
        return String(cString: raw)
    }
}
