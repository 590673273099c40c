import DossierAnalyzers
import DossierCore
import DossierReaders
import DossierTesting
import Foundation
import Testing

/// Builds a document from paragraphs separated by blank lines, with sentences from the
/// `sentences` analyzer and entities given by hand: each entity lists the strings that mention it.
func quoteDocument(
    _ text: String, entities: [(id: String, kind: Entity.Kind, mentions: [String])] = [], blockKinds: [Int: BlockKind] = [:]
) throws -> Document {
    let scalars = Array(text.unicodeScalars)
    var blocks: [Block] = []
    var start = 0
    var i = 0
    var n = 0
    func close(_ end: Int) {
        if end > start { blocks.append(Block(kind: blockKinds[n] ?? .paragraph, range: TextRange(start: start, end: end))) }
        n += 1
    }
    while i < scalars.count {
        if scalars[i] == "\n", i + 1 < scalars.count, scalars[i + 1] == "\n" {
            close(i)
            i += 2
            start = i
        } else {
            i += 1
        }
    }
    close(scalars.count)
    var document = Document(id: "t", text: text, blocks: blocks)
    document.annotations.sentences = try SentenceAnalyzer().analyze(document, context: AnalysisContext()).sentences
    for number in document.annotations.sentences.indices { document.annotations.sentences[number].id = "s\(number + 1)" }
    var list: [Entity] = []
    for entity in entities {
        var found: [Entity.Mention] = []
        for mention in entity.mentions {
            let m = Array(mention.unicodeScalars)
            var k = 0
            while k + m.count <= scalars.count {
                if Array(scalars[k..<(k + m.count)]) == m {
                    found.append(Entity.Mention(range: TextRange(start: k, end: k + m.count), form: .name))
                    k += m.count
                } else {
                    k += 1
                }
            }
        }
        found.sort { $0.range < $1.range }
        list.append(Entity(id: entity.id, kind: entity.kind, name: entity.mentions[0], mentions: found))
    }
    document.annotations.entities = list
    return document
}

@Suite("Quote analyzer")
struct QuoteAnalyzerTests {
    func quotes(
        _ text: String, entities: [(id: String, kind: Entity.Kind, mentions: [String])] = [],
        options: QuoteAnalyzer.Options = QuoteAnalyzer.Options(), blockKinds: [Int: BlockKind] = [:]
    ) throws -> (Document, [Quote]) {
        let document = try quoteDocument(text, entities: entities, blockKinds: blockKinds)
        let result = try QuoteAnalyzer(options: options).analyze(document, context: AnalysisContext())
        return (document, result.quotes)
    }

    /// The quote whose text is `words`.
    func find(_ document: Document, _ quotes: [Quote], _ words: String) -> Quote? {
        quotes.first { document.text(in: $0.range) == words }
    }

    func speakerText(_ document: Document, _ quote: Quote?) -> String? {
        quote?.speakerRange.map { document.text(in: $0) }
    }

    static let varga: (id: String, kind: Entity.Kind, mentions: [String]) = ("e1", .person, ["Anna Varga", "Varga"])

    // MARK: Direct quotations and their marks

    @Test("curly quotes with the speaker after: the range is the words without the marks")
    func curlyAfter() throws {
        let (d, q) = try quotes("“We will rebuild the pier before summer,” said Anna Varga, the mayor of Lindholm.", entities: [Self.varga])
        let quote = try #require(find(d, q, "We will rebuild the pier before summer"))
        #expect(quote.kind == .direct)
        #expect(quote.speaker == "e1")
        #expect(speakerText(d, quote) == "Anna Varga")
        #expect(quote.cue == "said")
        #expect(quote.cueRange.map { d.text(in: $0) } == "said")
        #expect(!quote.isAnonymous)
    }

    @Test("a clause with no reporting verb that a colon closes: its subject speaks ('Varga's deputy, Ola Brink, was blunter: “…”')")
    func colonClauseSubject() throws {
        let brink: (id: String, kind: Entity.Kind, mentions: [String]) = ("e2", .person, ["Ola Brink", "Brink"])
        let (d, q) = try quotes(
            "Anna Varga hoped for the best. Varga’s deputy, Ola Brink, was blunter: “The pier will not be ready this year.”\n\n"
                + "She put it plainly: “We have run out of money for this year.”\n\n"
                + "The question was put to Brink: “Will you resign over the delay?”\n\n"
                + "The notice was short: “The pier is closed until further notice.”",
            entities: [Self.varga, brink])
        let blunt = try #require(find(d, q, "The pier will not be ready this year."))
        #expect(blunt.speaker == "e2")
        #expect(speakerText(d, blunt) == "Ola Brink")
        let plain = try #require(find(d, q, "We have run out of money for this year."))
        #expect(speakerText(d, plain) == "She")
        // A name that ends the clause is no subject, nor is a clause with no person.
        let question = try #require(find(d, q, "Will you resign over the delay?"))
        #expect(question.speaker == nil)
        let notice = try #require(find(d, q, "The pier is closed until further notice."))
        #expect(notice.speaker == nil && notice.speakerRange == nil)
    }

    @Test("a number's thousands separator is no comma of an appositive: the speaker is read past '1,200 captains'")
    func numberInAppositive() throws {
        let (d, q) = try quotes(
            "The harbour union, which represents about 1,200 pilots and deckhands, said the offer was “an insult to every member” and left."
        )
        let quote = try #require(find(d, q, "an insult to every member"))
        #expect(quote.kind == .partial)
        let speaker = try #require(speakerText(d, quote))
        #expect(speaker.hasSuffix("union"), "\(speaker)")
    }

    @Test("straight quotes with the subject before the verb after the quotation")
    func straightSubjectFirst() throws {
        let (d, q) = try quotes("\"The water is safe to drink again,\" Varga told reporters on Friday.", entities: [Self.varga])
        let quote = try #require(find(d, q, "The water is safe to drink again"))
        #expect(quote.kind == .direct)
        #expect(quote.speaker == "e1")
        #expect(quote.cue == "told")
    }

