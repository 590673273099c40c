import Foundation

/// Writes the canonical Dossier JSON of a document straight into bytes.
///
/// This replaces Foundation's `JSONEncoder`, which built a boxed tree of every value and a
/// `String` for every item's text, and took 26 to 490 times the article's size. The writer walks
/// the document once and sends bytes to a sink: `DocumentJSON.encode` gives it one growing buffer
/// that becomes the result, `DocumentJSON.write` a chunk that is handed on as it fills. Strings are
/// escaped by scanning their UTF-8 bytes, and each item's covered text is written from
/// `Document.scalars` without building a `String`. Every built-in layer has a writer of its own
/// here; a third party's layer, or a built-in one held as plain JSON, is written from its wire form.
///
/// The bytes are the ones `JSONEncoder` wrote with `[.sortedKeys, .withoutEscapingSlashes]` (and
/// `.prettyPrinted` when asked): keys in sorted order (spelled out below, per object), two-space
/// indentation, `" : "` between key and value, an empty container as `[\n\n<indent>]`, optional
/// fields left out when `nil`, integers in decimal and doubles as their `description` without a
/// trailing `.0`. `DocumentJSONWriterTests` checks this against `JSONEncoder` on varied documents.
struct DocumentJSONWriter<Sink: JSONByteSink> {
    let document: Document
    let pretty: Bool
    let includeText: Bool
    /// Every layer to write, in key order, with its items as plain JSON when it has no fast
    /// writer here (a third party's layer, or one held as JSON); see `plan(_:)`.
    let layerPlan: [(LayerID, [(value: JSONValue, covered: TextRange?)]?)]
    var sink: Sink
    /// How deep the container being written is; the root object is depth 1.
    private var depth = 0
    /// Bit `d` is set while the container at depth `d` has no member yet.
    private var empty: UInt64 = 0

    init(document: Document, pretty: Bool, includeText: Bool, layers: [(LayerID, [(value: JSONValue, covered: TextRange?)]?)], sink: Sink) {
        self.document = document
        self.pretty = pretty
        self.includeText = includeText
        self.layerPlan = layers
        self.sink = sink
    }

    /// The layers of `annotations` in key order: the built-in ones always (empty or not), and
    /// any other present. A built-in layer held as its own type is written by the fast writers
    /// below, which give the same bytes as its `Codable` wire form (`DocumentJSONWriterTests`
    /// checks this); any other goes through its wire form, encoded once here.
    static func plan(_ annotations: Annotations) throws -> [(LayerID, [(value: JSONValue, covered: TextRange?)]?)] {
        let layers = Set(LayerID.builtIn).union(annotations.layers).sorted()
        return try layers.map { layer in
            guard let items = annotations.items(of: layer) else { return (layer, []) }
            if LayerID.builtIn.contains(layer), let type = items.itemType, type.layer == layer, Self.hasFastWriter(type) {
                return (layer, nil)
            }
            return (layer, try items.wireItems())
        }
    }

    private static func hasFastWriter(_ type: any Annotation.Type) -> Bool {
        type == Sentence.self || type == Entity.self || type == DateMention.self || type == Quote.self || type == ClaimAnnotation.self
            || type == SourceAnnotation.self || type == Finding.self || type == Metric.self || type == Relation.self
    }

