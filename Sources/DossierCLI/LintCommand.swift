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
            if !report.diagnostics.isEmpty { context.err(report.render(color: context.errorIsTerminal)) }
            errors += report.errorCount
            let warnings = report.diagnostics.count - report.errorCount
            context.out(
                "\(file): \(report.errorCount == 0 ? "ok" : "\(report.errorCount) error\(report.errorCount == 1 ? "" : "s")")\(warnings > 0 ? ", \(warnings) warning\(warnings == 1 ? "" : "s")" : "")\n"
            )
        }
        if errors > 0 { throw ExitStatus.invalidPipeline }
    }
}
