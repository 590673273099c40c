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

    /// The YAML code blocks of a Markdown file that look like pipelines (they have `version:`).
    static func pipelineBlocks(in relativePath: String) -> [String] {
        guard let text = try? String(contentsOf: root.appendingPathComponent(relativePath), encoding: .utf8) else { return [] }
        return text.components(separatedBy: "```yaml\n").dropFirst().compactMap { chunk in
            let block = chunk.components(separatedBy: "```").first ?? ""
            return block.contains("version:") ? block : nil
        }
    }

    @Test("the pipelines shown in README.md and Docs/Pipelines.md lint clean", arguments: ["README.md", "Docs/Pipelines.md"])
    func documentedPipelines(_ file: String) throws {
        let blocks = Self.pipelineBlocks(in: file)
        #expect(!blocks.isEmpty, "no pipeline example found in \(file)")
        for block in blocks {
            do {
                _ = try PipelineLoader.standard(environment: [:]).load(text: block, file: file)
            } catch {
                Issue.record("a pipeline in \(file) does not lint:\n\(error.render())")
            }
        }
    }

    @Test("the starter that 'dossier init' writes is covered by the CLI tests; the default pipeline lints clean")
    func defaultPipeline() throws {
        let pipeline = try PipelineLoader.standard(environment: [:]).load(text: DefaultPipeline.yaml, file: "<default>")
        #expect(pipeline.name == "default")
        #expect(pipeline.warnings.isEmpty)
    }
}
