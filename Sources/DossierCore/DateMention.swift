/// A date, time, period or duration mentioned in the article, normalised to ISO 8601 when it can be.
///
/// A relative mention ("on Tuesday", "last week") is resolved against the article's published
/// date; `anchor` records which date that was, so a reader can check the arithmetic. A mention
/// that cannot be resolved keeps its span and says why in `unresolved`.
public struct DateMention: Annotation {
    /// What kind of time expression a mention is: an open set of lowercase names.
    public struct Kind: OpenName {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        /// A point or a calendar unit taken as one: a day, a month, a year, a week, a time of day.
        public static let point: Kind = "point"
        /// A span between two points ("between May and July", "2019–2021"); its value is an ISO
        /// 8601 interval `start/end`.
        public static let range: Kind = "range"
        /// A length of time not fixed in the calendar ("two weeks"); its value is an ISO 8601
        /// duration such as `P2W`.
        public static let duration: Kind = "duration"
        /// The built-in kinds, in a stable order.
        public static let builtIn: [Kind] = [.point, .range, .duration]
    }

    public static let layer: LayerID = .dates
    public static let idPrefix = "d"

    public var id: String
    /// Where the mention lies.
    public var range: TextRange
    /// A point, a range or a duration.
    public var kind: Kind
    /// The normalised value as ISO 8601 (`2025-12-14`, `2025-12`, `2025-W50`, `2025-05/2025-07`,
    /// `P2W`), when it could be resolved.
    public var value: String?
    /// The date a relative mention was resolved against (`2025-12-14`), when it was relative.
    public var anchor: String?
    /// Why `value` is missing, such as `no published date to resolve a weekday against`.
    public var unresolved: String?
    /// The component that found it.
    public var producer: Provenance

    /// Creates a date annotation.
    public init(
        id: String = "", range: TextRange, kind: Kind = .point, value: String?, anchor: String? = nil, unresolved: String? = nil,
        producer: Provenance = .unstamped
    ) {
        self.id = id
        self.range = range
        self.kind = kind
        self.value = value
        self.anchor = anchor
        self.unresolved = unresolved
        self.producer = producer
    }

    public var coveredRange: TextRange? { range }

    // Wire form: {"id", "start", "end", "kind", "value"?, "anchor"?, "unresolved"?, "producer"};
    // a version 2 mention without "kind" reads as a point.
    private enum CodingKeys: String, CodingKey { case id, start, end, kind, value, anchor, unresolved, producer }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(String.self, forKey: .id) ?? ""
        range = try TextRange(decodingFrom: c, start: .start, end: .end)
        kind = try c.decodeIfPresent(Kind.self, forKey: .kind) ?? .point
        value = try c.decodeIfPresent(String.self, forKey: .value)
        anchor = try c.decodeIfPresent(String.self, forKey: .anchor)
        unresolved = try c.decodeIfPresent(String.self, forKey: .unresolved)
        producer = try c.decode(Provenance.self, forKey: .producer)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(range.start, forKey: .start)
        try c.encode(range.end, forKey: .end)
        try c.encode(kind, forKey: .kind)
        try c.encodeIfPresent(value, forKey: .value)
        try c.encodeIfPresent(anchor, forKey: .anchor)
        try c.encodeIfPresent(unresolved, forKey: .unresolved)
        try c.encode(producer, forKey: .producer)
    }
}
