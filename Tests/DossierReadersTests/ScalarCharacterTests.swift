import DossierCore
import Testing

@testable import DossierReaders

@Suite("Line shape: scalar answers equal Character answers")
struct ScalarCharacterTests {
    @Test("for every scalar that is a character of its own, letter, number and uppercase match Character's")
    func ownGraphemeScalarsMatchCharacters() {
        for value in 0..<0x2300 {
            guard let scalar = Unicode.Scalar(UInt32(value)), scalar.isOwnGrapheme else { continue }
            let character = Character(scalar)
            #expect(scalar.isLetterCharacter == character.isLetter, "isLetter of U+\(String(value, radix: 16))")
            #expect(scalar.isNumberCharacter == character.isNumber, "isNumber of U+\(String(value, radix: 16))")
            #expect(scalar.isUppercaseCharacter == character.isUppercase, "isUppercase of U+\(String(value, radix: 16))")
        }
    }

    @Test("CJK scalars counted as characters of their own match Character and never join a neighbour")
    func cjkScalarsAreOwnGraphemes() {
        var checked = 0
        for value in 0x2300..<0x10000 {
            guard let scalar = Unicode.Scalar(UInt32(value)), scalar.isOwnGrapheme else { continue }
            checked += 1
            let character = Character(scalar)
            let hex = String(value, radix: 16)
            #expect(scalar.isLetterCharacter == character.isLetter, "isLetter of U+\(hex)")
            #expect(scalar.isNumberCharacter == character.isNumber, "isNumber of U+\(hex)")
            #expect(scalar.isUppercaseCharacter == character.isUppercase, "isUppercase of U+\(hex)")
            for pair: [Unicode.Scalar] in [[scalar, scalar], ["a", scalar], [scalar, "a"], ["\u{4E00}", scalar]] {
                var text = ""
                text.unicodeScalars.append(contentsOf: pair)
                #expect(text.count == 2, "U+\(hex) joins a neighbour")
            }
        }
        #expect(checked > 30_000)
    }

    @Test("a Japanese line is not title-cased, and a Latin title inside CJK punctuation still is")
    func cjkLinesAndTitleCase() {
        func titleCased(_ text: String) -> Bool {
            let scalars = Array(text.unicodeScalars)
            return LineShape(s: scalars, range: 0..<scalars.count).isTitleCased
        }
        #expect(!titleCased("\u{6771}\u{4EAC}\u{306E}\u{5929}\u{6C17}"))
        #expect(titleCased("\u{300C}Lock Gates Replaced\u{300D}"))
        #expect(!titleCased("\u{300C}lock gates replaced\u{300D}"))
    }

    @Test("title case is judged the same on scalars and, with combining marks, on characters")
    func titleCaseBothWays() {
        func titleCased(_ text: String) -> Bool {
            let scalars = Array(text.unicodeScalars)
            return LineShape(s: scalars, range: 0..<scalars.count).isTitleCased
        }
        #expect(titleCased("Lock Gates Replaced on the Canal"))
        #expect(titleCased("Cafe\u{301} Owners Welcome the Plan"))
        #expect(titleCased("THE CANAL IN WINTER"))
        #expect(!titleCased("The lock gates were replaced"))
        #expect(!titleCased("cafe\u{301} owners welcome the plan"))
        #expect(!titleCased("2025 and beyond"))
        #expect(titleCased("Сбербанк Raises Rates in Москва"))
        #expect(titleCased("Prices Rise 5€ at the Pump"))
    }

    @Test("URL scanning on code units finds what the generic scan finds")
    func scanAgreesWithGenericScan() {
        let text =
            "See www.example.org/report and https://example.com/a?b=c#d, also (example.net/x) and e.g. U.S. \u{2019}twitter.com/x\u{2019}"
        let buffer = ScalarBuffer(text)
        let scalars = Array(text.unicodeScalars)
        let fast = URLScanner.scan(buffer, in: 0..<buffer.count).map { "\($0.range) \($0.url)" }
        let generic = URLScanner.scan(scalars, in: 0..<scalars.count).map { "\($0.range) \($0.url)" }
        #expect(fast == generic)
        #expect(fast.count == 3)
    }
}
