import DossierAnalyzers
import DossierCore
import Testing

/// Roles from occupations and the constructions session 40 added, and the head words it added, in
/// invented articles.
extension EntityAnalyzerTests {
    /// The titles and affiliations of the person named `name`.
    func roles(of name: String, in entities: [Entity]) -> [String] {
        entity(name, in: entities)?.roles.map { [$0.title, $0.affiliation].compactMap { $0 }.joined(separator: " / ") } ?? []
    }

    @Test("an occupation before a name is a role: 'veteran locksmith Harlan Bex', 'the podcaster Merit Oyelowo'")
    func occupationBeforeName() throws {
        let (document, entities) = try paragraph(
            "The break-in was spotted by veteran locksmith Harlan Bex on the way to work. The podcaster Merit Oyelowo filmed the street.")
        try expectPeople(
            [("Harlan Bex", "veteran locksmith", nil), ("Merit Oyelowo", "podcaster", nil)], in: entities, document)
    }

    @Test("a possessor's title set off by commas: 'Vale's accountant, Petra Lind,' and 'Ferro's campaign spokeswoman, Lidia Sorne,'")
    func possessorTitleBeforeComma() throws {
        let (document, entities) = try paragraph(
            "Vale's accountant, Petra Lind, said the figures were filed late. Ferro's campaign spokeswoman, Lidia Sorne, called it a smear."
        )
        try expectPeople(
            [("Petra Lind", "accountant", "Vale"), ("Lidia Sorne", "campaign spokeswoman", "Ferro")], in: entities, document)
    }

    @Test("'the Harbour Party, whose treasurer, Imre Kask, said' gives the title with the party")
    func titleAfterWhose() throws {
        let (_, entities) = try paragraph("The votes belonged to the Harbour Party, whose treasurer, Imre Kask, said it would abstain.")
        #expect(roles(of: "Imre Kask", in: entities) == ["treasurer / Harbour Party"])
    }

    @Test("an honorific between the comma and the name: 'the agency's head of forecasting, Dr. Selma Rook,'")
    func honorificAfterTitleComma() throws {
        let (_, entities) = try paragraph("The agency's head of forecasting, Dr. Selma Rook, said the storm had stalled.")
        #expect(roles(of: "Selma Rook", in: entities) == ["head of forecasting / The agency"])
    }

    @Test("a title set off before a titled name: 'the committee member for housing, Councillor Bryn Tate,'")
    func titleBeforeTitledName() throws {
        let (_, entities) = try paragraph("At the hearing, the committee member for housing, Councillor Bryn Tate, asked for a delay.")
        #expect(roles(of: "Bryn Tate", in: entities) == ["committee member for housing", "Councillor"])
    }

    @Test("an apposition after an age: 'Wren Halloway, 61, a retired ferry captain,'")
    func appositionAfterAge() throws {
        let (_, entities) = try paragraph("Wren Halloway, 61, a retired ferry captain, watched from the pier.")
        #expect(roles(of: "Wren Halloway", in: entities) == ["retired ferry captain"])
    }

    @Test("nouns and a name before a title are its affiliation: 'Dunmore harbour board chairman Elias Cray'")
    func nounsBeforeTitle() throws {
        let (_, entities) = try paragraph("The plan was backed by Dunmore harbour board chairman Elias Cray on Monday.")
        #expect(roles(of: "Elias Cray", in: entities) == ["chairman / Dunmore harbour board"])
    }

    @Test("a field after the title stays in it, and a lowercase head after the organisation's name is part of it")
    func fieldAndOrganisationTail() throws {
        let (_, entities) = try paragraph(
            """
            Oona Ferris, professor of marine chemistry at Castell University, led the survey. Pavel Dragan, chairman of the Orlova \
            village council, said boats had stayed in port.
            """)
        #expect(roles(of: "Oona Ferris", in: entities) == ["professor of marine chemistry / Castell University"])
        #expect(roles(of: "Pavel Dragan", in: entities) == ["chairman / the Orlova village council"])
    }

