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
        for warning in pipeline.warnings { context.err(DiagnosticRenderer(sources: pipeline.sources, color: context.errorIsTerminal).render(warning)) }
        let extensions = Set(context.registry.readers.values.flatMap(\.info.fileExtensions))
        let (inputs, problems) = InputCollector(extensions: extensions).collect(self.inputs)
        for problem in problems { context.err(DiagnosticRenderer(sources: [:], color: context.errorIsTerminal).render(problem)) }
        if problems.contains(where: { $0.severity == .error }) || inputs.isEmpty {
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
        let run = Task { [runner, inputs] in await runner.run(inputs) }
        let received = Locked<Int32?>(nil)
        let temporaryFiles = runner.temporaryFiles
        let trap = SignalTrap(
            first: { signal in
                received.withLock { $0 = signal }
                err((showProgress ? "\r\u{1B}[K" : "") + "interrupted: finishing the articles in flight; press Ctrl-C again to stop at once\n")
                run.cancel()
            },
            again: { signal in
                temporaryFiles.removeAll()
                err("stopped\n")
                Foundation.exit(SignalTrap.status(for: signal))
            })
        let summary = await run.value
        trap.stop()
        if showProgress { context.err("\r\u{1B}[K") }
        if summary.refused {
            context.err("nothing was run\n")
            throw ExitStatus.badInput
        }
        if !quiet || summary.interrupted { context.err(summary.line + "\n") }
        if let signal = received.withLock({ $0 }), summary.interrupted { throw ExitCode(SignalTrap.status(for: signal)) }
        if !summary.allSucceeded { throw ExitStatus.someArticlesFailed }
    }
}
