internal import CLibXML2
import DossierCore

/// A page's DOM copied out of libxml2 into flat Swift arrays, in document order.
///
/// Copying once keeps every C type inside this file and lets the extractor work on arrays: nodes
/// are stored in pre-order, so a parent always precedes its children, a subtree is the index
/// range `i..<nodes[i].end`, and bottom-up sums are one reverse sweep. Nothing here recurses, so
/// nesting depth cannot exhaust the stack.
///
/// Nothing is allocated per node: element names are interned to `Tag`, attribute values and text
/// are byte ranges in one shared UTF-8 buffer, attributes live in one shared array, and children
/// are found through `end`. A `String` is made only when something reads one. An allocation per
/// element (children and attribute arrays) and per text node was most of the copy's cost.
struct HTMLTree {
    /// An element name. Every name the reader compares with has a case; all others are `other`.
    enum Tag: UInt8, CaseIterable {
        case other, text, document
        case a, address, article, aside, base, blockquote, body, br, button, canvas, caption, center, code, dd, details, dialog, div
        case dl, dt, embed, fieldset, figcaption, figure, font, footer, form, h1, h2, h3, h4, h5, h6, head, header, hr, html, iframe
        case img, input, label, li, link, main, math, menu, meta, nav, noscript, object, ol, option, p, picture, pre, script, section
        case select, span, style, summary, svg, table, tbody, td, template, textarea, th, thead, time, title, tr, ul, video

        /// The element cases by their lowercased HTML name (`text` and `document` are not element names).
        static let byName: [String: Tag] = {
            var table: [String: Tag] = [:]
            for tag in allCases where tag.rawValue > Tag.document.rawValue { table[String(describing: tag)] = tag }
            return table
        }()

        /// `1` to `6` for `h1` to `h6`.
        var headingLevel: Int? {
            rawValue >= Tag.h1.rawValue && rawValue <= Tag.h6.rawValue ? Int(rawValue - Tag.h1.rawValue) + 1 : nil
        }
    }

    /// The attributes anything reads; the others are not copied.
    enum Key: UInt8, CaseIterable {
        case `class`, id, rel, itemprop, hidden, ariaHidden, style, role, href, src, dataSrc, alt, lang, type, pubdate, property, name
        case content, datetime, httpEquiv, charset

        /// The HTML attribute name.
        var html: String {
            switch self {
            case .ariaHidden: "aria-hidden"
            case .dataSrc: "data-src"
            case .httpEquiv: "http-equiv"
            default: String(describing: self)
            }
        }

        static let byName: [String: Key] = Dictionary(uniqueKeysWithValues: allCases.map { ($0.html, $0) })
    }

    struct Node {
        /// The element name; `text` for a text node, `document` for the root.
        var tag: Tag
        /// Readability's class weight (±25 for the class, again for the id).
        var classWeight: Int8 = 0
        /// What the element is, by tag, attributes and class/id words, worked out once here:
        /// hashing tag names and searching class names on every pass showed in profiles.
        var flags: Flags = []
        var parent32: Int32
        var end32: Int32
        /// A text node's bytes in `HTMLTree.bytes`, or an element's attributes in `HTMLTree.attributes`.
        var start: Int32 = 0
        var count: Int32 = 0
        /// For a text node, its length with whitespace runs collapsed, and its commas; computed
        /// once here because every extraction pass sums them.
        var length32: Int32 = 0
        var commas32: Int32 = 0

        /// The parent's index; -1 for the root.
        var parent: Int { Int(parent32) }
        /// The index after the last node of this subtree.
        var end: Int { Int(end32) }
        var length: Int { Int(length32) }
        var commas: Int { Int(commas32) }

        var isText: Bool { tag == .text }
        /// Whether the element ends a run of text.
        var isBlock: Bool { flags.contains(.block) }
        /// Whether the element is page furniture by its tag alone.
        var isFurniture: Bool { flags.contains(.furniture) }
        /// Whether the element is an embedded social-media post, by its class.
        var isEmbed: Bool { flags.contains(.embed) }
        /// Whether the page hides the element (`hidden`, `aria-hidden`, `display: none`).
        var isHidden: Bool { flags.contains(.hidden) }
        /// Whether class or id name a container that is almost never the story, without a word
        /// that rescues it (Readability's unlikely candidates).
        var isUnlikely: Bool { flags.contains(.unlikely) }
    }

