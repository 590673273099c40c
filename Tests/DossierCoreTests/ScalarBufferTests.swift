import DossierCore
import Testing

@Suite("Scalar buffer")
struct ScalarBufferTests {
    static let ascii = "Plain text."
    static let latin1 = "Café au lait, señor."
    static let bmp = "Kyiv — Київ, “quoted”."
    static let astral = "Ride on 🚲 and 𝄞."

    @Test(
        "the width is the narrowest that holds the largest scalar",
        arguments: [
            (ascii, 1), (latin1, 1), (bmp, 2), (astral, 4), ("\u{FF}", 1), ("\u{100}", 2), ("\u{FFFF}", 2), ("\u{10000}", 4),
        ])
    func widthIsNarrowest(text: String, width: Int) {
        #expect(ScalarBuffer(text).width == width)
        #expect(ScalarBuffer(Array(text.unicodeScalars)).width == width)
        var appended = ScalarBuffer()
        for scalar in text.unicodeScalars { appended.append(scalar) }
        #expect(appended.width == width)
    }

    @Test("every way of building holds the same scalars as the string", arguments: [ascii, latin1, bmp, astral, ""])
    func buildsHoldTheScalars(text: String) {
        let expected = Array(text.unicodeScalars)
        var appended = ScalarBuffer()
        appended.append(contentsOf: text.unicodeScalars)
        for buffer in [ScalarBuffer(text), ScalarBuffer(expected), appended] {
            #expect(Array(buffer) == expected)
            #expect(buffer.count == expected.count)
            #expect(String(scalars: buffer) == text)
            #expect(buffer.description == text)
            for i in expected.indices { #expect(buffer[i] == expected[i]) }
        }
    }

    @Test("appending a wider scalar widens the buffer and keeps what it held")
    func mixedAppendsWiden() {
        var buffer: ScalarBuffer = ["a", "é"]
        #expect(buffer.width == 1)
        buffer.append("Ж")
        #expect(buffer.width == 2)
        buffer.append("b")
        #expect(buffer.width == 2)
        buffer.append("🚲")
        #expect(buffer.width == 4)
        buffer.append("c")
        #expect(Array(buffer) == ["a", "é", "Ж", "b", "🚲", "c"])
        var jump: ScalarBuffer = ["x"]
        jump.append("𝄞")
        #expect(jump.width == 4)
        #expect(Array(jump) == ["x", "𝄞"])
    }

    @Test("buffers with the same scalars are equal and hash alike at any width")
    func equalityAcrossWidths() {
        let narrow = ScalarBuffer("abc é")
        let wide = ScalarBuffer(unsafeUninitializedCount: 5, as: UInt32.self) { units in
            for (i, scalar) in "abc é".unicodeScalars.enumerated() { units[i] = scalar.value }
            return 5
        }
        #expect(narrow.width == 1)
        #expect(wide.width == 4)
        #expect(narrow == wide)
        #expect(narrow.hashValue == wide.hashValue)
        #expect(Set([narrow, wide]).count == 1)
        #expect(narrow != ScalarBuffer("abc e"))
        #expect(narrow != ScalarBuffer("abc é!"))
        #expect(ScalarBuffer("Київ") != ScalarBuffer("Київ🚲"))
    }

    @Test("slices are offsets from 0 of the whole buffer and convert to strings", arguments: [latin1, bmp, astral])
    func slicing(text: String) {
        let buffer = ScalarBuffer(text)
        let scalars = Array(text.unicodeScalars)
        let range = 2..<(scalars.count - 3)
        #expect(Array(buffer[range]) == Array(scalars[range]))
        #expect(buffer[range].startIndex == 2)
        #expect(String(scalars: buffer[range]) == String(String.UnicodeScalarView(scalars[range])))
        #expect(buffer.string(in: range) == String(scalars: buffer[range]))
        #expect(buffer.string(in: 3..<3).isEmpty)
    }

    @Test("UTF-8 appended from a range is the string's, after what the array held", arguments: [ascii, latin1, bmp, astral])
    func appendingUTF8(text: String) {
        let buffer = ScalarBuffer(text)
        let scalars = Array(text.unicodeScalars)
        let range = 1..<(scalars.count - 1)
        var out: [UInt8] = [0x3E]
        buffer.appendUTF8(in: range, to: &out)
        #expect(out == [0x3E] + Array(String(String.UnicodeScalarView(scalars[range])).utf8))
        buffer.appendUTF8(in: 2..<2, to: &out)
        #expect(out.count == 1 + String(String.UnicodeScalarView(scalars[range])).utf8.count)
    }

    @Test("an empty buffer has no scalars, one byte wide, and equals every other empty buffer")
    func empty() {
        let empty = ScalarBuffer()
        #expect(empty.isEmpty)
        #expect(empty.count == 0)
        #expect(empty.width == 1)
        #expect(String(scalars: empty).isEmpty)
        #expect(empty == ScalarBuffer(""))
        #expect(empty == ScalarBuffer([Unicode.Scalar]()))
        let wideEmpty = ScalarBuffer(unsafeUninitializedCount: 0, as: UInt16.self) { _ in 0 }
        #expect(empty == wideEmpty)
        #expect(empty.hashValue == wideEmpty.hashValue)
    }

    @Test("removing the last scalars keeps the width and the rest")
    func removeLast() {
        var buffer = ScalarBuffer("Київ!!")
        buffer.removeLast(2)
        #expect(buffer == ScalarBuffer("Київ"))
        #expect(buffer.width == 2)
    }

    @Test("the code units are those of the width, for scanners")
    func units() {
        let buffer = ScalarBuffer("aЖ")
        let units = buffer.withUnsafeUnits(as: UInt16.self) { Array($0) }
        #expect(units == [0x61, 0x416])
    }

    @Test("a document stores its text at the narrowest width", arguments: [(ascii, 1), (latin1, 1), (bmp, 2), (astral, 4)])
    func documentWidth(text: String, width: Int) {
        let document = Document(id: "d", text: text)
        #expect(document.scalars.width == width)
        #expect(Document(id: "d", scalars: Array(text.unicodeScalars)).scalars.width == width)
        #expect(Document(id: "d", scalars: ScalarBuffer(text)) == document)
        #expect(document.length == text.unicodeScalars.count)
        #expect(document.text(in: TextRange(start: 1, end: 4)) == String(String.UnicodeScalarView(Array(text.unicodeScalars)[1..<4])))
    }
}