    /// Writes the whole document; keys are in the order `JSONEncoder`'s `.sortedKeys` gives.
    mutating func write() {
        let d = document
        let a = d.annotations
        open(UInt8(ascii: "{"))
        key("blocks")
        array(d.blocks) { w, b in
            w.open(UInt8(ascii: "{"))
            w.key("end")
            w.int(b.range.end)
            w.key("kind")
            w.string(b.kind.rawValue)
            if let label = b.label {
                w.key("label")
                w.string(label)
            }
            if let level = b.level {
                w.key("level")
                w.int(level)
            }
            w.key("start")
            w.int(b.range.start)
            w.snippet(b.range)
            w.close(UInt8(ascii: "}"))
        }
        key("format")
        string(DocumentJSON.format)
        key("id")
        string(d.id)
        key("layers")
        open(UInt8(ascii: "{"))
        for (layer, generic) in layerPlan {
            key(dynamic: layer.rawValue)
            if let generic {
                array(generic) { w, item in w.wireItem(item.value, covered: item.covered) }
                continue
            }
            let items = a.items(of: layer)
            switch layer {
            case .claims: array((items as! TypedItems<ClaimAnnotation>).items) { w, c in w.claim(c) }
            case .dates: array((items as! TypedItems<DateMention>).items) { w, d in w.date(d) }
            case .entities: array((items as! TypedItems<Entity>).items) { w, e in w.entity(e) }
            case .quotes: array((items as! TypedItems<Quote>).items) { w, q in w.quote(q) }
            case .sources: array((items as! TypedItems<SourceAnnotation>).items) { w, s in w.source(s) }
            case .findings: array((items as! TypedItems<Finding>).items) { w, f in w.finding(f) }
            case .metrics: array((items as! TypedItems<Metric>).items) { w, m in w.metric(m) }
            case .relations: array((items as! TypedItems<Relation>).items) { w, r in w.relation(r) }
            case .sentences: array((items as! TypedItems<Sentence>).items) { w, s in w.sentence(s) }
            default: preconditionFailure("layer '\(layer)' has no fast writer")
            }
        }
        close(UInt8(ascii: "}"))
        key("length")
        int(d.length)
        key("links")
        array(d.links) { w, l in
            w.open(UInt8(ascii: "{"))
            if let range = l.range {
                w.key("end")
                w.int(range.end)
            }
            w.key("origin")
            w.string(l.origin.rawValue)
            if let range = l.range {
                w.key("start")
                w.int(range.start)
            }
            w.key("text")
            w.string(l.text)
            if let url = l.url {
                w.key("url")
                w.string(url)
            }
            w.close(UInt8(ascii: "}"))
        }
        key("metadata")
        metadata(d.metadata)
        key("offsets")
        string(DocumentJSON.offsets)
        if let origin = d.origin {
            key("origin")
            string(origin)
        }
        if let reader = d.reader {
            key("reader")
            provenance(reader)
        }
        if includeText {
            // Straight from the scalars: `d.text` would build the whole text as a `String` first,
            // as large again as the article.
            key("text")
            scalarString(0..<d.length)
        }
        key("version")
        int(DocumentJSON.version)
        close(UInt8(ascii: "}"))
    }

    // MARK: Built-in layers (each the same bytes as its type's Codable wire form)

    private mutating func entity(_ e: Entity) {
        let range = e.range
        open(UInt8(ascii: "{"))
        key("end")
        int(range.end)
        key("id")
        string(e.id)
        key("kind")
        string(e.kind.rawValue)
        key("mentions")
        array(e.mentions) { w, m in
            w.open(UInt8(ascii: "{"))
            w.key("end")
            w.int(m.range.end)
            w.key("form")
            w.string(m.form.rawValue)
            w.key("start")
            w.int(m.range.start)
            w.close(UInt8(ascii: "}"))
        }
        key("name")
        string(e.name)
        producer(e.producer)
        key("roles")
        array(e.roles) { w, r in
            w.open(UInt8(ascii: "{"))
            if let affiliation = r.affiliation {
                w.key("affiliation")
                w.string(affiliation)
            }
            if let range = r.range {
                w.key("end")
                w.int(range.end)
                w.key("start")
                w.int(range.start)
            }
            w.key("title")
            w.string(r.title)
            w.close(UInt8(ascii: "}"))
        }
        key("start")
        int(range.start)
        if let covered = e.coveredRange { snippet(covered) }
        close(UInt8(ascii: "}"))
    }

