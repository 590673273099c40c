import Dossier
import DossierTesting
import Foundation
import Testing

/// The session-35 rules: a participle after a comma, `reported that`, `who said`, a second verb
/// after `but` with no reporting verb before it, a description an anonymous speaker was given,
/// abbreviated offices, party tags, months that are given names, kinds of place and positions on a
/// team. Written in other words than the held-out articles that showed the misses.
extension SpeakerRuleTests {
    /// The reported speech (no quotation marks) of `document`, as its words.
    static func reports(in document: Document) -> [String] {
        document.annotations.quotes.filter { $0.kind == .indirect }.map { document.text(in: $0.range) }
    }

    @Test(
        "a participle after a comma reports what the subject of the clause before it said",
        arguments: [
            (
                "Councillor Edda Marsh opposed the levy on Thursday, saying the fund was already in surplus.",
                "the fund was already in surplus", "Edda Marsh"
            ),
            (
                "“We had to act,” said Moira Tallis, adding that the pumps had failed twice in a week.",
                "the pumps had failed twice in a week", "Moira Tallis"
            ),
            (
                "Ilse Brant chairs the trust. “It is settled,” she said, adding that the sale would close in May.",
                "the sale would close in May", "Ilse Brant"
            ),
        ])
    func participles(_ text: String, _ words: String, _ expected: String) async throws {
        let document = try await Self.analyze(text)
        #expect(Self.reports(in: document).contains(words), "\(Self.reports(in: document))")
        #expect(try Self.speaker(of: words, in: document) == expected)
    }

    @Test(
        "no report from a participle before a phrase, an object, an infinitive or a name that holds 'States'",
        arguments: [
            "The agency issued a notice, warning of delays on the line into the city.",
            "He left the hearing early, saying nothing to the waiting reporters.",
            "The ministry is expected to announce that the plant will close in spring.",
            "Trade between the United States and Mexico rose by four per cent last year.",
            "The firm reported a loss of four million pounds for the year.",
            "The committee released two reports that criticised the delays on the project.",
        ])
    func notReports(_ text: String) async throws {
        let document = try await Self.analyze(text)
        #expect(Self.reports(in: document).isEmpty, "\(Self.reports(in: document))")
    }

    @Test("'reported that' gives the outlet's report; 'who said' the person named before the comma")
    func reportedAndWho() async throws {
        let text = """
            The Eastwick Courier reported that the mayor had resigned on Friday night.

            The motion was backed by Pavel Ostrow of Lindenfield, who said he had “never seen a worse budget” in his years on the council.
            """
        let document = try await Self.analyze(text)
        #expect(try Self.speaker(of: "the mayor had resigned", in: document) == "Eastwick Courier")
        let partial = try #require(document.annotations.quotes.first { $0.kind == .partial })
        #expect(document.annotations.resolve(partial.speaker)?.name == "Pavel Ostrow")
    }

    @Test("a second verb after 'but' takes the sentence's subject; a description given to an anonymous speaker stays anonymous")
    func openingSubjectsAndAnonymousDescriptions() async throws {
        let text = """
            A Harlow Police spokesman, Amos Kettering, declined to discuss the arrest but said the force “takes every report seriously.”

            A council officer in Marden, who asked not to be named because she was not authorised to speak, said the audit was late. “Nobody wanted to sign it,” the officer said.
            """
        let document = try await Self.analyze(text)
        let partial = try #require(document.annotations.quotes.first { document.text(in: $0.range).contains("takes every report") })
        #expect(document.annotations.resolve(partial.speaker)?.name == "Amos Kettering")
        let later = try #require(document.annotations.quotes.first { document.text(in: $0.range).contains("Nobody wanted") })
        #expect(later.isAnonymous)
    }

    @Test("an abbreviated office is a role with the party or place before it as its affiliation; a party tag is no name")
    func offices() async throws {
        let text = """
            The bill now goes to Republican Gov. Dana Whitfield. Sen. Ray Cortland, R-Eastport, voted against it.

            “I will read it closely,” the governor said on Friday.
            """
        let document = try await Self.analyze(text)
        let whitfield = try #require(document.annotations.entities.first { $0.name == "Dana Whitfield" })
        #expect(whitfield.roles.map(\.title) == ["Gov."])
        #expect(whitfield.roles.first?.affiliation == "Republican")
        #expect(Self.titles(of: "Ray Cortland", in: document) == ["Sen."])
        let names = document.annotations.entities.map(\.name)
        #expect(!names.contains { $0.contains("Eastport") || $0.contains("Gov") }, "\(names)")
        #expect(try Self.speaker(of: "I will read it closely", in: document) == "Dana Whitfield")
        let deputy = try await Self.analyze("Lt. Gov. Ana Seitz abstained in the vote on Tuesday.")
        #expect(Self.titles(of: "Ana Seitz", in: deputy) == ["Lt. Gov."])
    }

