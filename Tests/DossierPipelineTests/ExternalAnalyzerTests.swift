import Dossier
import DossierTesting
import Foundation
import Testing

/// The python3 on PATH, which the examples run with; the suite is skipped without one.
enum Python3 {
    static let path = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        .map { "\($0)/python3" }.first { FileManager.default.isExecutableFile(atPath: $0) }
}

/// External analyzers (`exec:`): the Python examples in Examples/External run through the real
/// protocol, and each kind of failure fails one article with a diagnostic naming the program.
///
/// Serialized, so that the check for leftover processes sees only this suite's programs.
@Suite("External analyzers", .serialized, .enabled(if: Python3.path != nil, "python3 is not installed; skipping"))
struct ExternalAnalyzerTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let examples = root.appendingPathComponent("Examples/External").path

    static let loud = (name: "loud.txt", text: "The MAYOR said NO to the plan.\n\nShe said it TWICE, to be sure.")
    static let calm = (name: "calm.txt", text: "A quiet article about the harbour.\n\nNothing here is in capitals.")

    /// A pipeline with the broken example, `args` after the script.
    static func broken(_ args: [String] = [], provides: String = "[broken]", timeout: Double = 5) -> String {
        let list = (["\(examples)/broken.py"] + args).map { "'\($0)'" }.joined(separator: ", ")
        return """
            version: 1
            analyzers:
              - sentences
              - exec: { command: python3, args: [\(list)], provides: \(provides), timeout: \(timeout) }
            exporters:
              - json: { pretty: false }
            """
    }

    static func run(_ yaml: String, _ inputs: [(name: String, text: String)]) async throws -> InMemoryRunner.Result {
        try await InMemoryRunner(registry: .standard).run(yaml, inputs: inputs)
    }

    static func ids(_ result: InMemoryRunner.Result) throws -> [String] { try result.documents().map(\.id) }

    @Test("the Python example's layer lands in the JSON output next to the built-in layers")
    func shoutingLayer() async throws {
        let yaml = """
            version: 1
            analyzers:
              - sentences
              - exec: { manifest: '\(Self.examples)/shouting.dossier.json' }
            exporters:
              - json: { pretty: false }
            """
        let result = try await Self.run(yaml, [Self.loud, Self.calm])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let documents = try result.documents()
        #expect(documents.map(\.id) == ["loud", "calm"])
        let items = try #require(try documents[0].annotations.json(of: "shouting"))
        let scalars = Array(documents[0].text.unicodeScalars)
        let words = items.compactMap { item -> String? in
            guard case .int(let start)? = item["start"], case .int(let end)? = item["end"] else { return nil }
            return String(String.UnicodeScalarView(scalars[start..<end]))
        }
        #expect(words == ["MAYOR", "NO", "TWICE"])
        #expect(items.allSatisfy { $0["producer"]?["component"] == .string("shouting") })
        #expect(documents[0].annotations.sentences.count == 2)
        #expect(try documents[1].annotations.json(of: "shouting") == [])
    }

    @Test("a program still working on an abandoned article is killed when the run ends, not waited for")
    func abandonedExchange() async throws {
        let p = try PipelineLoader(registry: .standard, environment: [:]).load(text: Self.broken(timeout: 300), file: "p.yaml")
        var runner = Runner(pipeline: p, jobs: 1, standardOutput: { _ in })
        runner.articleTimeout = .seconds(2)
        let start = ContinuousClock.now
        let summary = await runner.run([.data(name: "stuck.txt", Data("This one says SLOW-ME.".utf8))])
        // Not a speed figure: the program sleeps for 60 s on the article and its own timeout is 300 s.
        #expect(ContinuousClock.now - start < .seconds(30))
        #expect(summary.diagnostics.map(\.code) == ["E474"])
    }

    @Test("a program that crashes fails that article, naming the program and quoting its standard error; the next article is analyzed")
    func crash() async throws {
        let result = try await Self.run(Self.broken(), [Self.calm, (name: "boom.txt", text: "This one says CRASH-ME."), Self.loud])
        #expect(try Self.ids(result) == ["calm", "loud"])
        let d = try #require(result.diagnostics.first)
        #expect(result.diagnostics.count == 1)
        #expect(d.code == "E725")
        #expect(d.message.contains("external program 'broken'") && d.message.contains("exited with status 3"), "\(d)")
        #expect(d.notes.map(\.message).joined().contains("crashing on purpose"))
        #expect(d.article?.contains("boom") == true)
    }

    @Test("a program that does not answer within its timeout is stopped, and the next article is analyzed")
    func timeout() async throws {
        let result = try await Self.run(Self.broken(timeout: 0.5), [(name: "slow.txt", text: "SLOW-ME please."), Self.calm])
        #expect(try Self.ids(result) == ["calm"])
        #expect(result.diagnostics.map(\.code) == ["E724"])
        #expect(result.diagnostics.first?.message.contains("did not finish answering within 0.5 s") == true)
    }

    @Test("an answer slower than the quick wait is still read, on the worker's queue, and the program stays in step")
    func slowAnswer() async throws {
        let pause = "This one says PAUSE-ME."
        let inputs = [
            Self.calm, (name: "p1.txt", text: pause), Self.loud, (name: "p2.txt", text: pause), (name: "last.txt", text: "The end."),
        ]
        let result = try await Self.run(Self.broken(), inputs)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let documents = try result.documents()
        #expect(documents.map(\.id) == ["calm", "p1", "loud", "p2", "last"])
        for document in documents { #expect(try document.annotations.json(of: "broken") == [], "\(document.id)") }
    }

    @Test("an answer that is not JSON fails that article (E726), and the program is started afresh")
    func badJSON() async throws {
        let result = try await Self.run(Self.broken(), [(name: "bad.txt", text: "BAD-JSON here."), Self.calm])
        #expect(try Self.ids(result) == ["calm"])
        #expect(result.diagnostics.map(\.code) == ["E726"])
        #expect(result.diagnostics.first?.message.contains("'this is not json'") == true)
    }

    @Test("a layer the program did not declare is refused (E727)")
    func undeclaredLayer() async throws {
        let result = try await Self.run(Self.broken(), [(name: "secret.txt", text: "A SECRET-LAYER article."), Self.calm])
        #expect(try Self.ids(result) == ["calm"])
        #expect(result.diagnostics.map(\.code) == ["E727"])
        #expect(result.diagnostics.first?.message.contains("wrote layer 'secret' it does not declare") == true)
    }

    @Test("an error the program reports for one article fails that article only (E728)")
    func ownError() async throws {
        let result = try await Self.run(Self.broken(), [(name: "refuse.txt", text: "REFUSE-ME now."), Self.calm])
        #expect(try Self.ids(result) == ["calm"])
        #expect(result.diagnostics.map(\.code) == ["E728"])
        #expect(result.diagnostics.first?.message.contains("this article asks to be refused") == true)
    }

    @Test("a handshake in another protocol version fails every article with E722, and the run ends normally")
    func wrongVersion() async throws {
        let result = try await Self.run(Self.broken(["--protocol", "2"]), [Self.calm, Self.loud])
        #expect(try Self.ids(result) == [])
        #expect(result.diagnostics.map(\.code) == ["E722", "E722"])
        #expect(result.diagnostics.first?.message.contains("speaks protocol version 2") == true)
    }

    @Test("a program whose first line is not a handshake is refused (E721)")
    func noHandshake() async throws {
        let result = try await Self.run(Self.broken(["--banner"]), [Self.calm])
        #expect(result.diagnostics.map(\.code) == ["E721"])
    }

    @Test("a handshake providing a layer the pipeline does not declare is refused (E723)")
    func handshakeDisagrees() async throws {
        let result = try await Self.run(Self.broken(provides: "[other]"), [Self.calm])
        #expect(result.diagnostics.map(\.code) == ["E723"])
        #expect(result.diagnostics.first?.message.contains("provides 'broken'") == true)
    }

    @Test("two copies of the program serve a run of many articles, each answered in order")
    func pool() async throws {
        let yaml = """
            version: 1
            analyzers:
              - exec: { manifest: '\(Self.examples)/shouting.dossier.json', processes: 2 }
            exporters:
              - json: { pretty: false }
            """
        let inputs = (0..<24).map { (name: "a\($0).txt", text: "Article \($0) is LOUD.") }
        let result = try await InMemoryRunner(registry: .standard, jobs: 4).run(yaml, inputs: inputs)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let documents = try result.documents()
        #expect(documents.count == 24)
        #expect(documents.allSatisfy { (try? $0.annotations.json(of: "shouting")?.count) == 1 })
    }

    @Test("no program is left running or unreaped after a run")
    func noLeftovers() async throws {
        _ = try await Self.run(Self.broken(), [Self.calm, (name: "boom.txt", text: "CRASH-ME"), Self.loud])
        // Foundation reaps a child on its own thread: give it a moment.
        var left: [String] = []
        for _ in 0..<50 {
            left = Self.childProcesses().filter { $0.contains("python") }
            if left.isEmpty { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(left.isEmpty, "\(left)")
    }

    /// This process's children, as `pid state name` (state `Z` for a zombie).
    static func childProcesses() -> [String] {
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task")) ?? []
        var result: [String] = []
        for task in tasks {
            let children = (try? String(contentsOfFile: "/proc/self/task/\(task)/children", encoding: .utf8)) ?? ""
            for pid in children.split(separator: " ") {
                let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
                result.append(stat.split(separator: " ").prefix(3).joined(separator: " "))
            }
        }
        return result
    }

    @Test("the example pipelines lint clean, and the broken one fails only the marked article (run from the repository root, as CI does)")
    func examplePipelines() async throws {
        let loader = PipelineLoader.standard(environment: [:])
        for name in ["shouting", "broken"] {
            let report = loader.lint(path: "\(Self.examples)/\(name).pipeline.yaml")
            #expect(report.diagnostics.isEmpty, "\(report.render())")
        }
        let pipeline = try loader.load(path: "\(Self.examples)/broken.pipeline.yaml")
        let articles = try FileManager.default.contentsOfDirectory(atPath: "\(Self.examples)/Articles").sorted()
        let result = await InMemoryRunner(registry: .standard).run(
            pipeline, inputs: articles.map { .file("\(Self.examples)/Articles/\($0)") })
        #expect(try Self.ids(result) == ["council-vote", "ferry-timetable"])
        #expect(result.diagnostics.map(\.code) == ["E725"])
    }

    @Test("lint checks an exec entry without running the program")
    func lintDoesNotRun() throws {
        let marker = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-exec-\(UUID().uuidString)").path
        let yaml = """
            version: 1
            analyzers:
              - exec: { command: /bin/sh, args: [-c, 'touch \(marker)'], provides: [x] }
            exporters:
              - json
            """
        let checked = try PipelineLoader.standard(environment: [:]).check(text: yaml, file: "p.yaml")
        #expect(checked.plan.steps.map(\.name) == ["sh"])
        #expect(!FileManager.default.fileExists(atPath: marker))
    }

    @Test(
        "lint reports a bad exec entry at its line and column: the value at fault, or the entry",
        arguments: [
            ("command: no-such-program-dossier, provides: [x]", "E711", "no-such"),
            ("command: python3, provide: [x]", "E220", "provide:"),
            ("command: python3", "E713", "exec"),
            ("command: python3, provides: [Bad_Name]", "E713", "Bad_Name"),
            ("command: python3, provides: [x], timeout: 0", "E715", "0 }"),
            ("command: python3, provides: [x], processes: 100", "E715", "100"),
            ("manifest: no/such.dossier.json", "E712", "no/such"),
            ("command: python3, manifest: m.json, provides: [x]", "E710", "command"),
            ("{}", "E710", "exec"),
        ])
    func lintErrors(_ entry: String, _ code: String, _ at: String) throws {
        let line = "  - exec: { \(entry) }"
        let yaml = "version: 1\nexporters: [json]\nanalyzers:\n\(line)\n"
        let report = Self.lint(yaml)
        let d = try #require(report.diagnostics.first { $0.code == code }, "\(report.diagnostics)")
        let column = line.distance(from: line.startIndex, to: try #require(line.range(of: at)).lowerBound) + 1
        #expect(d.location?.line == 4 && d.location?.column == column, "\(d)")
    }

    @Test("a program's options are checked against its manifest's schema, with did-you-mean")
    func manifestOptions() throws {
        let yaml = """
            version: 1
            exporters: [json]
            analyzers:
              - exec: { manifest: '\(Self.examples)/shouting.dossier.json', options: { minLenght: 3, } }
              - exec: { manifest: '\(Self.examples)/shouting.dossier.json', as: loud-two, options: { minLength: many } }
            """
        let report = Self.lint(yaml)
        #expect(report.diagnostics.map(\.code) == ["E714", "E714"])
        #expect(report.diagnostics.first?.message.contains("(did you mean 'minLength'?)") == true)
    }

    @Test("declared requires take part in planning: the program runs after the producer, and a missing producer is reported")
    func planning() throws {
        let yaml = """
            version: 1
            exporters: [json]
            analyzers:
              - exec: { command: python3, args: [x.py], id: late, requires: [sentences], provides: [late] }
              - sentences
            """
        let plan = try PipelineLoader.standard(environment: [:]).check(text: yaml, file: "p.yaml").plan
        #expect(plan.steps.map(\.name) == ["sentences", "late"])
        #expect(plan.steps.map(\.stage) == [0, 1])
        let missing = yaml.replacingOccurrences(of: "\n  - sentences", with: "")
        let report = Self.lint(missing)
        #expect(report.diagnostics.contains { $0.code == "E301" && $0.message.contains("'late'") })
    }

    /// `lint` on `text` written to a pipeline file of its own, removed afterwards.
    static func lint(_ text: String) -> LintReport {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("exec-\(UUID().uuidString).pipeline.yaml").path
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        return PipelineLoader.standard(environment: [:]).lint(path: path)
    }
}
