import DossierAnalyzers
import DossierCore
import Testing

/// Roles from a relative clause of a post held, a word of tenure, and players' positions; a lone
/// first name described as a person; a club named by the word after it. In an invented article.
extension EntityAnalyzerTests {
    @Test("'Tobias Wren, 61, who served as treasurer of the society' and 'who has worked as a nurse' give those roles")
    func postHeldInARelativeClause() throws {
        let (_, entities) = try paragraph(
            "Tobias Wren, 61, who served as treasurer of the Orchard Society from 2010 to 2019, denied the charge. Alma Ruiz, who has worked as a midwife for twenty years, said the ward was full."
        )
        #expect(roles(of: "Tobias Wren", in: entities).contains { $0.hasPrefix("treasurer") })
        #expect(roles(of: "Alma Ruiz", in: entities).contains { $0.hasSuffix("midwife") })
    }

    @Test(
        "'a new treasurer, Ines Faro,' and 'The club's current chair of trustees, Bo Lind,' carry those titles; 'New Jersey Sen. Ann Holt' keeps hers"
    )
    func tenureBeforeATitleSetOff() throws {
        let (_, entities) = try paragraph(
            "The audit began after a new treasurer, Ines Faro, noticed the gaps. The club's current chair of trustees, Bo Lind, said the rules had changed. New Jersey Sen. Ann Holt said nothing."
        )
        #expect(roles(of: "Ines Faro", in: entities) == ["new treasurer"])
        #expect(roles(of: "Bo Lind", in: entities).contains { $0.contains("chair of trustees") })
        #expect(entity("Ann Holt", in: entities)?.roles.map(\.title) == ["Sen."])
    }

    @Test("'left back Ivo Brandt' and 'centre back Joel Marr' are players with their positions")
    func positionsOnThePitch() throws {
        let (_, entities) = try paragraph(
            "The cross came from left back Ivo Brandt, and the penalty was conceded by centre back Joel Marr in the second half."
        )
        #expect(roles(of: "Ivo Brandt", in: entities) == ["left back"])
        #expect(roles(of: "Joel Marr", in: entities) == ["centre back"])
    }

    @Test("'Kit, a teenager who trains at the pool' is a person; 'the Dunmore Seals swimming club' is an organisation")
    func loneFirstNameAndAClubNamedAfter() throws {
        let (_, entities) = try paragraph(
            "Kit, a teenager who trains at the pool with the Dunmore Seals swimming club, told councillors the bus took an hour."
        )
        #expect(entity("Kit", in: entities)?.kind == .person)
        #expect(entity("Dunmore Seals", in: entities)?.kind == .organization)
    }

    @Test("'the port town of Saltmere, the daughter of a seamstress' gives the town no role and makes it no person")
    func placeAfterTownOf() throws {
        let (_, entities) = try paragraph(
            "Ruth Okoro grew up in the port town of Saltmere, the daughter of a seamstress and a ship's engineer. She said the docks taught her scale."
        )
        #expect(entity("Saltmere", in: entities)?.kind != .person)
        #expect(roles(of: "Saltmere", in: entities).isEmpty)
    }

    @Test(
        "'Leonard Pym, then the art critic of the Evening Post', 'Another analyst, Ines Valcourt of Harland Brothers,', 'Their organiser, Jakob Mertens, a wheat grower'"
    )
    func moreAppositions() throws {
        let (_, entities) = try paragraph(
            "The show was dismissed by Leonard Pym, then the art critic of the Evening Post, as dull. Another analyst, Ines Valcourt of Harland Brothers, was more positive. Their organiser, Jakob Mertens, a wheat grower from the south, said they would stay."
        )
        #expect(roles(of: "Leonard Pym", in: entities).contains { $0.hasPrefix("art critic") })
        #expect(roles(of: "Ines Valcourt", in: entities).contains { $0.hasPrefix("analyst") })
        #expect(roles(of: "Jakob Mertens", in: entities).contains { $0.hasPrefix("wheat grower") })
        #expect(roles(of: "Jakob Mertens", in: entities).contains { $0.hasPrefix("organiser") })
    }

    @Test("'Regional Fire Chief Ingrid Castellane' carries the whole title")
    func fireChief() throws {
        let (_, entities) = try paragraph("Regional Fire Chief Ingrid Castellane told reporters the crews had worked for three hours.")
        #expect(entity("Ingrid Castellane", in: entities)?.roles.map(\.title) == ["Regional Fire Chief"])
    }

    @Test("'Rafael Oyarzun, Kestrelia's deputy environment minister,' and 'Tessa Quinlan, the Grammy-winning singer,' carry those titles")
    func possessiveAndHyphenatedModifiers() throws {
        let (_, entities) = try paragraph(
            "The talks were led by Rafael Oyarzun, Kestrelia's deputy environment minister, who spoke first. The court heard from Tessa Quinlan, the Grammy-winning singer, on Monday."
        )
        #expect(roles(of: "Rafael Oyarzun", in: entities).contains { $0.hasPrefix("deputy environment minister") })
        #expect(roles(of: "Tessa Quinlan", in: entities).contains { $0.hasPrefix("singer") })
    }
}
