import ArgumentParser
import Dossier
import Foundation

/// `dossier plan`: show what a pipeline will do, and why each step is there.
struct PlanCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Show the reader, the analyzer stages and the exporters a pipeline runs, and why.")

    @Option(name: [.short, .customLong("pipeline")], help: "The pipeline file, or a built-in pipeline name (default: 'default').")
    var pipeline: String?

    @Argument(help: "Inputs to show the reader choice for (optional).")
    var inputs: [String] = []

    @OptionGroup var extends: ExtendsOptions

    func run(in context: CommandContext) async throws {
        // Checked in full, but no component is created: planning costs no model loading.
        let pipeline = try context.checkPipeline(self.pipeline, extends: extends)
        // Names and paths as written, with '${NAME}' unreplaced: a variable's value is never shown.
        var lines = ["pipeline \((pipeline.nameAsWritten ?? pipeline.name).quotedExcerpt) from \(pipeline.files.joined(separator: " ← "))"]
        switch pipeline.reader {
        case .fixed(let step):
            lines.append("reader: \(step.info.id) (named in the pipeline)")
        case .auto(let steps):
            lines.append("reader: auto — by file extension, then by content")
            for step in steps {
                lines.append(
                    "  \(step.info.id): \(step.info.fileExtensions.isEmpty ? "by content only" : step.info.fileExtensions.map { ".\($0)" }.joined(separator: " "))"
                )
            }
        }
        // Like 'run', an input that is missing or unusable fails with status 3 (after the plan).
        var badInput = false
        if !inputs.isEmpty {
            let extensions = Set(context.registry.readers.values.flatMap(\.info.fileExtensions))
            let (sources, problems) = InputCollector(extensions: extensions).collect(inputs)
            let renderer = DiagnosticRenderer(sources: [:], color: context.errorIsTerminal)
            for problem in problems { context.err(renderer.render(problem)) }
            badInput = problems.contains { $0.severity == .error }
            for source in sources where source != .standardInput {
                let data = (try? Data(contentsOf: URL(fileURLWithPath: source.name)).prefix(4096)) ?? Data()
                let input = Input(id: source.stem, name: source.name, data: Data(data))
                if let step = try? pipeline.reader.choose(for: input) {
                    let how: String
                    switch pipeline.reader {
                    case .fixed: how = "named in the pipeline"
                    case .auto:
                        how =
                            step.info.fileExtensions.contains(input.fileExtension) ? "by extension '.\(input.fileExtension)'" : "by content"
                    }
                    lines.append("  \(source.name) → \(step.info.id) (\(how))")
                } else {
                    lines.append("  \(source.name) → no reader recognises it (E402)")
                }
            }
        }
        lines.append(
            "analyzers: \(pipeline.analyzers.count) in \(pipeline.plan.stageCount) stage\(pipeline.plan.stageCount == 1 ? "" : "s")")
        if !pipeline.plan.steps.isEmpty {
            lines += pipeline.plan.description.split(separator: "\n").map { "  " + $0 }
        }
        lines.append("exporters:")
        for step in pipeline.exporters {
            let reads = step.info.requires.isEmpty ? "" : " (reads \(step.info.requires.map(\.rawValue).joined(separator: ", ")))"
            let target: String
            switch step.target ?? .stdout {
            case .stdout: target = "standard output"
            case .path(let p):
                let shown = (step.targetAsWritten ?? p).quotedExcerpt
                target = (step.target ?? .stdout).isPerArticle ? "\(shown), one file per article" : "\(shown), one file for all articles"
            }
            let shown = step.name == step.info.id ? step.info.id : "\(step.name) (\(step.info.id))"
            lines.append("  \(shown) → \(target)\(reads)")
        }
        context.out(lines.joined(separator: "\n") + "\n")
        if badInput { throw ExitStatus.badInput }
    }
}
