import Foundation
import PackagePlugin

/// Dossier's `DossierPipelinePlugin` with this package's own `dossier`: checks a target's
/// `*.dossier.yaml` files at build time with `my-dossier`, which knows the `hedges` analyzer and
/// the `hedge-list` and `tsv-summary` exporters, and embeds them as `DossierPipelines.named`.
///
/// Dossier's plugin runs the tool Dossier's manifest names, the stock `dossier`, which cannot know
/// a package's own components; a plugin's tools are fixed by the manifest that declares it. So a
/// package with components of its own declares this copy, whose one change is `tool`.
@main
struct PipelinePlugin: BuildToolPlugin {
    /// The name of the executable this plugin depends on: this package's own `dossier`.
    static let tool = "my-dossier"

    func createBuildCommands(context: PluginContext, target: any Target) async throws -> [Command] {
        guard let module = target.sourceModule else { return [] }
        let files = module.sourceFiles.map(\.url).filter { $0.lastPathComponent.hasSuffix(".dossier.yaml") }
            .sorted { $0.path < $1.path }
        guard !files.isEmpty else { return [] }
        let tool = try context.tool(named: Self.tool)
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("DossierPipelines.swift")
        return [
            .buildCommand(
                displayName: "Checking and embedding \(files.count) pipeline file\(files.count == 1 ? "" : "s") of \(target.name)",
                executable: tool.url,
                arguments: ["lint", "--diagnostics-format", "gcc", "--swift-output", output.path] + files.map(\.path),
                inputFiles: files + [tool.url],
                outputFiles: [output])
        ]
    }
}
