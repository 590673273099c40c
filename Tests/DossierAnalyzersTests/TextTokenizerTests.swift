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
}
