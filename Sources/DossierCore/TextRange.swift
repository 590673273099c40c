/// A half-open span of the article text, `[start, end)`, counted in Unicode scalars.
///
/// Unicode scalar offsets are what Python's `str` indexes by, so ranges written by Dossier can be
/// used directly by tools in other languages. Every range in every output uses this convention.
public struct TextRange: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The offset of the first scalar in the span.
    public var start: Int
    /// The offset one past the last scalar in the span.
    public var end: Int

    /// Creates a range from `start` up to, not including, `end`.
    ///
    /// A reversed range (`end` before `start`) is not trapped here: it may come from a component
    /// written by someone else, and one bad range must fail one article, not the whole batch. The
    /// runner checks every range an analyzer returns (E406) and the JSON reader every range it
    /// reads (E705); `offsets` still traps on a reversed range.
    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
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
}
