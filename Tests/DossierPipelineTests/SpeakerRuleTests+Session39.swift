import Dossier
import DossierTesting
import Foundation
import Testing

/// The session-39 rules, found on held-out sets and written here in other words.
extension SpeakerRuleTests {
    @Test("a word for a body named like a firm (practice, studio, label) before a name makes it an organisation")
    func bodyNounBeforeName() async throws {
        let text = """
            In 1982 Maren Olsvik opened the studio Olsvik Hale with Torin Hale, a carpenter she had met on a ferry.

            Hale, now 79, called her “the most stubborn person I ever worked for”.

            “She redrew the stairs eleven times,” he said.
            """
        let document = try await Self.analyze(text)
        let entities = document.annotations.entities
        #expect(entities.first { $0.name == "Olsvik Hale" }?.kind == .organization)
        #expect(try Self.speaker(of: "the most stubborn person", in: document) == "Torin Hale")
        #expect(try Self.speaker(of: "She redrew the stairs", in: document) == "Torin Hale")
    }

    @Test("a person named after a description that serves someone (an aide to X, a lawyer for X) is the speaker, not X")
    func nameAfterServingDescription() async throws {
        let text = """
            Senator Anita Kaur was not at the hearing.

            An aide to Kaur, Mira Dalton, told reporters the senator would “answer every question in writing.”

            “She has nothing to hide,” a lawyer for Kaur, Joel Brandt, said.
            """
        let document = try await Self.analyze(text)
        #expect(try Self.speaker(of: "answer every question in writing", in: document) == "Mira Dalton")
        #expect(try Self.speaker(of: "She has nothing to hide", in: document) == "Joel Brandt")
    }

    @Test("a second short quotation with no verb of its own in a reported sentence is the speaker's; a nickname or a thing read of is not")
    func secondPartialInReportedSentence() async throws {
        let text = """
            Harbour chair Elsa Moritz said on Friday that the board had “every confidence” in the pilots and that the port remained “fully open” to cargo.

            Dockers had nicknamed the new crane “the Giraffe” and said it was “a beast to drive”.

            Years ago we would have read of “brave pilots” and “plucky tugs” in the local paper.
            """
        let document = try await Self.analyze(text)
        #expect(try Self.speaker(of: "fully open", in: document) == "Elsa Moritz")
        let kinds = Dictionary(
            document.annotations.quotes.map { (document.text(in: $0.range), $0.kind) }, uniquingKeysWith: { first, _ in first })
        #expect(kinds["fully open"] == .partial)
        #expect(kinds["the Giraffe"] == .scare)
        #expect(kinds["brave pilots"] == .scare)
        #expect(kinds["plucky tugs"] == .scare)
    }

    @Test("an unnamed speaker with a long participle clause keeps the quotation; the subject of the reported clause does not take it")
    func longAnonymityClause() async throws {
        let text = """
            An engineer at the plant, speaking on condition of anonymity because she had not been cleared to talk to the press, said the shutdown was “mostly for show,” adding that the kilns were cold anyway.
            """
        let document = try await Self.analyze(text)
        let quote = try #require(document.annotations.quotes.first { document.text(in: $0.range).contains("mostly for show") })
        #expect(quote.isAnonymous)
        #expect(quote.speakerRange.map { document.text(in: $0).hasPrefix("An engineer") } == true)
    }

    @Test("a commitment inside the clause another verb reports is quoted from that verb's speaker")
    func commitmentInReportedClause() async throws {
        let text = """
            In a statement on Sunday, the Norvik Transport Ministry said both unions had agreed to “suspend all strike action until the spring” and to meet again in March.
            """
        let document = try await Self.analyze(text)
        #expect(try Self.speaker(of: "suspend all strike action", in: document) == "Norvik Transport Ministry")
    }

