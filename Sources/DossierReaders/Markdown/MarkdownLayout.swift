internal import CCMark
import DossierCore
import Foundation

/// Walks a CommonMark tree (libcmark's) and writes the canonical text, blocks and links.
///
/// The canonical text is what a reader of the rendered page sees: inline markers (emphasis, code
/// backticks, link brackets and destinations, raw HTML tags) are gone, link text and image alt
/// text are kept, a soft line break is a space and a hard one a line break. Blocks are separated
/// by a blank line, except consecutive list items and sources entries, which are separated by a
/// single line break, as a plain-text rendering would show them. Every block and link range
/// points into that text.
///
/// The walk uses cmark's iterator, not recursion, so a document nested thousands of levels deep
/// costs memory, not stack.
struct MarkdownLayout {
    /// What the walk produced.
    struct Result {
        var scalars: [Unicode.Scalar] = []
        var blocks: [Block] = []
        var links: [Link] = []
        /// The text of the first level-1 heading, the article's title.
        var title: String?
        /// Authors named by a byline paragraph.
        var bylineAuthors: [String] = []
    }

    /// A container block open around the current leaf.
    private enum Container {
        case blockQuote, list, item
    }

    /// A link or image whose text is being written.
    private struct OpenLink {
        var url: String
        var start: Int
        var isImage: Bool
    }

    /// The leaf block (paragraph, heading, code block) being written.
    private struct OpenLeaf {
        var isHeading: Bool
        var headingLevel: Int
        /// Where its separator starts, so an empty leaf can be removed with it.
        var separatorStart: Int
        /// Where its own text starts.
        var start: Int
        /// Whether any text came from outside an image's alt text.
        var hasPlainText = false
        var hasImage = false
        /// Whether it is a code block, which is never the lede or a caption.
        var isCode = false
        var linksBefore: Int
    }

    private let options: MarkdownReader.Options
    private let resolver: URLResolver
    private let sourcesHeadings: SourcesHeadings
    private var result = Result()
    private var containers: [Container] = []
    private var openLinks: [OpenLink] = []
    private var leaf: OpenLeaf?
    /// The text of the latest heading other than the title, the label of the list items under it.
    private var sectionLabel: String?
    /// The sources heading's level and text while inside the sources section.
    private var sources: (level: Int, label: String)?
    private var listItems = ListItems()
    private var hasLede = false
    private var previousKind: BlockKind?
    /// The level of the latest heading other than the title, so a `Sources:` paragraph ranks below it.
    private var headingLevel = 1

    /// Creates a walk that resolves links against `base`.
    init(options: MarkdownReader.Options, base: String?) {
        self.options = options
        self.resolver = URLResolver(base: base)
        self.sourcesHeadings = SourcesHeadings(options.sourcesHeadings)
    }

