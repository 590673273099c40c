import Dossier
import Foundation
import Testing

/// Exporters write through a sink opened once per output target, used in input order, then
/// finished or discarded (issue "Engine II", item 1).
@Suite("Sinks: header once, input order, finished once or discarded")
struct SinkLifecycleTests {
    /// The test registry with `ledger` and a pipeline of `exporters` over `lines`; each ledger
    /// step gets `ledger`.
    func pipeline(_ exporters: String, ledger: Ledger = Ledger(), analyzers: String = "[lines]") throws -> Pipeline {
        var registry = try testRegistry()
        try registry.register(exporter: LedgerExporter.self)
        try registry.register(exporter: CopyExporter.self)
        var p = try PipelineLoader(registry: registry, environment: [:]).load(
            text: "version: 1\nreader: raw\nanalyzers: \(analyzers)\nexporters:\n\(exporters)", file: "p.yaml")
        for n in p.exporters.indices {
            if var exporter = p.exporters[n].exporter as? LedgerExporter {
                exporter.ledger = ledger
                p.exporters[n].exporter = exporter
            }
        }
        return p
    }

    func inputs(_ texts: [String]) -> [InputSource] {
        texts.enumerated().map { .data(name: "a\($0.offset + 1).raw", Data($0.element.utf8)) }
    }

