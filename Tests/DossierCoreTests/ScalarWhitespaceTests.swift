import DossierCore
import Testing

@Suite("Unicode.Scalar.isSpace")
struct ScalarWhitespaceTests {
    @Test("isSpace agrees with the White_Space property for every scalar")
    func agreesWithProperty() {
        var disagreements: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if scalar.isSpace != scalar.properties.isWhitespace { disagreements.append(value) }
        }
        #expect(disagreements.isEmpty)
    }
}