    /// Parses `markdown` with libcmark and lays it out.
    ///
    /// `CMARK_OPT_DEFAULT`, not `CMARK_OPT_SMART`: smart punctuation would turn the author's
    /// straight quotes and `--` into curly quotes and dashes, so the canonical text would no
    /// longer say what the file says, and quotes searched for in the source would not be found.
    /// The input is already checked to be UTF-8, so `CMARK_OPT_VALIDATE_UTF8` is not needed.
    mutating func layout(_ markdown: String) -> Result {
        var utf8 = Array(markdown.utf8)
        let root: OpaquePointer? = utf8.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { cmark_parse_document($0, buffer.count, CMARK_OPT_DEFAULT) }
            } ?? cmark_parse_document("", 0, CMARK_OPT_DEFAULT)
        }
        utf8 = []
        guard let root else { return result }
        defer { cmark_node_free(root) }
        guard let iterator = cmark_iter_new(root) else { return result }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            if event == CMARK_EVENT_ENTER { enter(node) } else if event == CMARK_EVENT_EXIT { exit(node) }
        }
        return result
    }

    // MARK: Events

    private mutating func enter(_ node: OpaquePointer) {
        let type = cmark_node_get_type(node)
        switch type {
        case CMARK_NODE_BLOCK_QUOTE: containers.append(.blockQuote)
        case CMARK_NODE_LIST: containers.append(.list)
        case CMARK_NODE_ITEM: containers.append(.item)
        case CMARK_NODE_PARAGRAPH: openLeaf(isHeading: false, level: 0)
        case CMARK_NODE_HEADING: openLeaf(isHeading: true, level: Int(cmark_node_get_heading_level(node)))
        case CMARK_NODE_CODE_BLOCK:
            guard options.includeCodeBlocks else { return }
            var code = literal(node)
            while code.last == "\n" { code.removeLast() }
            openLeaf(isHeading: false, level: 0)
            leaf?.isCode = true
            write(code)
            closeLeaf()
        case CMARK_NODE_TEXT, CMARK_NODE_CODE: write(literal(node))
        case CMARK_NODE_SOFTBREAK: write(" ")
        case CMARK_NODE_LINEBREAK: write("\n")
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
            let isImage = type == CMARK_NODE_IMAGE
            if isImage { leaf?.hasImage = true }
            openLinks.append(
                OpenLink(url: cmark_node_get_url(node).map { String(cString: $0) } ?? "", start: result.scalars.count, isImage: isImage))
        default:
            // Raw HTML is markup, not text; thematic breaks separate nothing a reader keeps;
            // emphasis only wraps text that its children write.
            break
        }
    }

    private mutating func exit(_ node: OpaquePointer) {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_BLOCK_QUOTE, CMARK_NODE_LIST, CMARK_NODE_ITEM: containers.removeLast()
        case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING: closeLeaf()
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
            guard let open = openLinks.popLast() else { return }
            // The range covers the visible text only, as block ranges do.
            var start = open.start
            var end = result.scalars.count
            while start < end, result.scalars[start].properties.isWhitespace { start += 1 }
            while end > start, result.scalars[end - 1].properties.isWhitespace { end -= 1 }
            let visible = start < end
            result.links.append(
                Link(
                    url: resolver.resolve(open.url), text: visible ? String(scalars: result.scalars[start..<end]) : "",
                    range: visible ? TextRange(start: start, end: end) : nil, origin: open.isImage ? .image : .hyperlink))
        default: break
        }
    }

    // MARK: Leaves

    private var imageDepth: Int { openLinks.lazy.filter(\.isImage).count }

    private func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    private mutating func write(_ text: String) {
        guard leaf != nil else { return }
        if imageDepth == 0, text.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) { leaf?.hasPlainText = true }
        result.scalars.append(contentsOf: text.unicodeScalars)
    }

    private mutating func openLeaf(isHeading: Bool, level: Int) {
        let separatorStart = result.scalars.count
        if !result.scalars.isEmpty {
            // List items follow each other on single lines; everything else is a paragraph apart.
            let tight =
                !isHeading && (containers.last == .item || sources != nil) && (previousKind == .listItem || previousKind == .sourcesSection)
            result.scalars.append(contentsOf: tight ? ["\n"] : ["\n", "\n"])
        }
        leaf = OpenLeaf(
            isHeading: isHeading, headingLevel: level, separatorStart: separatorStart, start: result.scalars.count,
            linksBefore: result.links.count)
    }

    private mutating func closeLeaf() {
        guard let leaf else { return }
        self.leaf = nil
        var start = leaf.start
        var end = result.scalars.count
        while start < end, result.scalars[start].properties.isWhitespace { start += 1 }
        while end > start, result.scalars[end - 1].properties.isWhitespace { end -= 1 }
        guard start < end else {
            // Nothing visible (an image without alt text, a paragraph of raw HTML): drop the
            // block and its separator; links in it keep their address but lose their range.
            result.scalars.removeSubrange(leaf.separatorStart...)
            for i in result.links.indices where (result.links[i].range?.end ?? 0) > leaf.separatorStart { result.links[i].range = nil }
            return
        }
        let range = TextRange(start: start, end: end)
        let text = String(scalars: result.scalars[start..<end])
        if leaf.isHeading {
            heading(text, level: leaf.headingLevel, range: range)
        } else {
            paragraph(text, range: range, leaf: leaf)
        }
    }

    private mutating func heading(_ text: String, level: Int, range: TextRange) {
        if let open = sources, level <= open.level { sources = nil }
        if level == 1, result.title == nil, containers.isEmpty {
            result.title = text
            append(Block(kind: .title, range: range))
            return
        }
        append(Block(kind: .heading, range: range, level: level))
        if containers.isEmpty, sources == nil, sourcesHeadings.isHeading(text) { sources = (level, text) }
        sectionLabel = text
        headingLevel = level
    }

    private mutating func paragraph(_ text: String, range: TextRange, leaf: OpenLeaf) {
        let linksBefore = leaf.linksBefore
        if let open = sources {
            sourceEntry(range, text: text, label: open.label, linksBefore: linksBefore)
            return
        }
        if containers.isEmpty, let match = sourcesHeadings.match(result.scalars, in: range.offsets) {
            // A `Sources:` paragraph, as plain text writes the heading (the text reader reads the
            // same line the same way): a heading one level below the section it closes, open
            // until the next heading of any level, with its first entry after the colon.
            let heading = TextRange(match.heading)
            let label = String(scalars: result.scalars[match.heading])
            let level = min(headingLevel + 1, 6)
            append(Block(kind: .heading, range: heading, level: level))
            sources = (6, label)
            if let entry = match.entry {
                sourceEntry(TextRange(entry), text: String(scalars: result.scalars[entry]), label: label, linksBefore: linksBefore)
            } else {
                result.links.removeSubrange(linksBefore...)
            }
            return
        }
        let listDepth = containers.lazy.filter { $0 == .list }.count
        switch containers.last {
        case .item?:
            append(listItems.item(range, level: listDepth, label: sectionLabel))
        case .blockQuote?:
            append(Block(kind: .blockQuote, range: range))
        case .list?, nil:
            if leaf.isCode {
                append(Block(kind: .paragraph, range: range))
            } else if leaf.hasImage && !leaf.hasPlainText {
                append(Block(kind: .caption, range: range))
            } else if !hasLede, options.detectBylines, result.bylineAuthors.isEmpty,
                let authors = LineShape(s: result.scalars, range: range.offsets).bylineAuthors
            {
                result.bylineAuthors = authors
                append(Block(kind: .byline, range: range))
            } else if !hasLede {
                hasLede = true
                append(Block(kind: .lede, range: range))
            } else {
                append(Block(kind: .paragraph, range: range))
            }
        }
    }

    /// One entry of the sources section: a single reference whose links are its address, not
    /// hyperlinks of the running text, so they are folded into the entry.
    private mutating func sourceEntry(_ range: TextRange, text: String, label: String, linksBefore: Int) {
        let inner = result.links[linksBefore...].first { $0.origin == .hyperlink }?.url
        let bare = URLScanner.scan(result.scalars, in: range.offsets).first?.url
        result.links.removeSubrange(linksBefore...)
        append(Block(kind: .sourcesSection, range: range, label: label))
        result.links.append(Link(url: inner ?? bare, text: text, range: range, origin: .sourcesSection))
    }

    private mutating func append(_ block: Block) {
        result.blocks.append(block)
        previousKind = block.kind
    }
}
