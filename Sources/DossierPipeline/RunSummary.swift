public import DossierCore

/// What a run did: counts, the problems per article, and the files it wrote.
public struct RunSummary: Sendable {
    /// Inputs (or streamed lines) finished.
    public var inputs = 0
    /// Articles read and fully processed.
    public var succeeded = 0
    /// Articles (or inputs that yielded none) that failed.
    public var failed = 0
    /// Failed articles that an output answered with a record of the failure in its place (the
    /// `jsonl` exporter with `failures: lines`): the output accounts for them (`outputIsComplete`).
    public var answered = 0
    /// Outputs that failed as a whole, such as a shared file on a full disk (its old file stays).
    public var outputFailures = 0
    /// Diagnostics of severity error reported, whether collected here or passed to the runner's
    /// `diagnostics` handler.
    public var errorCount = 0
    /// Bytes read from inputs.
    public var bytesRead = 0
    /// Files written, in the order they were completed.
    public var written: [String] = []
    /// One diagnostic per failed article or input, in input order, plus output problems; empty
    /// when the runner passed them to its `diagnostics` handler instead.
    public var diagnostics: [Diagnostic] = []
    /// Whether the run was cancelled (Ctrl-C): inputs not yet started were not run, shared
    /// output files were not replaced.
    public var interrupted = false
    /// Whether the run was refused before it began (an output would replace an input).
    public var refused = false
    /// Wall-clock seconds.
    public var seconds: Double = 0

    /// Creates an empty summary.
    public init() {}

    /// Whether every article went through and every output was written.
    public var allSucceeded: Bool { failed == 0 && outputFailures == 0 && !interrupted }

    /// Whether the output accounts for every article, each one written or answered with a record
    /// of its failure, and every output was written: what decides `dossier run`'s exit status.
    public var outputIsComplete: Bool { failed == answered && outputFailures == 0 && !interrupted }

    /// The one line that closes a run: `12 articles: 11 done, 1 failed, 3 files written in 0.41 s`.
    public var line: String {
        let total = succeeded + failed
        var s = interrupted ? "interrupted after " : ""
        s += "\(total) article\(total == 1 ? "" : "s"): \(succeeded) done, \(failed) failed"
        if answered > 0 { s += " (\(answered == failed ? "each" : "\(answered)") answered in the output)" }
        if !written.isEmpty { s += ", \(written.count) file\(written.count == 1 ? "" : "s") written" }
        if outputFailures > 0 { s += ", \(outputFailures) output\(outputFailures == 1 ? "" : "s") not written" }
        s += String(format: " in %.2f s", seconds)
        return s
    }
}
