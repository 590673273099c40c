import Dossier
import Foundation
import Testing

@Suite("extends: files laid over built-ins and other files")
struct ExtendsTests {
    @Test("extending 'default' keeps its analyzers and replaces an exporter's options key by key")
    func extendsDefault() throws {
        let loader = PipelineLoader(registry: .standard, builtins: DefaultPipeline.builtins, environment: [:])
        let pipeline = try loader.load(text: """
            version: 1
            name: mine
            extends: default
            exporters:
              - json:
                  to: out/{id}.json
            """, file: "mine.yaml")
        #expect(pipeline.name == "mine")
        #expect(pipeline.analyzers.map(\.info.id) == ["sentences"])
        #expect(pipeline.exporters.map(\.info.id) == ["markdown", "json"])
        #expect(pipeline.exporters.map(\.target) == [.stdout, .path("out/{id}.json")])
        #expect(pipeline.files == ["<default>", "mine.yaml"])
    }

    @Test("'enabled: false' drops an inherited entry")
    func disables() throws {
        let loader = PipelineLoader(registry: .standard, builtins: DefaultPipeline.builtins, environment: [:])
        let pipeline = try loader.load(text: "version: 1\nextends: default\nexporters:\n  - markdown:\n      enabled: false\n  - json\n", file: "x.yaml")
        #expect(pipeline.exporters.map(\.info.id) == ["json"])
    }

    @Test("a cycle of extends is reported with the chain")
    func cycle() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "version: 1\nextends: b.yaml\n".write(to: folder.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
        try "version: 1\nextends: a.yaml\n".write(to: folder.appendingPathComponent("b.yaml"), atomically: true, encoding: .utf8)
        let report = PipelineLoader(registry: .standard, environment: [:]).lint(path: folder.appendingPathComponent("a.yaml").path)
        let cycle = try #require(report.diagnostics.first { $0.code == "E205" })
        #expect(cycle.message.contains("'a.yaml' extends 'b.yaml' extends 'a.yaml'"), "\(cycle.message)")
        #expect(cycle.location?.line == 2)
    }

    @Test("errors in an extended file point into that file")
    func errorsInParent() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "version: 1\nanalyzers:\n  - sentense\n".write(to: folder.appendingPathComponent("base.yaml"), atomically: true, encoding: .utf8)
        try "version: 1\nextends: base.yaml\n".write(to: folder.appendingPathComponent("child.yaml"), atomically: true, encoding: .utf8)
        let report = PipelineLoader(registry: .standard, environment: [:]).lint(path: folder.appendingPathComponent("child.yaml").path)
        let d = try #require(report.diagnostics.first { $0.code == "E211" })
        #expect(d.location?.file.hasSuffix("base.yaml") == true)
        #expect(d.location?.line == 3)
        #expect(report.render().contains("3 |   - sentense"))
    }
}
