import Dossier
import DossierTesting
import Foundation
import Testing

/// An analyzer that breaks every rule the runner enforces, to show the conformance check catches each.
struct UnrulyAnalyzer: Analyzer {
    static let id = "Unruly"
    static let summary = "Breaks the rules"
    static let provides: Set<LayerID> = [.sentences]
    init(options: NoOptions) {}
    func analyze(_ document: Document, context: AnalysisContext) throws -> Annotations {
        var a = Annotations()
        a.sentences = [Sentence(range: TextRange(start: 0, end: document.length + 1))]
        a.metrics = [Metric(name: "random", value: Double.random(in: 0..<1))]
        a.quotes = [Quote(range: TextRange(start: 0, end: 0), kind: .direct, speaker: "e404")]
        return a
    }
}

/// An exporter whose sink fails and whose rendering changes each time.
struct UnrulyExporter: Exporter {
    struct Sink: ExportSink {
        mutating func write(_ rendered: Data, for document: Document) throws { throw ComponentError("the disk said no") }
    }
    static let id = "unruly-export"
    static let summary = "Breaks the rules"
    static let fileExtension = ".txt"
    init(options: NoOptions) {}
    func export(_ document: Document, context: ExportContext) throws -> Data { Data(UUID().uuidString.utf8) }
    func makeSink(for output: any ExportOutput, context: ExportContext) throws -> any ExportSink { Sink() }
}

@Suite("DossierTesting: the harness third-party authors test with")
struct TestingHarnessTests {
    @Test("the analyzer check names every rule a broken analyzer breaks")
    func analyzerCheckCatches() async {
        let problems = await AnalyzerConformance.check(UnrulyAnalyzer.self, documents: [Document(id: "a", text: "Some text.")])
        let checks = Set(problems.map(\.check))
        #expect(checks.isSuperset(of: ["id", "layers", "ranges", "references", "determinism"]), "\(problems)")
    }

    @Test("the exporter check names every rule a broken exporter breaks")
    func exporterCheckCatches() {
        let problems = ExporterConformance.check(UnrulyExporter.self, documents: [Document(id: "a", text: "Some text.")])
        let checks = Set(problems.map(\.check))
        #expect(checks == ["extension", "determinism", "sink"], "\(problems)")
        #expect(problems.filter { $0.check == "sink" }.count == 3, "one per kind of output")
    }

    @Test("the in-memory runner runs a YAML pipeline on texts and reads the json output back")
    func inMemoryRunner() async throws {
        var registry = Registry.standard
        try registry.register(analyzer: NameAnalyzer.self)
        let run = try await InMemoryRunner(registry: registry).run(
            "version: 1\nreader: auto\nanalyzers: [sentences, names]\nexporters: [json]\n",
            inputs: [("one.txt", "Ada met Bo.\n"), ("two.md", "Cy met *Di* today.\n")])
        #expect(run.summary.succeeded == 2, "\(run.diagnostics)")
        let documents = try run.documents()
        #expect(documents.map(\.id) == ["one", "two"])
        #expect(documents.map { $0.annotations.entities.map(\.name) } == [["Ada", "Bo."], ["Cy", "Di"]])
    }

    @Test("the in-memory runner hands back the lint report of a broken pipeline")
    func inMemoryRunnerLint() async {
        await #expect(throws: LintReport.self) {
            _ = try await InMemoryRunner(registry: .standard).run("version: 1\nexporters: [jsn]\n", inputs: [])
        }
    }
}
