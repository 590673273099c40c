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
}
