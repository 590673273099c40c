/// The Unicode properties the analyzers' scanners ask about, as bits in a table for the scalars
/// below U+3000 (Latin, Greek, Cyrillic, the other alphabets of news text, and General
/// Punctuation's curly quotes and dashes), and from `Unicode.Scalar.Properties` above it.
///
/// A property lookup walks the standard library's tries; news text is full of `’`, `“` and `—`,
/// and on real articles those lookups were a tenth of the default pipeline's time. The table is
/// 12 KB, built once per process on first use (about a millisecond).
enum ScalarProperties {
    static let alphabetic: UInt8 = 1
    static let uppercase: UInt8 = 2
    static let lowercase: UInt8 = 4
    static let titlecase: UInt8 = 8
    /// `numericType == .decimal`.
    static let decimal: UInt8 = 16
    /// `numericType != nil`.
    static let numeric: UInt8 = 32
    /// General category `Mn`.
    static let nonspacingMark: UInt8 = 64
    static let whitespace: UInt8 = 128

    private static let limit: UInt32 = 0x3000
    private static let table: [UInt8] = (0..<limit).map { compute($0) }

    /// The property bits of scalar value `v` (0 for a value that is not a scalar).
    @inline(__always)
    static func of(_ v: UInt32) -> UInt8 {
        if v < limit { return table.withUnsafeBufferPointer { $0[Int(v)] } }
        return compute(v)
    }

    /// Whether `v` has any of `bits`: `has(v, alphabetic | numeric)` is a letter or a number.
    @inline(__always)
    static func has(_ v: UInt32, _ bits: UInt8) -> Bool { of(v) & bits != 0 }

    private static func compute(_ v: UInt32) -> UInt8 {
        guard let s = Unicode.Scalar(v) else { return 0 }
        let p = s.properties
        var bits: UInt8 = 0
        if p.isAlphabetic { bits |= alphabetic }
        if p.isUppercase { bits |= uppercase }
        if p.isLowercase { bits |= lowercase }
        if p.generalCategory == .titlecaseLetter { bits |= titlecase }
        if let n = p.numericType {
            bits |= numeric
            if n == .decimal { bits |= decimal }
        }
        if p.generalCategory == .nonspacingMark { bits |= nonspacingMark }
        if p.isWhitespace { bits |= whitespace }
        return bits
    }
}
