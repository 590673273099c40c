import DossierAnalyzers
import DossierCore
import Testing

/// A relative clause with `is` or `was` that describes as an appositive does, in an invented article.
extension EntityAnalyzerTests {
    @Test(
        "', who is also president of the Quarry Hollow Historical Society,' and ', who was a nurse for 30 years,' are roles; ', who is running for mayor,' is none"
    )
    func roleInRelativeClause() throws {
        let (_, entities) = try paragraph(
            "Odile Fennimore, who is also president of the Quarry Hollow Historical Society, says the group will help. Marta Lind, who was a nurse for 30 years, said it was hard. Paul Sand, who is running for mayor, said no."
        )
        #expect(roles(of: "Odile Fennimore", in: entities) == ["president / the Quarry Hollow Historical Society"])
        #expect(roles(of: "Marta Lind", in: entities) == ["nurse"])
        #expect(roles(of: "Paul Sand", in: entities).isEmpty)
    }
}

/// Bands, clubs and magazines named next to a person's word, and titles that belong to the name after them.
extension EntityAnalyzerTests {
    @Test(
        "'league leaders Port Ellery United', 'The singer of the Lantern Moths', 'Static Bloom, the music magazine that …' name no people")
    func organisationsNextToPeoplesWords() throws {
        let (_, entities) = try paragraph(
            "The Gulls play league leaders Port Ellery United next month. The singer of the Lantern Moths, whose album comes out on Friday, is 36. Static Bloom, the music magazine that panned the last album, liked this one."
        )
        #expect(entity("Port Ellery United", in: entities)?.kind == .organization)
        #expect(entity("Lantern Moths", in: entities)?.kind == .organization)
        #expect(entity("Static Bloom", in: entities)?.kind == .organization)
    }

    @Test(
        "'… in the Assembly, Minority Leader Carla Whitcomb, called' gives the title to Whitcomb only; 'The chair of the Senate, Ola Bakare,' is a role"
    )
    func titleBeforeTheNameAfterAComma() throws {
        let (_, entities) = try paragraph(
            "The leader of the Heritage Party in the Assembly, Minority Leader Carla Whitcomb, called the bill reckless. The chair of the Senate, Ola Bakare, said no. A spokeswoman for the governor, Dana Kessler, said little."
        )
        #expect(entity("Assembly", in: entities)?.kind != .person)
        #expect(roles(of: "Carla Whitcomb", in: entities) == ["Leader / Minority"])
        #expect(roles(of: "Ola Bakare", in: entities) == ["chair of the Senate"])
        #expect(roles(of: "Dana Kessler", in: entities) == ["spokeswoman for the governor"])
    }
}
