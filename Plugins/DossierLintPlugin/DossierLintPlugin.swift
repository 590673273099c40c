import Foundation
import PackagePlugin

/// `swift package dossier-lint [FILE...]`: checks pipeline files with `dossier lint`.
///
/// Without arguments it checks every `dossier.yaml`, `pipeline.yaml` and `*.pipeline.yaml` in the
/// package (build folders skipped), so a package that ships pipelines can check them in CI the
/// same way it runs its tests.
@main
struct DossierLintPlugin: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let tool = try context.tool(named: "dossier")
        var files = arguments
        if files.isEmpty {
            files = Self.pipelineFiles(under: context.package.directoryURL)
        }
        guard !files.isEmpty else {
            print("no pipeline files found (dossier.yaml, pipeline.yaml, *.pipeline.yaml)")
            return
        }
        let process = Process()
        process.executableURL = tool.url
        process.arguments = ["lint"] + files
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
