import Dossier
import Foundation
import Testing

/// The `json` exporter's sink: valid JSON wherever several documents meet, and large documents
/// streamed rather than held whole.
@Suite("The json exporter's sink")
struct JSONSinkTests {
    func pipeline(_ exporters: String) throws -> Pipeline {
        try PipelineLoader.standard(environment: [:]).load(text: "version: 1\nreader: text\nexporters:\n\(exporters)", file: "p.yaml")
    }

    /// The `raw` test reader and `json`: a large article is read in no time, so the test is
    /// about the exporter, not the reader.
    func rawPipeline(_ exporters: String) throws -> Pipeline {
        var registry = try testRegistry()
        try registry.register(exporter: JSONExporter.self)
        return try PipelineLoader(registry: registry, environment: [:]).load(
            text: "version: 1\nreader: raw\nexporters:\n\(exporters)", file: "p.yaml")
    }

    func inputs(_ texts: [String]) -> [InputSource] {
        texts.enumerated().map { .data(name: "a\($0.offset + 1).txt", Data($0.element.utf8)) }
    }

    @Test("a shared pretty file is one JSON array of the documents in input order, each readable back")
    func prettyArray() async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let p = try pipeline("  - json:\n      to: all.json\n")
        let texts = ["First one.", "Second one.", "Third one."]
        let summary = await Runner(pipeline: p, jobs: 3, outputDirectory: folder.path).run(inputs(texts))
        #expect(summary.allSucceeded)
        let data = try Data(contentsOf: folder.appendingPathComponent("all.json"))
        let array = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(array.map { $0["id"] as? String } == ["a1", "a2", "a3"])
        #expect(data.last == UInt8(ascii: "\n"))
        for item in array {
            let document = try Document(jsonData: JSONSerialization.data(withJSONObject: item))
            #expect(document.text.hasSuffix("one."))
        }
    }

    @Test("the json reader reads a shared pretty file back, document by document, equal to what was written")
    func arrayReadsBack() async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let p = try pipeline("  - json:\n      to: all.json\n")
        _ = await Runner(pipeline: p, jobs: 2, outputDirectory: folder.path).run(inputs(["First one. Two.", "Second one."]))
        let all = try Data(contentsOf: folder.appendingPathComponent("all.json"))
        let written = try #require(try JSONSerialization.jsonObject(with: all) as? [Any]).map { item in
            try Document(jsonData: JSONSerialization.data(withJSONObject: item))
        }
        let back = try JSONReader().read(Input(id: "all", name: "all.json", data: all))
        #expect(back == written)
        #expect(back.map(\.id) == ["a1", "a2"])
    }

    @Test("a shared compact file is JSON Lines: one document per line")
    func compactLines() async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let p = try pipeline("  - json:\n      to: all.jsonl\n      pretty: false\n")
        _ = await Runner(pipeline: p, jobs: 2, outputDirectory: folder.path).run(inputs(["First one.", "Second one."]))
        let lines = try String(contentsOf: folder.appendingPathComponent("all.jsonl"), encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(try lines.map { try Document(jsonData: Data($0.utf8)).id } == ["a1", "a2"])
    }

    @Test("standard output gets the documents one after another, so one article is one plain document")
    func standardOutput() async throws {
        let capture = OutputCapture()
        let p = try pipeline("  - json:\n      to: stdout\n")
        _ = await Runner(pipeline: p, standardOutput: capture.append).run(inputs(["Only one."]))
        #expect(try Document(jsonData: Data(capture.text.utf8)).id == "a1")
    }

    @Test(
        "a document past the streaming threshold is streamed by the sink and comes out byte for byte as rendered whole",
        arguments: [true, false])
    func streamedLarge(pretty: Bool) async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = String(repeating: "Words of a long article go on. ", count: JSONExporter.streamingThreshold / 31 + 10)
        let sources: [InputSource] = [.data(name: "a1.raw", Data(text.utf8)), .data(name: "a2.raw", Data("Short one.".utf8))]
        let p = try rawPipeline("  - json:\n      to: out/{id}.json\n      pretty: \(pretty)\n")
        #expect(await Runner(pipeline: p, outputDirectory: folder.path).run(sources).allSucceeded)
        let q = try rawPipeline("  - json:\n      to: all.json\n      pretty: \(pretty)\n")
        #expect(await Runner(pipeline: q, outputDirectory: folder.path).run(sources).allSucceeded)
        let written = try Data(contentsOf: folder.appendingPathComponent("out/a1.json"))
        let document = try Document(jsonData: written)
        #expect(document.length >= JSONExporter.streamingThreshold)
        var options = JSONExporter.Options()
        options.pretty = pretty
        #expect(written == (try JSONExporter(options: options).export(document)))
        let shared = try Data(contentsOf: folder.appendingPathComponent("all.json"))
        if pretty {
            let array = try #require(try JSONSerialization.jsonObject(with: shared) as? [[String: Any]])
            #expect(array.map { $0["id"] as? String } == ["a1", "a2"])
        } else {
            #expect(shared.split(separator: UInt8(ascii: "\n")).count == 2)
        }
    }

    @Test("outside a run the exporter renders a large document whole; in a run it leaves it to the sink")
    func wholeOutsideRun() throws {
        let document = Document(id: "big", text: String(repeating: "x", count: JSONExporter.streamingThreshold))
        #expect(try !JSONExporter().export(document).isEmpty)
        let inRun = ExportContext(pipeline: "p", exporter: "json", rendersThroughSink: true)
        #expect(try JSONExporter().export(document, context: inRun).isEmpty)
        let small = Document(id: "small", text: "Short.")
        #expect(try JSONExporter().export(small, context: inRun) == JSONExporter().export(small))
    }
}
