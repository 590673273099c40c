import DossierCore
import Foundation
import Testing

/// Scores are written with a two-decimal formatter of our own; it must agree with printf's.
@Suite("Score text")
struct ScoreTextTests {
    @Test("scores read as String(format: \"%.2f\") writes them, ties and all")
    func scoresAgreeWithFormat() {
        var values: [Double] = (0...1000).map { Double($0) / 1000 }
        values += [0, 1, 0.125, 0.375, 0.625, 0.875, 0.005, 0.015, 0.995, 0x1p-9, 0x1p-10, 0.0049999, 0.00195, 1e-300, 0.5]
        // A fixed sequence of pseudo-random values, so a failure repeats.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<20_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            values.append(Double(state >> 11) / Double(1 << 53))
        }
        values += [-0.5, 1.5, 12.345, .infinity]
        for value in values {
            #expect(ClaimAnnotation.scoreText(value) == String(format: "%.2f", value), "\(value)")
        }
    }
}
