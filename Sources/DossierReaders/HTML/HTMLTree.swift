internal import CLibXML2
import DossierCore

/// A page's DOM copied out of libxml2 into plain Swift values, in document order.
///
/// Copying once keeps every C type inside this file and lets the extractor work on arrays: nodes
/// are stored in pre-order, so a parent always precedes its children and bottom-up sums are one
/// reverse sweep. Nothing here recurses, so nesting depth cannot exhaust the stack.
struct HTMLTree {
    struct Node {
        /// The lowercased element name, or empty for a text node.
        var name: String
        /// The text of a text node.
        var text: String
        /// The element's attributes, names lowercased, in source order.
        var attributes: [(name: String, value: String)]
        /// The parent's index; -1 for the root.
        var parent: Int
        /// The children's indices, in order.
        var children: [Int]
        /// For a text node, its length with whitespace runs collapsed, and its commas; computed
        /// once here because every extraction pass sums them.
        var length = 0
        var commas = 0
        /// What the element is, by tag, attributes and class/id words, worked out once here:
        /// hashing tag names and searching class names on every pass showed in profiles.
        var flags: Flags = []
        /// Readability's class weight (±25 for the class, again for the id).
        var classWeight: Int8 = 0

        var isText: Bool { name.isEmpty }
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

        func attribute(_ key: String) -> String? {
            for pair in attributes where pair.name == key { return pair.value }
            return nil
        }
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
    }

    /// The flags a tag gives, in one table so that each element costs one lookup.
    static let tagFlags: [String: Flags] = {
        var table: [String: Flags] = [:]
        for name in HTMLContentExtractor.blockTags { table[name, default: []].insert(.block) }
        for name in HTMLContentExtractor.furniture { table[name, default: []].insert(.furniture) }
        for name in HTMLBlockWriter.breaking { table[name, default: []].insert(.breaking) }
        return table
    }()

    /// Works out an element's flags and class weight from its tag and attributes.
    static func classify(_ node: inout Node) {
        var flags = tagFlags[node.name] ?? []
        var classMask: HTMLHints.Category = []
        var idMask: HTMLHints.Category = []
        var weight = 0
        for pair in node.attributes {
            switch pair.name {
            case "class", "id":
                let mask = HTMLHints.scan(pair.value)
                if pair.name == "class" { classMask.formUnion(mask) } else { idMask.formUnion(mask) }
                if mask.contains(.negative) { weight -= 25 }
                if mask.contains(.positive) { weight += 25 }
                if !pair.value.isEmpty { flags.insert(.hasHints) }
            case "rel", "itemprop":
                if HTMLHints.scan(pair.value).contains(.byline) { flags.insert(.bylineHint) }
            case "hidden":
                flags.insert(.hidden)
            case "aria-hidden":
                if pair.value == "true" { flags.insert(.hidden) }
            case "style":
                if HTMLHints.hides(style: pair.value) { flags.insert(.hidden) }
            case "role":
                if HTMLHints.furnitureRoles.contains(pair.value.lowercased()) { flags.insert(.furnitureRole) }
            default:
                break
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

    /// The nodes; index 0 is the document root.
    var nodes: [Node]

    /// Elements whose text is never article text and is not needed for metadata either; their
    /// text is not copied at all, which also keeps inline scripts out of memory.
    static let opaque: Set<String> = ["script", "style", "noscript", "template", "svg", "math", "canvas", "object", "iframe"]

    /// The attributes anything reads; the others are not copied.
    static let keptAttributes: Set<String> = [
        "class", "id", "rel", "itemprop", "hidden", "aria-hidden", "style", "role", "href", "src", "data-src", "alt", "lang", "type",
        "pubdate", "property", "name", "content", "datetime", "http-equiv", "charset",
    ]

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
        nodes.append(Node(name: "#document", text: "", attributes: [], parent: -1, children: []))
        copy(from: doc)
    }

    /// Walks libxml2's tree by its parent/children/next pointers with an explicit stack of Swift indices.
    private mutating func copy(from doc: htmlDocPtr) {
        var parents: [Int] = [0]
        var current: xmlNodePtr? = doc.pointee.children
        while let node = current {
            let parent = parents[parents.count - 1]
            var descend = false
            switch node.pointee.type {
            case XML_ELEMENT_NODE:
                let name = Self.lowercased(node.pointee.name)
                var attributes: [(name: String, value: String)] = []
                var attr = node.pointee.properties
                while let a = attr {
                    let key = Self.lowercased(a.pointee.name)
                    // Event handlers, data attributes and styling hints are long and never read:
                    // copying them was a good share of the reader's allocations.
                    guard Self.keptAttributes.contains(key) else {
                        attr = a.pointee.next
                        continue
                    }
                    var value = ""
                    var child = a.pointee.children
                    while let c = child {
                        if let content = c.pointee.content { value += String(cString: content) }
                        child = c.pointee.next
                    }
                    attributes.append((key, value))
                    attr = a.pointee.next
                }
                let index = nodes.count
                var element = Node(name: name, text: "", attributes: attributes, parent: parent, children: [])
                Self.classify(&element)
                nodes.append(element)
                nodes[parent].children.append(index)
                let keepsText = !Self.opaque.contains(name) || (name == "script" && (attributes.first { $0.name == "type" }?.value.contains("ld+json") ?? false))
                if keepsText, node.pointee.children != nil {
                    parents.append(index)
                    descend = true
                }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = node.pointee.content {
                    let index = nodes.count
                    let (length, commas) = Self.measure(content)
                    // Whitespace between tags is most text nodes; every run collapses to one
                    // space later, so share one small string instead of allocating a copy.
                    let isBlank = length == 0 && content[0] != 0
                    var text = Node(name: "", text: isBlank ? " " : String(cString: content), attributes: [], parent: parent, children: [])
                    (text.length, text.commas) = (length, commas)
                    nodes.append(text)
                    nodes[parent].children.append(index)
                }
            default:
                break
            }
            if descend {
                current = node.pointee.children
                continue
            }
            // Next sibling, or climb until an ancestor has one.
            var up: xmlNodePtr? = node
            current = nil
            while let u = up {
                if let next = u.pointee.next {
                    current = next
                    break
                }
                up = u.pointee.parent
                if up == nil || up!.pointee.type == XML_HTML_DOCUMENT_NODE || up!.pointee.type == XML_DOCUMENT_NODE { break }
                parents.removeLast()
            }
        }
    }

    /// The collapsed length (in scalars) and comma count of UTF-8 text, in one pass over the bytes.
    private static func measure(_ p: UnsafePointer<xmlChar>) -> (Int, Int) {
        var length = 0
        var commas = 0
        var space = true
        var i = 0
        while p[i] != 0 {
            let b = p[i]
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
        return (length, commas)
    }

    private static func lowercased(_ name: UnsafePointer<xmlChar>?) -> String {
        guard let name else { return "" }
        var length = 0
        var needsLowering = false
        while name[length] != 0 {
            if name[length] >= 0x41 && name[length] <= 0x5A { needsLowering = true }
            length += 1
        }
        let buffer = UnsafeBufferPointer(start: name, count: length)
        if !needsLowering { return String(decoding: buffer, as: UTF8.self) }
        return String(decoding: buffer.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }
}