    private mutating func date(_ d: DateMention) {
        open(UInt8(ascii: "{"))
        if let anchor = d.anchor {
            key("anchor")
            string(anchor)
        }
        key("end")
        int(d.range.end)
        key("id")
        string(d.id)
        key("kind")
        string(d.kind.rawValue)
        producer(d.producer)
        key("start")
        int(d.range.start)
        snippet(d.range)
        if let unresolved = d.unresolved {
            key("unresolved")
            string(unresolved)
        }
        if let value = d.value {
            key("value")
            string(value)
        }
        close(UInt8(ascii: "}"))
    }

    private mutating func quote(_ q: Quote) {
        open(UInt8(ascii: "{"))
        if q.isAnonymous {
            key("anonymous")
            for byte in "true".utf8 { sink.write(byte) }
        }
        if let cue = q.cue {
            key("cue")
            string(cue)
        }
        if let cueRange = q.cueRange {
            key("cueRange")
            nestedRange(cueRange)
        }
        key("end")
        int(q.range.end)
        key("id")
        string(q.id)
        key("kind")
        string(q.kind.rawValue)
        producer(q.producer)
        if let speaker = q.speaker {
            key("speaker")
            string(speaker.id)
        }
        if let speakerRange = q.speakerRange {
            key("speakerRange")
            nestedRange(speakerRange)
        }
        key("start")
        int(q.range.start)
        snippet(q.range)
        close(UInt8(ascii: "}"))
    }

    private mutating func claim(_ c: ClaimAnnotation) {
        open(UInt8(ascii: "{"))
        key("actors")
        array(c.actors) { w, r in w.string(r.id) }
        if let attribution = c.attribution {
            key("attribution")
            nestedRange(attribution)
        }
        key("boosters")
        array(c.boosters) { w, r in w.nestedRange(r) }
        key("checkWorthiness")
        double(c.checkWorthiness)
        if let claimant = c.claimant {
            key("claimant")
            string(claimant.id)
        }
        key("claimantKind")
        string(c.claimantKind.rawValue)
        key("dates")
        array(c.dates) { w, r in w.string(r.id) }
        key("end")
        int(c.range.end)
        key("hedges")
        array(c.hedges) { w, r in w.nestedRange(r) }
        key("id")
        string(c.id)
        key("kind")
        string(c.kind.rawValue)
        producer(c.producer)
        if let quote = c.quote {
            key("quote")
            string(quote.id)
        }
        key("reasons")
        array(c.reasons) { w, r in
            w.open(UInt8(ascii: "{"))
            w.key("description")
            w.string(r.description)
            w.key("feature")
            w.string(r.feature)
            w.key("weight")
            w.double(r.weight)
            w.close(UInt8(ascii: "}"))
        }
        key("start")
        int(c.range.start)
        key("support")
        array(c.support) { w, s in
            w.open(UInt8(ascii: "{"))
            w.key("source")
            w.string(s.source.id)
            w.key("via")
            w.string(s.via.rawValue)
            w.close(UInt8(ascii: "}"))
        }
        snippet(c.range)
        close(UInt8(ascii: "}"))
    }

    private mutating func source(_ s: SourceAnnotation) {
        open(UInt8(ascii: "{"))
        if let date = s.date {
            key("date")
            string(date)
        }
        if let range = s.range {
            key("end")
            int(range.end)
        }
        if let entity = s.entity {
            key("entity")
            string(entity.id)
        }
        if let handle = s.handle {
            key("handle")
            string(handle)
        }
        key("id")
        string(s.id)
        key("kind")
        string(s.kind.rawValue)
        key("name")
        string(s.name)
        if let platform = s.platform {
            key("platform")
            string(platform)
        }
        producer(s.producer)
        if let range = s.range {
            key("start")
            int(range.start)
            snippet(range)
        }
        if let url = s.url {
            key("url")
            string(url)
        }
        close(UInt8(ascii: "}"))
    }

