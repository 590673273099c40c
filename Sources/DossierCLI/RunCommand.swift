import ArgumentParser
import Dossier
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

    @Argument(help: "Articles: files, folders (searched for known extensions), globs, or '-' for standard input.")
    var inputs: [String] = []

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("no input; give files, folders, globs, or '-' for standard input") }
    }

    func run(in context: CommandContext) async throws {
        let pipeline = try options.load(in: context)
        for warning in pipeline.warnings { context.err(DiagnosticRenderer(sources: pipeline.sources, color: context.errorIsTerminal).render(warning)) }
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
        let runner = Runner(
            pipeline: pipeline, jobs: options.jobs ?? ProcessInfo.processInfo.activeProcessorCount, outputDirectory: outputDirectory,
            standardOutput: context.standardOutput, progress: progress)
        // JSON Lines on standard input streams: each line runs as it arrives, in bounded memory.
        // Once standard output has failed (a closed pipe, a full disk) no more input is taken.
        let summary: RunSummary
        var streamFailure: SystemError?
        if inputs == [.standardInput], case .fixed(let step) = pipeline.reader, step.info.id == "jsonl" {
            let lines = StandardInputLines()
            summary = await runner.run(stream: UntilOutputFails(lines, streams: context.streams))
            streamFailure = lines.failure
        } else {
            summary = await runner.run(stream: UntilOutputFails(inputs, streams: context.streams), count: inputs.count)
        }
        if showProgress { context.err("\r\u{1B}[K") }
        let renderer = DiagnosticRenderer(sources: [:], color: context.errorIsTerminal)
        for diagnostic in summary.diagnostics { context.err(renderer.render(diagnostic)) }
        if let streamFailure { context.err(renderer.render(Diagnostic(code: "E501", streamFailure.reason + "; the run stopped there"))) }
        if !quiet { context.err(summary.line + "\n") }
        if !summary.allSucceeded || streamFailure != nil { throw ExitStatus.someArticlesFailed }
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
