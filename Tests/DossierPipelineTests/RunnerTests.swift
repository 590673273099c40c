import Dossier
import Foundation
import Testing

@Suite("Run: bounded concurrency, input order, per-article isolation, nothing half-written")
struct RunnerTests {
    func pipeline(_ yaml: String) throws -> Pipeline {
        try PipelineLoader(registry: testRegistry(), environment: [:]).load(text: yaml, file: "p.yaml")
    }

    func inputs(_ texts: [String]) -> [InputSource] {
        texts.enumerated().map { .data(name: "a\($0.offset + 1).raw", Data($0.element.utf8)) }
    }

    @Test("output comes in input order whatever order the work finishes in", arguments: [1, 2, 8])
    func deterministicOrder(jobs: Int) async throws {
        let p = try pipeline("version: 1\nreader: raw\nanalyzers:\n  - lines: { delayMilliseconds: 3 }\n  - count\nexporters: [summary]\n")
        let capture = OutputCapture()
        let texts = (1...12).map { n in Array(repeating: "line", count: n).joined(separator: "\n") }
        let summary = await Runner(pipeline: p, jobs: jobs, standardOutput: capture.append).run(inputs(texts))
        #expect(summary.succeeded == 12)
        let expected = (1...12).map { "a\($0) sentences=\($0) sentences=\($0)@count" }.joined(separator: "\n") + "\n"
        #expect(capture.text == expected)
    }

    @Test("a failing article is reported by name and component, and the others go on")
    func isolation() async throws {
        let p = try pipeline("version: 1\nreader: raw\nanalyzers: [lines]\nexporters: [summary]\n")
        let capture = OutputCapture()
        let summary = await Runner(pipeline: p, jobs: 2, standardOutput: capture.append).run(inputs(["one", "two\nFAIL", "three"]))
        #expect(summary.succeeded == 2)
        #expect(summary.failed == 1)
        #expect(capture.text == "a1 sentences=1 \na3 sentences=1 \n")
        let d = try #require(summary.diagnostics.first)
        #expect(d.article == "a2.raw#a2")
        #expect(d.component == "lines")
        #expect(d.code == "E404")
        #expect(d.message == "found 'FAIL'")
        let excerpt = try #require(d.excerpt, "a run-time range shows the article's line, not offsets")
        #expect(excerpt.text == "FAIL" && excerpt.line == 2 && excerpt.range == TextRange(start: 4, end: 8))
        #expect(!summary.allSucceeded)
    }

    @Test("an analyzer that writes an undeclared layer is refused")
    func undeclaredLayer() async throws {
        let p = try pipeline("version: 1\nreader: raw\nanalyzers: [sneaky]\nexporters: [summary]\n")
        let summary = await Runner(pipeline: p, standardOutput: { _ in }).run(inputs(["x"]))
        #expect(summary.diagnostics.map(\.code) == ["E405"])
        #expect(summary.diagnostics.first?.message.contains("'claims'") == true)
    }

    @Test("an analyzer that returns a range past the text is refused")
    func rangeOverrun() async throws {
        let p = try pipeline("version: 1\nreader: raw\nanalyzers: [overrun]\nexporters: [summary]\n")
        let summary = await Runner(pipeline: p, standardOutput: { _ in }).run(inputs(["abc"]))
        #expect(summary.diagnostics.map(\.code) == ["E406"])
    }