    @Test("a question or an exclamation ends its sentence, and the attribution is the next one's opening: '\"…?\" Varga asked.'")
    func attributionAfterQuestion() throws {
        let (d, q) = try quotes(
            """
            "Who will pay for the new pier?" Varga asked. “Not the fishermen!” shouted a man at the back. "We will see." The meeting ended.
            """, entities: [Self.varga])
        let question = try #require(find(d, q, "Who will pay for the new pier?"))
        #expect(question.kind == .direct)
        #expect(question.speaker == "e1")
        #expect(question.cue == "asked")
        let shout = try #require(find(d, q, "Not the fishermen!"))
        #expect(speakerText(d, shout) == "a man")
        // A quotation ending in a period is not attributed to the sentence after it.
        let plain = try #require(find(d, q, "We will see."))
        #expect(plain.cue == nil)
    }

    @Test("an adverb in -ly between the speaker and the verb is no part of the speaker; 'the family' is a speaker")
    func adverbBeforeCue() throws {
        let (d, q) = try quotes(
            """
            “I would do it again,” Varga wearily told the council. “The harbour deserves better,” the family said in a statement.
            """, entities: [Self.varga])
        let again = try #require(find(d, q, "I would do it again"))
        #expect(speakerText(d, again) == "Varga")
        #expect(again.speaker == "e1")
        let harbour = try #require(find(d, q, "The harbour deserves better"))
        #expect(speakerText(d, harbour) == "the family")
    }

    @Test(
        "a long description between the name and the verb: '\"…,\" Anna Varga, the mayor of Lindholm, a town in Sweden, and chair of the board, said'"
    )
    func longAppositive() throws {
        let (d, q) = try quotes(
            """
            "The pier will open in May," Dr. Anna Varga, the mayor of Lindholm, a town on the coast of Sweden, and chair of the harbour board, said in a statement. "We owe it to the fishermen."
            """, entities: [Self.varga])
        let pier = try #require(find(d, q, "The pier will open in May"))
        #expect(pier.kind == .direct)
        #expect(pier.speaker == "e1")
        #expect(speakerText(d, pier) == "Anna Varga")
        // The next quotation of the paragraph continues the speaker.
        #expect(find(d, q, "We owe it to the fishermen.")?.speaker == "e1")
    }

    @Test("a paragraph that is only a quotation continues the speaker of the paragraph before; a heading or prose between does not")
    func quoteParagraphContinues() throws {
        let (d, q) = try quotes(
            """
            “The pier will open in May,” said Anna Varga.

            “We owe it to the fishermen who waited three winters for it.”

            The council met again on Friday.

            “Nobody asked the ferry company what it thought of the plan.”
            """, entities: [Self.varga])
        #expect(find(d, q, "We owe it to the fishermen who waited three winters for it.")?.speaker == "e1")
        #expect(find(d, q, "Nobody asked the ferry company what it thought of the plan.")?.speaker == nil)
    }

    @Test("the subject of a second verb is the first verb's ('Varga said … and added'); 'he’d', 'instead' and a signing dash")
    func coordinationContractionAndDash() throws {
        let (d, q) = try quotes(
            """
            Varga said the council had never used the word and added, "We did not promise a bridge." Later he’d say, “The ferry was always the plan.” She instead told the board: “Nobody asked the fishermen what they wanted from the harbour.” “A harbour is a promise kept.” — Anna Varga

            “Every town needs a harbour.” — Anna Varga
            """, entities: [Self.varga])
        let bridge = try #require(find(d, q, "We did not promise a bridge."))
        #expect(speakerText(d, bridge) == "Varga")
        #expect(bridge.speaker == "e1")
        #expect(speakerText(d, find(d, q, "The ferry was always the plan.")) == "he")
        #expect(speakerText(d, find(d, q, "Nobody asked the fishermen what they wanted from the harbour.")) == "She")
        for words in ["A harbour is a promise kept.", "Every town needs a harbour."] {
            let signed = try #require(find(d, q, words))
            #expect(signed.kind == .direct)
            #expect(signed.speaker == "e1", "\(words)")
        }
    }

    @Test("a quotation opening its sentence right after reported speech takes its speaker; not after other prose")
    func afterReportedSpeech() throws {
        let (d, q) = try quotes(
            """
            Varga said the ferry would run again in May. “We owe it to the fishermen who waited all winter.”

            The harbour reopened in June. “Nobody told the ferry company anything about it.”
            """, entities: [Self.varga])
        let owe = try #require(find(d, q, "We owe it to the fishermen who waited all winter."))
        #expect(owe.speaker == "e1")
        #expect(owe.cue == nil)
        #expect(find(d, q, "Nobody told the ferry company anything about it.")?.speaker == nil)
    }

    @Test("the name that opens the words after a quotation, when no subject reads back from the verb: 'Varga weighed in, telling …'")
    func nameBeforeParticiple() throws {
        let (d, q) = try quotes(
            """
            "We all miss the old ferry," Varga weighed in, telling the council, "and nobody will forget it." "It was a fine boat," Lund chimed in.
            """, entities: [Self.varga, ("e2", .person, ["Lund"])])
        #expect(find(d, q, "We all miss the old ferry")?.speaker == "e1")
        #expect(find(d, q, "and nobody will forget it.")?.speaker == "e1")
        let boat = try #require(find(d, q, "It was a fine boat"))
        #expect(boat.kind == .direct)
        #expect(boat.speaker == "e2")
        #expect(boat.cue == "chimed")
    }

    @Test("an abbreviated title before the speaker's name still links the name: 'said Rep. Anna Varga (D-MN)'")
    func titledSpeakerLinks() throws {
        let (d, q) = try quotes(
            """
            “Every survey of the last ten years gave the same answer,” said Rep. Anna Varga (D-MN), who chairs the committee.

            Dr. Lund said the cracks had grown since the spring inspection.
            """, entities: [("e1", .person, ["Anna Varga"]), ("e2", .person, ["Lund"])])
        let survey = try #require(find(d, q, "Every survey of the last ten years gave the same answer"))
        #expect(speakerText(d, survey) == "Rep. Anna Varga")
        #expect(survey.speaker == "e1")
        let cracks = try #require(find(d, q, "the cracks had grown since the spring inspection"))
        #expect(cracks.speaker == "e2")
    }

