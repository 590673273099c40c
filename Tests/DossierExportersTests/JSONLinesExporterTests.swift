import DossierCore
import DossierExporters
import DossierReaders
import DossierTestSupport
import DossierTesting
import Foundation
import Testing

@Suite("The jsonl exporter")
struct JSONLinesExporterTests {
    @Test("a shared file holds one whole document per line, the bytes of 'json' with 'pretty: false', each reading back equal")
    func sharedFile() async throws {
        let folder = try Corpus.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let documents = ["one", "two", "three"].map { Corpus.document($0) }
        let run = try await Corpus.run(
            "  - jsonl: { to: all.jsonl }\n  - json: { pretty: false, to: all-json.jsonl }\n", documents, in: folder)
        #expect(run.summary.allSucceeded, "\(run.diagnostics)")
        let lines = try Data(contentsOf: folder.appendingPathComponent("all.jsonl"))
        #expect(lines == (try Data(contentsOf: folder.appendingPathComponent("all-json.jsonl"))))
        let split = lines.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        #expect(split.count == 4 && split.last?.isEmpty == true)
        for (line, document) in zip(split, documents) {
            #expect(try Document(jsonData: Data(line)) == document)
        }
        let back = try JSONLinesReader().read(Input(id: "all", name: "all.jsonl", data: lines))
        #expect(back == documents)
    }

    @Test("standard output gets the same lines, and the exporter's file extension is jsonl")
    func standardOutput() async throws {
        let folder = try Corpus.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let documents = ["a", "b"].map { Corpus.document($0) }
        let run = try await Corpus.run("  - jsonl\n", documents, in: folder)
        #expect(run.text.split(separator: "\n").count == 2)
        #expect(try run.documents() == documents)
        #expect(JSONLinesExporter.fileExtension == "jsonl")
        #expect(try Corpus.registry().exporters["jsonl"]?.info.fileExtensions == ["jsonl"])
    }

    @Test("a document long enough to be streamed by the sink in chunks is still one line")
    func streamedDocumentIsOneLine() async throws {
        let folder = try Corpus.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let long = String(repeating: "Word, \"quoted\" and more.\n", count: (JSONExporter.streamingThreshold / 25) + 10)
        let big = Document(id: "big", text: long, blocks: [], metadata: Metadata(title: "Big"), links: [])
        #expect(big.length >= JSONExporter.streamingThreshold)
        let run = try await Corpus.run("  - jsonl: { to: big.jsonl }\n", [big, Corpus.document("small")], in: folder)
        #expect(run.summary.allSucceeded, "\(run.diagnostics)")
        let data = try Data(contentsOf: folder.appendingPathComponent("big.jsonl"))
        let lines = data.split(separator: UInt8(ascii: "\n"))
        #expect(lines.count == 2)
        #expect(try Document(jsonData: Data(lines[0])).text == long)
    }

    @Test("includeText: false leaves the text out of every line")
    func withoutText() throws {
        var options = JSONLinesExporter.Options()
        options.includeText = false
        let line = String(decoding: try JSONLinesExporter(options: options).export(SampleDocuments.full), as: UTF8.self)
        #expect(line.filter { $0 == "\n" }.count == 1)
        #expect(!line.contains("Old Mill Bridge to cars\\n"))
    }

    @Test("the jsonl exporter passes the exporter conformance checks")
    func conformance() {
        let problems = ExporterConformance.check(JSONLinesExporter.self, documents: [SampleDocuments.full, SampleDocuments.minimal])
        #expect(problems.isEmpty, "\(problems)")
    }
}
