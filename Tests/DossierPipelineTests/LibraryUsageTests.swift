import Dossier
import DossierTestSupport
import Foundation
import Testing

/// Dossier used as a library, as README.md shows it (the example itself is in ReadmeSnippet.swift).
@Suite("Using Dossier as a library")
struct LibraryUsageTests {
    @Test("the README's Swift example is exactly the code ReadmeSnippet.swift compiles, and it runs")
    func readmeExample() async throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let source = try String(contentsOf: root.appendingPathComponent("Tests/DossierPipelineTests/ReadmeSnippet.swift"), encoding: .utf8)
        let expected = ReadmeSnippet.expectedBlock(from: source)
        #expect(ReadmeSnippet.region("body", in: source).count > 5, "the markers in ReadmeSnippet.swift are missing")
        #expect(ReadmeSnippet.swiftBlocks(in: readme) == [expected], "README.md's Swift example differs from ReadmeSnippet.swift")

        let analyzed = try await ReadmeSnippet.run()
        #expect(analyzed.annotations.sentences.count == 4)
        #expect(analyzed.annotations.sentences.allSatisfy { $0.producer.component == "sentences" })
    }

    @Test("components can be used without any pipeline file")
    func directUse() throws {
        let segmenter = SentenceSegmenter()
        #expect(
            segmenter.segment("Dr. Lee arrived at 9 a.m. on Monday. She left early.") == [
                "Dr. Lee arrived at 9 a.m. on Monday.", "She left early.",
            ])
    }

    @Test("Registry.standard refuses a second component with a built-in id")
    func duplicateID() throws {
        var registry = Registry.standard
        #expect(throws: Registry.Error.self) { try registry.register(exporter: JSONExporter.self) }
    }
}
