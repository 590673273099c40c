import Dossier
import Foundation
import Testing

@Suite("extends: files laid over built-ins and other files")
struct ExtendsTests {
    @Test("extending 'default' keeps its analyzers and replaces an exporter's options key by key")
    func extendsDefault() throws {
        let loader = PipelineLoader(registry: .standard, builtins: DefaultPipeline.builtins, environment: [:])
        let pipeline = try loader.load(
            text: """
                version: 1
                name: mine
                extends: default
                exporters:
                  - json:
                      to: out/{id}.json
                """, file: "mine.yaml")
        #expect(pipeline.name == "mine")
        #expect(
            pipeline.analyzers.map(\.info.id) == ["sentences", "dates", "entities", "framing", "quotes", "sources", "claims", "metrics"])
        #expect(pipeline.exporters.map(\.info.id) == ["markdown", "json"])
        #expect(pipeline.exporters.map(\.target) == [.stdout, .path("out/{id}.json")])
        #expect(pipeline.files == ["<default>", "mine.yaml"])
    }

    @Test("'enabled: false' drops an inherited entry")
    func disables() throws {
        let loader = PipelineLoader(registry: .standard, builtins: DefaultPipeline.builtins, environment: [:])
        let pipeline = try loader.load(
            text: "version: 1\nextends: default\nexporters:\n  - markdown:\n      enabled: false\n  - json\n", file: "x.yaml")
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
        try "version: 1\nanalyzers:\n  - sentense\n".write(
            to: folder.appendingPathComponent("base.yaml"), atomically: true, encoding: .utf8)
        try "version: 1\nextends: base.yaml\n".write(to: folder.appendingPathComponent("child.yaml"), atomically: true, encoding: .utf8)
        let report = PipelineLoader(registry: .standard, environment: [:]).lint(path: folder.appendingPathComponent("child.yaml").path)
        let d = try #require(report.diagnostics.first { $0.code == "E211" })
        #expect(d.location?.file.hasSuffix("base.yaml") == true)
        #expect(d.location?.line == 3)
        #expect(report.render().contains("3 |   - sentense"))
    }

    // MARK: - What 'extends' may read, and what lint shows of it

    /// A folder holding `pipelines/` (where the extending pipeline lives) and, beside it, files
    /// that must stay out of reach: a pipeline, a key and a mapping that is not a pipeline.
    struct Layout {
        let root: URL
        var pipelines: URL { root.appendingPathComponent("pipelines") }
        static let secret = "SECRET-KEY-MATERIAL-0123456789"

        init() throws {
            root = try temporaryFolder()
            try FileManager.default.createDirectory(at: root.appendingPathComponent("pipelines/sub"), withIntermediateDirectories: true)
            try "version: 1\nname: outside\n".write(to: root.appendingPathComponent("outside.yaml"), atomically: true, encoding: .utf8)
            try "-----BEGIN PRIVATE KEY-----\n\(Self.secret)\n-----END PRIVATE KEY-----\n"
                .write(to: root.appendingPathComponent("key.pem"), atomically: true, encoding: .utf8)
            try "version: 1\nname: inside\n".write(to: pipelines.appendingPathComponent("sub/base.yaml"), atomically: true, encoding: .utf8)
            try "-----BEGIN PRIVATE KEY-----\n\(Self.secret)\n-----END PRIVATE KEY-----\n"
                .write(to: pipelines.appendingPathComponent("key.pem"), atomically: true, encoding: .utf8)
            try "password: \(Self.secret)\nreader: \(Self.secret)\nanalyzers: [\(Self.secret)]\n"
                .write(to: pipelines.appendingPathComponent("settings.yaml"), atomically: true, encoding: .utf8)
            try "root:\(Self.secret):19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n"
                .write(to: pipelines.appendingPathComponent("shadow"), atomically: true, encoding: .utf8)
            try "key: [\(Self.secret)\nother: x\n".write(
                to: pipelines.appendingPathComponent("broken.txt"), atomically: true, encoding: .utf8)
            try FileManager.default.createSymbolicLink(
                atPath: pipelines.appendingPathComponent("link.yaml").path,
                withDestinationPath: root.appendingPathComponent("outside.yaml").path)
            try FileManager.default.createSymbolicLink(
                atPath: pipelines.appendingPathComponent("escape").path, withDestinationPath: root.path)
        }

        /// Lints `pipelines/p.yaml` holding `extends: target`.
        func lint(_ target: String, allowOutside: Bool = false) throws -> LintReport {
            let file = pipelines.appendingPathComponent("p.yaml")
            try "version: 1\nextends: \(target)\n".write(to: file, atomically: true, encoding: .utf8)
            let loader = PipelineLoader(
                registry: .standard, builtins: DefaultPipeline.builtins, environment: [:], allowsExtendsOutsideFolder: allowOutside)
            return loader.lint(path: file.path)
        }
    }

    struct ExtendsCase: Sendable, CustomTestStringConvertible {
        var target: String
        var allowOutside = false
        /// The code expected, or nil when the pipeline loads.
        var code: String?
        var message = ""
        var testDescription: String { "extends: \(target)\(allowOutside ? " (outside allowed)" : "")" }
    }

    static let extendsCases: [ExtendsCase] = [
        ExtendsCase(target: "sub/base.yaml", code: nil),
        ExtendsCase(target: "sub/../sub/base.yaml", code: nil),
        ExtendsCase(target: "default", code: nil),
        ExtendsCase(
            target: "../outside.yaml", code: "E207",
            message:
                "cannot extend '../outside.yaml': it is outside the folder of the pipeline that extends it; move it into that folder, or pass '--allow-extends-outside' to allow it"
        ),
        ExtendsCase(target: "../outside.yaml", allowOutside: true, code: nil),
        ExtendsCase(target: "sub/../../outside.yaml", code: "E207", message: "is outside the folder"),
        ExtendsCase(target: "link.yaml", code: "E207", message: "cannot extend 'link.yaml': it is outside the folder"),
        ExtendsCase(target: "escape/outside.yaml", code: "E207", message: "is outside the folder"),
        ExtendsCase(target: "/etc/passwd", code: "E207", message: "cannot extend '/etc/passwd': it is outside the folder"),
        ExtendsCase(target: "../nothing-here.yaml", code: "E207", message: "is outside the folder"),
        ExtendsCase(target: "key.pem", code: "E206", message: "cannot extend"),
        ExtendsCase(
            target: "../key.pem", allowOutside: true, code: "E206",
            message: "it is not a pipeline file (a YAML mapping with a 'version' key)"),
        ExtendsCase(target: "settings.yaml", code: "E206", message: "it is not a pipeline file"),
        ExtendsCase(target: "shadow", code: "E206", message: "it is not a pipeline file"),
        ExtendsCase(target: "sub", code: "E206", message: "cannot extend 'sub': it is not a regular file"),
        ExtendsCase(target: "missing.yaml", code: "E204", message: "cannot extend 'missing.yaml': no such file"),
    ]

    @Test("'extends' reaches only pipeline files below the extending pipeline's folder, unless allowed", arguments: extendsCases)
    func extendsIsConfined(_ c: ExtendsCase) throws {
        let layout = try Layout()
        defer { try? FileManager.default.removeItem(at: layout.root) }
        let report = try layout.lint(c.target, allowOutside: c.allowOutside)
        guard let code = c.code else {
            #expect(!report.hasErrors, "\(report.render())")
            return
        }
        #expect(report.diagnostics.map(\.code) == [code], "\(report.render())")
        let d = try #require(report.diagnostics.first)
        #expect(d.location?.line == 2)
        #expect(d.location?.column == 10)
        #expect(d.location?.file.hasSuffix("p.yaml") == true)
        #expect(d.message.contains(c.message), "\(d.message)")
        let rendered = report.render()
        #expect(!rendered.contains(Layout.secret), "\(rendered)")
        #expect(rendered.contains("2 | extends: \(c.target)"), "the extending pipeline's own line is shown")
    }

    @Test(
        "lint of a file that is not a pipeline reports problems without showing any of its lines",
        arguments: ["key.pem", "settings.yaml", "shadow", "broken.txt"])
    func noExcerptFromNonPipeline(_ name: String) throws {
        let layout = try Layout()
        defer { try? FileManager.default.removeItem(at: layout.root) }
        let path = layout.pipelines.appendingPathComponent(name).path
        let report = PipelineLoader(registry: .standard, environment: [:]).lint(path: path)
        #expect(report.sources[path] == nil)
        let rendered = report.render()
        #expect(!rendered.contains(" | "), "\(rendered)")
        #expect(!rendered.contains("^"), "\(rendered)")
    }

    @Test("lint of a pipeline with a syntax error still shows its lines")
    func excerptFromBrokenPipeline() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("p.yaml")
        try "version: 1\nanalyzers:\n  - sentences\n  - [oops\nname: x\n".write(to: file, atomically: true, encoding: .utf8)
        let report = PipelineLoader(registry: .standard, environment: [:]).lint(path: file.path)
        #expect(report.diagnostics.map(\.code).contains("E001"))
        #expect(report.render().contains("5 | name: x"), "\(report.render())")
    }

    @Test("a file extended through '${NAME}' is named as written, in diagnostics and in the file list")
    func extendsThroughVariable() throws {
        let layout = try Layout()
        defer { try? FileManager.default.removeItem(at: layout.root) }
        try "version: 1\nanalyzers:\n  - sentense\n".write(
            to: layout.pipelines.appendingPathComponent("sub/bad.yaml"), atomically: true, encoding: .utf8)
        let file = layout.pipelines.appendingPathComponent("p.yaml")
        try "version: 1\nextends: ${BASE}\n".write(to: file, atomically: true, encoding: .utf8)
        let good = PipelineLoader(registry: .standard, environment: ["BASE": "sub/base.yaml"])
        let pipeline = try good.load(path: file.path)
        #expect(pipeline.files == ["${BASE}", file.path])
        #expect(pipeline.name == "inside")
        let report = PipelineLoader(registry: .standard, environment: ["BASE": "sub/bad.yaml"]).lint(path: file.path)
        let d = try #require(report.diagnostics.first { $0.code == "E211" })
        #expect(d.location?.description == "${BASE}:3:5")
        #expect(!report.render().contains("sub/bad.yaml"))
        #expect(report.render().contains("3 |   - sentense"))
    }
}