    struct Attribute {
        var key: Key
        var start: Int32
        var count: Int32
    }

    struct Flags: OptionSet {
        let rawValue: UInt32
        static let block = Flags(rawValue: 1 << 0)
        static let furniture = Flags(rawValue: 1 << 1)
        static let embed = Flags(rawValue: 1 << 2)
        static let hidden = Flags(rawValue: 1 << 3)
        static let furnitureRole = Flags(rawValue: 1 << 4)
        static let unlikely = Flags(rawValue: 1 << 5)
        static let boilerplate = Flags(rawValue: 1 << 6)
        /// Class, id, rel or itemprop mention a byline or author.
        static let bylineHint = Flags(rawValue: 1 << 7)
        /// Class or id mention a caption or credit.
        static let captionHint = Flags(rawValue: 1 << 8)
        /// The element ends the running block in the writer.
        static let breaking = Flags(rawValue: 1 << 9)
        /// The element has a class or id.
        static let hasHints = Flags(rawValue: 1 << 10)
        /// Class or id say the element holds other stories or readers' comments.
        static let otherStory = Flags(rawValue: 1 << 11)
        /// A text node whose bytes are all ASCII.
        static let ascii = Flags(rawValue: 1 << 12)
        /// Elements whose text is never article text and is not needed for metadata either.
        static let opaque = Flags(rawValue: 1 << 13)
    }

    /// The flags a tag gives, indexed by `Tag.rawValue`, so that each element costs one lookup.
    static let tagFlags: [Flags] = {
        var table = [Flags](repeating: [], count: Tag.allCases.count)
        func insert(_ names: Set<String>, _ flag: Flags) {
            for name in names {
                guard let tag = Tag.byName[name] else { preconditionFailure("tag '\(name)' has no HTMLTree.Tag case") }
                table[Int(tag.rawValue)].insert(flag)
            }
        }
        insert(HTMLContentExtractor.blockTags, .block)
        insert(HTMLContentExtractor.furniture, .furniture)
        insert(HTMLBlockWriter.breaking, .breaking)
        insert(opaque, .opaque)
        return table
    }()

    /// The nodes; index 0 is the document root.
    private(set) var nodes: [Node]
    /// Text and attribute values, UTF-8; byte 0 is the space every whitespace-only text node shares.
    private(set) var bytes: [UInt8] = [0x20]
    private(set) var attributes: [Attribute] = []

    /// Elements whose text is never article text and is not needed for metadata either; their
    /// text is not copied at all, which also keeps inline scripts out of memory.
    static let opaque: Set<String> = ["script", "style", "noscript", "template", "svg", "math", "canvas", "object", "iframe"]

    /// The libxml2 options: recover from broken markup, stay quiet and offline, and keep the
    /// default limits (no `XML_PARSE_HUGE`), so nesting beyond 256 levels is cut off by libxml2.
    static let parseOptions: Int32 = Int32(
        HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue
            | HTML_PARSE_COMPACT.rawValue)

