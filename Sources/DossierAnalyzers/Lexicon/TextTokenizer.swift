import DossierCore

/// Splits text into `TextToken`s without building strings.
///
/// A word is a run of letters and digits; an apostrophe or hyphen between two letters and a
/// period or comma between two digits stay inside it (`don't`, `self-reliance`, `4.1`,
/// `10,000`). Symbols that carry meaning for claims and sources (`%`, currency signs, `?`, `!`,
/// `@`, brackets, dashes) are tokens of their own; other punctuation only separates.
enum TextTokenizer {
    /// Appends the tokens of `units[range]` to `tokens`.
    ///
    /// One read of a class table per scalar (`classes`) instead of a chain of comparisons, and the
    /// tokens gathered 64 at a time before they are appended: the two analyzers that tokenize
    /// (`sources` and `claims`) spent about 6% of the default pipeline here.
    static func tokenize<U: FixedWidthInteger & UnsignedInteger>(
        _ units: ScalarBuffer.Units<U>, range: Range<Int>, into tokens: inout [TextToken]
    ) {
        let end = min(range.upperBound, units.count)
        guard range.lowerBound < end else { return }
        classes.withUnsafeBufferPointer { table in
            withUnsafeTemporaryAllocation(of: TextToken.self, capacity: 64) { pending in
                var count = 0
                @inline(__always) func emit(_ token: TextToken) {
                    pending[count] = token
                    count &+= 1
                    if count == 64 {
                        tokens.append(contentsOf: UnsafeBufferPointer(pending))
                        count = 0
                    }
                }
                @inline(__always) func bits(_ v: UInt32) -> UInt8 { v < tableLimit ? table[Int(v)] : Self.bits(of: v) }
                var i = range.lowerBound
                while i < end {
                    let v = units[i]
                    let c = bits(v)
                    if c & Self.wordBits == 0 {
                        if c & Self.symbolBit != 0 {
                            emit(TextToken(start: i, end: i + 1, hash: WordTable.mix(WordTable.seed, WordTable.fold(v)), shape: .symbol))
                        }
                        i += 1
                        continue
                    }
                    let start = i
                    // A word ends at the longest token, so that its length fits the token's bits.
                    let word = Self.word(units, from: i, to: min(end, start + TextToken.maxLength), first: c, table: table)
                    i = word.end
                    let seen = word.seen
                    var shape: TextToken.Shape = []
                    if seen & Self.digitBit != 0 { shape.insert(.digit) }
                    if seen & Self.letterBit != 0 { shape.insert(.letter) }
                    if c & Self.upperBit != 0 { shape.insert(.capitalized) }
                    if word.twice & Self.upperBit != 0 && seen & Self.lowerBit == 0 { shape.insert(.allCaps) }
                    emit(TextToken(start: start, end: i, hash: word.hash, shape: shape))
                }
                // A token is a plain value: the buffer needs no deinitializing.
                tokens.append(contentsOf: UnsafeBufferPointer(rebasing: pending[0..<count]))
            }
        }
    }

    /// The word that starts at `start` with a scalar of class `first`, up to `wordEnd` at most: where
    /// it ends, its hash, the union of its classes, and of the classes met a second time (two
    /// capitals and no lowercase letter make it all capitals).
    ///
    /// A function of its own, called once a word: inside the tokenizer's loop, with its buffers and
    /// counts, the compiler kept this loop's values on the stack.
    @inline(never)
    private static func word<U: FixedWidthInteger & UnsignedInteger>(
        _ units: ScalarBuffer.Units<U>, from start: Int, to wordEnd: Int, first: UInt8, table: UnsafeBufferPointer<UInt8>
    ) -> (end: Int, hash: UInt64, seen: UInt8, twice: UInt8) {
        @inline(__always) func bits(_ v: UInt32) -> UInt8 { v < tableLimit ? table[Int(v)] : Self.bits(of: v) }
        var hash = WordTable.seed
        var seen: UInt8 = 0
        var twice: UInt8 = 0
        var i = start
        var u = units[i]
        var cls = first
        while true {
            // A letter or a digit: the fold bit is what folding adds (0x20 to an ASCII or Latin-1
            // capital), so `u + fold` is `WordTable.fold(u)`.
            twice |= seen & cls
            seen |= cls
            hash = WordTable.mix(hash, u &+ UInt32(cls & foldBit))
            i += 1
            guard i < wordEnd else { break }
            let previous = cls
            u = units[i]
            cls = bits(u)
            if cls & wordBits != 0 { continue }
            // A joiner stays inside the word only between two word scalars of the right sort.
            guard i + 1 < wordEnd else { break }
            let next = bits(units[i + 1])
            let joins =
                ((u == 0x27 || u == 0x2019 || u == 0x2D) && previous & next & letterBit != 0)
                || ((u == 0x2E || u == 0x2C) && previous & next & digitBit != 0)
            guard joins else { break }
            hash = WordTable.mix(hash, WordTable.fold(u))
            i += 1
            u = units[i]
            cls = next
        }
        return (i, hash, seen, twice)
    }

    // The class bits of a scalar: `letterBit` and `digitBit` as `classify` says (never both),
    // `symbolBit`, `upperBit` for an uppercase letter and `lowerBit` for any other letter, and
    // `foldBit`, which is also the amount `WordTable.fold` adds to the letter.
    static let letterBit: UInt8 = 1
    static let digitBit: UInt8 = 2
    static let symbolBit: UInt8 = 4
    static let upperBit: UInt8 = 8
    static let lowerBit: UInt8 = 0x10
    static let foldBit: UInt8 = 0x20
    static let wordBits: UInt8 = letterBit | digitBit

    /// The scalars `classes` answers; those above are classified one by one.
    private static let tableLimit: UInt32 = 0x3000

    /// The class bits of every scalar below `tableLimit` (12 KB, built once).
    private static let classes: [UInt8] = (0..<tableLimit).map { bits(of: $0) }

    /// The class bits of `v`, from `classify`, `isUpper` and `WordTable.fold`.
    static func bits(of v: UInt32) -> UInt8 {
        switch classify(v) {
        case .letter:
            var b = letterBit
            b |= isUpper(v) ? upperBit : lowerBit
            let added = WordTable.fold(v) &- v
            if added == 0x20 { b |= foldBit }
            return b
        case .digit: return digitBit
        case .symbol: return symbolBit
        case .other: return 0
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