    @Test("a document filed or issued by a body speaks for that body, also when it is named again")
    func documentFiledByBody() async throws {
        let text = """
            According to an indictment filed by the Harwick County Prosecutor's Office, Lena Dorn wired the money to a shell company twice in March.

            Bank records show the second transfer was made from a hotel in Lisbon, the indictment said.
            """
        let document = try await Self.analyze(text)
        let reported = document.annotations.quotes.filter { $0.kind == .indirect }
        #expect(reported.count == 2)
        for quote in reported {
            #expect(document.annotations.resolve(quote.speaker)?.name == "Harwick County Prosecutor's Office")
        }
    }

    @Test("a participle after a comma shares the unnamed description that opens the sentence, not an age inside it")
    func participleAfterDescription() async throws {
        let text = """
            A spokesman for Lindqvist, 44, released a short statement on Monday, adding that the singer was “deeply sorry” for the delay.
            """
        let document = try await Self.analyze(text)
        let quote = try #require(document.annotations.quotes.first { document.text(in: $0.range) == "deeply sorry" })
        #expect(quote.isAnonymous)
        #expect(quote.speakerRange.map { document.text(in: $0) } == "A spokesman for Lindqvist")
    }

    @Test("whom a described person speaks to is not that person: 'Speaking to host X, the singer admitted'")
    func addresseeIsNotTheDescribed() async throws {
        let text = """
            Marisol Vance released her fourth album on Friday.

            Speaking to host Jonah Pell on the Late Shift podcast, the Grammy winner was candid about the year. “I was running on fumes by the end of the tour,” said the singer.

            Speaking to presenter Ola Brandt, the singer admitted she had been “close to quitting” in the spring.
            """
        let document = try await Self.analyze(text)
        #expect(try Self.speaker(of: "I was running on fumes", in: document) == "Marisol Vance")
        let partial = try #require(document.annotations.quotes.first { document.text(in: $0.range) == "close to quitting" })
        #expect(document.annotations.resolve(partial.speaker)?.name == "Marisol Vance")
        // The reported speech around it too.
        let reported = try #require(document.annotations.quotes.first { $0.kind == .indirect })
        #expect(document.annotations.resolve(reported.speaker)?.name == "Marisol Vance")
        let entities = document.annotations.entities
        #expect(entities.first { $0.name == "Ola Brandt" }?.roles.contains { $0.title == "singer" } == false)
    }

    @Test(
        "a word of when after an attribution at the end ('said late Thursday', 'said Friday'); 'who added that' after an unnamed description"
    )
    func whenWordsAndWhoAfterDescription() async throws {
        let text = """
            The ferry will resume its winter timetable next week, the harbour authority said late Thursday.

            The new hulls resist ice and corrosion, said the officials, who added that they were refitting two boats a year.
            """
        let document = try await Self.analyze(text)
        let reported = document.annotations.quotes.filter { $0.kind == .indirect }.map { document.text(in: $0.range) }
        #expect(reported.contains("The ferry will resume its winter timetable next week"))
        #expect(reported.contains { $0.hasPrefix("they were refitting two boats a year") })
        let refit = try #require(document.annotations.quotes.first { document.text(in: $0.range).hasPrefix("they were refitting") })
        #expect(refit.speakerRange.map { document.text(in: $0) } == "the officials")
    }

    @Test("'claims that' and 'projected that' report a clause; 'claims' and 'projects' as nouns do not")
    func claimsAndProjectedThat() async throws {
        let text = """
            Harwell claims that he never saw the invoice.

            The Lindell Institute projected in March that the levy would raise £40 million.

            Ada Brook, 41, an architect who worked on several school projects, said the design had been approved in 2019.

            The ministry rejected the territorial claims made by its neighbour.
            """
        let document = try await Self.analyze(text)
        let reported = document.annotations.quotes.filter { $0.kind == .indirect }
        func speaker(_ words: String) -> String? {
            reported.first { document.text(in: $0.range).hasPrefix(words) }.flatMap { document.annotations.resolve($0.speaker)?.name }
        }
        #expect(speaker("he never saw the invoice") == "Harwell")
        #expect(speaker("the levy would raise") == "Lindell Institute")
        #expect(speaker("the design had been approved") == "Ada Brook")
        #expect(reported.count == 3)
    }

