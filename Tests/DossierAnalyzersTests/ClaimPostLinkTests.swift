import DossierAnalyzers
import DossierCore
import Testing

/// An embedded post's claim loses the addresses written out at its end, not a link over words.
@Suite("Claims of embedded posts")
struct ClaimPostLinkTests {
    /// The claims of a document of one embedded post, `body` then a signature, with `links` (text
    /// fragments, each a link over its last occurrence).
    func claims(_ body: String, links: [String]) throws -> [String] {
        let text = body + " — Hallbury Fishers (@hallburyfishers) February 2, 2026"
        let scalars = Array(text.unicodeScalars)
        func range(_ fragment: String) -> TextRange {
            let f = Array(fragment.unicodeScalars)
            let start = (0...(scalars.count - f.count)).last { Array(scalars[$0..<($0 + f.count)]) == f }!
            return TextRange(start: start, end: start + f.count)
        }
        var document = Document(
            id: "p", text: text, blocks: [Block(kind: .embeddedPost, range: TextRange(start: 0, end: scalars.count))],
            links: links.map { Link(url: "https://example.org/", text: $0, range: range($0), origin: .embed) })
        document.annotations.sentences = try SentenceAnalyzer().analyze(document, context: AnalysisContext()).sentences
        let claims = try ClaimAnalyzer(options: .init(threshold: 0, minimumWords: 1)).analyze(document, context: AnalysisContext()).claims
        return claims.map { document.text(in: $0.range) }
    }

    @Test("addresses that close the post are cut, one after another")
    func addressesCut() throws {
        let texts = try claims(
            "Port fees rise 12 percent in March https://t.co/ab12 pic.twitter.com/Xy9", links: ["https://t.co/ab12", "pic.twitter.com/Xy9"])
        #expect(texts == ["Port fees rise 12 percent in March"])
    }

    @Test("a link over words at the end (an anchor in a page) stays part of the post")
    func anchorKept() throws {
        let texts = try claims("Port fees rise 12 percent in March, says @harbourboard", links: ["@harbourboard"])
        #expect(texts == ["Port fees rise 12 percent in March, says @harbourboard"])
    }
}
