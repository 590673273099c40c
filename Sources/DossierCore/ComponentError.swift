/// An error a component reports about its options or about an article it could not process.
///
/// When `option` names one of the component's option keys, `dossier lint` points at that key's
/// value in the pipeline file. It may also be a path into the value, such as `columns[1]` or
/// `fields.title`, to point at one item of a list or one key of a mapping. When `range` is set,
/// the run shows the line of the article text with the range underlined.
public struct ComponentError: Error, Sendable, CustomStringConvertible, DiagnosticConvertible {
    /// A stable code, such as `E410`; nil lets the pipeline use the code for the stage that failed
    /// (`E240` for options, `E403` reading, `E404` analyzing, `E407` exporting).
    public var code: String?
    /// What went wrong and how to fix it: lowercase, no final period, user values in single quotes.
    public var message: String
    /// The option key the error is about, or a path into its value (`columns[1]`), if any.
    public var option: String?
    /// Where in the article text the problem lies, if anywhere.
    public var range: TextRange?
    /// Further lines of explanation.
    public var notes: [Diagnostic.Note]

    /// Creates a component error.
    public init(code: String? = nil, _ message: String, option: String? = nil, range: TextRange? = nil, notes: [Diagnostic.Note] = []) {
        self.code = code
        self.message = message
        self.option = option
        self.range = range
        self.notes = notes
    }

    public var description: String { message }

    /// The error as a diagnostic without a location, coded `E240` when it has no code of its own.
    public var diagnostic: Diagnostic { Diagnostic(code: code ?? "E240", message, notes: notes) }

    /// The keys and list indices of `option`: `columns[1]` gives `columns`, `1`; `fields.title`
    /// gives `fields`, `title`.
    public var optionPath: [String] {
        guard let option else { return [] }
        var parts: [String] = []
        for segment in option.split(separator: ".", omittingEmptySubsequences: false) {
            var rest = Substring(segment)
            if let open = rest.firstIndex(of: "[") {
                parts.append(String(rest[..<open]))
                rest = rest[open...]
                while rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
                    parts.append(String(rest[rest.index(after: rest.startIndex)..<close]))
                    rest = rest[rest.index(after: close)...]
                }
            } else {
                parts.append(String(rest))
            }
        }
        return parts.filter { !$0.isEmpty }
    }
}
