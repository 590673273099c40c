/// One sentence of the article.
public struct Sentence: Hashable, Sendable, Codable {
    /// Where the sentence lies, without surrounding whitespace.
    public var range: TextRange
    /// The component that found it.
    public var producer: Provenance

    /// Creates a sentence annotation.
    public init(range: TextRange, producer: Provenance = .unstamped) {
        self.range = range
        self.producer = producer
    }
}
