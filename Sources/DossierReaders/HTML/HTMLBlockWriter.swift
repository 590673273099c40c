import DossierCore

/// Turns the kept content nodes into blocks of collapsed text with their links.
///
/// Block-level elements start and end blocks; inline content joins the current block with runs of
/// whitespace collapsed to one space. A block's kind comes from its innermost structural element
/// (heading, list item, quotation, caption), so a `<p>` inside a `<blockquote>` stays a quotation.
/// Embedded posts and bylines are read as one block each, whatever markup they hold inside.
struct HTMLBlockWriter {
    /// A block before the canonical text is assembled; link offsets are relative to the block.
    struct Piece {
        var kind: BlockKind
        var level: Int?
        var scalars: [Unicode.Scalar] = []
        var links: [(url: String?, origin: Link.Origin, range: Range<Int>)] = []
        /// The element that opened the block, for hints such as a byline class.
        var element: Int
        /// How many of its scalars came from inside a `<time>` element.
        var timeScalars = 0
    }

    let tree: HTMLTree
    let isKept: (Int) -> Bool
    let keepCaptions: Bool
    let resolve: (String) -> String?

    private(set) var pieces: [Piece] = []
    private(set) var images: [Link] = []

    private var current: Piece?
    private var pendingSpace = false
    /// The structural contexts currently open: the block kind and level they give, whether they
    /// flatten their markup into one block, and the element that opened them.
    private var contexts: [(kind: BlockKind, level: Int?, flat: Bool, element: Int)] = []
    private var openLinks: [(node: Int, url: String?, origin: Link.Origin, piece: Int, start: Int?)] = []
    private var listDepth = 0
    /// How many `<time>` elements are open around the text being written.
    private var timeDepth = 0

    init(tree: HTMLTree, isKept: @escaping (Int) -> Bool, keepCaptions: Bool, resolve: @escaping (String) -> String?) {
        self.tree = tree
        self.isKept = isKept
        self.keepCaptions = keepCaptions
        self.resolve = resolve
    }

    /// Elements that end the running block.
    static let breaking: Set<String> = HTMLContentExtractor.blockTags.union([
        "br", "main", "article", "center", "caption", "summary", "details",
    ])

    mutating func write(roots: [Int]) {
        let tree = self.tree
        for root in roots {
            // The subtree in document order; an element is exited once the walk passes its end.
            var open: [Int] = []
            var i = root
            let end = tree.nodes[root].end
            while i < end {
                while let last = open.last, tree.nodes[last].end <= i {
                    open.removeLast()
                    exit(last)
                }
                let node = tree.nodes[i]
                guard isKept(i) else {
                    i = node.end
                    continue
                }
                if node.isText {
                    tree.forEachScalar(ofText: i) { append($0) }
                    i += 1
                } else if enter(i) {
                    if node.tag == .time { timeDepth += 1 }
                    open.append(i)
                    i += 1
                } else {
                    i = node.end
                }
            }
            while let last = open.popLast() { exit(last) }
        }
        flush()
    }

    private var isFlat: Bool { contexts.last?.flat ?? false }

    /// Opens element `i`; returns false to skip its subtree.
    private mutating func enter(_ i: Int) -> Bool {
        let node = tree.nodes[i]
        let tag = node.tag
        switch tag {
        case .img:
            if let src = tree.attribute(i, .src) ?? tree.attribute(i, .dataSrc), !src.hasPrefix("data:") {
                images.append(Link(url: resolve(src), text: Self.collapse(tree.attribute(i, .alt) ?? ""), range: nil, origin: .image))
            }
            return false
        case .br, .hr:
            if isFlat { pendingSpace = true } else { flush() }
            return false
        case .a:
            // An author's profile (`rel=author`) names who wrote the story, not what it cites.
            if let href = tree.attribute(i, .href), !href.hasPrefix("javascript:"), !href.hasPrefix("#"), !Self.isAuthorLink(tree, i) {
                let origin: Link.Origin = contexts.contains { $0.kind == .embeddedPost } ? .embed : .hyperlink
                openLinks.append((i, resolve(href), origin, pieces.count, nil))
            }
            return true
        default: break
        }
        if isFlat {
            if node.flags.contains(.breaking) { pendingSpace = true }
            return true
        }
        if HTMLHints.isEmbed(node) {
            open(.embeddedPost, level: nil, flat: true, element: i)
            return true
        }
        switch tag {
        case .h1, .h2, .h3, .h4, .h5, .h6:
            open(.heading, level: tag.headingLevel, flat: true, element: i)
        case .ul, .ol:
            listDepth += 1
            open(contexts.last?.kind ?? .paragraph, level: contexts.last?.level, flat: false, element: i)
        case .li, .dd, .dt:
            open(.listItem, level: max(listDepth, 1), flat: false, element: i)
        case .blockquote:
            open(.blockQuote, level: nil, flat: false, element: i)
        case .figcaption:
            guard keepCaptions else { return false }
            open(.caption, level: nil, flat: true, element: i)
        default:
            if isByline(node, i) {
                open(.byline, level: nil, flat: true, element: i)
            } else if keepCaptions == false, isCaption(node) {
                return false
            } else if isCaption(node), node.flags.contains(.breaking) {
                open(.caption, level: nil, flat: true, element: i)
            } else if node.flags.contains(.breaking) {
                open(contexts.last?.kind ?? .paragraph, level: contexts.last?.level, flat: false, element: i)
            } else {
                return true
            }
        }
        return true
    }

