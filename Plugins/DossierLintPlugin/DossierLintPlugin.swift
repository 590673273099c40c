import Foundation
import PackagePlugin

/// `swift package dossier-lint [FILE...]`: checks pipeline files with `dossier lint`.
///
/// Without arguments it checks every `dossier.yaml`, `pipeline.yaml` and `*.pipeline.yaml` in the
/// package (build folders skipped), so a package that ships pipelines can check them in CI the
/// same way it runs its tests.
///
/// `extends:` may only name files below the extending pipeline's folder; pass
/// `--allow-extends-outside` (handed on to `dossier lint`) to let it reach further. Options may come
/// before or after the files: `swift package dossier-lint --allow-extends-outside`.
@main
struct DossierLintPlugin: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let tool = try context.tool(named: "dossier")
        // Options such as '--allow-extends-outside' go to 'dossier lint'; the rest are files.
        let flags = arguments.filter { $0.hasPrefix("--") }
        var files = arguments.filter { !$0.hasPrefix("--") }
        if files.isEmpty {
            files = Self.pipelineFiles(under: context.package.directoryURL)
        }
        guard !files.isEmpty else {
            print("no pipeline files found (dossier.yaml, pipeline.yaml, *.pipeline.yaml)")
            return
        }
        let process = Process()
        process.executableURL = tool.url
        process.arguments = ["lint"] + flags + files
        try process.run()
        process.waitUntilExit()
        if process.terminationStatus != 0 {
            Diagnostics.error("dossier lint found problems in the pipeline files")
            throw ExitError(status: process.terminationStatus)
        }
    }

    struct ExitError: Error, CustomStringConvertible {
        var status: Int32
        var description: String { "dossier lint exited with status \(status)" }
    }

    static func pipelineFiles(under root: URL) -> [String] {
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        var found: [String] = []
        for case let url as URL in walker {
            let name = url.lastPathComponent
            // Nested packages register components of their own, which this package's dossier lacks.
            let nestedPackage = url != root && FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path)
            if name.hasPrefix(".") || name == "Tests" || nestedPackage {
                walker.skipDescendants()
                continue
            }
            if name == "dossier.yaml" || name == "pipeline.yaml" || name.hasSuffix(".pipeline.yaml") {
                found.append(url.path)
            }
        }
        return found.sorted()
    }
}
