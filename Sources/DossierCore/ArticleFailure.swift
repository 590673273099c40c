/// An article that failed, as an export sink sees it: which record of which input it was, and why.
///
/// The pipeline hands one to `ExportSink.write(failure:)` in the failed article's place in input
/// order, so that a sink streaming one line per record (the `jsonl` exporter with
/// `failures: lines`) can answer every record, failed or not (see `Docs/Streaming.md`). Problems
/// with an input as a whole (standard input empty or unreadable) are not records and give none.
public struct ArticleFailure: Sendable, Hashable {
    /// The article's id: the document's own when it was read, else the id its record would have
    /// been given (a JSON Lines record's mapped `id`, else `<input id>-<line number>`); nil when
    /// it cannot be known, such as a line too long to read.
    public var id: String?
    /// The input it came from: a path, or `-` for standard input.
    public var input: String
    /// Its 1-based line number, for an input read line by line (JSON Lines); nil otherwise.
    public var line: Int?
    /// What went wrong: the code, the message and the component that failed.
    public var diagnostic: Diagnostic

    /// Creates a failure record.
    public init(id: String?, input: String, line: Int? = nil, diagnostic: Diagnostic) {
        self.id = id
        self.input = input
        self.line = line
        self.diagnostic = diagnostic
    }
}
