import Dossier
import DossierTesting
import Foundation
import Testing

/// Subjects with a phrase of when before their verb, and firms named in an appositive, in articles
/// written for these tests.
@Suite("Speakers: a phrase of when before the verb; firms in an appositive (session 42)")
struct SpeakerRuleTests42 {
    static let probe = """
        Speaker Probe

        Tolvane at the time called the report “unfounded.”

        The company in a statement said the findings were wrong.

        Mayor Ines Duval on Monday said the budget was “a disaster.”

        Her band, the Larkspur Ramblers, released one single. His former employer, Quickmere Parcel, said he had been fired.

        Workers at the plant said the line would stop.
        """

    @Test(
        "'Tolvane at the time called', 'The company in a statement said', 'Mayor Ines Duval on Monday said': the subject before the phrase"
    )
    func phraseOfWhenBeforeTheVerb() async throws {
        let document = try await SpeakerRuleTests41.analyzed(Self.probe)
        let speakers = document.annotations.quotes.map {
            (text: document.text(in: $0.range), speaker: $0.speakerRange.map(document.text(in:)))
        }
        #expect(speakers.contains { $0.text.hasPrefix("unfounded") && $0.speaker == "Tolvane" })
        #expect(speakers.contains { $0.text == "the findings were wrong" && $0.speaker == "The company" })
        #expect(speakers.contains { $0.text.hasPrefix("a disaster") && $0.speaker == "Mayor Ines Duval" })
        // Not a phrase of place: `Workers at the plant` stays whole.
        #expect(speakers.contains { $0.text == "the line would stop" && $0.speaker == "Workers at the plant" })
    }

    @Test("'Her band, the Larkspur Ramblers,' and 'His former employer, Quickmere Parcel,' name organisations, not people")
    func firmInAnAppositive() async throws {
        let document = try await SpeakerRuleTests41.analyzed(Self.probe)
        let kinds = Dictionary(document.annotations.entities.map { ($0.name, $0.kind) }, uniquingKeysWith: { a, _ in a })
        #expect(kinds["Larkspur Ramblers"] == .organization)
        #expect(kinds["Quickmere Parcel"] == .organization)
        #expect(kinds["Ines Duval"] == .person)
    }

    @Test("a quoted 'he' ('the term was “less than he deserved”') does not carry its man to the next 'he told reporters'")
    func quotedPronounIsNoSubject() async throws {
        let text = """
            Court Report

            The court jailed Dale Brenner for eight years on Friday. Brenner kept his head down as the verdict was read.

            “I don’t expect forgiveness,” he said. “I wouldn’t.”

            Outside court, the victim’s younger brother, Tobi Okafor, said the term was “less than he deserved.”

            “Nothing brings Sam home,” he told reporters on the steps.
            """
        let document = try await SpeakerRuleTests41.analyzed(text)
        #expect(SpeakerRuleTests41.speaker(of: "I don’t expect forgiveness", in: document) == "Dale Brenner")
        #expect(SpeakerRuleTests41.speaker(of: "Nothing brings Sam home", in: document) == "Tobi Okafor")
    }

    @Test("'A Lumora spokesperson, who declined to be named, citing company policy, said …' is one anonymous speaker")
    func participleAfterAnonymityClause() async throws {
        let text = """
            Speaker Probe

            A Tolvane spokesperson, who declined to be named, citing company policy, said the feature had been “switched off by default” since April.
            """
        let document = try await SpeakerRuleTests41.analyzed(text)
        let quote = try #require(document.annotations.quotes.first { document.text(in: $0.range) == "switched off by default" })
        #expect(quote.speakerRange.map(document.text(in:)) == "A Tolvane spokesperson, who declined to be named, citing company policy")
        #expect(quote.isAnonymous)
    }

    @Test("'in an early-morning memo from Maren Ostrowski … “…,” the memo read' is Ostrowski's")
    func memoFromItsAuthor() async throws {
        let text = """
            Layoffs

            The cuts were announced to staff in an early-morning memo from Maren Ostrowski, a copy of which was reviewed by this newspaper. Affected employees lost access within hours.

            “This is the hardest message I have had to write,” the memo read.
            """
        let document = try await SpeakerRuleTests41.analyzed(text)
        #expect(SpeakerRuleTests41.speaker(of: "This is the hardest message I have had to write", in: document) == "Maren Ostrowski")
    }

    @Test("'A spokeswoman for the governor, Dana Kessler, said' is Kessler; 'a memo seen by the Courier' is not the Courier's")
    func spokeswomanForTheGovernor() async throws {
        let text = """
            Transit Bill

            The governor, Martin Feld, has not taken a public position.

            A spokeswoman for the governor, Dana Kessler, said only that Mr. Feld “will review the bill carefully.”

            The plan was settled weeks ago, according to an internal memo seen by the Courier.
            """
        let document = try await SpeakerRuleTests41.analyzed(text)
        #expect(SpeakerRuleTests41.speaker(of: "will review the bill carefully.", in: document) == "Dana Kessler")
        let memo = try #require(document.annotations.quotes.first { $0.cue == "according to" })
        #expect(memo.speakerRange.map(document.text(in:)) != "the Courier")
    }

