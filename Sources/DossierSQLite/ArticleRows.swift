import DossierCore
import Foundation

/// The rows one article makes in the corpus database, table by table, in the order they can be
/// inserted (parents before children), encoded once as bytes, with the article's content hash.
///
/// Rendering (run for many articles at once) builds the bytes and the hash; the sink, which
/// writes one article at a time, binds the bytes to its insert statements without building a
/// value per column. So everything but SQLite's own work is done concurrently. The first version
/// hashed the canonical JSON (four fifths of the exporter's time); the second built the rows
/// twice, as arrays of existential values, once to hash them and once to insert them.
///
/// The bytes: a version byte (`version`), then per row `0xF0 | table` and per value a tag, `0`
/// NULL, `1` an integer (8 bytes, little-endian), `2` a double (its 8 bytes, little-endian), `3`
/// text (its UTF-8 length in 8 bytes, then the bytes).
///
/// The hash is taken over the same encoding of the rows of the schema's first version (version
/// byte 1, the tables `articles` 0, `entities` 1, `mentions` 2, `sources` 3, `quotes` 4, `claims`
/// 5, `claim_sources` 6, `findings` 7, `metrics` 8, a row per mention and per metric, each
/// mention with its text), whatever the tables look like now: those are the values of the
/// article, and hashes stored since the first release still match, so a database migrated to a
/// later schema skips the articles it already holds. Those bytes are fed to the hash as they are
/// made, never stored.
struct ArticleRows {
    /// A table of the corpus database and the columns its rows fill.
    enum Table: UInt8, CaseIterable {
        case articles, entities, sources, quotes, claims, claimSources, findings

        /// The table's name in the database.
        var name: String {
            switch self {
            case .articles: "articles"
            case .entities: "entities"
            case .sources: "sources"
            case .quotes: "quotes"
            case .claims: "claims"
            case .claimSources: "claim_sources"
            case .findings: "findings"
            }
        }

        /// The columns a row's values go to, in the order they are encoded; for `articles`, the
        /// last two (`content_hash`, `written_at`) are the sink's, not the rows'.
        var columns: [String] {
            switch self {
            case .articles:
                [
                    "id", "title", "authors", "publisher", "published", "modified", "url", "language", "origin", "length", "text",
                    "metrics", "content_hash", "written_at",
                ]
            case .entities: ["article_id", "id", "kind", "name", "role", "producer", "mentions"]
            case .sources:
                ["article_id", "id", "name", "kind", "url", "entity_id", "platform", "handle", "date", "start", "end", "text", "producer"]
            case .quotes: ["article_id", "id", "kind", "start", "end", "text", "speaker_id", "anonymous", "cue", "producer"]
            case .claims:
                [
                    "article_id", "id", "start", "end", "text", "kind", "check_worthiness", "claimant_kind", "claimant_id", "quote_id",
                    "attribution", "reasons", "producer",
                ]
            case .claimSources: ["article_id", "claim_id", "source_id", "via"]
            case .findings: ["article_id", "id", "kind", "severity", "message", "cue", "start", "end", "text", "producer"]
            }
        }

        /// How many values each row carries in the encoded bytes.
        var encodedValues: Int { self == .articles ? columns.count - 2 : columns.count }

        /// The `INSERT` of `rows` rows at once (one `VALUES` tuple each).
        ///
        /// `OR FAIL`: a row that breaks a constraint stops the statement without undoing the rows
        /// before it, and the sink then rolls the whole batch back. The default (`ABORT`) would
        /// undo them, so SQLite keeps a statement journal, a temporary file, for every statement
        /// of more than one row: that doubled the kernel's time for the writes. A claim may cite
        /// one source twice (by two routes): the link is kept once (`OR IGNORE`).
        func insert(rows: Int) -> String {
            let tuple = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
            return "INSERT OR \(self == .claimSources ? "IGNORE" : "FAIL") INTO \(name) (\(columns.joined(separator: ", "))) VALUES "
                + Array(repeating: tuple, count: rows).joined(separator: ", ")
        }

        /// The table's number in the first version's encoding, which the hash is taken over.
        var hashed: HashedTable {
            switch self {
            case .articles: .articles
            case .entities: .entities
            case .sources: .sources
            case .quotes: .quotes
            case .claims: .claims
            case .claimSources: .claimSources
            case .findings: .findings
            }
        }
    }

    /// The tables of the first version's encoding, which the content hash is taken over.
    enum HashedTable: UInt8 {
        case articles, entities, mentions, sources, quotes, claims, claimSources, findings, metrics
    }

    /// A value's tag in the bytes.
    enum Tag: UInt8 {
        case null = 0
        case integer = 1
        case double = 2
        case text = 3
    }

    /// The version byte of the stored bytes; change it when a table changes.
    static let version: UInt8 = 2
    /// The version byte the hash is taken over; never changes, so stored hashes keep matching.
    static let hashedVersion: UInt8 = 1

    /// The encoded rows.
    private(set) var bytes: [UInt8]
    /// The content hash, fed as the rows are encoded.
    private var hasher = ContentHash()
    /// The UTF-8 of the text value being added.
    private var scratch: [UInt8] = []

    /// Where a value goes: into the stored rows, into the hash, or both.
    private struct Target: OptionSet {
        let rawValue: UInt8
        static let stored = Target(rawValue: 1)
        static let hashed = Target(rawValue: 2)
        static let both: Target = [.stored, .hashed]
    }

