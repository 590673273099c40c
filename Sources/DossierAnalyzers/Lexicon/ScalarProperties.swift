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
        // Hangul syllables, hiragana and katakana are letters of no case and no number: each scalar
        // of a Korean or Japanese article would otherwise cost several trie walks in every tokenizer
        // (a twentieth of the default pipeline on the benchmark articles). A test checks the ranges.
        // (CJK ideographs are left to the lookup: some of them are numbers.)
        if v &- 0xAC00 <= 0xD7A3 - 0xAC00 || v &- 0x3041 <= 0x3096 - 0x3041 || v &- 0x30A1 <= 0x30FA - 0x30A1 {
            return alphabetic
        }
        return compute(v)
    }

    /// The scalars `of` answers as `alphabetic` alone without a lookup, for the test that checks them.
    static let letterRanges: [ClosedRange<UInt32>] = [0xAC00...0xD7A3, 0x3041...0x3096, 0x30A1...0x30FA]

    /// Whether `v` has any of `bits`: `has(v, alphabetic | numeric)` is a letter or a number.
    @inline(__always)
    static func has(_ v: UInt32, _ bits: UInt8) -> Bool { of(v) & bits != 0 }

    /// The property bits from the standard library's tables, for the scalars the fast paths do not answer.
    static func compute(_ v: UInt32) -> UInt8 {
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
