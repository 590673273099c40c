import Dossier
import DossierTesting
import Foundation
import Testing

/// The session-38 rules, found on real articles annotated blind (Mozilla Readability's news pages)
/// and written here in other words.
extension SpeakerRuleTests {
    @Test("a quotation that runs on over paragraphs right after an attributed one is the same speaker's")
    func runOnQuoteParagraphs() async throws {
        let text = """
            “We found the gate open and the alarm silent,” the caretaker, Bram Olufsen, said on Friday.

            “By the time the police came, the trucks had gone. We had checked every lock the night before.

            “Nobody here can explain it.”

            He added: “The insurers have been told.”
            """
        let document = try await Self.analyze(text)
        #expect(try Self.speaker(of: "By the time the police came", in: document) == "Bram Olufsen")
        #expect(try Self.speaker(of: "The insurers have been told", in: document) == "Bram Olufsen")
    }

    @Test("a quoted sentence opening the next paragraph is the same speaker's, unless the writer's words after it name someone")
    func quotedSentenceThenWriter() async throws {
        let text = """
            “The samples were frozen within the hour,” explains Dr. Anneli Roos.

            “We used a second freezer as a control.” That “control” was the key to the result.

            “The numbers did not move for a week.” Piet Halloran, a technician on the night shift, remembers the week well.
            """
        let document = try await Self.analyze(text)
        #expect(try Self.speaker(of: "We used a second freezer", in: document) == "Anneli Roos")
        let week = try #require(document.annotations.quotes.first { document.text(in: $0.range).contains("did not move for a week") })
        #expect(document.annotations.resolve(week.speaker)?.name != "Anneli Roos")
    }

    @Test(
        "'in X's words' and 'in the words of X' introduce a direct quotation and name its speaker",
        arguments: [
            "In Dr. Sanna Virtanen’s words, “The river remembers every dam we build.”",
            "In the words of Sanna Virtanen, “The river remembers every dam we build.”",
        ])
    func inTheWordsOf(_ text: String) async throws {
        let document = try await Self.analyze(text)
        #expect(try Self.speaker(of: "The river remembers", in: document) == "Sanna Virtanen")
        #expect(document.annotations.quotes.first { document.text(in: $0.range).contains("The river remembers") }?.kind == .direct)
    }

