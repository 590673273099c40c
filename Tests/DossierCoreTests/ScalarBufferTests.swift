import DossierCore
import Testing

@Suite("Scalar buffer")
struct ScalarBufferTests {
    static let ascii = "Plain text."
    static let latin1 = "Café au lait, señor."
    static let bmp = "Kyiv — Київ, “quoted”."
    static let astral = "Ride on 🚲 and 𝄞."
    /// Every scalar above U+FFFF: an emoji, a CJK Extension B ideograph, mathematical letters and a digit.
    static let allAstral = "🚲𠀋𝐀𝑏𝟎😀"

    @Test(
        "the width is the narrowest that holds the largest scalar, or two with the few above U+FFFF out of line",
        arguments: [
            (ascii, 1, 0), (latin1, 1, 0), (bmp, 2, 0), (astral, 2, 2), (allAstral, 4, 0), ("\u{FF}", 1, 0), ("\u{100}", 2, 0),
            ("\u{FFFF}", 2, 0), ("\u{10000}", 4, 0), ("\u{10000}abcdefg", 2, 1), ("\u{10000}abcdef", 4, 0),
        ])
    func widthIsNarrowest(text: String, width: Int, outOfLine: Int) {
        for buffer in [ScalarBuffer(text), ScalarBuffer(Array(text.unicodeScalars))] {
            #expect(buffer.width == width)
            #expect(buffer.outOfLineCount == outOfLine)
        }
    }

    @Test("appending keeps scalars above U+FFFF out of line until they are thousands and more than an eighth")
    func appendingAstral() {
        var sparse = ScalarBuffer("a")
        sparse.append("🚲")
        #expect(sparse.width == 2)
        #expect(sparse.outOfLineCount == 1)
        var dense = ScalarBuffer()
        for _ in 0..<4096 { dense.append("😀") }
        #expect(dense.width == 2)
        #expect(dense.outOfLineCount == 4096)
        dense.append("𠀋")
        #expect(dense.width == 4)
        #expect(dense.outOfLineCount == 0)
        #expect(dense.count == 4097)
        #expect(dense[4095] == "😀")
        #expect(dense[4096] == "𠀋")
        #expect(dense == ScalarBuffer(String(repeating: "😀", count: 4096) + "𠀋"))
    }

    @Test("out-of-line scalars read back by offset, as strings, as UTF-8 and through the units view")
    func outOfLineReads() {
        let text = "x🚲 Ab𠀋c 𝐀𝑏𝟎 and 😀😁 done, at the end of a line long enough to keep them out of line. 🎉"
        let scalars = Array(text.unicodeScalars)
        let buffer = ScalarBuffer(text)
        #expect(buffer.width == 2)
        #expect(buffer.outOfLineCount == 8)
        for i in scalars.indices { #expect(buffer[i] == scalars[i]) }
        #expect(Array(buffer) == scalars)
        #expect(buffer.description == text)
        for range in [0..<scalars.count, 1..<2, 2..<5, 5..<6, 3..<40, 20..<(scalars.count - 1), 30..<31] {
            let expected = String(String.UnicodeScalarView(scalars[range]))
            #expect(buffer.string(in: range) == expected)
            var out: [UInt8] = [0x3E]
            buffer.appendUTF8(in: range, to: &out)
            #expect(out == [0x3E] + Array(expected.utf8))
        }
        let values = buffer.withUnits(as: UInt16.self) { Array($0) }
        #expect(values == scalars.map(\.value))
        let raw = buffer.withUnsafeUnits(as: UInt16.self) { Array($0) }
        #expect(raw[1] == 0xD83D)
        #expect(ScalarBuffer.isOutOfLineMarker(raw[1]))
        #expect(!ScalarBuffer.isOutOfLineMarker(raw[0]))
    }

    @Test("buffers with out-of-line scalars are equal by their scalars, whatever the layout")
    func outOfLineEquality() {
        let text = "Ride 🚲 to work."
        let outOfLine = ScalarBuffer(text)
        let wide = ScalarBuffer(unsafeUninitializedCount: text.unicodeScalars.count, as: UInt32.self) { units in
            for (i, scalar) in text.unicodeScalars.enumerated() { units[i] = scalar.value }
            return text.unicodeScalars.count
        }
        #expect(outOfLine.width == 2)
        #expect(wide.width == 4)
        #expect(outOfLine == wide)
        #expect(outOfLine.hashValue == wide.hashValue)
        // The same marker unit (one high surrogate) for two different scalars.
        #expect(ScalarBuffer("Grin 😀 here.") != ScalarBuffer("Grin 😁 here."))
        #expect(ScalarBuffer("Grin 😀 here.") == ScalarBuffer(Array("Grin 😀 here.".unicodeScalars)))
    }

    @Test("removing the last scalars drops their out-of-line entries")
    func removeLastOutOfLine() {
        var buffer = ScalarBuffer("Some words 🚲 then 😀")
        buffer.removeLast(7)
        #expect(buffer == ScalarBuffer("Some words 🚲"))
        #expect(buffer.outOfLineCount == 1)
        buffer.removeLast(1)
        #expect(buffer.outOfLineCount == 0)
        #expect(buffer == ScalarBuffer("Some words "))
    }

    @Test("compacting the units moves out-of-line scalars with their markers")
    func compactingUnits() {
        var buffer = ScalarBuffer("a  🚲  b  😀  c  𠀋 and more words")
        let kept = buffer.compactUnits(as: UInt16.self) { units -> (result: Int, count: Int) in
            // Drop the spaces.
            var written = 0
            for i in units.indices where units[i] != 0x20 {
                units[written] = units[i]
                written += 1
            }
            return (written, written)
        }
        #expect(kept == buffer.count)
        #expect(buffer == ScalarBuffer("a🚲b😀c𠀋andmorewords"))
        #expect(buffer.outOfLineCount == 3)
    }

    @Test("every way of building holds the same scalars as the string", arguments: [ascii, latin1, bmp, astral, allAstral, ""])
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
        #expect(buffer.width == 2)
        buffer.append("c")
        #expect(Array(buffer) == ["a", "é", "Ж", "b", "🚲", "c"])
        var jump: ScalarBuffer = ["x"]
        jump.append("𝄞")
        #expect(jump.width == 2)
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

    @Test("slices are offsets from 0 of the whole buffer and convert to strings", arguments: [latin1, bmp, astral, allAstral])
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

    @Test("UTF-8 appended from a range is the string's, after what the array held", arguments: [ascii, latin1, bmp, astral, allAstral])
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

    @Test(
        "a document stores its text at the narrowest width", arguments: [(ascii, 1), (latin1, 1), (bmp, 2), (astral, 2), (allAstral, 4)])
    func documentWidth(text: String, width: Int) {
        let document = Document(id: "d", text: text)
        #expect(document.scalars.width == width)
        #expect(Document(id: "d", scalars: Array(text.unicodeScalars)).scalars.width == width)
        #expect(Document(id: "d", scalars: ScalarBuffer(text)) == document)
        #expect(document.length == text.unicodeScalars.count)
        #expect(document.text(in: TextRange(start: 1, end: 4)) == String(String.UnicodeScalarView(Array(text.unicodeScalars)[1..<4])))
    }
}
