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
    /// Mostly Latin-1, with nine scalars above U+00FF (curly quotes, a dash, Cyrillic, an emoji):
    /// fewer than a sixteenth, so they are kept out of line beside one byte a scalar.
    static let curly =
        "The minister’s “plan” — a rise for Київ 🚲, said the report, with many more plain words after it so that these few stay out of line in one byte a scalar, which is what most news text is."

    @Test(
        "the width is the narrowest that holds the largest scalar, or two with the few above U+FFFF out of line",
        arguments: [
            (ascii, 1, 0), (latin1, 1, 0), (bmp, 2, 0), (astral, 2, 2), (allAstral, 4, 0), ("\u{FF}", 1, 0), ("\u{100}", 2, 0),
            ("\u{FFFF}", 2, 0), ("\u{10000}", 4, 0), ("\u{10000}abcdefg", 2, 1), ("\u{10000}abcdef", 4, 0),
            (curly, 1, 9), ("Ride 🚲, “quoted” — words and plenty more plain ones, to keep them few.", 1, 4),
            ("Ride 🚲, “quoted” — words and a few more plain ones.", 2, 1), ("a\u{85}b", 2, 0),
            ("An em\u{2003}space among plain words and “quotes”, far fewer than a sixteenth.", 2, 0),
            ("A next-line control \u{85} among plain words and “quotes”, far fewer than a sixteenth.", 2, 0),
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
        #expect(sparse.width == 1)
        #expect(sparse.outOfLineCount == 1)
        #expect(Array(sparse) == ["a", "🚲"])
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

    @Test("appending keeps scalars above U+00FF out of line beside one byte until they are hundreds and more than a sixteenth")
    func appendingBeyondLatin1() {
        var buffer = ScalarBuffer()
        // A curly apostrophe early in a headline does not double the rest of the article.
        buffer.append(contentsOf: "It’s here".unicodeScalars)
        #expect(buffer.width == 1)
        #expect(buffer.outOfLineCount == 1)
        var expected = Array("It’s here".unicodeScalars)
        for i in 0..<ScalarBuffer.latin1OutOfLineAllowance - 1 {
            let scalar: Unicode.Scalar = i % 3 == 0 ? "Ж" : i % 3 == 1 ? "🚲" : "—"
            buffer.append(scalar)
            expected.append(scalar)
        }
        #expect(buffer.width == 1)
        #expect(buffer.outOfLineCount == ScalarBuffer.latin1OutOfLineAllowance)
        #expect(Array(buffer) == expected)
        // One more, now far more than a sixteenth: two bytes a scalar, the emoji still out of line.
        buffer.append("Ж")
        expected.append("Ж")
        #expect(buffer.width == 2)
        #expect(buffer.outOfLineCount == expected.filter { $0.value > 0xFFFF }.count)
        #expect(Array(buffer) == expected)
        #expect(buffer == ScalarBuffer(expected))
        #expect(buffer.hashValue == ScalarBuffer(expected).hashValue)
        // Past the allowance, a sixteenth decides.
        var long = ScalarBuffer(String(repeating: "a", count: 16 * 300))
        for _ in 0..<300 { long.append("”") }
        #expect(long.width == 1)
        #expect(long.outOfLineCount == 300)
        // A C1 control is never kept in a one-byte buffer, where its units mark out-of-line scalars.
        var control = ScalarBuffer("plain ’")
        control.append("\u{85}")
        #expect(control.width == 2)
        #expect(Array(control) == Array("plain ’\u{85}".unicodeScalars))
        // Nor white space above U+00FF, which scanners of one-byte units need not look up.
        var space = ScalarBuffer("plain ’")
        space.append("\u{2003}")
        #expect(space.width == 2)
        #expect(Array(space) == Array("plain ’\u{2003}".unicodeScalars))
    }

    @Test("scalars above U+00FF out of line beside one byte read back by offset, as strings, as UTF-8 and through the units")
    func latin1OutOfLineReads() {
        let text = Self.curly
        let scalars = Array(text.unicodeScalars)
        let buffer = ScalarBuffer(text)
        #expect(buffer.width == 1)
        for i in scalars.indices { #expect(buffer[i] == scalars[i]) }
        #expect(buffer.description == text)
        for range in [0..<scalars.count, 12..<13, 13..<16, 15..<22, 40..<45, 30..<100, 100..<(scalars.count - 1)] {
            let expected = String(String.UnicodeScalarView(scalars[range]))
            #expect(buffer.string(in: range) == expected)
            var out: [UInt8] = [0x3E]
            buffer.appendUTF8(in: range, to: &out)
            #expect(out == [0x3E] + Array(expected.utf8))
        }
        #expect(buffer.withUnits(as: UInt8.self) { Array($0) } == scalars.map(\.value))
        let raw = buffer.withUnsafeUnits(as: UInt8.self) { Array($0) }
        for i in scalars.indices {
            #expect(ScalarBuffer.isOutOfLineMarker(raw[i]) == (scalars[i].value > 0xFF))
            #expect(ScalarBuffer.isMarker(raw[i]) == (scalars[i].value > 0xFF))
        }
        let wide = ScalarBuffer(unsafeUninitializedCount: scalars.count, as: UInt32.self) { units in
            for (i, scalar) in scalars.enumerated() { units[i] = scalar.value }
            return scalars.count
        }
        #expect(buffer == wide)
        #expect(buffer.hashValue == wide.hashValue)
        #expect(buffer == ScalarBuffer(scalars))
        // The same marker unit for two scalars whose low five bits agree.
        #expect(ScalarBuffer(text.replacingOccurrences(of: "🚲", with: "🛒")) != buffer)
    }

    @Test("widening a one-byte buffer puts its out-of-line scalars in line, those above U+FFFF still out of line")
    func wideningFromOneByte() {
        var buffer = ScalarBuffer(Self.curly)
        #expect(buffer.width == 1)
        var expected = Array(Self.curly.unicodeScalars)
        let tail = Array(String(repeating: "Київ ", count: 80).unicodeScalars)
        buffer.append(contentsOf: tail)
        expected += tail
        #expect(buffer.width == 2)
        #expect(buffer.outOfLineCount == 1)
        #expect(Array(buffer) == expected)
        #expect(buffer.string(in: 0..<buffer.count) == String(String.UnicodeScalarView(expected)))
        // And to four bytes: the emoji comes in line too.
        for _ in 0..<5000 { buffer.append("𠀋") }
        #expect(buffer.width == 4)
        #expect(buffer.outOfLineCount == 0)
        #expect(Array(buffer[..<expected.count]) == expected)
    }

    @Test("removing the last scalars and compacting the units keep a one-byte buffer's table in step")
    func latin1OutOfLineEdits() {
        var buffer = ScalarBuffer(Self.curly)
        let scalars = Array(Self.curly.unicodeScalars)
        buffer.removeLast(scalars.count - 20)
        #expect(Array(buffer) == Array(scalars[..<20]))
        #expect(buffer.outOfLineCount == 2)
        var spaced = ScalarBuffer(Self.curly)
        let kept = spaced.compactUnits(as: UInt8.self, Self.droppingSpaces)
        #expect(kept == spaced.count)
        #expect(spaced == ScalarBuffer(Self.curly.replacingOccurrences(of: " ", with: "")))
        #expect(spaced.outOfLineCount == 9)
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

    /// A `compactUnits` body that drops the spaces: the units kept, counted twice.
    static func droppingSpaces<U: FixedWidthInteger>(_ units: UnsafeMutableBufferPointer<U>) -> (result: Int, count: Int) {
        var written = 0
        for i in units.indices where units[i] != 0x20 {
            units[written] = units[i]
            written += 1
        }
        return (written, written)
    }

    @Test("compacting the units moves out-of-line scalars with their markers")
    func compactingUnits() {
        var buffer = ScalarBuffer("a  🚲  b  😀  c  𠀋 and more words")
        let kept = buffer.compactUnits(as: UInt16.self, Self.droppingSpaces)
        #expect(kept == buffer.count)
        #expect(buffer == ScalarBuffer("a🚲b😀c𠀋andmorewords"))
        #expect(buffer.outOfLineCount == 3)
    }

    @Test("every way of building holds the same scalars as the string", arguments: [ascii, latin1, bmp, astral, allAstral, curly, ""])
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
        var buffer: ScalarBuffer = ["a", "é", "\u{85}"]
        #expect(buffer.width == 2)
        buffer.append("Ж")
        #expect(buffer.width == 2)
        buffer.append("b")
        buffer.append("🚲")
        #expect(buffer.width == 2)
        buffer.append("c")
        #expect(Array(buffer) == ["a", "é", "\u{85}", "Ж", "b", "🚲", "c"])
        var jump: ScalarBuffer = ["x", "\u{85}"]
        jump.append("𝄞")
        #expect(jump.width == 2)
        #expect(Array(jump) == ["x", "\u{85}", "𝄞"])
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

    @Test("slices are offsets from 0 of the whole buffer and convert to strings", arguments: [latin1, bmp, astral, allAstral, curly])
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

    @Test(
        "UTF-8 appended from a range is the string's, after what the array held", arguments: [ascii, latin1, bmp, astral, allAstral, curly])
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
        "a document stores its text at the narrowest width",
        arguments: [(ascii, 1), (latin1, 1), (bmp, 2), (astral, 2), (allAstral, 4), (curly, 1)])
    func documentWidth(text: String, width: Int) {
        let document = Document(id: "d", text: text)
        #expect(document.scalars.width == width)
        #expect(Document(id: "d", scalars: Array(text.unicodeScalars)).scalars.width == width)
        #expect(Document(id: "d", scalars: ScalarBuffer(text)) == document)
        #expect(document.length == text.unicodeScalars.count)
        #expect(document.text(in: TextRange(start: 1, end: 4)) == String(String.UnicodeScalarView(Array(text.unicodeScalars)[1..<4])))
    }
}
