import DossierCore
import GRDB

/// The rows one article makes in the corpus database, table by table, in the order they can be
/// inserted (parents before children).
///
/// One walk serves twice: rendering (run for many articles at once) hashes the rows' values
/// into the article's content hash, and the sink inserts the same values. So the hash covers
/// exactly what the database stores, and the costly part of deciding "unchanged" is done
/// concurrently. (The first version hashed the canonical JSON instead; writing it took four
/// fifths of the exporter's time.)
enum ArticleRows {
    /// A table of the corpus database and the statement that inserts one of its rows.
    enum Table: UInt8, CaseIterable {
        case articles, entities, mentions, sources, quotes, claims, claimSources, findings, metrics

        /// The `INSERT` for one row; for `articles`, the last two values (`content_hash`,
        /// `written_at`) are the sink's, not the walk's.
        var insert: String {
            switch self {
            case .articles:
                "INSERT INTO articles (id, title, authors, publisher, published, modified, url, language, origin, length, text, "
                    + "content_hash, written_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            case .entities: "INSERT INTO entities (article_id, id, kind, name, role, producer) VALUES (?, ?, ?, ?, ?, ?)"
            case .mentions: "INSERT INTO mentions (article_id, entity_id, start, end, form, text) VALUES (?, ?, ?, ?, ?, ?)"
            case .sources:
                "INSERT INTO sources (article_id, id, name, kind, url, entity_id, platform, handle, date, start, end, text, producer) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            case .quotes:
                "INSERT INTO quotes (article_id, id, kind, start, end, text, speaker_id, anonymous, cue, producer) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            case .claims:
                "INSERT INTO claims (article_id, id, start, end, text, kind, check_worthiness, claimant_kind, claimant_id, quote_id, "
                    + "attribution, reasons, producer) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            case .claimSources: "INSERT OR IGNORE INTO claim_sources (article_id, claim_id, source_id, via) VALUES (?, ?, ?, ?)"
            case .findings:
                "INSERT INTO findings (article_id, id, kind, severity, message, cue, start, end, text, producer) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            case .metrics: "INSERT INTO metrics (article_id, id, name, value, unit, producer) VALUES (?, ?, ?, ?, ?, ?)"
            }
        }
    }

    typealias Values = [(any DatabaseValueConvertible)?]

    /// Calls `body` with every row of `document`, parents first.
    ///
    /// References to items the document does not hold are NULL rather than a broken foreign key:
    /// the runner checks references, but a document may come from elsewhere.
    static func forEach(_ document: Document, includeText: Bool, _ body: (Table, Values) throws -> Void) rethrows {
        let a = document.annotations
        let m = document.metadata
        let article = document.id
        func text(_ range: TextRange?) -> String? { range.map { document.text(in: $0) } }

        try body(
            .articles,
            [
                article, m.title, m.authors.isEmpty ? nil : m.authors.joined(separator: "; "), m.publisher, m.published, m.modified,
                m.url, m.language, document.origin, document.length, includeText ? document.text : nil,
            ])

        let entities = Set(a.entities.map(\.id))
        func entity(_ id: String?) -> String? { id.flatMap { entities.contains($0) ? $0 : nil } }
        for e in a.entities {
            try body(.entities, [article, e.id, e.kind.rawValue, e.name, e.role, e.producer.description])
            for mention in e.mentions {
                try body(.mentions, [article, e.id, mention.range.start, mention.range.end, mention.form.rawValue, text(mention.range)])
            }
        }
        let sources = Set(a.sources.map(\.id))
        for s in a.sources {
            try body(
                .sources,
                [
                    article, s.id, s.name, s.kind.rawValue, s.url, entity(s.entity?.id), s.platform, s.handle, s.date, s.range?.start,
                    s.range?.end, text(s.range), s.producer.description,
                ])
        }
        let quotes = Set(a.quotes.map(\.id))
        for q in a.quotes {
            try body(
                .quotes,
                [
                    article, q.id, q.kind.rawValue, q.range.start, q.range.end, text(q.range), entity(q.speaker?.id), q.isAnonymous, q.cue,
                    q.producer.description,
                ])
        }
        for c in a.claims {
            try body(
                .claims,
                [
                    article, c.id, c.range.start, c.range.end, document.text(in: c.range), c.kind.rawValue, c.checkWorthiness,
                    c.claimantKind.rawValue, entity(c.claimant?.id), c.quote.map(\.id).flatMap { quotes.contains($0) ? $0 : nil },
                    text(c.attribution), c.reasons.isEmpty ? nil : c.reasons.map(\.feature).joined(separator: ";"),
                    c.producer.description,
                ])
            for support in c.support where sources.contains(support.source.id) {
                try body(.claimSources, [article, c.id, support.source.id, support.via.rawValue])
            }
        }
        for f in a.findings {
            try body(
                .findings,
                [
                    article, f.id, f.kind, f.severity.rawValue, f.message, f.cue, f.range?.start, f.range?.end, text(f.range),
                    f.producer.description,
                ])
        }
        for metric in a.metrics {
            try body(.metrics, [article, metric.id, metric.name, metric.value, metric.unit, metric.producer.description])
        }
    }

    /// The content hash of `document`'s rows.
    static func hash(_ document: Document, includeText: Bool) -> String {
        var hash = ContentHash()
        hash.add(CollectionOfOne(UInt8(1)))  // the version of the rows; change it when a table changes
        forEach(document, includeText: includeText) { table, values in
            hash.add(CollectionOfOne(0xF0 | table.rawValue))
            for value in values { hash.add(value?.databaseValue ?? .null) }
        }
        return hash.value
    }
}
