import DossierCore

/// The tables the `csv` exporter writes, one per layer, each keyed by the article's id.
///
/// Every table's first column is `article_id`, and each row of a layer table names its item by
/// the id the document gives it (`claim_id`, `source_id`), so tables join like database tables:
/// `claims.merge(articles, on="article_id")`. Lists in one cell (a claim's source ids) are joined
/// by `;`. Offsets are Unicode scalars, half-open, as everywhere in Dossier.
public enum CSVTable: String, CaseIterable, Codable, Sendable {
    /// One row per article: metadata and how many items each layer holds.
    case articles
    /// One row per claim: text, kind, check-worthiness, claimant, sources.
    case claims
    /// One row per source: name, kind, link, the claims that cite it.
    case sources
    /// One row per entity (a referent, not a mention): kind, name, role, mentions.
    case entities
    /// One row per quote: text, kind, speaker, cue.
    case quotes
    /// One row per finding: kind, severity, message, the text it points at.
    case findings

    /// The header row.
    public var columns: [String] {
        switch self {
        case .articles:
            [
                "article_id", "title", "authors", "publisher", "published", "modified", "url", "language", "origin", "length", "words",
                "sentences", "claims", "unsourced_claims", "sources", "quotes", "entities", "findings",
            ]
        case .claims:
            [
                "article_id", "claim_id", "start", "end", "text", "kind", "check_worthiness", "claimant_kind", "claimant_id", "claimant",
                "quote_id", "source_ids", "source_names", "unsourced", "reasons", "hedges", "boosters", "attribution", "producer",
            ]
        case .sources:
            [
                "article_id", "source_id", "name", "kind", "url", "entity_id", "platform", "handle", "date", "start", "end", "text",
                "cited_by", "producer",
            ]
        case .entities:
            ["article_id", "entity_id", "kind", "name", "role", "mentions", "start", "end", "producer"]
        case .quotes:
            ["article_id", "quote_id", "kind", "start", "end", "text", "speaker_id", "speaker", "anonymous", "cue", "producer"]
        case .findings:
            ["article_id", "finding_id", "kind", "severity", "message", "cue", "start", "end", "text", "producer"]
        }
    }

    /// The rows this table holds for one document, in the document's order.
    func rows(of document: Document) -> [[CSVField]] {
        let a = document.annotations
        let id = CSVField.text(document.id)
        func text(_ range: TextRange?) -> CSVField { range.map { .text(document.text(in: $0)) } ?? .missing }
        func start(_ range: TextRange?) -> CSVField { range.map { .integer($0.start) } ?? .missing }
        func end(_ range: TextRange?) -> CSVField { range.map { .integer($0.end) } ?? .missing }
        switch self {
        case .articles:
            let m = document.metadata
            let claims = a.claims
            return [
                [
                    id, .optional(m.title), .list(m.authors), .optional(m.publisher), .optional(m.published), .optional(m.modified),
                    .optional(m.url), .optional(m.language), .optional(document.origin), .integer(document.length),
                    a.metrics.first { $0.name == "words" }.map { .decimal($0.value) } ?? .missing, .integer(a.sentences.count),
                    .integer(claims.count), .integer(claims.filter(\.support.isEmpty).count), .integer(a.sources.count),
                    .integer(a.quotes.count), .integer(a.entities.count), .integer(a.findings.count),
                ]
            ]
        case .claims:
            let entities = AnnotationIndex(a.entities)
            let sources = AnnotationIndex(a.sources)
            return a.claims.map { c in
                let ids = c.support.map(\.source.id)
                return [
                    id, .text(c.id), start(c.range), end(c.range), text(c.range), .text(c.kind.rawValue), .decimal(c.checkWorthiness),
                    .text(c.claimantKind.rawValue), .optional(c.claimant?.id), .optional(entities.resolve(c.claimant)?.name),
                    .optional(c.quote?.id), .list(ids), .list(ids.compactMap { sources[id: $0]?.name }), .boolean(c.support.isEmpty),
                    .list(c.reasons.map(\.feature)), .list(c.hedges.map { document.text(in: $0) }),
                    .list(c.boosters.map { document.text(in: $0) }), text(c.attribution), .text(c.producer.description),
                ]
            }
        case .sources:
            var citations: [String: Int] = [:]
            for claim in a.claims {
                for id in Set(claim.support.map(\.source.id)) { citations[id, default: 0] += 1 }
            }
            return a.sources.map { s in
                [
                    id, .text(s.id), .text(s.name), .text(s.kind.rawValue), .optional(s.url), .optional(s.entity?.id),
                    .optional(s.platform), .optional(s.handle), .optional(s.date), start(s.range), end(s.range), text(s.range),
                    .integer(citations[s.id] ?? 0), .text(s.producer.description),
                ]
            }
        case .entities:
            return a.entities.map { e in
                let first = e.mentions.first?.range
                return [
                    id, .text(e.id), .text(e.kind.rawValue), .text(e.name), .optional(e.role), .integer(e.mentions.count),
                    start(first), end(first), .text(e.producer.description),
                ]
            }
        case .quotes:
            let entities = AnnotationIndex(a.entities)
            return a.quotes.map { q in
                [
                    id, .text(q.id), .text(q.kind.rawValue), start(q.range), end(q.range), text(q.range), .optional(q.speaker?.id),
                    .optional(entities.resolve(q.speaker)?.name), .boolean(q.isAnonymous), .optional(q.cue),
                    .text(q.producer.description),
                ]
            }
        case .findings:
            return a.findings.map { f in
                [
                    id, .text(f.id), .text(f.kind), .text(f.severity.rawValue), .text(f.message), .optional(f.cue), start(f.range),
                    end(f.range), text(f.range), .text(f.producer.description),
                ]
            }
        }
    }
}