    /// A range inside an item (a quote's `speakerRange`, a claim's hedges): `{"end", "start"}`, no text.
    private mutating func nestedRange(_ r: TextRange) {
        open(UInt8(ascii: "{"))
        key("end")
        int(r.end)
        key("start")
        int(r.start)
        close(UInt8(ascii: "}"))
    }

    private mutating func sentence(_ s: Sentence) {
        open(UInt8(ascii: "{"))
        key("end")
        int(s.range.end)
        key("id")
        string(s.id)
        producer(s.producer)
        key("start")
        int(s.range.start)
        snippet(s.range)
        close(UInt8(ascii: "}"))
    }

    private mutating func finding(_ f: Finding) {
        open(UInt8(ascii: "{"))
        if let cue = f.cue {
            key("cue")
            string(cue)
        }
        if let range = f.range {
            key("end")
            int(range.end)
        }
        key("id")
        string(f.id)
        key("kind")
        string(f.kind)
        key("message")
        string(f.message)
        producer(f.producer)
        key("severity")
        string(f.severity.rawValue)
        if let range = f.range {
            key("start")
            int(range.start)
            snippet(range)
        }
        close(UInt8(ascii: "}"))
    }

    private mutating func metric(_ m: Metric) {
        open(UInt8(ascii: "{"))
        key("id")
        string(m.id)
        key("name")
        string(m.name)
        producer(m.producer)
        if let unit = m.unit {
            key("unit")
            string(unit)
        }
        key("value")
        double(m.value)
        close(UInt8(ascii: "}"))
    }

    private mutating func relation(_ r: Relation) {
        open(UInt8(ascii: "{"))
        if let confidence = r.confidence {
            key("confidence")
            double(confidence)
        }
        key("from")
        string(r.from)
        key("id")
        string(r.id)
        key("kind")
        string(r.kind)
        producer(r.producer)
        key("to")
        string(r.to)
        close(UInt8(ascii: "}"))
    }

    // MARK: Any other layer, through its wire form

    /// One item given as plain JSON, with the `text` its covered range holds in key order.
    private mutating func wireItem(_ item: JSONValue, covered: TextRange?) {
        guard case .object(let pairs) = item else { return value(item) }
        open(UInt8(ascii: "{"))
        var textWritten = !(includeText && covered != nil)
        for (name, member) in pairs.sorted(by: { $0.key < $1.key }) where name != "text" {
            if !textWritten && name > "text" {
                snippet(covered!)
                textWritten = true
            }
            key(dynamic: name)
            value(member)
        }
        if !textWritten { snippet(covered!) }
        close(UInt8(ascii: "}"))
    }

    private mutating func value(_ v: JSONValue) {
        switch v {
        case .null: for byte in "null".utf8 { sink.write(byte) }
        case .bool(let b): for byte in (b ? "true" : "false").utf8 { sink.write(byte) }
        case .int(let i): int(i)
        case .double(let d): double(d)
        case .string(let s): string(s)
        case .array(let items): array(items) { w, item in w.value(item) }
        case .object(let pairs):
            open(UInt8(ascii: "{"))
            for (name, member) in pairs.sorted(by: { $0.key < $1.key }) {
                key(dynamic: name)
                value(member)
            }
            close(UInt8(ascii: "}"))
        }
    }

    private mutating func key(dynamic name: String) {
        member()
        string(name)
        if pretty { sink.write(0x20) }
        sink.write(UInt8(ascii: ":"))
        if pretty { sink.write(0x20) }
    }

    // MARK: Shared objects

    private mutating func metadata(_ m: Metadata) {
        open(UInt8(ascii: "{"))
        key("authors")
        array(m.authors) { w, name in w.string(name) }
        let fields: [(StaticString, String?)] = [
            ("language", m.language), ("modified", m.modified), ("published", m.published), ("publisher", m.publisher),
            ("title", m.title), ("url", m.url),
        ]
        for case (let name, let value?) in fields {
            key(name)
            string(value)
        }
        close(UInt8(ascii: "}"))
    }

