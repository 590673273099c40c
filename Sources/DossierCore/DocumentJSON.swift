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
    /// The layout version this build writes; a change that breaks readers bumps it.
    ///
    /// Version 2 gave every annotation an `id`, made a quote's `speaker` and a claim's
    /// `claimant` entity ids rather than names, added the `relations` layer, and opened `layers`
    /// to any layer name. Version 1 files still read: their annotations get ids, and a speaker or
    /// claimant name (which pointed at nothing) is dropped.
    ///
    /// Version 3 made an entity a referent with `mentions` and structured `roles` (a version 2
    /// entity reads as one mention, its `role` as one role's title), gave a date mention its
    /// `kind`, `anchor` and `unresolved` reason, and opened a quote's `kind` (adding `partial`,
    /// `scare` and `title`) with `anonymous` speakers and a `cueRange`.
    ///
    /// Version 4 gave a claim its `kind`, `claimantKind`, `quote`, `actors`, `dates`, `reasons`,
    /// `hedges`, `boosters`, `attribution` and `support` (each source with how it is tied, in place
    /// of `sourceIds`, which still reads), and a source an open `kind` with its `entity` and a social
    /// post's `platform`, `handle` and `date`.
    public static let version = 4
    /// The layout versions this build reads.
    public static let readableVersions = 1...4
    /// The value of the top-level `offsets` key: Unicode scalar offsets, half-open.
    public static let offsets = "unicode-scalar"

    // MARK: Writing

    /// Writes the document as canonical JSON, followed by a newline when `newline` is set.
    ///
    /// One pass into a buffer that grows as needed (`GrowingBytes`); the first guess at its
    /// size is generous, as untouched pages of a large buffer take no memory.
    static func encode(_ document: Document, pretty: Bool, includeText: Bool, newline: Bool = false) throws -> Data {
        try checkNumbers(document)
        let layers = try DocumentJSONWriter<GrowingBytes>.plan(document.annotations)
        // Pretty JSON of an analysed article runs to about 12 times its text (each item repeats
        // what it covers); a bare document to about twice.
        var writer = DocumentJSONWriter(
            document: document, pretty: pretty, includeText: includeText, layers: layers,
            sink: GrowingBytes(capacity: 4096 + 16 * min(document.length, 1 << 24)))
        writer.write()
        if newline { writer.sink.write(0x0A) }
        return writer.sink.data()
    }

    /// Refuses the numbers JSON cannot hold, naming the item, before anything is written.
    private static func checkNumbers(_ document: Document) throws {
        let a = document.annotations
        for (i, claim) in a.claims.enumerated() where !claim.checkWorthiness.isFinite {
            throw DocumentJSONError(
                code: "E708",
                "claim '\(claim.id)' has the checkWorthiness '\(claim.checkWorthiness)', which JSON cannot hold; use a finite number",
                path: "layers.claims[\(i)].checkWorthiness")
        }
        for (i, claim) in a.claims.enumerated() {
            for (j, reason) in claim.reasons.enumerated() where !reason.weight.isFinite {
                throw DocumentJSONError(
                    code: "E708",
                    "claim '\(claim.id)' has a reason '\(reason.feature)' weighing '\(reason.weight)', which JSON cannot hold; use a finite number",
                    path: "layers.claims[\(i)].reasons[\(j)].weight")
            }
        }
        for (i, metric) in a.metrics.enumerated() where !metric.value.isFinite {
            throw DocumentJSONError(
                code: "E708", "metric '\(metric.name)' has the value '\(metric.value)', which JSON cannot hold; use a finite number",
                path: "layers.metrics[\(i)].value")
        }
        for (i, relation) in a.relations.enumerated() where relation.confidence.map({ !$0.isFinite }) ?? false {
            throw DocumentJSONError(
                code: "E708", "relation '\(relation.id)' has a confidence JSON cannot hold; use a finite number",
                path: "layers.relations[\(i)].confidence")
        }
    }

    /// Streams the same bytes as `encode` to `consume`, in chunks of about `chunkSize` bytes (a
    /// string longer than that, such as the article text, goes as one piece, straight from the document).
    static func write(
        _ document: Document, pretty: Bool, includeText: Bool, newline: Bool, chunkSize: Int,
        to consume: @escaping (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        try checkNumbers(document)
        let layers = try DocumentJSONWriter<JSONChunkSink>.plan(document.annotations)
        var writer = DocumentJSONWriter(
            document: document, pretty: pretty, includeText: includeText, layers: layers,
            sink: JSONChunkSink(capacity: max(1, chunkSize), consume: consume))
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
        guard let fileVersion = header.version, readableVersions.contains(fileVersion) else {
            throw DocumentJSONError(
                code: "E703",
                "unsupported dossier JSON version \(quoted(header.version.map(String.init)));"
                    + " this build reads versions \(readableVersions.lowerBound) to \(readableVersions.upperBound), so upgrade Dossier or re-export the document",
                path: "version")
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
                code: "E705",
                "'length' is \(length) but the text has \(document.length) Unicode scalars; were the offsets counted in another unit?",
                path: "length")
        }
        let check = RangeCheck(document: document)
        document.metadata = root.metadata?.metadata ?? Metadata()
        document.blocks = try (root.blocks ?? []).enumerated().map { i, b in
            if let level = b.level, level.magnitude > UInt(Block.maxLevel) {
                throw DocumentJSONError(
                    code: "E701", "'level' \(level) is beyond the largest a block can hold (\(Block.maxLevel))", path: "blocks[\(i)].level")
            }
            return Block(kind: b.kind, range: try check(b.start, b.end, b.text, "blocks[\(i)]"), level: b.level, label: b.label)
        }
        document.links = try (root.links ?? []).enumerated().map { i, l in
            // A link's text is its anchor or entry text, which need not equal what its range covers.
            Link(url: l.url, text: l.text, range: try check.optional(l.start, l.end, nil, "links[\(i)]"), origin: l.origin)
        }
        var a = Annotations()
        for (layer, items) in root.layers?.items ?? [] {
            try items.check(layer: layer, with: check)
            items.add(to: &a)
        }
        if let problem = a.firstReferenceProblem(against: Annotations()) {
            // Version 1 named speakers and claimants instead of pointing at entities: those
            // names point at nothing and are dropped; any other problem is the file's.
            guard fileVersion < 2, problem.kind == .missingTarget else {
                throw DocumentJSONError(code: "E709", "an annotation \(problem.message)", path: "layers")
            }
            let ids = a.allIDs
            for i in a.quotes.indices where a.quotes[i].speaker.map({ !ids.contains($0.id) }) ?? false { a.quotes[i].speaker = nil }
            for i in a.claims.indices {
                if a.claims[i].claimant.map({ !ids.contains($0.id) }) ?? false { a.claims[i].claimant = nil }
                a.claims[i].sources.removeAll { !ids.contains($0.id) }
            }
            if let remaining = a.firstReferenceProblem(against: Annotations()) {
                throw DocumentJSONError(code: "E709", "an annotation \(remaining.message)", path: "layers")
            }
        }
        a.assignMissingIDs()
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
                throw DocumentJSONError(
                    code: "E701", "missing value: \(context.debugDescription)", path: path(context.codingPath), underlying: error)
            case .typeMismatch(let type, let context):
                throw DocumentJSONError(
                    code: "E701", "expected a value of type \(type): \(context.debugDescription)", path: path(context.codingPath),
                    underlying: error)
            case .dataCorrupted(let context) where context.codingPath.isEmpty:
                throw DocumentJSONError(code: "E701", "the data is not valid JSON: \(context.debugDescription)", underlying: error)
            case .dataCorrupted(let context):
                throw DocumentJSONError(
                    code: "E701", "invalid value: \(context.debugDescription)", path: path(context.codingPath), underlying: error)
            @unknown default:
                throw DocumentJSONError(code: "E701", "\(error)", underlying: error)
            }
        }
    }

    static func path(_ keys: [any CodingKey]) -> String {
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
                throw DocumentJSONError(
                    code: "E705", "range [\(start), \(end)) ends before it starts; 'end' is one past the last scalar", path: path)
            }
            guard start >= 0, end <= document.length else {
                throw DocumentJSONError(
                    code: "E705",
                    "range [\(start), \(end)) is outside the text (length \(document.length)); offsets are Unicode scalars, half-open",
                    path: path)
            }
            let range = TextRange(start: start, end: end)
            if let text, text != document.text(in: range) {
                throw DocumentJSONError(
                    code: "E706",
                    "'text' is '\(text)' but range \(range) covers '\(document.text(in: range))'; fix the offsets or the text",
                    path: path + ".text")
            }
            return range
        }

        func optional(_ start: Int?, _ end: Int?, _ text: String?, _ path: String) throws -> TextRange? {
            switch (start, end) {
            case (nil, nil): return nil
            case (let start?, let end?): return try self(start, end, text, path)
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

    /// The `layers` object: each built-in layer decoded as its type, any other kept as plain JSON.
    private struct Layers: Decodable {
        var items: [(LayerID, any DecodedLayer)] = []

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: AnyKey.self)
            for key in c.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) {
                let layer = LayerID(rawValue: key.stringValue)
                let decoded: any DecodedLayer =
                    switch layer {
                    case .sentences: WiredLayer(items: try c.decode([Wired<Sentence>].self, forKey: key))
                    case .entities: WiredLayer(items: try c.decode([Wired<Entity>].self, forKey: key))
                    case .dates: WiredLayer(items: try c.decode([Wired<DateMention>].self, forKey: key))
                    case .quotes: WiredLayer(items: try c.decode([Wired<Quote>].self, forKey: key))
                    case .claims: WiredLayer(items: try c.decode([Wired<ClaimAnnotation>].self, forKey: key))
                    case .sources: WiredLayer(items: try c.decode([Wired<SourceAnnotation>].self, forKey: key))
                    case .findings: WiredLayer(items: try c.decode([Wired<Finding>].self, forKey: key))
                    case .metrics: WiredLayer(items: try c.decode([Wired<Metric>].self, forKey: key))
                    case .relations: WiredLayer(items: try c.decode([Wired<Relation>].self, forKey: key))
                    default: RawLayer(items: try c.decode([JSONValue].self, forKey: key), layer: layer)
                    }
                items.append((layer, decoded))
            }
        }
    }

    /// One layer as read, checked against the text and then added to the annotations.
    private protocol DecodedLayer {
        func check(layer: LayerID, with check: RangeCheck) throws
        func add(to annotations: inout Annotations)
    }

    /// An annotation read with the `text` the file repeats beside it.
    private struct Wired<Item: Annotation>: Decodable {
        var item: Item
        var text: String?

        init(from decoder: any Decoder) throws {
            item = try Item(from: decoder)
            text = try decoder.container(keyedBy: AnyKey.self).decodeIfPresent(String.self, forKey: AnyKey("text"))
        }
    }

    /// A layer of a type this build knows.
    private struct WiredLayer<Item: Annotation>: DecodedLayer {
        var items: [Wired<Item>]

        func check(layer: LayerID, with check: RangeCheck) throws {
            for (i, wired) in items.enumerated() {
                let path = "layers.\(layer)[\(i)]"
                var ranges: [TextRange] = []
                wired.item.forEachRange { ranges.append($0) }
                for range in ranges { _ = try check(range.start, range.end, nil, path) }
                if let covered = wired.item.coveredRange { _ = try check(covered.start, covered.end, wired.text, path) }
            }
        }

        func add(to annotations: inout Annotations) { annotations[Item.self] = items.map(\.item) }
    }

    /// A layer this build has no type for: plain JSON, checked by the conventions every layer follows.
    private struct RawLayer: DecodedLayer {
        var items: [JSONValue]
        var layer: LayerID

        func check(layer: LayerID, with check: RangeCheck) throws {
            for (i, item) in items.enumerated() {
                guard case .object = item else {
                    throw DocumentJSONError(code: "E701", "each item of layer '\(layer)' must be an object", path: "layers.\(layer)[\(i)]")
                }
                let text: String? = if case .string(let t)? = item["text"] { t } else { nil }
                func int(_ key: String) -> Int? { if case .int(let n)? = item[key] { n } else { nil } }
                _ = try check.optional(int("start"), int("end"), text, "layers.\(layer)[\(i)]")
            }
        }

        func add(to annotations: inout Annotations) {
            // The covered text is the writer's to add; keep the item's own members only.
            let stripped = items.map { item -> JSONValue in
                guard case .object(let pairs) = item else { return item }
                return .object(pairs.filter { $0.key != "text" })
            }
            annotations.setJSON(stripped, of: layer)
        }
    }
}
