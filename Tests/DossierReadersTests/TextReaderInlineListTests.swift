import DossierCore
import DossierReaders
import Foundation
import Testing

@Suite("Text reader: list markers written inline on one line")
struct TextReaderInlineListTests {
    @Test(
        "a line whose first marker is followed by the next of its series is one paragraph that keeps every marker",
        arguments: [
            "1. Pack the tent 2. Drive to the lake",
            "1. Pack the tent. 2. Drive to the lake.",
            "1) Pack the tent 2) Drive to the lake",
            "7) Pack the tent. 8) Drive to the lake.",
            "\u{2022} 4. Pack the tent \u{2022} 5. Drive to the lake",
            "* Pack the tent * Drive to the lake",
        ])
    func inlineListIsParagraph(line: String) throws {
        let document = try readText("Trip notes\n\nWe set out early on a grey morning with too much to carry.\n\n" + line + "\n")
        let block = try #require(document.blocks.last)
        #expect(block.kind == .paragraph)
        #expect(document.text(in: block.range) == line)
    }

    @Test("a single item, or an item whose later number is not the next one, stays a list item without its marker")
    func singleItemKeepsListShape() throws {
        let document = try readText(
            "Trip notes\n\nWe set out early on a grey morning with too much to carry.\n\n1. Pack the tent\n2. Wait 5. minutes or so\n"
                + "- Drive on - slowly - to the lake\n")
        #expect(
            outline(document).suffix(3) == [
                ["list-item", "Pack the tent", "-"],
                ["list-item", "Wait 5. minutes or so", "-"],
                ["list-item", "Drive on - slowly - to the lake", "-"],
            ])
    }
}
