import DossierCore

/// Splits text into `TextToken`s without building strings.
///
/// A word is a run of letters and digits; an apostrophe or hyphen between two letters and a
/// period or comma between two digits stay inside it (`don't`, `self-reliance`, `4.1`,
/// `10,000`). Symbols that carry meaning for claims and sources (`%`, currency signs, `?`, `!`,
/// `@`, brackets, dashes) are tokens of their own; other punctuation only separates.
enum TextTokenizer {
    /// Appends the tokens of `units[range]` to `tokens`.
    static func tokenize<U: FixedWidthInteger & UnsignedInteger>(
        _ units: ScalarBuffer.Units<U>, range: Range<Int>, into tokens: inout [TextToken]
    ) {
        var i = range.lowerBound
        let end = min(range.upperBound, units.count)
        while i < end {
            let v = UInt32(truncatingIfNeeded: units[i])
            let cls = Self.classify(v)
            if cls == .other {
                i += 1
                continue
            }
            if cls == .symbol {
                tokens.append(TextToken(start: i, end: i + 1, hash: WordTable.mix(WordTable.seed, WordTable.fold(v)), shape: .symbol))
                i += 1
                continue
            }
            let start = i
            var hash = WordTable.seed
            var shape: TextToken.Shape = []
            var uppers = 0
            var lowers = 0
            // A word ends at the longest token, so that its length fits the token's bits.
            let wordEnd = min(end, start + TextToken.maxLength)
            while i < wordEnd {
                let u = UInt32(truncatingIfNeeded: units[i])
                let c = Self.classify(u)
                if c == .letter || c == .digit {
                    if c == .digit {
                        shape.insert(.digit)
                    } else {
                        shape.insert(.letter)
                        if Self.isUpper(u) {
                            uppers += 1
                            if i == start { shape.insert(.capitalized) }
                        } else {
                            lowers += 1
                        }
                    }
                    hash = WordTable.mix(hash, WordTable.fold(u))
                    i += 1
                    continue
                }
                // A joiner stays inside the word only between two word scalars of the right sort.
                guard i + 1 < wordEnd, i > start else { break }
                let prev = Self.classify(UInt32(truncatingIfNeeded: units[i - 1]))
                let next = Self.classify(UInt32(truncatingIfNeeded: units[i + 1]))
                let joins =
                    ((u == 0x27 || u == 0x2019 || u == 0x2D) && prev == .letter && next == .letter)
                    || ((u == 0x2E || u == 0x2C) && prev == .digit && next == .digit)
                guard joins else { break }
                hash = WordTable.mix(hash, WordTable.fold(u))
                i += 1
            }
            if uppers >= 2 && lowers == 0 { shape.insert(.allCaps) }
            tokens.append(TextToken(start: start, end: i, hash: hash, shape: shape))
        }
    }

    enum Class { case letter, digit, symbol, other }

    @inline(__always)
    static func classify(_ v: UInt32) -> Class {
        if v < 0x80 {
            if (v | 0x20) &- 0x61 < 26 { return .letter }
            if v &- 0x30 < 10 { return .digit }
            switch v {
            case 0x25, 0x24, 0x3F, 0x21, 0x40, 0x28, 0x29, 0x23: return .symbol  // % $ ? ! @ ( ) #
            default: return .other
            }
        }
        switch v {
        case 0x20AC, 0xA3, 0xA5, 0x2014, 0x2013: return .symbol  // € £ ¥ — –
        case 0xAA, 0xB5, 0xBA: return .letter
        default: break
        }
        if v < 0xC0 { return .other }
        let bits = ScalarProperties.of(v)
        if bits & ScalarProperties.alphabetic != 0 { return .letter }
        if bits & ScalarProperties.decimal != 0 { return .digit }
        return .other
    }

    @inline(__always)
    static func isUpper(_ v: UInt32) -> Bool {
        if v < 0x80 { return v &- 0x41 < 26 }
        if v >= 0xC0 && v <= 0xDE && v != 0xD7 { return true }
        if v < 0x100 { return false }
        return ScalarProperties.has(v, ScalarProperties.uppercase)
    }

    /// The tokens of a string, for building lexicons and for tests.
    static func tokens(of text: String) -> [TextToken] {
        let scalars = ScalarBuffer(text)
        var tokens: [TextToken] = []
        switch scalars.width {
        case 1: scalars.withUnits(as: UInt8.self) { tokenize($0, range: 0..<$0.count, into: &tokens) }
        case 2: scalars.withUnits(as: UInt16.self) { tokenize($0, range: 0..<$0.count, into: &tokens) }
        default: scalars.withUnits(as: UInt32.self) { tokenize($0, range: 0..<$0.count, into: &tokens) }
        }
        return tokens
    }
}

extension Collection where Index == Int {
    /// The index of the first element whose start, as `start` gives it, is at or after `offset`
    /// (`endIndex` when there is none); the elements must be sorted by that start. The one binary
    /// search of the analyzers' sorted tokens, mentions, quotes, dates and sources.
    @inline(__always)
    func firstIndex(startingAtOrAfter offset: Int, by start: (Element) -> Int) -> Int {
        var lo = startIndex
        var hi = endIndex
        while lo < hi {
            let mid = (lo + hi) / 2
            if start(self[mid]) < offset { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}

extension Collection where Element == TextToken, Index == Int {
    /// The index of the first token starting at or after `offset` (`endIndex` when there is none);
    /// the tokens must be in text order, as the tokenizer makes them.
    func firstIndex(startingAtOrAfter offset: Int) -> Int { firstIndex(startingAtOrAfter: offset, by: \.start) }
}
