import Dossier
import DossierTesting
import Foundation
import Testing

/// Speakers of verbs that share a subject, and `he` or `she` a few sentences after the name, in
/// articles written for these tests.
@Suite("Speakers: shared subjects and pronouns after a gap (session 41)")
struct SpeakerRuleTests41 {
    static let trial = """
        Harbour Fire Trial Opens

        Tomas Brekke, 44, of Lindvik, denied arson at the county court on Monday. The hearing lasted four hours.

        Jury selection begins next week.

        He was charged in March after the fire at the Osterby yard.

        During the hearing, he thanked his lawyer, called the case “a fabrication” and said, “I was at home that night,” the prosecutor’s office said.
        """

    /// `text` through the standard registry up to the quotes layer, as a user runs it.
    static func analyzed(_ text: String) async throws -> Document {
        let yaml = """
            version: 1
            reader: text
            analyzers: [sentences, entities, quotes]
            exporters: [json]
            """
        let result = try await InMemoryRunner(registry: .standard).run(yaml, inputs: [(name: "t.txt", text: text)])
        return try #require(try result.documents().first)
    }

    /// The reported speech of `text`, read as a user runs it, as content, speaker words and cue.
    static func reported(_ text: String) async throws -> [(content: String, speaker: String?, cue: String?)] {
        let document = try await analyzed(text)
        return document.annotations.quotes.filter { $0.kind == .indirect }.map {
            (content: document.text(in: $0.range), speaker: $0.speakerRange.map(document.text(in:)), cue: $0.cue)
        }
    }

    /// The name of the entity that speaks the quotation whose text is `text`.
    static func speaker(of text: String, in document: Document) -> String? {
        guard let quote = document.annotations.quotes.first(where: { document.text(in: $0.range) == text }),
            let id = quote.speaker?.id
        else { return nil }
        return document.annotations.entities.first { $0.id == id }?.name
    }

    @Test("'He' opening a sentence three sentences after 'Tomas Brekke, 44, … denied' is Brekke")
    func pronounAfterAGap() async throws {
        let document = try await Self.analyzed(Self.trial)
        let brekke = try #require(document.annotations.entities.first { $0.name == "Tomas Brekke" })
        let pronouns = brekke.mentions.filter { $0.form == .pronoun }.map { document.text(in: $0.range) }
        #expect(pronouns.first == "He")
    }

    @Test("'he thanked his lawyer, called the case “…” and said, “…”, the office said': both quotations are his")
    func sharedSubject() async throws {
        let document = try await Self.analyzed(Self.trial)
        #expect(Self.speaker(of: "a fabrication", in: document) == "Tomas Brekke")
        #expect(Self.speaker(of: "I was at home that night", in: document) == "Tomas Brekke")
    }