    private mutating func producer(_ p: Provenance) {
        key("producer")
        provenance(p)
    }

    private mutating func provenance(_ p: Provenance) {
        open(UInt8(ascii: "{"))
        key("component")
        string(p.component)
        if let name = p.name {
            key("name")
            string(name)
        }
        key("version")
        string(p.version)
        close(UInt8(ascii: "}"))
    }

    /// The `text` key with what `range` covers (clamped like `Document.text(in:)`), unless text is left out.
    private mutating func snippet(_ range: TextRange) {
        guard includeText else { return }
        key("text")
        let count = document.scalars.count
        let lower = min(max(range.start, 0), count)
        scalarString(lower..<min(max(range.end, lower), count))
    }

    /// The scalars of `range` as a JSON string: the same bytes as `string` gives for their text.
    private mutating func scalarString(_ range: Range<Int>) {
        let scalars = document.scalars
        sink.write(UInt8(ascii: "\""))
        switch scalars.width {
        case 1:
            scalars.withOutOfLine(in: range) { table in
                scalars.withUnsafeUnits(as: UInt8.self) {
                    // Marker units (0x80...0x9F) stand for the scalars of `table`; without any, Latin-1.
                    if table == nil {
                        latin1Escaped(UnsafeBufferPointer(rebasing: $0[range]))
                    } else {
                        utf8Escaped(UnsafeBufferPointer(rebasing: $0[range]), table)
                    }
                }
            }
        case 2:
            scalars.withOutOfLine(in: range) { table in
                scalars.withUnsafeUnits(as: UInt16.self) { utf8Escaped(UnsafeBufferPointer(rebasing: $0[range]), table) }
            }
        default: scalars.withUnsafeUnits(as: UInt32.self) { utf8Escaped(UnsafeBufferPointer(rebasing: $0[range]), nil) }
        }
        sink.write(UInt8(ascii: "\""))
    }