    /// Encodes every row of `document`, parents first.
    ///
    /// References to items the document does not hold are NULL rather than a broken foreign key:
    /// the runner checks references, but a document may come from elsewhere.
    init(_ document: Document, options: SQLiteExporter.Options) {
        bytes = []
        bytes.reserveCapacity(4096 + 8 * document.length)
        bytes.append(Self.version)
        hasher.add(Self.hashedVersion)
        let a = document.annotations
        let m = document.metadata
        let article = document.id
        let producers = ProducerNames()

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
        add(options.metrics ? Self.json(a.metrics, producers: producers) : nil, to: .stored)

        let entities = Set(a.entities.map(\.id))
        func entity(_ id: String?) -> String? { id.flatMap { entities.contains($0) ? $0 : nil } }
        var json = JSONText()
        for e in a.entities {
            row(.entities)
            add(article)
            add(e.id)
            add(e.kind.rawValue)
            add(e.name)
            add(e.role)
            add(producers[e.producer])
            guard options.mentions else {
                add(nil as String?, to: .stored)
                continue
            }
            json.reset()
            json.open("[")
            for mention in e.mentions {
                hasher.add(0xF0 | HashedTable.mentions.rawValue)
                add(article, to: .hashed)
                add(e.id, to: .hashed)
                add(mention.range.start, to: .hashed)
                add(mention.range.end, to: .hashed)
                add(mention.form.rawValue, to: .hashed)
                add(text: mention.range, of: document, to: .hashed)
                json.open("[")
                json.int(mention.range.start)
                json.int(mention.range.end)
                json.string(mention.form.rawValue)
                // The view cuts the text from the article's; only an article stored without it keeps the mention's.
                if !options.includeText { json.string(document.text(in: mention.range)) }
                json.close("]")
            }
            json.close("]")
            add(json.text, to: .stored)
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
            hasher.add(0xF0 | HashedTable.metrics.rawValue)
            add(article, to: .hashed)
            add(metric.id, to: .hashed)
            add(metric.name, to: .hashed)
            add(metric.value, to: .hashed)
            add(metric.unit, to: .hashed)
            add(producers[metric.producer], to: .hashed)
        }
    }

    /// The content hash of the rows.
    var hash: String { hasher.value }

    /// The metrics layer in its wire form, compact: `[{"id", "name", "producer", "unit"?, "value"}]`,
    /// keys in sorted order as the document JSON writes them; a value JSON cannot hold (NaN, an
    /// infinity) is `null`.
    private static func json(_ metrics: [Metric], producers: ProducerNames) -> String {
        var json = JSONText()
        json.open("[")
        for metric in metrics {
            json.open("{")
            json.key("id")
            json.string(metric.id)
            json.key("name")
            json.string(metric.name)
            json.key("producer")
            json.string(producers[metric.producer])
            if let unit = metric.unit {
                json.key("unit")
                json.string(unit)
            }
            json.key("value")
            json.double(metric.value)
            json.close("}")
        }
        json.close("]")
        return json.text
    }

    // MARK: Encoding

    private mutating func row(_ table: Table) {
        bytes.append(0xF0 | table.rawValue)
        hasher.add(0xF0 | table.hashed.rawValue)
    }

    private mutating func tag(_ tag: Tag, to target: Target) {
        if target.contains(.stored) { bytes.append(tag.rawValue) }
        if target.contains(.hashed) { hasher.add(tag.rawValue) }
    }

    private mutating func append64(_ value: UInt64, to target: Target) {
        withUnsafeBytes(of: value.littleEndian) { raw in
            if target.contains(.stored) { bytes.append(contentsOf: raw) }
            if target.contains(.hashed) { hasher.add(raw) }
        }
    }

    private mutating func add(_ value: Int?, to target: Target = .both) {
        guard let value else { return tag(.null, to: target) }
        tag(.integer, to: target)
        append64(UInt64(bitPattern: Int64(value)), to: target)
    }

    private mutating func add(_ value: Double, to target: Target = .both) {
        tag(.double, to: target)
        append64(value.bitPattern, to: target)
    }

    private mutating func add(_ value: String?, to target: Target = .both) {
        guard var value else { return tag(.null, to: target) }
        tag(.text, to: target)
        value.withUTF8 { utf8 in
            append64(UInt64(utf8.count), to: target)
            if target.contains(.stored) { bytes.append(contentsOf: utf8) }
            if target.contains(.hashed) { hasher.add(UnsafeRawBufferPointer(utf8)) }
        }
    }

    /// The text `range` covers, clamped as `Document.text(in:)` clamps, or NULL without a range:
    /// its UTF-8 made straight from the document's scalars, with no `String` per value (a mention
    /// each, 30 of them an article, made a `String` only to be hashed).
    private mutating func add(text range: TextRange?, of document: Document, to target: Target = .both) {
        guard let range else { return tag(.null, to: target) }
        let scalars = document.scalars
        let lower = min(max(range.start, 0), scalars.count)
        let upper = min(max(range.end, lower), scalars.count)
        scratch.removeAll(keepingCapacity: true)
        scalars.appendUTF8(in: lower..<upper, to: &scratch)
        tag(.text, to: target)
        append64(UInt64(scratch.count), to: target)
        if target.contains(.stored) { bytes.append(contentsOf: scratch) }
        if target.contains(.hashed) { scratch.withUnsafeBytes { hasher.add($0) } }
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
