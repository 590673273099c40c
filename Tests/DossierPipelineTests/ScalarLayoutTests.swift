import Dossier
import Foundation
import Testing

/// Every analyzer of the default pipeline finds the same annotations whether the text is stored
/// one byte a scalar with its curly quotes and dashes out of line, or two bytes a scalar.
@Suite("Analysis at every scalar layout")
struct ScalarLayoutTests {
    static let article = """
        Harbour Fees Rise by a Third: What It Means

        Story Highlights
        • The Vellmar Harbour Authority will raise port fees by 12 percent from March 1, 2026.
        • Fishermen’s union says members will protest on Friday.

        VELLMAR — The Vellmar Harbour Authority will raise port fees by 12 percent, according to the authority’s annual report published on Tuesday.

        “We cannot keep the quays safe on last year’s budget,” said Mara Lindqvist, the authority’s chief executive. She added that the “harbour levy” would end in 2028.

        Critics argue the increase will drive smaller boats to rival ports. Experts say the region lost 300 jobs last year — more than in any year since 2009.

        A spokesperson for the fishermen’s union, who asked not to be named, told reporters that members would protest on Friday. Port Minister Jonas Ekberg called the rise “unavoidable”.

        Shockingly, Reuters reported that two rival ports in Kyiv (Київ) cut their fees by a third. 🚢

        Sources: Vellmar Harbour Authority annual report; Reuters.
        """

    @Test("the default pipeline's analyzers give the same document for one-byte and two-byte text")
    func sameAnalysis() async throws {
        let input = Input(id: "fees", name: "fees.txt", data: Data(Self.article.utf8))
        let narrow = try TextReader().read(input)[0]
        #expect(narrow.scalars.width == 1)
        #expect(narrow.scalars.outOfLineCount > 10)
        let scalars = Array(narrow.scalars)
        let twoBytes = ScalarBuffer(unsafeUninitializedCount: scalars.count, outOfLineCount: 1) { units, outOfLine in
            for (i, scalar) in scalars.enumerated() { units[i] = outOfLine.unit(for: scalar, at: i) }
            return scalars.count
        }
        #expect(twoBytes.width == 2)
        #expect(twoBytes == narrow.scalars)
        let wide = Document(
            id: narrow.id, scalars: twoBytes, blocks: narrow.blocks, metadata: narrow.metadata, links: narrow.links,
            origin: narrow.origin, reader: narrow.reader)

        let runner = Runner(pipeline: try PipelineLoader.standard().load(text: DefaultPipeline.yaml, file: "default.yaml"))
        let fromNarrow = try await runner.analyze(narrow)
        let fromWide = try await runner.analyze(wide)
        #expect(fromNarrow.annotations.entities.count > 3)
        #expect(fromNarrow.annotations.quotes.count >= 2)
        #expect(fromNarrow.annotations.claims.count >= 3)
        let a = String(decoding: try fromNarrow.jsonData(pretty: true), as: UTF8.self)
        let b = String(decoding: try fromWide.jsonData(pretty: true), as: UTF8.self)
        #expect(a == b)
    }
}