    @Test("not roles: a broadcaster named after its trade stays an organisation; a description of an earlier name skips the honorific")
    func notRoles() throws {
        let (_, entities) = try paragraph(
            """
            The final was shown by the public broadcaster Radio Velm on Sunday. Questioned by Ivo Grant, the defence solicitor, \
            Mrs Tamsin Pell said she had seen nothing.
            """)
        #expect(entity("Radio Velm", in: entities)?.kind == .organization)
        #expect(roles(of: "Tamsin Pell", in: entities).isEmpty)
        #expect(roles(of: "Ivo Grant", in: entities) == ["defence solicitor"])
    }

    @Test("a firm named after its trade and more kinds of place: 'Harlow Ferries', 'Bexley Roofing', 'Ridley Crater', 'Carrow Downs'")
    func tradeAndPlaceHeads() throws {
        let (_, entities) = try paragraph(
            """
            Passengers on Harlow Ferries waited for hours. Bexley Roofing repaired the depot, and Marlow Underwriters paid the \
            claim. Pupils at Rook Hollow Elementary were sent home. The storm crossed Ridley Crater and Carrow Downs.
            """)
        for name in ["Harlow Ferries", "Bexley Roofing", "Marlow Underwriters", "Rook Hollow Elementary"] {
            #expect(entity(name, in: entities)?.kind == .organization, "\(name)")
        }
        for name in ["Ridley Crater", "Carrow Downs"] { #expect(entity(name, in: entities)?.kind == .location, "\(name)") }
        // A given name before a word that is also a kind of place stays a person's: `Marina`, `Sands`
        // and `Pier` are no place heads.
        let (_, people) = try paragraph("The award went to Marina Kessel, and Bobby Sands was named in the report.")
        #expect(entity("Marina Kessel", in: people)?.kind == .person)
    }

    @Test("a place that opens the names of its bodies stays a place; a firm's first word stays the firm's")
    func placeOpeningBodies() throws {
        let (_, entities) = try paragraph(
            """
            The trial at Dunhallow Crown Court ended on Friday. The firm kept an office on the high street in Dunhallow. \
            Tarrow Packaging Inc. will close its plant. An engineer at Tarrow said the news came by email.
            """)
        #expect(entity("Dunhallow", in: entities)?.kind == .location)
        #expect(entity("Dunhallow Crown Court", in: entities)?.kind == .organization)
        #expect(entities.first { $0.name.hasPrefix("Tarrow Packaging") }?.kind == .organization)
        #expect(entity("Tarrow", in: entities).map { $0.kind != .location } ?? true)
    }

    @Test("bodies news names often are organisations: 'the Treasury', 'the Commons', 'NHS England'; heads 'Exchange' and 'Tech'")
    func bodiesNamedOften() throws {
        let (_, entities) = try paragraph(
            """
            The Treasury said the plan was costed, but the Commons voted it down. NHS England will publish its own figures. \
            Shares fell on the Varna Metal Exchange, and Harlow Tech cut its forecast.
            """)
        for name in ["Treasury", "Commons", "NHS England", "Varna Metal Exchange", "Harlow Tech"] {
            #expect(entity(name, in: entities)?.kind == .organization, "\(name)")
        }
    }

    @Test("people in the plural head a group's name, which 'the doctors' joins; not 'Lawyers for' a client")
    func pluralPeopleHeads() throws {
        let (document, entities) = try paragraph(
            """
            A group called Doctors for Safer Wards wrote to the minister on Monday. The doctors asked for a meeting. \
            Members of the Allied Teachers' Union joined them. Lawyers for Brenner said he would appeal.
            """)
        let group = try #require(entity("Doctors for Safer Wards", in: entities))
        #expect(group.kind == .organization)
        #expect(texts(group, document) == ["Doctors for Safer Wards", "The doctors"])
        #expect(entity("Allied Teachers' Union", in: entities)?.kind == .organization)
        #expect(entity("Lawyers for Brenner", in: entities) == nil)
    }

    @Test("a second title after 'and' in an apposition is a second role: 'a sheep farmer and long-serving councillor'")
    func coordinatedTitles() throws {
        let (_, entities) = try paragraph(
            """
            Edwin Tarrant, a sheep farmer and long-serving county councillor, opposed the plan. Juno Perrin, a web designer and \
            part-time lecturer at Calder College, backed it.
            """)
        #expect(roles(of: "Edwin Tarrant", in: entities) == ["sheep farmer", "long-serving county councillor"])
        #expect(roles(of: "Juno Perrin", in: entities) == ["web designer", "part-time lecturer / Calder College"])
    }

    @Test("hyphenated offices are titles: 'Attorney-General Ines Darrow', 'the editor-in-chief, Tomas Ekberg'")
    func hyphenatedOffices() throws {
        let (_, entities) = try paragraph(
            "The plan was backed by Attorney-General Ines Darrow. The paper's editor-in-chief, Tomas Ekberg, declined to comment.")
        #expect(roles(of: "Ines Darrow", in: entities) == ["Attorney-General"])
        #expect(roles(of: "Tomas Ekberg", in: entities) == ["editor-in-chief / The paper"])
    }

    @Test("a listed name that holds 'of' is one name, and 'on' joins a head to its field: 'Commission on Human Rights'")
    func listedNamesAndOn() throws {
        let (_, entities) = try paragraph(
            """
            The bill will be debated in the House of Representatives this week. The Joint Committee on Intelligence and Security \
            has objected, and the Commission on Human Rights will report on Tuesday.
            """)
        for name in ["House of Representatives", "Joint Committee on Intelligence and Security", "Commission on Human Rights"] {
            #expect(entity(name, in: entities)?.kind == .organization, "\(name)")
        }
        #expect(entity("Representatives", in: entities) == nil)
    }

    @Test("'Home Secretary' is a title and 'The Hill' an outlet, not a place")
    func homeSecretaryAndTheHill() throws {
        let (_, entities) = try paragraph("UK Home Secretary Ada Blyth approved the request, The Hill reported.")
        #expect(roles(of: "Ada Blyth", in: entities) == ["Home Secretary / UK"])
        #expect(entity("The Hill", in: entities)?.kind == .organization)
    }

    @Test("a name between a modifier and a title is its affiliation: 'a senior Harbour Board official', 'a former Tarn Radio host'")
    func nameInsideTitle() throws {
        let (_, entities) = try paragraph(
            "Mara Lind, a senior Harbour Board official, agreed. Ivo Dahl, a former Tarn Radio host, did not.")
        #expect(roles(of: "Mara Lind", in: entities) == ["senior official / Harbour Board"])
        #expect(roles(of: "Ivo Dahl", in: entities) == ["former host / Tarn Radio"])
        // `and` after such a title joins a second one; it is no verb of a clause.
        let (_, joined) = try paragraph("Mara Lind, a senior Harbour Board official and former pilot, agreed.")
        #expect(roles(of: "Mara Lind", in: joined) == ["senior official / Harbour Board", "former pilot"])
    }

    @Test("an interjection or 'You' opening a quotation or sentence names no one: 'Oh, no.', '\"Hey, over here!\"'")
    func interjections() throws {
        let (_, entities) = try paragraph(
            """
            The bill came to four times the quote. Oh, no. "Hey, over here!" a guard shouted. You get what you pay for, Ada Lund said.
            """)
        #expect(entities.map(\.name) == ["Ada Lund"])
    }

    @Test("in a sentence about a match a name ending in 'Town' or 'Vale' is a club; elsewhere a place")
    func clubsNamedForTowns() throws {
        let (_, entities) = try paragraph(
            "Harlow Town beat Dunmore Vale 2-1 on Saturday. Their manager grew up near Kestle Vale, where his father farmed.")
        #expect(entity("Harlow Town", in: entities)?.kind == .organization)
        #expect(entity("Dunmore Vale", in: entities)?.kind == .organization)
        #expect(entity("Kestle Vale", in: entities)?.kind == .location)
    }
}
