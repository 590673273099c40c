/// One sentence of the article.
public struct Sentence: Annotation {
    public static let layer: LayerID = .sentences
    public static let idPrefix = "s"

    public var id: String {
        get { storedID.string(prefix: Self.idPrefix) }
        set { storedID = CompactID(newValue, prefix: Self.idPrefix) }
    }
    /// Where the sentence lies, without surrounding whitespace.
    public var range: TextRange
    /// The component that found it.
    public var producer: Provenance

    // The id in 8 bytes (`CompactID`): 24 bytes a sentence instead of 32.
    private var storedID: CompactID

    /// Creates a sentence annotation.
    public init(id: String = "", range: TextRange, producer: Provenance = .unstamped) {
        storedID = CompactID(id, prefix: Self.idPrefix)
        self.range = range
        self.producer = producer
    }

    public var coveredRange: TextRange? { range }

    // Wire form: {"id", "start", "end", "producer"} (and "text", added by the writer).
    private enum CodingKeys: String, CodingKey { case id, start, end, producer }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        storedID = CompactID(try c.decodeIfPresent(String.self, forKey: .id) ?? "", prefix: Self.idPrefix)
        range = try TextRange(decodingFrom: c, start: .start, end: .end)
        producer = try c.decode(Provenance.self, forKey: .producer)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(range.start, forKey: .start)
        try c.encode(range.end, forKey: .end)
        try c.encode(producer, forKey: .producer)
    }
}
