/// A numeric measure of the article, such as its word count or reading time.
public struct Metric: Annotation {
    public static let layer: LayerID = .metrics
    public static let idPrefix = "m"

    public var id: String
    /// A dotted, stable name, such as `words` or `readability.flesch`.
    public var name: String
    /// The value.
    public var value: Double
    /// The unit, when the value has one (`words`, `seconds`).
    public var unit: String?
    /// The component that measured it.
    public var producer: Provenance

    /// Creates a metric.
    public init(id: String = "", name: String, value: Double, unit: String? = nil, producer: Provenance = .unstamped) {
        self.id = id
        self.name = name
        self.value = value
        self.unit = unit
        self.producer = producer
    }

    public var coveredRange: TextRange? { nil }

    // Wire form: {"id", "name", "value", "unit"?, "producer"}.
    private enum CodingKeys: String, CodingKey { case id, name, value, unit, producer }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(String.self, forKey: .id) ?? ""
        name = try c.decode(String.self, forKey: .name)
        value = try c.decode(Double.self, forKey: .value)
        unit = try c.decodeIfPresent(String.self, forKey: .unit)
        producer = try c.decode(Provenance.self, forKey: .producer)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encode(value, forKey: .value)
        try c.encodeIfPresent(unit, forKey: .unit)
        try c.encode(producer, forKey: .producer)
    }
}
