/// A word or a mark of the text the framing analyzer scans: where it lies, its case-folded hash
/// (`WordHash`) and what kind of word it is.
struct FramingToken: Sendable {
    /// What a token is and where it stands.
    struct Flags: OptionSet, Sendable {
        let rawValue: UInt8
        /// Letters or digits (otherwise a mark: `!` or `?`).
        static let word = Flags(rawValue: 1 << 0)
        /// Digits only, with separators: `12,000`, `3.5`, `7-2`.
        static let number = Flags(rawValue: 1 << 1)
        /// Two or more letters, every one a capital.
        static let allCaps = Flags(rawValue: 1 << 2)
        /// Inside quotation marks.
        static let quoted = Flags(rawValue: 1 << 3)
        /// Punctuation stands between it and the token before, so no phrase spans the two.
        static let breakBefore = Flags(rawValue: 1 << 4)
        /// One or more exclamation marks.
        static let exclamation = Flags(rawValue: 1 << 5)
        /// One or more question marks.
        static let question = Flags(rawValue: 1 << 6)
    }

    /// The offset of its first scalar.
    var start: Int
    /// The offset after its last scalar.
    var end: Int
    /// The word's case-folded hash (`WordHash.word` of its text); 0 for a mark.
    var hash: UInt64
    var flags: Flags

    /// Whether it is a word.
    var isWord: Bool { flags.contains(.word) }
}