    @Test("a participle after a comma takes the name opening the clause before it, past an opening phrase; 'was' before it is an auxiliary")
    func participleClauseSubject() throws {
        let (d, q) = try quotes(
            """
            After the meeting, Anna Varga issued a statement about the plan, saying, “We will restore the town’s trust in us.”

            When I signed the lease, I was telling myself, “This shop matters and it will work.”
            """, entities: [Self.varga])
        let trust = try #require(find(d, q, "We will restore the town’s trust in us."))
        #expect(trust.speaker == "e1")
        #expect(speakerText(d, trust) == "Anna Varga")
        #expect(speakerText(d, find(d, q, "This shop matters and it will work.")) == "I")
    }

    @Test("the words after a verb are its object, not its speaker, unless the verb opens its clause or is inverted after a comma")
    func objectIsNoSpeaker() throws {
        let (d, q) = try quotes(
            """
            Both towns across the bay - Lindholm and Varberg - also sharply criticised the harbour plan, with Mayor Anna Varga warning of “dangerous consequences”.

            The company would not give the number but called it “immaterial”.

            To the pears, add the juice of one lemon and a pinch of salt.

            The town offered new ferries, promises of cheaper tickets for Lindholm residents, and a new quay.

            The quay is closed, say officials. Fares rose by a third, according to data from Lindholm Statistics.
            """, entities: [Self.varga, ("e2", .organization, ["Lindholm Statistics"]), ("e3", .location, ["Lindholm"])])
        let consequences = try #require(find(d, q, "dangerous consequences"))
        #expect(consequences.speaker == "e1")
        #expect(speakerText(d, consequences) == "Anna Varga")
        #expect(speakerText(d, find(d, q, "immaterial")) == nil)
        #expect(!q.contains { $0.cue == "add" || $0.cue == "promises" })
        #expect(speakerText(d, find(d, q, "The quay is closed")) == "officials")
        #expect(find(d, q, "Fares rose by a third")?.speaker == "e2")
    }

    @Test(
        "reported speech: an inverted verb with a named speaker after a fronted phrase, long descriptions, an attribution between commas, a second verb after 'but'"
    )
    func reportedSpeechShapes() throws {
        let (d, q) = try quotes(
            """
            Under the new rules, ferry crews must rest for eleven hours, said Tomas Ekberg, a lawyer in Varberg.

            Anna Varga, a harbour pilot who has guided tankers into the bay for nineteen years and trains new pilots, said the channel had never been so crowded.

            Lena Holm, regional organiser of the Dockers' and Pilots' Union, said members would vote next week.

            By next spring, Varga said, the quay will take ships twice as long.

            The fares will rise in March, the company announced on Monday, less than a month after the merger.

            Ekberg called the timetable “a fantasy” but warned that the ferry would run late all winter.

            Late in the evening, Holm posted a photo of the empty quay on her page.

            Fares rose, said Ekberg was wrong about the cost.

            Holm said in a statement that the fee was “far too high for the islands” and that the quay needed repairs.

            Varga said she would ask the ferry board to review the timetable before the summer.

            Lindholm Statistics said in a statement on Friday that fares had risen by a third. “The rise is the largest since 1990,” the statement said.
            """,
            entities: [
                Self.varga, ("e2", .person, ["Tomas Ekberg", "Ekberg"]), ("e3", .person, ["Lena Holm", "Holm"]),
                ("e4", .organization, ["Lindholm Statistics"]),
            ])
        let rest = try #require(find(d, q, "Under the new rules, ferry crews must rest for eleven hours"))
        #expect(rest.kind == .indirect)
        #expect(rest.speaker == "e2")
        #expect(find(d, q, "the channel had never been so crowded")?.speaker == "e1")
        #expect(find(d, q, "members would vote next week")?.speaker == "e3")
        // The attribution between commas: the speech is all of the sentence.
        #expect(find(d, q, "By next spring, Varga said, the quay will take ships twice as long")?.speaker == "e1")
        // The words after the second comma are the writer's.
        #expect(speakerText(d, find(d, q, "The fares will rise in March")) == "the company")
        #expect(find(d, q, "the ferry would run late all winter")?.speaker == "e2")
        #expect(!q.contains { $0.kind == .indirect && d.text(in: $0.range).contains("photo") })
        // `said Ekberg was wrong` reports what Ekberg was: Ekberg is no speaker there.
        #expect(!q.contains { $0.speaker == "e2" && d.text(in: $0.range) == "Fares rose" })
        // A partial quotation inside reported speech: both, one speaker.
        #expect(find(d, q, "far too high for the islands")?.kind == .partial)
        let repairs = try #require(q.first { $0.kind == .indirect && d.text(in: $0.range).hasSuffix("the quay needed repairs") })
        #expect(repairs.speaker == "e3")
        // A reporting verb inside what was reported is part of it, not a second report.
        #expect(q.filter { $0.kind == .indirect && d.text(in: $0.range).contains("the ferry board") }.count == 1)
        // `the statement` speaks for whoever gave it `in a statement` just before.
        let largest = try #require(find(d, q, "The rise is the largest since 1990"))
        #expect(speakerText(d, largest) == "the statement")
        #expect(largest.speaker == "e4")
    }

