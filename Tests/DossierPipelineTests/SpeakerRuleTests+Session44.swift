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

    @Test("'“…,” Orzanov was quoted as saying by the state news agency KTA' is Orzanov's, and the agency is no reported clause")
    func quotedAsSayingBy() async throws {
        let text = """
            Talks Resume

            Kessaran President Bakhyt Orzanov did not attend the talks.

            "The dam is a matter of sovereignty," Orzanov was quoted as saying by the state news agency KTA.
            """
        let document = try await SpeakerRuleTests41.analyzed(text)
        let quotes = Self.quotes(document)
        let quote = try #require(quotes.first { $0.text.hasPrefix("The dam is") })
        #expect(quote.entity == "Bakhyt Orzanov", "\(quote)")
        #expect(!quotes.contains { $0.text.contains("state news agency") }, "\(quotes)")
    }

    @Test(
        "'One of them said', after officials who spoke on condition of anonymity, is unnamed; 'according to the theatre's general manager, Priti Olawale' is Olawale"
    )
    func shareOfAGroupAndADescribedName() async throws {
        let text = """
            Theatre Closes

            Fenella Rook, the Larkspur's artistic director since 2011, said the building had been sold. The Larkspur Playhouse will close in June.

            Two officials familiar with the sale, who spoke on condition of anonymity, said the price was low. One of them said the buyer had been "chosen early".

            The youth classes will move to a church hall, according to the theatre's general manager, Priti Olawale.
            """
        let document = try await SpeakerRuleTests41.analyzed(text)
        let quotes = Self.quotes(document)
        let share = try #require(quotes.first { $0.text == "chosen early" })
        #expect(share.anonymous, "\(share)")
        let manager = try #require(quotes.first { $0.text.contains("church hall") })
        #expect(manager.entity == "Priti Olawale", "\(manager)")
        let rook = try #require(document.annotations.entities.first { $0.name == "Fenella Rook" })
        #expect(rook.kind == .person)
        #expect(rook.roles.contains { $0.title.contains("artistic director") }, "\(rook.roles)")
        #expect(document.annotations.entities.first { $0.name == "Larkspur Playhouse" }?.kind == .organization)
    }

    @Test("in a profile, 'she said' with no one named in three paragraphs is the woman the article is about")
    func protagonistOfAProfile() async throws {
        let text = """
            A Champion Learns To Rest

            Ilona Varsky won her first title at 17. Varsky trained at dawn for two decades. Varsky still wakes at five.

            "I never learned to sleep in," Varsky said. "My body does not know I have stopped."

            Varsky, 38, retired after the 2024 season. Her coach, Teodor Brandt, said he had never seen a harder worker.

            The house above the harbour has a court behind it. Nobody plays on it now.

            The trophies are in a cupboard. The rackets are in the garage.

            "I hated the travel," she said. "Every week a new hotel, and every hotel the same."
            """
        let document = try await SpeakerRuleTests41.analyzed(text)
        let quote = try #require(Self.quotes(document).first { $0.text.hasPrefix("I hated the travel") })
        #expect(quote.entity == "Ilona Varsky", "\(quote)")
    }

    @Test("'“…,” it said' is the organisation the sentence before opens with; 'the company' is no police force")
    func itAndTheCompany() async throws {
        let text = """
            Bus Crash Inquiry

            Northvale Police said the driver was unhurt. Northvale Police closed the lane. Northvale Police said more checks would follow.

            In a statement, Harlow Coaches said it was shocked. "Safety comes first," the company said.

            The Transport Safety Commission confirmed it had opened an inquiry into Harlow Coaches. "We have serious concerns," it said in a statement.
            """
        let document = try await SpeakerRuleTests41.analyzed(text)
        let quotes = Self.quotes(document)
        let company = try #require(quotes.first { $0.text == "Safety comes first" })
        #expect(company.entity == "Harlow Coaches", "\(company)")
        let commission = try #require(quotes.first { $0.text == "We have serious concerns" })
        #expect(commission.entity == "Transport Safety Commission", "\(commission)")
    }

    @Test("'“…,” Mr Orme said. “…” ¶ He acknowledged that his cousin, Piet Lahr, …, but said he had declared it “…”' is Orme's")
    func subjectAfterAQuotationAndItsBoundPronoun() async throws {
        let text = """
            Charity Inquiry

            The chief executive, Daniel Orme, denied any wrongdoing.

            "Every pound was spent on the children," Mr Orme said. "I reject the suggestion completely."

            He acknowledged that his cousin, Piet Lahr, is a director of the supplier, but said he had declared the link "openly and in good faith" to the board.
            """
        let document = try await SpeakerRuleTests41.analyzed(text)
        let quote = try #require(Self.quotes(document).first { $0.text == "openly and in good faith" })
        #expect(quote.entity == "Daniel Orme", "\(quote)")
    }
}
