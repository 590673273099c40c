import DossierCore
import Foundation

/// The rows one article makes in the corpus database, table by table, in the order they can be
/// inserted (parents before children), encoded once as bytes.
///
/// Rendering (run for many articles at once) builds the bytes and hashes them into the article's
/// content hash; the sink, which writes one article at a time, binds the same bytes to its insert
/// statements without building a value per column. So the hash covers exactly what the database
/// stores, and everything but SQLite's own work is done concurrently. The first version hashed
/// the canonical JSON (four fifths of the exporter's time); the second built the rows twice, as
/// arrays of existential values, once to hash them and once to insert them.
///
/// The bytes: a version byte (1), then per row `0xF0 | table` and per value a tag, `0` NULL, `1` an
/// integer (8 bytes, little-endian), `2` a double (its 8 bytes, little-endian), `3` text (its UTF-8
/// length in 8 bytes, then the bytes). These are the bytes the content hash has been taken over
/// since the first release of the schema, so hashes stored by earlier runs still match.
struct ArticleRows {
    /// A table of the corpus database and the statement that inserts one of its rows.
    enum Table: UInt8, CaseIterable {
        case articles, entities, mentions, sources, quotes, claims, claimSources, findings, metrics

        /// The `INSERT` for one row; for `articles`, the last two values (`content_hash`,
        /// `written_at`) are the sink's, not the rows'.
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

    /// A value's tag in the bytes.
    enum Tag: UInt8 {
        case null = 0
        case integer = 1
        case double = 2
        case text = 3
    }

    /// The version byte; change it when a table changes, so every stored hash differs.
    static let version: UInt8 = 1

    /// The encoded rows.
    private(set) var bytes: [UInt8]

    /// Encodes every row of `document`, parents first.
    ///
    /// References to items the document does not hold are NULL rather than a broken foreign key:
    /// the runner checks references, but a document may come from elsewhere.
    init(_ document: Document, options: SQLiteExporter.Options) {
        bytes = []
        bytes.reserveCapacity(4096 + 8 * document.length)
        bytes.append(Self.version)
        let a = document.annotations
        let m = document.metadata
        let article = document.id

        row(.articles)
        add(article)
        add(m.title)
        add(m.authors.isEmpty ? nil : m.authors.joined(separator: "; "))
        add(m.publisher)
        add(m.published)
        add(m.modified)
        add(m.url)
        add(m.language)
        add(document.origin)
        add(document.length)
        if options.includeText { add(text: TextRange(start: 0, end: document.length), of: document) } else { add(nil as String?) }

        let entities = Set(a.entities.map(\.id))
        func entity(_ id: String?) -> String? { id.flatMap { entities.contains($0) ? $0 : nil } }
        let producers = ProducerNames()
        for e in a.entities {
            row(.entities)
            add(article)
            add(e.id)
            add(e.kind.rawValue)
            add(e.name)
            add(e.role)
            add(producers[e.producer])
            for mention in e.mentions where options.mentions {
                row(.mentions)
                add(article)
                add(e.id)
                add(mention.range.start)
                add(mention.range.end)
                add(mention.form.rawValue)
                add(text: mention.range, of: document)
            }
        }
        let sources = Set(a.sources.map(\.id))
        for s in a.sources {
            row(.sources)
            add(article)
            add(s.id)
            add(s.name)
            add(s.kind.rawValue)
            add(s.url)
            add(entity(s.entity?.id))
            add(s.platform)
            add(s.handle)
            add(s.date)
            add(s.range?.start)
            add(s.range?.end)
            add(text: s.range, of: document)
            add(producers[s.producer])
        }
        let quotes = Set(a.quotes.map(\.id))
        for q in a.quotes {
            row(.quotes)
            add(article)
            add(q.id)
            add(q.kind.rawValue)
            add(q.range.start)
            add(q.range.end)
            add(text: q.range, of: document)
            add(entity(q.speaker?.id))
            add(q.isAnonymous ? 1 : 0)
            add(q.cue)
            add(producers[q.producer])
        }
        for c in a.claims {
            row(.claims)
            add(article)
            add(c.id)
            add(c.range.start)
            add(c.range.end)
            add(text: c.range, of: document)
            add(c.kind.rawValue)
            add(c.checkWorthiness)
            add(c.claimantKind.rawValue)
            add(entity(c.claimant?.id))
            add(c.quote.map(\.id).flatMap { quotes.contains($0) ? $0 : nil })
            add(text: c.attribution, of: document)
            add(c.reasons.isEmpty ? nil : c.reasons.map(\.feature).joined(separator: ";"))
            add(producers[c.producer])
            for support in c.support where sources.contains(support.source.id) {
                row(.claimSources)
                add(article)
                add(c.id)
                add(support.source.id)
                add(support.via.rawValue)
            }
        }
        for f in a.findings {
            row(.findings)
            add(article)
            add(f.id)
            add(f.kind)
            add(f.severity.rawValue)
            add(f.message)
            add(f.cue)
            add(f.range?.start)
            add(f.range?.end)
            add(text: f.range, of: document)
            add(producers[f.producer])
        }
        for metric in a.metrics where options.metrics {
            row(.metrics)
            add(article)
            add(metric.id)
            add(metric.name)
            add(metric.value)
            add(metric.unit)
            add(producers[metric.producer])
        }
    }

    /// The content hash of the rows.
    var hash: String {
        var hash = ContentHash()
        hash.add(bytes)
        return hash.value
    }

    // MARK: Encoding

    private mutating func row(_ table: Table) { bytes.append(0xF0 | table.rawValue) }

    private mutating func add(_ value: Int?) {
        guard let value else { return bytes.append(Tag.null.rawValue) }
        bytes.append(Tag.integer.rawValue)
        append64(UInt64(bitPattern: Int64(value)))
    }

    private mutating func add(_ value: Double) {
        bytes.append(Tag.double.rawValue)
        append64(value.bitPattern)
    }

    private mutating func add(_ value: String?) {
        guard var value else { return bytes.append(Tag.null.rawValue) }
        bytes.append(Tag.text.rawValue)
        value.withUTF8 { utf8 in
            append64(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    /// The text `range` covers, clamped as `Document.text(in:)` clamps, or NULL without a range.
    private mutating func add(text range: TextRange?, of document: Document) {
        guard let range else { return bytes.append(Tag.null.rawValue) }
        add(document.text(in: range))
    }

    private mutating func append64(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// Each producer's `description`, built once per distinct provenance rather than once per row.
    private final class ProducerNames {
        private var names: [(Provenance, String)] = []

        subscript(_ producer: Provenance) -> String {
            if let hit = names.first(where: { $0.0 == producer }) { return hit.1 }
            let name = producer.description
            names.append((producer, name))
            return name
        }
    }
}
