import Foundation

extension ClaimAnnotation {
    /// The check-worthiness with two decimals, as briefs and findings show it (`0.87`).
    public var checkWorthinessText: String { Self.scoreText(checkWorthiness) }

    /// `value` with two decimals, exactly as `String(format: "%.2f", value)` writes it.
    ///
    /// Scores lie in 0...1, and Foundation's formatter cost about a microsecond a call, a few per
    /// cent of the default pipeline (a call per claim in `claims` and in the brief): the exact
    /// binary value is rounded at the second decimal here, half to even as printf rounds a tie.
    /// Other values go through the formatter.
    public static func scoreText(_ value: Double) -> String {
        guard value >= 0, value <= 1 else { return String(format: "%.2f", value) }
        // Below 2⁻⁹ (0.00195) the value rounds to 0.00; above it the exponent keeps the shift below 64.
        guard value >= 0x1p-9 else { return "0.00" }
        // value = m × 2^-k exactly, with m < 2⁵³, so 100 m < 2⁶⁰.
        let m = value.significandBitPattern | (1 << 52)
        let k = 52 - Int(value.exponent)
        let scaled = 100 * m
        var q = scaled >> UInt64(k)
        let r = scaled & ((1 << UInt64(k)) - 1)
        let half: UInt64 = 1 << UInt64(k - 1)
        if r > half || (r == half && q & 1 == 1) { q += 1 }
        return String(unsafeUninitializedCapacity: 4) { out in
            (out[0], out[1], out[2], out[3]) = (UInt8(0x30 + q / 100), 0x2E, UInt8(0x30 + q / 10 % 10), UInt8(0x30 + q % 10))
            return 4
        }
    }
}
