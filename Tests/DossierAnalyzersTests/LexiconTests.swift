import Testing

@testable import DossierAnalyzers

@Suite("Lexicon")
struct LexiconTests {
    @Test("every entry of a large lexicon is matched with its category and length; other words, and a phrase's first word alone, are not")
    func largeLexicon() {
        var lexicon = Lexicon()
        for n in 0..<3000 { lexicon.add("entry\(n)", to: n % 2 == 0 ? "even" : "odd") }
        lexicon.add("according to", to: "attribution")
        let even = lexicon.bit(of: "even")
        let odd = lexicon.bit(of: "odd")
        let attribution = lexicon.bit(of: "attribution")
        let words = (0..<3000).map { "entry\($0)" } + (0..<3000).map { "other\($0)" }
        let text = words.joined(separator: " ") + " according to nobody, according nobody"
        let tokens = TextTokenizer.tokens(of: text)
        #expect(tokens.count == 6000 + 5)
        tokens.withUnsafeBufferPointer { t in
            var misses = 0
            for i in 0..<3000 {
                let m = lexicon.match(t, at: i)
                if m.length != 1 || m.categories != (i % 2 == 0 ? even : odd) { misses += 1 }
            }
            #expect(misses == 0)
            #expect((3000..<6000).allSatisfy { lexicon.match(t, at: $0).length == 0 })
            #expect(lexicon.match(t, at: 6000) == (attribution, 2))
            #expect(lexicon.match(t, at: 6002) == (0, 0))
            #expect(lexicon.match(t, at: 6003) == (0, 0))
            #expect(lexicon.match(t, at: t.count) == (0, 0))
        }
    }

    @Test("a removed entry is no longer matched, and a longer entry that starts with it still is")
    func removal() {
        var lexicon = Lexicon()
        lexicon.add("according", to: "a")
        lexicon.add("according to", to: "b")
        lexicon.remove("according")
        let b = lexicon.bit(of: "b")
        let tokens = TextTokenizer.tokens(of: "according to according")
        tokens.withUnsafeBufferPointer { t in
            #expect(lexicon.match(t, at: 0) == (b, 2))
            #expect(lexicon.match(t, at: 2) == (0, 0))
        }
    }

    @Test("word shapes hold the first two letters, either case, and the length of every word noted; a word of one letter has no second")
    func wordShapes() {
        var shapes = WordShapes()
        for word in ["said", "told", "a", "internationalisations"] { shapes.insert(word) }
        func may(_ word: String) -> Bool {
            let s = Array(word.unicodeScalars).map(\.value)
            return shapes.mayHold(first: s[0], second: s.count > 1 ? s[1] : nil, length: s.count)
        }
        #expect(may("said") && may("SAID") && may("Sand") && may("told") && may("a") && may("A"))
        #expect(!may("sad") && !may("saying") && !may("the") && !may("to") && !may("an"))
        // Past 15 letters every length shares one bit.
        #expect(may("internationalisers") && !may("international"))
        #expect(!may("éaid") && !may("s\u{E9}id"))
    }
}
