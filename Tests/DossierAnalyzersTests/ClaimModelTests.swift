import DossierCore
import Foundation
import Testing

@testable import DossierAnalyzers

@Suite("Claims model file")
struct ClaimModelTests {
    /// A small model file for the running extractor, with what the reader must pass over.
    static func modelText(extractor: String = "extractor \(ClaimFeatureExtractor.version)\n") -> String {
        """
        # a comment, then a blank line

        \(extractor)buckets 8
        bias -1.5
        threshold 0.6\r
        feature number 2.25
        feature opinion-words -0.5
        feature no-such-feature 9
        shape unknown keywords are skipped
          w 3 -0.01234
        w 7 1e-3
        w 9 5.0
        w x 1.0
        w 5 1.2.3
        """
    }

    @Test("reads the bias, threshold, named weights and bucket weights of a model for this extractor")
    func readsAModel() throws {
        let model = try #require(ClaimModel(text: Self.modelText()))
        #expect(model.buckets == 8)
        #expect(model.bias == -1.5)
        #expect(model.threshold == 0.6)
        var named = [Double](repeating: 0, count: ClaimFeature.allCases.count)
        named[ClaimFeature.number.rawValue] = 2.25
        named[ClaimFeature.opinion.rawValue] = -0.5
        #expect(model.named == named)
        // Bucket 9 is out of range; `x` and `1.2.3` are no numbers.
        #expect(model.hashed == [0, 0, 0, Float(-0.01234), 0, 0, 0, Float(0.001)])
    }

    @Test("refuses a model fitted on another extractor's features, or on no stated one")
    func refusesAnotherExtractor() {
        #expect(ClaimModel(text: Self.modelText(extractor: "extractor \(ClaimFeatureExtractor.version - 1)\n")) == nil)
        #expect(ClaimModel(text: Self.modelText(extractor: "")) == nil)
    }

    @Test("refuses a bucket count that is not a power of two")
    func refusesBuckets() {
        #expect(ClaimModel(text: "extractor \(ClaimFeatureExtractor.version)\nbuckets 12\n") == nil)
        #expect(ClaimModel(text: "extractor \(ClaimFeatureExtractor.version)\nbuckets 0\n") == nil)
    }

    @Test(
        "reads a number as Double(String) does, to the last bit",
        arguments: [
            "0", "-0.5", "+7", "0.1", "-2.744366", "0.00001", "3.141592653589793", "1e-3", "-2.5E+2", "123456789012345678901234",
            "0.000001234567890123456789", "1.7976931348623157e308", "4.9e-324", "9007199254740993", "0.30000000000000004",
        ])
    func readsNumbers(_ number: String) throws {
        let model = try #require(ClaimModel(text: "extractor \(ClaimFeatureExtractor.version)\nbuckets 1\nbias \(number)\n"))
        #expect(model.bias == Double(number))
    }

    @Test("the shipped model is read and sized for the extractor's buckets")
    func shippedModel() throws {
        let model = try #require(ClaimModel.shared)
        #expect(model.buckets == ClaimVocabulary.buckets)
        #expect(model.hashed.contains { $0 != 0 })
    }
}

@Suite("Claim features")
struct ClaimFeatureTests {
    /// The distinct n-gram buckets of a text, and the value each has.
    static func buckets(of text: String) throws -> (buckets: Set<UInt32>, count: Int, value: Float) {
        var extractor = try #require(ClaimVocabulary.trainingExtractor)
        var vector = ClaimFeatureVector()
        var markers = ClaimFeatureExtractor.Markers()
        let scalars = ScalarBuffer(text)
        try #require(scalars.width == 1)
        scalars.withUnits(as: UInt8.self) { units in
            var tokens: [TextToken] = []
            TextTokenizer.tokenize(units, range: 0..<units.count, into: &tokens)
            tokens.withUnsafeBufferPointer { extractor.extract(units, tokens: $0, into: &vector, markers: &markers) }
        }
        return (Set(vector.buckets), vector.buckets.count, vector.bucketValue)
    }

    @Test("a word adds its unigram, the bigram with the word before and one character 4-gram a position of the padded word")
    func wordGrams() throws {
        // Unigrams 3, bigrams 2, 4-grams of " unemployment " 11, " fell " 3, " sharply " 6.
        let (set, count, value) = try Self.buckets(of: "Unemployment fell sharply")
        #expect(count == 25)
        #expect(set.count == 25)
        #expect(value == 1 / Float(25).squareRoot())
    }

    @Test("words under three scalars and symbols add no character grams")
    func shortWordsAndSymbols() throws {
        // Unigrams of "we", "do", "it", "?" and the three bigrams between them.
        #expect(try Self.buckets(of: "We do it?").count == 7)
    }

    @Test("digits fold to 0 and case folds, so the grams of '4.1' are those of '7.3'")
    func digitsFold() throws {
        let a = try Self.buckets(of: "Prices rose 4.1 percent")
        let b = try Self.buckets(of: "PRICES rose 7.3 Percent")
        #expect(a.buckets == b.buckets)
        #expect(a.count == 4 + 3 + 5 + 3 + 2 + 6)
    }
}
