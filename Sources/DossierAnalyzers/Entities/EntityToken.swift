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
    /// The length in its low 20 bits, the flags in the 12 above: a token takes 16 bytes instead
    /// of 24 (the recognizer keeps one per word of the document, 3.7 bytes a scalar of prose at 24).
    private var lengthAndFlags: UInt32
    /// The case-folded hash of its letters (`WordHash`).
    var hash: UInt64

    /// The longest token: the tokenizer ends a word there (a word of a million letters is not
    /// one of any language, and no list holds it).
    static let maxLength = (1 << 20) - 1

    init(start: Int32, end: Int32, hash: UInt64, flags: Flags) {
        precondition(end >= start && Int(end - start) <= Self.maxLength, "a token of \(end - start) scalars")
        self.start = start
        self.lengthAndFlags = UInt32(end - start) | UInt32(flags.rawValue) << 20
        self.hash = hash
    }

    /// Where it ends.
    var end: Int32 { start &+ Int32(lengthAndFlags & 0xF_FFFF) }
    /// Its shape.
    var flags: Flags { Flags(rawValue: UInt16(truncatingIfNeeded: lengthAndFlags >> 20)) }

    @inline(__always) func has(_ flag: Flags) -> Bool { flags.contains(flag) }
    /// A word that starts with an uppercase letter.
    var isCapitalizedWord: Bool { flags.contains([.word, .capitalized]) && !flags.contains(.compound) }
    /// A word written in lowercase.
    var isLowercaseWord: Bool { flags.contains(.word) && !flags.contains(.capitalized) && !flags.contains(.digit) }
}