    private mutating func exit(_ i: Int) {
        let node = tree.nodes[i]
        if node.tag == .time { timeDepth -= 1 }
        if node.tag == .a, let last = openLinks.last, last.node == i {
            openLinks.removeLast()
            if let start = last.start, last.piece == pieces.count, let piece = current {
                let end = trimmedEnd(piece.scalars)
                if end > start { current!.links.append((last.url, last.origin, start..<end)) }
            } else if last.start == nil {
                // An anchor without text (an icon or image link) still names an address.
                if let url = last.url, current != nil { current!.links.append((url, last.origin, 0..<0)) }
            }
        }
        // Inside a flattened block, the end of an inner block still separates words.
        if isFlat, node.flags.contains(.breaking), contexts.last?.element != i { pendingSpace = true }
        if let top = contexts.last, top.element == i {
            flush()
            contexts.removeLast()
            if node.tag == .ul || node.tag == .ol { listDepth -= 1 }
        }
    }

    private mutating func open(_ kind: BlockKind, level: Int?, flat: Bool, element: Int) {
        flush()
        contexts.append((kind, level, flat, element))
    }

    private func trimmedEnd(_ scalars: [Unicode.Scalar]) -> Int { scalars.count }

    private mutating func append(_ s: Unicode.Scalar) {
        if s.value < 0x80 ? (s == " " || s == "\n" || s == "\t" || s == "\r" || s == "\u{0C}") : s.properties.isWhitespace {
            pendingSpace = true
            return
        }
        // Invisible characters that split words for every tokenizer downstream.
        if s == "\u{200B}" || s == "\u{FEFF}" || s == "\u{00AD}" || s == "\u{200C}" { return }
        if current == nil {
            let context = contexts.last
            current = Piece(kind: context?.kind ?? .paragraph, level: context?.level, element: context?.element ?? -1)
            pendingSpace = false
        }
        if pendingSpace, !current!.scalars.isEmpty { current!.scalars.append(" ") }
        pendingSpace = false
        let offset = current!.scalars.count
        if timeDepth > 0 { current!.timeScalars += 1 }
        for k in openLinks.indices where openLinks[k].start == nil {
            openLinks[k].start = offset
            openLinks[k].piece = pieces.count
        }
        current!.scalars.append(s)
    }

    private mutating func flush() {
        pendingSpace = false
        guard var piece = current else { return }
        current = nil
        // A line that is mostly a `<time>` ("Updated 3 March 2025") dates the story; it is not
        // running text, and must not become the paragraph taken as the lede.
        if piece.kind == .paragraph, piece.timeScalars > 0, piece.scalars.count <= 100, piece.timeScalars * 2 >= piece.scalars.count {
            piece.kind = .dateline
        }
        pieces.append(piece)
        // Anchors still open continue into the next block; their text so far is dropped.
        for k in openLinks.indices { openLinks[k].start = nil }
    }

    private func isByline(_ node: HTMLTree.Node, _ i: Int) -> Bool {
        guard node.flags.contains(.bylineHint) else { return false }
        return HTMLContentExtractor.collapsedLength(innerText(i)) < 120
    }

    /// Whether anchor `i` is marked as the author's own link: `rel` holding the word `author`.
    static func isAuthorLink(_ tree: HTMLTree, _ i: Int) -> Bool {
        guard let rel = tree.attribute(i, .rel) else { return false }
        return rel.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).contains("author")
    }

    private func isCaption(_ node: HTMLTree.Node) -> Bool {
        node.flags.contains(.captionHint)
    }

    func innerText(_ root: Int) -> String {
        tree.text(under: root)
    }

    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
