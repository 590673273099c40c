public import DossierCore

/// A YAML document that could not be parsed: a syntax error, a limit crossed, a duplicate key,
/// an unknown alias or more than one document.
///
/// Codes are stable:
/// - `E001` syntax error (libyaml's problem and context, at libyaml's problem mark)
/// - `E002` a limit in `YAMLLimits` exceeded
/// - `E003` duplicate key in a mapping (at the second key)
/// - `E004` alias to an unknown anchor (at the alias)
/// - `E005` more than one document (at the second document)
public struct YAMLError: Error, Sendable, Hashable, CustomStringConvertible, DiagnosticConvertible {
    /// A stable code, such as `E001`.
    public var code: String
    /// What went wrong and how to fix it: lowercase, no final period, user values in single quotes.
    public var message: String
    /// Where the problem is.
    public var location: SourceLocation
    /// For a syntax error, the tree parsed before it, with open collections closed; lets a linter
    /// go on checking what it could read, so one run reports every problem.
    public var partial: YAMLNode?

    /// Creates an error.
    public init(code: String, _ message: String, at location: SourceLocation) {
        self.code = code
        self.message = message
        self.location = location
    }

    /// `file:line:column: error[E001]: message`.
    public var description: String { "\(location): error[\(code)]: \(message)" }

    /// The error as a diagnostic, for reporting alongside other configuration problems.
    public var diagnostic: Diagnostic { Diagnostic(.error, code: code, message, at: location) }

    /// The stable codes, for matching in tests and tools.
    public enum Code {
        /// Syntax error.
        public static let syntax = "E001"
        /// A limit in `YAMLLimits` exceeded.
        public static let limitExceeded = "E002"
        /// Duplicate key.
        public static let duplicateKey = "E003"
        /// Alias to an unknown anchor.
        public static let unknownAlias = "E004"
        /// More than one document.
        public static let multipleDocuments = "E005"
    }
}
