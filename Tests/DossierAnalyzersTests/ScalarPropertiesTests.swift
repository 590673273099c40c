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

    @Test("the table agrees with the standard library below U+3000 and at a sample above it")
    func tableAgrees() {
        for v in UInt32(0)..<0x3000 { #expect(ScalarProperties.of(v) == ScalarProperties.compute(v)) }
        for v: UInt32 in [0x3000, 0x3040, 0x3097, 0x30A0, 0x30FB, 0x4E00, 0x4E8C, 0xABFF, 0xD7A4, 0xD800, 0x1F600, 0x10FFFF] {
            #expect(ScalarProperties.of(v) == ScalarProperties.compute(v))
        }
    }
}
