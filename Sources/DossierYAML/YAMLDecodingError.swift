public import DossierCore

/// A YAML node that does not fit the type it was decoded into.
///
/// Unlike `DecodingError`, it says where: `location` is the offending node (for a missing key, the
/// mapping that lacks it). Codes are stable:
/// - `E101` type mismatch: `expected an integer for 'maxLength', found 'abc'`
/// - `E102` missing key: `missing required option 'threshold'`
/// - `E103` value out of range or not valid: `'300' is out of range for 'level' (UInt8); …`
public struct YAMLDecodingError: Error, Sendable, CustomStringConvertible, DiagnosticConvertible {
    /// A stable code, such as `E101`.
    public var code: String
    /// What went wrong and how to fix it: lowercase, no final period, user values in single quotes.
    public var message: String
    /// The offending node's position; for a missing key, the position of the mapping.
    public var location: SourceLocation
    /// The keys (and list indices, as decimal strings) from the root to the offending value.
    public var codingPath: [String]
    /// The error a type's own `init(from:)` threw, when this error was made from one.
    public var underlying: (any Error)?

    /// Creates an error.
    public init(code: String, _ message: String, at location: SourceLocation, codingPath: [String], underlying: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.location = location
        self.codingPath = codingPath
        self.underlying = underlying
    }

    /// `file:line:column: error[E101]: message`.
    public var description: String { "\(location): error[\(code)]: \(message)" }

    /// The error as a diagnostic, for reporting alongside other configuration problems.
    public var diagnostic: Diagnostic { Diagnostic(.error, code: code, message, at: location) }

    /// The stable codes, for matching in tests and tools.
    public enum Code {
        /// The node has the wrong kind or form for the type.
        public static let typeMismatch = "E101"
        /// A required key is missing.
        public static let missingKey = "E102"
        /// The value has the right form but is out of range or not one of the valid values.
        public static let invalidValue = "E103"
    }
}
