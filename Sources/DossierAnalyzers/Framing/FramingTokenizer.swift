import DossierCore

/// Splits a range of the text into the framing analyzer's tokens, reading the code units
/// directly and hashing each word as it goes, so nothing is allocated per word.
///
/// A word is a run of letters and digits, joined across an apostrophe or hyphen between two such
/// scalars (`here's`, `u-turn`, `7-2`) and across a comma or period between digits (`12,000`).
/// Quotation marks (`“ ” " « »`) set and clear the quoted state; any other non-space scalar is a
/// break that no lexicon phrase spans. Runs of `!` and of `?` become mark tokens.
enum FramingTokenizer {
    /// Replaces `tokens` with the tokens of `range`.
    static func tokenize<U: FixedWidthInteger & UnsignedInteger>(
        _ units: ScalarBuffer.Units<U>, _ range: Range<Int>, quoted startsQuoted: Bool = false, into tokens: inout [FramingToken]
    ) {
        tokens.removeAll(keepingCapacity: true)
        var i = range.lowerBound
        let end = range.upperBound
        var quoted = startsQuoted
        var pendingBreak = true
        while i < end {
            let v = UInt32(units[i])
            if isWordScalar(v) {
                let start = i
                var hash = WordHash.offset
                var upper = 0
                var lower = 0
                var digits = 0
                var length = 0
                while i < end {
                    let c = UInt32(units[i])
                    // The folded value hashed, as `WordHash.add` folds it, with the letter classes counted on the way.
                    var folded = c
                    if c &- 0x61 < 26 {
                        lower += 1
                    } else if c &- 0x41 < 26 {
                        upper += 1
                        folded = c | 0x20
                    } else if c &- 0x30 < 10 {
                        digits += 1
                    } else if !isWordScalar(c) {
                        guard i + 1 < end, length > 0 else { break }
                        let next = UInt32(units[i + 1])
                        let joins =
                            ((c == 0x27 || c == 0x2019 || c == 0x2D) && isWordScalar(next))
                            || ((c == 0x2C || c == 0x2E) && digits == length && next &- 0x30 < 10)
                        guard joins else { break }
                        folded = c == 0x2019 ? 0x27 : c
                    } else if c >= 0xC0 && c <= 0xDE && c != 0xD7 {
                        upper += 1
                        folded = c + 0x20
                    } else if c >= 0xDF && c <= 0xFF && c != 0xF7 {
                        lower += 1
                    } else {
                        folded = WordHash.lower(c)
                    }
                    if c != 0x2E { hash = (hash ^ UInt64(folded)) &* WordHash.prime }
                    length += 1
                    i += 1
                }
                var flags: FramingToken.Flags = .word
                if digits > 0 && upper == 0 && lower == 0 { flags.insert(.number) }
                if upper >= 2 && lower == 0 { flags.insert(.allCaps) }
                if quoted { flags.insert(.quoted) }
                if pendingBreak { flags.insert(.breakBefore) }
                pendingBreak = false
                tokens.append(FramingToken(start: start, end: i, hash: hash, flags: flags))
                continue
            }
            switch v {
            case 0x201C, 0xAB: quoted = true
            case 0x201D, 0xBB: quoted = false
            case 0x22: quoted.toggle()
            case 0x21, 0x3F:
                let start = i
                while i + 1 < end && UInt32(units[i + 1]) == v { i += 1 }
                var flags: FramingToken.Flags = v == 0x21 ? .exclamation : .question
                if quoted { flags.insert(.quoted) }
                tokens.append(FramingToken(start: start, end: i + 1, hash: 0, flags: flags))
            default: break
            }
            if !isSpace(v) { pendingBreak = true }
            i += 1
        }
    }

    /// Whether a scalar is a letter or a digit: ASCII and Latin exactly, other scripts through
    /// their Unicode properties.
    @inline(__always) static func isWordScalar(_ v: UInt32) -> Bool {
        if v < 0x80 { return (v | 0x20) &- 0x61 < 26 || v &- 0x30 < 10 }
        if v < 0x250 { return v >= 0xC0 && v != 0xD7 && v != 0xF7 }
        // General Punctuation (curly quotes, dashes, spaces): common in news, never a letter.
        if v >= 0x2000 && v <= 0x206F { return false }
        return ScalarProperties.has(v, ScalarProperties.alphabetic | ScalarProperties.numeric)
    }

    @inline(__always) static func isSpace(_ v: UInt32) -> Bool {
        v == 0x20 || (v >= 0x09 && v <= 0x0D) || v == 0xA0 || (v >= 0x2000 && v <= 0x200B) || v == 0x202F || v == 0x3000
    }

    /// The hash of a word's stem, for finding a headline's words in the body: the word without a
    /// possessive `'s` or one common ending (`-ies`, `-ing`, `-ed`, `-es`, `-s`, `-e`, `-y`, and
    /// a doubled consonant before `-ing`/`-ed`), so `slams`, `slammed` and `slam` meet, as do
    /// `votes`, `voted`, `voting` and `vote`. Numbers are kept whole.
    static func stemHash<U: FixedWidthInteger & UnsignedInteger>(_ units: ScalarBuffer.Units<U>, _ token: FramingToken) -> UInt64 {
        let n = token.end - token.start
        if token.flags.contains(.number) || n < 3 { return token.hash }
        // The last five scalars, lower-cased, last first (0 past the word's start).
        var last: (UInt32, UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0, 0)
        last.0 = WordHash.lower(UInt32(units[token.end - 1]))
        last.1 = WordHash.lower(UInt32(units[token.end - 2]))
        last.2 = WordHash.lower(UInt32(units[token.end - 3]))
        if n > 3 { last.3 = WordHash.lower(UInt32(units[token.end - 4])) }
        if n > 4 { last.4 = WordHash.lower(UInt32(units[token.end - 5])) }
        let (c1, c2, c3, c4, c5) = last
        // A doubled consonant before an ending: "slamm|ed", "runn|ing".
        @inline(__always) func doubled(_ a: UInt32, _ b: UInt32) -> Bool {
            a == b && a &- 0x61 < 26 && a != 0x61 && a != 0x65 && a != 0x69 && a != 0x6F && a != 0x75 && a != 0x73 && a != 0x6C
                && a != 0x7A
        }
        let s: UInt32 = 0x73
        let e: UInt32 = 0x65
        var cut = 0
        if c1 == s && c2 == 0x27 {
            cut = 2
        } else if n >= 6 && c1 == s && c2 == e && c3 == 0x69 {
            cut = 3
        } else if n >= 6 && c1 == 0x67 && c2 == 0x6E && c3 == 0x69 {
            cut = doubled(c4, c5) ? 4 : 3
        } else if n >= 5 && c2 == e && c1 == 0x64 {
            cut = doubled(c3, c4) ? 3 : 2
        } else if n >= 5 && c2 == e && c1 == s {
            cut = 2
        } else if n >= 4 && c1 == s && c2 != s {
            cut = 1
        } else if n >= 4 && (c1 == e || c1 == 0x79) {
            cut = 1
        }
        if cut == 0 { return token.hash }
        var hash = WordHash.offset
        for j in token.start..<(token.end - cut) { hash = WordHash.add(hash, UInt32(units[j])) }
        return hash
    }
}
