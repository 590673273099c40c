/// A structural unit of the article: a heading, a paragraph, a list item, and so on.
///
/// Blocks cover the canonical text in document order and never overlap. Text between blocks is
/// layout (line breaks) and belongs to no block.
public struct Block: Hashable, Sendable, Codable {
    /// What the block is.
    public var kind: BlockKind
    /// Where the block's text lies in the article.
    public var range: TextRange
    // The level as 32 bits with `Int32.min` for none, which keeps a block at 48 bytes instead of 56
    // (an article of list items holds one block per line).
    private var storedLevel: Int32
    /// A label grouping related blocks, such as the heading of the list a list item belongs to.
    public var label: String?

    /// The heading level (1 for the top level) or list nesting depth, when it applies.
    ///
    /// A level lies within `-maxLevel...maxLevel`; beyond it the setter traps (the JSON reader
    /// checks decoded levels first).
    public var level: Int? {
        get { storedLevel == .min ? nil : Int(storedLevel) }
        set { storedLevel = Self.stored(newValue) }
    }

    /// The largest level a block can hold: 2^31 - 1.
    public static let maxLevel = Int(Int32.max)

    /// Creates a block.
    public init(kind: BlockKind, range: TextRange, level: Int? = nil, label: String? = nil) {
        self.kind = kind
        self.range = range
        self.storedLevel = Self.stored(level)
        self.label = label
    }

    private static func stored(_ level: Int?) -> Int32 {
        guard let level else { return .min }
        guard level.magnitude <= UInt(maxLevel) else {
            preconditionFailure("block level \(level) is beyond the largest Dossier supports (\(maxLevel))")
        }
        return Int32(level)
    }

    // Wire form: {"kind", "range", "level"?, "label"?}, as the synthesized form of the four
    // properties was before the level was stored in 32 bits.
    private enum CodingKeys: String, CodingKey { case kind, range, level, label }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let level = try c.decodeIfPresent(Int.self, forKey: .level)
        if let level, level.magnitude > UInt(Self.maxLevel) {
            throw DecodingError.dataCorruptedError(
                forKey: .level, in: c, debugDescription: "block level \(level) is beyond the largest Dossier supports (\(Self.maxLevel))")
        }
        self.init(
            kind: try c.decode(BlockKind.self, forKey: .kind), range: try c.decode(TextRange.self, forKey: .range), level: level,
            label: try c.decodeIfPresent(String.self, forKey: .label))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(range, forKey: .range)
        try c.encodeIfPresent(level, forKey: .level)
        try c.encodeIfPresent(label, forKey: .label)
    }
}