    @Test("the attribution right after a quotation wins over a parenthetical verb earlier in the sentence")
    func parentheticalThenTrailing() async throws {
        let document = try await Self.analyze(
            "To keep the tunnels dry, the engineers said, the city fitted new pumps, “so the water never reaches the tracks,” Mr. Darrow said."
        )
        let quote = try #require(
            document.annotations.quotes.first { $0.kind == .direct && document.text(in: $0.range).contains("so the water never reaches") })
        #expect(document.annotations.resolve(quote.speaker)?.name == "Darrow")
    }

    @Test("a partial quotation in the first person with no verb of its own is the speaker's quoted just before in the paragraph")
    func firstPersonPartial() async throws {
        let document = try await Self.analyze(
            "“Nobody expected it,” said Lotte Varga, who buys for three bakeries. The price of flour is now “the lowest I’ve paid in years.”"
        )
        #expect(try Self.speaker(of: "the lowest I’ve paid", in: document) == "Lotte Varga")
    }

    @Test("a person opening a long sentence that a colon closes before a quotation is its speaker")
    func longColonClause() async throws {
        let document = try await Self.analyze(
            "Oskar Lind summed up the trip from a one-room school in the hills to the lecture halls of the capital this way: “I never stopped being the new boy.”"
        )
        #expect(try Self.speaker(of: "I never stopped", in: document) == "Oskar Lind")
    }

    @Test("a verb that otherwise reports a 'that' clause introduces a quotation after a comma")
    func thatVerbIntroduces() async throws {
        let document = try await Self.analyze(
            "In a post on Sunday, Tessa Kroll states, “Nobody on the council read the report before the vote.”")
        let quote = try #require(document.annotations.quotes.first { document.text(in: $0.range).contains("Nobody on the council") })
        #expect(quote.kind == .direct)
        #expect(try Self.speaker(of: "Nobody on the council", in: document) == "Tessa Kroll")
        #expect(!document.annotations.quotes.contains { $0.kind == .indirect && document.text(in: $0.range).contains("In a post") })
    }

    @Test("'the statement said' speaks for the named subject of 'in a statement' or of 'issued its own notice'")
    func statementGiver() async throws {
        let text = """
            Fenwick Rail confirmed the cancellations in a statement on Monday.

            “Services will resume once the bridge is inspected,” the statement said.

            The Coastal Ferry Company issued its own notice. “Crossings are suspended until Thursday,” the notice read.
            """
        let document = try await Self.analyze(text)
        #expect(try Self.speaker(of: "Services will resume", in: document) == "Fenwick Rail")
        #expect(try Self.speaker(of: "Crossings are suspended", in: document) == "Coastal Ferry Company")
    }

    @Test("'the company' opening the sentence that says 'in a statement' gives the statement no speaker by itself")
    func statementGiverNotNominal() async throws {
        let text = """
            Orvik Foods and Halden Dairy signed the contract last year. Halden Dairy later sold its share.

            The company denied the report in a statement on its website.

            “We have never missed a delivery,” the statement read.
            """
        let document = try await Self.analyze(text)
        let quote = try #require(document.annotations.quotes.first { document.text(in: $0.range).contains("never missed a delivery") })
        #expect(document.annotations.resolve(quote.speaker)?.name != "Orvik Foods")
    }

    @Test(
        "a lowercase term named by a participle after a noun is no one's words; a title-cased one stays a title; 'what X called' stays X's",
        arguments: [
            ("The team used a method called “blind scoring” to rate the samples.", "blind scoring", Quote.Kind.scare),
            ("Doctors call it a condition known as “winter lung” in older patients.", "winter lung", .scare),
            ("The charity runs a programme called “Open Doors” for new tenants.", "Open Doors", .title),
        ])
    func namedByParticiple(_ text: String, _ words: String, _ kind: Quote.Kind) async throws {
        let document = try await Self.analyze(text)
        let quote = try #require(document.annotations.quotes.first { document.text(in: $0.range) == words })
        #expect(quote.kind == kind)
    }

    @Test(
        "what a named person called something is that person's partial quotation, also after a phrase of time",
        arguments: [
            ("Councillor Edda Brun criticised what the mayor called “a fair settlement for everyone” at the meeting.", "fair settlement"),
            ("The firm cut 300 jobs last year, which Ilse Morgan at the time called “a one-off correction.”", "one-off correction"),
        ])
    func whatTheyCalled(_ text: String, _ words: String) async throws {
        let document = try await Self.analyze(text)
        let quote = try #require(document.annotations.quotes.first { $0.kind != .indirect && document.text(in: $0.range).contains(words) })
        #expect(quote.kind == .partial)
    }

    @Test(
        "a verb that characterises its object 'as' the quoted words gives them to its subject",
        arguments: [
            (
                "Mara Lindqvist introduced her successor to the board as “the most careful engineer I have ever hired” and left.",
                "Mara Lindqvist"
            ),
            ("Critics see the levy as “a tax on staying put”.", "Critics"),
        ])
    func characterisedAs(_ text: String, _ expected: String) async throws {
        let document = try await Self.analyze(text)
        let quote = try #require(document.annotations.quotes.first { $0.kind == .partial })
        let speaker = document.annotations.resolve(quote.speaker)?.name ?? quote.speakerRange.map { document.text(in: $0) }
        #expect(speaker == expected)
    }

    @Test("an age between commas after a lone name makes it a person, whose 'he' then speaks; a street number does not")
    func ageAppositive() async throws {
        let text = """
            Sefa, 29, a market porter who gave only his first name, said the road had flooded overnight.

            “We carried the crates on our heads,” he said.

            The shop is at corso Vittoria, 12, near the station.
            """
        let document = try await Self.analyze(text)
        let entities = document.annotations.entities
        #expect(entities.first { $0.name == "Sefa" }?.kind == .person)
        #expect(entities.first { $0.name == "Vittoria" }?.kind != .person)
        #expect(try Self.speaker(of: "We carried the crates", in: document) == "Sefa")
    }

    @Test("an office written out in title case before a name is the person's role, not a headline; two titled names stay two")
    func longOfficialTitle() async throws {
        let text = """
            Deputy Commissioner for Coastal Defence and Fisheries Ilse Marwood Tanaka, who toured the harbour on Friday, said the sea wall would be raised.

            “Nobody will lose their mooring,” she said.

            Senator Dina Okoro and Senator Paul Meyrick voted against the bill.
            """
        let document = try await Self.analyze(text)
        let entities = document.annotations.entities
        let tanaka = try #require(entities.first { $0.name == "Ilse Marwood Tanaka" })
        #expect(tanaka.kind == .person)
        #expect(tanaka.roles.first?.title == "Deputy Commissioner for Coastal Defence and Fisheries")
        #expect(try Self.speaker(of: "Nobody will lose their mooring", in: document) == "Ilse Marwood Tanaka")
        #expect(entities.contains { $0.name == "Dina Okoro" && $0.kind == .person })
        #expect(entities.contains { $0.name == "Paul Meyrick" && $0.kind == .person })
    }

    @Test("a word for a firm right before a name makes it an organisation")
    func firmNounBeforeName() async throws {
        let document = try await Self.analyze("Her figures came from the research firm Halvard Metrics and the airline Skyvale.")
        let entities = document.annotations.entities
        #expect(entities.first { $0.name == "Halvard Metrics" }?.kind == .organization)
        #expect(entities.first { $0.name == "Skyvale" }?.kind == .organization)
    }

    @Test("a document speaks for its signatory, a post for whoever posted it, a research note for the firm it is cited from")
    func documentAuthors() async throws {
        let text = """
            The letter, dated 3 May and signed by the trust's chief executive, Oren Vasquez, sets out three options for the ward.

            “Option B is the only one we can afford,” the letter said.

            Councillor Ilse Berg posted a photo of the notice on Sunday night. The post read: “Nobody asked the parents.”

            Halvard Metrics estimates that demand will fall by a fifth, according to a research note published on Monday.

            “The market is flat at the bottom and empty at the top,” the note said.
            """
        let document = try await Self.analyze(text)
        #expect(try Self.speaker(of: "Option B is the only one", in: document) == "Oren Vasquez")
        #expect(try Self.speaker(of: "Nobody asked the parents", in: document) == "Ilse Berg")
        #expect(try Self.speaker(of: "The market is flat", in: document) == "Halvard Metrics")
        let note = try #require(document.annotations.quotes.first { document.text(in: $0.range).contains("The market is flat") })
        #expect(note.speakerRange.map { document.text(in: $0) } == "the note")
    }

    @Test("'One wrote' and 'Another added' after a crowd are anonymous")
    func loneOneIsAnonymous() async throws {
        let document = try await Self.analyze(
            "Parents crowded the comments. One wrote: “This is a disgrace to the town.” Another added: “We will keep fighting for the school.”"
        )
        let quotes = document.annotations.quotes.filter { $0.kind == .direct }
        #expect(quotes.count == 2)
        #expect(quotes.allSatisfy { $0.isAnonymous })
    }

    @Test("a document named again speaks for the giver found for it before")
    func documentNamedAgain() async throws {
        let text = """
            The memo, signed by the council's director of housing, Ruth Kessling, sets out two options.

            “Option A should be the working assumption,” the memo said.

            The next page turns to timing. “Officers expect no change to the plan,” the document states.
            """
        let document = try await Self.analyze(text)
        #expect(try Self.speaker(of: "Officers expect no change", in: document) == "Ruth Kessling")
    }

    @Test("a title with 'of' or 'for' and what it is over, after a possessive and before a comma, is the role of the name after it")
    func titleWithComplementBeforeComma() async throws {
        let document = try await Self.analyze(
            "The report was written by the trust's director of estates, Colm Farrelly, and sent to the board last week.")
        let farrelly = try #require(document.annotations.entities.first { $0.name == "Colm Farrelly" })
        #expect(farrelly.roles.first?.title == "director of estates")
        #expect(farrelly.roles.first?.affiliation == "the trust's" || farrelly.roles.first?.affiliation == "the trust")
    }

    @Test("a nationality or an age with 'the' stands for the person named last in the paragraph before a quotation that opens its own")
    func nationalityDescribesSpeaker() async throws {
        let text = """
            “We gave the game away.” Hands in his pockets, that was the verdict of Harbour City coach Ruben Alcantara.

            “One lapse and the match was gone,” the Spaniard told Radio Norte. “We will learn from it.”
            """
        let document = try await Self.analyze(text)
        #expect(try Self.speaker(of: "One lapse and the match", in: document) == "Ruben Alcantara")
    }

    @Test("with nobody named in its paragraph, a description opening it is the person quoted in the paragraph before")
    func descriptionAfterQuotedParagraph() async throws {
        let text = """
            Ilona Varga posted a video on Sunday. “We are taking a break, and we are fine,” she said.

            The Oscar winner added that she would take no questions “for a good long while”.
            """
        let document = try await Self.analyze(text)
        let partial = try #require(document.annotations.quotes.first { $0.kind == .partial })
        #expect(document.annotations.resolve(partial.speaker)?.name == "Ilona Varga")
        // The award in the description does not speak.
        #expect(!document.annotations.quotes.contains { document.annotations.resolve($0.speaker)?.name == "Oscar" })
    }

    @Test("a pronoun the entities layer leaves unlinked, two paragraphs on, is the last speaker known to be of its gender")
    func unlinkedPronounTwoParagraphsOn() async throws {
        let text = """
            “We are taking a break, and we are fine,” said Ilona Varga in a video on Sunday.

            By Monday the clip had been viewed two million times.

            It was not the first time the singer had spoken about the strain. “Touring for a year leaves little of you,” she said on a podcast.
            """
        let document = try await Self.analyze(text)
        #expect(try Self.speaker(of: "Touring for a year", in: document) == "Ilona Varga")
    }

    @Test("a possessor's statement speaks for the possessor, or for the organisation the paragraph names")
    func possessiveDocument() async throws {
        let text = """
            Ilona Varga’s label, Northlight Records, confirmed the tour dates. “Ilona cannot wait to be back on stage,” the label’s statement read.

            Later, Harrow Freight Group published its results.

            “These are hard choices,” Harrow Freight Group’s statement said.

            “We will cut costs,” the company’s statement added.
            """
        let document = try await Self.analyze(text)
        #expect(try Self.speaker(of: "Ilona cannot wait", in: document) == "Northlight Records")
        #expect(try Self.speaker(of: "These are hard choices", in: document) == "Harrow Freight Group")
        // `the company’s` with the company named only in the paragraph before.
        #expect(try Self.speaker(of: "We will cut costs", in: document) == "Harrow Freight Group")
    }

    @Test(
        "unnamed sources: 'in the words of' one who asked not to be named, a rep",
        arguments: [
            (
                "Nurses describe the strain bluntly. In the words of one ward sister, who asked not to be named, “we are running on goodwill and coffee.”",
                "running on goodwill"
            ),
            ("“They remain close friends,” a rep for the singer told the magazine.", "remain close friends"),
        ])
    func unnamedSources(_ text: String, _ words: String) async throws {
        let document = try await Self.analyze(text)
        let quote = try #require(document.annotations.quotes.first { document.text(in: $0.range).contains(words) })
        #expect(quote.isAnonymous)
    }

    @Test("roles: a capitalised title after a sentence-opening 'The', a position on the pitch, an office 'of the charity X'")
    func moreRoles() async throws {
        let text = """
            The Foreign Secretary, Rowena Achebe, has refused to set a date. Centre-back Tor Lindqvist scored twice.

            Amara Osei, chief executive of the charity Warm Homes Now, said the plan fell short.
            """
        let document = try await Self.analyze(text)
        let entities = document.annotations.entities
        #expect(entities.first { $0.name == "Rowena Achebe" }?.roles.first?.title == "Foreign Secretary")
        #expect(entities.first { $0.name == "Tor Lindqvist" }?.roles.first?.title.lowercased() == "centre-back")
        let osei = try #require(entities.first { $0.name == "Amara Osei" })
        #expect(osei.roles.first?.affiliation?.hasSuffix("Warm Homes Now") == true)
    }

    @Test("the sentence after a quotation that calls it someone's verdict names its speaker")
    func verdictOfSpeaker() async throws {
        let document = try await Self.analyze(
            "“We were second best in every department.” Arms crossed, that was the frank verdict of Dunmore coach Elsa Marchetti."
        )
        #expect(try Self.speaker(of: "second best in every department", in: document) == "Elsa Marchetti")
    }

    @Test("'the force' is the police force named before, and its statement speaks for it")
    func theForce() async throws {
        let text = """
            Westvale Constabulary has appealed for witnesses after a robbery at a petrol station.

            In a statement issued on Thursday, the force said officers arrived within minutes. “This was a frightening attack on a worker,” the statement said.

            A Westvale Constabulary spokeswoman, Ada Lind, said the force understood the concern in the village.
            """
        let document = try await Self.analyze(text)
        // `the force` opening a clause after `said` is no speaker of its own.
        #expect(try Self.speaker(of: "understood the concern", in: document) == "Ada Lind")
        let police = try #require(document.annotations.entities.first { $0.name == "Westvale Constabulary" })
        #expect(police.mentions.contains { document.text(in: $0.range) == "the force" })
        #expect(try Self.speaker(of: "frightening attack", in: document) == "Westvale Constabulary")
    }
}
