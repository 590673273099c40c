import Dossier
import DossierTesting
import Foundation
import Testing

/// Reporting verbs that report nothing, in articles written for these tests: a phrase before the
/// subject, a colon after the verb, things added, a place after `tells`.
@Suite("Reported speech: verbs that report nothing (session 42)")
struct ReportedSpeechTests42 {
    @Test("'Within an hour, Varga had responded' and 'Although most stayed calm, a few fans responded …' report nothing before the comma")
    func frontedPhraseIsNoSpeech() async throws {
        let text = """
            Stadium Row

            Within an hour, Lena Varga had responded on her blog.

            Although most stayed calm, a few fans responded with chants.

            The roof will be fixed by June, the club said.
            """
        let reported = try await SpeakerRuleTests41.reported(text)
        #expect(!reported.contains { $0.cue == "responded" })
        // The guard keeps a clause before the comma.
        #expect(reported.contains { $0.speaker == "the club" && $0.content == "The roof will be fixed by June" })
    }

    @Test("'In a long interview, the minister also said:' reports what follows, not the phrase before")
    func colonAfterTheVerb() async throws {
        let text = """
            Budget Talks

            In a long interview on Sunday, Finance Minister Ode Rask also said: the budget will not change.
            """
        let reported = try await SpeakerRuleTests41.reported(text)
        #expect(!reported.contains { $0.content.hasPrefix("In a long interview") })
    }

    @Test("'added 31 points', 'added two goals', 'wrote the song' are things added or written; 'added 40 jobs would go' is speech")
    func numbersAdded() async throws {
        let text = """
            Weekend Round-Up

            Marta Quell added 31 points for the Herons, and Ivo Sand had 12.

            Pieter Lom added two goals before half-time.

            The plant's owner, Rolf Danner, added 40 jobs would go by March.

            Milo Hartigan wrote the song in a single night. Vera Lund wrote the firm had been failing for years.
            """
        let reported = try await SpeakerRuleTests41.reported(text)
        #expect(!reported.contains { $0.speaker == "Marta Quell" })
        #expect(!reported.contains { $0.speaker == "Pieter Lom" })
        #expect(reported.contains { $0.cue == "added" && $0.content == "40 jobs would go by March" })
        #expect(!reported.contains { $0.speaker == "Milo Hartigan" })
        #expect(reported.contains { $0.speaker == "Vera Lund" && $0.content == "the firm had been failing for years" })
    }

    @Test(
        "'the joke she tells at almost every rally' has no listener and reports nothing; 'Later, Pereira told reporters the vote would be close' does"
    )
    func placeAfterTells() async throws {
        let text = """
            Campaign Trail

            Ana Pereira ended with the joke she tells at almost every rally.

            Later, Pereira told reporters the vote would be close.
            """
        let reported = try await SpeakerRuleTests41.reported(text)
        #expect(!reported.contains { $0.cue == "tells" })
        #expect(reported.contains { $0.cue == "told" && $0.content == "the vote would be close" })
    }

    @Test("'Parents who spoke to the station said' is an unnamed speaker; 'teachers unions' are unions, named by none")
    func unnamedHeadIsTheLastWord() async throws {
        let text = """
            School Closure

            Parents who spoke to KWTV News 4 said their biggest worry is the longer bus ride.

            Nearly 300 districts closed for the rally, according to teachers unions.
            """
        let document = try await SpeakerRuleTests41.analyzed(text)
        let reported = document.annotations.quotes.filter { $0.kind == .indirect }
        let parents = try #require(reported.first { document.text(in: $0.range).hasPrefix("their biggest worry") })
        #expect(parents.speakerRange.map(document.text(in:)) == "Parents who spoke to KWTV News 4")
        #expect(parents.isAnonymous)
        let unions = try #require(reported.first { $0.speakerRange.map(document.text(in:)) == "teachers unions" })
        #expect(!unions.isAnonymous)
    }

    @Test("'When he was given the chance to speak, he turned to the gallery and told the family that …' is his report")
    func pronounAfterOpeningClause() async throws {
        let text = """
            Sentencing

            When he was given the chance to speak, he turned toward the gallery and told the Okafor family that he thinks about their father every day.

            After the vote, she stood up and said the plan was dead.
            """
        let reported = try await SpeakerRuleTests41.reported(text)
        #expect(reported.contains { $0.speaker == "he" && $0.cue == "told" && $0.content == "he thinks about their father every day" })
        #expect(reported.contains { $0.speaker == "she" && $0.cue == "said" && $0.content == "the plan was dead" })
    }

    @Test("'According to a note sent to clients by analyst Yolanda Fairweather, …' cites the analyst, not 'a note sent'")
    func documentAuthorAfterBy() async throws {
        let text = """
            Shares Rise

            According to a note sent to clients on Thursday by Dunmore Pike Securities analyst Yolanda Fairweather, the risk is already in the share price.

            The agency missed its targets, according to a report by the Office of the Inspector General.
            """
        let reported = try await SpeakerRuleTests41.reported(text)
        #expect(reported.contains { $0.speaker == "Dunmore Pike Securities analyst Yolanda Fairweather" && $0.cue == "according to" })
        #expect(reported.contains { $0.speaker == "the Office of the Inspector General" && $0.content == "The agency missed its targets" })
    }

    @Test("'Several of the girls say …' and 'Two of the nurses said …' are unnamed shares of a group, not 'the girls'")
    func shareOfAGroup() async throws {
        let text = """
            Club Night

            Several of the girls say he is the real reason they keep coming back.

            Two of the nurses said the ward was full.
            """
        let document = try await SpeakerRuleTests41.analyzed(text)
        let reported = document.annotations.quotes.filter { $0.kind == .indirect }
        let speakers = reported.map { $0.speakerRange.map(document.text(in:)) }
        #expect(speakers == ["Several of the girls", "Two of the nurses"])
        #expect(!reported.contains { !$0.isAnonymous })
    }
}
