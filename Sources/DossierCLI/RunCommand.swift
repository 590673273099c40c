import ArgumentParser
import Dossier
import DossierPipeline
import Foundation

/// `dossier run`: process articles through a pipeline.
struct RunCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a pipeline over articles (files, folders, globs, or '-' for standard input).")

    @OptionGroup var options: PipelineOptions

    @Option(name: .customLong("output-dir"), help: "Where relative output paths are resolved (default: the current directory).")
    var outputDirectory: String?

    @Flag(name: .shortAndLong, help: "Print no progress or summary; problems are still printed.")
    var quiet = false

    @Option(help: "The longest one article may take, in seconds, before it fails and the run goes on (0: no limit).")
    var timeout: Int = 120

    @Argument(help: "Articles: files, folders (searched for known extensions), globs, or '-' for standard input.")
    var inputs: [String] = []

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("no input; give files, folders, globs, or '-' for standard input") }
        if !(0...86_400).contains(timeout) { throw ValidationError("'--timeout' must be between 0 and 86400 seconds, got '\(timeout)'") }
    }

    func run(in context: CommandContext) async throws {
        let pipeline = try options.load(in: context)
        for warning in pipeline.warnings {
            context.err(DiagnosticRenderer(sources: pipeline.sources, color: context.errorIsTerminal).render(warning))
        }
        let extensions = Set(context.registry.readers.values.flatMap(\.info.fileExtensions))
        let (inputs, problems) = InputCollector(extensions: extensions).collect(self.inputs)
        for problem in problems { context.err(DiagnosticRenderer(sources: [:], color: context.errorIsTerminal).render(problem)) }
        var failed = problems.contains(where: { $0.severity == .error })
        if let outputDirectory, let problem = Self.checkOutputDirectory(outputDirectory) {
            context.err(DiagnosticRenderer(sources: [:], color: context.errorIsTerminal).render(problem))
            failed = true
        }
        if failed || inputs.isEmpty {
            context.err("nothing was run\n")
            throw ExitStatus.badInput
        }
        let showProgress = !quiet && context.errorIsTerminal && (inputs.count > 1 || inputs == [.standardInput])
        let err = context.standardError
        var progress: (@Sendable (RunProgress) -> Void)?
        if showProgress {
            progress = { p in
                let failed = p.failed > 0 ? "\(p.failed) failed, " : ""
                err("\r\u{1B}[K[\(p.finished)\(p.total.map { "/\($0)" } ?? "")] \(failed)\(p.current)")
            }
        }
        var runner = Runner(
            pipeline: pipeline, jobs: options.jobs ?? ProcessInfo.processInfo.activeProcessorCount, outputDirectory: outputDirectory,
            standardOutput: context.standardOutput, progress: progress)
        runner.articleTimeout = timeout == 0 ? nil : .seconds(timeout)
        let renderer = DiagnosticRenderer(sources: [:], color: context.errorIsTerminal)
        // Each problem is printed as soon as its article's turn comes, not at the end of the run.
        runner.diagnostics = { diagnostic in
            err((showProgress ? "\r\u{1B}[K" : "") + renderer.render(diagnostic))
        }
        // Files, folders and standard input alike: JSON Lines stream line by line, in bounded memory.
        // Once standard output has failed (a closed pipe, a full disk) nothing more could be
        // delivered: the run stops as if interrupted, and shared files are left as they were.
        let run = Locked<Task<RunSummary, Never>?>(nil)
        let streams = context.streams
        let write = context.standardOutput
        runner.standardOutput = { data in
            write(data)
            if streams.failure(on: .output) != nil { run.withLock { $0?.cancel() } }
        }
        let task = Task { [runner, inputs] in await runner.run(inputs) }
        run.withLock { $0 = task }
        let received = Locked<Int32?>(nil)
        let temporaryFiles = runner.temporaryFiles
        // A hard exit: what is open is left, but no temporary file or external program outlives the run.
        @Sendable func stopNow(_ signal: Int32, saying message: String) -> Never {
            temporaryFiles.removeAll()
            ExternalProgram.stopAllAtOnce()
            err(message)
            Foundation.exit(SignalTrap.status(for: signal))
        }
        let trap = SignalTrap(
            first: { signal in
                received.withLock { $0 = signal }
                err(
                    (showProgress ? "\r\u{1B}[K" : "")
                        + "interrupted: finishing the articles in flight (for up to \(Int(SignalTrap.grace)) s); "
                        + "press Ctrl-C again to stop at once\n")
                task.cancel()
            },
            again: { signal in stopNow(signal, saying: "stopped\n") },
            late: { signal in
                stopNow(signal, saying: "stopped: the articles in flight did not finish within \(Int(SignalTrap.grace)) s of the signal\n")
            })
        let summary = await task.value
        trap.stop()
        if showProgress { context.err("\r\u{1B}[K") }
        if summary.refused {
            context.err("nothing was run\n")
            throw ExitStatus.badInput
        }
        // A failed standard output decides the status (`DossierCommand.execute`); no summary then.
        if streams.failure(on: .output) != nil { return }
        if !quiet || summary.interrupted { context.err(summary.line + "\n") }
        if let signal = received.withLock({ $0 }), summary.interrupted { throw ExitCode(SignalTrap.status(for: signal)) }
        // A failure answered in the output (an error line of the streaming contract) is part of it.
        if !summary.outputIsComplete { throw ExitStatus.someArticlesFailed }
    }

    /// Why `--output-dir` cannot take the outputs, checked before anything runs: it must be a
    /// folder or not exist yet (it is then created), and its path must be usable.
    static func checkOutputDirectory(_ path: String) -> Diagnostic? {
        var info = stat()
        if stat(path, &info) == 0 {
            if info.st_mode & S_IFMT == S_IFDIR { return nil }
            return Diagnostic(code: "E503", "'--output-dir' '\(path)' is not a folder; name a folder, or a path that does not exist yet")
        }
        if errno == ENOENT { return nil }
        return Diagnostic(code: "E503", "'--output-dir' '\(path)' cannot be used: \(SystemError.describe(errno))")
    }
}

/// The inputs of a sequence until standard output fails: with its reader gone or its disk full,
/// nothing more the run prints could be delivered, so it stops taking input and winds down.
struct UntilOutputFails<Base: Sequence<InputSource>>: Sequence, IteratorProtocol {
    private var base: Base.Iterator
    private let streams: StandardStreams

    init(_ base: Base, streams: StandardStreams) {
        self.base = base.makeIterator()
        self.streams = streams
    }

    mutating func next() -> InputSource? {
        streams.failure(on: .output) == nil ? base.next() : nil
    }
}
