/// The typed annotation layers of a document, or the part of them one analyzer adds.
///
/// An analyzer returns an `Annotations` value holding only the layers it declared in `provides`;
/// the runner checks that, stamps every annotation with the analyzer's provenance, and merges it
/// into the document.
public struct Annotations: Hashable, Sendable, Codable {
    /// Sentence boundaries.
    public var sentences: [Sentence] = []
    /// Named entities with their roles.
    public var entities: [Entity] = []
    /// Dates and times mentioned.
    public var dates: [DateMention] = []
    /// What people are reported as saying.
    public var quotes: [Quote] = []
    /// Check-worthy claims.
    public var claims: [ClaimAnnotation] = []
    /// Sources the article cites.
    public var sources: [SourceAnnotation] = []
    /// Observations such as framing.
    public var findings: [Finding] = []
    /// Numeric measures.
    public var metrics: [Metric] = []

    /// Creates empty layers.
    public init() {}

    /// The layers that hold at least one annotation.
    public var nonEmptyLayers: Set<LayerID> {
        var layers: Set<LayerID> = []
        if !sentences.isEmpty { layers.insert(.sentences) }
        if !entities.isEmpty { layers.insert(.entities) }
        if !dates.isEmpty { layers.insert(.dates) }
        if !quotes.isEmpty { layers.insert(.quotes) }
        if !claims.isEmpty { layers.insert(.claims) }
        if !sources.isEmpty { layers.insert(.sources) }
        if !findings.isEmpty { layers.insert(.findings) }
        if !metrics.isEmpty { layers.insert(.metrics) }
        return layers
    }

    /// Sets the producer of every annotation to `provenance`.
    public mutating func stamp(_ provenance: Provenance) {
        for i in sentences.indices { sentences[i].producer = provenance }
        for i in entities.indices { entities[i].producer = provenance }
        for i in dates.indices { dates[i].producer = provenance }
        for i in quotes.indices { quotes[i].producer = provenance }
        for i in claims.indices { claims[i].producer = provenance }
        for i in sources.indices { sources[i].producer = provenance }
        for i in findings.indices { findings[i].producer = provenance }
        for i in metrics.indices { metrics[i].producer = provenance }
    }

    /// Appends every layer of `other` to the matching layer here.
    public mutating func merge(_ other: Annotations) {
        sentences += other.sentences
        entities += other.entities
        dates += other.dates
        quotes += other.quotes
        claims += other.claims
        sources += other.sources
        findings += other.findings
        metrics += other.metrics
    }

    /// The first range of any annotation that is not a well-formed span of a text of `length`
    /// scalars (negative, reversed, or past the end), or nil when every one is.
    ///
    /// The runner checks every annotation an analyzer returns with this, so a component's bad
    /// range fails that article (E406) instead of trapping later, in an exporter or the batch.
    public func firstInvalidRange(length: Int) -> TextRange? {
        func bad(_ r: TextRange?) -> Bool {
            guard let r else { return false }
            return r.start < 0 || r.start > r.end || r.end > length
        }
        if let s = sentences.first(where: { bad($0.range) }) { return s.range }
        if let e = entities.first(where: { bad($0.range) }) { return e.range }
        if let d = dates.first(where: { bad($0.range) }) { return d.range }
        if let q = quotes.first(where: { bad($0.range) || bad($0.speakerRange) }) { return bad(q.range) ? q.range : q.speakerRange }
        if let c = claims.first(where: { bad($0.range) }) { return c.range }
        if let s = sources.first(where: { bad($0.range) }) { return s.range }
        if let f = findings.first(where: { bad($0.range) }) { return f.range }
        return nil
    }

    /// The largest range end used by any annotation, to check ranges against the text length.
    public var maximumOffset: Int {
        var m = 0
        func see(_ r: TextRange?) { if let r { m = max(m, r.end) } }
        sentences.forEach { see($0.range) }
        entities.forEach { see($0.range) }
        dates.forEach { see($0.range) }
        quotes.forEach { see($0.range); see($0.speakerRange) }
        claims.forEach { see($0.range) }
        sources.forEach { see($0.range) }
        findings.forEach { see($0.range) }
        return m
    }
}
