/// An observation about the article, such as sensational framing or an unsourced claim.
public struct Finding: Hashable, Sendable, Codable {
    /// How much the finding matters to a reader weighing the article.
    public enum Severity: String, Hashable, Sendable, Codable, Comparable, CaseIterable {
        case info, notice, warning
        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            let order: [Severity] = [.info, .notice, .warning]
            return order.firstIndex(of: lhs)! < order.firstIndex(of: rhs)!
        }
    }

    /// A dotted, stable name for the kind of finding, such as `framing.sensational-adverb`.
    public var kind: String
    /// A one-line explanation for a reader.
    public var message: String
    /// How much it matters.
    public var severity: Severity
    /// Where in the text it applies, when it applies to a span.
    public var range: TextRange?
    /// The component that found it.
    public var producer: Provenance

    /// Creates a finding.
    public init(kind: String, message: String, severity: Severity = .info, range: TextRange? = nil, producer: Provenance = .unstamped) {
        self.kind = kind
        self.message = message
        self.severity = severity
        self.range = range
        self.producer = producer
    }
}
