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
        let runner = Runner(
            pipeline: pipeline, jobs: options.jobs ?? ProcessInfo.processInfo.activeProcessorCount, outputDirectory: outputDirectory,
            standardOutput: context.standardOutput, progress: progress)
        // JSON Lines on standard input streams: each line runs as it arrives, in bounded memory.
        let summary: RunSummary
        if inputs == [.standardInput], case .fixed(let step) = pipeline.reader, step.info.id == "jsonl" {
            summary = await runner.run(stream: StandardInputLines())
        } else {
            summary = await runner.run(inputs)
        }
        if showProgress { context.err("\r\u{1B}[K") }
        let renderer = DiagnosticRenderer(sources: [:], color: context.errorIsTerminal)
        for diagnostic in summary.diagnostics { context.err(renderer.render(diagnostic)) }
        if !quiet { context.err(summary.line + "\n") }
        if !summary.allSucceeded { throw ExitStatus.someArticlesFailed }
    }
}