    @Test(
        "attributions the older rules missed: a verb closing the sentence, 'has written', 'the statement read', 'comments X', a title before the name"
    )
    func laterAttributions() throws {
        let (d, q) = try quotes(
            """
            "We don't want those people" working in our prisons, she said. "This incident was a black eye on the entire service."

            "If the council raises the fee, the driver pays it at the gate," Tomas Ekberg, a fellow at the Harbour Institute, has written. "The council pays nothing."

            "As the town's partner for a decade, we were shocked to read these claims," the statement read. "At no point did we stop the concert."

            "We worked on the design of the ferry, its engines and its safety," comments Lena Holm of the yard.

            Ekberg referred to those comments at the hearing, concluding that the odds were "dwindling."

            "This is not easy, and it is not what I expected to see here," judge Anna Varga noted as she made her decision.
            """, entities: [Self.varga, ("e2", .person, ["Tomas Ekberg", "Ekberg"]), ("e3", .person, ["Lena Holm"])])
        #expect(speakerText(d, find(d, q, "We don't want those people")) == "she")
        #expect(speakerText(d, find(d, q, "This incident was a black eye on the entire service.")) == "she")
        let fee = try #require(find(d, q, "If the council raises the fee, the driver pays it at the gate"))
        #expect(fee.kind == .direct)
        #expect(fee.speaker == "e2")
        #expect(find(d, q, "The council pays nothing.")?.speaker == "e2")
        #expect(speakerText(d, find(d, q, "As the town's partner for a decade, we were shocked to read these claims")) == "the statement")
        #expect(speakerText(d, find(d, q, "At no point did we stop the concert.")) == "the statement")
        #expect(find(d, q, "We worked on the design of the ferry, its engines and its safety")?.speaker == "e3")
        #expect(speakerText(d, find(d, q, "dwindling.")) == nil)
        let easy = try #require(find(d, q, "This is not easy, and it is not what I expected to see here"))
        #expect(easy.kind == .direct)
        #expect(easy.speaker == "e1")
    }

    @Test("a quotation alone in its sentence takes the person who opens the sentence before it in its paragraph")
    func personOpeningPreviousSentence() throws {
        let (d, q) = try quotes(
            """
            Anna Varga returned to the issue later in the hearing. “Which boats can reach the island by May, and at what cost?”

            Lindholm Bank raised its rates on Monday. “Borrowers will feel this for years to come.”

            After the vote Anna Varga left early. “Nobody asked the fishermen what they needed.”
            """, entities: [Self.varga, ("e2", .organization, ["Lindholm Bank"])])
        let boats = try #require(find(d, q, "Which boats can reach the island by May, and at what cost?"))
        #expect(boats.speaker == "e1")
        #expect(speakerText(d, boats) == "Anna Varga")
        // Not an organisation, and not a name that does not open the sentence.
        #expect(find(d, q, "Borrowers will feel this for years to come.")?.speakerRange == nil)
        #expect(find(d, q, "Nobody asked the fishermen what they needed.")?.speakerRange == nil)
    }

    @Test("a pronoun after a quotation does not stand for a name inside it")
    func pronounSkipsNamesInsideTheQuotation() throws {
        let (d, q) = try quotes(
            """
            Anna Varga met the harbour board on Monday.

            “Lund is right about the ferry and the quay,” she said.
            """, entities: [Self.varga, ("e2", .person, ["Lund"])])
        let ferry = try #require(find(d, q, "Lund is right about the ferry and the quay"))
        #expect(speakerText(d, ferry) == "she")
        #expect(ferry.speaker == "e1")
    }

    @Test("a speaker and a colon before the quotation")
    func speakerBefore() throws {
        let (d, q) = try quotes("Varga said: “Nobody in this town will be left behind.”", entities: [Self.varga])
        let quote = try #require(find(d, q, "Nobody in this town will be left behind."))
        #expect(quote.kind == .direct)
        #expect(quote.speaker == "e1")
        #expect(quote.cue == "said")
    }

    @Test("guillemets, single guillemets and single curly quotes open quotations")
    func otherMarks() throws {
        let (d, q) = try quotes(
            "«The works start on Monday morning», Varga said.\n\n‹The ferry stays in port all week›, Varga said.\n\n‘We expect the road to reopen on Monday,’ Varga said.",
            entities: [Self.varga])
        #expect(find(d, q, "The works start on Monday morning")?.kind == .direct)
        #expect(find(d, q, "The ferry stays in port all week")?.speaker == "e1")
        #expect(find(d, q, "We expect the road to reopen on Monday")?.speaker == "e1")
    }

    @Test("apostrophes are not quotation marks: it’s, ’90s, O’Brien, students’")
    func apostrophes() throws {
        let (d, q) = try quotes(
            "It’s the students’ turn, said O’Brien, who remembers the ’90s. The team's coach, Ms O'Neil, agreed it's late.")
        #expect(q.allSatisfy { $0.kind == .indirect }, "\(q.map { d.text(in: $0.range) })")
    }

    @Test("inch and feet marks are not quotation marks")
    func inches() throws {
        let (_, q) = try quotes("The centre, who is 6'2\" tall, bought a 15\" laptop and a 27\" screen for the new office.")
        #expect(q.isEmpty)
    }

    @Test("a quotation runs across sentences, and across paragraphs that reopen with a quote mark")
    func multiParagraph() throws {
        let text =
            "“The harbour wall failed in two places. We knew it was old,” said Varga.\n\n“Repairs will take a year. The cost is not yet known.\n\n“We will ask the region for help,” she added."
        let (d, q) = try quotes(text, entities: [Self.varga])
        let first = try #require(find(d, q, "The harbour wall failed in two places. We knew it was old"))
        #expect(first.speaker == "e1")
        let run = try #require(q.first { d.text(in: $0.range).hasPrefix("Repairs will take a year.") })
        #expect(d.text(in: run.range).hasSuffix("We will ask the region for help"))
        #expect(run.kind == .direct)
        #expect(run.cue == "added")
        #expect(run.speaker == "e1")
        #expect(speakerText(d, run) == "she")
    }

    // MARK: Speakers

    @Test("a pronoun speaker resolves to the nearest person mentioned before it")
    func pronoun() throws {
        let text =
            "Anna Varga spoke after the vote. Petra Lund, her deputy, left early.\n\n"
            + "“The budget is balanced for the first time in years,” she said."
        let (d, q) = try quotes(text, entities: [Self.varga, ("e2", .person, ["Petra Lund"])])
        let quote = try #require(find(d, q, "The budget is balanced for the first time in years"))
        #expect(quote.speaker == "e2")
        #expect(speakerText(d, quote) == "she")
    }