    /// Parses `encoding.bytes` with libxml2's HTML parser; nil when libxml2 produces no document.
    init?(encoding: HTMLEncoding) {
        var options = Self.parseOptions
        // The bytes are already UTF-8: a page's own (possibly wrong) charset must not re-decode them.
        if encoding.converted { options |= Int32(HTML_PARSE_IGNORE_ENC.rawValue) }
        LibXML2Quiet.install()
        let parsed: htmlDocPtr? = encoding.bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { base in
                htmlReadMemory(base, Int32(clamping: buffer.count), nil, encoding.name, options)
            }
        }
        guard let doc = parsed else { return nil }
        defer { xmlFreeDoc(doc) }
        nodes = []
        nodes.reserveCapacity(encoding.bytes.count / 40)
        bytes.reserveCapacity(encoding.bytes.count / 4)
        attributes.reserveCapacity(encoding.bytes.count / 100)
        nodes.append(Node(tag: .document, parent32: -1, end32: 1))
        copy(from: doc)
    }

    // MARK: - Reading

    /// The value of attribute `key` of element `i`, when present.
    func attribute(_ i: Int, _ key: Key) -> String? {
        let node = nodes[i]
        guard !node.isText else { return nil }
        for k in Int(node.start)..<Int(node.start + node.count) where attributes[k].key == key {
            let a = attributes[k]
            return String(decoding: bytes[Int(a.start)..<Int(a.start + a.count)], as: UTF8.self)
        }
        return nil
    }

    /// The text of text node `i`.
    func text(_ i: Int) -> String {
        let node = nodes[i]
        return String(decoding: bytes[Int(node.start)..<Int(node.start + node.count)], as: UTF8.self)
    }

    /// The text under `root` in document order; with `breaks`, a line break before each breaking
    /// element below the root, so that the words on either side stay apart.
    func text(under root: Int, breaks: Bool = false) -> String {
        var out: [UInt8] = []
        let end = nodes[root].end
        var j = root
        while j < end {
            let node = nodes[j]
            if node.isText {
                out.append(contentsOf: bytes[Int(node.start)..<Int(node.start + node.count)])
            } else if breaks, j != root, node.flags.contains(.breaking) {
                out.append(0x0A)
            }
            j += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Calls `body` with every scalar of text node `i`, ASCII without decoding.
    func forEachScalar(ofText i: Int, _ body: (Unicode.Scalar) -> Void) {
        let node = nodes[i]
        bytes.withUnsafeBufferPointer { all in
            let text = UnsafeBufferPointer(rebasing: all[Int(node.start)..<Int(node.start + node.count)])
            if node.flags.contains(.ascii) {
                for b in text { body(Unicode.Scalar(b)) }
                return
            }
            // The same repair as `String(decoding:as:)`, should libxml2 ever hand over invalid UTF-8.
            var iterator = text.makeIterator()
            var parser = Unicode.UTF8.ForwardParser()
            while true {
                switch parser.parseScalar(from: &iterator) {
                case .valid(let encoded): body(Unicode.UTF8.decode(encoded))
                case .error: body("\u{FFFD}")
                case .emptyInput: return
                }
            }
        }
    }

    /// The children of element `i`, in order.
    func children(_ i: Int) -> Children {
        Children(nodes: nodes, position: i + 1, end: nodes[i].end)
    }

    struct Children: Sequence, IteratorProtocol {
        let nodes: [Node]
        var position: Int
        let end: Int

        mutating func next() -> Int? {
            guard position < end else { return nil }
            let child = position
            position = nodes[child].end
            return child
        }
    }

    // MARK: - Copying

    /// Walks libxml2's tree by its parent/children/next pointers with an explicit stack of Swift indices.
    private mutating func copy(from doc: htmlDocPtr) {
        var parents: [Int] = [0]
        let tagNames = Self.tagNames
        let keyNames = Self.keyNames
        var scans = ScanCache()
        var current: xmlNodePtr? = doc.pointee.children
        while let node = current {
            let parent = parents[parents.count - 1]
            var descend = false
            switch node.pointee.type {
            case XML_ELEMENT_NODE:
                let tag = node.pointee.name.flatMap { tagNames.value($0).flatMap(Tag.init(rawValue:)) } ?? .other
                let first = attributes.count
                var attr = node.pointee.properties
                while let a = attr {
                    // Event handlers, data attributes and styling hints are long and never read:
                    // copying them was a good share of the reader's allocations.
                    if let name = a.pointee.name, let key = keyNames.value(name).flatMap(Key.init(rawValue:)) {
                        let start = bytes.count
                        var child = a.pointee.children
                        while let c = child {
                            if let content = c.pointee.content { appendBytes(content) }
                            child = c.pointee.next
                        }
                        attributes.append(Attribute(key: key, start: Int32(start), count: Int32(bytes.count - start)))
                    }
                    attr = a.pointee.next
                }
                let index = nodes.count
                var element = Node(
                    tag: tag, parent32: Int32(parent), end32: Int32(index + 1), start: Int32(first), count: Int32(attributes.count - first))
                classify(&element, &scans)
                nodes.append(element)
                let keepsText =
                    !element.flags.contains(.opaque) || (tag == .script && (attribute(index, .type)?.contains("ld+json") ?? false))
                if keepsText, node.pointee.children != nil {
                    parents.append(index)
                    descend = true
                }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = node.pointee.content {
                    let index = nodes.count
                    let measured = Self.measure(content)
                    var text = Node(tag: .text, flags: measured.ascii ? .ascii : [], parent32: Int32(parent), end32: Int32(index + 1))
                    // Whitespace between tags is most text nodes; every run collapses to one
                    // space later, so all share byte 0, a space, instead of a copy each.
                    if measured.length == 0 && measured.count > 0 {
                        (text.start, text.count) = (0, 1)
                        text.flags = .ascii
                    } else {
                        text.start = Int32(bytes.count)
                        text.count = Int32(measured.count)
                        bytes.append(contentsOf: UnsafeBufferPointer(start: content, count: measured.count))
                    }
                    (text.length32, text.commas32) = (Int32(measured.length), Int32(measured.commas))
                    nodes.append(text)
                }
            default:
                break
            }
            if descend {
                current = node.pointee.children
                continue
            }
            // Next sibling, or climb until an ancestor has one; a parent left behind is complete.
            var up: xmlNodePtr? = node
            current = nil
            while let u = up {
                if let next = u.pointee.next {
                    current = next
                    break
                }
                up = u.pointee.parent
                if up == nil || up!.pointee.type == XML_HTML_DOCUMENT_NODE || up!.pointee.type == XML_DOCUMENT_NODE { break }
                let done = parents.removeLast()
                nodes[done].end32 = Int32(nodes.count)
            }
        }
        for done in parents { nodes[done].end32 = Int32(nodes.count) }
    }

    private mutating func appendBytes(_ p: UnsafePointer<xmlChar>) {
        var n = 0
        while p[n] != 0 { n += 1 }
        bytes.append(contentsOf: UnsafeBufferPointer(start: p, count: n))
    }

    /// Works out an element's flags and class weight from its tag and attributes.
    private func classify(_ node: inout Node, _ scans: inout ScanCache) {
        var flags = Self.tagFlags[Int(node.tag.rawValue)]
        var classMask: HTMLHints.Category = []
        var idMask: HTMLHints.Category = []
        var weight = 0
        bytes.withUnsafeBufferPointer { all in
            for k in Int(node.start)..<Int(node.start + node.count) {
                let a = attributes[k]
                let value = UnsafeBufferPointer(rebasing: all[Int(a.start)..<Int(a.start + a.count)])
                switch a.key {
                case .class, .id:
                    let mask = scans.scan(value, in: all)
                    if a.key == .class { classMask.formUnion(mask) } else { idMask.formUnion(mask) }
                    if mask.contains(.negative) { weight -= 25 }
                    if mask.contains(.positive) { weight += 25 }
                    if !value.isEmpty { flags.insert(.hasHints) }
                case .rel, .itemprop:
                    if scans.scan(value, in: all).contains(.byline) { flags.insert(.bylineHint) }
                case .hidden:
                    flags.insert(.hidden)
                case .ariaHidden:
                    if value.elementsEqual("true".utf8) { flags.insert(.hidden) }
                case .style:
                    if HTMLHints.hides(style: value) { flags.insert(.hidden) }
                case .role:
                    if HTMLHints.furnitureRoles.contains(String(decoding: value, as: UTF8.self).lowercased()) {
                        flags.insert(.furnitureRole)
                    }
                default:
                    break
                }
            }
        }
        let hints = classMask.union(idMask)
        if hints.contains(.embed) { flags.insert(.embed) }
        if hints.contains(.boilerplate) { flags.insert(.boilerplate) }
        if hints.contains(.unlikely), !hints.contains(.maybe) { flags.insert(.unlikely) }
        if hints.contains(.byline) { flags.insert(.bylineHint) }
        if hints.contains(.caption) { flags.insert(.captionHint) }
        if hints.contains(.otherStory) { flags.insert(.otherStory) }
        node.flags = flags
        node.classWeight = Int8(weight)
    }

    /// The word lists matched by class, id, rel and itemprop values already seen on the page:
    /// templates repeat the same few values hundreds of times, and hashing one is cheaper than
    /// scanning it. A slot remembers where its value lies in `bytes`, which only grows, so a hit
    /// is confirmed by comparing bytes.
    private struct ScanCache {
        private var slots = [(hash: UInt64, start: Int32, count: Int32, mask: HTMLHints.Category)](
            repeating: (0, 0, -1, []), count: 1024)

        mutating func scan(_ value: UnsafeBufferPointer<UInt8>, in all: UnsafeBufferPointer<UInt8>) -> HTMLHints.Category {
            guard value.count > 0 else { return [] }
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            for b in value { hash = (hash ^ UInt64(b)) &* 0x100_0000_01B3 }
            let k = Int(truncatingIfNeeded: hash >> 54)
            let slot = slots[k]
            if slot.hash == hash, Int(slot.count) == value.count,
                UnsafeBufferPointer(rebasing: all[Int(slot.start)..<Int(slot.start + slot.count)]).elementsEqual(value)
            {
                return slot.mask
            }
            let mask = HTMLHints.scan(value)
            slots[k] = (hash, Int32(value.baseAddress! - all.baseAddress!), Int32(value.count), mask)
            return mask
        }
    }

    /// The collapsed length (in scalars), comma count, byte count and ASCII-ness of UTF-8 text,
    /// in one pass over the bytes.
    private static func measure(_ p: UnsafePointer<xmlChar>) -> (length: Int, commas: Int, count: Int, ascii: Bool) {
        var length = 0
        var commas = 0
        var space = true
        var high: UInt8 = 0
        var i = 0
        while p[i] != 0 {
            let b = p[i]
            high |= b
            if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0C {
                if !space { length += 1 }
                space = true
            } else if b == 0xC2, p[i + 1] == 0xA0 {
                // No-break space, which the writer collapses like any other.
                if !space { length += 1 }
                space = true
                i += 1
            } else {
                if b & 0xC0 != 0x80 { length += 1 }
                if b == 0x2C { commas += 1 }
                // U+FF0C fullwidth comma, U+3001 ideographic comma.
                if b == 0xEF, p[i + 1] == 0xBC, p[i + 2] == 0x8C { commas += 1 }
                if b == 0xE3, p[i + 1] == 0x80, p[i + 2] == 0x81 { commas += 1 }
                space = false
            }
            i += 1
        }
        return (length, commas, i, high < 0x80)
    }

    /// Element and attribute names looked up by their bytes, without making a `String`: the name
    /// is lowercased and packed into two words, hashed once, and found by linear probing. libxml2's
    /// HTML parser allocates every name separately, so their addresses cannot serve as keys.
    struct NameTable {
        private var slots: [(lo: UInt64, hi: UInt64, value: UInt8)]
        private static let empty = (lo: UInt64(0), hi: UInt64(0), value: UInt8.max)

        init(_ names: [(String, UInt8)]) {
            slots = Array(repeating: Self.empty, count: 512)
            for (name, value) in names {
                var bytes = Array(name.utf8) + [0]
                guard let (lo, hi) = bytes.withUnsafeMutableBufferPointer({ Self.pack($0.baseAddress!) }) else {
                    preconditionFailure("name '\(name)' is too long for HTMLTree.NameTable")
                }
                var k = Self.slot(lo, hi)
                while slots[k].value != UInt8.max { k = (k + 1) & 511 }
                slots[k] = (lo, hi, value)
            }
        }

        /// Up to 16 bytes of a NUL-terminated name, ASCII-lowercased, or nil when longer.
        private static func pack(_ p: UnsafePointer<UInt8>) -> (UInt64, UInt64)? {
            var lo: UInt64 = 0
            var hi: UInt64 = 0
            var i = 0
            while p[i] != 0 {
                guard i < 16 else { return nil }
                let b = p[i] >= 0x41 && p[i] <= 0x5A ? p[i] | 0x20 : p[i]
                if i < 8 { lo |= UInt64(b) << (8 * UInt64(i)) } else { hi |= UInt64(b) << (8 * UInt64(i - 8)) }
                i += 1
            }
            return (lo, hi)
        }

        private static func slot(_ lo: UInt64, _ hi: UInt64) -> Int {
            Int(truncatingIfNeeded: ((lo &* 0x9E37_79B9_7F4A_7C15) ^ (hi &* 0xC2B2_AE3D_27D4_EB4F)) >> 55)
        }

        /// The value stored for `name`, or nil.
        func value(_ name: UnsafePointer<UInt8>) -> UInt8? {
            guard let (lo, hi) = Self.pack(name), lo != 0 else { return nil }
            var k = Self.slot(lo, hi)
            while true {
                let entry = slots[k]
                if entry.value == UInt8.max { return nil }
                if entry.lo == lo, entry.hi == hi { return entry.value }
                k = (k + 1) & 511
            }
        }
    }

    static let tagNames = NameTable(Tag.byName.map { ($0.key, $0.value.rawValue) })
    static let keyNames = NameTable(Key.byName.map { ($0.key, $0.value.rawValue) })
}
