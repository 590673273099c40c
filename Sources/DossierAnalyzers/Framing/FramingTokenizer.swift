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
        _ units: UnsafeBufferPointer<U>, _ range: Range<Int>, quoted startsQuoted: Bool = false, into tokens: inout [FramingToken]
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
                    if !isWordScalar(c) {
                        guard i + 1 < end, length > 0 else { break }
                        let next = UInt32(units[i + 1])
                        let joins =
                            ((c == 0x27 || c == 0x2019 || c == 0x2D) && isWordScalar(next))
                            || ((c == 0x2C || c == 0x2E) && digits == length && next &- 0x30 < 10)
                        guard joins else { break }
                    } else if c &- 0x41 < 26 || (c >= 0xC0 && c <= 0xDE && c != 0xD7) {
                        upper += 1
                    } else if c &- 0x61 < 26 || (c >= 0xDF && c <= 0xFF && c != 0xF7) {
                        lower += 1
                    } else if c &- 0x30 < 10 {
                        digits += 1
                    }
                    hash = WordHash.add(hash, c)
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
        guard let scalar = Unicode.Scalar(v) else { return false }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    @inline(__always) static func isSpace(_ v: UInt32) -> Bool {
        v == 0x20 || (v >= 0x09 && v <= 0x0D) || v == 0xA0 || (v >= 0x2000 && v <= 0x200B) || v == 0x202F || v == 0x3000
    }

    /// The hash of a word's stem, for finding a headline's words in the body: the word without a
    /// possessive `'s` or one common ending (`-ies`, `-ing`, `-ed`, `-es`, `-s`, `-e`, `-y`, and
    /// a doubled consonant before `-ing`/`-ed`), so `slams`, `slammed` and `slam` meet, as do
    /// `votes`, `voted`, `voting` and `vote`. Numbers are kept whole.
    static func stemHash<U: FixedWidthInteger & UnsignedInteger>(_ units: UnsafeBufferPointer<U>, _ token: FramingToken) -> UInt64 {
        let n = token.end - token.start
        if token.flags.contains(.number) || n < 3 { return token.hash }
        func at(_ k: Int) -> UInt32 { WordHash.lower(UInt32(units[token.end - k])) }
        func ends(_ s: StaticString) -> Bool {
            let count = s.utf8CodeUnitCount
            guard count <= n else { return false }
            return s.withUTF8Buffer { b in (0..<count).allSatisfy { at(count - $0) == UInt32(b[$0]) } }
        }
        func doubled(_ k: Int) -> Bool {
            guard n > k + 1 else { return false }
            let a = at(k + 1)
            return a == at(k + 2) && a &- 0x61 < 26 && !"aeiouslz".unicodeScalars.contains { $0.value == a }
        }
        var cut = 0
        if ends("'s") {
            cut = 2
        } else if n >= 6 && ends("ies") {
            cut = 3
        } else if n >= 6 && ends("ing") {
            cut = doubled(3) ? 4 : 3
        } else if n >= 5 && ends("ed") {
            cut = doubled(2) ? 3 : 2
        } else if n >= 5 && ends("es") {
            cut = 2
        } else if n >= 4 && ends("s") && !ends("ss") {
            cut = 1
        } else if n >= 4 && (ends("e") || ends("y")) {
            cut = 1
        }
        if cut == 0 { return token.hash }
        var hash = WordHash.offset
        for j in token.start..<(token.end - cut) { hash = WordHash.add(hash, UInt32(units[j])) }
        return hash
    }
}
