/// Why an evaluation could not run: its data is missing or unreadable, or the component it
/// evaluates is not in the registry. Codes `E465`–`E468` (see `Docs/Errors.md`).
public struct EvaluationError: Error, Sendable, CustomStringConvertible {
    /// The stable code: `E465` unknown reader, `E466` data folder unreadable, `E467` a data file
    /// unreadable, `E468` ground truth or golden rules unreadable.
    public var code: String
    /// What went wrong and how to fix it, lowercase, without a final period.
    public var message: String

    /// Creates an error with its code and message.
    public init(code: String, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "error[\(code)]: \(message)" }
}
