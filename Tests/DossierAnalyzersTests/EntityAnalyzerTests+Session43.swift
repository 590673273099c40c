import DossierAnalyzers
import DossierCore
import Testing

/// Capitalised offices of a body written before a name, and the US speaker's office, in an invented article.
extension EntityAnalyzerTests {
    @Test(
        "'President of the Assembly, Tomi Adeyemi,' opening a sentence and 'The Governor of Ondo Region, Kayode Bello,' are people with those titles"
    )
    func capitalisedOfficeOfABodyBeforeAComma() throws {
        let (_, entities) = try paragraph(
            "President of the Assembly, Tomi Adeyemi, said the chamber would sit on Monday. The Governor of Ondo Region, Kayode Bello, said roads would reopen. Chair of the Finance Committee Ola Ndu said the bill was ready."
        )
        #expect(entity("Tomi Adeyemi", in: entities)?.kind == .person)
        #expect(roles(of: "Tomi Adeyemi", in: entities) == ["President of the Assembly"])
        #expect(entity("Kayode Bello", in: entities)?.kind == .person)
        #expect(roles(of: "Kayode Bello", in: entities) == ["Governor of Ondo Region"])
        #expect(roles(of: "Ola Ndu", in: entities) == ["Chair of the Finance Committee"])
    }

    @Test("'House Speaker Dana Voss' is Voss with the title Speaker; 'the House' alone is the chamber; 'Ellen House' stays a person")
    func speakerOfTheHouse() throws {
        let (_, entities) = try paragraph(
            "House Speaker Dana Voss said the vote would pass. The bill cleared the House on Tuesday. Ellen House, a teacher, said she would run. Speaker Lena Marsh said it would not."
        )
        #expect(entity("Dana Voss", in: entities)?.kind == .person)
        #expect(roles(of: "Dana Voss", in: entities).contains { $0.hasPrefix("Speaker") })
        #expect(roles(of: "Lena Marsh", in: entities) == ["Speaker"])
        #expect(entity("House", in: entities)?.kind == .organization)
        #expect(entity("Ellen House", in: entities)?.kind == .person)
    }
}
