/// A numeric measure of the article, such as its word count or reading time.
public struct Metric: Hashable, Sendable, Codable {
    /// A dotted, stable name, such as `words` or `readability.flesch`.
    public var name: String
    /// The value.
    public var value: Double
    /// The unit, when the value has one (`words`, `seconds`).
    public var unit: String?
    /// The component that measured it.
    public var producer: Provenance

    /// Creates a metric.
    public init(name: String, value: Double, unit: String? = nil, producer: Provenance = .unstamped) {
        self.name = name
        self.value = value
        self.unit = unit
        self.producer = producer
    }
}
