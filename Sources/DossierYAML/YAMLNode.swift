public import DossierCore

/// A YAML node that remembers where it was written.
///
/// Nodes are plain values: a scalar, a sequence or a mapping, each with the location of its first
/// character (its anchor or tag, when it has one). Mappings keep their pairs in source order.
/// Scalars keep their text and style unresolved; the core-schema accessors (`bool`, `int`,
/// `double`, `isNull`) resolve plain scalars on demand, and quoted scalars are always strings.
///
/// Equality compares content, style, tag, location and `sourceText` (not `end`); compare
/// `jsonValue` to ignore positions.
public struct YAMLNode: Sendable, Hashable {
    /// How a scalar was written.
    public enum ScalarStyle: String, Sendable, Hashable, CaseIterable {
        /// Unquoted, such as `name: value`; the only style the core schema resolves to non-strings.
        case plain
        /// In single quotes: `'value'`.
        case singleQuoted
        /// In double quotes, with escapes: `"value\n"`.
        case doubleQuoted
        /// A literal block: `|`.
        case literal
        /// A folded block: `>`.
        case folded
    }

    /// What a node holds.
    public enum Content: Sendable, Hashable {
        /// A scalar's text and the style it was written in.
        case scalar(String, ScalarStyle)
        /// A sequence (a list).
        case sequence([YAMLNode])
        /// A mapping, its pairs in source order.
        case mapping([(key: YAMLNode, value: YAMLNode)])

        /// Whether two contents hold the same text and styles, or equal items and pairs in the same order.
        public static func == (lhs: Content, rhs: Content) -> Bool {
            switch (lhs, rhs) {
            case (.scalar(let a, let s), .scalar(let b, let t)): a == b && s == t
            case (.sequence(let a), .sequence(let b)): a == b
            case (.mapping(let a), .mapping(let b)):
                a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
            default: false
            }
        }

        /// Hashes the content, consistently with `==`.
        public func hash(into hasher: inout Hasher) {
            switch self {
            case .scalar(let text, let style):
                hasher.combine(0)
                hasher.combine(text)
                hasher.combine(style)
            case .sequence(let items):
                hasher.combine(1)
                hasher.combine(items)
            case .mapping(let pairs):
                hasher.combine(2)
                hasher.combine(pairs.count)
                for pair in pairs {
                    hasher.combine(pair.key)
                    hasher.combine(pair.value)
                }
            }
        }
    }

    /// The node's content.
    public var content: Content
    /// Where the node starts: the file, a 1-based line and a 1-based column in Unicode scalars.
    public var location: SourceLocation
    /// Where the node ends (just after its last character), when it was parsed; for underlining a
    /// whole value in a diagnostic. Not part of equality: two nodes written alike are equal.
    public var end: SourceLocation?
    /// For a scalar rewritten after parsing (such as by `${NAME}` substitution), its text as written
    /// in the file; messages quote this instead of the value, so a variable's value never shows.
    public var sourceText: String?
    /// The node's explicit tag, resolved to its full form (`!!str` becomes `tag:yaml.org,2002:str`),
    /// or nil when the node has none.
    public var tag: String?

    /// Creates a node.
    public init(_ content: Content, at location: SourceLocation, tag: String? = nil) {
        self.content = content
        self.location = location
        self.tag = tag
    }

    /// Whether two nodes hold the same content, written in the same place and form; `end` is
    /// left out, so a node built in code equals the parsed one.
    public static func == (lhs: YAMLNode, rhs: YAMLNode) -> Bool {
        lhs.content == rhs.content && lhs.location == rhs.location && lhs.sourceText == rhs.sourceText && lhs.tag == rhs.tag
    }

    /// Hashes what `==` compares.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(content)
        hasher.combine(location)
        hasher.combine(sourceText)
        hasher.combine(tag)
    }

    /// Creates a scalar node.
    public init(scalar: String, style: ScalarStyle = .plain, at location: SourceLocation, tag: String? = nil) {
        self.init(.scalar(scalar, style), at: location, tag: tag)
    }

    /// The scalar's text, or nil when the node is a sequence or a mapping.
    ///
    /// Any scalar has text, whatever it resolves to: a plain `5` gives `"5"`.
    public var scalar: String? {
        if case .scalar(let text, _) = content { return text }
        return nil
    }

    /// The scalar's style, or nil when the node is a sequence or a mapping.
    public var style: ScalarStyle? {
        if case .scalar(_, let style) = content { return style }
        return nil
    }

    /// The items, or nil when the node is not a sequence.
    public var sequence: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// The pairs in source order, or nil when the node is not a mapping.
    public var mapping: [(key: YAMLNode, value: YAMLNode)]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    /// The value of the first pair whose key is a scalar with text `key`, when this is a mapping.
    ///
    /// The key's style does not matter: `"name"` and `name` both match `"name"`.
    public subscript(key: String) -> YAMLNode? {
        mapping?.first { $0.key.scalar == key }?.value
    }

    /// The value of the first pair whose key is `key` (a scalar with the same text), with the key node.
    public func pair(forKey key: String) -> (key: YAMLNode, value: YAMLNode)? {
        mapping?.first { $0.key.scalar == key }
    }

    /// A short name for the node's kind, as used in messages: `a mapping`, `a list`, `'text'`.
    public var kindDescription: String {
        switch content {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar(let text, let style):
            switch style {
            case .plain where tag == nil && text.isEmpty && sourceText == nil: return "nothing"
            case .plain: return (sourceText ?? text).quotedExcerpt
            case .singleQuoted, .doubleQuoted: return "the quoted string " + (sourceText ?? text).quotedExcerpt
            case .literal, .folded: return "the block string " + (sourceText ?? text).quotedExcerpt
            }
        }
    }
}
