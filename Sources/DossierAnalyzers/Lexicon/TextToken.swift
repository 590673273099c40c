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
    // Offsets as 32 bits (articles are capped far below 2³¹ scalars), the length and the shape
    // packed in one more: 16 bytes a token, where a start, an end and a shape took 24 with
    // padding; `sources` holds one for every word of the article.
    private var first: UInt32
    /// The length in the low `lengthBits`, the shape above.
    private var lengthAndShape: UInt32

    /// The bits of the length: the tokenizer ends a word at `maxLength` scalars (a word of 134
    /// million letters is no word of any language, and no lexicon holds one).
    static let lengthBits: UInt32 = 27
    /// The longest token.
    static let maxLength = (1 << Int(lengthBits)) - 1

    /// What it looks like.
    var shape: Shape { Shape(rawValue: UInt8(truncatingIfNeeded: lengthAndShape >> Self.lengthBits)) }

    /// The first scalar offset.
    var start: Int {
        @inline(__always) get { Int(first) }
    }
    /// One past the last scalar offset.
    var end: Int {
        @inline(__always) get { Int(first) &+ Int(lengthAndShape & UInt32(Self.maxLength)) }
    }

    init(start: Int, end: Int, hash: UInt64, shape: Shape) {
        precondition(end >= start && end - start <= Self.maxLength, "a token of \(end - start) scalars")
        self.hash = hash
        first = UInt32(truncatingIfNeeded: start)
        lengthAndShape = UInt32(end - start) | UInt32(shape.rawValue) << Self.lengthBits
    }

    /// The token's range.
    var range: TextRange { TextRange(start: start, end: end) }
}
