import DossierCore
import Testing

@testable import DossierAnalyzers

@Suite("Text tokenizer")
struct TextTokenizerTests {
    @Test("words, joined words, numbers and symbols keep their ranges and shapes")
    func rangesAndShapes() {
        let text = "The NHS’s self-help plan cost €4.1 million (up 12%)? Yes!"
        let tokens = TextTokenizer.tokens(of: text)
        let scalars = Array(text.unicodeScalars)
        func word(_ t: TextToken) -> String { String(String.UnicodeScalarView(scalars[t.start..<t.end])) }
        #expect(
            tokens.map(word) == [
                "The", "NHS’s", "self-help", "plan", "cost", "€", "4.1", "million", "(", "up", "12", "%", ")", "?", "Yes", "!",
            ])
        let shapes = Dictionary(tokens.map { (word($0), $0.shape) }, uniquingKeysWith: { a, _ in a })
        #expect(shapes["The"] == [.capitalized, .letter])
        #expect(shapes["NHS’s"] == [.capitalized, .letter])
        #expect(shapes["self-help"] == [.letter])
        #expect(shapes["4.1"] == [.digit])
        #expect(shapes["€"] == [.symbol])
        #expect(shapes["%"] == [.symbol])
        #expect(tokens[1].range == .init(start: 4, end: 9))
    }

    @Test("a token takes 16 bytes, since sources holds one for every word of an article")
    func sixteenBytes() {
        #expect(MemoryLayout<TextToken>.stride == 16)
    }

    @Test("a token's length and shape survive the packing at the largest offsets an article has")
    func packing() {
        let t = TextToken(start: Int(Int32.max) - 10, end: Int(Int32.max) - 2, hash: 42, shape: [.allCaps, .letter, .capitalized])
        #expect(t.start == Int(Int32.max) - 10)
        #expect(t.end == Int(Int32.max) - 2)
        #expect(t.shape == [.allCaps, .letter, .capitalized])
        #expect(t.hash == 42)
        let long = TextToken(start: 5, end: 5 + TextToken.maxLength, hash: 0, shape: .symbol)
        #expect(long.end - long.start == TextToken.maxLength)
        #expect(long.shape == .symbol)
    }

    @Test("the class table gives every scalar the class, case and fold of the per-scalar rules")
    func classTable() {
        for v in UInt32(0)..<0x3200 {
            let bits = TextTokenizer.bits(of: v)
            let cls = TextTokenizer.classify(v)
            #expect((bits & TextTokenizer.letterBit != 0) == (cls == .letter))
            #expect((bits & TextTokenizer.digitBit != 0) == (cls == .digit))
            #expect((bits & TextTokenizer.symbolBit != 0) == (cls == .symbol))
            #expect((bits & TextTokenizer.upperBit != 0) == (cls == .letter && TextTokenizer.isUpper(v)))
            #expect((bits & TextTokenizer.lowerBit != 0) == (cls == .letter && !TextTokenizer.isUpper(v)))
            if cls == .letter || cls == .digit { #expect(v + UInt32(bits & TextTokenizer.foldBit) == WordTable.fold(v)) }
        }
    }

    @Test(
        "tokens of any range are those of the per-scalar reference tokenizer",
        arguments: [
            "The NHS’s self-help plan cost €4.1 million (up 12%)? Yes!",
            "O'Brien's 10,000-strong crowd — at 3.5% — said: ‘no’; IT and US, ÉCOLE, Ærø, straße",
            "Ἀθῆναι, Москва́ and 東京 (٣٤٥ ١٢) met; 🙂 emoji 😀-led rally, x-–y a--b 4..5 6,,7 ’tis '9",
            "A-B C'D e’f- -g h' 'i 1.2.3 4,5,6 .7 8. ¹²³ ªºµ ÀÞßÿ Ā ǅ Ⅻ ⓐ Ⓐ ＡＢＣ １２",
            "ALL CAPS HEADLINE! 'QUOTED' #tag @handle $5 £6 ¥7 (parenthetical) end",
        ])
    func matchesReference(_ text: String) {
        let buffer = ScalarBuffer(text)
        func check<U: FixedWidthInteger & UnsignedInteger>(_ units: ScalarBuffer.Units<U>) {
            for start in 0..<units.count {
                for end in [start, start + 1, start + 2, start + 7, units.count] where end <= units.count {
                    var fast: [TextToken] = []
                    TextTokenizer.tokenize(units, range: start..<end, into: &fast)
                    let reference = Self.reference(units, range: start..<end)
                    #expect(fast.map(Self.key) == reference.map(Self.key), "range \(start)..<\(end)")
                }
            }
        }
        switch buffer.width {
        case 1: buffer.withUnits(as: UInt8.self) { check($0) }
        case 2: buffer.withUnits(as: UInt16.self) { check($0) }
        default: buffer.withUnits(as: UInt32.self) { check($0) }
        }
    }

    @Test("more than 64 tokens in one call keep their order")
    func manyTokens() {
        let text = (0..<300).map { "w\($0)" }.joined(separator: " ")
        let tokens = TextTokenizer.tokens(of: text)
        #expect(tokens.count == 300)
        #expect(zip(tokens, tokens.dropFirst()).allSatisfy { $0.end < $1.start })
        #expect(tokens.last?.hash == WordTable.hash("w299"))
    }

    private static func key(_ t: TextToken) -> [UInt64] { [UInt64(t.start), UInt64(t.end), t.hash, UInt64(t.shape.rawValue)] }

    /// The tokenizer as it was before its class table: one `classify` per scalar.
    private static func reference<U: FixedWidthInteger & UnsignedInteger>(_ units: ScalarBuffer.Units<U>, range: Range<Int>) -> [TextToken]
    {
        var tokens: [TextToken] = []
        var i = range.lowerBound
        let end = min(range.upperBound, units.count)
        while i < end {
            let v = units[i]
            let cls = TextTokenizer.classify(v)
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
            while i < end {
                let u = units[i]
                let c = TextTokenizer.classify(u)
                if c == .letter || c == .digit {
                    if c == .digit {
                        shape.insert(.digit)
                    } else {
                        shape.insert(.letter)
                        if TextTokenizer.isUpper(u) {
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
                guard i + 1 < end, i > start else { break }
                let prev = TextTokenizer.classify(units[i - 1])
                let next = TextTokenizer.classify(units[i + 1])
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
        return tokens
    }
}
