internal import DossierCore

/// Builds a `YAMLNode` tree from parser events with an explicit stack, so nesting depth costs heap,
/// not call stack, and every limit is checked as each event arrives.
struct TreeBuilder {
    /// A sequence or mapping whose end has not been seen yet.
    private struct Frame {
        var isMapping: Bool
        var location: SourceLocation
        var tag: String?
        var anchor: String?
        /// The running node count before this collection started, to size its subtree for aliases.
        var countBefore: Int
        /// Sequence items, or mapping keys and values alternating.
        var items: [YAMLNode] = []
        /// Identities of the scalar keys seen so far, for duplicate detection.
        var keys: Set<String> = []
    }

    /// An anchored node and how many nodes it expands to.
    private struct Anchored {
        var node: YAMLNode
        var size: Int
    }

    let file: String
    let limits: YAMLLimits
    private var stack: [Frame] = []
    private var anchors: [String: Anchored] = [:]
    private var nodeCount = 0
    /// How many of the counted nodes are copies made by aliases.
    private var aliasedCount = 0
    private(set) var root: YAMLNode?

    init(file: String, limits: YAMLLimits) {
        self.file = file
        self.limits = limits
    }

    mutating func scalar(
        _ text: String, style: YAMLNode.ScalarStyle, tag: String?, anchor: String?, at location: SourceLocation, end: SourceLocation? = nil
    ) throws(YAMLError) {
        try count(1, at: location)
        var node = YAMLNode(scalar: text, style: style, at: location, tag: tag)
        node.end = end
        if let anchor { anchors[anchor] = Anchored(node: node, size: 1) }
        try add(node)
    }

    mutating func alias(_ anchor: String, at location: SourceLocation) throws(YAMLError) {
        guard let anchored = anchors[anchor] else {
            if stack.contains(where: { $0.anchor == anchor }) {
                throw YAMLError(
                    code: YAMLError.Code.unknownAlias,
                    "alias '*\(anchor)' refers to a node that contains it; recursive structures are not supported",
                    at: location
                )
            }
            throw YAMLError(
                code: YAMLError.Code.unknownAlias, "unknown alias '*\(anchor)'; define the anchor '&\(anchor)' before using it",
                at: location)
        }
        try count(anchored.size, fromAlias: true, at: location)
        // Values share storage, so a copy costs nothing however large the anchored node is.
        try add(anchored.node)
    }

    mutating func startCollection(isMapping: Bool, tag: String?, anchor: String?, at location: SourceLocation) throws(YAMLError) {
        guard stack.count < limits.maxDepth else {
            throw YAMLError(
                code: YAMLError.Code.limitExceeded,
                "the document nests deeper than \(limits.maxDepth) levels; flatten it or raise the 'maxDepth' limit",
                at: location
            )
        }
        let before = nodeCount
        try count(1, at: location)
        stack.append(Frame(isMapping: isMapping, location: location, tag: tag, anchor: anchor, countBefore: before))
    }

    mutating func endCollection(at end: SourceLocation? = nil) throws(YAMLError) {
        guard let frame = stack.popLast() else { return }
        let content: YAMLNode.Content
        if frame.isMapping {
            var pairs: [(key: YAMLNode, value: YAMLNode)] = []
            pairs.reserveCapacity(frame.items.count / 2)
            var index = 0
            while index + 1 < frame.items.count {
                pairs.append((key: frame.items[index], value: frame.items[index + 1]))
                index += 2
            }
            content = .mapping(pairs)
        } else {
            content = .sequence(frame.items)
        }
        var node = YAMLNode(content, at: frame.location, tag: frame.tag)
        node.end = end
        if let anchor = frame.anchor { anchors[anchor] = Anchored(node: node, size: nodeCount - frame.countBefore) }
        try add(node)
    }

    /// The tree as far as it was built, with every open collection closed (a mapping key still
    /// waiting for its value is dropped); nil when nothing was built.
    func partialRoot() -> YAMLNode? {
        var copy = self
        while let frame = copy.stack.popLast() {
            var items = frame.items
            if frame.isMapping && items.count % 2 == 1 { items.removeLast() }
            let content: YAMLNode.Content =
                frame.isMapping
                ? .mapping(stride(from: 0, to: items.count, by: 2).map { (key: items[$0], value: items[$0 + 1]) })
                : .sequence(items)
            let node = YAMLNode(content, at: frame.location, tag: frame.tag)
            if copy.stack.isEmpty { copy.root = node } else { copy.stack[copy.stack.count - 1].items.append(node) }
        }
        return copy.root
    }

    private mutating func count(_ nodes: Int, fromAlias: Bool = false, at location: SourceLocation) throws(YAMLError) {
        nodeCount += nodes
        if fromAlias { aliasedCount += nodes }
        guard nodeCount <= limits.maxNodes else {
            // Name the limit crossed, and blame aliases only when expanding them is what crossed it.
            let message =
                aliasedCount > 0
                ? "the document expands to more than \(limits.maxNodes) nodes, the 'maxNodes' limit, \(aliasedCount) of them from "
                    + "expanding aliases (each use of an alias counts in full); use fewer aliases or raise the 'maxNodes' limit"
                : "the document has more than \(limits.maxNodes) nodes, the 'maxNodes' limit; split it or raise the 'maxNodes' limit"
            throw YAMLError(code: YAMLError.Code.limitExceeded, message, at: location)
        }
    }

    private mutating func add(_ node: YAMLNode) throws(YAMLError) {
        guard !stack.isEmpty else {
            root = node
            return
        }
        let last = stack.count - 1
        if stack[last].isMapping && stack[last].items.count % 2 == 0, let identity = Self.keyIdentity(node) {
            guard stack[last].keys.insert(identity).inserted else {
                throw YAMLError(
                    code: YAMLError.Code.duplicateKey,
                    "duplicate key \((node.scalar ?? "").quotedExcerpt) in this mapping; remove one of them or merge their values",
                    at: node.location
                )
            }
        }
        stack[last].items.append(node)
    }

    /// What a scalar key means in the core schema, so `0x10` and `16` collide but `5` and `'5'` do not.
    private static func keyIdentity(_ key: YAMLNode) -> String? {
        guard let text = key.scalar else { return nil }
        if key.isNull { return "null" }
        if let flag = key.bool { return "bool:\(flag)" }
        if case .integer(let literal)? = key.integerLiteral {
            return "int:\(literal.isNegative && literal.magnitude != 0 ? "-" : "")\(literal.magnitude)"
        }
        if let number = key.double { return "float:\(number)" }
        return "str:" + text
    }
}
