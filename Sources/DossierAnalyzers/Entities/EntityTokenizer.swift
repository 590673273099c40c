import DossierCore

/// Splits a span of scalars into `EntityToken`s, specialised per code-unit width like the
/// sentence scanner; ASCII goes through a table, other scripts through Unicode properties.
enum EntityTokenizer {
    /// Appends the tokens of `range` in `scalars` to `tokens`.
    static func tokenize(_ scalars: ScalarBuffer, range: Range<Int>, into tokens: inout [EntityToken]) {
        switch scalars.width {
        case 1: scalars.withUnits(as: UInt8.self) { tokenize($0, range: range, into: &tokens) }
        case 2: scalars.withUnits(as: UInt16.self) { tokenize($0, range: range, into: &tokens) }
        default: scalars.withUnits(as: UInt32.self) { tokenize($0, range: range, into: &tokens) }
        }
    }

    /// 1 lowercase letter, 2 uppercase letter, 3 digit, 0 anything else.
    @inline(__always)
    private static func kind(_ v: UInt32) -> UInt8 {
        if v < 0x80 {
            if v &- 0x61 < 26 { return 1 }
            if v &- 0x41 < 26 { return 2 }
            return v &- 0x30 < 10 ? 3 : 0
        }
        // Latin-1 letters, then the punctuation and spaces of news text, without a property lookup.
        if v < 0x100 { return v < 0xC0 || v == 0xD7 || v == 0xF7 ? 0 : v < 0xDF ? 2 : 1 }
        if v >= 0x2000 && v < 0x2070 { return 0 }
        let p = ScalarProperties.of(v)
        if p & ScalarProperties.uppercase != 0 { return 2 }
        if p & ScalarProperties.alphabetic != 0 { return 1 }
        if p & ScalarProperties.numeric != 0 { return 3 }
        // Combining marks continue a word.
        if p & ScalarProperties.nonspacingMark != 0 { return 1 }
        return 0
    }

    @inline(__always)
    private static func isApostrophe(_ v: UInt32) -> Bool { v == 0x27 || v == 0x2019 }

    @inline(__always)
    private static func endsWord(_ c: UInt32, length: Int) -> Bool {
        // Below 64: all but the digits, `-` and `'` (which may join a word) and `.` (which may
        // follow an initial); from 64: all but the letters.
        let endsBelow64: UInt64 = ~(0x03FF << 0x30 | 1 << 0x2D | 1 << 0x27 | 1 << 0x2E)
        let endsFrom64: UInt64 = ~(0x03FF_FFFF << 1 | 0x03FF_FFFF << 33)
        if c < 64 { return endsBelow64 >> UInt64(c) & 1 != 0 || (c == 0x2E && length > 1) }
        return endsFrom64 >> UInt64(c - 64) & 1 != 0
    }

    /// How many tokens are gathered before they go into the caller's array: an append per token
    /// checked the array's uniqueness and capacity every time, a tenth of the tokenizer.
    private static let batch = 64

