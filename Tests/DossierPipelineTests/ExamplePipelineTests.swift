import Dossier
import Foundation
import Testing

/// Every pipeline shipped in Examples/ must lint clean, so the examples cannot rot.
@Suite("Example pipelines")
struct ExamplePipelineTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var files: [String] {
        let folder = root.appendingPathComponent("Examples/Pipelines")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { folder.appendingPathComponent($0).path }
    }

    @Test("there are example pipelines to check")
    func found() {
        #expect(Self.files.count >= 2)
    }

    @Test("each example pipeline loads with the standard registry", arguments: files)
    func lintsClean(_ path: String) throws {
        let report = PipelineLoader.standard(environment: [:]).lint(path: path)
        #expect(report.diagnostics.isEmpty, "\(report.render())")
    }

    @Test("the starter that 'dossier init' writes is covered by the CLI tests; the default pipeline lints clean")
    func defaultPipeline() throws {
        let pipeline = try PipelineLoader.standard(environment: [:]).load(text: DefaultPipeline.yaml, file: "<default>")
        #expect(pipeline.name == "default")
        #expect(pipeline.warnings.isEmpty)
    }
}
