/// The claim values that flow through a pipeline.
public struct ClaimAnnotation: Claim, Hashable, Codable {
    public var id: String
    public var range: TextRange
    public var checkWorthiness: Double
    public var sourceIDs: [String]
    /// Who the article attributes the claim to, when anyone.
    public var claimant: String?
    /// The component that found it.
    public var producer: Provenance

    /// Creates a claim annotation.
    public init(
        id: String, range: TextRange, checkWorthiness: Double, sourceIDs: [String] = [], claimant: String? = nil,
        producer: Provenance = .unstamped
    ) {
        self.id = id
        self.range = range
        self.checkWorthiness = checkWorthiness
        self.sourceIDs = sourceIDs
        self.claimant = claimant
        self.producer = producer
    }
}
