import Foundation

/// The canonical, versioned JSON form of a document: what the `json` exporter writes and what a
/// `json` reader reads back without loss.
///
/// The layout, with keys in camelCase and sorted so that output is byte-for-byte deterministic:
///
/// ```
/// { "format": "dossier", "version": 1, "offsets": "unicode-scalar", "id": …, "origin": …,
///   "reader": {component, version}, "length": …, "text": …, "metadata": {…},
///   "blocks": [{kind, start, end, level?, label?, text}], "links": [{url?, text, origin, start?, end?}],
///   "layers": {"sentences": […], "entities": […], "dates": […], "quotes": […], "claims": […],
///              "sources": […], "findings": […], "metrics": […]} }
/// ```
///
/// Every range is flattened into `start` and `end`, Unicode scalar offsets into `text`, half-open
/// `[start, end)`, the same as Python string indices. Each ranged item repeats the `text` its
/// range covers so the file reads on its own; that copy is redundant, so the reader ignores it
/// except to check it against the range, which catches files edited by hand or written with the
/// wrong offset unit. `length` is the text's length in scalars, so a consumer can check ranges even
/// when the text was left out.
///
/// All eight layers are always written, empty ones as `[]`, so a consumer never has to ask whether
/// a key exists; the reader also accepts a file that leaves empty layers (or `links`, `blocks`,
/// `metadata`) out. Optional fields are left out when unknown, never written as `null`. Every
/// annotation carries `producer: {component, version}`.
public enum DocumentJSON {
    /// The value of the top-level `format` key, which marks a file as a Dossier document.
    public static let format = "dossier"
    /// The layout version this build writes and reads; a change that breaks readers bumps it.
    public static let version = 1
    /// The value of the top-level `offsets` key: Unicode scalar offsets, half-open.
    public static let offsets = "unicode-scalar"

    // MARK: Writing

    /// Writes the document as canonical JSON, followed by a newline when `newline` is set.
    ///
    /// The writer runs twice, first counting bytes and then filling one buffer of that size, so
    /// the memory taken is the output alone (see `DocumentJSONWriter`).
    static func encode(_ document: Document, pretty: Bool, includeText: Bool, newline: Bool = false) throws -> Data {
        try checkNumbers(document)
        var counter = DocumentJSONWriter(document: document, pretty: pretty, includeText: includeText, sink: JSONByteCounter())
        counter.write()
        let size = counter.sink.count + (newline ? 1 : 0)
        var data = Data(count: size)
        data.withUnsafeMutableBytes { buffer in
            var writer = DocumentJSONWriter(document: document, pretty: pretty, includeText: includeText, sink: JSONByteBuffer(buffer: buffer))
            writer.write()
            if newline { writer.sink.write(0x0A) }
            precondition(writer.sink.count == size, "DocumentJSONWriter wrote less than it counted")
        }
        return data
    }

    /// Refuses the numbers JSON cannot hold, naming the item, before anything is written.
    private static func checkNumbers(_ document: Document) throws {
        let a = document.annotations
        for (i, claim) in a.claims.enumerated() where !claim.checkWorthiness.isFinite {
            throw DocumentJSONError(
                code: "E708", "claim '\(claim.id)' has the checkWorthiness '\(claim.checkWorthiness)', which JSON cannot hold; use a finite number",
                path: "layers.claims[\(i)].checkWorthiness")
        }
        for (i, metric) in a.metrics.enumerated() where !metric.value.isFinite {
            throw DocumentJSONError(
                code: "E708", "metric '\(metric.name)' has the value '\(metric.value)', which JSON cannot hold; use a finite number",
                path: "layers.metrics[\(i)].value")
        }
    }

