import Dossier
import DossierTestSupport
import Foundation
import Testing

/// The library example in README.md, kept compiling and true here.
@Suite("Using Dossier as a library")
struct LibraryUsageTests {
    @Test("the README example loads a pipeline from text, reads an article and analyzes it")
    func readmeExample() async throws {
        let data = try Fixtures.data("harbour-bridge.txt")

        // --- README example starts
        let pipeline = try PipelineLoader.standard().load(text: """
            version: 1
            analyzers: [sentences]
            exporters: [json]
            """, file: "inline.yaml")
        let runner = Runner(pipeline: pipeline)

        let input = Input(id: "story", name: "story.txt", data: data)
        let document = try TextReader().read(input)[0]
        let analyzed = try await runner.analyze(document)
        for sentence in analyzed.annotations.sentences.prefix(3) {
            print(analyzed.text(in: sentence.range))
        }
        // --- README example ends

        #expect(analyzed.annotations.sentences.count > 10)
        #expect(analyzed.annotations.sentences.allSatisfy { $0.producer.component == "sentences" })
    }

    @Test("components can be used without any pipeline file")
    func directUse() throws {
        let segmenter = SentenceSegmenter()
        #expect(segmenter.segment("Dr. Lee arrived at 9 a.m. on Monday. She left early.") == ["Dr. Lee arrived at 9 a.m. on Monday.", "She left early."])
    }

    @Test("Registry.standard refuses a second component with a built-in id")
    func duplicateID() throws {
        var registry = Registry.standard
        #expect(throws: Registry.Error.self) { try registry.register(exporter: JSONExporter.self) }
    }
}
