/// A typed link between two annotations that already exist, added by a later analyzer.
///
/// This is how an analyzer enriches what an earlier one wrote without editing it: a `sources`
/// analyzer links a claim (written by `claims`) to the source that backs it with a relation of
/// kind `cites`; a stance analyzer links a quote to the entity it is about. The earlier
/// annotation stays exactly as its producer wrote it, and each relation says who added it. For
/// a property rather than a link, declare a layer of your own whose items hold a `Reference`.
public struct Relation: Annotation {
    public static let layer: LayerID = .relations
    public static let idPrefix = "r"

    public var id: String
    /// A dotted, stable name for the link, such as `cites`, `claimant` or `stance.against`.
    public var kind: String
    /// The id of the annotation the link starts at.
    public var from: String
    /// The id of the annotation it points to.
    public var to: String
    /// How sure the producer is, from 0 to 1, when it says.
    public var confidence: Double?
    public var producer: Provenance

    /// Creates a relation from `from` to `to`.
    public init(id: String = "", kind: String, from: String, to: String, confidence: Double? = nil, producer: Provenance = .unstamped) {
        self.id = id
        self.kind = kind
        self.from = from
        self.to = to
        self.confidence = confidence
        self.producer = producer
    }

    /// Creates a relation between two annotations that have their ids.
    public init(_ kind: String, from: some Annotation, to: some Annotation, confidence: Double? = nil) {
        self.init(kind: kind, from: from.id, to: to.id, confidence: confidence)
    }

    public var coveredRange: TextRange? { nil }

    public func forEachReference(_ body: (_ id: String, _ layer: LayerID?) -> Void) {
        body(from, nil)
        body(to, nil)
    }
}