    @Test("a month before a surname is a given name; a kind of place and 'of' make a place; positions on a team are roles")
    func namesPlacesAndPositions() async throws {
        let text = """
            Owen and June Pardoe farm outside the village of Brackley Hollow. June Pardoe keeps the accounts.

            Point guard Remy Okafor scored 20 points, and Forward Jens Aalto added 12. The Coast Guard searched the bay.
            """
        let document = try await Self.analyze(text)
        let entities = document.annotations.entities
        #expect(entities.contains { $0.name == "June Pardoe" && $0.kind == .person })
        #expect(entities.contains { $0.name == "Brackley Hollow" && $0.kind == .location })
        #expect(Self.titles(of: "Remy Okafor", in: document) == ["Point guard"])
        #expect(Self.titles(of: "Jens Aalto", in: document) == ["Forward"])
        #expect(entities.contains { $0.name == "Coast Guard" && $0.kind == .organization })
    }
}

extension SpeakerRuleTests {
    @Test("'as she puts it' gives the quotation that follows; the words on a sign after a colon are no speech")
    func puttingAndSigns() async throws {
        let text = """
            Bettina Rasmussen runs the food bank from her garage. She works, as she puts it, “on goodwill and a very old van.”

            Pinned above the shelves is a handwritten sign: “Take what you need. Leave what you can. Ask Bettina.”
            """
        let document = try await Self.analyze(text)
        #expect(try Self.speaker(of: "on goodwill and a very old van", in: document) == "Bettina Rasmussen")
        let sign = try #require(document.annotations.quotes.first { document.text(in: $0.range).contains("Take what you need") })
        #expect(!sign.isSpeech, "\(sign.kind)")
    }

    @Test(
        "a title with lowercase words before it and nobody named in its paragraph is the person named last; an unnamed source with a firm's name stays anonymous"
    )
    func describedAndUnnamed() async throws {
        let text = """
            Every Monday, Agnes Thorvald opens the community hall to anyone who needs a hot meal. She does not ask questions and she keeps no list.

            “People just need somewhere warm to sit,” the former teacher says. “The soup is the excuse.”

            One Brackwell Foods manager, who asked not to be named because he was not allowed to speak to the press, said the firm donated the bread.
            """
        let document = try await Self.analyze(text)
        #expect(try Self.speaker(of: "somewhere warm to sit", in: document) == "Agnes Thorvald")
        let unnamed = try #require(document.annotations.quotes.first { document.text(in: $0.range).contains("donated the bread") })
        #expect(unnamed.isAnonymous)
    }
}

extension SpeakerRuleTests {
    @Test("'quoted X as saying' is X's report; officials of a nation or place are unnamed; 'said the breach struck' is no inverted speaker")
    func quotedOfficialsAndInversions() async throws {
        let text = """
            The state broadcaster quoted Deputy Transport Minister Arvid Lunde as saying the tunnel would open in March.

            Three Norwegian officials told reporters the talks had stalled over fishing quotas.

            Petra Salo, an analyst at Vantor Partners who follows the shipping firms, said the strike hit the busiest week of the year.
            """
        let document = try await Self.analyze(text)
        #expect(try Self.speaker(of: "the tunnel would open in March", in: document) == "Arvid Lunde")
        let officials = try #require(document.annotations.quotes.first { document.text(in: $0.range).contains("the talks had stalled") })
        #expect(officials.isAnonymous && officials.speaker == nil)
        #expect(try Self.speaker(of: "hit the busiest week", in: document) == "Petra Salo")
    }
}

extension SpeakerRuleTests {
    @Test(
        "'prompting X to warn that' is X's report; an age before a title with 'of'; a reviewer is unnamed; a naming verb a few words before"
    )
    func controlAgesAndNames() async throws {
        let text = """
            The talks collapsed on Monday, prompting Finance Minister Edite Varela to warn that the budget was at risk.

            Leonor Prates leads the opposition bloc. “We will not wait for them,” the 61-year-old head of the bloc said.

            One reviewer called the album “music for waiting rooms,” and the band had long nicknamed their rehearsal shed ‘the Lighthouse’.
            """
        let document = try await Self.analyze(text)
        #expect(try Self.speaker(of: "the budget was at risk", in: document) == "Edite Varela")
        let board = try await Self.analyze("The vote led the board to announce it would sell the site.")
        #expect(try Self.speaker(of: "it would sell the site", in: board) == "the board")
        #expect(try Self.speaker(of: "We will not wait for them", in: document) == "Leonor Prates")
        let review = try #require(document.annotations.quotes.first { document.text(in: $0.range).contains("waiting rooms") })
        #expect(review.isAnonymous)
        let shed = try #require(document.annotations.quotes.first { document.text(in: $0.range).contains("Lighthouse") })
        #expect(!shed.isSpeech)
    }