    /// Writes one-byte code units (Latin-1) as escaped UTF-8, runs of ASCII that need no escape in
    /// one piece, as `string` does.
    private mutating func latin1Escaped(_ units: UnsafeBufferPointer<UInt8>) {
        var run = 0
        for i in 0..<units.count {
            let u = units[i]
            guard u >= 0x80 || Self.needsEscape(u) else { continue }
            if run < i { sink.write(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(units)[run..<i])) }
            if u < 0x80 {
                escaped(u)
            } else {
                sink.write(0xC0 | u >> 6)
                sink.write(0x80 | u & 0x3F)
            }
            run = i + 1
        }
        if run < units.count { sink.write(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(units)[run...])) }
    }

    /// Writes code units of a scalar buffer as escaped UTF-8, one specialisation per width; the
    /// marker units stand for the scalars of `table`, in order.
    private mutating func utf8Escaped<U: FixedWidthInteger & UnsignedInteger>(
        _ units: UnsafeBufferPointer<U>, _ table: UnsafeBufferPointer<UInt64>?
    ) {
        var next = 0
        for u in units {
            var v = UInt32(truncatingIfNeeded: u)
            if let table, ScalarBuffer.isMarker(u) {
                v = UInt32(truncatingIfNeeded: table[next] & 0x1F_FFFF)
                next += 1
            }
            if v < 0x80 {
                escaped(UInt8(truncatingIfNeeded: v))
            } else if v < 0x800 {
                sink.write(UInt8(truncatingIfNeeded: 0xC0 | v >> 6))
                sink.write(UInt8(truncatingIfNeeded: 0x80 | v & 0x3F))
            } else if v < 0x1_0000 {
                sink.write(UInt8(truncatingIfNeeded: 0xE0 | v >> 12))
                sink.write(UInt8(truncatingIfNeeded: 0x80 | v >> 6 & 0x3F))
                sink.write(UInt8(truncatingIfNeeded: 0x80 | v & 0x3F))
            } else {
                sink.write(UInt8(truncatingIfNeeded: 0xF0 | v >> 18))
                sink.write(UInt8(truncatingIfNeeded: 0x80 | v >> 12 & 0x3F))
                sink.write(UInt8(truncatingIfNeeded: 0x80 | v >> 6 & 0x3F))
                sink.write(UInt8(truncatingIfNeeded: 0x80 | v & 0x3F))
            }
        }
    }

    // MARK: Layout

    private mutating func array<C: Collection>(_ items: C, _ body: (inout Self, C.Element) -> Void) {
        open(UInt8(ascii: "["))
        for item in items {
            member()
            body(&self, item)
        }
        close(UInt8(ascii: "]"))
    }

    private mutating func open(_ bracket: UInt8) {
        sink.write(bracket)
        depth += 1
        empty |= 1 << UInt64(depth)
    }

    private mutating func close(_ bracket: UInt8) {
        if pretty {
            if empty & 1 << UInt64(depth) != 0 { sink.write(0x0A) }
            sink.write(0x0A)
            indent(depth - 1)
        }
        empty &= ~(1 << UInt64(depth))
        depth -= 1
        sink.write(bracket)
    }

    /// Starts a member of the current container: the separator, then the indentation.
    private mutating func member() {
        let bit: UInt64 = 1 << UInt64(depth)
        if empty & bit != 0 {
            empty &= ~bit
        } else {
            sink.write(UInt8(ascii: ","))
        }
        if pretty {
            sink.write(0x0A)
            indent(depth)
        }
    }

    private mutating func indent(_ level: Int) {
        for _ in 0..<(2 * level) { sink.write(0x20) }
    }

    private mutating func key(_ name: StaticString) {
        member()
        sink.write(UInt8(ascii: "\""))
        name.withUTF8Buffer { sink.write(UnsafeRawBufferPointer($0)) }
        sink.write(UInt8(ascii: "\""))
        if pretty { sink.write(0x20) }
        sink.write(UInt8(ascii: ":"))
        if pretty { sink.write(0x20) }
    }

    // MARK: Values

    private mutating func string(_ value: String) { sink.writeJSONString(value) }

    private static func needsEscape(_ byte: UInt8) -> Bool { JSONEscape.needed(byte) }

    private mutating func escaped(_ byte: UInt8) { sink.writeJSONEscaped(byte) }

    private mutating func int(_ value: Int) { sink.writeJSONInteger(value) }

    private mutating func double(_ value: Double) { sink.writeJSONDouble(value) }
}

/// Where `DocumentJSONWriter` sends its bytes; other writers of compact JSON in the package (the
/// corpus database's JSON columns) write their strings and numbers through the same functions, so
/// every JSON Dossier writes escapes alike.
package protocol JSONByteSink {
    mutating func write(_ byte: UInt8)
    mutating func write(_ bytes: UnsafeRawBufferPointer)
}

/// Which bytes a JSON string escapes.
package enum JSONEscape {
    /// Whether `byte` is written escaped: a control character, a quote or a backslash.
    @inlinable package static func needed(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }
}

