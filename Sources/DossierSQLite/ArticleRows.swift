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
/// The content hash (`RowsHash`, since schema `dossier-4`) is XXH64 over these bytes. Databases
/// written before hold the first hash (`ContentHash`): FNV-1a over the rows of the schema's first
/// version (version byte 1, the tables `articles` 0, `entities` 1, `mentions` 2, `sources` 3,
/// `quotes` 4, `claims` 5, `claim_sources` 6, `findings` 7, `metrics` 8, a row per mention and per
/// metric, each mention with its text). Those bytes are fed to it as they are made, never stored,
/// and only when asked (`legacy`): the sink asks for an article the database holds under such a
/// hash, so that an unchanged article of an upgraded database is still recognised.
struct ArticleRows: ~Copyable {
    /// A table of the corpus database and the columns its rows fill.
    enum Table: UInt8, CaseIterable {
        case articles, entities, sources, quotes, claims, claimSources, findings

        /// The table's name in the database.
        var name: String {
            switch self {
            case .articles: "articles"
            case .entities: "entities"
            case .sources: "source_rows"
            case .quotes: "quote_rows"
            case .claims: "claims"
            case .claimSources: "claim_sources"
            case .findings: "finding_rows"
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
    static let version: UInt8 = 3
    /// The version byte of the rows as schema `dossier-4` stored them (`Form.fourth`).
    static let fourthVersion: UInt8 = 2
    /// The version byte the first hash is taken over; never changes, so stored hashes keep matching.
    static let hashedVersion: UInt8 = 1

    /// Room kept before the rows for the hash and its NUL (`rendered`): the rendering is then
    /// handed over without a copy.
    private static let headerRoom = 48

    /// The encoded rows, from `headerRoom` on, in memory this value owns until `rendered` hands it
    /// over.
    private var out: GrowingBytes
    private var owned = true
    /// The first schema's content hash, fed as the rows are encoded when `legacy` is asked for.
    private var hasher = ContentHash()
    /// Whether the first schema's hash is computed.
    private let hashing: Bool
    /// The article's text as UTF-8, encoded once: each range's text is a copy of a slice of it.
    private let utf8: [UInt8]
    /// Where each scalar starts in `utf8`, and its end last; empty when the text is ASCII (a
    /// scalar's offset is then its byte's).
    private let utf8Offsets: [Int32]

    /// Which schema's rows are encoded: those stored now, or those of `dossier-4`, which differ only
    /// in keeping the text of every source, quote and finding that has a range (now cut from the
    /// article's text by the views `sources`, `quotes` and `findings` when that is stored). The
    /// fourth form is encoded only for its hash (`hash`), to recognise an unchanged article that
    /// a database holds under a fingerprint `dossier-4` wrote.
    enum Form {
        case current, fourth
    }

    /// Whether a source's, quote's or finding's text goes into the stored rows: only when the
    /// article's text does not (the views cut it from that), or in the fourth form.
    private let storesSpanText: Bool
    /// The form encoded.
    private let form: Form

    /// Where a value goes: into the stored rows, into the hash, or both.
    private struct Target: OptionSet {
        let rawValue: UInt8
        static let stored = Target(rawValue: 1)
        static let hashed = Target(rawValue: 2)
        static let both: Target = [.stored, .hashed]
    }

    /// Encodes every row of `document`, parents first; `legacy` also computes the first schema's
    /// content hash (`legacyHash`).
    ///
    /// References to items the document does not hold are NULL rather than a broken foreign key:
    /// the runner checks references, but a document may come from elsewhere.
    init(_ document: Document, options: SQLiteExporter.Options, legacy: Bool = false, form: Form = .current) {
        hashing = legacy
        self.form = form
        storesSpanText = !options.includeText || form == .fourth
        out = GrowingBytes(capacity: Self.headerRoom + 4096 + 8 * document.length)
        out.count = Self.headerRoom
        (utf8, utf8Offsets) = Self.utf8(of: document.scalars)
        append(form == .current ? Self.version : Self.fourthVersion)
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
        if options.metrics { addJSON(a.metrics, producers: producers) } else { add(nil as String?, to: .stored) }

        let entities = Set(a.entities.map(\.id))
        func entity(_ id: String?) -> String? { id.flatMap { entities.contains($0) ? $0 : nil } }
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
            let json = startText()
            out.write(UInt8(ascii: "["))
            for (n, mention) in e.mentions.enumerated() {
                if hashing {
                    hasher.add(0xF0 | HashedTable.mentions.rawValue)
                    add(article, to: .hashed)
                    add(e.id, to: .hashed)
                    add(mention.range.start, to: .hashed)
                    add(mention.range.end, to: .hashed)
                    add(mention.form.rawValue, to: .hashed)
                    add(text: mention.range, of: document, to: .hashed)
                }
                if n > 0 { out.write(UInt8(ascii: ",")) }
                out.write(UInt8(ascii: "["))
                out.writeJSONInteger(mention.range.start)
                out.write(UInt8(ascii: ","))
                out.writeJSONInteger(mention.range.end)
                out.write(UInt8(ascii: ","))
                out.writeJSONString(mention.form.rawValue)
                // The view cuts the text from the article's; only an article stored without it keeps the mention's.
                if !options.includeText {
                    out.write(UInt8(ascii: ","))
                    out.writeJSONString(document.text(in: mention.range))
                }
                out.write(UInt8(ascii: "]"))
            }
            out.write(UInt8(ascii: "]"))
            endText(json)
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
            add(spanText: s.range, of: document)
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
            add(spanText: q.range, of: document)
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
            add(reasons: c.reasons)
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
            add(spanText: f.range, of: document)
            add(producers[f.producer])
        }
        for metric in a.metrics where options.metrics && hashing {
            hasher.add(0xF0 | HashedTable.metrics.rawValue)
            add(article, to: .hashed)
            add(metric.id, to: .hashed)
            add(metric.name, to: .hashed)
            add(metric.value, to: .hashed)
            add(metric.unit, to: .hashed)
            add(producers[metric.producer], to: .hashed)
        }
    }

    deinit {
        if owned { free(out.base) }
    }

    /// The encoded rows (from the version byte on), for as long as `body` runs.
    func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(start: out.base + Self.headerRoom, count: out.count - Self.headerRoom))
    }

