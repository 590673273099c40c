import DossierAnalyzers
import DossierCore
import DossierReaders
import DossierTestSupport
import DossierTesting
import Foundation
import Testing

@Suite("Sentence analyzer")
struct SentenceAnalyzerTests {
    func read(_ name: String) throws -> Document {
        try TextReader().read(Input(id: name, name: name, data: try Fixtures.data(name)))[0]
    }

    @Test("sentences never cross block boundaries, and cover each block's text")
    func withinBlocks() throws {
        let document = try read("harbour-bridge.txt")
        let sentences = try SentenceAnalyzer().analyze(document, context: AnalysisContext()).sentences
        for block in document.blocks {
            let inside = sentences.filter { block.range.contains($0.range) }
            let joined = inside.map { document.text(in: $0.range) }.joined(separator: " ")
            #expect(!inside.isEmpty)
            #expect(joined.split(whereSeparator: \.isWhitespace) == document.text(in: block.range).split(whereSeparator: \.isWhitespace))
        }
        for sentence in sentences {
            #expect(document.blocks.contains { $0.range.contains(sentence.range) })
        }
    }

    @Test("a heading and a list item without final punctuation are one sentence each")
    func headingsAndItems() throws {
        let document = try read("harbour-bridge.txt")
        let texts = try SentenceAnalyzer().analyze(document, context: AnalysisContext()).sentences.map { document.text(in: $0.range) }
        #expect(texts.contains("Key Points"))
        #expect(texts.contains("Why the Work Is Needed"))
        #expect(texts.contains("“We cannot wait for another winter,” said Dr. Ines Falk, the city’s chief engineer."))
        #expect(texts.contains("Residents on the east bank will feel it most 🚧."))
        #expect(texts.filter { $0.hasPrefix("Harbour Authority press briefing") } == ["Harbour Authority press briefing, 27 February 2025"])
    }

    @Test("a document without blocks is segmented as one span, with scalar offsets")
    func noBlocks() throws {
        let document = Document(id: "d", text: "Zoë’s café 🎉 opened. It sold out.")
        let sentences = try SentenceAnalyzer().analyze(document, context: AnalysisContext()).sentences
        #expect(sentences.map(\.range) == [TextRange(start: 0, end: 20), TextRange(start: 21, end: 33)])
        #expect(sentences.map(\.producer) == [.unstamped, .unstamped])
    }

    @Test("the analyzer passes the conformance check third-party analyzers are held to")
    func conformance() async throws {
        #expect(SentenceAnalyzer.id == "sentences")
        #expect(SentenceAnalyzer.provides == [.sentences])
        #expect(SentenceAnalyzer.requires.isEmpty)
        let documents = [try read("storm-outage.txt"), Document(id: "bare", text: "No blocks here. Two sentences.")]
        let problems = await AnalyzerConformance.check(SentenceAnalyzer.self, documents: documents)
        #expect(problems.isEmpty, "\(problems)")
        let extra = await AnalyzerConformance.check(
            SentenceAnalyzer.self, documents: documents, options: SentenceAnalyzer.Options(extraAbbreviations: ["Approx"]))
        #expect(extra.isEmpty, "\(extra)")
    }

    @Test("an extra abbreviation with a space in it is refused", arguments: ["two words", "", "..."])
    func badAbbreviation(word: String) throws {
        let error = try #require(throws: ComponentError.self) {
            try SentenceAnalyzer(options: SentenceAnalyzer.Options(extraAbbreviations: ["Approx", word]))
        }
        #expect(error.code == "E420")
        #expect(error.option == "extraAbbreviations[1]", "the error points at the bad item, not the whole list")
    }
}
