/// A problem found in configuration or while processing an article.
///
/// Every diagnostic has a stable code (listed in `Docs/Errors.md`), a message that says how to fix
/// the problem, and where it can, a location in a file.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    /// How serious the problem is.
    public enum Severity: String, Hashable, Sendable, Codable {
        case error, warning, note
    }

    /// How serious it is.
    public var severity: Severity
    /// A stable code, such as `E102`.
    public var code: String
    /// What went wrong: lowercase, no final period, user values in single quotes.
    public var message: String
    /// Where, in a configuration file.
    public var location: SourceLocation?
    /// Which article the problem concerns, for run-time diagnostics.
    public var article: String?
    /// Which component reported it, for run-time diagnostics.
    public var component: String?
    /// Further lines of explanation.
    public var notes: [String]

    /// Creates a diagnostic.
    public init(
        _ severity: Severity = .error, code: String, _ message: String, at location: SourceLocation? = nil,
        article: String? = nil, component: String? = nil, notes: [String] = []
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
        self.article = article
        self.component = component
        self.notes = notes
    }

    /// The one-line form: `file:line:col: error[E102]: message`.
    public var description: String {
        var s = ""
        if let location { s += "\(location): " }
        s += "\(severity.rawValue)[\(code)]: "
        if let article { s += "\(article): " }
        if let component { s += "\(component): " }
        return s + message
    }
}
