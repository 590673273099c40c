/// An observation about the article, such as sensational framing or an unsourced claim.
public struct Finding: Annotation {
    /// How much the finding matters to a reader weighing the article.
    public enum Severity: String, Hashable, Sendable, Codable, Comparable, CaseIterable {
        case info, notice, warning
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }

        /// The order of severities, from the least; a switch, not an array built per comparison
        /// (the brief sorts findings by severity, and that array was most of the sort).
        private var rank: Int {
            switch self {
            case .info: 0
            case .notice: 1
            case .warning: 2
            }
        }
    }

    public static let layer: LayerID = .findings
    public static let idPrefix = "f"

    public var id: String {
        get { storedID.string(prefix: Self.idPrefix) }
        set { storedID = CompactID(newValue, prefix: Self.idPrefix) }
    }
    /// A dotted, stable name for the kind of finding, such as `framing.sensational-adverb`.
    public var kind: String {
        get { texts.kind }
        set { if newValue != texts.kind { texts = texts.with(kind: newValue) } }
    }
    /// A one-line explanation for a reader.
    public var message: String {
        get { texts.message }
        set { if newValue != texts.message { texts = texts.with(message: newValue) } }
    }
    /// How much it matters.
    public var severity: Severity {
        get { texts.severity }
        set { if newValue != texts.severity { texts = texts.with(severity: newValue) } }
    }
    /// Where in the text it applies, when it applies to a span.
    public var range: TextRange? {
        get { storedRange == .absent ? nil : storedRange }
        set { storedRange = newValue ?? .absent }
    }
    /// What raised it, when that is a listed word, phrase or pattern: the lexicon entry that
    /// matched (`stunning reversal`, `slam` for "slammed") or the name of a rule (`listicle`), so a
    /// consumer can group findings, or tune a lexicon, without parsing the message.
    public var cue: String? {
        get { texts.cue }
        set { if newValue != texts.cue { texts = texts.with(cue: newValue) } }
    }
    /// The component that found it.
    public var producer: Provenance

    // The id in 8 bytes (`CompactID`), the range in 8 (`TextRange.absent` for none, where an
    // optional takes 12), and the kind, message, cue and severity in one immutable box, which
    // findings copied from one another share (see `moved(to:severity:)`): the claims analyzer
    // raises one finding for every unsourced claim, with a handful of distinct messages, each
    // with its one severity. 32 bytes a finding instead of 88.
    private var storedID: CompactID
    private var storedRange: TextRange
    private var texts: Texts

    private final class Texts: Sendable {
        let kind: String
        let message: String
        let cue: String?
        let severity: Severity
        init(kind: String, message: String, cue: String?, severity: Severity) {
            self.kind = kind
            self.message = message
            self.cue = cue
            self.severity = severity
        }
        func with(kind: String) -> Texts { Texts(kind: kind, message: message, cue: cue, severity: severity) }
        func with(message: String) -> Texts { Texts(kind: kind, message: message, cue: cue, severity: severity) }
        func with(cue: String?) -> Texts { Texts(kind: kind, message: message, cue: cue, severity: severity) }
        func with(severity: Severity) -> Texts { Texts(kind: kind, message: message, cue: cue, severity: severity) }
    }

    /// Creates a finding.
    public init(
        id: String = "", kind: String, message: String, severity: Severity = .info, range: TextRange? = nil,
        cue: String? = nil, producer: Provenance = .unstamped
    ) {
        storedID = CompactID(id, prefix: Self.idPrefix)
        storedRange = range ?? .absent
        texts = Texts(kind: kind, message: message, cue: cue, severity: severity)
        self.producer = producer
    }

    /// A finding of this one's kind, message, cue and producer at `range` with `severity`, and no
    /// id, sharing this one's storage for its texts when the severity is the same: a component
    /// that raises the same finding many times holds its message once.
    public func moved(to range: TextRange?, severity: Severity) -> Finding {
        var finding = self
        finding.storedID = .empty
        finding.range = range
        finding.severity = severity
        return finding
    }

    public static func == (a: Finding, b: Finding) -> Bool {
        a.storedID == b.storedID && a.storedRange == b.storedRange && a.producer == b.producer
            && (a.texts === b.texts
                || (a.severity == b.severity && a.kind == b.kind && a.message == b.message && a.cue == b.cue))
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(storedID)
        hasher.combine(kind)
        hasher.combine(message)
        hasher.combine(severity)
        hasher.combine(range)
        hasher.combine(cue)
        hasher.combine(producer)
    }

    public var coveredRange: TextRange? { range }

    // Wire form: {"id", "kind", "message", "severity", "start"?, "end"?, "cue"?, "producer"}.
    private enum CodingKeys: String, CodingKey { case id, kind, message, severity, start, end, cue, producer }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        storedID = CompactID(try c.decodeIfPresent(String.self, forKey: .id) ?? "", prefix: Self.idPrefix)
        let kind = try c.decode(String.self, forKey: .kind)
        let message = try c.decode(String.self, forKey: .message)
        let severity = try c.decode(Severity.self, forKey: .severity)
        storedRange = try TextRange(flatFrom: c, start: .start, end: .end) ?? .absent
        texts = Texts(kind: kind, message: message, cue: try c.decodeIfPresent(String.self, forKey: .cue), severity: severity)
        producer = try c.decode(Provenance.self, forKey: .producer)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(kind, forKey: .kind)
        try c.encode(message, forKey: .message)
        try c.encode(severity, forKey: .severity)
        try c.encodeIfPresent(range?.start, forKey: .start)
        try c.encodeIfPresent(range?.end, forKey: .end)
        try c.encodeIfPresent(cue, forKey: .cue)
        try c.encode(producer, forKey: .producer)
    }
}