extension JSONByteSink {
    /// `value` as a JSON string, quoted and escaped as `JSONEncoder` escapes it; runs that need no
    /// escape are written in one piece.
    @inlinable package mutating func writeJSONString(_ value: String) {
        var value = value
        write(UInt8(ascii: "\""))
        value.withUTF8 { bytes in
            var run = 0
            for i in 0..<bytes.count where JSONEscape.needed(bytes[i]) {
                if run < i { write(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[run..<i])) }
                writeJSONEscaped(bytes[i])
                run = i + 1
            }
            if run < bytes.count { write(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[run...])) }
        }
        write(UInt8(ascii: "\""))
    }

    /// One ASCII byte of a string, escaped as `JSONEncoder` escapes it when it must be.
    @inlinable package mutating func writeJSONEscaped(_ byte: UInt8) {
        guard JSONEscape.needed(byte) else { return write(byte) }
        write(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): write(byte)
        case 0x08: write(UInt8(ascii: "b"))
        case 0x09: write(UInt8(ascii: "t"))
        case 0x0A: write(UInt8(ascii: "n"))
        case 0x0C: write(UInt8(ascii: "f"))
        case 0x0D: write(UInt8(ascii: "r"))
        default:
            let hex: StaticString = "0123456789abcdef"
            write(UInt8(ascii: "u"))
            write(UInt8(ascii: "0"))
            write(UInt8(ascii: "0"))
            write(hex.utf8Start[Int(byte >> 4)])
            write(hex.utf8Start[Int(byte & 0xF)])
        }
    }

    /// An integer in decimal, as JSON and `String(value)` write it, in one write.
    @inlinable package mutating func writeJSONInteger(_ value: Int) {
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for 20 digits and a sign
        withUnsafeMutableBytes(of: &digits) { buffer in
            var i = buffer.count
            repeat {
                i -= 1
                buffer[i] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if value < 0 {
                i -= 1
                buffer[i] = UInt8(ascii: "-")
            }
            write(UnsafeRawBufferPointer(rebasing: buffer[i...]))
        }
    }

    /// A finite double as `JSONEncoder` writes it: its shortest round-trip `description`, without
    /// `.0`. (JSON cannot hold NaN or an infinity: callers refuse them or write `null`.)
    @inlinable package mutating func writeJSONDouble(_ value: Double) {
        // A whole number (most metrics, many scores) is written as its integer: the same digits
        // `description` gives without its `.0`, below 10^15 (where `description` turns to an
        // exponent only above 2^53), for a fifth of the work. Negative zero keeps its sign.
        if value.rounded(.towardZero) == value && value.magnitude < 1e15 && !(value == 0 && value.sign == .minus) {
            return writeJSONInteger(Int(value))
        }
        // Else short enough to be a small string: no allocation.
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        text.withUTF8 { write(UnsafeRawBufferPointer($0)) }
    }
}

/// Bytes collected in an array: for short JSON values built piece by piece.
extension [UInt8]: JSONByteSink {
    package mutating func write(_ byte: UInt8) { append(byte) }
    package mutating func write(_ bytes: UnsafeRawBufferPointer) { append(contentsOf: bytes) }
}

/// Hands the bytes on in chunks of a fixed-size buffer, so a document's JSON can be streamed to a
/// file without ever being held whole. The first error the consumer throws stops the stream.
struct JSONChunkSink: JSONByteSink {
    let consume: (UnsafeRawBufferPointer) throws -> Void
    /// The most bytes buffered before they are handed on.
    let limit: Int
    private var buffer: [UInt8] = []
    private(set) var error: (any Error)?

    init(capacity: Int, consume: @escaping (UnsafeRawBufferPointer) throws -> Void) {
        self.consume = consume
        limit = capacity
        buffer.reserveCapacity(capacity)
    }

    mutating func write(_ byte: UInt8) {
        if buffer.count >= limit { flush() }
        buffer.append(byte)
    }

    mutating func write(_ bytes: UnsafeRawBufferPointer) {
        if buffer.count + bytes.count > limit { flush() }
        if bytes.count > limit {
            pass(bytes)
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    /// Sends what is buffered to the consumer.
    mutating func flush() {
        let chunk = buffer
        buffer.removeAll(keepingCapacity: true)
        chunk.withUnsafeBytes { pass($0) }
    }

    private mutating func pass(_ bytes: UnsafeRawBufferPointer) {
        guard error == nil, !bytes.isEmpty else { return }
        do { try consume(bytes) } catch { self.error = error }
    }
}
