/// Hashes of words and word sequences, case-folded, shared by the gazetteer tables and the scanner.
///
/// A word hashes its lowercased letters with 64-bit FNV-1a, skipping periods so that `U.S.` and
/// `US` meet; a sequence folds its words' hashes in order. Both are computed without allocating.
enum WordHash {
    static let offset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0100_0000_01b3

    /// One scalar folded into a running word hash; periods are skipped.
    @inline(__always)
    static func add(_ hash: UInt64, _ value: UInt32) -> UInt64 {
        if value == 0x2E { return hash }
        return (hash ^ UInt64(lower(value))) &* prime
    }

    /// The lowercase of a scalar for hashing: ASCII and Latin-1 exactly, other scripts through
    /// the Unicode mapping when it is a single scalar.
    @inline(__always)
    static func lower(_ value: UInt32) -> UInt32 {
        if value < 0x80 { return (value &- 0x41) < 26 ? value | 0x20 : value }
        if value >= 0xC0 && value <= 0xDE && value != 0xD7 { return value + 0x20 }
        if value < 0x100 { return value }
        // Typographic apostrophe reads as the ASCII one.
        if value == 0x2019 { return 0x27 }
        guard ScalarProperties.has(value, ScalarProperties.uppercase), let scalar = Unicode.Scalar(value) else { return value }
        let mapped = scalar.properties.lowercaseMapping.unicodeScalars
        return mapped.count == 1 ? mapped.first!.value : value
    }

    /// The hash of a whole word given as a string.
    static func word(_ text: some StringProtocol) -> UInt64 {
        var h = offset
        for s in text.unicodeScalars { h = add(h, s.value) }
        return h
    }

    /// Folds the next word's hash into a sequence hash.
    @inline(__always)
    static func combine(_ sequence: UInt64, _ word: UInt64) -> UInt64 {
        (sequence ^ word) &* 0x9E37_79B9_7F4A_7C15 &+ 0x632B_E59B_D9B4_E019
    }

    /// The seed of a sequence hash.
    static let sequenceSeed: UInt64 = 0x2545_F491_4F6C_DD1D
}
