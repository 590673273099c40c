import Foundation
import PackagePlugin

/// Checks a target's `*.dossier.yaml` files when it builds, and embeds them for its code.
///
/// One build command per target runs `dossier lint --diagnostics-format gcc --swift-output` over
/// the files: a problem fails the build with `file:line:col: error: message [CODE]`, the form
/// Xcode and editors jump to; a clean set becomes `DossierPipelines.swift` in the target, where
/// `DossierPipelines.named["brief"]` is the YAML of `brief.dossier.yaml`. It reruns only when one
/// of the files (or the tool) changes.
///
/// The tool is Dossier's own `dossier`, fixed by this package's manifest, so it knows the built-in
/// components only; a pipeline naming a package's own components is an error here. Such a package
/// runs the same command with its own `dossier` from a plugin of its own, a copy of this file that
/// names its tool (see `Examples/CustomComponents/Plugins`).
@main
struct DossierPipelinePlugin: BuildToolPlugin {
    /// The name of the executable this plugin depends on.
    static let tool = "dossier"

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
