import Dossier
import Foundation
import Testing

/// The streaming contract (`Docs/Streaming.md`, issue "Scale out"): over JSON Lines, exactly one
/// output line per input record, in input order, the input's id echoed, a failure record in a
/// failed one's place, and a run whose failures are all answered in the output exits as complete.
@Suite("Streaming contract: one output line per record, failures answered in place")
struct StreamContractTests {
    /// The standard components plus `lines` (sentences per line, throws on a line saying FAIL),
    /// to make an analyzer fail on one record.
    func pipeline(_ yaml: String) throws -> Pipeline {
        var registry = Registry.standard
        try registry.register(analyzer: LineAnalyzer.self)
        return try PipelineLoader(registry: registry, environment: [:]).load(text: yaml, file: "p.yaml")
    }

    static let stream = """
        version: 1
        reader: jsonl
        analyzers: [lines]
        exporters:
          - jsonl:
              to: stdout
              failures: lines
        """

    /// Good records, one with no text (the reader fails), one that is not JSON, one an analyzer
    /// fails on, one without an id, and a blank line (not a record), written to a `.jsonl` file.
    static let records = [
        #"{"id": "a", "title": "One", "text": "First body."}"#,
        #"{"id": "b", "note": "no text here"}"#,
        #"{"id": "c", "title": "Broken"#,
        #"{"id": 4, "title": "Four", "text": "FAIL"}"#,
        "",
        #"{"title": "No id", "text": "Fifth body."}"#,
        #"{"id": "f", "title": "Six", "text": "Last body."}"#,
    ]

    func run(_ yaml: String, jobs: Int) async throws -> (lines: [[String: Any]], summary: RunSummary, path: String) {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("feed.jsonl")
        try Data(Self.records.joined(separator: "\n").utf8).write(to: file)
        let capture = OutputCapture()
        let runner = Runner(pipeline: try pipeline(yaml), jobs: jobs, standardOutput: capture.append)
        let summary = await runner.run([.file(file.path)])
        let lines = try capture.text.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        return (lines, summary, file.path)
    }

    @Test("every record gets one line in input order, failures as records with the id it would have had", arguments: [1, 2])
    func oneLinePerRecord(jobs: Int) async throws {
        let (lines, summary, path) = try await run(Self.stream, jobs: jobs)
        #expect(lines.count == 6)
        #expect(lines.map { $0["id"] as? String } == ["a", "b", "feed-3", "4", "feed-6", "f"])
        #expect(
            lines.map { $0["format"] as? String } == ["dossier", "dossier-error", "dossier-error", "dossier-error", "dossier", "dossier"])
        let errors = lines.compactMap { $0["error"] as? [String: Any] }
        #expect(errors.map { $0["code"] as? String } == ["E454", "E451", "E404"])
        #expect(errors.map { $0["component"] as? String } == ["jsonl", "jsonl", "lines"])
        #expect(lines[2]["line"] as? Int == 3 && lines[2]["input"] as? String == path)
        #expect(summary.failed == 3 && summary.answered == 3 && summary.succeeded == 3)
        #expect(summary.outputIsComplete && !summary.allSucceeded)
        #expect(summary.line.contains("3 failed (each answered in the output)"))
    }

    @Test("without 'failures: lines' a failed record leaves no line and the run is not complete")
    func omittedByDefault() async throws {
        let yaml = Self.stream.replacingOccurrences(of: "\n      failures: lines", with: "")
        let (lines, summary, _) = try await run(yaml, jobs: 2)
        #expect(lines.map { $0["id"] as? String } == ["a", "feed-6", "f"])
        #expect(summary.failed == 3 && summary.answered == 0 && !summary.outputIsComplete)
    }

    @Test("a shared file gets the failure records too; a file per article gets none")
    func sharedAndPerArticleFiles() async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in.jsonl")
        try Data((#"{"id": "x", "title": "T", "text": "FAIL"}"# + "\n" + #"{"id": "y", "title": "T", "text": "Fine."}"#).utf8)
            .write(to: input)
        let yaml = """
            version: 1
            reader: jsonl
            analyzers: [lines]
            exporters:
              - jsonl: { to: all.jsonl, failures: lines }
              - jsonl: { to: "each/{id}.jsonl", failures: lines, as: each }
            """
        let runner = Runner(pipeline: try pipeline(yaml), jobs: 1, outputDirectory: folder.path)
        let summary = await runner.run([.file(input.path)])
        let all = try String(contentsOf: folder.appendingPathComponent("all.jsonl"), encoding: .utf8).split(separator: "\n")
        #expect(all.count == 2 && all[0].contains(#""format":"dossier-error""#) && all[0].contains(#""id":"x""#))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("each").path) == ["y.jsonl"])
        #expect(summary.answered == 1)
    }

    @Test("a failure record read back is refused with E459 and its cause, not taken for an article")
    func failureRecordReadBack() throws {
        let failure = ArticleFailure(
            id: "z", input: "-", line: 2, diagnostic: Diagnostic(code: "E451", "line 2 of '-' is not valid JSON", component: "jsonl"))
        let line = failure.jsonLine()
        #expect(String(decoding: line, as: UTF8.self).hasSuffix("\n"))
        let reader = JSONLinesReader()
        #expect(reader.recordID(line: line.dropLast(), number: 9, inputID: "in") == "z")
        #expect(reader.recordID(line: Data("not json".utf8), number: 9, inputID: "in") == "in-9")
        let error = #expect(throws: ComponentError.self) {
            _ = try reader.read(line: line.dropLast(), number: 1, inputID: "in", inputName: "in.jsonl")
        }
        #expect(error?.code == "E459")
        #expect(error?.message.contains("E451: line 2 of '-' is not valid JSON") == true)
    }

    @Test("the built-in 'stream' pipeline reads JSON Lines, runs the default analyses and answers failures")
    func builtInStream() async throws {
        let loader = PipelineLoader.standard(environment: [:])
        let p = try loader.load(text: DefaultPipeline.stream, file: "<stream>")
        guard case .fixed(let reader) = p.reader else {
            Issue.record("the stream pipeline's reader is not fixed")
            return
        }
        #expect(reader.info.id == "jsonl")
        let standard = try loader.load(text: DefaultPipeline.yaml, file: "<default>")
        #expect(p.analyzers.map(\.name) == standard.analyzers.map(\.name))
        #expect(p.exporters.map(\.name) == ["jsonl"])
        #expect(p.exporters[0].exporter.writesFailures(to: .standardOutput))
    }
}
