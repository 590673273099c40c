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