    @Test(
        "reported speech around an attribution between commas after a subordinate clause or before the verb, a lowercase unnamed subject, 'said more …', and 'said, more than once, that'"
    )
    func moreReportedSpeechShapes() async throws {
        let text = """
            Forecaster Ana Dhillon spoke on Monday.

            When the tide turned at the end of the afternoon, she said, the whole harbour emptied in an hour.

            Every winter, port officials said, it dredges more than a million tonnes of silt.

            The main reason that the quay is closing, Dhillon said, is the cost of the repairs.

            Dhillon said more storms were possible on Tuesday.

            She also said, more than once, that nobody should walk on the breakwater.
            """
        let document = try await Self.analyze(text)
        let reported = document.annotations.quotes.filter { $0.kind == .indirect }.map { document.text(in: $0.range) }
        #expect(reported.contains { $0.hasPrefix("When the tide turned") && $0.hasSuffix("emptied in an hour") })
        #expect(reported.contains { $0.hasPrefix("Every winter") && $0.hasSuffix("tonnes of silt") })
        #expect(reported.contains { $0.hasPrefix("The main reason") && $0.hasSuffix("cost of the repairs") })
        #expect(reported.contains { $0.hasPrefix("more storms were possible") })
        #expect(reported.contains { $0.hasPrefix("nobody should walk on the breakwater") })
    }

    @Test("', but that …' after reported speech goes on reporting; ', but critics …' does not")
    func butThatContinues() async throws {
        let text = """
            Harbour officials said they had briefed the ferry company, but that they could not say when the quay would reopen.

            The mayor said the repairs would take a month, but critics doubt the estimate.
            """
        let document = try await Self.analyze(text)
        let reported = document.annotations.quotes.filter { $0.kind == .indirect }.map { document.text(in: $0.range) }
        #expect(reported.contains { $0.hasPrefix("they had briefed") && $0.hasSuffix("when the quay would reopen") })
        #expect(reported.contains("the repairs would take a month"))
    }

    @Test("'he said, before adding: “…”' is the same speaker's")
    func beforeAdding() async throws {
        let text = """
            Retired ferryman Ola Brekke has walked the pier every morning for forty years.

            “I still enjoy it,” he said, before adding: “Most days.”
            """
        let document = try await Self.analyze(text)
        #expect(try Self.speaker(of: "Most days", in: document) == "Ola Brekke")
    }

    @Test("a firm's first word alone is the firm ('Skarlo' and 'Skarlo Lines'), also where it read as a place first")
    func firmFirstWordAlone() async throws {
        let text = """
            Skarlo crews to walk out as pay talks collapse

            Container operator Skarlo Lines faces its first all-out strike in two decades after crews voted to stop work.

            “What happens at Skarlo sets the benchmark,” said union official Davey Kinsella.

            Skarlo said on Friday it would not reopen talks. “We are ready to meet at any time,” a Skarlo spokesman said.
            """
        let document = try await Self.analyze(text)
        let entities = document.annotations.entities
        let skarlo = try #require(entities.first { $0.name == "Skarlo Lines" })
        #expect(skarlo.mentions.count >= 4)
        #expect(!entities.contains { $0.name == "Skarlo" })
        #expect(try Self.speaker(of: "We are ready to meet", in: document) == "Skarlo Lines")
    }