    /// The names in `folder`'s subfolder `path`, sorted.
    func list(_ folder: URL, _ path: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(path).path).sorted()
    }

    func read(_ folder: URL, _ path: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
    }

    /// Texts of very different lengths, so that with several jobs they finish out of order.
    static let texts = (1...12).map { n in Array(repeating: "line \(n)", count: (13 - n) * 40).joined(separator: "\n") }

    @Test("a shared file gets the header once, the rows in input order and the footer once, whatever the jobs", arguments: [1, 4])
    func sharedOrder(jobs: Int) async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ledger = Ledger()
        let p = try pipeline("  - ledger:\n      to: all.txt\n", ledger: ledger)
        let summary = await Runner(pipeline: p, jobs: jobs, outputDirectory: folder.path).run(inputs(Self.texts))
        #expect(summary.allSucceeded)
        let rows = Self.texts.map { "row \($0)\n" }.joined()
        #expect(try read(folder, "all.txt") == "header\n" + rows + "footer\n")
        #expect(ledger.events == ["open ledger"] + (1...12).map { "write a\($0)" } + ["finish"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["all.txt"])
    }

    @Test("standard output gets the header once before the first row and the footer after the last")
    func standardOutput() async throws {
        let capture = OutputCapture()
        let p = try pipeline("  - ledger:\n      to: stdout\n")
        let summary = await Runner(pipeline: p, jobs: 3, standardOutput: capture.append).run(inputs(["one", "two", "three"]))
        #expect(summary.allSucceeded)
        #expect(capture.text == "header\nrow one\nrow two\nrow three\nfooter\n")
    }

    @Test("on a per-article target each file is whole: header, its row, footer; the sink is opened once")
    func perArticle() async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ledger = Ledger()
        let p = try pipeline("  - ledger:\n      to: out/{id}.txt\n", ledger: ledger)
        _ = await Runner(pipeline: p, jobs: 2, outputDirectory: folder.path).run(inputs(["one", "two"]))
        #expect(try read(folder, "out/a1.txt") == "header\nrow one\nfooter\n")
        #expect(try read(folder, "out/a2.txt") == "header\nrow two\nfooter\n")
        #expect(ledger.events == ["open ledger", "write a1", "write a2", "finish"])
    }

    @Test("a run that writes no article opens no sink and leaves the old file alone")
    func noArticle() async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("OLD\n".utf8).write(to: folder.appendingPathComponent("all.txt"))
        let ledger = Ledger()
        let p = try pipeline("  - ledger:\n      to: all.txt\n", ledger: ledger)
        let summary = await Runner(pipeline: p, outputDirectory: folder.path).run(inputs(["FAIL"]))
        #expect(summary.failed == 1)
        #expect(ledger.events.isEmpty)
        #expect(try read(folder, "all.txt") == "OLD\n")
    }

    @Test("an interrupted run discards the sink instead of finishing it, and the old file stays")
    func interrupted() async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("OLD\n".utf8).write(to: folder.appendingPathComponent("all.txt"))
        let ledger = Ledger()
        var registry = try testRegistry()
        try registry.register(exporter: LedgerExporter.self)
        var p = try PipelineLoader(registry: registry, environment: [:]).load(
            text: "version: 1\nreader: raw\nexporters:\n  - ledger:\n      to: all.txt\n      index: true\n", file: "p.yaml")
        var exporter = try #require(p.exporters[0].exporter as? LedgerExporter)
        exporter.ledger = ledger
        p.exporters[0].exporter = exporter
        let started = Gate()
        var runner = Runner(pipeline: p, jobs: 2, outputDirectory: folder.path)
        runner.progress = { _ in started.open() }
        let task = Task { [runner] in await runner.run(stream: EndlessLines()) }
        #expect(await started.wait(seconds: 60))
        task.cancel()
        let summary = await task.value
        #expect(summary.interrupted)
        #expect(ledger.events.first == "open ledger")
        #expect(ledger.events.last == "discard")
        #expect(!ledger.events.contains("finish"))
        #expect(ledger.events.filter { $0 == "discard" }.count == 1)
        #expect(try read(folder, "all.txt") == "OLD\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["all.txt"])
        #expect(runner.temporaryFiles.count == 0)
    }

    @Test("a sink that fails on a shared target discards it once: the old file stays, later articles skip it, the rest go on")
    func failingSharedSink() async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("OLD\n".utf8).write(to: folder.appendingPathComponent("all.txt"))
        let ledger = Ledger()
        let p = try pipeline(
            "  - ledger:\n      to: all.txt\n      failSinkOn: two\n  - summary:\n      to: out/{id}.txt\n", ledger: ledger)
        let summary = await Runner(pipeline: p, jobs: 2, outputDirectory: folder.path).run(inputs(["one", "two", "three"]))
        #expect(summary.outputFailures == 1)
        #expect(summary.succeeded == 3)
        #expect(summary.diagnostics.map(\.code) == ["E475"])
        #expect(ledger.events == ["open ledger", "write a1", "write a2", "discard"])
        #expect(try read(folder, "all.txt") == "OLD\n")
        #expect(try list(folder, "out") == ["a1.txt", "a2.txt", "a3.txt"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["all.txt", "out"])
    }

    @Test("a sink whose finish fails leaves the old file and says so")
    func failingFinish() async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("OLD\n".utf8).write(to: folder.appendingPathComponent("all.txt"))
        let ledger = Ledger()
        let p = try pipeline("  - ledger:\n      to: all.txt\n      failFinish: true\n", ledger: ledger)
        let summary = await Runner(pipeline: p, outputDirectory: folder.path).run(inputs(["one"]))
        #expect(summary.outputFailures == 1)
        #expect(ledger.events == ["open ledger", "write a1", "finish"])
        #expect(try read(folder, "all.txt") == "OLD\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["all.txt"])
    }

    @Test("an article whose per-article sink fails gets none of its files; the shared output never sees it")
    func perArticleAllOrNothing() async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let p = try pipeline(
            "  - summary:\n      to: a/{id}.txt\n  - ledger:\n      to: b/{id}.txt\n      failSinkOn: two\n  - copy:\n      to: all.txt\n")
        let summary = await Runner(pipeline: p, jobs: 2, outputDirectory: folder.path).run(inputs(["one", "two", "three"]))
        #expect(summary.failed == 1)
        #expect(summary.diagnostics.map(\.code) == ["E475"])
        #expect(summary.diagnostics.first?.article == "a2")
        #expect(try list(folder, "a") == ["a1.txt", "a3.txt"])
        #expect(try list(folder, "b") == ["a1.txt", "a3.txt"])
        #expect(try read(folder, "all.txt") == "one\nthree\n")
    }

    @Test("warnings from export and from a sink reach the run's diagnostics, naming the exporter")
    func warnings() async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let p = try pipeline("  - ledger:\n      to: all.txt\n      warn: true\n")
        let summary = await Runner(pipeline: p, outputDirectory: folder.path).run(inputs(["one", "two"]))
        #expect(summary.allSucceeded)
        #expect(summary.diagnostics.map(\.code) == ["W499", "W499", "W498"])
        #expect(summary.diagnostics.map(\.severity) == [.warning, .warning, .warning])
        #expect(summary.diagnostics.map(\.component) == ["ledger", "ledger", "ledger"])
        #expect(summary.diagnostics.map(\.article) == ["a1.raw#a1", "a2.raw#a2", nil])
        #expect(summary.diagnostics[2].message == "wrote 2 rows")
    }

    @Test("a sink can write a batch file beside per-article files, renamed into place when the run ends")
    func batchFile() async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let p = try pipeline("  - ledger:\n      to: out/{id}.txt\n      index: true\n")
        let summary = await Runner(pipeline: p, outputDirectory: folder.path).run(inputs(["one", "two"]))
        #expect(summary.allSucceeded)
        #expect(try read(folder, "out/index.txt") == "a1\na2\n")
        #expect(summary.written.map { ($0 as NSString).lastPathComponent } == ["a1.txt", "a2.txt", "index.txt"])
        #expect(try list(folder, "out") == ["a1.txt", "a2.txt", "index.txt"])
    }

    @Test("a batch file may not take the path of an article's file")
    func batchFileCollision() async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let p = try pipeline("  - ledger:\n      to: out/{id}.txt\n      index: true\n")
        let summary = await Runner(pipeline: p, outputDirectory: folder.path).run([.data(name: "index.raw", Data("one".utf8))])
        #expect(summary.diagnostics.map(\.code) == ["E472"])
        #expect(try read(folder, "out/index.txt") == "header\nrow one\nfooter\n")
    }

    @Test("a sink can write the shared file itself at its temporary path, which replaces the target on finish")
    func writesItself() async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("OLD\n".utf8).write(to: folder.appendingPathComponent("all.txt"))
        let p = try pipeline("  - ledger:\n      to: all.txt\n      writeItself: true\n")
        let summary = await Runner(pipeline: p, outputDirectory: folder.path).run(inputs(["one", "two"]))
        #expect(summary.allSucceeded)
        #expect(try read(folder, "all.txt") == "written itself\nrow one\nrow two\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["all.txt"])
    }

    @Test("an article that runs out of time is told through its context, so its export can stop")
    func cancellationReachesExport() async throws {
        let ledger = Ledger()
        let p = try pipeline("  - ledger:\n      to: stdout\n      waitForCancellation: true\n", ledger: ledger, analyzers: "[]")
        var runner = Runner(pipeline: p, standardOutput: { _ in })
        runner.articleTimeout = .milliseconds(50)
        let summary = await runner.run(inputs(["one"]))
        #expect(summary.diagnostics.map(\.code) == ["E474"])
        #expect(await ledger.wait(for: "cancelled a1", seconds: 60))
    }

    @Test("a slow article holds back at most the window of later ones (4 per job), not the whole input")
    func windowBound() async throws {
        let ledger = Ledger()
        let p = try pipeline(
            "  - ledger:\n      to: stdout\n      recordExports: true\n", ledger: ledger,
            analyzers: "[{ lines: { delayMilliseconds: 1500, slowOn: SLOW } }]")
        let runner = Runner(pipeline: p, jobs: 2, standardOutput: { _ in })
        let summary = await runner.run(inputs(["SLOW"] + (1...40).map { "fast \($0)" }))
        #expect(summary.succeeded == 41)
        let exports = ledger.events.filter { $0.hasPrefix("export ") }
        let slow = try #require(exports.firstIndex(of: "export SLOW"))
        // Items taken and not yet written are at most 8 (2 jobs × 4), the slow one among them.
        #expect(slow <= 7)
        #expect(exports.count == 41)
    }
}
