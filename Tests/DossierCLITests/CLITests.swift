import Dossier
import DossierCLI
import DossierTestSupport
import Foundation
import Testing

/// Runs `dossier` in-process with captured output.
final class Console: @unchecked Sendable {
    private let lock = NSLock()
    private var out = Data()
    private var err = ""

    var stdout: String { lock.withLock { String(decoding: out, as: UTF8.self) } }
    var stderr: String { lock.withLock { err } }

    func context(environment: [String: String] = [:]) -> CommandContext {
        var context = CommandContext(registry: .standard, environment: environment)
        context.standardOutput = { data in self.lock.withLock { self.out.append(data) } }
        context.standardError = { text in self.lock.withLock { self.err += text } }
        context.errorIsTerminal = false
        return context
    }

    func run(_ arguments: [String], environment: [String: String] = [:]) async -> Int32 {
        await DossierCommand.execute(arguments, context: context(environment: environment))
    }
}

@Suite("The dossier command line")
struct CLITests {
    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func article(in folder: URL, name: String = "story.txt") throws -> String {
        let path = folder.appendingPathComponent(name).path
        try Fixtures.text("harbour-bridge.txt").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("'run' with the default pipeline prints a Markdown brief and a summary")
    func runDefault() async throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let console = Console()
        let status = await console.run(["run", try article(in: dir)])
        #expect(status == 0, "\(console.stderr)")
        #expect(console.stdout.hasPrefix("# "))
        #expect(console.stderr.contains("1 article: 1 done, 0 failed"))
    }

