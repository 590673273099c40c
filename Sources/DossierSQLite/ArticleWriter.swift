import DossierCore
import GRDB

/// Writes one article's rows inside the sink's open transaction: nothing when the stored version
/// has the same content hash, else the old rows (if any) deleted and the new ones inserted.
struct ArticleWriter {
    /// What writing an article did.
    enum Outcome {
        case inserted, replaced, unchanged
    }

    var includeText: Bool
    var writtenAt: String

    func write(_ document: Document, hash: String, in db: Database) throws -> Outcome {
        let stored = try String.fetchOne(
            db.cachedStatement(sql: "SELECT content_hash FROM articles WHERE id = ?"), arguments: [document.id])
        if stored == hash { return .unchanged }
        if stored != nil {
            // Cascades to every row of the article; the trigger keeps the claims' full-text index in step.
            try db.cachedStatement(sql: "DELETE FROM articles WHERE id = ?").execute(arguments: [document.id])
        }
        try insert(document, hash: hash, in: db)
        return stored == nil ? .inserted : .replaced
    }

    private func insert(_ document: Document, hash: String, in db: Database) throws {
        let a = document.annotations
        let m = document.metadata
        let article = document.id
        func text(_ range: TextRange?) -> String? { range.map { document.text(in: $0) } }

        try db.cachedStatement(
            sql: """
                INSERT INTO articles (id, content_hash, title, authors, publisher, published, modified, url, language, origin,
                    length, text, written_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            article, hash, m.title, m.authors.isEmpty ? nil : m.authors.joined(separator: "; "), m.publisher, m.published,
            m.modified, m.url, m.language, document.origin, document.length, includeText ? document.text : nil, writtenAt,
        ])

        // References to items the document does not hold are stored as NULL rather than failing the
        // foreign key: the runner checks references, but a document may come from elsewhere.
        let entities = Set(a.entities.map(\.id))
        let entityInsert = try db.cachedStatement(
            sql: "INSERT INTO entities (article_id, id, kind, name, role, producer) VALUES (?, ?, ?, ?, ?, ?)")
        let mentionInsert = try db.cachedStatement(
            sql: "INSERT INTO mentions (article_id, entity_id, start, end, form, text) VALUES (?, ?, ?, ?, ?, ?)")
        for e in a.entities {
            try entityInsert.execute(arguments: [article, e.id, e.kind.rawValue, e.name, e.role, e.producer.description])
            for mention in e.mentions {
                try mentionInsert.execute(arguments: [
                    article, e.id, mention.range.start, mention.range.end, mention.form.rawValue, text(mention.range),
                ])
            }
        }

        let sources = Set(a.sources.map(\.id))
        let sourceInsert = try db.cachedStatement(
            sql: """
                INSERT INTO sources (article_id, id, name, kind, url, entity_id, platform, handle, date, start, end, text, producer)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for s in a.sources {
            try sourceInsert.execute(arguments: [
                article, s.id, s.name, s.kind.rawValue, s.url, s.entity.map(\.id).flatMap { entities.contains($0) ? $0 : nil },
                s.platform, s.handle, s.date, s.range?.start, s.range?.end, text(s.range), s.producer.description,
            ])
        }

        let quotes = Set(a.quotes.map(\.id))
        let quoteInsert = try db.cachedStatement(
            sql: """
                INSERT INTO quotes (article_id, id, kind, start, end, text, speaker_id, anonymous, cue, producer)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for q in a.quotes {
            try quoteInsert.execute(arguments: [
                article, q.id, q.kind.rawValue, q.range.start, q.range.end, text(q.range),
                q.speaker.map(\.id).flatMap { entities.contains($0) ? $0 : nil }, q.isAnonymous, q.cue, q.producer.description,
            ])
        }

        let claimInsert = try db.cachedStatement(
            sql: """
                INSERT INTO claims (article_id, id, start, end, text, kind, check_worthiness, claimant_kind, claimant_id, quote_id,
                    attribution, reasons, producer) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        let linkInsert = try db.cachedStatement(
            sql: "INSERT OR IGNORE INTO claim_sources (article_id, claim_id, source_id, via) VALUES (?, ?, ?, ?)")
        for c in a.claims {
            try claimInsert.execute(arguments: [
                article, c.id, c.range.start, c.range.end, document.text(in: c.range), c.kind.rawValue, c.checkWorthiness,
                c.claimantKind.rawValue, c.claimant.map(\.id).flatMap { entities.contains($0) ? $0 : nil },
                c.quote.map(\.id).flatMap { quotes.contains($0) ? $0 : nil }, text(c.attribution),
                c.reasons.isEmpty ? nil : c.reasons.map(\.feature).joined(separator: ";"), c.producer.description,
            ])
            for support in c.support where sources.contains(support.source.id) {
                try linkInsert.execute(arguments: [article, c.id, support.source.id, support.via.rawValue])
            }
        }

        let findingInsert = try db.cachedStatement(
            sql: """
                INSERT INTO findings (article_id, id, kind, severity, message, cue, start, end, text, producer)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for f in a.findings {
            try findingInsert.execute(arguments: [
                article, f.id, f.kind, f.severity.rawValue, f.message, f.cue, f.range?.start, f.range?.end, text(f.range),
                f.producer.description,
            ])
        }

        let metricInsert = try db.cachedStatement(
            sql: "INSERT INTO metrics (article_id, id, name, value, unit, producer) VALUES (?, ?, ?, ?, ?, ?)")
        for metric in a.metrics {
            try metricInsert.execute(arguments: [article, metric.id, metric.name, metric.value, metric.unit, metric.producer.description])
        }
    }
}
