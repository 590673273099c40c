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

    /// `text` through the standard registry up to the sources layer, as a user runs it.
    static func analyzed(_ text: String) async throws -> Document {
        let yaml = """
            version: 1
            reader: text
            analyzers: [sentences, entities, dates, quotes, sources]
            exporters: [json]
            """
        let result = try await InMemoryRunner(registry: .standard).run(yaml, inputs: [(name: "t.txt", text: text)])
        return try #require(try result.documents().first)
    }

    @Test("a document described before its owner is a document, not a person; findings, guidelines and an email are documents")
    func documentsDescribed() async throws {
        let document = try await Self.analyzed(Self.article)
        let sources = document.annotations.sources.map { (kind: $0.kind, text: $0.range.map { document.text(in: $0) } ?? "") }
        #expect(sources.contains { $0.kind == .document && $0.text == "the findings of the Halden Review" })
        #expect(!sources.contains { $0.kind == .person })
        #expect(sources.contains { $0.kind == .document && $0.text == "The operator’s guidelines" })
        #expect(sources.contains { $0.kind == .document && $0.text == "An internal email" })
    }

    @Test("'Few argue' and 'Several say' are vague attributions; 'which it most fears' is none")
    func vagueQuantifiers() async throws {
        let text = """
            Few argue against the new timetable. Several say the early sailing should stay. The council fears a loss, which it \
            most fears in winter.
            """
        let document = try await Self.analyzed(text)
        let vague = document.annotations.findings.filter { $0.kind == "sources.vague-attribution" }.compactMap {
            $0.range.map(document.text(in:))
        }
        #expect(vague.contains("Few argue"))
        #expect(vague.contains("Several say"))
        #expect(!vague.contains { $0.contains("fears") })
    }

    @Test("the brief marks a vaguely attributed speaker as vague, not as a name")
    func briefMarksVagueSpeaker() async throws {
        let yaml = """
            version: 1
            reader: text
            analyzers: [sentences, entities, dates, quotes, sources]
            exporters: [markdown]
            """
        let text = "Few argue against the new timetable. Mara Lind said the early sailing should stay."
        let result = try await InMemoryRunner(registry: .standard).run(yaml, inputs: [(name: "t.txt", text: text)])
        #expect(result.text.contains("- _Vague_: Few (argue, reported): against the new timetable"), "\(result.text)")
        #expect(result.text.contains("- **Mara Lind** (said, reported)"), "\(result.text)")
    }
}
