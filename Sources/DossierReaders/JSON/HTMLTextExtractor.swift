internal import CLibXML2
import DossierCore

/// Turns an HTML fragment from a JSON field into blocks, simply: text at block-level elements
/// becomes paragraphs, headings, list items, block quotes and captions; links and images become
/// `Link`s.
///
/// This is a stop-gap for JSON with an HTML body. It does no boilerplate removal and no
/// site-specific extraction; that is the `html` reader's job, and this should hand over to it
/// once that reader exists. It uses libxml2's forgiving HTML parser (no network, errors
/// suppressed) and walks the tree with sibling and parent pointers, not recursion, so deep
/// nesting costs no stack.
///
/// The file does not import Foundation: libxml2's headers pull in the system ICU, whose
/// definitions clash with Foundation's own copy of ICU when both are visible in one file.
struct HTMLTextExtractor {
    /// Elements whose start and end separate blocks.
    private static let blockElements: Set<String> = [
        "address", "article", "aside", "blockquote", "dd", "details", "div", "dl", "dt", "fieldset", "figcaption", "figure",
        "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre",
        "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "ul", "body", "html",
    ]
    /// Elements whose content is not article text.
    private static let skippedElements: Set<String> = [
        "script", "style", "noscript", "template", "head", "iframe", "svg", "math", "object", "embed", "canvas", "video",
        "audio", "select", "textarea", "button",
    ]

    private let resolver: URLResolver
    /// The title the article already has, so an `h1` repeating it is dropped.
    private let title: String?
    /// The text of the first `h1`, taken as the title when the article had none.
    private(set) var foundTitle: String?
    /// The open elements from the root to the current node.
    private var path: [String] = []
    /// Anchors opened and not yet closed: their address and where their text starts.
    private var anchors: [(href: String, start: Int?)] = []

    /// Creates an extractor that resolves links against `base`.
    init(base: String?, title: String?) {
        resolver = URLResolver(base: base)
        self.title = title
    }

