import Foundation
import Testing

/// `lint --diagnostics-format gcc` (what the build-tool plugin prints for editors) and
/// `lint --swift-output` (what it embeds).
@Suite("lint for build tools: one-line diagnostics and embedded pipelines")
struct LintOutputTests {
    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-lint-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func write(_ text: String, _ name: String, in dir: URL) throws -> String {
        let path = dir.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("gcc format prints each problem on one 'file:line:col: error: message [CODE]' line, without excerpts")
    func gccLines() async throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try write(
            "version: 1\nanalyzers:\n  - setences\nexporters:\n  - json:\n      pretty: maybe\n", "bad.dossier.yaml", in: dir)
        let console = Console()
        let status = await console.run(["lint", "--diagnostics-format", "gcc", path])
        #expect(status == 2)
        #expect(
            console.stderr == """
                \(path):3:5: error: unknown analyzer 'setences' (did you mean 'sentences'?) [E211]
                \(path):6:15: error: exporter 'json': expected a boolean (true or false) for 'pretty', found 'maybe' [E101]

                """)
        #expect(console.stdout == "\(path): 2 errors\n")
    }

    @Test("the default format keeps the source line and caret")
    func dossierFormat() async throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try write("version: 1\nanalyzers:\n  - setences\n", "bad.yaml", in: dir)
        let console = Console()
        _ = await console.run(["lint", path])
        #expect(console.stderr.hasPrefix("\(path):3:5: error[E211]: unknown analyzer 'setences'"))
        #expect(console.stderr.contains("  - setences\n"))
    }

    @Test("--swift-output embeds each clean file by name in raw literals that no quote or hash in it can end")
    func embeds() async throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let hashy = "version: 1\ndescription: 'a \"## and a \\\\#( in it'\nanalyzers: [sentences]\nexporters: [json]\n"
        let brief = try write("version: 1\nextends: default\n", "brief.dossier.yaml", in: dir)
        let other = try write(hashy, "odd.pipeline.yaml", in: dir)
        let output = dir.appendingPathComponent("DossierPipelines.swift").path
        let console = Console()
        let status = await console.run(["lint", "--swift-output", output, brief, other])
        #expect(status == 0, "\(console.stderr)")
        let source = try String(contentsOfFile: output, encoding: .utf8)
        #expect(source.contains("enum DossierPipelines {"))
        #expect(source.contains("\"brief\": #\"\"\"\nversion: 1\nextends: default\n\n\"\"\"#,"))
        // Two hashes follow a quote in the text, so three close the literal.
        #expect(source.contains("\"odd\": ###\"\"\"\n\(hashy)\n\"\"\"###,"))
    }

    @Test("--swift-output writes nothing when a file has errors, and refuses two files of one name (E510)")
    func refuses() async throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let output = dir.appendingPathComponent("out.swift").path
        let bad = try write("version: 1\nanalyzers: [setences]\n", "bad.dossier.yaml", in: dir)
        let console = Console()
        #expect(await console.run(["lint", "--swift-output", output, bad]) == 2)
        #expect(!FileManager.default.fileExists(atPath: output))

        try FileManager.default.createDirectory(at: dir.appendingPathComponent("b"), withIntermediateDirectories: true)
        let one = try write("version: 1\nextends: default\n", "same.dossier.yaml", in: dir)
        let two = try write("version: 1\nextends: default\n", "b/same.yaml", in: dir)
        let clash = Console()
        #expect(await clash.run(["lint", "--swift-output", output, one, two]) == 64)
        #expect(clash.stderr.hasPrefix("error[E510]: '\(two)' and '\(one)' both embed as 'same'"), "\(clash.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output))
    }
}