    @Test("names ending in an ampersand and one word are firms; 'reports would' is the noun")
    func ampersandsAndNouns() async throws {
        let text = """
            Harlan Power & Light said the outage was over. A nurse said too many reports would ‘put a target on the ward’.
            """
        let document = try await Self.analyze(text)
        #expect(document.annotations.entities.contains { $0.name == "Harlan Power & Light" && $0.kind == .organization })
        let partial = try #require(document.annotations.quotes.first { document.text(in: $0.range).contains("put a target") })
        #expect(partial.speakerRange.map { document.text(in: $0) } != "many")
    }
}

extension SpeakerRuleTests {
    @Test("a title before an honorific, an apposition after post-nominal letters, kinship and occupations are roles; 'as he liked to say'")
    func titlesAroundHonorificsAndKin() async throws {
        let text = """
            The review, led by the retired appeal court judge Dame Elspeth Moran, opened on Monday. Questioned by Rupert Vane KC, counsel to the review, the first witness wept.

            His widow, Ilse Marrow, said he had played every night. The saxophonist Obi Nwankwo joined the band in 1971. At 19 he moved to Chicago with, as he liked to say, “one suit and a borrowed horn.”
            """
        let document = try await Self.analyze(text)
        #expect(Self.titles(of: "Elspeth Moran", in: document).contains("judge"), "\(Self.titles(of: "Elspeth Moran", in: document))")
        #expect(Self.titles(of: "Rupert Vane", in: document) == ["counsel"])
        #expect(Self.titles(of: "Ilse Marrow", in: document) == ["widow"])
        #expect(Self.titles(of: "Obi Nwankwo", in: document) == ["saxophonist"])
        #expect(try Self.speaker(of: "one suit and a borrowed horn", in: document) == "Obi Nwankwo")
    }
}

extension SpeakerRuleTests {
    @Test(
        "a naming word a few words before a quotation makes a coined name, even after an earlier reporting verb; 'alleged that' still reports"
    )
    func namingWords() async throws {
        let text = """
            She added that nurses had nicknamed the weekly staffing meeting ‘the Friday shrug’ because nothing changed.

            Prosecutors alleged that Haldane “moved the money through three shell firms” over two years.
            """
        let document = try await Self.analyze(text)
        let name = try #require(
            document.annotations.quotes.first { $0.kind != .indirect && document.text(in: $0.range).contains("Friday shrug") })
        #expect(!name.isSpeech)
        let alleged = try #require(
            document.annotations.quotes.first { $0.kind != .indirect && document.text(in: $0.range).contains("shell firms") })
        #expect(alleged.isSpeech)
    }
}

extension SpeakerRuleTests {
    @Test("a name with a middle name is the person of the name without it")
    func middleNames() async throws {
        let text = """
            Matteo Ferraris, the violinist, died on Sunday. Matteo Luigi Ferraris was born in Turin in 1939. Ferraris recorded forty albums.
            """
        let document = try await Self.analyze(text)
        let people = document.annotations.entities.filter { $0.kind == .person }
        #expect(people.count == 1, "\(people.map(\.name))")
        #expect(people.first?.mentions.count == 3)
    }
}

extension SpeakerRuleTests {
    @Test(
        "words sung or chanted and a work's title after 'the title' are no speech; a naming word before a short quotation with an attribution after"
    )
    func chantsAndTitles() async throws {
        let text = """
            The away end spent the second half serenading the home manager with ‘You’ll be gone by Christmas’.

            The findings appear under the title “Seasonal pulses of ammonia over the southern plateau” in a new paper.

            The crew has nicknamed the faint signal “the whisper,” Okonjo said.
            """
        let document = try await Self.analyze(text)
        for words in ["gone by Christmas", "Seasonal pulses", "the whisper"] {
            let quote = try #require(
                document.annotations.quotes.first { $0.kind != .indirect && document.text(in: $0.range).contains(words) })
            #expect(!quote.isSpeech, "\(words): \(quote.kind)")
        }
    }
}
