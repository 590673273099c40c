import Dossier
import Foundation
import Testing

@Suite("Named instances: one component twice under two names")
struct NamedInstanceTests {
    let loader = PipelineLoader(registry: .standard, builtins: DefaultPipeline.builtins, environment: [:])

    func diagnostics(_ yaml: String, file: String = "p.yaml") -> [Diagnostic] {
        do {
            _ = try loader.check(text: yaml, file: file)
            return []
        } catch {
            return error.diagnostics
        }
    }

    @Test("'json' pretty to files and 'json' compact to standard output, in one run")
    func twoJSONs() async throws {
        let yaml = """
            version: 1
            reader: text
            exporters:
              - json: { to: '{exporter}/{id}.json' }
              - json: { as: compact, pretty: false, to: stdout }
            """
        let pipeline = try loader.load(text: yaml, file: "p.yaml")
        #expect(pipeline.exporters.map(\.name) == ["json", "compact"])
        #expect(pipeline.exporters.map(\.info.id) == ["json", "json"])
        #expect(pipeline.exporters[0].target == .path("json/{id}.json"))
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let capture = OutputCapture()
        let summary = await Runner(pipeline: pipeline, outputDirectory: folder.path, standardOutput: capture.append)
            .run([.data(name: "story.txt", Data("A title\n\nSome text here.\n".utf8))])
        #expect(summary.failed == 0)
        let file = try String(contentsOf: folder.appendingPathComponent("json/story.json"), encoding: .utf8)
        #expect(file.contains("\n  \""), "the file is pretty-printed")
        #expect(capture.text.split(separator: "\n").count == 1, "standard output gets one compact line: \(capture.text)")
    }

    @Test("a name used twice is E214 at the second, with a note pointing at the first")
    func duplicateName() throws {
        let d = diagnostics("version: 1\nexporters:\n  - json\n  - markdown: { as: json }\n")
        let e = try #require(d.first { $0.code == "E214" })
        #expect(e.location?.line == 4)
        #expect(e.location?.column == 21)
        #expect(e.message == "exporter name 'json' is used twice in this list; give this one another name with 'as:'")
        #expect(e.notes == [Diagnostic.Note("first used here", at: SourceLocation(file: "p.yaml", line: 3, column: 5))])
        let rendered = LintReport(
            diagnostics: [e],
            sources: ["p.yaml": "version: 1\nexporters:\n  - json\n  - markdown: { as: json }\n"]
        ).render()
        #expect(rendered.contains("= note: p.yaml:3:5: first used here\n  |\n3 |   - json\n  |     ^~~~"), "\(rendered)")
    }

    @Test(
        "an instance name must be kebab-case, and a reader takes none",
        arguments: [
            (
                "exporters:\n  - json: { as: Compact }",
                "instance name 'Compact' must be lowercase kebab-case like a component id, such as 'compact'"
            ),
            ("exporters:\n  - json: { as: [a] }", "'as' must be a name such as 'json-compact', found a list"),
            ("reader:\n  text: { as: mine }", "a pipeline has one reader, so it takes no 'as:' name"),
            (
                "exporters:\n  - json\n  - json: { as: 'JSON Compact' }",
                "instance name 'JSON Compact' must be lowercase kebab-case like a component id, such as 'json-compact'"
            ),
        ])
    func badName(_ body: String, _ message: String) throws {
        let d = diagnostics("version: 1\n" + body + "\n")
        let e = try #require(d.first { $0.code == "E215" }, "\(d.map(\.description))")
        #expect(e.message.hasPrefix(message))
        #expect(d.count == 1, "one mistake, one error: \(d.map(\.description))")
    }

    @Test("'extends' merges by name: a child overrides or disables one named instance")
    func extendsByName() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let base = "version: 1\nexporters:\n  - json: { to: 'out/{id}.json' }\n  - json: { as: compact, pretty: false, to: stdout }\n"
        try base.write(to: folder.appendingPathComponent("base.yaml"), atomically: true, encoding: .utf8)
        let override = "version: 1\nextends: base.yaml\nexporters:\n  - json: { as: compact, includeText: false }\n"
        let p1 = try loader.load(text: override, file: folder.appendingPathComponent("child.yaml").path)
        #expect(p1.exporters.map(\.name) == ["json", "compact"])
        #expect(p1.exporters[1].target == .stdout, "the inherited 'to' is kept")
        let disable = "version: 1\nextends: base.yaml\nexporters:\n  - json: { as: compact, enabled: false }\n"
        let p2 = try loader.load(text: disable, file: folder.appendingPathComponent("child2.yaml").path)
        #expect(p2.exporters.map(\.name) == ["json"])
        #expect(p2.exporters[0].target == .path("out/{id}.json"))
    }

    @Test("the plan names an analyzer instance and its type when they differ")
    func planShowsNames() throws {
        let yaml =
            "version: 1\nanalyzers:\n  - sentences\n  - sentences: { as: sentences-strict, extraAbbreviations: [Approx] }\n"
            + "exporters:\n  - json\n"
        let checked = try loader.check(text: yaml, file: "p.yaml")
        #expect(checked.analyzers.map(\.name) == ["sentences", "sentences-strict"])
        #expect(checked.plan.description.contains("  sentences-strict (sentences): needs no layer"), "\(checked.plan)")
    }

    @Test("two instances writing 'out/{exporter}.txt' do not collide; two writing one path do, naming both")
    func collisionsByName() throws {
        let apart = "version: 1\nexporters:\n  - json: { to: 'out/{exporter}.txt' }\n  - json: { as: b, to: 'out/{exporter}.txt' }\n"
        #expect(diagnostics(apart).isEmpty)
        let d = diagnostics("version: 1\nexporters:\n  - json: { to: out.txt }\n  - json: { as: b, to: out.txt }\n")
        #expect(d.first?.message == "exporters 'json' and 'b' both write to 'out.txt'; give each its own path")
        #expect(d.first?.notes.first?.location?.line == 3)
    }

    @Test("a pipeline built in Swift with one name twice is refused (E214); names default to ids")
    func swiftPipelineNames() throws {
        let info = try #require(Registry.standard.exporters["json"]?.info)
        let a = Pipeline.ExporterStep(info: info, exporter: JSONExporter(), target: .stdout)
        #expect(a.name == "json")
        let reader = Pipeline.ReaderChoice.auto([])
        #expect(throws: LintReport.self) { try Pipeline(name: "p", reader: reader, analyzers: [], exporters: [a, a]) }
        var b = a
        b.name = "compact"
        #expect(try Pipeline(name: "p", reader: reader, analyzers: [], exporters: [a, b]).exporters.map(\.name) == ["json", "compact"])
    }
}
