import Dossier
import DossierTesting
import Foundation
import Testing

/// External exporters (`exec:` under `exporters`): the Python example renders a TSV row per
/// article through the real protocol, with the header from its handshake, and a refused article
/// fails alone.
@Suite("External exporters", .serialized, .enabled(if: Python3.path != nil, "python3 is not installed; skipping"))
struct ExternalExporterTests {
    static let script = ExternalAnalyzerTests.examples + "/claims_table.py"

    static func pipeline(to target: String = "stdout", jobs: Int = 2) -> String {
        """
        version: 1
        analyzers: [sentences, entities, dates, quotes, sources, claims]
        exporters:
          - exec: { command: python3, args: ['\(script)'], requires: [claims, sources], extension: tsv, to: '\(target)' }
        """
    }

    static let council = (
        name: "council.txt",
        text: "Council Approves New Tram Line\n\nThe council voted on Monday to spend 40 million euros on a tram line, the mayor said."
    )
    static let refused = (name: "refused.txt", text: "A Refused Story\n\nThis article says FAIL-EXPORT and should fail.")
    static let ferry = (name: "ferry.txt", text: "Ferry Times Change\n\nExperts say the new timetable could cut waiting times by half.")

    @Test("rows come back in input order under the handshake's header, written once; a refused article fails alone with E728")
    func rowsInOrder() async throws {
        let result = try await InMemoryRunner(registry: .standard).run(Self.pipeline(), inputs: [Self.council, Self.refused, Self.ferry])
        let lines = result.text.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        #expect(lines.map { $0.first.map(String.init) } == ["id", "council", "ferry"], "\(result.text)")
        #expect(lines[0].count == 6 && lines[1].count == 6)
        #expect(lines[1][1] == "Council Approves New Tram Line")
        #expect(Int(lines[1][2]) ?? 0 >= 1, "the council article has a claim: \(lines[1])")
        #expect(result.diagnostics.map(\.code) == ["E728"])
        #expect(result.diagnostics.first?.message.contains("FAIL-EXPORT") == true)
        #expect(result.summary.succeeded == 2 && result.summary.failed == 1)
    }

    @Test("a file per article gets the header and its row, named with the declared extension")
    func filePerArticle() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-exec-out-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var runner = InMemoryRunner(registry: .standard)
        runner.outputDirectory = folder.path
        let result = try await runner.run(Self.pipeline(to: "rows/{id}.{ext}"), inputs: [Self.council, Self.ferry])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("rows").path).sorted()
        #expect(names == ["council.tsv", "ferry.tsv"])
        let text = try String(contentsOf: folder.appendingPathComponent("rows/ferry.tsv"), encoding: .utf8)
        #expect(text.hasPrefix("id\ttitle\t") && text.split(separator: "\n").count == 2, "\(text)")
    }

    @Test("an analyzer program named as an exporter is refused by its handshake (E723), each article failing alone")
    func wrongKind() async throws {
        let yaml = """
            version: 1
            exporters:
              - exec: { command: python3, args: ['\(ExternalAnalyzerTests.examples)/shouting.py'] }
            """
        let result = try await InMemoryRunner(registry: .standard).run(yaml, inputs: [Self.council, Self.ferry])
        #expect(result.diagnostics.map(\.code) == ["E723", "E723"])
        #expect(
            result.diagnostics.first?.message.contains(
                "says it is an 'analyzer', but the pipeline names it as an exporter; name it under 'analyzers:' instead") == true)
    }

    @Test(
        "lint refuses what an exporter program cannot be: layers it provides, an analyzer's manifest, a bad extension",
        arguments: [
            ("exporters", "command: python3, args: [x.py], provides: [x]", "E713"),
            ("exporters", "manifest: '\(ExternalAnalyzerTests.examples)/shouting.dossier.json'", "E712"),
            ("exporters", "command: python3, args: [x.py], extension: '.tsv'", "E715"),
            ("analyzers", "command: python3, args: [x.py], provides: [x], extension: tsv", "E715"),
        ])
    func lintErrors(place: String, entry: String, code: String) throws {
        let other = place == "exporters" ? "analyzers: [sentences]" : "exporters: [json]"
        let yaml = "version: 1\n\(other)\n\(place):\n  - exec: { \(entry) }\n"
        let report = ExternalAnalyzerTests.lint(yaml)
        #expect(report.diagnostics.contains { $0.code == code }, "\(report.diagnostics)")
    }

    @Test("the example pipeline lints clean from the repository root, and its exporter plans after the claims it reads")
    func examplePipeline() throws {
        let path = ExternalAnalyzerTests.examples + "/claims-table.pipeline.yaml"
        let loader = PipelineLoader.standard(environment: [:])
        let checked = try loader.check(text: try String(contentsOfFile: path, encoding: .utf8), file: path)
        #expect(checked.exporters.map(\.name) == ["claims-table", "json"])
        #expect(checked.exporters[0].info.requires == ["claims", "sources"])
        #expect(checked.exporters[0].info.fileExtensions == ["tsv"])
    }
}
