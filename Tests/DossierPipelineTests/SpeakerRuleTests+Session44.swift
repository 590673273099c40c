import Dossier
import DossierTesting
import Foundation
import Testing

/// A withheld name, the asker of an opening `Asked by`, a participle after a phrase of when, and a
/// subject a relative clause with `which` follows, in an article written for these tests.
@Suite("Speakers: withheld names, askers, participles after a phrase of when (session 44)")
struct SpeakerRuleTests44 {
    static let probe = """
        Harbour Inquiry Hears From Residents

        A woman from the Quayside estate, who did not give her name, said the council had "stopped listening" years ago. A man who gave his name only as Tomasz said he had fished there for decades.

        "I asked why the invoices came twice a month," Ruth Kellan said. "Nobody could tell me."

        Asked by Ilse Moravec whether she had visited the depot, she said: "I did. It was an empty lot."

        Judge Petra Ansel intervened twice, at one point telling the barrister to "ask a question rather than making a speech".

        The trust, which runs sailing lessons and repairs boats for families in the poorest streets of the town, said its volunteers had "kept the harbour alive".
        """

    static func quotes(_ document: Document) -> [(text: String, speaker: String?, entity: String?, anonymous: Bool)] {
        let names = Dictionary(document.annotations.entities.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        return document.annotations.quotes.map {
            (document.text(in: $0.range), $0.speakerRange.map(document.text(in:)), $0.speaker.flatMap { names[$0.id] }, $0.isAnonymous)
        }
    }

    @Test("'A woman from the Quayside estate, who did not give her name, said' is an unnamed speaker, not the estate")
    func withheldName() async throws {
        let quotes = Self.quotes(try await SpeakerRuleTests41.analyzed(Self.probe))
        let quote = try #require(quotes.first { $0.text == "stopped listening" })
        #expect(quote.anonymous, "\(quote)")
        #expect(quote.entity == nil, "\(quote)")
        #expect(quote.speaker?.hasPrefix("A woman from the Quayside estate") == true, "\(quote)")
    }

    @Test("'Asked by Ilse Moravec whether she had visited the depot, she said' is the witness before, not the asker")
    func askerIsNotTheSpeaker() async throws {
        let quotes = Self.quotes(try await SpeakerRuleTests41.analyzed(Self.probe))
        let quote = try #require(quotes.first { $0.text.hasPrefix("I did.") })
        #expect(quote.entity == "Ruth Kellan", "\(quote)")
    }

    @Test("'Judge Petra Ansel intervened twice, at one point telling the barrister to “…”' is the judge's")
    func participleAfterAPhraseOfWhen() async throws {
        let quotes = Self.quotes(try await SpeakerRuleTests41.analyzed(Self.probe))
        let quote = try #require(quotes.first { $0.text.hasPrefix("ask a question") })
        #expect(quote.entity == "Petra Ansel", "\(quote)")
    }

    @Test("'The trust, which runs sailing lessons … of the town, said' gives the trust as the speaker")
    func subjectBeforeALongWhichClause() async throws {
        let quotes = Self.quotes(try await SpeakerRuleTests41.analyzed(Self.probe))
        let quote = try #require(quotes.first { $0.text == "kept the harbour alive" })
        #expect(quote.speaker == "The trust", "\(quote)")
    }
}
