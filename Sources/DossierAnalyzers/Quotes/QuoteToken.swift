/// A word or a punctuation mark near a quotation, as the attribution rules read it.
///
/// Tokens are made only around quotation marks and reporting verbs, never for a whole article.
struct QuoteToken: Sendable {
    /// The offset of the first scalar.
    var start: Int
    /// The offset after the last scalar.
    var end: Int
    /// The FNV hash of the lowercased word; 0 for punctuation.
    var hash: UInt64
    /// The scalar value of a punctuation mark, or of a word's first scalar.
    var first: UInt32
    /// Whether the token is a word (letters and digits, with inner apostrophes, hyphens and periods).
    var isWord: Bool
    /// Whether a word starts with a capital letter.
    var isCapitalized: Bool

    /// Whether the token is the punctuation mark `v`.
    func isMark(_ v: UInt32) -> Bool { !isWord && first == v }

    /// Whether the token is a comma, a dash or a colon: the marks that may stand between quoted words and their attribution.
    var isLink: Bool { !isWord && (first == 0x2C || first == 0x2014 || first == 0x2013 || first == 0x2D || first == 0x3A) }

    /// Whether the token ends a clause for the speaker rules: any punctuation but a period inside a name.
    var isBreak: Bool { !isWord }
}