    @Test("'bench' prints the median pass with its CPU time, and the best pass no slower than it")
    func benchFigures() async throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let pipeline = dir.appendingPathComponent("p.yaml").path
        try "version: 1\nreader: text\nanalyzers: [sentences]\n".write(toFile: pipeline, atomically: true, encoding: .utf8)
        let console = Console()
        let status = await console.run(["bench", "-j", "1", "--passes", "3", "--copies", "50", "-p", pipeline, try article(in: dir)])
        #expect(status == 0, "\(console.stderr)")
        let out = console.stdout
        let pass = try #require(out.firstMatch(of: /median of 3 passes: ([0-9.]+) s \(CPU ([0-9.]+) s\), best ([0-9.]+) s/))
        let (median, cpu, best) = (Double(pass.1)!, Double(pass.2)!, Double(pass.3)!)
        #expect(best <= median)
        #expect(cpu > 0)
        let rates = try #require(out.firstMatch(of: /throughput: ([0-9.]+) MB\/s, [0-9]+ articles\/s; best pass ([0-9.]+) MB\/s/))
        #expect(Double(rates.2)! >= Double(rates.1)!)
    }

    @Test("a pipeline writing JSON produces a file that reads back as the same document")
    func runJSON() async throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let pipeline = dir.appendingPathComponent("p.yaml").path
        try "version: 1\nanalyzers: [sentences]\nexporters:\n  - json:\n      to: \(dir.path)/out/{id}.json\n".write(
            toFile: pipeline, atomically: true, encoding: .utf8)
        let console = Console()
        let status = await console.run(["run", "-q", "-p", pipeline, try article(in: dir)])
        #expect(status == 0, "\(console.stderr)")
        let data = try Data(contentsOf: dir.appendingPathComponent("out/story.json"))
        let document = try Document(jsonData: data)
        #expect(document.id == "story")
        #expect(!document.annotations.sentences.isEmpty)
        #expect(console.stderr.isEmpty)
    }

    @Test("a broken pipeline exits 2, reports every problem, and writes nothing")
    func brokenPipeline() async throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let pipeline = dir.appendingPathComponent("bad.yaml").path
        try """
        version: 1
        analyzers:
          - sentences:
              extraAbbreviatons: [Cllr]
        exporters:
          - mardown
          - json:
              pretty: maybe
              to: \(dir.path)/out/{id}.json
        oops: [
        """.write(toFile: pipeline, atomically: true, encoding: .utf8)
        let console = Console()
        let status = await console.run(["run", "-p", pipeline, try article(in: dir)])
        #expect(status == 2)
        for code in ["E220", "E212", "E101", "E001"] {
            #expect(console.stderr.contains("error[\(code)]"), "missing \(code) in \(console.stderr)")
        }
        #expect(console.stderr.contains("bad.yaml:6:5: error[E212]: unknown exporter 'mardown' (did you mean 'markdown'?)"))
        #expect(console.stderr.contains("^~~~~~~"))
        #expect(console.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))
    }

    @Test("'lint' exits 0 on a sound file and 2 on a broken one")
    func lint() async throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let good = dir.appendingPathComponent("good.yaml").path
        let bad = dir.appendingPathComponent("bad.yaml").path
        try "version: 1\nextends: default\n".write(toFile: good, atomically: true, encoding: .utf8)
        try "version: 1\nanalyzers: [sentence]\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let console = Console()
        #expect(await console.run(["lint", good]) == 0)
        #expect(await console.run(["lint", bad]) == 2)
        #expect(console.stdout.contains("good.yaml: ok"))
        #expect(console.stderr.contains("did you mean 'sentences'?"))
    }

    @Test("'init' writes a starter that lints clean and refuses to overwrite")
    func initStarter() async throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("dossier.yaml").path
        let console = Console()
        #expect(await console.run(["init", path]) == 0)
        #expect(await console.run(["lint", path]) == 0, "\(console.stderr)")
        #expect(await console.run(["init", path]) == 3)
        #expect(console.stderr.contains("already exists"))
    }

    @Test("'plan' shows stages, reasons and the reader chosen for an input")
    func plan() async throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let console = Console()
        let status = await console.run(["plan", try article(in: dir)])
        #expect(status == 0)
        #expect(console.stdout.contains("story.txt → text (by extension '.txt')"))
        #expect(console.stdout.contains("sentences: needs no layer; provides sentences"))
        #expect(console.stdout.contains("markdown → standard output"))
    }

    @Test("'list' shows components with options, types and defaults, also as JSON")
    func list() async throws {
        let console = Console()
        #expect(await console.run(["list"]) == 0)
        // Analyzers are listed by id, so another analyzer may come before 'sentences'.
        #expect(console.stdout.contains("analyzers:\n  "))
        #expect(console.stdout.contains("\n  sentences  "))
        #expect(console.stdout.contains("pretty: bool = true"))
        let json = Console()
        #expect(await json.run(["list", "--format", "json", "json"]) == 0)
        let listing = try JSONDecoder().decode(JSONValue.self, from: Data(json.stdout.utf8))
        guard case .array(let parsed)? = listing["components"] else {
            Issue.record("no components in \(json.stdout)")
            return
        }
        // 'json' names both a reader and an exporter.
        #expect(parsed.map { $0["kind"] } == [.string("reader"), .string("exporter")])
        #expect(parsed.allSatisfy { $0["id"] == .string("json") })
    }

    @Test("a missing input exits 3 and runs nothing; a bad article exits 1 and the rest are written")
    func inputStatuses() async throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let console = Console()
        #expect(await console.run(["run", dir.appendingPathComponent("nope.txt").path]) == 3)
        let good = try article(in: dir)
        let empty = dir.appendingPathComponent("empty.txt").path
        _ = FileManager.default.createFile(atPath: empty, contents: Data())
        let second = Console()
        #expect(await second.run(["run", empty, good]) == 1)
        #expect(second.stderr.contains("empty.txt"))
        #expect(second.stderr.contains("2 articles: 1 done, 1 failed"))
        #expect(second.stdout.hasPrefix("# "))
    }

    @Test("'--version' prints the version")
    func version() async {
        let console = Console()
        #expect(await console.run(["--version"]) == 0)
        #expect(console.stdout == DossierCommand.version + "\n")
    }

    @Test("'plan' and 'lint' show '${NAME}', never the variable's value")
    func planHidesValues() async throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let secret = "hunter2-" + String(repeating: "S", count: 90)
        let good = dir.appendingPathComponent("good.yaml").path
        try "version: 1\nname: ${SECRET}\nexporters:\n  - json:\n      to: ${SECRET}/{id}.json\n".write(
            toFile: good, atomically: true, encoding: .utf8)
        let bad = dir.appendingPathComponent("bad.yaml").path
        try "version: 1\nexporters:\n  - json:\n      pretty: ${SECRET}\n      to: ${SECRET}/{id.json\n".write(
            toFile: bad, atomically: true, encoding: .utf8)
        let console = Console()
        #expect(await console.run(["plan", "-p", good], environment: ["SECRET": secret]) == 0, "\(console.stderr)")
        #expect(console.stdout.contains("pipeline '${SECRET}' from"), "\(console.stdout)")
        #expect(console.stdout.contains("json → '${SECRET}/{id}.json', one file per article"), "\(console.stdout)")
        #expect(await console.run(["lint", good, bad], environment: ["SECRET": secret]) == 2)
        #expect(await console.run(["plan", "-p", bad], environment: ["SECRET": secret]) == 2)
        #expect(console.stderr.contains("error[E233]"), "\(console.stderr)")
        #expect(console.stderr.contains("found '${SECRET}'"), "\(console.stderr)")
        #expect(!(console.stdout + console.stderr).contains("hunter2"), "\(console.stdout)\(console.stderr)")
    }

    @Test("'--allow-extends-outside' lets 'lint' and 'plan' follow 'extends' out of the pipeline's folder")
    func allowExtendsOutside() async throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(atPath: dir.appendingPathComponent("team").path, withIntermediateDirectories: true)
        try "version: 1\nexporters:\n  - json\n".write(
            toFile: dir.appendingPathComponent("base.yaml").path, atomically: true, encoding: .utf8)
        let pipeline = dir.appendingPathComponent("team/p.yaml").path
        try "version: 1\nextends: ../base.yaml\n".write(toFile: pipeline, atomically: true, encoding: .utf8)
        let console = Console()
        #expect(await console.run(["lint", pipeline]) == 2)
        #expect(console.stderr.contains("error[E207]"), "\(console.stderr)")
        #expect(await console.run(["plan", "-p", pipeline]) == 2)
        #expect(await console.run(["lint", "--allow-extends-outside", pipeline]) == 0, "\(console.stderr)")
        #expect(await console.run(["plan", "--allow-extends-outside", "-p", pipeline]) == 0, "\(console.stderr)")
        #expect(console.stdout.contains("json → standard output"), "\(console.stdout)")
    }
}
