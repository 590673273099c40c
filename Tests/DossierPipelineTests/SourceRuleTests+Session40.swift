import Dossier
import DossierTesting
import Foundation
import Testing

/// Sources named by a document's description, in an article written for this test.
@Suite("Sources: documents described (session 40)")
struct SourceRuleTests40 {
    static let article = """
        Ferry Fares to Rise in Spring

        Fares on the island routes will rise by 8 percent, according to the findings of the Halden Review, “to cover fuel and crew costs.”

        The operator’s guidelines say children under five travel free. An internal email seen by this newspaper warns of cuts to winter sailings.
        """

    @Test("a document described before its owner is a document, not a person; findings, guidelines and an email are documents")
    func documentsDescribed() async throws {
        let yaml = """
            version: 1
            reader: text
            analyzers: [sentences, entities, dates, quotes, sources]
            exporters: [json]
            """
        let result = try await InMemoryRunner(registry: .standard).run(yaml, inputs: [(name: "fares.txt", text: Self.article)])
        let document = try #require(try result.documents().first)
        let sources = document.annotations.sources.map { (kind: $0.kind, text: $0.range.map { document.text(in: $0) } ?? "") }
        #expect(sources.contains { $0.kind == .document && $0.text == "the findings of the Halden Review" })
        #expect(!sources.contains { $0.kind == .person })
        #expect(sources.contains { $0.kind == .document && $0.text == "The operator’s guidelines" })
        #expect(sources.contains { $0.kind == .document && $0.text == "An internal email" })
    }
}