    @Test("a reversed range from a component fails that article with E406, and the batch goes on")
    func reversedRange() async throws {
        let p = try pipeline("version: 1\nreader: raw\nanalyzers: [reversed]\nexporters: [summary]\n")
        let capture = OutputCapture()
        let summary = await Runner(pipeline: p, standardOutput: capture.append).run(inputs(["fine", "REVERSE this", "also fine"]))
        #expect(summary.succeeded == 2)
        #expect(summary.diagnostics.map(\.code) == ["E406"])
        #expect(
            summary.diagnostics.first?.message
                == "returned the range [3, 1) that ends before it starts; every range must lie in [0, 12] with start <= end")
        #expect(capture.text == "a1 sentences=0 \na3 sentences=0 \n")
    }

    @Test("every annotation is stamped with the analyzer that produced it")
    func provenance() async throws {
        let p = try pipeline("version: 1\nreader: raw\nanalyzers: [lines, count]\nexporters: [summary]\n")
        let runner = Runner(pipeline: p)
        let document = try await runner.analyze(Document(id: "d", text: "a\nb"))
        #expect(document.annotations.sentences.allSatisfy { $0.producer == Provenance(component: "lines", version: "1.0.0") })
        #expect(document.annotations.metrics.map(\.producer.component) == ["count"])
    }

    @Test("a stage's analyzers give the same document run together (several jobs, a long article) or in turn")
    func stageMembersTogetherOrInTurn() async throws {
        let yaml = "version: 1\nreader: raw\nanalyzers: [shout, lines, count]\nexporters: [summary]\n"
        // Long enough (over 64 Ki scalars) that with more than one job the stage's members run in child tasks.
        let text = Array(repeating: "a line of the long article", count: 3000).joined(separator: "\n")
        let together = try await Runner(pipeline: pipeline(yaml), jobs: 2).analyze(Document(id: "d", text: text))
        let inTurn = try await Runner(pipeline: pipeline(yaml), jobs: 1).analyze(Document(id: "d", text: text))
        let short = try await Runner(pipeline: pipeline(yaml), jobs: 2).analyze(Document(id: "d", text: "a\nb"))
        #expect(together == inTurn)
        #expect(!together.annotations.sentences.isEmpty && !together.annotations.metrics.isEmpty)
        #expect(short.annotations.sentences.count == 2)
    }

    @Test("per-article files are written for good articles only, and a shared file holds them in order")
    func files() async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var registry = try testRegistry()
        try registry.register(exporter: CopyExporter.self)
        let p = try PipelineLoader(registry: registry, environment: [:]).load(
            text: """
                version: 1
                reader: raw
                analyzers: [lines]
                exporters:
                  - summary:
                      to: out/{id}.txt
                  - copy:
                      to: all/everything.txt
                """, file: "p.yaml")
        let summary = await Runner(pipeline: p, jobs: 3, outputDirectory: folder.path).run(inputs(["first", "FAIL", "third", "fourth"]))
        #expect(summary.failed == 1)
        let out = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("out").path).sorted()
        #expect(out == ["a1.txt", "a3.txt", "a4.txt"])
        let all = try String(contentsOf: folder.appendingPathComponent("all/everything.txt"), encoding: .utf8)
        #expect(all == "first\nthird\nfourth\n")
        // No temporary file is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("all").path) == ["everything.txt"])
    }

    @Test("two inputs with the same name get distinct ids, so neither file overwrites the other")
    func duplicateIDs() async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let p = try pipeline("version: 1\nreader: raw\nexporters:\n  - summary:\n      to: '{id}.txt'\n")
        let sources: [InputSource] = [.data(name: "x/story.raw", Data("a".utf8)), .data(name: "y/story.raw", Data("b".utf8))]
        let summary = await Runner(pipeline: p, outputDirectory: folder.path).run(sources)
        #expect(summary.written.map { ($0 as NSString).lastPathComponent } == ["story.txt", "story-2.txt"])
    }

    @Test("a broken item of a multi-article input fails alone, named by its position")
    func brokenItem() async throws {
        let p = try pipeline("version: 1\nreader: multi\nanalyzers: [lines]\nexporters: [summary]\n")
        let capture = OutputCapture()
        let summary = await Runner(pipeline: p, standardOutput: capture.append).run([
            .data(name: "feed.multi", Data("one\n---\nBROKEN\n---\nthree".utf8))
        ])
        #expect(summary.succeeded == 2)
        #expect(capture.text == "feed-1 sentences=1 \nfeed-3 sentences=1 \n")
        #expect(summary.diagnostics.map(\.description) == ["error[E499]: feed.multi#2: multi: item 2 is broken"])
    }

    @Test("a missing input file fails that input only")
    func missingFile() async throws {
        let p = try pipeline("version: 1\nreader: raw\nexporters: [summary]\n")
        let capture = OutputCapture()
        let summary = await Runner(pipeline: p, standardOutput: capture.append).run([
            .file("/nonexistent/nope.raw"), .data(name: "ok.raw", Data("fine".utf8)),
        ])
        #expect(summary.diagnostics.map(\.code) == ["E401"])
        #expect(capture.text == "ok sentences=0 \n")
    }

    @Test("auto picks a reader by extension, then by content, else says none fits")
    func autoReader() throws {
        let p = try PipelineLoader(registry: .standard, environment: [:]).load(text: "version: 1\nexporters: [json]\n", file: "p.yaml")
        let runner = Runner(pipeline: p)
        #expect(try runner.chooseReader(for: Input(id: "a", name: "a.txt", data: Data("Hello.".utf8))).info.id == "text")
        #expect(try runner.chooseReader(for: Input(id: "a", name: "a", data: Data("Plain words here.".utf8))).info.id == "text")
        #expect(throws: Diagnostic.self) { try runner.chooseReader(for: Input(id: "a", name: "a.bin", data: Data([0, 1, 2, 0xFF]))) }
    }
}

