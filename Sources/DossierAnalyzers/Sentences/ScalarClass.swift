import DossierCore

/// Character classes the sentence scanner asks about, with an ASCII fast path.
///
/// Unicode property lookups are comparatively slow, and almost every scalar of English news text
/// is ASCII, so each test answers ASCII directly and consults the properties only beyond it.
enum ScalarClass {
    static func isSpace(_ c: Unicode.Scalar) -> Bool { c.isSpace }

    static func isLetter(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 { return (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") }
        return ScalarProperties.has(c.value, ScalarProperties.alphabetic)
    }

    static func isUpper(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 { return c >= "A" && c <= "Z" }
        return ScalarProperties.has(c.value, ScalarProperties.uppercase | ScalarProperties.titlecase)
    }

    static func isLower(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 { return c >= "a" && c <= "z" }
        return ScalarProperties.has(c.value, ScalarProperties.lowercase)
    }

    static func isDigit(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 { return c >= "0" && c <= "9" }
        return ScalarProperties.has(c.value, ScalarProperties.decimal)
    }

    /// Marks that may follow a terminator and still belong to the sentence it ends.
    static func isCloser(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "\"", "'", ")", "]", "}", "\u{201D}", "\u{2019}", "\u{00BB}", "\u{203A}": return true
        default: return false
        }
    }

    /// Marks that may precede the first word of a sentence.
    static func isOpener(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "\"", "'", "(", "[", "{", "\u{201C}", "\u{2018}", "\u{00AB}", "\u{2039}", "\u{00BF}", "\u{00A1}": return true
        default: return false
        }
    }

    /// Marks at which a word preceding a period starts, scanning backwards.
    static func isWordBoundary(_ c: Unicode.Scalar) -> Bool {
        if isSpace(c) { return true }
        switch c {
        case "\"", "(", "[", "{", "\u{201C}", "\u{2018}", "\u{00AB}", "\u{2014}", "\u{2013}": return true
        default: return false
        }
    }

    static func isExclamationOrQuestion(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "?", "!", "\u{203C}", "\u{2047}", "\u{2048}", "\u{2049}", "\u{FF01}", "\u{FF1F}": return true
        default: return false
        }
    }

    /// Bullets that mark a list item even when a number follows without a space.
    static func isBullet(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "\u{2022}", "\u{25E6}", "\u{25AA}", "\u{2023}", "\u{2043}", "\u{25CF}", "\u{25A0}", "\u{25BA}", "\u{27A2}": return true
        default: return false
        }
    }

    /// Marks that start a list item only when a space follows, since they also appear inside prose.
    static func isDashBullet(_ c: Unicode.Scalar) -> Bool {
        c == "-" || c == "*" || c == "\u{2013}"
    }
}