    /// Parses `html` and writes its blocks and links into `writer`.
    ///
    /// libxml2 stops reading at 256 nested elements (a guard against hostile input that
    /// `HTML_PARSE_HUGE` would lift); the text after that point would be lost without a word, so
    /// that case is an error instead.
    mutating func extract(_ html: String, into writer: inout ArticleTextWriter) throws {
        let bytes = Array(html.utf8)
        guard !bytes.isEmpty else { return }
        guard bytes.count < Int(Int32.max) else {
            throw ComponentError(
                code: JSONReader.ErrorCode.unreadableHTML, "the HTML body has \(bytes.count) bytes, more than libxml2 reads at once")
        }
        if let offset = bytes.withUnsafeBufferPointer({ HTMLAttributeScan.firstOverLimit($0) }) {
            throw ComponentError(
                code: JSONReader.ErrorCode.overAttributedHTML,
                "the HTML body has an element with more than \(HTMLAttributeScan.limit) attributes (its tag starts at byte \(offset) of the"
                    + " body), which the HTML parser would take minutes to read; remove the excess attributes")
        }
        // First: it initialises libxml2 once, which must happen before any context is made.
        LibXML2Quiet.install()
        guard let context = htmlNewParserCtxt() else {
            throw ComponentError(code: JSONReader.ErrorCode.unreadableHTML, "out of memory while starting the HTML parser")
        }
        defer { htmlFreeParserCtxt(context) }
        let options = Int32(
            bitPattern: HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                | HTML_PARSE_NONET.rawValue)
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                htmlCtxtReadMemory(context, $0, Int32(buffer.count), nil, "UTF-8", options)
            }
        }
        defer { if let document { xmlFreeDoc(document) } }
        if let message = context.pointee.lastError.message.map({ String(cString: $0) }), message.contains("Excessive depth") {
            throw ComponentError(
                code: JSONReader.ErrorCode.unreadableHTML,
                "the HTML body nests elements more than 256 deep, where libxml2 stops reading; the text beyond would be lost, so flatten the markup"
            )
        }
        guard let document else { return }
        walk(from: document.pointee.children, into: &writer)
        flush(into: &writer)
    }

    private mutating func walk(from first: xmlNodePtr?, into writer: inout ArticleTextWriter) {
        var next = first
        while let node = next {
            let descend = enter(node, into: &writer)
            if descend, let child = node.pointee.children {
                next = child
                continue
            }
            // Leave this node and every ancestor that has no further sibling.
            var current: xmlNodePtr? = node
            next = nil
            while let done = current {
                leave(done, into: &writer)
                if let sibling = done.pointee.next {
                    next = sibling
                    break
                }
                guard let parent = done.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE else { break }
                current = parent
            }
        }
    }

    private static func name(_ node: xmlNodePtr) -> String {
        node.pointee.name.map { String(cString: $0).lowercased() } ?? ""
    }

    /// The value of attribute `name`, read from the attribute list in place; `xmlGetProp` would
    /// return a copy to release with `xmlFree`, a global that strict concurrency rejects.
    private static func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        var attribute = node.pointee.properties
        while let current = attribute {
            if let attributeName = current.pointee.name, String(cString: attributeName).lowercased() == name {
                var value = ""
                var child = current.pointee.children
                while let text = child {
                    if let content = text.pointee.content { value += String(cString: content) }
                    child = text.pointee.next
                }
                return value
            }
            attribute = current.pointee.next
        }
        return nil
    }

    /// Handles the start of `node`; returns whether to walk its children.
    private mutating func enter(_ node: xmlNodePtr, into writer: inout ArticleTextWriter) -> Bool {
        switch node.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            guard let content = node.pointee.content else { return false }
            if let range = writer.write(String(cString: content)) {
                for i in anchors.indices where anchors[i].start == nil { anchors[i].start = range.start }
            }
            return false
        case XML_ELEMENT_NODE:
            let name = Self.name(node)
            if Self.skippedElements.contains(name) { return false }
            if Self.blockElements.contains(name) { flush(into: &writer) }
            switch name {
            case "br": writer.lineBreak()
            case "a": anchors.append((Self.attribute(node, "href") ?? "", nil))
            case "img":
                if let source = Self.attribute(node, "src") {
                    writer.links.append(
                        Link(url: resolver.resolve(source), text: Self.attribute(node, "alt") ?? "", range: nil, origin: .image))
                }
            default: break
            }
            path.append(name)
            return true
        default:
            return false
        }
    }

    /// Handles the end of `node`, once its children (if walked) are done.
    private mutating func leave(_ node: xmlNodePtr, into writer: inout ArticleTextWriter) {
        guard node.pointee.type == XML_ELEMENT_NODE else { return }
        let name = Self.name(node)
        guard !Self.skippedElements.contains(name) else { return }
        if Self.blockElements.contains(name) { flush(into: &writer) }
        if name == "a", let anchor = anchors.popLast() {
            let end = writer.nextContentOffset
            let range = anchor.start.flatMap { $0 < end ? TextRange(start: $0, end: end) : nil }
            writer.links.append(
                Link(url: resolver.resolve(anchor.href), text: range.map { writer.text(in: $0) } ?? "", range: range, origin: .hyperlink))
        }
        if !path.isEmpty { path.removeLast() }
    }

    /// Ends the block being written, its kind decided by the innermost element that has one.
    private mutating func flush(into writer: inout ArticleTextWriter) {
        guard writer.hasOpenBlock else { return }
        if path.last == "h1" || path.contains("h1") {
            let text = writer.openBlockText
            if text == title || (title == nil && foundTitle == text) {
                writer.discardBlock()
                return
            }
            if title == nil, foundTitle == nil, !writer.blocks.contains(where: { $0.kind == .title }) {
                foundTitle = text
                writer.endBlock(.title)
                return
            }
        }
        for element in path.reversed() {
            switch element {
            case "h1", "h2", "h3", "h4", "h5", "h6":
                writer.endBlock(.heading, level: Int(String(element.dropFirst())))
                return
            case "li", "dd", "dt":
                writer.endBlock(.listItem, level: max(1, path.filter { $0 == "ul" || $0 == "ol" || $0 == "dl" }.count))
                return
            case "blockquote":
                writer.endBlock(.blockQuote)
                return
            case "figcaption":
                writer.endBlock(.caption)
                return
            default: continue
            }
        }
        writer.endBlock(.paragraph)
    }
}
