import Testing

@testable import DossierAnalyzers

/// The tokenizers' property table and its fast ranges must answer as the standard library does.
@Suite("Scalar properties")
struct ScalarPropertiesTests {
    @Test("the scalars answered without a lookup have exactly the standard library's properties")
    func fastRangesAgree() {
        for range in ScalarProperties.letterRanges {
            for v in range {
                #expect(ScalarProperties.of(v) == ScalarProperties.compute(v), "U+\(String(v, radix: 16, uppercase: true))")
            }
        }
    }

    @Test("the tables agree with the standard library below U+A000 and at a sample above it")
    func tableAgrees() {
        var disagreements = 0
        for v in UInt32(0)..<0xA000 where ScalarProperties.of(v) != ScalarProperties.compute(v) { disagreements += 1 }
        #expect(disagreements == 0)
        // An ideograph that is a number (二, two) and one that is not (東, east).
        #expect(ScalarProperties.has(0x4E8C, ScalarProperties.numeric))
        #expect(!ScalarProperties.has(0x6771, ScalarProperties.numeric))
        #expect(ScalarProperties.has(0x6771, ScalarProperties.alphabetic))
        for v: UInt32 in [0xA000, 0xABFF, 0xD7A4, 0xD800, 0xFF10, 0x1F600, 0x10FFFF] {
            #expect(ScalarProperties.of(v) == ScalarProperties.compute(v))
        }
    }
}
