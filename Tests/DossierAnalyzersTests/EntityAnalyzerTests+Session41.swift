import DossierAnalyzers
import DossierCore
import Testing

/// Titles after a possessive pronoun and participles that open a sentence, in invented articles.
extension EntityAnalyzerTests {
    @Test("'His younger brother, Declan Marsh,' is a younger brother, with no affiliation 'His younger'")
    func titleAfterPossessivePronoun() throws {
        let (_, entities) = try paragraph(
            "Oskar Marsh left the court in silence. His younger brother, Declan Marsh, was less guarded. Her kitchen manager, Tariq Loum, said little."
        )
        #expect(roles(of: "Declan Marsh", in: entities) == ["younger brother"])
        #expect(roles(of: "Tariq Loum", in: entities) == ["kitchen manager"])
    }

    @Test("'Defending, barrister Julian Okoro said' and 'Speaking, …' open no name")
    func participleOpener() throws {
        let (_, entities) = try paragraph(
            "Defending, barrister Julian Okoro said his client was ashamed. Speaking, the judge called for calm.")
        #expect(entity("Defending", in: entities) == nil)
        #expect(entity("Speaking", in: entities) == nil)
        #expect(roles(of: "Julian Okoro", in: entities) == ["barrister"])
    }
}

extension EntityAnalyzerTests {
    @Test("'Trade and Industry Council' is one organisation; 'Velmar and Ostrik Bank' are two")
    func andInsideOrganisationName() throws {
        let (_, entities) = try paragraph(
            "The Trade and Industry Council approved the lease on Monday. Velmar and Ostrik Bank will fund it, and Health and Coastal Services will inspect the pier."
        )
        #expect(entity("Trade and Industry Council", in: entities)?.kind == .organization)
        #expect(entity("Health and Coastal Services", in: entities)?.kind == .organization)
        #expect(entity("Ostrik Bank", in: entities) != nil)
        #expect(entity("Velmar and Ostrik Bank", in: entities) == nil)
    }
}

extension EntityAnalyzerTests {
    @Test("a given name and a place word that is also a surname is a person: 'Kieran Vale', 'Lauren Hill'; not 'Bartholomew County'")
    func givenNameAndPlaceHead() throws {
        let (_, entities) = try paragraph(
            "Kieran Vale scored late in the derby. Lauren Hill watched from the stand. Flooding closed roads in Bartholomew County.")
        #expect(entity("Kieran Vale", in: entities)?.kind == .person)
        #expect(entity("Lauren Hill", in: entities)?.kind == .person)
        #expect(entity("Bartholomew County", in: entities)?.kind == .location)
    }

    @Test(
        "'Kieran Dole scored late. The 21-year-old striker rose highest' gives Dole the role; two people before 'The skipper' give it no one"
    )
    func descriptionOpeningSentence() throws {
        let (_, entities) = try paragraph(
            "Kieran Dole scored late to win the derby for Rovers. The 21-year-old striker rose highest at the back post. "
                + "Anna Lund met Piet Horn at the quay. The skipper said little.")
        #expect(roles(of: "Kieran Dole", in: entities) == ["striker"])
        #expect(entity("Kieran Dole", in: entities)?.mentions.contains { $0.form == .nominal } == true)
        #expect(roles(of: "Anna Lund", in: entities).isEmpty)
        #expect(roles(of: "Piet Horn", in: entities).isEmpty)
    }
}

extension EntityAnalyzerTests {
    @Test("'Harbour Hawks QB Tom Rell': a position in capitals is the role, the team its affiliation")
    func footballPosition() throws {
        let (_, entities) = try paragraph("Harbour Hawks QB Tom Rell and Dunmore DL Ade Okon were fined on Monday.")
        #expect(roles(of: "Tom Rell", in: entities) == ["QB / Harbour Hawks"])
        #expect(roles(of: "Ade Okon", in: entities) == ["DL / Dunmore"])
    }

    @Test("'Questioning Ostrander's record' and 'Hosting Lund, …' open no name; 'Rolling Stone reported' keeps its name")
    func participleBeforeName() throws {
        let (_, entities) = try paragraph(
            "Questioning Ostrander's record was the panel's job. Hosting Lund, the club sold out. Rolling Stone reported the tour.")
        #expect(entity("Questioning Ostrander", in: entities) == nil)
        #expect(entity("Hosting Lund", in: entities) == nil)
        #expect(entity("Rolling Stone", in: entities)?.kind == .organization)
    }

    @Test("'Ambassador to the European Union Marta Kovacs': the union and the person are two names")
    func listedNameThenPerson() throws {
        let (_, entities) = try paragraph("He met the Ambassador to the European Union Marta Kovacs in Brussels.")
        #expect(entity("European Union", in: entities)?.kind == .organization)
        #expect(entity("Marta Kovacs", in: entities)?.kind == .person)
    }
}

extension EntityAnalyzerTests {
    @Test("only people carry roles: 'At NASA, officials welcomed' gives NASA none, 'many fellow Republicans' the group none")
    func rolesArePeoples() throws {
        let (_, entities) = try paragraph(
            "At NASA, officials welcomed the work. McCormick, who has split from many fellow Republicans on tax, voted no.")
        #expect(entity("NASA", in: entities)?.roles.isEmpty == true)
        #expect(entities.allSatisfy { $0.kind == .person || $0.roles.isEmpty })
    }
}

extension EntityAnalyzerTests {
    @Test("'Hurricane Sandy' and 'Typhoon Haiyan' are events and 'Super Bowl' a game, not people; 'Sandy Berg' is a person")
    func stormsAndBowls() throws {
        let (_, entities) = try paragraph(
            "Hurricane Sandy hit the coast. The Super Bowl was moved. Typhoon Haiyan killed thousands. Sandy Berg said little.")
        #expect(entity("Hurricane Sandy", in: entities)?.kind == .misc)
        #expect(entity("Typhoon Haiyan", in: entities)?.kind == .misc)
        #expect(entity("Super Bowl", in: entities)?.kind == .misc)
        #expect(entity("Sandy Berg", in: entities)?.kind == .person)
    }
}
