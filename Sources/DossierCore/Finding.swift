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

    public var id: String
    /// A dotted, stable name for the kind of finding, such as `framing.sensational-adverb`.
    public var kind: String
    /// A one-line explanation for a reader.
    public var message: String
    /// How much it matters.
    public var severity: Severity
    /// Where in the text it applies, when it applies to a span.
    public var range: TextRange?
    /// What raised it, when that is a listed word, phrase or pattern: the lexicon entry that
    /// matched (`stunning reversal`, `slam` for "slammed") or the name of a rule (`listicle`), so a
    /// consumer can group findings, or tune a lexicon, without parsing the message.
    public var cue: String?
    /// The component that found it.
    public var producer: Provenance

    /// Creates a finding.
    public init(
        id: String = "", kind: String, message: String, severity: Severity = .info, range: TextRange? = nil,
        cue: String? = nil, producer: Provenance = .unstamped
    ) {
        self.id = id
        self.kind = kind
        self.message = message
        self.severity = severity
        self.range = range
        self.cue = cue
        self.producer = producer
    }

    public var coveredRange: TextRange? { range }

    // Wire form: {"id", "kind", "message", "severity", "start"?, "end"?, "cue"?, "producer"}.
    private enum CodingKeys: String, CodingKey { case id, kind, message, severity, start, end, cue, producer }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(String.self, forKey: .id) ?? ""
        kind = try c.decode(String.self, forKey: .kind)
        message = try c.decode(String.self, forKey: .message)
        severity = try c.decode(Severity.self, forKey: .severity)
        range = try TextRange(flatFrom: c, start: .start, end: .end)
        cue = try c.decodeIfPresent(String.self, forKey: .cue)
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
