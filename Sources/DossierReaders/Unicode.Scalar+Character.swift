extension Unicode.Scalar {
    /// Whether the scalar is always a grapheme cluster of its own, so that a `Character` made of
    /// it has exactly its properties.
    ///
    /// True below U+0300 (Latin, without the combining marks), in Greek and Cyrillic (without
    /// theirs, U+0483–U+0489), Latin Extended Additional, General Punctuation apart from the
    /// zero-width joiners, and the currency, letterlike, number-form, arrow and mathematical
    /// blocks (U+20A0–U+20CF, U+2100–U+22FF), and the scalars of Chinese, Japanese and Korean
    /// text (below): the scalars of nearly all English text, curly quotes, dashes, `€` and `№`
    /// included. No scalar there joins its neighbours into a cluster
    /// (a combining mark after one is caught as a scalar of its own). Line-shape questions are
    /// answered scalar by scalar over such text and fall back to `Character` for the rest, so
    /// that both give the same answers.
    var isOwnGrapheme: Bool {
        switch value {
        case 0..<0x300, 0x370..<0x483, 0x48A..<0x530, 0x1E00..<0x1F00, 0x20A0..<0x20D0, 0x2100..<0x2300: return true
        case 0x2000..<0x2070: return value != 0x200C && value != 0x200D
        // CJK punctuation, kana, ideographs, Hangul syllables and the full-width forms, without
        // the combining marks among them (U+302A–U+302F, the kana voicing marks U+3099–U+309A and
        // their half-width forms U+FF9E–U+FF9F).
        case 0x3000..<0x302A, 0x3030..<0x3099, 0x309B..<0x3100, 0x3400..<0x4DC0, 0x4E00..<0xA000, 0xAC00..<0xD7A4,
            0xFF00..<0xFF9E:
            return true
        default: return false
        }
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
        // Neither cased nor changed by lower-casing (every kana and ideograph): not uppercase,
        // answered without building the strings below.
        if !properties.isCased && !properties.changesWhenLowercased { return false }
        let own = String(Character(self))
        guard properties.uppercaseMapping == own else { return false }
        return properties.isCased || properties.lowercaseMapping != own
    }
}
