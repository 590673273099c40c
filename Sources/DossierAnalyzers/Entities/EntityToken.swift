/// One word or punctuation mark of the text, as the entity scanner sees it: offsets, a case-folded
/// hash and a few shape flags, with no string.
struct EntityToken {
    /// Shape flags.
    struct Flags: OptionSet {
        let rawValue: UInt16
        /// Letters or digits.
        static let word = Flags(rawValue: 1 << 0)
        /// Starts with an uppercase letter.
        static let capitalized = Flags(rawValue: 1 << 1)
        /// Two or more letters, every one uppercase (`NATO`, `U.S.`).
        static let allCaps = Flags(rawValue: 1 << 2)
        /// Holds a digit.
        static let digit = Flags(rawValue: 1 << 3)
        /// The possessive `'s` (or a lone `'` after a plural).
        static let possessive = Flags(rawValue: 1 << 4)
        /// A comma.
        static let comma = Flags(rawValue: 1 << 5)
        /// An opening quotation mark or bracket, after which a word starts a sentence again.
        static let opener = Flags(rawValue: 1 << 6)
        /// A single uppercase letter with its period, as in `J. K.`.
        static let initial = Flags(rawValue: 1 << 7)
        /// Holds a lowercase letter.
        static let lowercase = Flags(rawValue: 1 << 8)
        /// `&`.
        static let ampersand = Flags(rawValue: 1 << 9)
        /// Any other punctuation that breaks a name: `.`, `;`, `:`, `!`, `?`, closing quotes, dashes.
        static let breaker = Flags(rawValue: 1 << 10)
        /// A capitalised word joined by a hyphen to a lowercase one (`Russian-occupied`): an adjective, not a name.
        static let compound = Flags(rawValue: 1 << 11)
    }

    /// Where the token starts, in scalars.
    var start: Int32
    /// Where it ends.
    var end: Int32
    /// The case-folded hash of its letters (`WordHash`).
    var hash: UInt64
    /// Its shape.
    var flags: Flags

    @inline(__always) func has(_ flag: Flags) -> Bool { flags.contains(flag) }
    /// A word that starts with an uppercase letter.
    var isCapitalizedWord: Bool { flags.contains([.word, .capitalized]) && !flags.contains(.compound) }
    /// A word written in lowercase.
    var isLowercaseWord: Bool { flags.contains(.word) && !flags.contains(.capitalized) && !flags.contains(.digit) }
}
