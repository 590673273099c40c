/// A date or time mentioned in the article.
public struct DateMention: Hashable, Sendable, Codable {
    /// Where the mention lies.
    public var range: TextRange
    /// The normalised value as ISO 8601 (`2025-12-14`, `2025-12`), when it could be resolved.
    public var value: String?
    /// The component that found it.
    public var producer: Provenance

    /// Creates a date annotation.
    public init(range: TextRange, value: String?, producer: Provenance = .unstamped) {
        self.range = range
        self.value = value
        self.producer = producer
    }
}
