import DossierCore
import Testing

@testable import DossierAnalyzers

@Suite("Framing tokenizer")
struct FramingTokenizerTests {
    @Test("the class table gives every word scalar the counts and fold of the per-scalar rules")
    func classTable() {
        for v in UInt32(0)..<0x3200 {
            let bits = FramingTokenizer.bits(of: v)
            #expect((bits & FramingTokenizer.wordBit != 0) == FramingTokenizer.isWordScalar(v))
            guard FramingTokenizer.isWordScalar(v) else { continue }
            let folded = bits & FramingTokenizer.slowFoldBit != 0 ? WordHash.lower(v) : v + UInt32(bits & FramingTokenizer.foldBit)
            #expect(folded == WordHash.lower(v))
        }
    }

    @Test(
        "tokens of any range are those of the per-scalar reference tokenizer",
        arguments: [
            "Ex-minister’s U-turn: 12,000 voters (3.5%) said \"no\" — 1,234,567 cheered! Really?? «Oui» “quoted words” here",
            "ÉCOLE Ærø straße ÀÞßÿ ÷ × Āā ǅ İstanbul Ἀθῆναι Москва́ 東京 ٣٤٥ ¹²³ ⅫⅠ ＡＢＣ １２ 🙂 emoji 😀-led",
            "O'Brien's self-help 7-2 win, a--b 4..5 6,,7 ’tis '9 x- -y 1.2.3 .7 8. SHOUTING WORDS!!! what?!",
            "The table, the little apple; able cable idea queue rhythm fire are be the ALE file-e e'e",
        ])
    func matchesReference(_ text: String) {
        let buffer = ScalarBuffer(text)
        func check<U: FixedWidthInteger & UnsignedInteger>(_ units: ScalarBuffer.Units<U>) {
            for start in 0..<units.count {
                for end in [start, start + 1, start + 2, start + 9, units.count] where end <= units.count {
                    for quoted in [false, true] {
                        var fast: [FramingToken] = []
                        var reference: [FramingToken] = []
                        FramingTokenizer.tokenize(units, start..<end, quoted: quoted, into: &fast)
                        Self.reference(units, start..<end, quoted: quoted, into: &reference)
                        #expect(fast.map(Self.key) == reference.map(Self.key), "range \(start)..<\(end)")
                    }
                }
            }
        }
        switch buffer.width {
        case 1: buffer.withUnits(as: UInt8.self) { check($0) }
        case 2: buffer.withUnits(as: UInt16.self) { check($0) }
        default: buffer.withUnits(as: UInt32.self) { check($0) }
        }
    }

    private static func key(_ t: FramingToken) -> [UInt64] { [UInt64(t.start), UInt64(t.end), t.hash, UInt64(t.flags.rawValue)] }

    /// The tokenizer as it was before its class table: a chain of comparisons per scalar.
    static func reference<U: FixedWidthInteger & UnsignedInteger>(
        _ units: ScalarBuffer.Units<U>, _ range: Range<Int>, quoted startsQuoted: Bool = false, into tokens: inout [FramingToken]
    ) {
        tokens.removeAll(keepingCapacity: true)
        var i = range.lowerBound
        let end = range.upperBound
        var quoted = startsQuoted
        var pendingBreak = true
        while i < end {
            let v = UInt32(units[i])
            if FramingTokenizer.isWordScalar(v) {
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
                    } else if !FramingTokenizer.isWordScalar(c) {
                        guard i + 1 < end, length > 0 else { break }
                        let next = UInt32(units[i + 1])
                        let joins =
                            ((c == 0x27 || c == 0x2019 || c == 0x2D) && FramingTokenizer.isWordScalar(next))
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
            if !FramingTokenizer.isSpace(v) { pendingBreak = true }
            i += 1
        }
    }

}
