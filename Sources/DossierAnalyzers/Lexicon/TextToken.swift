import DossierCore

/// A word, number or meaningful symbol of an article, as the lexicon-driven analyzers (claims,
/// sources) see it: a range and a case-folded hash, so matching needs no string.
struct TextToken: Sendable {
    /// What a token looks like, as bits.
    struct Shape: OptionSet, Sendable {
        let rawValue: UInt8
        /// The first scalar is an uppercase letter.
        static let capitalized = Shape(rawValue: 1)
        /// Every letter is uppercase and there are at least two.
        static let allCaps = Shape(rawValue: 2)
        /// It holds a digit.
        static let digit = Shape(rawValue: 4)
        /// A symbol token: `%`, `$`, `€`, `£`, `?`, `!`, `(`, `)`, `@`, `—` and the like.
        static let symbol = Shape(rawValue: 8)
        /// It holds a letter.
        static let letter = Shape(rawValue: 16)
    }

    /// The first scalar offset.
    var start: Int
    /// One past the last scalar offset.
    var end: Int
    /// The FNV-1a hash of the case-folded scalars (`WordTable.hash` of the same word).
    var hash: UInt64
    /// What it looks like.
    var shape: Shape

    /// The token's range.
    var range: TextRange { TextRange(start: start, end: end) }
}