    @Test("a verb and a speaker introducing a quotation make it speech whatever work is named before; after 'told' comes the listener")
    func introducedAfterWorkNoun() async throws {
        let text = """
            Her brother, Declan Moore, was less talkative. Asked whether she would return to the show, he replied: “That is not for me to say, mate.”

            Ian Hartley, an expert in public health at the School of Health Sciences at the University of Yarrow who did not take part in the study, told Newsweek: “The effect is small but it is real.”
            """
        let document = try await Self.analyze(text)
        let mate = try #require(document.annotations.quotes.first { document.text(in: $0.range).contains("not for me to say") })
        #expect(mate.kind == .direct)
        #expect(document.annotations.resolve(mate.speaker)?.name == "Declan Moore")
        #expect(try Self.speaker(of: "The effect is small", in: document) == "Ian Hartley")
    }

    @Test("a person opening the writer's sentence after an opening phrase speaks the quotation after it, before an earlier speaker")
    func subjectAfterOpeningPhrase() async throws {
        let text = """
            Chef Marit Solberg has run the same twelve-seat room for nineteen years.

            Asked about the early days, Solberg smiles. “I slept on the floor of the pantry.”

            Not everyone in the trade is a fan. One rival owner, who did not want to be named criticising a colleague, said Solberg’s refusal to expand was “vanity dressed as modesty.” Told of the remark, Solberg raised an eyebrow. “Fine,” she said. “Let him open ten.”
            """
        let document = try await Self.analyze(text)
        #expect(try Self.speaker(of: "I slept on the floor", in: document) == "Marit Solberg")
        #expect(try Self.speaker(of: "Fine", in: document) == "Marit Solberg")
        #expect(try Self.speaker(of: "Let him open ten", in: document) == "Marit Solberg")
    }

    @Test("'the executive said' after an unnamed executive's report is that unnamed executive, not a named chief executive")
    func unnamedBeforeNamedTitle() async throws {
        let text = """
            Skarlo chief executive Matthias Drechsler said the company had gone as far as it could.

            Forwarders are scrambling. One senior executive at a Danish forwarder, who asked not to be named, said customers had begun switching bookings. “We have moved 400 boxes this week,” the executive said.
            """
        let document = try await Self.analyze(text)
        let quote = try #require(document.annotations.quotes.first { document.text(in: $0.range).contains("400 boxes") })
        #expect(quote.isAnonymous)
        #expect(quote.speaker == nil)
    }

    @Test("a thing added ('adds a pinch of salt', 'added a goal') is no reported speech; 'added that' still is")
    func addedThing() async throws {
        let text = """
            Solberg tastes the broth, frowns, adds a pinch of salt and tastes again.

            Winger Tomas Ekberg added a goal as the home side won for the eighth time.

            Ekberg added that the squad had never been fitter.
            """
        let document = try await Self.analyze(text)
        let reported = document.annotations.quotes.filter { $0.kind == .indirect }.map { document.text(in: $0.range) }
        #expect(reported == ["the squad had never been fitter"])
    }

    @Test("a quotation inside a quotation is its own when a verb inside the outer one introduces it")
    func quotationInsideQuotation() async throws {
        let text = """
            Architect Ottilie Varga died on Sunday. She taught at the university for thirty years, and her students adored her.

            “Not angrily, very precisely,” said Rafael Quintero, a former student. “She held up the two halves and said, ‘Now you have two buildings.’ I have told that story ever since.”

            “I told them, ‘Nobody leaves this summer,’ and I meant it,” Quintero added. “Nobody calls it ‘the Honeycomb’ here.”
            """
        let document = try await Self.analyze(text)
        let quotes = document.annotations.quotes
        func speaker(_ exact: String) -> String? {
            quotes.first { document.text(in: $0.range) == exact }.flatMap { document.annotations.resolve($0.speaker)?.name }
        }
        #expect(speaker("Now you have two buildings.") == "Ottilie Varga")
        #expect(speaker("Nobody leaves this summer,") == "Rafael Quintero" || speaker("Nobody leaves this summer") == "Rafael Quintero")
        // A term quoted inside with no verb stays part of the outer words.
        #expect(!quotes.contains { document.text(in: $0.range) == "the Honeycomb" })
        #expect(try Self.speaker(of: "I have told that story", in: document) == "Rafael Quintero")
    }
}
