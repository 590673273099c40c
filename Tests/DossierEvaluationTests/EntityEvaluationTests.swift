import DossierCore
import DossierEvaluation
import Testing

@Suite("Entity evaluation")
struct EntityEvaluationTests {
    // Invented sentences; IO tags, a run of one type is one span.
    static let conll = """
        -DOCSTART- O

        Mara I-PER
        Lindqvist I-PER
        runs O
        Norrland I-ORG
        Bank I-ORG
        in O
        Vellmar I-LOC
        . O

        The O
        Tarn I-MISC
        Prize I-MISC
        went O
        to O
        Oslo I-LOC
        . O
        """

    @Test("articles are rebuilt with single spaces and IO runs become spans")
    func reading() throws {
        let evaluation = EntityEvaluation(conll: Self.conll)
        #expect(evaluation.articles.count == 1)
        let article = try #require(evaluation.articles.first)
        #expect(article.document.text == "Mara Lindqvist runs Norrland Bank in Vellmar . The Tarn Prize went to Oslo .")
        #expect(article.document.annotations.sentences.count == 2)
        #expect(
            article.gold.map { article.document.text(in: $0.range) } == [
                "Mara Lindqvist", "Norrland Bank", "Vellmar", "Tarn Prize", "Oslo",
            ])
    }

    @Test("exact and overlapping scores; other kinds and gold MISC are not scored")
    func scoring() throws {
        let evaluation = EntityEvaluation(conll: Self.conll)
        let result = evaluation.run { document in
            func span(_ text: String) -> TextRange {
                let r = document.text.range(of: text)!
                let start = document.text.unicodeScalars.distance(from: document.text.startIndex, to: r.lowerBound)
                return TextRange(start: start, end: start + text.unicodeScalars.count)
            }
            return [
                Entity(range: span("Lindqvist"), kind: .person, name: "Lindqvist"),  // overlaps only
                Entity(range: span("Norrland Bank"), kind: .organization, name: "Norrland Bank"),  // exact
                Entity(range: span("Vellmar"), kind: .person, name: "Vellmar"),  // wrong type
                Entity(range: span("Tarn Prize"), kind: .misc, name: "Tarn Prize"),  // not scored
            ]
        }
        let exact = try #require(result.exact["ALL"])
        #expect(exact.predicted == 3 && exact.correct == 1 && exact.gold == 4 && exact.found == 1)
        let overlap = try #require(result.overlap["ALL"])
        #expect(overlap.correct == 2 && overlap.found == 2)
        #expect(abs(overlap.f1 - 2 * (2.0 / 3) * 0.5 / (2.0 / 3 + 0.5)) < 1e-9)
        #expect(result.overlap["PER"]?.correct == 1)
        #expect(result.exact["LOC"]?.found == 0)
    }

    @Test("pronouns and descriptions joined to an entity are not scored as names")
    func onlyNames() throws {
        let evaluation = EntityEvaluation(conll: Self.conll)
        let result = evaluation.run { document in
            // "Mara Lindqvist" (0..<14) named, "runs" (15..<19) standing in as a pronoun would,
            // "Norrland Bank" (20..<33) as a description of her.
            [
                Entity(
                    kind: .person, name: "Mara Lindqvist",
                    mentions: [
                        .init(range: TextRange(start: 0, end: 14), form: .name),
                        .init(range: TextRange(start: 15, end: 19), form: .pronoun),
                        .init(range: TextRange(start: 20, end: 33), form: .nominal),
                    ])
            ]
        }
        let exact = try #require(result.exact["ALL"])
        #expect(exact.predicted == 1 && exact.correct == 1)
    }
}
