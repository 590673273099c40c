/// The name of an annotation layer that analyzers provide and require.
///
/// The pipeline planner orders analyzers by these names, and the runner refuses an analyzer that
/// writes a layer it did not declare. A layer's items are one `Annotation` type, which names it.
public struct LayerID: OpenName, Comparable {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static func < (lhs: LayerID, rhs: LayerID) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Sentence boundaries.
    public static let sentences: LayerID = "sentences"
    /// Named entities (people, organisations, places) with their roles.
    public static let entities: LayerID = "entities"
    /// Dates and times mentioned in the text.
    public static let dates: LayerID = "dates"
    /// Quotations and who said them.
    public static let quotes: LayerID = "quotes"
    /// Check-worthy claims.
    public static let claims: LayerID = "claims"
    /// Sources the article cites.
    public static let sources: LayerID = "sources"
    /// Observations about the article, such as framing.
    public static let findings: LayerID = "findings"
    /// Numeric measures of the article.
    public static let metrics: LayerID = "metrics"

    /// Links between annotations, added by later analyzers to enrich earlier ones.
    public static let relations: LayerID = "relations"

    /// The built-in layers, in a stable order; Dossier JSON always writes these, empty or not.
    /// Other layers are declared by an `Annotation` type of their own.
    public static let builtIn: [LayerID] = [.sentences, .entities, .dates, .quotes, .claims, .sources, .findings, .metrics, .relations]

    /// The built-in layers (the same as `builtIn`).
    public static var all: [LayerID] { builtIn }
}