    private static func tokenize<U: FixedWidthInteger & UnsignedInteger>(
        _ units: ScalarBuffer.Units<U>, range: Range<Int>, into tokens: inout [EntityToken]
    ) {
        withUnsafeTemporaryAllocation(of: EntityToken.self, capacity: batch) { buffer in
            var pending = 0
            func append(_ token: EntityToken) {
                if pending == batch {
                    tokens.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<pending]))
                    pending = 0
                }
                buffer.initializeElement(at: pending, to: token)
                pending += 1
            }
            scan(units, range: range, append: append)
            tokens.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<pending]))
        }
    }

    @inline(__always)
    private static func scan<U: FixedWidthInteger & UnsignedInteger>(
        _ units: ScalarBuffer.Units<U>, range: Range<Int>, append: (EntityToken) -> Void
    ) {
        var i = max(0, range.lowerBound)
        let end = min(range.upperBound, units.count)
        let raw = units.raw
        while i < end {
            let v = UInt32(truncatingIfNeeded: units[i])
            // Most words: ASCII letters up to a space or an ASCII mark that ends a word by itself,
            // taken with few live values; any other word is read again by the general loop below.
            if v < 0x80, (v | 0x20) &- 0x61 < 26 {
                var j = i
                var h = WordHash.offset
                var lowercase = 0
                while j < end {
                    let u = UInt32(truncatingIfNeeded: raw[j])
                    let folded = u | 0x20
                    guard folded &- 0x61 < 26 else { break }
                    lowercase &+= Int(u >> 5 & 1)
                    h = (h ^ UInt64(folded)) &* WordHash.prime
                    j &+= 1
                }
                let length = j - i
                let next = j < end ? UInt32(truncatingIfNeeded: raw[j]) : 0x20
                if length < EntityToken.maxLength && next < 0x80 && Self.endsWord(next, length: length) {
                    var flags: EntityToken.Flags = .word
                    if v & 0x20 == 0 { flags.insert(.capitalized) }
                    if lowercase > 0 { flags.insert(.lowercase) }
                    if lowercase == 0 && length >= 2 { flags.insert(.allCaps) }
                    append(EntityToken(start: Int32(i), end: Int32(j), hash: h, flags: flags))
                    i = j &+ (next == 0x20 && j < end ? 1 : 0)
                    continue
                }
            }
            let k = kind(v)
            if k != 0 {
                let start = i
                var hash = WordHash.offset
                var flags: EntityToken.Flags = .word
                if k == 2 { flags.insert(.capitalized) }
                var uppers = 0
                var lowers = 0
                var singleLetterSegment = true
                var segmentLength = 0
                // A word ends at the longest token, so that a token's length fits in its 20 bits.
                let wordEnd = min(end, start + EntityToken.maxLength)
                while i < wordEnd {
                    // A run of ASCII letters, most of the text, in a loop of its own that keeps the
                    // hash in a register (a code unit below 0x80 is never an out-of-line marker;
                    // `u | 0x20` is the lowercase of a letter, and bit 5 tells a lowercase one).
                    var j = i
                    var h = hash
                    var lowercase = 0
                    while j < wordEnd {
                        let u = UInt32(truncatingIfNeeded: raw[j])
                        let folded = u | 0x20
                        guard folded &- 0x61 < 26 else { break }
                        lowercase &+= Int(u >> 5 & 1)
                        h = (h ^ UInt64(folded)) &* WordHash.prime
                        j &+= 1
                    }
                    if j > i {
                        lowers += lowercase
                        uppers += j - i - lowercase
                        segmentLength += j - i
                        if segmentLength > 1 { singleLetterSegment = false }
                        hash = h
                        i = j
                        // A space, the usual end of a word, ends it without the questions below.
                        guard i < wordEnd, raw[i] != 0x20 else { break }
                    }
                    let c = UInt32(truncatingIfNeeded: units[i])
                    let ck = kind(c)
                    if ck != 0 {
                        if ck == 2 { uppers += 1 } else if ck == 1 { lowers += 1 } else { flags.insert(.digit) }
                        hash = WordHash.add(hash, c)
                        segmentLength += 1
                        if segmentLength > 1 { singleLetterSegment = false }
                        i += 1
                        continue
                    }
                    // A hyphen, an apostrophe other than a possessive, or a period between
                    // single letters (U.S.) stays inside the word. The next scalar is read only
                    // after a hyphen or an apostrophe, not after every word.
                    if i + 1 < end && (c == 0x2D || isApostrophe(c)) {
                        let next = UInt32(truncatingIfNeeded: units[i + 1])
                        let nk = kind(next)
                        if c == 0x2D && nk != 0 {
                            if nk == 1 && k == 2 { flags.insert(.compound) }
                            hash = WordHash.add(hash, c)
                            i += 1
                            segmentLength = 0
                            continue
                        }
                        if isApostrophe(c) && (nk == 1 || nk == 2)
                            && !(next == 0x73 && (i + 2 >= end || kind(UInt32(truncatingIfNeeded: units[i + 2])) == 0))
                        {
                            hash = WordHash.add(hash, 0x27)
                            i += 1
                            continue
                        }
                    }
                    if c == 0x2E && singleLetterSegment && segmentLength == 1 && k == 2 {
                        // U.S., J. — keep the period; a word of single letters and periods.
                        i += 1
                        segmentLength = 0
                        if i < end && kind(UInt32(truncatingIfNeeded: units[i])) == 2 && i + 1 < end
                            && UInt32(truncatingIfNeeded: units[i + 1]) == 0x2E
                        {
                            continue
                        }
                        break
                    }
                    break
                }
                if lowers > 0 { flags.insert(.lowercase) }
                if uppers >= 2 && lowers == 0 { flags.insert(.allCaps) }
                if uppers == 1 && lowers == 0 && i - start == 2 { flags.insert(.initial) }
                append(EntityToken(start: Int32(start), end: Int32(i), hash: hash, flags: flags))
                // The space after the word is skipped here, as the loop would skip it.
                if i < end && raw[i] == 0x20 { i += 1 }
                continue
            }
            if v == 0x20 || v == 0x0A || v == 0x09 || v == 0x0D || v == 0xA0 {
                i += 1
                continue
            }
            var flags: EntityToken.Flags = .breaker
            var tokenEnd = i + 1
            if isApostrophe(v) {
                // A possessive 's (also "Putin 's" from tokenised text) or a plural's lone apostrophe.
                if i + 1 < end, UInt32(truncatingIfNeeded: units[i + 1]) | 0x20 == 0x73,
                    i + 2 >= end || kind(UInt32(truncatingIfNeeded: units[i + 2])) == 0
                {
                    flags = .possessive
                    tokenEnd = i + 2
                } else if i > 0, UInt32(truncatingIfNeeded: units[i - 1]) == 0x73,
                    i + 1 >= end || kind(UInt32(truncatingIfNeeded: units[i + 1])) == 0
                {
                    flags = .possessive
                } else {
                    flags = .opener
                }
            } else {
                switch v {
                case 0x2C: flags = .comma
                // A straight double quote closes when it follows a word or punctuation ("…," Lund
                // said): only one after a space, a line break or the start opens.
                case 0x22:
                    let before = i > range.lowerBound ? UInt32(truncatingIfNeeded: units[i - 1]) : 0x20
                    flags = before == 0x20 || before == 0x0A || before == 0x09 || before == 0xA0 || before == 0x28 ? .opener : .breaker
                case 0x28, 0x5B, 0x201C, 0x2018, 0xAB: flags = .opener
                case 0x26: flags = .ampersand
                default: flags = .breaker
                }
            }
            append(EntityToken(start: Int32(i), end: Int32(tokenEnd), hash: 0, flags: flags))
            i = tokenEnd
        }
    }
}
