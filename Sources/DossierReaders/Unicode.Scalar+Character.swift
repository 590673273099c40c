extension Unicode.Scalar {
    /// Whether the scalar is always a grapheme cluster of its own, so that a `Character` made of
    /// it has exactly its properties.
    ///
    /// True below U+0300 (Latin, without the combining marks) and in General Punctuation apart
    /// from the zero-width joiners: the scalars of nearly all English text, curly quotes and dashes
    /// included. Line-shape questions are answered scalar by scalar over such text and fall back
    /// to `Character` for the rest, so that both give the same answers.
    var isOwnGrapheme: Bool {
        value < 0x300 || (value >= 0x2000 && value < 0x2070 && value != 0x200C && value != 0x200D)
    }

    /// U+2000–U+206F, the block of curly quotes, dashes and spaces: no scalar in it is a letter,
    /// a number or cased, so news text's commonest non-ASCII scalars skip the property tables.
    private var isGeneralPunctuation: Bool { value &- 0x2000 < 0x70 }

    /// `Character.isLetter` of the character made of this scalar alone.
    var isLetterCharacter: Bool {
        value < 0x80 ? (value | 0x20) &- 0x61 < 26 : !isGeneralPunctuation && properties.isAlphabetic
    }

    /// `Character.isNumber` of the character made of this scalar alone.
    var isNumberCharacter: Bool {
        value < 0x80 ? value &- 0x30 < 10 : !isGeneralPunctuation && properties.numericType != nil
    }

    /// `Character.isUppercase` of the character made of this scalar alone: an uppercase scalar,
    /// or a cased one that upper-casing leaves as it is (`ĸ`, `ª`).
    var isUppercaseCharacter: Bool {
        if value < 0x80 { return value &- 0x41 < 26 }
        if isGeneralPunctuation { return false }
        if properties.isUppercase { return true }
        let own = String(Character(self))
        guard properties.uppercaseMapping == own else { return false }
        return properties.isCased || properties.lowercaseMapping != own
    }
}