    @Test("no pronoun across a quotation mark, nor to a name that does not open its sentence")
    func pronounsNotResolved() async throws {
        let text = """
            Ferry Row Deepens

            “We phoned the coastguard at dawn,” Jules Varnet recalls. “She came within the hour.”

            The ferry was late again on Friday. Passengers waited on the pier.

            He said the timetable would change.

            They were late for the third time this month, said the harbour master.
            """
        let document = try await Self.analyzed(text)
        let varnet = try #require(document.annotations.entities.first { $0.name == "Jules Varnet" })
        #expect(!varnet.mentions.contains { $0.form == .pronoun })
        // The verb stands before its own speaker: `They` is no shared subject.
        let reported = try #require(
            document.annotations.quotes.first { document.text(in: $0.range) == "They were late for the third time this month" })
        #expect(reported.speakerRange.map(document.text(in:)) == "the harbour master")
    }

    @Test("'She begged colleagues “…”' is hers; 'The chairman sat me down and said, “…”' is the chairman's")
    func beggedAndDescribedSubject() async throws {
        let text = """
            Harbour Vote Delayed

            Councillor Rhea Dunn spoke after the vote. She begged colleagues “not to walk away” from the harbour plan.

            The chairman sat me down in May and said, “Nobody leaves this summer.”
            """
        let document = try await Self.analyzed(text)
        let begged = try #require(document.annotations.quotes.first { document.text(in: $0.range) == "not to walk away" })
        #expect(begged.kind == .partial)
        #expect(begged.cue == "begged")
        #expect(Self.speaker(of: "not to walk away", in: document) == "Rhea Dunn")
        let chairman = try #require(document.annotations.quotes.first { document.text(in: $0.range) == "Nobody leaves this summer." })
        #expect(chairman.speakerRange.map(document.text(in:)) == "The chairman")
    }

    @Test(
        "no speaker ends with a preposition or an article: 'claims of alleged abuse or knowledge of the firm’s “unusual” accounting', 'Called a “…” by'"
    )
    func noPrepositionSpeaker() async throws {
        let text = """
            Harbour Vote Delayed

            The report listed claims of alleged abuse or knowledge of the firm’s “unusual” accounting methods.

            Called a “gentle puzzle” by its makers, the game sold well.
            """
        let document = try await Self.analyzed(text)
        #expect(!document.annotations.quotes.contains { $0.speakerRange != nil })
    }

    @Test("'Ilse Marr, the elder sister of the festival’s founder, Tove, has told friends …' is Ilse Marr's")
    func nameDescriptionName() async throws {
        let text = """
            Festival Row

            Ilse Marr, the elder sister of the festival’s founder, Tove, has told friends that the opening night was a “triumph”.
            """
        let document = try await Self.analyzed(text)
        #expect(Self.speaker(of: "triumph", in: document) == "Ilse Marr")
    }

    @Test(
        "'is urging X to …' and 'rejected the offer, saying that …' are reported speech by an unnamed subject; not 'is denying', not 'we've been saying'"
    )
    func progressiveAndUnnamedSubject() async throws {
        let text = """
            Clinic Offer

            A group of nurses is urging the Health Ministry to accept its offer to run free clinics in the north. The ministry is denying vaccines to some patients, the group says.

            The union rejected the offer, saying that patients would face more serious risks.

            Like we've been saying for years now, the clinics are too few.
            """
        let reported = try await Self.reported(text)
        #expect(
            reported.contains {
                $0.speaker == "A group of nurses" && $0.cue == "urging" && $0.content.hasPrefix("the Health Ministry to accept")
            })
        #expect(
            reported.contains { $0.speaker == "The union" && $0.cue == "saying" && $0.content == "patients would face more serious risks" })
        #expect(!reported.contains { $0.cue == "denying" })
        #expect(!reported.contains { $0.cue == "saying" && $0.content.contains("for years") })
    }

    @Test("'Residents living near the plant said' and 'A man walking his dog said' are the speakers, not 'the plant' or 'his dog'")
    func participlePhraseSubject() async throws {
        let text = """
            Plant Fire

            Residents living near the plant said the smoke was thick. A man walking his dog said he heard a bang.

            “It was frightening,” says the letter signed by seven engineers.
            """
        let document = try await Self.analyzed(text)
        let speakers = document.annotations.quotes.map { ($0.speakerRange.map(document.text(in:)) ?? "-") }
        #expect(speakers.contains("Residents living near the plant"))
        #expect(speakers.contains("A man walking his dog"))
        #expect(speakers.contains("the letter"))
        #expect(!speakers.contains("the plant") && !speakers.contains("his dog") && !speakers.contains("the letter signed"))
    }

    @Test("'…, said Joe Carbone, who works for the Roads Department, where …' reports the clause before the verb")
    func invertedSpeakerWithRelativeClause() async throws {
        let text = """
            Pothole Season

            Potholes form when water seeps into cracks, freeze and expand, creating a larger hole, said Joe Carbone, who works for the Roads Department, where he is known as the pothole chief.
            """
        let document = try await Self.analyzed(text)
        let reported = try #require(document.annotations.quotes.first { $0.kind == .indirect })
        #expect(Self.speaker(of: document.text(in: reported.range), in: document) == "Joe Carbone")
        #expect(document.text(in: reported.range).hasPrefix("Potholes form when water seeps into cracks"))
    }

    @Test("'The victim's mother said' is not the man named before: kin in the possessive is someone else")
    func kinOfSomeoneElse() async throws {
        let text = """
            Trial

            Michael Dorn grabbed the girl on Saturday.

            The victim's mother said her daughter was “brave, strong, and smart” in court.
            """
        let document = try await Self.analyzed(text)
        #expect(!document.annotations.quotes.isEmpty)
        #expect(document.annotations.quotes.allSatisfy { $0.speaker == nil })
    }

    @Test("a quotation that is its sentence's subject ('“Tides. We’re on it” is rolling out …') names a slogan, not speech")
    func quotationAsSubject() async throws {
        let text = """
            Harbour Campaign

            The council launched a campaign on Monday, and Mayor Ada Lund spoke at the quay.

            “Tides. We’re on it” is rolling out on buses and billboards this week.
            """
        let document = try await Self.analyzed(text)
        let slogan = try #require(document.annotations.quotes.first { document.text(in: $0.range) == "Tides. We’re on it" })
        #expect(slogan.kind == .title)
        #expect(slogan.speaker == nil)
    }

    @Test("a speaker whose name holds 'for the' or 'of the' ('the Attorney’s Office for the Western District of Vellmar') is read whole")
    func nameWithInnerArticle() async throws {
        let text = """
            Plea

            Tomas Brekke, 55, of Lindvik, pleaded guilty to threatening an official, and to holding firearms, the Attorney’s Office for the Western District of Vellmar said in a statement.
            """
        let document = try await Self.analyzed(text)
        let reported = try #require(document.annotations.quotes.first { $0.kind == .indirect })
        #expect(reported.speakerRange.map(document.text(in:)) == "the Attorney’s Office for the Western District of Vellmar")
        #expect(document.text(in: reported.range).hasPrefix("Tomas Brekke, 55, of Lindvik, pleaded guilty"))
    }

    @Test("'The staff member who reported the call recalled that …' is the staff member, not 'the call'")
    func relativeClauseWithReportingVerb() async throws {
        let text = """
            Threat Case

            The staff member who reported the call recalled that the caller was calm.
            """
        let document = try await Self.analyzed(text)
        let reported = try #require(document.annotations.quotes.first { $0.kind == .indirect })
        #expect(reported.speakerRange.map(document.text(in:)) == "The staff member who reported the call")
    }

    @Test("'A man who said he saw the crash told police the driver fled': two reports, the second by the whole description")
    func reportInsideRelativeClause() async throws {
        let text = """
            Crash

            A man who said he saw the crash told police the driver fled.
            """
        let reported = try await Self.reported(text)
        #expect(reported.contains { $0.content == "he saw the crash" && $0.speaker == "A man" })
        #expect(reported.contains { $0.content == "the driver fled" && $0.speaker == "A man who said he saw the crash" })
    }
}
