import Dossier
import DossierTesting
import Foundation
import Testing

/// External readers (`reader: { exec: … }`): the Python example turns a CSV export into articles
/// through the real protocol; Dossier maps the article objects as the `json` reader does.
@Suite("External readers", .serialized, .enabled(if: Python3.path != nil, "python3 is not installed; skipping"))
struct ExternalReaderTests {
    static let examples = ExternalAnalyzerTests.examples

    static func pipeline(script: String = "\(examples)/csv_articles.py") -> String {
        """
        version: 1
        reader:
          exec: { command: python3, args: ['\(script)'] }
        analyzers: [sentences]
        exporters:
          - json: { pretty: false }
        """
    }

    @Test("a CSV export becomes one document per row, mapped like JSON articles, with the program as the reader")
    func csvExport() async throws {
        let pipeline = try PipelineLoader.standard(environment: [:]).load(text: Self.pipeline(), file: "p.yaml")
        let result = await InMemoryRunner(registry: .standard).run(pipeline, inputs: [.file("\(Self.examples)/Exports/desk-export.csv")])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let documents = try result.documents()
        #expect(documents.map(\.id) == ["river-path", "school-meals", "empty-row"])
        #expect(documents[1].metadata.authors == ["Tomas Reyes", "Amara Osei"])
        #expect(documents[0].metadata.published == "2026-10-14")
        #expect(documents[0].reader?.component == "csv-articles")
        #expect(documents[0].annotations.sentences.count >= 3)
    }

    @Test("an input the program refuses fails alone with E728 and its message; the next input is read")
    func refusedInput() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-exec-in-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let bad = folder.appendingPathComponent("bad.csv")
        try Data("x,y\n1,2\n".utf8).write(to: bad)
        let pipeline = try PipelineLoader.standard(environment: [:]).load(text: Self.pipeline(), file: "p.yaml")
        let result = await InMemoryRunner(registry: .standard).run(
            pipeline, inputs: [.file(bad.path), .file("\(Self.examples)/Exports/desk-export.csv")])
        #expect(result.diagnostics.map(\.code) == ["E728"])
        #expect(result.diagnostics.first?.message.contains("not a newsroom export") == true)
        #expect(try result.documents().count == 3)
    }

    @Test("an analyzer program named as the reader is refused by its handshake (E723)")
    func wrongKind() async throws {
        let pipeline = try PipelineLoader.standard(environment: [:]).load(
            text: Self.pipeline(script: "\(Self.examples)/shouting.py"), file: "p.yaml")
        let result = await InMemoryRunner(registry: .standard).run(pipeline, inputs: [.data(name: "a.txt", Data("Some text.".utf8))])
        #expect(result.diagnostics.map(\.code) == ["E723"])
        #expect(result.diagnostics.first?.message.contains("says it is an 'analyzer', but the pipeline names it as a reader") == true)
    }

    @Test(
        "lint refuses what a reader program cannot be: layers it provides or requires, an analyzer's manifest",
        arguments: [
            ("command: python3, args: [x.py], provides: [x]", "E713"),
            ("command: python3, args: [x.py], requires: [sentences]", "E713"),
            ("manifest: '\(ExternalAnalyzerTests.examples)/shouting.dossier.json'", "E712"),
            ("command: python3, args: [x.py], extension: csv", "E715"),
        ])
    func lintErrors(entry: String, code: String) throws {
        let yaml = "version: 1\nexporters: [json]\nreader:\n  exec: { \(entry) }\n"
        let report = ExternalAnalyzerTests.lint(yaml)
        #expect(report.diagnostics.contains { $0.code == code }, "\(report.diagnostics)")
    }

    @Test("the example pipeline lints clean from the repository root")
    func examplePipeline() throws {
        let report = PipelineLoader.standard(environment: [:]).lint(path: "\(Self.examples)/csv-reader.pipeline.yaml")
        #expect(report.diagnostics.isEmpty, "\(report.render())")
    }
}
