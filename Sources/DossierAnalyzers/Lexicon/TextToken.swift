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

    /// The FNV-1a hash of the case-folded scalars (`WordTable.hash` of the same word).
    var hash: UInt64
    // Offsets as 32 bits (articles are capped far below 2³¹ scalars): 16 bytes a token instead of
    // 32, since `sources` holds one for every word of the article.
    private var first: UInt32
    private var past: UInt32
    /// What it looks like.
    var shape: Shape

    /// The first scalar offset.
    var start: Int {
        @inline(__always) get { Int(first) }
        set { first = UInt32(newValue) }
    }
    /// One past the last scalar offset.
    var end: Int {
        @inline(__always) get { Int(past) }
        set { past = UInt32(newValue) }
    }

    init(start: Int, end: Int, hash: UInt64, shape: Shape) {
        self.hash = hash
        first = UInt32(truncatingIfNeeded: start)
        past = UInt32(truncatingIfNeeded: end)
        self.shape = shape
    }

    /// The token's range.
    var range: TextRange { TextRange(start: start, end: end) }
}
