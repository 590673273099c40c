/// An error a component reports about its options or about an article it could not process.
///
/// When `option` names one of the component's option keys, `dossier lint` points at that key's
/// value in the pipeline file.
public struct ComponentError: Error, Sendable, CustomStringConvertible {
    /// A stable code, such as `E410`; nil lets the pipeline use the code for the stage that failed
    /// (`E240` for options, `E403` reading, `E404` analyzing, `E407` exporting).
    public var code: String?
    /// What went wrong and how to fix it: lowercase, no final period, user values in single quotes.
    public var message: String
    /// The option key the error is about, if any.
    public var option: String?
    /// Where in the article text the problem lies, if anywhere.
    public var range: TextRange?

    /// Creates a component error.
    public init(code: String? = nil, _ message: String, option: String? = nil, range: TextRange? = nil) {
        self.code = code
        self.message = message
        self.option = option
        self.range = range
    }

    public var description: String { message }
}
