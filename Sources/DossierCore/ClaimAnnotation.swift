/// The claim values that flow through a pipeline.
public struct ClaimAnnotation: Claim, Annotation {
    public static let layer: LayerID = .claims
    public static let idPrefix = "c"

    public var id: String
    public var range: TextRange
    public var checkWorthiness: Double
    /// The sources in the document that back the claim; empty when it is unsourced.
    public var sources: [Reference<SourceAnnotation>]
    /// The entity the article attributes the claim to, when it names one.
    public var claimant: Reference<Entity>?
    /// The component that found it.
    public var producer: Provenance

    /// Creates a claim annotation.
    public init(
        id: String = "", range: TextRange, checkWorthiness: Double, sources: [Reference<SourceAnnotation>] = [],
        claimant: Reference<Entity>? = nil, producer: Provenance = .unstamped
    ) {
        self.id = id
        self.range = range
        self.checkWorthiness = checkWorthiness
        self.sources = sources
        self.claimant = claimant
        self.producer = producer
    }

    public var sourceIDs: [String] { sources.map(\.id) }

    public var coveredRange: TextRange? { range }

    public func forEachReference(_ body: (_ id: String, _ layer: LayerID?) -> Void) {
        for source in sources { body(source.id, SourceAnnotation.layer) }
        if let claimant { body(claimant.id, Entity.layer) }
    }

    // Wire form: {"id", "start", "end", "checkWorthiness", "sourceIds" (source ids), "claimant"? (an entity id), "producer"}.
    private enum CodingKeys: String, CodingKey { case id, start, end, checkWorthiness, sourceIds, claimant, producer }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(String.self, forKey: .id) ?? ""
        range = TextRange(start: try c.decode(Int.self, forKey: .start), end: try c.decode(Int.self, forKey: .end))
        checkWorthiness = try c.decode(Double.self, forKey: .checkWorthiness)
        sources = try c.decodeIfPresent([Reference<SourceAnnotation>].self, forKey: .sourceIds) ?? []
        claimant = try c.decodeIfPresent(Reference<Entity>.self, forKey: .claimant)
        producer = try c.decode(Provenance.self, forKey: .producer)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(range.start, forKey: .start)
        try c.encode(range.end, forKey: .end)
        try c.encode(checkWorthiness, forKey: .checkWorthiness)
        try c.encode(sources, forKey: .sourceIds)
        try c.encodeIfPresent(claimant, forKey: .claimant)
        try c.encode(producer, forKey: .producer)
    }
}