/// Writes the text back, for checking a shared output file.
struct CopyExporter: Exporter {
    static let id = "copy"
    static let summary = "The text"
    static let fileExtension = "txt"
    init(options: NoOptions) {}
    func export(_ document: Document, context: ExportContext) throws -> Data { Data((document.text + "\n").utf8) }
}

@Suite("Compressed input")
struct GzipTests {
    @Test("a .gz input is decompressed and its reader chosen by the inner extension")
    func gzipInput() async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let plain = folder.appendingPathComponent("note.txt")
        try "Bridge Closed\nThe bridge closed on Monday after inspectors found cracks.\n".write(
            to: plain, atomically: true, encoding: .utf8)
        let gz = try gzip(plain)
        let p = try PipelineLoader(registry: .standard, environment: [:]).load(text: "version: 1\nexporters: [json]\n", file: "p.yaml")
        let capture = OutputCapture()
        let summary = await Runner(pipeline: p, standardOutput: capture.append).run([.file(gz.path)])
        #expect(summary.succeeded == 1, "\(summary.diagnostics)")
        let document = try Document(jsonData: Data(capture.text.utf8))
        #expect(document.id == "note")
        #expect(document.metadata.title == "Bridge Closed")
    }

    @Test("corrupt and truncated gzip streams fail with E409, not a crash")
    func corrupt() async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let plain = folder.appendingPathComponent("note.txt")
        try String(repeating: "Words that compress well. ", count: 400).write(to: plain, atomically: true, encoding: .utf8)
        let whole = try Data(contentsOf: gzip(plain))
        let p = try PipelineLoader(registry: .standard, environment: [:]).load(text: "version: 1\nexporters: [json]\n", file: "p.yaml")
        var flipped = whole
        flipped[20] ^= 0xFF
        let inputs: [InputSource] = [.data(name: "cut.txt.gz", whole.prefix(whole.count / 2)), .data(name: "bad.txt.gz", flipped)]
        let summary = await Runner(pipeline: p, standardOutput: { _ in }).run(inputs)
        #expect(summary.diagnostics.map(\.code) == ["E409", "E409"])
    }

    @Test("decompression stops at the limit")
    func bomb() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let plain = folder.appendingPathComponent("zeros.txt")
        try Data(count: 4 << 20).write(to: plain)
        let data = try Data(contentsOf: gzip(plain))
        #expect(throws: Gzip.Error.self) { try Gzip.decompress(data, limit: 1 << 20) }
        #expect(try Gzip.decompress(data).count == 4 << 20)
    }

    func gzip(_ file: URL) throws -> URL {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-k", "-f", file.path]
        try process.run()
        process.waitUntilExit()
        return URL(fileURLWithPath: file.path + ".gz")
    }
}

/// Counts how many inputs a runner has pulled from a stream.
final class PullCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var pulled = 0
    private var atFirstOutput: Int?
    func pull() { lock.withLock { pulled += 1 } }
    func output() { lock.withLock { if atFirstOutput == nil { atFirstOutput = pulled } } }
    var pulledAtFirstOutput: Int? { lock.withLock { atFirstOutput } }
}

/// Inputs `s1.raw`… made as the runner pulls them, counting each pull.
struct CountingStream: Sequence, IteratorProtocol, Sendable {
    var count: Int
    let counter: PullCounter
    private var n = 0

    init(count: Int, counter: PullCounter) {
        self.count = count
        self.counter = counter
    }

    mutating func next() -> InputSource? {
        guard n < count else { return nil }
        n += 1
        counter.pull()
        return .data(name: "s\(n).raw", Data("line \(n)".utf8))
    }
}

@Suite("Streams")
struct StreamTests {
    @Test("a stream is pulled lazily: the first output appears long before the stream is drained")
    func lazy() async throws {
        let p = try PipelineLoader(registry: testRegistry(), environment: [:]).load(
            text: "version: 1\nreader: raw\nanalyzers: [lines]\nexporters: [summary]\n", file: "p.yaml")
        let counter = PullCounter()
        let stream = CountingStream(count: 500, counter: counter)
        let capture = OutputCapture()
        let runner = Runner(
            pipeline: p, jobs: 2,
            standardOutput: { data in
                counter.output()
                capture.append(data)
            })
        let summary = await runner.run(stream: stream)
        #expect(summary.succeeded == 500)
        #expect(summary.inputs == 500)
        // At most jobs * 4 inputs wait to be written and `jobs` more wait in the hand-off from the
        // input thread, so the first result is written after at most a few pulls.
        #expect((counter.pulledAtFirstOutput ?? 500) <= 2 * 4 + 2 + 1)
        #expect(capture.text.hasPrefix("s1 sentences=1 \ns2 sentences=1 \n"))
    }
}
