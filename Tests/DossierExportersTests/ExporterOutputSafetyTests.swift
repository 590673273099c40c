import DossierCore
import DossierExporters
import DossierPipeline
import DossierTesting
import Foundation
import Testing

/// The pipeline's promises for file-writing exporters hold for the new ones too: ids from article
/// data cannot lead a `to:` template out of its folder, and no output replaces an input.
@Suite("Output safety of the jsonl, csv and template exporters")
struct ExporterOutputSafetyTests {
    static let exporters = ["jsonl", "csv", "template"]

    /// The options each exporter needs besides `to:`.
    static func options(_ exporter: String) -> String {
        exporter == "template" ? "template: '\(TemplateExporterTests.example)', " : ""
    }

    @Test("hostile ids in a per-article 'to:' template stay inside the output folder", arguments: exporters)
    func hostileIDsStayInside(_ exporter: String) async throws {
        let folder = try Corpus.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ids = ["../../escape", "/etc/passwd", "..", "a\u{0}b", "line\nbreak", String(repeating: "long", count: 100)]
        let run = try await Corpus.run(
            "  - \(exporter): { \(Self.options(exporter))to: 'out/{id}.\(exporter)' }\n", ids.map { Corpus.document($0) }, in: folder)
        #expect(run.summary.allSucceeded, "\(run.diagnostics)")
        let files = Corpus.files(in: folder)
        #expect(files.count == ids.count, "\(files)")
        for file in files {
            #expect(file.hasPrefix("out/") && !file.dropFirst(4).contains("/"), "'\(file)' is outside out/")
        }
        let parent = folder.deletingLastPathComponent()
        #expect(!FileManager.default.fileExists(atPath: parent.appendingPathComponent("escape.\(exporter)").path))
    }

    @Test("a shared output that is one of the run's inputs is refused before anything is written", arguments: exporters)
    func neverOverwritesAnInput(_ exporter: String) async throws {
        let folder = try Corpus.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in.json")
        let original = try Corpus.document("story").jsonData()
        try original.write(to: input)
        let pipeline = try PipelineLoader(registry: Corpus.registry(), environment: [:]).load(
            text: "version: 1\nreader: json\nexporters:\n  - \(exporter): { \(Self.options(exporter))to: in.json }\n", file: "p.yaml")
        let run = await InMemoryRunner(registry: try Corpus.registry(), outputDirectory: folder.path).run(
            pipeline, inputs: [.file(input.path)])
        #expect(run.diagnostics.contains { $0.code == "E470" }, "\(run.diagnostics)")
        #expect(try Data(contentsOf: input) == original)
    }
}
