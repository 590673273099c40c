/// The Unicode properties the analyzers' scanners ask about, as bits in a table for the scalars
/// below U+3000 (Latin, Greek, Cyrillic, the other alphabets of news text, and General
/// Punctuation's curly quotes and dashes), in a second table for CJK text up to U+9FFF, and from
/// `Unicode.Scalar.Properties` above it.
///
/// A property lookup walks the standard library's tries; news text is full of `’`, `“` and `—`,
/// and on real articles those lookups were a tenth of the default pipeline's time. The first
/// table is 12 KB, built once per process on first use (about a millisecond); the second is built
/// only in a process that reads CJK text.
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
    /// CJK punctuation, kana and ideographs (U+3000–U+9FFF), 28 KB built on the first scalar
    /// there: a Chinese or Japanese article would otherwise cost several trie walks a scalar in
    /// every tokenizer (some ideographs are numbers, so they are not all answered as letters).
    private static let wideLimit: UInt32 = 0xA000
    private static let wideTable: [UInt8] = (limit..<wideLimit).map { compute($0) }

    /// The property bits of scalar value `v` (0 for a value that is not a scalar).
    @inline(__always)
    static func of(_ v: UInt32) -> UInt8 {
        if v < limit { return table.withUnsafeBufferPointer { $0[Int(v)] } }
        return wide(v)
    }

    private static func wide(_ v: UInt32) -> UInt8 {
        if v < wideLimit { return wideTable.withUnsafeBufferPointer { $0[Int(v - limit)] } }
        // Hangul syllables are letters of no case and no number. A test checks the range.
        if v &- 0xAC00 <= 0xD7A3 - 0xAC00 { return alphabetic }
        return compute(v)
    }

    /// The scalars `of` answers as `alphabetic` alone without a lookup, for the test that checks them.
    static let letterRanges: [ClosedRange<UInt32>] = [0xAC00...0xD7A3]

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
