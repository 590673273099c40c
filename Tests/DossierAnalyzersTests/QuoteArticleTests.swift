import DossierAnalyzers
import DossierCore
import DossierReaders
import Foundation
import Testing

/// Who said what in a whole article, through the reader and the real `sentences`, `entities` and
/// `quotes` analyzers: the speaker rules on the entities the analyzer finds, not on a layer made by
/// hand. The article is invented: its board, people, places and figures are made up.
@Suite("Quotes in an article")
struct QuoteArticleTests {
    static let article = """
        Water Board Delays Reservoir Repairs

        The Eastmoor Water Board postponed repairs to the Halden reservoir dam on Monday, a decision engineers said was long overdue.

        "We cannot start until the funding is settled," said Petra Lindgren, who chairs the board. She said the work would cost about $14 million.

        Farmers in the valley were alarmed. "If the dam fails, we lose everything," one grower, who asked not to be named for fear of losing his contract, told the Courier. "Nobody is listening."

        The Upper Halden Anglers' Association said it would press for an independent inspection.

        The board's engineering report said cracks in the spillway had widened since 2022. It noted that the inspection budget had been cut twice.

        Mikael Strand, who represents the valley on the county council, said residents deserved answers. He declined to say whether the council would step in.

        The board's finance director, Lena Holt, said the money would be found by the summer.
        """

    /// The article's document with its sentences, entities and quotes.
    func analyzed() throws -> Document {
        var document = try TextReader().read(Input(id: "board", name: "board.txt", data: Data(Self.article.utf8)))[0]
        let context = AnalysisContext()
        document.annotations.sentences = try SentenceAnalyzer().analyze(document, context: context).sentences
        document.annotations.entities = try EntityAnalyzer().analyze(document, context: context).entities
        for i in document.annotations.entities.indices { document.annotations.entities[i].id = "e\(i + 1)" }
        document.annotations.quotes = try QuoteAnalyzer().analyze(document, context: context).quotes
        return document
    }

    /// The quote whose words begin with `words`, its speaker's entity name and speaker's words.
    func quote(_ d: Document, _ words: String) throws -> (quote: Quote, entity: String?, speaker: String?) {
        let quote = try #require(d.annotations.quotes.first { d.text(in: $0.range).hasPrefix(words) }, "\(words)")
        let entity = quote.speaker.flatMap { s in d.annotations.entities.first { $0.id == s.id }?.name }
        return (quote, entity, quote.speakerRange.map { d.text(in: $0) })
    }

    @Test("named speakers, after the quotation and before reported speech, and 'she' for the speaker before")
    func named() throws {
        let d = try analyzed()
        let first = try quote(d, "We cannot start")
        #expect(first.quote.kind == .direct && first.entity == "Petra Lindgren" && first.quote.cue == "said")
        let cost = try quote(d, "the work would cost")
        #expect(cost.quote.kind == .indirect && cost.entity == "Petra Lindgren")
        #expect(try quote(d, "residents deserved answers").entity == "Mikael Strand")
        #expect(try quote(d, "the money would be found").entity == "Lena Holt")
        // A name built on a possessive speaks as one organisation, and `said it would` reports.
        let anglers = try quote(d, "it would press for an independent inspection")
        #expect(anglers.entity == "Upper Halden Anglers' Association")
        #expect(d.annotations.entities.first { $0.name == "Upper Halden Anglers' Association" }?.kind == .organization)
    }

    @Test("an unnamed source and the relative clause that says so, over two quotations")
    func unnamed() throws {
        let d = try analyzed()
        for words in ["If the dam fails", "Nobody is listening."] {
            let q = try quote(d, words)
            #expect(q.quote.isAnonymous && q.entity == nil, "\(words)")
            #expect(q.speaker == "one grower, who asked not to be named for fear of losing his contract", "\(words)")
        }
        #expect(try quote(d, "If the dam fails").quote.cue == "told")
    }

    @Test("a document speaks, and 'It' after it is the document; no report from a refusal or 'a decision engineers said was'")
    func documents() throws {
        let d = try analyzed()
        let cracks = try quote(d, "cracks in the spillway")
        #expect(cracks.entity == nil && cracks.speaker == "The board's engineering report")
        let noted = try quote(d, "the inspection budget")
        #expect(noted.quote.cue == "noted" && noted.speaker == "The board's engineering report")
        #expect(!d.annotations.quotes.contains { $0.cue == "say" })
        #expect(!d.annotations.quotes.contains { d.text(in: $0.range).contains("postponed repairs") })
        #expect(!d.annotations.quotes.contains { d.text(in: $0.range).hasPrefix("was long overdue") })
    }
}
