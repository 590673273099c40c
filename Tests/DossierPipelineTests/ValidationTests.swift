import DossierCore
import Foundation
import Testing

@testable import DossierPipeline

@Suite("Validation apart from construction: lint and plan create nothing")
struct ValidationTests {
    let loader: PipelineLoader

    init() throws {
        loader = PipelineLoader(registry: try validationRegistry(), environment: [:])
    }

    func diagnostics(_ yaml: String) -> [Diagnostic] {
        do {
            _ = try loader.check(text: yaml, file: "p.yaml")
            return []
        } catch {
            return error.diagnostics
        }
    }

    @Test("checking a pipeline never creates a component; loading it to run creates each once")
    func checkCreatesNothing() throws {
        let token = UUID().uuidString
        let yaml = "version: 1\nreader: raw\nanalyzers:\n  - model: { token: '\(token)', threshold: 3 }\nexporters:\n  - summary\n"
        let checked = try loader.check(text: yaml, file: "p.yaml")
        #expect(checked.analyzers.map(\.name) == ["model"])
        _ = loader.lint(path: "/nonexistent/p.yaml")
        #expect(Construction.count(token) == 0)
        let pipeline = try checked.build()
        #expect(pipeline.analyzers.count == 1)
        #expect(Construction.count(token) == 1)
    }

    @Test("a validate error is reported at the value, underlining all of it, without creating the component")
    func validateErrorAtValue() throws {
        let token = UUID().uuidString
        let d = diagnostics("version: 1\nanalyzers:\n  - model: { token: '\(token)', threshold: 1234 }\n")
        let e = try #require(d.first { $0.code == "E240" })
        #expect(e.location == SourceLocation(file: "p.yaml", line: 3, column: 36 + token.count))
        #expect(e.end?.column == (e.location?.column ?? 0) + 4)
        #expect(e.message == "analyzer 'model': 'threshold' must be from 1 to 10, not '1234'")
        #expect(Construction.count(token) == 0)
    }

    @Test("every bad value of one component is reported, decoding and validation alike")
    func everyBadValue() {
        let d = diagnostics("version: 1\nanalyzers:\n  - model:\n      token: [1]\n      threshold: 0\n      labels: [a, '']\n")
        #expect(d.map(\.code) == ["E101", "E240", "E240"], "\(d.map(\.description))")
        #expect(d.map { $0.location?.line } == [4, 5, 6])
        // The empty label itself, not the list, is what the caret points at.
        #expect(d.last?.location?.column == 19)
    }

    @Test("a did-you-mean from validate points at the bad item of a list")
    func columnSuggestion() throws {
        let d = diagnostics("version: 1\nexporters:\n  - columns: { columns: [id, titel] }\n")
        let e = try #require(d.first)
        #expect(e.message == "exporter 'columns': unknown column 'titel' (did you mean 'title'?)")
        #expect(e.location?.column == 30)
        #expect(e.end?.column == 35)
    }

    @Test("a component whose init fails is reported when the pipeline is loaded to run, at the option it names")
    func initFailureAtBuild() throws {
        let token = UUID().uuidString
        let yaml = "version: 1\nanalyzers:\n  - model:\n      token: '\(token)'\n      failInit: true\nexporters:\n  - summary\n"
        let checked = try loader.check(text: yaml, file: "p.yaml")
        #expect(throws: LintReport.self) { try checked.build() }
        do {
            _ = try checked.build()
        } catch {
            let d = try #require(error.diagnostics.first)
            #expect(d.code == "E240")
            #expect(d.location?.line == 5)
            #expect(d.message == "analyzer 'model': the model file is missing")
        }
    }

    @Test("'auto' creates a reader the first time an input needs it, once, however many inputs run at once")
    func autoIsLazy() async throws {
        let pipeline = try loader.load(text: "version: 1\nexporters:\n  - summary\n", file: "p.yaml")
        guard case .auto(let steps) = pipeline.reader else {
            Issue.record("expected auto")
            return
        }
        #expect(steps.allSatisfy { !$0.isCreated })
        let raw = (1...8).map { InputSource.data(name: "a\($0).raw", Data("text".utf8)) }
        var summary = await Runner(pipeline: pipeline, jobs: 4, standardOutput: { _ in }).run(raw)
        #expect(summary.succeeded == 8)
        #expect(Construction.count("costly-reader") == 0)
        #expect(steps.first { $0.info.id == "costly" }?.isCreated == false)
        let costly = (1...8).map { InputSource.data(name: "c\($0).costly", Data("text".utf8)) }
        summary = await Runner(pipeline: pipeline, jobs: 4, standardOutput: { _ in }).run(costly)
        #expect(summary.succeeded == 8)
        #expect(Construction.count("costly-reader") == 1)
    }

    @Test("a reader whose creation fails fails the inputs that need it, with its message")
    func lazyReaderFailure() async throws {
        struct Failing: Error, CustomStringConvertible { var description: String { "no model" } }
        let info = try #require(loader.registry.readers["raw"]?.info)
        let step = Pipeline.ReaderStep(info: info, readsLines: false, sniff: { _ in false }, make: { throw Failing() })
        let exporter = Pipeline.ExporterStep(
            info: try #require(loader.registry.exporters["summary"]?.info),
            exporter: try SummaryExporter(), target: .stdout)
        let pipeline = try Pipeline(name: "p", reader: .fixed(step), analyzers: [], exporters: [exporter])
        let summary = await Runner(pipeline: pipeline, standardOutput: { _ in }).run([.data(name: "x.raw", Data("x".utf8))])
        #expect(summary.failed == 1)
        #expect(summary.diagnostics.first?.message == "no model")
        #expect(summary.diagnostics.first?.code == "E403")
    }
}
