/// A date or time mentioned in the article.
public struct DateMention: Annotation {
    public static let layer: LayerID = .dates
    public static let idPrefix = "d"

    public var id: String
    /// Where the mention lies.
    public var range: TextRange
    /// The normalised value as ISO 8601 (`2025-12-14`, `2025-12`), when it could be resolved.
    public var value: String?
    /// The component that found it.
    public var producer: Provenance

    /// Creates a date annotation.
    public init(id: String = "", range: TextRange, value: String?, producer: Provenance = .unstamped) {
        self.id = id
        self.range = range
        self.value = value
        self.producer = producer
    }

    public var coveredRange: TextRange? { range }

    // Wire form: {"id", "start", "end", "value"?, "producer"}.
    private enum CodingKeys: String, CodingKey { case id, start, end, value, producer }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(String.self, forKey: .id) ?? ""
        range = TextRange(start: try c.decode(Int.self, forKey: .start), end: try c.decode(Int.self, forKey: .end))
        value = try c.decodeIfPresent(String.self, forKey: .value)
        producer = try c.decode(Provenance.self, forKey: .producer)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(range.start, forKey: .start)
        try c.encode(range.end, forKey: .end)
        try c.encodeIfPresent(value, forKey: .value)
        try c.encode(producer, forKey: .producer)
    }
}
