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
}
