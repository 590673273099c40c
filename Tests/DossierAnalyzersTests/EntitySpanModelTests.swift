import Testing

@testable import DossierAnalyzers

/// The span model's hashing must agree with scripts/entities-train.py, which fits the weights:
/// the expected values below were printed by the script's `word` and `key` functions.
@Suite("Entity span model")
struct EntitySpanModelTests {
    @Test("word and feature hashes agree with the Python training script")
    func hashesAgree() {
        #expect(WordHash.word("Institute") == 0xb2db_67d1_4c58_6a68)
        #expect(WordHash.word("Łódź") == 0xb9fb_4154_4175_06f8)
        #expect(WordHash.word("U.S.") == 0x08c4_3d07_b566_de99)
        #expect(EntitySpanModel.key(WordHash.word("w"), WordHash.word("Institute")) == 0x5bae_4533_e071_f32f)
        #expect(EntitySpanModel.key(WordHash.word("prev"), UInt64(0x2C)) == 0x0260_9f5a_34d2_7f05)
        #expect(EntitySpanModel.key(WordHash.word("suf"), WordHash.word("ute")) == 0x508e_d5be_ce80_2fc3)
        let atThe = WordHash.combine(WordHash.word("at"), WordHash.word("the"))
        #expect(EntitySpanModel.key(WordHash.word("pp"), atThe) == 0x6e55_75a4_98d9_8b69)
        #expect(EntitySpanModel.key(WordHash.word("head"), 1) == 0x16f2_1c9c_c5bc_d443)
        #expect(EntitySpanModel.key(WordHash.word("lead"), 3) == 0x347d_84a5_43b7_a1f5)
        #expect(EntitySpanModel.key(WordHash.word("plain"), 2) == 0x1d60_48a8_ad29_e682)
        #expect(EntitySpanModel.key(WordHash.word("inner"), 1) == 0xb929_78a5_ab9d_cd17)
    }

    @Test("the shipped model reads, and a model file scores by softmax over its classes")
    func model() {
        #expect(!EntitySpanModel.shared.isEmpty)
        let key = EntitySpanModel.key(WordHash.word("w"), WordHash.word("harbour"))
        let text = "# test\nintercept 0 0 0 0\n" + String(key, radix: 16) + " 0 0 0 4\n"
        let model = EntitySpanModel(text: text)
        let features = [EntitySpanModel.key(model.slots.word, WordHash.word("Harbour"))]
        let (label, probability) = model.decide(features.withUnsafeBufferPointer { model.score($0) })
        #expect(label == .place)
        #expect(probability > 0.9)
    }

    @Test("a span's score is the intercept plus the weights of the features the model holds, repeats counted")
    func scoreSumsKnownFeatures() {
        let words = (0..<40).map { WordHash.word("word\($0)") }
        var text = "intercept 1 0 0 0\n"
        for (n, word) in words.enumerated() where n % 2 == 0 {
            text += String(EntitySpanModel.key(7, word), radix: 16) + " 0 \(n) 0 1\n"
        }
        let model = EntitySpanModel(text: text)
        let features = words.map { EntitySpanModel.key(7, $0) } + [EntitySpanModel.key(7, words[2])]
        let score = features.withUnsafeBufferPointer { model.score($0) }
        let evens = stride(from: 0, to: 40, by: 2).reduce(0, +)
        #expect(score == SIMD4<Float>(1, Float(evens + 2), 0, 21))
        #expect([UInt64]().withUnsafeBufferPointer { model.score($0) } == SIMD4<Float>(1, 0, 0, 0))
    }
}
