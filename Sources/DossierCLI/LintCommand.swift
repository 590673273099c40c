import ArgumentParser
import Dossier
import Foundation

/// `dossier lint`: check pipeline files without running them.
struct LintCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check pipeline files and report every problem with file:line:column.")

    @Argument(help: "Pipeline files to check (default: the built-in 'default' pipeline).")
    var files: [String] = []

    @OptionGroup var extends: ExtendsOptions

    @Option(
        help: """
            How to print problems: 'dossier' (the source line and a caret) or 'gcc' (one \
            'file:line:col: error: message [CODE]' line each, as compilers print them for editors and IDEs).
            """)
    var diagnosticsFormat: DiagnosticsFormat = .dossier

    @Option(
        help: ArgumentHelp(
            "When every file lints clean, also write a Swift source holding each file's YAML by name (enum DossierPipelines).",
            valueName: "file.swift"))
    var swiftOutput: String?

    func validate() throws {
        if swiftOutput != nil, files.isEmpty {
            throw ValidationError("'--swift-output' needs the pipeline files to embed; name them after the options")
        }
    }

    func run(in context: CommandContext) async throws {
        var errors = 0
        for file in files.isEmpty ? ["default"] : files {
            let report: LintReport
            do {
                // Decodes and validates every option; creates no component, so a component that
                // loads a model in 'init' costs nothing here.
                report = try context.check(file, extends: extends).report
            } catch {
                report = error
            }
            if !report.diagnostics.isEmpty { context.err(diagnosticsFormat.render(report, color: context.errorIsTerminal)) }
            errors += report.errorCount
            let warnings = report.diagnostics.count - report.errorCount
            context.out(
                "\(file): \(report.errorCount == 0 ? "ok" : "\(report.errorCount) error\(report.errorCount == 1 ? "" : "s")")\(warnings > 0 ? ", \(warnings) warning\(warnings == 1 ? "" : "s")" : "")\n"
            )
        }
        if errors > 0 { throw ExitStatus.invalidPipeline }
        if let swiftOutput { try embed(into: swiftOutput, context: context) }
    }

    /// Writes the Swift source embedding `files` (already linted clean) to `path`.
    private func embed(into path: String, context: CommandContext) throws {
        var embedding = PipelineEmbedding(files: [])
        for file in files {
            // Lint read it a moment ago; a file gone since is a usage error like any unreadable output.
            guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
                context.fail("E510", "cannot read pipeline file '\(file)' to embed it; check that it still exists")
                throw ExitStatus.badInput
            }
            embedding.files.append((file, text))
        }
        if let clash = embedding.clashes.first {
            context.fail(
                "E510",
                "'\(clash.path)' and '\(clash.earlier)' both embed as '\(PipelineEmbedding.name(of: clash.path))'; rename one of them")
            throw ExitStatus.usage
        }
        // Rewritten only when it changes, so that a build system does not recompile for nothing.
        let data = Data(embedding.source.utf8)
        if FileManager.default.contents(atPath: path) == data { return }
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            context.fail("E510", "cannot write '\(path)': \(error.localizedDescription); check that its folder exists and can be written")
            throw ExitStatus.outputFailed
        }
    }
}
