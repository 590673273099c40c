import DossierCore
import Testing

@testable import DossierAnalyzers

@Suite("Metrics word and syllable count")
struct MetricsCountTests {
    @Test("the class table gives every scalar the word, letter and vowel classes of the per-scalar rules")
    func classTable() {
        for v in UInt32(0)..<0x3200 {
            let bits = MetricsAnalyzer.bits(of: v)
            #expect((bits & MetricsAnalyzer.wordBit != 0) == MetricsAnalyzer.isWordScalar(v))
            let lower = v < 0x80 ? v | 0x20 : v
            #expect((bits & MetricsAnalyzer.eBit != 0) == (MetricsAnalyzer.isWordScalar(v) && lower == 0x65))
            #expect((bits & MetricsAnalyzer.lBit != 0) == (MetricsAnalyzer.isWordScalar(v) && lower == 0x6C))
        }
    }

    @Test(
        "counts of any stretch of text are those of the per-scalar reference count",
        arguments: [
            "Ex-minister’s U-turn: 12,000 voters (3.5%) said \"no\" — 1,234,567 cheered! Really?? «Oui» “quoted words” here",
            "ÉCOLE Ærø straße ÀÞßÿ ÷ × Āā ǅ İstanbul Ἀθῆναι Москва́ 東京 ٣٤٥ ¹²³ ⅫⅠ ＡＢＣ １２ 🙂 emoji 😀-led",
            "O'Brien's self-help 7-2 win, a--b 4..5 6,,7 ’tis '9 x- -y 1.2.3 .7 8. SHOUTING WORDS!!! what?!",
            "The table, the little apple; able cable idea queue rhythm fire are be the ALE file-e e'e",
        ])
    func matchesReference(_ text: String) {
        let scalars = Array(text.unicodeScalars)
        for start in 0..<scalars.count {
            for end in [start + 1, start + 2, start + 5, scalars.count] where end <= scalars.count {
                let buffer = ScalarBuffer(String(String.UnicodeScalarView(scalars[start..<end])))
                func check<U: FixedWidthInteger & UnsignedInteger>(_ units: ScalarBuffer.Units<U>) {
                    let fast = MetricsAnalyzer.count(units)
                    let reference = Self.reference(units)
                    #expect(fast.words == reference.words && fast.syllables == reference.syllables, "stretch \(start)..<\(end)")
                }
                switch buffer.width {
                case 1: buffer.withUnits(as: UInt8.self) { check($0) }
                case 2: buffer.withUnits(as: UInt16.self) { check($0) }
                default: buffer.withUnits(as: UInt32.self) { check($0) }
                }
            }
        }
    }

    @Test("a silent final e is no syllable, after an l it is one")
    func silentE() {
        let buffer = ScalarBuffer("fire table")
        let counts = buffer.withUnits(as: UInt8.self) { MetricsAnalyzer.count($0) }
        #expect(counts.words == 2)
        #expect(counts.syllables == 3)
    }

    /// The count as it was before its class table: comparisons per scalar.
    static func reference<U: FixedWidthInteger & UnsignedInteger>(_ units: ScalarBuffer.Units<U>) -> (words: Int, syllables: Int) {
        var words = 0
        var syllables = 0
        var i = 0
        let n = units.count
        while i < n {
            var v = UInt32(truncatingIfNeeded: units[i])
            guard MetricsAnalyzer.isWordScalar(v) else {
                i += 1
                continue
            }
            words += 1
            var groups = 0
            var inVowel = false
            var letters = 0
            var last: UInt32 = 0
            var beforeLast: UInt32 = 0
            while i < n {
                v = UInt32(truncatingIfNeeded: units[i])
                if !MetricsAnalyzer.isWordScalar(v) {
                    let joiner =
                        (v == 0x27 || v == 0x2019 || v == 0x2D) && i + 1 < n
                        && MetricsAnalyzer.isWordScalar(UInt32(truncatingIfNeeded: units[i + 1]))
                    if !joiner { break }
                    inVowel = false
                    i += 1
                    continue
                }
                let lower = v < 0x80 ? v | 0x20 : v
                let vowel = lower == 0x61 || lower == 0x65 || lower == 0x69 || lower == 0x6F || lower == 0x75 || lower == 0x79
                if lower &- 0x61 < 26 { letters += 1 }
                if vowel && !inVowel { groups += 1 }
                inVowel = vowel
                beforeLast = last
                last = lower
                i += 1
            }
            if last == 0x65 && beforeLast != 0x6C && groups > 1 { groups -= 1 }
            if letters > 0 { syllables += max(1, groups) }
        }
        return (words, syllables)
    }

}
