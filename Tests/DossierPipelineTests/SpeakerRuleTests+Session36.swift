import Dossier
import DossierTesting
import Foundation
import Testing

/// The session-36 rules, found on a held-out set and on real articles annotated by a reader who
/// saw no output; written here in other words.
extension SpeakerRuleTests {
    @Test(
        "a he or she that opened the last sentence's references stays the subject over a name inside a quotation or an object",
        arguments: [
            (
                """
                Ruth Ellery runs the orchard on the hill. She told me the frost came early this year. She introduced me to her neighbour, Gwen Alder. “I have never seen Gwen lose a crop,” she said.
                """,
                "I have never seen Gwen", "Ruth Ellery"
            ),
            (
                """
                Tomas Brandt drove to the depot at dawn. On Monday he phoned Owen Pike about the delay. “The lorry will not start,” he said.
                """,
                "The lorry will not start", "Tomas Brandt"
            ),
        ])
    func subjectPronouns(_ text: String, _ words: String, _ expected: String) async throws {
        let document = try await Self.analyze(text)
        #expect(try Self.speaker(of: words, in: document) == expected)
    }

    @Test("a name before the pronoun in its own sentence, outside quotation marks, still wins")
    func nameBeforePronoun() async throws {
        let text = """
            Ruth Ellery runs the orchard on the hill. She met Gwen Alder at the market. Gwen Alder said she would sell the last of the pears on Friday.
            """
        let document = try await Self.analyze(text)
        #expect(try Self.speaker(of: "would sell the last", in: document) == "Gwen Alder")
        let gwen = try #require(document.annotations.entities.first { $0.name == "Gwen Alder" })
        #expect(gwen.mentions.contains { $0.form == .pronoun && document.text(in: $0.range) == "she" })
    }

    @Test("after a form of 'be' a reporting verb is passive: its subject is no speaker")
    func passiveCue() async throws {
        let document = try await Self.analyze("Crews at the depot had been told to expect a stoppage lasting “at least a month.”")
        let quote = try #require(document.annotations.quotes.first { document.text(in: $0.range).contains("at least a month") })
        #expect(quote.speakerRange == nil && quote.speaker == nil)
    }

    @Test(
        "a title right after 'titled', and a title-cased quotation ending on a full stop or holding commas, are no speech",
        arguments: [
            "A paper from the Brenn Institute, titled “Dry Years: Water, Wheat and Power”, warned that the basin was failing.",
            "The crowd roared as the band started the opening bars of “Walking Back to Marden.”",
            "She wrote a slim book on village teaching, “Small Rooms, Long Lessons”, before entering politics.",
        ])
    func titles(_ text: String) async throws {
        let document = try await Self.analyze(text)
        let quote = try #require(document.annotations.quotes.first { $0.kind != .indirect })
        #expect(quote.kind == .title || quote.kind == .scare, "\(quote.kind)")
    }

    @Test("a pull quote or a heading that repeats attributed words is that speaker's; words another speaker quotes in turn are not")
    func repeatedWords() async throws {
        let text = """
            Five things the inquiry heard

            1. “The warnings were plain”

            Harriet Vosk, the former site manager, told the panel: “I wrote three letters. The warnings were plain to anyone who read them.”

            Later the chair asked whether the letters had been filed. Vosk has given “three letters” of evidence, by her own account, and she said she kept copies.

            The firm's motto, “Safe Hands, Safe Homes”, hung in the lobby.

            “We never believed in Safe Hands, Safe Homes,” said Rolf Ander, a welder.
            """
        let document = try await Self.analyze(text)
        #expect(try Self.speaker(of: "The warnings were plain", in: document) == "Harriet Vosk")
        let motto = try #require(document.annotations.quotes.first { document.text(in: $0.range) == "Safe Hands, Safe Homes" })
        #expect(motto.speaker == nil)
    }

    @Test(
        "a description set off after a name whose last word names an occupation is a role; Mr or Ms without a period marks a person",
        arguments: [
            ("Ilka Dorran, a geriatrician at the Velm University Hospital, said the gains were real.", "Ilka Dorran", "geriatrician"),
            (
                "Osric Pell, 64, a retired letter carrier who joined the trial, said he felt steadier.", "Osric Pell",
                "retired letter carrier"
            ),
            ("Later Ms Tarrant, a haulage contractor from the valley, thanked her voters.", "Tarrant", "haulage contractor"),
        ])
    func occupations(_ text: String, _ name: String, _ title: String) async throws {
        let document = try await Self.analyze(text)
        let person = try #require(document.annotations.entities.first { $0.name == name }, "\(document.annotations.entities.map(\.name))")
        #expect(person.kind == .person)
        #expect(person.roles.contains { $0.title == title }, "\(person.roles)")
    }

    @Test("no occupation role for an organisation or a place, nor from a word that names no one")
    func notOccupations() async throws {
        let document = try await Self.analyze(
            "Velmar Foods, a supplier of frozen peas, cut prices. Dunmore, a village near the border, flooded. Ada Quist, a quarter of whose land flooded, left."
        )
        for entity in document.annotations.entities {
            #expect(entity.roles.isEmpty, "\(entity.name): \(entity.roles)")
        }
    }

    @Test("a verb right after a quotation with no speaker after it is the quoted words'; a later inverted verb names the speaker")
    func verbInsideTheQuotedClause() async throws {
        let text = """
            "The council wants a bigger deal. Bigger than just the small deal" announced in May, said Ivo Krane, a planner with the Brask Institute.
            """
        let document = try await Self.analyze(text)
        #expect(try Self.speaker(of: "The council wants a bigger deal", in: document) == "Ivo Krane")
        #expect(document.annotations.quotes.filter { $0.kind == .indirect }.isEmpty)
    }

