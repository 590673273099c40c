/// A structural unit of the article: a heading, a paragraph, a list item, and so on.
///
/// Blocks cover the canonical text in document order and never overlap. Text between blocks is
/// layout (line breaks) and belongs to no block.
public struct Block: Hashable, Sendable, Codable {
    /// Where the block's text lies in the article.
    public var range: TextRange
    // The level as 32 bits with `Int32.min` for none; the kind as a byte for the built-in kinds;
    // a kind of a reader's own and the label in one shared, immutable box, held only when there
    // is one. A block is 24 bytes instead of 48 (an article of list items holds one block a line),
    // and blocks copied from one another share their label's box.
    private var storedLevel: Int32
    private var kindCode: UInt8
    private var names: Names?

    /// A kind of a reader's own and the label, for the few blocks that have them.
    private final class Names: Sendable {
        let kind: String?
        let label: String?
        init(kind: String?, label: String?) {
            self.kind = kind
            self.label = label
        }
    }

    /// What the block is.
    public var kind: BlockKind {
        get { BlockKind.named(kindCode, among: BlockKind.builtIn) ?? BlockKind(rawValue: names?.kind ?? "") }
        set {
            kindCode = newValue.code(among: BlockKind.builtIn)
            let custom = kindCode == customNameCode ? newValue.rawValue : nil
            if custom != names?.kind { names = Self.names(kind: custom, label: names?.label) }
        }
    }

    /// A label grouping related blocks, such as the heading of the list a list item belongs to.
    public var label: String? {
        get { names?.label }
        set {
            if newValue != names?.label { names = Self.names(kind: names?.kind, label: newValue) }
        }
    }

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
        self.range = range
        self.storedLevel = Self.stored(level)
        let code = kind.code(among: BlockKind.builtIn)
        self.kindCode = code
        self.names = Self.names(kind: code == customNameCode ? kind.rawValue : nil, label: label)
    }

    /// A block of this one's kind and label at `range` and `level`, sharing this one's storage
    /// for them: a reader that labels every item of a long list makes one label, not one an item.
    public func moved(to range: TextRange, level: Int?) -> Block {
        var block = self
        block.range = range
        block.level = level
        return block
    }

    private static func names(kind: String?, label: String?) -> Names? {
        kind == nil && label == nil ? nil : Names(kind: kind, label: label)
    }

    public static func == (a: Block, b: Block) -> Bool {
        a.range == b.range && a.storedLevel == b.storedLevel && a.kindCode == b.kindCode
            && (a.names === b.names || (a.names?.kind == b.names?.kind && a.names?.label == b.names?.label))
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(range)
        hasher.combine(level)
        hasher.combine(label)
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
