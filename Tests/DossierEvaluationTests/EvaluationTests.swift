import Dossier
import DossierEvaluation
import Foundation
import Testing

/// A reader that returns one document per input, its text the input's bytes, blocks as written.
private struct EchoReader: Reader {
    static let id = "echo"
    static let summary = "returns the input as one paragraph under a title"
    init(options: NoOptions) {}
    func read(_ input: Input) throws -> [Document] {
        let text = "Title\n" + String(decoding: input.data, as: UTF8.self)
        let blocks = [
            Block(kind: .title, range: TextRange(start: 0, end: 5)),
            Block(kind: .paragraph, range: TextRange(start: 6, end: text.unicodeScalars.count)),
        ]
        var metadata = Metadata()
        metadata.title = "Title"
        metadata.authors = ["Ana Ruiz"]
        return [Document(id: input.id, text: text, blocks: blocks, metadata: metadata, origin: input.name, reader: Self.provenance)]
    }
}

/// A folder under the temporary directory, removed when the test ends.
private func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-evaluation-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

@Suite("Evaluation: readers come from the registry by id")
struct EvaluationTests {
    @Test("extraction reads every page with the reader named by id and scores the body without the title")
    func extractionByID() throws {
        var registry = Registry()
        try registry.register(reader: EchoReader.self)
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("html"), withIntermediateDirectories: true)
        let body = "the lock gates were replaced on tuesday by the trust"
        try Data(body.utf8).write(to: folder.appendingPathComponent("html/p1.html"))
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        gzip.arguments = ["gzip", folder.appendingPathComponent("html/p1.html").path]
        try gzip.run()
        gzip.waitUntilExit()
        try #require(gzip.terminationStatus == 0)
        try Data(#"{"p1": {"articleBody": "the lock gates were replaced on tuesday by the trust"}}"#.utf8)
            .write(to: folder.appendingPathComponent("ground-truth.json"))

        let result = try ExtractionEvaluation(registry: registry, readerID: "echo").run(directory: folder)
        #expect(result.pages == 1)
        #expect(result.bodies == ["p1": body])
        let score = ShingleScore(gold: try ExtractionEvaluation.groundTruth(in: folder), predicted: result.bodies)
        #expect(score.f1 == 1)
    }

    @Test("golden rules are scored through the text reader too, where inline numbered lists split like the segmenter's")
    func sentencesThroughReader() async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let rules = [
            ["text": "1. Oil the hinges 2. Paint the gate", "sentences": ["1. Oil the hinges", "2. Paint the gate"]],
            ["text": "3) Oil the hinges. 4) Paint the gate.", "sentences": ["3) Oil the hinges.", "4) Paint the gate."]],
            ["text": "The gate was painted. It looks new.", "sentences": ["The gate was painted.", "It looks new."]],
            ["text": "Two sentences here. Expected as one.", "sentences": ["Two sentences here. Expected as one."]],
        ]
        let file = folder.appendingPathComponent("rules.json")
        try JSONSerialization.data(withJSONObject: rules).write(to: file)
        let evaluation = try SentenceEvaluation(file: file)
        let result = try await evaluation.run(registry: .standard, readerID: "text", analyzerID: "sentences")
        #expect(result.total == 4)
        #expect(result.passed == 3)
        #expect(result.misses.map(\.number) == [4])
        #expect(result.misses.first?.got == ["Two sentences here.", "Expected as one."])
    }

    @Test("an id the registry lacks is E465, naming the readers there are")
    func unknownReader() throws {
        let error = try #require(throws: EvaluationError.self) { try ExtractionEvaluation(registry: .standard, readerID: "htm") }
        #expect(error.code == "E465")
        #expect(error.message.contains("'html'"))
    }

    @Test("a missing data folder is E466")
    func missingFolder() throws {
        let evaluation = try ExtractionEvaluation(registry: .standard)
        let error = try #require(throws: EvaluationError.self) {
            try evaluation.run(directory: URL(fileURLWithPath: "/nonexistent-dossier-data"))
        }
        #expect(error.code == "E466")
    }

    @Test("metadata compares each field by its rule")
    func metadataRules() {
        #expect(MetadataEvaluation.fieldMatches("title", "Lock  Gates\nReplaced", "Lock Gates Replaced"))
        #expect(MetadataEvaluation.bylineMatches("By Ana Ruiz (with Tom Hale)", ["Ana Ruiz", "Tom Hale"]))
        #expect(!MetadataEvaluation.bylineMatches("By Ana Ruiz", []))
        #expect(MetadataEvaluation.fieldMatches("publishedTime", "2025-05-06T10:00:00Z", "2025-05-06"))
        #expect(!MetadataEvaluation.fieldMatches("lang", "en", ""))
    }

    @Test("sentences score a segmenter function against golden rules")
    func sentences() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("golden.json")
        try Data(#"[{"text": "One. Two.", "sentences": ["One.", "Two."]}, {"text": "Dr. X.", "sentences": ["Dr. X."]}]"#.utf8).write(
            to: file)
        let result = try SentenceEvaluation(file: file).run(SentenceSegmenter().segment)
        #expect(result.passed == 2 && result.total == 2)
        let naive = try SentenceEvaluation(file: file).run { $0.split(separator: " ").map(String.init) }
        #expect(naive.passed == 1 && naive.misses.map(\.number) == [2])
    }
}