    @Test(
        "one quoted word before the noun it modifies, or a name given with `dubbed … as`, is a scare quote; a quoted verb, or a word before a preposition, stays speech",
        arguments: [
            ("The minister denied that he had run an unofficial or “shadow” channel to the rebels.", "shadow", false),
            ("Pell signed what aides called a “skinny” trade pact on Friday.", "skinny", false),
            (
                "Her deputy had long dubbed the minister's habit of cancelling meetings as “the Friday problem.”", "the Friday problem.",
                false
            ),
            ("Ines Marr, a nurse at Hollin Hospital, said managers have “ignored” nurses for years.", "ignored", true),
            ("Ines Marr, a nurse at Hollin Hospital, said the ward was “desperate” for staff.", "desperate", true),
        ])
    func modifierScareQuotes(_ text: String, _ word: String, _ speech: Bool) async throws {
        let document = try await Self.analyze(text)
        let quote = try #require(document.annotations.quotes.first { document.text(in: $0.range) == word })
        #expect(quote.isSpeech == speech, "\(quote.kind)")
    }

    @Test("three title-cased words inside the writer's sentence name a work unless a reporting verb stands right before them")
    func embeddedTitles() async throws {
        let document = try await Self.analyze(
            "The band closed the night with the opening chords of “Harbour Lights Burning Low.” Critics later called the set “A Quiet Triumph”."
        )
        let song = try #require(document.annotations.quotes.first { document.text(in: $0.range).hasPrefix("Harbour Lights") })
        #expect(song.kind == .title)
        let verdict = try #require(document.annotations.quotes.first { document.text(in: $0.range) == "A Quiet Triumph" })
        #expect(verdict.kind != .title, "\(verdict.kind)")
    }

    @Test("a surname before Jr. is the surname: the lone surname later joins the full name")
    func generationalSuffix() async throws {
        let document = try await Self.analyze("Tobias Renner Jr., 61, denied the charge. Renner said he was sorry.")
        let people = document.annotations.entities.filter { $0.kind == .person }
        #expect(people.count == 1, "\(people.map(\.name))")
        #expect(try Self.speaker(of: "he was sorry", in: document) == "Tobias Renner Jr")
    }

    @Test(
        "a text that ends right after an inverted verb and a determiner is read without a crash",
        arguments: [
            "The plan was approved, said the", "“We are done,” said his", "The ferry will run, according to a", "Rolf Ander, said the",
        ])
    func endsAfterDeterminer(_ text: String) async throws {
        let document = try await Self.analyze(text)
        #expect(document.annotations.quotes.allSatisfy { $0.range.end <= document.length })
    }

    @Test("a transcript line opening with a person's name in capitals and a colon is that person's speech; a dateline or a note is not")
    func transcriptLines() async throws {
        let text = """
            Sculler Wins Again

            WASHINGTON: Mira Ostlund won the single sculls on Sunday. She spoke to the presenter, Owen Trask, after the race.

            TRASK: Did you expect the crosswind on the last stretch?

            OSTLUND: Not at all. I nearly lost my line at the buoys, but the boat held.

            UPDATE: The regatta resumes on Monday.
            """
        let document = try await Self.analyze(text)
        #expect(try Self.speaker(of: "Did you expect the crosswind", in: document) == "Owen Trask")
        #expect(try Self.speaker(of: "Not at all. I nearly lost", in: document) == "Mira Ostlund")
        #expect(!document.annotations.quotes.contains { document.text(in: $0.range).hasPrefix("Mira Ostlund won") })
        #expect(!document.annotations.quotes.contains { document.text(in: $0.range).hasPrefix("The regatta resumes") })
    }

    @Test(
        "the speaker of a participle after an appositive, of an organisation's title, of a name closing an appositive, after Jr., 'allowed X to claim', 'bemoans that' and ', then said:'",
        arguments: [
            (
                "Chief negotiator Anton Brisk signed the accord after a week of talks in Vell, the old river port, telling reporters that both sides had settled on “talks without conditions”.",
                "talks without conditions", "Anton Brisk"
            ),
            (
                "Hedda Morrow, a former judge at the appeals court, took a harder line on the radio that evening, saying the council would reject any scheme that “punishes the growers for the drought”.",
                "punishes the growers", "Hedda Morrow"
            ),
            (
                "District Attorney Felix Orme Jr. said in the release this case shows that free speech does not let people “threaten officials with violence.”",
                "threaten officials", "Felix Orme Jr"
            ),
            (
                "Dropping the fees allowed Ada Corvin to claim that the service wants to be “a calmer place for everyone.”",
                "a calmer place", "Ada Corvin"
            ),
            ("Lena Voss still bemoans that her publisher “should have sold it as a thriller.”", "should have sold it", "Lena Voss"),
            (
                "E.U. trade envoy Marek Solny closed the deal after a week of talks in Orsa, the old river port, telling reporters the two sides had settled on “a framework without preconditions”.",
                "a framework without", "Marek Solny"
            ),
            (
                "Another reviewer, statistician Dr. Elin Varga, said the team had priced the scheme at about $300 a head.",
                "the team had priced", "Elin Varga"
            ),
            ("Asked what she would do first, Ada Brenn paused, then said: “Sleep, and then the budget.”", "Sleep, and then", "Ada Brenn"),
        ])
    func speakerShapes(_ text: String, _ words: String, _ expected: String) async throws {
        let document = try await Self.analyze(text)
        #expect(try Self.speaker(of: words, in: document) == expected)
    }
}
