import Dossier
import DossierTesting
import Foundation
import Testing

/// Vague attribution that is not vague, in an article written for this test.
@Suite("Sources: groups the article names, headings and quoted words (session 41)")
struct SourceRuleTests41 {
    @Test(
        "'the researchers believe', a heading 'What Critics Are Saying' and 'people think' inside a quotation are no vague attribution; 'experts say' is"
    )
    func notVague() async throws {
        let text = """
            Harbour Study Published

            A team at the Lindvik Institute measured the tides for ten years. The researchers believe the harbour is silting up.

            What Critics Are Saying

            “People think the harbour is safe, but it is not,” said Ola Brandt, the harbour master.

            The dredging will cost more than planned, experts say.
            """
        let document = try await SourceRuleTests40.analyzed(text)
        let vague = document.annotations.findings.filter { $0.kind == "sources.vague-attribution" }.compactMap {
            $0.range.map(document.text(in:))
        }
        #expect(vague == ["experts say"])
    }
}
