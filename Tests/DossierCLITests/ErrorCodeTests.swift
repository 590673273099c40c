import Dossier
import DossierCLI
import Foundation
import Testing

/// Stands for an analyzer that loads a model in `init`: it records each creation by its token.
struct RecordingAnalyzer: Analyzer {
    struct Options: ComponentOptions {
        var token = ""
        var level = 1
        init() {}
    }
    static let id = "recording"
    static let summary = "Records that it was created"
    static let provides: Set<LayerID> = ["recorded"]
    nonisolated(unsafe) static var created: Set<String> = []
    static let lock = NSLock()
    static func validate(_ options: Options) throws {
        if options.level < 1 { throw ComponentError("'level' must be 1 or more, not '\(options.level)'", option: "level") }
    }
    init(options: Options) {
        Self.lock.withLock { _ = Self.created.insert(options.token) }
    }
    func analyze(_ document: Document, context: AnalysisContext) throws -> Annotations { Annotations() }
}

@Suite("The command line: codes on every error; lint and plan create no component")
struct ErrorCodeTests {
    @Test(
        "every error the command line prints has a code",
        arguments: [
            (["list", "nope"], "error[E505]: unknown component 'nope'"),
            (["run", "--reader", "nope", "x.txt"], "error[E505]: unknown reader 'nope' for '--reader'"),
            (["--bogus"], "error[E505]: Unknown option '--bogus'"),
            (["run", "-j", "0", "x.txt"], "error[E505]: '--jobs' must be between 1 and 1024, got '0'"),
        ])
    func codes(_ arguments: [String], _ expected: String) async {
        let console = Console()
        let status = await console.run(arguments)
        #expect(status == 64)
        #expect(console.stderr.hasPrefix(expected), "\(console.stderr)")
        #expect(!console.stderr.contains("\nerror:") && !console.stderr.hasPrefix("error:") && !console.stderr.contains("Error:"))
    }

    @Test("'init' over an existing file is E506")
    func initExisting() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-codes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("p.yaml").path
        try "x".write(toFile: path, atomically: true, encoding: .utf8)
        let console = Console()
        #expect(await console.run(["init", path]) != 0)
        #expect(console.stderr.hasPrefix("error[E506]: '\(path)' already exists"), "\(console.stderr)")
    }

    @Test("'lint' and 'plan' check options without creating a component; 'run' creates it")
    func lintAndPlanCreateNothing() async throws {
        var registry = Registry.standard
        try registry.register(analyzer: RecordingAnalyzer.self)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-codes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let token = UUID().uuidString
        let pipeline = dir.appendingPathComponent("p.yaml").path
        try "version: 1\nanalyzers:\n  - recording: { token: '\(token)' }\nexporters:\n  - json: { to: stdout }\n"
            .write(toFile: pipeline, atomically: true, encoding: .utf8)
        let console = Console()
        var context = console.context()
        context.registry = registry
        #expect(await DossierCommand.execute(["lint", pipeline], context: context) == 0, "\(console.stderr)")
        #expect(await DossierCommand.execute(["plan", "-p", pipeline], context: context) == 0, "\(console.stderr)")
        #expect(RecordingAnalyzer.lock.withLock { !RecordingAnalyzer.created.contains(token) })
        let article = dir.appendingPathComponent("a.txt").path
        try "Title\n\nText.\n".write(toFile: article, atomically: true, encoding: .utf8)
        #expect(await DossierCommand.execute(["run", "-p", pipeline, article], context: context) == 0, "\(console.stderr)")
        #expect(RecordingAnalyzer.lock.withLock { RecordingAnalyzer.created.contains(token) })

        // A bad value is still found by 'lint', at the value, without creating anything.
        try "version: 1\nanalyzers:\n  - recording: { token: '\(token)-2', level: 0 }\n".write(
            toFile: pipeline, atomically: true,
            encoding: .utf8)
        #expect(await DossierCommand.execute(["lint", pipeline], context: context) == 2)
        #expect(
            console.stderr.contains("p.yaml:3:\(36 + token.count + 2): error[E240]: analyzer 'recording': 'level' must be 1 or more"),
            "\(console.stderr)")
        #expect(RecordingAnalyzer.lock.withLock { !RecordingAnalyzer.created.contains(token + "-2") })
    }

    @Test("'plan' shows a named instance with its type")
    func planShowsNames() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-codes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let pipeline = dir.appendingPathComponent("p.yaml").path
        try "version: 1\nexporters:\n  - json: { to: 'out/{exporter}/{id}.json' }\n  - json: { as: compact, pretty: false, to: stdout }\n"
            .write(toFile: pipeline, atomically: true, encoding: .utf8)
        let console = Console()
        #expect(await console.run(["plan", "-p", pipeline]) == 0, "\(console.stderr)")
        #expect(console.stdout.contains("  json → 'out/json/{id}.json', one file per article\n"), "\(console.stdout)")
        #expect(console.stdout.contains("  compact (json) → standard output\n"), "\(console.stdout)")
    }
}