    @Test("a pronoun the entities layer already resolved keeps that entity")
    func resolvedPronoun() throws {
        let text = "Anna Varga spoke after Petra Lund.\n\n“The budget is balanced for the first time,” she said."
        var document = try quoteDocument(text, entities: [Self.varga, ("e2", .person, ["Petra Lund"])])
        let she = try #require(text.range(of: "she said"))
        let start = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: she.lowerBound)
        document.annotations.entities[0].mentions.append(Entity.Mention(range: TextRange(start: start, end: start + 3), form: .pronoun))
        let q = try QuoteAnalyzer().analyze(document, context: AnalysisContext()).quotes
        #expect(q.first?.speaker == "e1")
    }

    @Test("an organisation or a country speaks")
    func organisation() throws {
        let text = "The US reports “a lot of progress in the talks”. “Fares will not rise this year,” the ministry said."
        let (d, q) = try quotes(text, entities: [("e1", .location, ["US"]), ("e2", .organization, ["the ministry"])])
        let us = try #require(find(d, q, "a lot of progress in the talks"))
        #expect(us.speaker == "e1")
        #expect(us.cue == "reports")
        #expect(find(d, q, "Fares will not rise this year")?.speaker == "e2")
    }

    @Test(
        "anonymous sources are marked anonymous, with their description and no entity",
        arguments: [
            ("“The deal is close,” said a spokesperson who asked not to be named.", "a spokesperson who asked not to be named"),
            ("“The deal is close,” officials said.", "officials"),
            ("“The deal is close,” a senior official told the paper.", "a senior official"),
            ("“The deal is close,” said sources close to the mayor.", "sources close to the mayor"),
            ("“The deal is close,” people familiar with the matter said.", "people familiar with the matter"),
            ("“The deal is close,” said one legal expert.", "one legal expert"),
            ("“The deal is close,” one user quipped.", "one user"),
        ])
    func anonymous(_ text: String, _ description: String) throws {
        let (d, q) = try quotes(text, entities: [("e1", .person, ["the mayor"])])
        let quote = try #require(find(d, q, "The deal is close"))
        #expect(quote.isAnonymous)
        #expect(quote.speaker == nil)
        #expect(speakerText(d, quote) == description)
    }

    @Test("a relative clause after the speaker is stepped over: its verb ('asked', 'said') is not the attribution's")
    func relativeClauseAfterSpeaker() throws {
        let named = try quotes(
            "“Fares will rise in spring,” Varga, who asked the board for a delay last year, told reporters.", entities: [Self.varga])
        let fares = try #require(find(named.0, named.1, "Fares will rise in spring"))
        #expect(fares.speaker == "e1")
        #expect(fares.cue == "told")
        #expect(speakerText(named.0, fares) == "Varga")
        #expect(!fares.isAnonymous)
        // A clause that says the speaker is not named is part of the description, and the speaker anonymous.
        let unnamed = try quotes("“The deal is close,” a senior banker, who spoke on condition of anonymity, told the paper.")
        let deal = try #require(find(unnamed.0, unnamed.1, "The deal is close"))
        #expect(deal.cue == "told")
        #expect(deal.isAnonymous && deal.speaker == nil)
        #expect(speakerText(unnamed.0, deal) == "a senior banker, who spoke on condition of anonymity")
        // The quotation after it, with no attribution of its own, continues that speaker.
        let two = try quotes(
            "“Nobody expected it,” one trader, who declined to be named, said. “The numbers were never real.”")
        #expect(find(two.0, two.1, "Nobody expected it")?.cue == "said")
        #expect(speakerText(two.0, find(two.0, two.1, "The numbers were never real.")) == "one trader, who declined to be named")
    }

    @Test("'he said' after a sentence reporting a person is that person, not the nearest name; an organisation is no antecedent")
    func pronounAfterReportedSpeaker() throws {
        let text =
            "“The pier is safe,” said Anna Varga.\n\nOne harbour pilot, who asked not to be identified, said the channel was silting up. "
            + "“Nobody dredges it any more,” he said.\n\nThe ministry said fares would rise. “We had no choice,” she said."
        let (d, q) = try quotes(text, entities: [Self.varga, ("e2", .organization, ["The ministry"])])
        let pilot = try #require(find(d, q, "Nobody dredges it any more"))
        #expect(pilot.speaker == nil && pilot.isAnonymous)
        #expect(speakerText(d, pilot) == "One harbour pilot, who asked not to be identified")
        // The reported sentence before it names the same unnamed pilot.
        #expect(
            q.contains {
                $0.kind == .indirect && $0.isAnonymous && speakerText(d, $0) == "One harbour pilot, who asked not to be identified"
            })
        // `she` cannot be the ministry: the nearest person, as before.
        #expect(find(d, q, "We had no choice")?.speaker == "e1")
        // After a quotation in the same paragraph, its speaker; a name the entities layer got wrong
        // in between (an organisation as a person) is not; nor a description that is no speaker.
        let (d3, q3) = try quotes(
            "“Everyone saw this coming,” said Anna Varga, who covers shipping for the broker Tarn Holm. "
                + "She said the forecast was still “too rosy.”\n\nThe harbour's chief, Ola Brekke, struck an upbeat note. "
                + "“We will grow,” he wrote.",
            entities: [Self.varga, ("e2", .person, ["Tarn Holm"]), ("e3", .person, ["Ola Brekke"])])
        #expect(find(d3, q3, "too rosy.")?.speaker == "e1")
        #expect(find(d3, q3, "We will grow")?.speaker == "e3")
        // `she` is not the man quoted before her, nor the nearest man named.
        let (d4, q4) = try quotes(
            "“He made art everywhere,” Tomas Berg told me. When Berg visited his editor Anna Varga, he drew on her desk. "
                + "“Life was not long enough,” she recalled. “Nor for Tomas,” she said.",
            entities: [Self.varga, ("e4", .person, ["Tomas Berg", "Berg"])])
        #expect(find(d4, q4, "He made art everywhere")?.speaker == "e4")
        #expect(find(d4, q4, "Life was not long enough")?.speaker == "e1")
        // A participle clause that says so makes the whole subject before it an unnamed speaker.
        let (d2, q2) = try quotes(
            "A deckhand on one of the ferry company's boats, speaking on condition of anonymity, said the engines were failing.",
            entities: [("e1", .organization, ["ferry company"])])
        let deckhand = try #require(q2.first { $0.kind == .indirect })
        #expect(deckhand.isAnonymous && deckhand.speaker == nil)
        #expect(speakerText(d2, deckhand) == "A deckhand on one of the ferry company's boats, speaking on condition of anonymity")
    }

    @Test("a pronoun subject right after reported speech in its paragraph is that speech's speaker, when it fits")
    func reportedAntecedent() throws {
        let text =
            "The harbour board met Anna Varga on Monday. The board's annual report said the pier was unsafe. "
            + "It noted that repairs would cost more than planned.\n\nThe report said the ferry made a loss. "
            + "She said the ferry would run again in May."
        let (d, q) = try quotes(text, entities: [Self.varga, ("e2", .organization, ["The harbour board"])])
        let noted = try #require(q.first { $0.cue == "noted" })
        #expect(noted.speaker == nil)
        #expect(speakerText(d, noted) == "The board's annual report")
        // `She` cannot be the report: the nearest person, as before.
        #expect(q.first { d.text(in: $0.range) == "the ferry would run again in May" }?.speaker == "e1")
    }

    @Test(
        "refusing or denying to speak reports nothing ('declined to say whether', 'would not say'), nor a reporting noun ('in a note that'), nor '…, a change residents said was overdue'"
    )
    func refusals() throws {
        let text =
            "Anna Varga declined to say whether the pier would reopen. Varga would not say when the repairs began. "
            + "Varga said the ferry would run again in May. The council wrote in a note that fares were too high. "
            + "The board approved the new timetable, a change residents said was overdue."
        let (d, q) = try quotes(text, entities: [Self.varga])
        let reported = q.filter { $0.kind == .indirect }
        // `wrote … that` reports; the `note` after `a` does not report a second time.
        #expect(reported.map { d.text(in: $0.range) } == ["the ferry would run again in May", "fares were too high"])
        #expect(reported.map(\.cue) == ["said", "wrote"])
    }

    @Test("a quotation with no attribution takes the previous speaker of its paragraph, or of the paragraph before when it stands alone")
    func continuing() throws {
        let text =
            "“The ferry will run again in May,” Varga said. “After that we will see about the winter timetable.”\n\n“Nobody has told us anything about the timetable yet.”\n\nResidents disagreed. “Nobody asked us.”"
        let (d, q) = try quotes(text, entities: [Self.varga])
        #expect(find(d, q, "After that we will see about the winter timetable.")?.speaker == "e1")
        #expect(find(d, q, "After that we will see about the winter timetable.")?.cue == nil)
        let next = try #require(find(d, q, "Nobody has told us anything about the timetable yet."))
        #expect(next.kind == .direct)
        #expect(next.speaker == "e1" && next.cue == nil)
        // Prose in the quotation's paragraph: no longer the same speaker.
        #expect(find(d, q, "Nobody asked us.")?.speaker == nil)
        let (d2, q2) = try quotes(text, entities: [Self.varga], options: QuoteAnalyzer.Options(continuingSpeaker: false))
        #expect(find(d2, q2, "After that we will see about the winter timetable.")?.speaker == nil)
    }

    // MARK: Partial quotations

    @Test("a quoted fragment in the writer's sentence is partial, with the sentence's speaker")
    func partial() throws {
        let text = "Varga called the decision “a tax by another name” and left the room. The plan, she said, was “dead”."
        let (d, q) = try quotes(text, entities: [Self.varga])
        let tax = try #require(find(d, q, "a tax by another name"))
        #expect(tax.kind == .partial)
        #expect(tax.speaker == "e1")
        #expect(tax.cue == "called")
        let dead = try #require(find(d, q, "dead"))
        #expect(dead.kind == .partial)
    }

    @Test("after a participle cue the words that follow start the reported clause: the partial quote is the main speaker's")
    func participleCue() throws {
        let text =
            "Mayor Ilse Varga announced the closure on Monday, saying the council “had no safe alternative.” The ferry will run hourly."
        let (d, q) = try quotes(text, entities: [Self.varga])
        let partial = try #require(find(d, q, "had no safe alternative."))
        #expect(partial.kind == .partial)
        #expect(partial.speaker == "e1", "the council is the reported clause's subject, not the speaker")
    }

    // MARK: Not speech

    @Test("scare quotes and coined terms are kept as scare quotes")
    func scare() throws {
        let text =
            "The so-called “drought surcharge” took effect in June. Some historians write of a new “Pax Americana” in the region. Farmers call it a “water grab”."
        let (d, q) = try quotes(text)
        #expect(find(d, q, "drought surcharge")?.kind == .scare)
        #expect(find(d, q, "Pax Americana")?.kind == .scare)
        #expect(find(d, q, "water grab")?.kind == .scare || find(d, q, "water grab")?.kind == .partial)
        #expect(q.allSatisfy { $0.speaker == nil })
    }

    @Test("titles of works and quoted headlines are titles")
    func titles() throws {
        let text =
            "Her book “Salt and Stone” sold well. The report, “Water for Tomorrow”, was published on Monday. The paper ran the headline “Mayor Walks Out on Council”."
        let (d, q) = try quotes(text)
        #expect(find(d, q, "Salt and Stone")?.kind == .title)
        #expect(find(d, q, "Water for Tomorrow")?.kind == .title)
        #expect(find(d, q, "Mayor Walks Out on Council")?.kind == .title)
        #expect(q.allSatisfy { !$0.isSpeech })
    }

    @Test("the rule of thumb: a short span alone is a term, a whole sentence with a cue is speech")
    func minimumWords() throws {
        let (d, q) = try quotes("Critics fought what they saw as “green tape”. “No,” Varga said.", entities: [Self.varga])
        #expect(find(d, q, "green tape")?.kind == .scare)
        #expect(find(d, q, "No")?.kind == .direct)
        let (d2, q2) = try quotes("Critics fought what they saw as “green tape”.", options: QuoteAnalyzer.Options(minimumWords: 2))
        #expect(find(d2, q2, "green tape")?.kind == .partial)
    }

    // MARK: Reported speech

    @Test(
        "reported speech with a reporting verb",
        arguments: [
            ("Varga said that the ferry would run again in May.", "the ferry would run again in May", "said"),
            ("Varga said the ferry would run again in May.", "the ferry would run again in May", "said"),
            ("Varga told reporters the ferry would run again in May.", "the ferry would run again in May", "told"),
            ("Varga told reporters that the ferry would run again in May.", "the ferry would run again in May", "told"),
            ("According to Varga, the ferry will run again in May.", "the ferry will run again in May", "according to"),
            ("The ferry will run again in May, according to Varga.", "The ferry will run again in May", "according to"),
            ("Varga warned that the ferry might not run in May.", "the ferry might not run in May", "warned"),
            ("Varga has called for a new ferry by next spring.", "a new ferry by next spring", "called for"),
            ("Varga denied any wrongdoing by the harbour board.", "any wrongdoing by the harbour board", "denied"),
            ("The ferry will run again in May, Varga insisted.", "The ferry will run again in May", "insisted"),
            ("The ferry will run again in May, Varga said on Tuesday.", "The ferry will run again in May", "said"),
            ("The port's new director, Varga, said the ferry would run again in May.", "the ferry would run again in May", "said"),
            ("The ferry will run again in May, Varga told us.", "The ferry will run again in May", "told"),
            ("Varga said it would take a year to rebuild the pier.", "it would take a year to rebuild the pier", "said"),
            ("The ferry will run again in May, Varga said, citing the timetable.", "The ferry will run again in May", "said"),
            ("Varga added that fares would stay the same.", "fares would stay the same", "added"),
            ("Varga said in a statement on Monday that fares would stay the same.", "fares would stay the same", "said"),
            ("Varga criticises the timetable as too thin for winter.", "the timetable as too thin for winter", "criticises"),
            ("The meeting ended with Varga urging calm on the quayside.", "calm on the quayside", "urging"),
            ("Varga said the ferry would run again in May, while the unions expect delays.", "the ferry would run again in May", "said"),
            ("Varga found that two of the ferries had failed their checks.", "two of the ferries had failed their checks", "found"),
            ("Varga estimates that the new pier will cost nine million.", "the new pier will cost nine million", "estimates"),
            ("Varga accused the harbour board of hiding the repair bills.", "hiding the repair bills", "accused"),
            ("Varga reminded the crews that the winter timetable starts early.", "the winter timetable starts early", "reminded"),
        ])
    func indirect(_ text: String, _ content: String, _ cue: String) throws {
        let (d, q) = try quotes(text, entities: [Self.varga])
        let quote = try #require(q.first, "\(text)")
        #expect(quote.kind == .indirect)
        #expect(d.text(in: quote.range) == content)
        #expect(quote.cue == cue)
        #expect(quote.speaker == "e1")
        #expect(speakerText(d, quote) == "Varga")
    }

    @Test(
        "verbs that report only a clause with 'that', a clause that introduces a quotation, and the writer's own questions are no reported speech",
        arguments: [
            "Varga found a second wreck near the reef.",
            "Varga estimates the damage at nine million.",
            "Residents offered differing estimates of the damage, Varga among them.",
            "When I asked what the plan was, Varga laughed.",
            "According to the minutes, Varga told the meeting: “We will not sell the quay.”",
        ])
    func notReported(_ text: String) throws {
        let (_, q) = try quotes(text, entities: [Self.varga])
        #expect(!q.contains { $0.kind == .indirect }, "\(text)")
    }

    @Test("a quotation inside reported speech is the reported speaker's, also when the name is the appositive")
    func insideReportedSpeech() throws {
        let text = "The harbour master, Anna Varga, said the new timetable was “a gift to every commuter on the coast.”"
        let (d, q) = try quotes(text, entities: [Self.varga])
        let inner = try #require(find(d, q, "a gift to every commuter on the coast."))
        #expect(inner.speaker == "e1" && speakerText(d, inner) == "Anna Varga" && inner.cue == "said")
        let plain = "Anna Varga said the timetable, which starts in May, was “a gift to every commuter”."
        let (d2, q2) = try quotes(plain, entities: [Self.varga])
        #expect(find(d2, q2, "a gift to every commuter").map { $0.speaker == "e1" && speakerText(d2, $0) == "Anna Varga" } == true)
    }

    @Test("a lowercase title between the verb and the name after a quotation does not hide the speaker")
    func titleBeforeSpeakerAfterQuote() throws {
        let text = "“Every ferry will sail on time this winter,” said harbour master Anna Varga on Friday."
        let (d, q) = try quotes(text, entities: [Self.varga])
        let quote = try #require(find(d, q, "Every ferry will sail on time this winter"))
        #expect(quote.kind == .direct && quote.speaker == "e1" && quote.cue == "said")
        #expect(speakerText(d, quote)?.hasPrefix("Anna Varga") == true)
    }

    @Test("a quoted term the writer gives as what someone calls a thing is a term, not speech")
    func whatTheyCall() throws {
        let text =
            "The council plans what it calls a “harbour levy” for visitors. The board called the fee “a harbour tax on every family”."
        let (d, q) = try quotes(text)
        #expect(find(d, q, "harbour levy")?.kind == .scare)
        #expect(find(d, q, "a harbour tax on every family")?.kind == .partial)
    }

    @Test("reporting verbs that do not report speech are left alone")
    func notIndirect() throws {
        let text =
            "It is said the castle is haunted. Varga said nothing. The board called a meeting for Monday. Warning lights flashed while the crew kept saying little."
        let (_, q) = try quotes(text, entities: [Self.varga])
        #expect(q.isEmpty)
    }

    @Test("extra reporting verbs come from the options")
    func extraCues() throws {
        let text = "“Our doors stay open to every visitor,” Varga averred."
        let (_, plain) = try quotes(text, entities: [Self.varga])
        #expect(plain.first?.speaker == nil)
        let (_, extra) = try quotes(text, entities: [Self.varga], options: QuoteAnalyzer.Options(extraCues: ["averred"]))
        #expect(extra.first?.speaker == "e1")
        #expect(extra.first?.cue == "averred")
    }

    // MARK: Embedded posts

    @Test("an embedded post with an attribution line is direct speech by its author")
    func embeddedPost() throws {
        let text =
            "The club replied online.\n\nSee you all at the harbour on Sunday! — Lindholm Rowing Club (@lindholmrow) May 3, 2025\n\n"
            + "The race went ahead."
        let (d, q) = try quotes(text, entities: [("e1", .organization, ["Lindholm Rowing Club"])], blockKinds: [1: .embeddedPost])
        let post = try #require(find(d, q, "See you all at the harbour on Sunday!"))
        #expect(post.kind == .direct)
        #expect(post.speaker == "e1")
        #expect(post.cue == "posted")
        #expect(speakerText(d, post) == "Lindholm Rowing Club")
    }

    @Test("links that close an embedded post are not part of its words; a post that is only a link keeps it")
    func postLinks() throws {
        let text =
            "The club replied online.\n\nSee you all at the harbour on Sunday! https://t.co/ab12Cd pic.twitter.com/Xy9 — Lindholm Rowing Club (@lindholmrow) May 3, 2025\n\n"
            + "The race went ahead.\n\nhttps://t.co/zz99 — Lindholm Rowing Club (@lindholmrow) May 4, 2025"
        let (d, q) = try quotes(
            text, entities: [("e1", .organization, ["Lindholm Rowing Club"])], blockKinds: [1: .embeddedPost, 3: .embeddedPost])
        let post = try #require(find(d, q, "See you all at the harbour on Sunday!"))
        #expect(post.speaker == "e1")
        #expect(q.contains { d.text(in: $0.range) == "https://t.co/zz99" })
    }

    @Test("an attribution in its own block names the author of the post above it")
    func separatePostAttribution() throws {
        let text = "Back on the water at last\n\n- Island Ferries (@islandferries) June 2, 2024"
        let (d, q) = try quotes(text, blockKinds: [0: .embeddedPost, 1: .embeddedPost])
        let post = try #require(find(d, q, "Back on the water at last"))
        #expect(speakerText(d, post) == "Island Ferries")
    }

    // MARK: Options and conformance

    @Test(
        "bad options are refused with a code",
        arguments: [
            (QuoteAnalyzer.Options(extraCues: ["said so"]), "E482", "extraCues[0]"),
            (QuoteAnalyzer.Options(extraCues: [""]), "E482", "extraCues[0]"),
            (QuoteAnalyzer.Options(minimumWords: 0), "E483", "minimumWords"),
            (QuoteAnalyzer.Options(minimumWords: 51), "E483", "minimumWords"),
        ])
    func validation(_ options: QuoteAnalyzer.Options, _ code: String, _ option: String) {
        #expect {
            try QuoteAnalyzer.validate(options)
        } throws: { error in
            guard let error = error as? ComponentError else { return false }
            return error.code == code && error.option == option && error.message.contains("'")
        }
    }

    @Test("the analyzer passes the conformance checks")
    func conformance() async throws {
        let documents = [
            try quoteDocument(
                "“We will rebuild,” said Anna Varga. She said that the pier would open in May.\n\n“It will take time.\n\n“But we will do it,” she added.",
                entities: [Self.varga]),
            try quoteDocument("No quotes at all here. Just a sentence."),
            try quoteDocument("Unclosed “quotation runs on and on"),
        ]
        let problems = await AnalyzerConformance.check(QuoteAnalyzer.self, documents: documents)
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test("text wider than Latin-1 reads the same")
    func wideText() throws {
        let (d, q) = try quotes("“The lanterns 🏮 will be lit on Friday,” Varga said.", entities: [Self.varga])
        #expect(find(d, q, "The lanterns 🏮 will be lit on Friday")?.speaker == "e1")
    }

    @Test(
        "the same quotations wherever the text falls: the first pass reads 64 scalars at a time",
        arguments: [
            // ASCII and curly marks, apostrophes, hyphens, digits, an initialism, Latin letters.
            "Anna Varga's deputy, Ms. O'Brien-Smith, said the 3rd plan was \"dead on arrival\" on Friday. "
                + "“We will not re-open the U.S. talks,” Varga told reporters, adding that São Tomé’s envoy ‘agreed’.",
            // Cyrillic words and a scalar beyond general punctuation (€, 🏮) near the cues.
            "Мэр Варга сказал: «Мост откроют». Varga said the €40 levy was “a tax 🏮 by another name,” critics argued.",
        ])
    func blockBoundaries(paragraph: String) throws {
        func shape(_ prefix: String) throws -> [String] {
            let (d, q) = try quotes(prefix + paragraph, entities: [Self.varga])
            return q.map { "\($0.kind) \(d.text(in: $0.range)) | \(speakerText(d, $0) ?? "-") | \($0.cue ?? "-")" }
        }
        let expected = try shape("")
        #expect(expected.count >= 2)
        // Every offset of the paragraph against a block of 64, after a first paragraph of filler.
        for length in 1...70 {
            let filler = String(String(repeating: "Filler words, 12 of them. ", count: 3).prefix(length)) + "\n\n"
            #expect(try shape(filler) == expected, "after \(length) scalars of filler")
        }
    }
}