    /// Streams the same bytes as `encode` to `consume`, in chunks of about `chunkSize` bytes (a
    /// string longer than that, such as the article text, goes as one piece, straight from the document).
    static func write(
        _ document: Document, pretty: Bool, includeText: Bool, newline: Bool, chunkSize: Int,
        to consume: @escaping (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        try checkNumbers(document)
        var writer = DocumentJSONWriter(
            document: document, pretty: pretty, includeText: includeText, sink: JSONChunkSink(capacity: max(1, chunkSize), consume: consume))
        writer.write()
        if newline { writer.sink.write(0x0A) }
        writer.sink.flush()
        if let error = writer.sink.error { throw error }
    }

    // MARK: Reading

    static func decode(_ data: Data) throws -> Document {
        let decoder = JSONDecoder()
        // The header is read on its own first, so a file of another version is refused by its
        // version rather than by whichever key the layouts happen to disagree on first.
        let header = try wrap { try decoder.decode(Header.self, from: data) }
        guard header.format == format else {
            throw DocumentJSONError(
                code: "E702", "not a Dossier document: expected \"format\": \"dossier\", found \(quoted(header.format))", path: "format")
        }
        guard header.version == version else {
            throw DocumentJSONError(
                code: "E703", "unsupported dossier JSON version \(quoted(header.version.map(String.init)));"
                    + " this build reads version \(version), so upgrade Dossier or re-export the document", path: "version")
        }
        guard header.offsets == nil || header.offsets == offsets else {
            throw DocumentJSONError(
                code: "E704", "unsupported offset unit \(quoted(header.offsets)); ranges must be '\(offsets)' offsets", path: "offsets")
        }
        let root = try wrap { try decoder.decode(Root.self, from: data) }
        guard let text = root.text else {
            throw DocumentJSONError(
                code: "E707", "the document has no 'text', so its ranges cannot be read back; export it again with includeText: true",
                path: "text")
        }
        var document = Document(id: root.id, text: text, origin: root.origin, reader: root.reader)
        if let length = root.length, length != document.length {
            throw DocumentJSONError(
                code: "E705", "'length' is \(length) but the text has \(document.length) Unicode scalars; were the offsets counted in another unit?",
                path: "length")
        }
        let check = RangeCheck(document: document)
        document.metadata = root.metadata?.metadata ?? Metadata()
        document.blocks = try (root.blocks ?? []).enumerated().map { i, b in
            Block(kind: b.kind, range: try check(b.start, b.end, b.text, "blocks[\(i)]"), level: b.level, label: b.label)
        }
        document.links = try (root.links ?? []).enumerated().map { i, l in
            // A link's text is its anchor or entry text, which need not equal what its range covers.
            Link(url: l.url, text: l.text, range: try check.optional(l.start, l.end, nil, "links[\(i)]"), origin: l.origin)
        }
        let layers = root.layers ?? Layers()
        var a = Annotations()
        a.sentences = try (layers.sentences ?? []).enumerated().map { i, s in
            Sentence(range: try check(s.start, s.end, s.text, "layers.sentences[\(i)]"), producer: s.producer)
        }
        a.entities = try (layers.entities ?? []).enumerated().map { i, e in
            Entity(
                range: try check(e.start, e.end, e.text, "layers.entities[\(i)]"), kind: e.kind, name: e.name, role: e.role,
                producer: e.producer)
        }
        a.dates = try (layers.dates ?? []).enumerated().map { i, d in
            DateMention(range: try check(d.start, d.end, d.text, "layers.dates[\(i)]"), value: d.value, producer: d.producer)
        }
        a.quotes = try (layers.quotes ?? []).enumerated().map { i, q in
            Quote(
                range: try check(q.start, q.end, q.text, "layers.quotes[\(i)]"), kind: q.kind, speaker: q.speaker,
                speakerRange: try q.speakerRange.map { try check($0.start, $0.end, $0.text, "layers.quotes[\(i)].speakerRange") },
                cue: q.cue, producer: q.producer)
        }
        a.claims = try (layers.claims ?? []).enumerated().map { i, c in
            ClaimAnnotation(
                id: c.id, range: try check(c.start, c.end, c.text, "layers.claims[\(i)]"), checkWorthiness: c.checkWorthiness,
                sourceIDs: c.sourceIds ?? [], claimant: c.claimant, producer: c.producer)
        }
        a.sources = try (layers.sources ?? []).enumerated().map { i, s in
            SourceAnnotation(
                id: s.id, name: s.name, url: s.url, kind: s.kind, range: try check.optional(s.start, s.end, s.text, "layers.sources[\(i)]"),
                producer: s.producer)
        }
        a.findings = try (layers.findings ?? []).enumerated().map { i, f in
            Finding(
                kind: f.kind, message: f.message, severity: f.severity,
                range: try check.optional(f.start, f.end, f.text, "layers.findings[\(i)]"), producer: f.producer)
        }
        a.metrics = (layers.metrics ?? []).map { Metric(name: $0.name, value: $0.value, unit: $0.unit, producer: $0.producer) }
        document.annotations = a
        return document
    }

    private static func quoted(_ value: String?) -> String { value.map { "'\($0)'" } ?? "nothing" }

    /// Turns Foundation's decoding errors into ones that name the JSON path in the file's own terms.
    private static func wrap<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as DecodingError {
            switch error {
            case .keyNotFound(let key, let context):
                throw DocumentJSONError(code: "E701", "missing key '\(key.stringValue)'", path: path(context.codingPath), underlying: error)
            case .valueNotFound(_, let context):
                throw DocumentJSONError(code: "E701", "missing value: \(context.debugDescription)", path: path(context.codingPath), underlying: error)
            case .typeMismatch(let type, let context):
                throw DocumentJSONError(
                    code: "E701", "expected a value of type \(type): \(context.debugDescription)", path: path(context.codingPath), underlying: error)
            case .dataCorrupted(let context) where context.codingPath.isEmpty:
                throw DocumentJSONError(code: "E701", "the data is not valid JSON: \(context.debugDescription)", underlying: error)
            case .dataCorrupted(let context):
                throw DocumentJSONError(code: "E701", "invalid value: \(context.debugDescription)", path: path(context.codingPath), underlying: error)
            @unknown default:
                throw DocumentJSONError(code: "E701", "\(error)", underlying: error)
            }
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        var s = ""
        for key in keys {
            if let i = key.intValue { s += "[\(i)]" } else { s += s.isEmpty ? key.stringValue : ".\(key.stringValue)" }
        }
        return s
    }

    /// Turns flattened offsets into ranges, refusing any that leave the text or whose `text` disagrees.
    private struct RangeCheck {
        let document: Document

        func callAsFunction(_ start: Int, _ end: Int, _ text: String?, _ path: String) throws -> TextRange {
            // Checked before building the TextRange, whose initialiser traps on a reversed range.
            guard start <= end else {
                throw DocumentJSONError(code: "E705", "range [\(start), \(end)) ends before it starts; 'end' is one past the last scalar", path: path)
            }
            guard start >= 0, end <= document.length else {
                throw DocumentJSONError(
                    code: "E705", "range [\(start), \(end)) is outside the text (length \(document.length)); offsets are Unicode scalars, half-open",
                    path: path)
            }
            let range = TextRange(start: start, end: end)
            if let text, text != document.text(in: range) {
                throw DocumentJSONError(
                    code: "E706", "'text' is '\(text)' but range \(range) covers '\(document.text(in: range))'; fix the offsets or the text",
                    path: path + ".text")
            }
            return range
        }

        func optional(_ start: Int?, _ end: Int?, _ text: String?, _ path: String) throws -> TextRange? {
            switch (start, end) {
            case (nil, nil): return nil
            case let (start?, end?): return try self(start, end, text, path)
            default:
                throw DocumentJSONError(code: "E705", "'start' and 'end' must be given together or not at all", path: path)
            }
        }
    }

    // MARK: Wire types

    // The wire types mirror the JSON exactly; fields a reader may find missing are optional here
    // even when the writer always fills them, so files from other tools stay readable.

    private struct Header: Decodable {
        var format: String?
        var version: Int?
        var offsets: String?
    }

    private struct Root: Decodable {
        var format: String
        var version: Int
        var offsets: String?
        var id: String
        var origin: String?
        var reader: Provenance?
        var length: Int?
        var text: String?
        var metadata: WireMetadata?
        var blocks: [WireBlock]?
        var links: [WireLink]?
        var layers: Layers?
    }

    private struct WireMetadata: Decodable {
        var title: String?
        var authors: [String]?
        var publisher: String?
        var published: String?
        var modified: String?
        var url: String?
        var language: String?

        var metadata: Metadata {
            Metadata(
                title: title, authors: authors ?? [], publisher: publisher, published: published, modified: modified, url: url,
                language: language)
        }
    }

    private struct Span: Decodable {
        var start: Int
        var end: Int
        var text: String?
    }

    private struct WireBlock: Decodable {
        var kind: BlockKind
        var start: Int
        var end: Int
        var level: Int?
        var label: String?
        var text: String?
    }

    private struct WireLink: Decodable {
        var url: String?
        var text: String
        var origin: Link.Origin
        var start: Int?
        var end: Int?
    }

    private struct Layers: Decodable {
        var sentences: [WireSentence]?
        var entities: [WireEntity]?
        var dates: [WireDate]?
        var quotes: [WireQuote]?
        var claims: [WireClaim]?
        var sources: [WireSource]?
        var findings: [WireFinding]?
        var metrics: [WireMetric]?
    }

    private struct WireSentence: Decodable {
        var start: Int
        var end: Int
        var text: String?
        var producer: Provenance
    }

    private struct WireEntity: Decodable {
        var start: Int
        var end: Int
        var text: String?
        var kind: Entity.Kind
        var name: String
        var role: String?
        var producer: Provenance
    }

    private struct WireDate: Decodable {
        var start: Int
        var end: Int
        var text: String?
        var value: String?
        var producer: Provenance
    }

    private struct WireQuote: Decodable {
        var start: Int
        var end: Int
        var text: String?
        var kind: Quote.Kind
        var speaker: String?
        var speakerRange: Span?
        var cue: String?
        var producer: Provenance
    }

    private struct WireClaim: Decodable {
        var id: String
        var start: Int
        var end: Int
        var text: String?
        var checkWorthiness: Double
        var sourceIds: [String]?
        var claimant: String?
        var producer: Provenance
    }

    private struct WireSource: Decodable {
        var id: String
        var name: String
        var url: String?
        var kind: SourceKind
        var start: Int?
        var end: Int?
        var text: String?
        var producer: Provenance
    }

    private struct WireFinding: Decodable {
        var kind: String
        var message: String
        var severity: Finding.Severity
        var start: Int?
        var end: Int?
        var text: String?
        var producer: Provenance
    }

    private struct WireMetric: Decodable {
        var name: String
        var value: Double
        var unit: String?
        var producer: Provenance
    }
}
