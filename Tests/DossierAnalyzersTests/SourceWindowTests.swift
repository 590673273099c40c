import DossierCore
import DossierReaders
import Foundation
import Testing

@testable import DossierAnalyzers

/// A long article is tokenized by the sources analyzer one window at a time; on an article of our
/// own cut into windows of a few hundred scalars, it finds what it finds over the whole text.
@Suite("Source windows")
struct SourceWindowTests {
    static let paragraphs = [
        "The Vellmar Harbour Authority will raise port fees by 12 percent, according to the authority's annual report.",
        "“We cannot keep the quays safe on last year’s budget,” said Mara Lindqvist, the authority’s chief executive.",
        "Critics argue the increase will drive smaller boats to rival ports. Experts say the region lost 300 jobs.",
        "A spokesperson for the fishermen’s union, who asked not to be named, said members would protest on Friday.",
        "Reuters reported that two rival ports cut their fees by a third.",
        "“The fees are fair,” the harbour master said.",
    ]

    /// Sentences, entities (numbered as the runner numbers them) and quotes of the article.
    func document(repeating times: Int) throws -> Document {
        var text = "Port Fees Rise\n\n"
        for round in 0..<times {
            for (i, p) in Self.paragraphs.enumerated() where (round + i) % 5 != 4 { text += p + "\n\n" }
        }
        var document = try TextReader().read(Input(id: "s", name: "s.txt", data: Data(text.utf8)))[0]
        let context = AnalysisContext()
        document.annotations.sentences = try SentenceAnalyzer().analyze(document, context: context).sentences
        var entities = try EntityAnalyzer(options: .init()).analyze(document, context: context).entities
        for i in entities.indices { entities[i].id = "e\(i + 1)" }
        document.annotations.entities = entities
        document.annotations.quotes = try QuoteAnalyzer(options: .init()).analyze(document, context: context).quotes
        return document
    }

    func find(_ document: Document, windowLimit: Int) -> ([SourceAnnotation], [Finding]) {
        func run<U: FixedWidthInteger & UnsignedInteger>(_: U.Type) -> ([SourceAnnotation], [Finding]) {
            document.scalars.withUnits(as: U.self) { units in
                var finder = SourceFinder(
                    units: units, document: document, vocabulary: .shared, findVague: true, windowLimit: windowLimit)
                finder.run()
                return (finder.sources, finder.findings)
            }
        }
        switch document.scalars.width {
        case 1: return run(UInt8.self)
        case 2: return run(UInt16.self)
        default: return run(UInt32.self)
        }
    }

    @Test("sources and vague attributions found window by window are those of the whole text")
    func windowsFindWhatTheWholeTextHas() throws {
        let document = try document(repeating: 6)
        #expect(document.scalars.width == 1, "curly quotes kept out of line beside one-byte units")
        #expect(document.scalars.outOfLineCount > 0)
        #expect(TextWindows.windows(of: document, limit: 500).count > 4)
        let (wholeSources, wholeFindings) = find(document, windowLimit: document.length)
        let (sources, findings) = find(document, windowLimit: 500)
        func key(_ s: SourceAnnotation) -> String {
            "\(s.kind.rawValue) \(s.name) \(s.range.map { "\($0.start)-\($0.end)" } ?? "-") \(s.entity?.id ?? "")"
        }
        #expect(Set(wholeSources.map(\.kind)).isSuperset(of: [.outlet, .anonymous, .document, .person]))
        #expect(wholeFindings.count >= 6)
        #expect(sources.map(key) == wholeSources.map(key))
        #expect(findings.map(\.range) == wholeFindings.map(\.range))
    }
}