    /// The content hash of the rows (`RowsHash`), with the prefix of their form.
    var hash: String { withBytes { RowsHash.fingerprint(of: $0, prefix: form == .current ? RowsHash.prefix : RowsHash.fourthPrefix) } }

    /// The rendering the sink takes: the content hash, a NUL, the rows; handed over without a copy
    /// (the hash is written into the room kept before the rows).
    mutating func rendered() -> Data {
        precondition(owned, "the rows were handed over already")
        let hash = Array(self.hash.utf8)
        let start = Self.headerRoom - 1 - hash.count
        precondition(start >= 0, "a content hash longer than the room kept for it")
        hash.withUnsafeBytes { (out.base + start).copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
        out.base.storeBytes(of: 0, toByteOffset: Self.headerRoom - 1, as: UInt8.self)
        owned = false
        let memory = out.base
        return Data(bytesNoCopy: out.base + start, count: out.count - start, deallocator: .custom { _, _ in free(memory) })
    }

    /// The first schema's content hash of the rows, when asked for (`legacy`).
    var legacyHash: String? { hashing ? hasher.value : nil }

    /// The metrics layer as `articles.metrics` holds it since `dossier-5`: the metrics in order, in
    /// runs of one producer, each run `[producer, [id, name, value, unit?], …]`, so a producer is
    /// written once for its run rather than once per metric, and no key is repeated (a metric
    /// took 80 bytes, as much per article as its text; the `metrics` view reads either). Strings
    /// and numbers are written by the document JSON writer's functions; a value JSON cannot hold
    /// (NaN, an infinity) is `null`. Written straight into the rows, as a text value.
    private mutating func addJSON(_ metrics: [Metric], producers: ProducerNames) {
        if form == .fourth { return addFourthJSON(metrics, producers: producers) }
        let json = startText()
        out.write(UInt8(ascii: "["))
        var run: Provenance?
        for metric in metrics {
            if run != metric.producer {
                out.write(run == nil ? "[" : "],[")
                out.writeJSONString(producers[metric.producer])
                run = metric.producer
            }
            out.write(",[")
            out.writeJSONString(metric.id)
            out.write(UInt8(ascii: ","))
            out.writeJSONString(metric.name)
            out.write(UInt8(ascii: ","))
            if metric.value.isFinite { out.writeJSONDouble(metric.value) } else { out.write("null") }
            if let unit = metric.unit {
                out.write(UInt8(ascii: ","))
                out.writeJSONString(unit)
            }
            out.write(UInt8(ascii: "]"))
        }
        out.write(run == nil ? "]" : "]]")
        endText(json)
    }

    /// The metrics layer as `dossier-4` stored it (for its fingerprint, `Form.fourth`): the wire form,
    /// `[{"id", "name", "producer", "unit"?, "value"}]`, keys in sorted order.
    private mutating func addFourthJSON(_ metrics: [Metric], producers: ProducerNames) {
        let json = startText()
        out.write(UInt8(ascii: "["))
        for (n, metric) in metrics.enumerated() {
            out.write(n == 0 ? #"{"id":"# : #",{"id":"#)
            out.writeJSONString(metric.id)
            out.write(#","name":"#)
            out.writeJSONString(metric.name)
            out.write(#","producer":"#)
            out.writeJSONString(producers[metric.producer])
            if let unit = metric.unit {
                out.write(#","unit":"#)
                out.writeJSONString(unit)
            }
            out.write(#","value":"#)
            if metric.value.isFinite { out.writeJSONDouble(metric.value) } else { out.write("null") }
            out.write(UInt8(ascii: "}"))
        }
        out.write(UInt8(ascii: "]"))
        endText(json)
    }

    /// Starts a text value whose bytes are written next (JSON, a claim's reasons), returning where its length goes.
    private mutating func startText() -> Int {
        append(.text, 0)
        return out.count &- 8
    }

    /// Ends the text value `startText` started: its length is what was written since.
    private mutating func endText(_ length: Int) {
        out.base.storeBytes(of: UInt64(out.count &- length &- 8).littleEndian, toByteOffset: length, as: UInt64.self)
    }

    /// The UTF-8 of `scalars`, and where each scalar starts in it (empty when they are ASCII).
    private static func utf8(of scalars: ScalarBuffer) -> ([UInt8], [Int32]) {
        var utf8: [UInt8] = []
        utf8.reserveCapacity(scalars.count + scalars.count / 8)
        scalars.appendUTF8(in: 0..<scalars.count, to: &utf8)
        guard utf8.count != scalars.count else { return (utf8, []) }
        let offsets = [Int32](unsafeUninitializedCapacity: scalars.count + 1) { offsets, initialized in
            var k = 0
            utf8.withUnsafeBufferPointer { bytes in
                for i in 0..<bytes.count where bytes[i] & 0xC0 != 0x80 {
                    offsets[k] = Int32(truncatingIfNeeded: i)
                    k &+= 1
                }
            }
            precondition(k == scalars.count, "UTF-8 of \(k) scalars for \(scalars.count)")
            offsets[k] = Int32(truncatingIfNeeded: utf8.count)
            initialized = k + 1
        }
        return (utf8, offsets)
    }

    // MARK: Encoding

    private mutating func append(_ byte: UInt8) { out.write(byte) }

    /// A tag and 8 bytes (little-endian).
    private mutating func append(_ tag: Tag, _ value: UInt64) {
        out.reserve(9)
        out.base.storeBytes(of: tag.rawValue, toByteOffset: out.count, as: UInt8.self)
        out.base.storeBytes(of: value.littleEndian, toByteOffset: out.count &+ 1, as: UInt64.self)
        out.count &+= 9
    }

    private mutating func row(_ table: Table) {
        append(0xF0 | table.rawValue)
        if hashing { hasher.add(0xF0 | table.hashed.rawValue) }
    }

    private mutating func add(_ tag: Tag, _ value: UInt64, to target: Target) {
        if target.contains(.stored) { append(tag, value) }
        if hashing && target.contains(.hashed) {
            hasher.add(tag.rawValue)
            withUnsafeBytes(of: value.littleEndian) { hasher.add($0) }
        }
    }

    private mutating func add(_ value: Int?, to target: Target = .both) {
        guard let value else { return addNull(to: target) }
        add(.integer, UInt64(bitPattern: Int64(value)), to: target)
    }

    private mutating func add(_ value: Double, to target: Target = .both) {
        add(.double, value.bitPattern, to: target)
    }

    private mutating func addNull(to target: Target) {
        if target.contains(.stored) { append(Tag.null.rawValue) }
        if hashing && target.contains(.hashed) { hasher.add(Tag.null.rawValue) }
    }

    /// A text value of `utf8`.
    private mutating func add(utf8: UnsafeRawBufferPointer, to target: Target) {
        if target.contains(.stored) {
            append(.text, UInt64(utf8.count))
            out.write(utf8)
        }
        if hashing && target.contains(.hashed) {
            hasher.add(Tag.text.rawValue)
            withUnsafeBytes(of: UInt64(utf8.count).littleEndian) { hasher.add($0) }
            hasher.add(utf8)
        }
    }

    private mutating func add(_ value: String?, to target: Target = .both) {
        guard var value else { return addNull(to: target) }
        value.withUTF8 { add(utf8: UnsafeRawBufferPointer($0), to: target) }
    }

    /// The text `range` covers, clamped as `Document.text(in:)` clamps, or NULL without a range:
    /// a slice of the article's UTF-8 (`utf8`), with no `String` per value.
    private mutating func add(text range: TextRange?, of document: Document, to target: Target = .both) {
        guard let range else { return addNull(to: target) }
        let scalars = utf8Offsets.isEmpty ? utf8.count : utf8Offsets.count - 1
        let lower = min(max(range.start, 0), scalars)
        let upper = min(max(range.end, lower), scalars)
        let from = utf8Offsets.isEmpty ? lower : Int(utf8Offsets[lower])
        let to = utf8Offsets.isEmpty ? upper : Int(utf8Offsets[upper])
        utf8.withUnsafeBytes { add(utf8: UnsafeRawBufferPointer(rebasing: $0[from..<to]), to: target) }
    }

    /// A claim's reasons, their features joined by `;`, or NULL when it has none: written in place,
    /// with no joined string built per claim.
    private mutating func add(reasons: [ClaimAnnotation.Reason]) {
        guard !reasons.isEmpty else { return addNull(to: .both) }
        if hashing {
            // The first schema's hash takes the length before the bytes; this is rare (an upgraded database), so build the string.
            let joined = reasons.map(\.feature).joined(separator: ";")
            add(joined, to: .hashed)
        }
        let text = startText()
        for (n, reason) in reasons.enumerated() {
            if n > 0 { out.write(UInt8(ascii: ";")) }
            var feature = reason.feature
            feature.withUTF8 { out.write(UnsafeRawBufferPointer($0)) }
        }
        endText(text)
    }

    /// A source's, quote's or finding's text: stored when `storesSpanText`, else NULL in the rows
    /// (the view cuts it from the article's text) but still fed to the first schema's hash, which
    /// was taken over rows that held it.
    private mutating func add(spanText range: TextRange?, of document: Document) {
        if storesSpanText { return add(text: range, of: document) }
        if hashing { add(text: range, of: document, to: .hashed) }
        addNull(to: .stored)
    }

    /// Each producer's `description`, built once per distinct provenance rather than once per row.
    /// A layer's items nearly always share one producer, so the last one asked for is tried first.
    private final class ProducerNames {
        private var names: [(Provenance, String)] = []
        private var last: (Provenance, String)?

        subscript(_ producer: Provenance) -> String {
            if let last, last.0 == producer { return last.1 }
            let name: String
            if let hit = names.first(where: { $0.0 == producer }) {
                name = hit.1
            } else {
                name = producer.description
                names.append((producer, name))
            }
            last = (producer, name)
            return name
        }
    }
}
