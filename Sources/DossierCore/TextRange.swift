/// A half-open span of the article text, `[start, end)`, counted in Unicode scalars.
///
/// Unicode scalar offsets are what Python's `str` indexes by, so ranges written by Dossier can be
/// used directly by tools in other languages. Every range in every output uses this convention.
///
/// Offsets are stored as 32-bit integers, so a range takes 8 bytes instead of 16 (a document holds
/// one or more ranges per block, sentence and annotation): a document is limited to
/// `TextRange.maxOffset` (2147483647) scalars. The readers refuse a `maxBytes` above it, and
/// decoding refuses an offset beyond it (E705).
public struct TextRange: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The largest offset a range can hold, and so the most scalars a document can have: 2^31 - 1.
    public static let maxOffset = Int(Int32.max)

    private var storedStart: Int32
    private var storedEnd: Int32

    /// The offset of the first scalar in the span.
    public var start: Int {
        get { Int(storedStart) }
        set { storedStart = Self.stored(newValue) }
    }
    /// The offset one past the last scalar in the span.
    public var end: Int {
        get { Int(storedEnd) }
        set { storedEnd = Self.stored(newValue) }
    }

    /// Creates a range from `start` up to, not including, `end`.
    ///
    /// A reversed range (`end` before `start`) is not trapped here: it may come from a component
    /// written by someone else, and one bad range must fail one article, not the whole batch. The
    /// runner checks every range an analyzer returns (E406) and the JSON reader every range it
    /// reads (E705); `offsets` still traps on a reversed range.
    ///
    /// Both offsets must lie within `-maxOffset...maxOffset`; beyond it the initialiser traps, since
    /// no document that long can be read (code that decodes offsets from user input checks first).
    public init(start: Int, end: Int) {
        storedStart = Self.stored(start)
        storedEnd = Self.stored(end)
    }

    /// A value no range takes (its offsets are `Int32.min`, which `stored(_:)` refuses): how a
    /// compact holder says "no range" in 8 bytes, where an optional takes 12.
    static let absent = TextRange(storedStart: .min, storedEnd: .min)

    private init(storedStart: Int32, storedEnd: Int32) {
        self.storedStart = storedStart
        self.storedEnd = storedEnd
    }

    private static func stored(_ offset: Int) -> Int32 {
        guard let value = Int32(exactly: offset), value != .min else {
            preconditionFailure(
                "text offset \(offset) is beyond the largest Dossier supports (\(maxOffset)); a document holds at most 2^31 - 1 scalars")
        }
        return value
    }

    /// Creates a range from a Swift half-open range of scalar offsets.
    public init(_ range: Range<Int>) {
        self.init(start: range.lowerBound, end: range.upperBound)
    }

    /// The number of scalars in the span (never negative).
    public var count: Int { max(0, end - start) }

    /// Whether the span holds no scalars.
    public var isEmpty: Bool { start >= end }

    /// The span as a Swift range of offsets.
    public var offsets: Range<Int> { start..<end }

    /// Whether `other` lies entirely inside this span.
    public func contains(_ other: TextRange) -> Bool { other.start >= start && other.end <= end }

    /// Whether the two spans share at least one scalar.
    public func overlaps(_ other: TextRange) -> Bool { other.start < end && start < other.end }

    /// Orders by start, then by end, so that sorted ranges read in document order.
    public static func < (lhs: TextRange, rhs: TextRange) -> Bool {
        lhs.start != rhs.start ? lhs.start < rhs.start : lhs.end < rhs.end
    }

    public var description: String { "[\(start), \(end))" }

    // Wire form: {"start", "end"}, as the synthesized form of two `Int` properties was.
    private enum CodingKeys: String, CodingKey { case start, end }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self = try TextRange(decodingFrom: c, start: .start, end: .end)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(start, forKey: .start)
        try c.encode(end, forKey: .end)
    }

    /// Reads a range written as two integer keys, refusing an offset too large for a range (E705)
    /// rather than trapping on input.
    init<Key: CodingKey>(decodingFrom container: KeyedDecodingContainer<Key>, start: Key, end: Key) throws {
        let s = try container.decode(Int.self, forKey: start)
        let e = try container.decode(Int.self, forKey: end)
        try self.init(checkedStart: s, end: e, codingPath: container.codingPath)
    }

    /// A range from decoded offsets, or E705 when either lies beyond `maxOffset`.
    init(checkedStart start: Int, end: Int, codingPath: [any CodingKey]) throws {
        for offset in [start, end] where offset.magnitude > UInt(Self.maxOffset) {
            throw DocumentJSONError(
                code: "E705",
                "offset \(offset) is beyond the largest Dossier supports (\(Self.maxOffset)); a document holds at most 2^31 - 1 scalars",
                path: DocumentJSON.path(codingPath))
        }
        self.init(start: start, end: end)
    }
}
