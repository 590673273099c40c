/// A problem found in configuration or while processing an article: the one diagnostic type that
/// every stage, the renderer and the command line share.
///
/// Every diagnostic has a stable code (listed in `Docs/Errors.md`), a severity, a message that says
/// how to fix the problem and, where it can, a location in a file (with the end of the offending
/// value, so the whole value is underlined) or an excerpt of the article text. Notes explain
/// further and may point somewhere else, as swift-syntax's `Note` does: "first named here".
/// Errors of other types become diagnostics through `DiagnosticConvertible`.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    /// How serious the problem is.
    public enum Severity: String, Hashable, Sendable, Codable {
        case error, warning, note
    }

    /// A further line of explanation, with a location of its own when it points elsewhere.
    ///
    /// A string literal is a note without a location, so `notes: ["run 'dossier list'"]` reads as before.
    public struct Note: Hashable, Sendable, CustomStringConvertible, ExpressibleByStringInterpolation {
        /// What the note says: lowercase, no final period.
        public var message: String
        /// Where it points, when that is not where the diagnostic is.
        public var location: SourceLocation?

        /// Creates a note.
        public init(_ message: String, at location: SourceLocation? = nil) {
            self.message = message
            self.location = location
        }

        /// Creates a note without a location from a literal.
        public init(stringLiteral value: String) { self.init(value) }

        /// Creates a note without a location from an interpolated literal.
        public init(stringInterpolation: DefaultStringInterpolation) { self.init(String(stringInterpolation: stringInterpolation)) }

        /// `message`, or `file:line:col: message` when it has a location.
        public var description: String { location.map { "\($0): \(message)" } ?? message }
    }

    /// How serious it is.
    public var severity: Severity
    /// A stable code, such as `E102`.
    public var code: String
    /// What went wrong: lowercase, no final period, user values in single quotes.
    public var message: String
    /// Where, in a configuration file: the start of the offending value.
    public var location: SourceLocation?
    /// Where the offending value ends (exclusive), in the same file, so the renderer can underline
    /// all of it; nil underlines the word at `location`.
    public var end: SourceLocation?
    /// The line of the article text the problem lies in, with the span highlighted, for run-time
    /// problems that carry a text range.
    public var excerpt: Excerpt?
    /// Which article the problem concerns, for run-time diagnostics.
    public var article: String?
    /// Which component reported it, for run-time diagnostics.
    public var component: String?
    /// Further lines of explanation.
    public var notes: [Note]

    /// Creates a diagnostic.
    public init(
        _ severity: Severity = .error, code: String, _ message: String, at location: SourceLocation? = nil,
        article: String? = nil, component: String? = nil, notes: [Note] = []
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

/// An error that can be shown as a `Diagnostic`: what every error type of Dossier's own conforms
/// to, so that the renderer and the command line need only one.
public protocol DiagnosticConvertible {
    /// The error as a diagnostic.
    var diagnostic: Diagnostic { get }
}

extension Diagnostic: DiagnosticConvertible {
    /// The diagnostic itself.
    public var diagnostic: Diagnostic { self }
}
