public import ArgumentParser

/// The statuses `dossier` exits with, documented in `Docs/CLI.md`.
public enum ExitStatus {
    /// Everything went through.
    public static let success = ExitCode(0)
    /// The run finished, but some articles failed; the others were written.
    public static let someArticlesFailed = ExitCode(1)
    /// The pipeline file has errors; nothing was run or written.
    public static let invalidPipeline = ExitCode(2)
    /// An input could not be found or read before the run began; nothing was run.
    public static let badInput = ExitCode(3)
    /// The command line itself is wrong (an unknown flag, a missing argument).
    public static let usage = ExitCode(64)
    /// Standard output or error could not be written (closed, a full disk); error E500 says why.
    public static let outputFailed = ExitCode(74)
    /// Standard output or error is a pipe whose reader has gone (`| head -1`): the run stopped
    /// taking input and ended quietly, with the status a shell gives a process killed by SIGPIPE.
    public static let brokenPipe = ExitCode(141)
}