    @Test("a person whom two writer's 'she' joined, with an unlisted given name, is not the next 'he'")
    func pronounsSettleGender() async throws {
        let text = """
            Band Profile

            Milo Hartigan wrote the song in a single night. Hartigan says he rarely writes that fast.

            Suki Odell, the band's drummer, joined in 2015. It was a decision Odell says she made without a second's hesitation, and she has never regretted it.

            “I did not want to write that one,” he says quietly.
            """
        let document = try await SpeakerRuleTests41.analyzed(text)
        #expect(SpeakerRuleTests41.speaker(of: "I did not want to write that one", in: document) == "Milo Hartigan")
    }

    @Test(
        "'One of them, who spoke on the condition of anonymity, put it bluntly: “…”' is that anonymous source's; 'The mayor put it simply: “…”' the mayor's"
    )
    func putItBluntly() async throws {
        let text = """
            Transit Bill

            Two people close to the governor said he had doubts. One of them, who spoke on the condition of anonymity, put it bluntly: “He likes the train. He does not like the price tag.”

            The mayor put it simply: “We are broke.”
            """
        let document = try await SpeakerRuleTests41.analyzed(text)
        let quotes = document.annotations.quotes.map { (text: document.text(in: $0.range), quote: $0) }
        let blunt = try #require(quotes.first { $0.text.hasPrefix("He likes the train") }?.quote)
        #expect(blunt.isAnonymous && blunt.cue == "put it")
        let simple = try #require(quotes.first { $0.text.hasPrefix("We are broke") }?.quote)
        #expect(simple.speakerRange.map(document.text(in:)) == "The mayor")
    }

    @Test("'The leader of the Heritage Party in the Assembly, Minority Leader Carla Whitcomb, called the bill “…”' is Whitcomb's")
    func descriptionThenTitledName() async throws {
        let text = """
            Vote

            The leader of the Heritage Party in the Assembly, Minority Leader Carla Whitcomb, called the bill “a blank check” and told reporters after the vote that her members would fight it.
            """
        let document = try await SpeakerRuleTests41.analyzed(text)
        #expect(SpeakerRuleTests41.speaker(of: "a blank check", in: document) == "Carla Whitcomb")
        let reported = try #require(document.annotations.quotes.first { $0.kind == .indirect })
        #expect(reported.speakerRange.map(document.text(in:)) == "Carla Whitcomb")
    }

    @Test(
        "'said in a statement read outside court by the solicitor: “…”' is the mother's; 'An organisation …, the Ashcombe Bridge Families Group, said' the group's"
    )
    func statementReadByAndNamedOrganisation() async throws {
        let text = """
            Inquiry

            His mother, Susan Hadley, said in a statement read outside court by the family's solicitor, Priya Mandal: “Owen walked across that bridge every single day.”

            An organisation representing survivors of the collapse, the Ashcombe Bridge Families Group, said it had written to the inquiry.

            The statement read: “We thank everyone.”
            """
        let document = try await SpeakerRuleTests41.analyzed(text)
        #expect(SpeakerRuleTests41.speaker(of: "Owen walked across that bridge every single day.", in: document) == "Susan Hadley")
        let reported = try #require(document.annotations.quotes.first { $0.kind == .indirect })
        #expect(reported.speakerRange.map(document.text(in:)) == "Ashcombe Bridge Families Group")
        let read = try #require(document.annotations.quotes.first { document.text(in: $0.range) == "We thank everyone." })
        #expect(read.cue == "read")
    }

    @Test(
        "words sung or chanted after a colon ('shout the same chant, invented …: “…”') are no speech; 'told reporters: “…”' after 'the anthem' is"
    )
    func sungWordsAfterAColon() async throws {
        let text = """
            Gulls

            Before every game, the Gulls shout the same chant, invented by the youngest player on a bus ride: “Wings up, Gulls never give up!”

            She can still sing the chorus, and after some persuasion she does, in a low voice: “Hold your lantern low, love.”

            After the anthem, the captain told reporters: “We were ready.”
            """
        let document = try await SpeakerRuleTests41.analyzed(text)
        let kinds = Dictionary(document.annotations.quotes.map { (document.text(in: $0.range), $0.kind) }, uniquingKeysWith: { a, _ in a })
        #expect(kinds["Wings up, Gulls never give up!"] == .title)
        #expect(kinds["Hold your lantern low, love."] == .title)
        #expect(kinds["We were ready."] == .direct)
    }
}
