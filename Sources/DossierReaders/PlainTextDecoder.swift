import DossierCore
import Foundation

/// Decodes input bytes and normalises their line structure into the canonical text.
enum PlainTextDecoder {
    /// One non-empty line of the canonical text, in 16 bytes: an article of short lines has
    /// one for every few dozen scalars, so they count against the reader's memory budget.
    /// Callers keep text under 2 GiB, so every offset and count fits in 32 bits.
    struct Line {
        private var start32: Int32
        private var end32: Int32
        private var indent32: Int32
        private var paragraph32: Int32

        init(start: Int, end: Int, indent: Int, paragraph: Int) {
            start32 = Int32(truncatingIfNeeded: start)
            end32 = Int32(truncatingIfNeeded: end)
            indent32 = Int32(truncatingIfNeeded: indent)
            paragraph32 = Int32(truncatingIfNeeded: paragraph)
        }

        /// The offset of the first non-space scalar.
        var start: Int { Int(start32) }
        /// The offset just past the last non-space scalar.
        var end: Int { Int(end32) }
        /// The number of leading spaces (a tab counts as four).
        var indent: Int { Int(indent32) }
        /// Which paragraph the line belongs to; blank lines separate paragraphs.
        var paragraph: Int { Int(paragraph32) }
    }

    /// Decodes strict UTF-8, dropping a byte-order mark; UTF-16 with a byte-order mark is decoded too.
    ///
    /// NUL bytes are refused (`E415`): text has none, and UTF-16 without a byte-order mark, whose
    /// ASCII letters each carry a NUL, is told apart (`E416`) so the message can say how to convert it.
    ///
    /// - Parameter allowTruncatedEnd: accept a sequence cut off at the end, as in a sniffed head.
    static func decode(_ data: Data, name: String, allowTruncatedEnd: Bool = false) throws -> ScalarBuffer {
        try data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
                return try decodeUTF16(bytes, bigEndian: bytes[0] == 0xFE, name: name)
            }
            // memchr reads many bytes a step; `firstIndex(of:)` went one at a time.
            if let base = bytes.baseAddress, let found = memchr(base, 0, bytes.count) {
                let nul = UnsafeRawPointer(found) - UnsafeRawPointer(base)
                if let order = utf16Order(bytes) {
                    throw ComponentError(
                        code: "E416",
                        "input '\(name)' looks like UTF-16 (\(order)) without a byte-order mark; convert it to UTF-8 (for example"
                            + " 'iconv -f UTF-16\(order == "little-endian" ? "LE" : "BE") -t UTF-8') and read it again")
                }
                throw ComponentError(
                    code: "E415",
                    "input '\(name)' holds a NUL byte at offset \(nul), so it is binary data, not text; check that the right file was given"
                )
            }
            return try decodeUTF8(bytes, name: name, allowTruncatedEnd: allowTruncatedEnd)
        }
    }

    /// Decodes UTF-8 straight into a scalar buffer of its final width and length: one pass finds
    /// the largest byte (which tells the width) and counts the bytes that start a scalar.
    private static func decodeUTF8(_ bytes: UnsafeBufferPointer<UInt8>, name: String, allowTruncatedEnd: Bool) throws -> ScalarBuffer {
        let start = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        let body = UnsafeBufferPointer(rebasing: bytes[start...])
        let (maxByte, count) = survey(body)
        if maxByte < 0x80 {
            return ScalarBuffer(unsafeUninitializedCount: body.count, as: UInt8.self) { units in
                _ = units.initialize(from: body)
                return body.count
            }
        }
        if maxByte >= 0xC4,
            let latin = try decodeMostlyLatin(body, from: start, count: count, name: name, allowTruncatedEnd: allowTruncatedEnd)
        {
            return latin
        }
        switch ScalarBuffer.width(forMaxUTF8Byte: maxByte) {
        case 1: return try decodeUTF8(body, from: start, count: count, as: UInt8.self, name: name, allowTruncatedEnd: allowTruncatedEnd)
        case 2: return try decodeUTF8(body, from: start, count: count, as: UInt16.self, name: name, allowTruncatedEnd: allowTruncatedEnd)
        default:
            // Scalars above U+FFFF: a few (one emoji in an article) are kept out of line in a
            // two-byte buffer rather than making every scalar four bytes. Counted only here, on
            // the rare text that has one: the lead bytes of four-byte sequences.
            var astral = 0
            for b in body { astral &+= b >= 0xF0 ? 1 : 0 }
            guard ScalarBuffer.keepsOutOfLine(astral, of: count) else {
                return try decodeUTF8(body, from: start, count: count, as: UInt32.self, name: name, allowTruncatedEnd: allowTruncatedEnd)
            }
            return try ScalarBuffer(unsafeUninitializedCount: count, outOfLineCount: astral) { units, outOfLine in
                try withUnsafeMutablePointer(to: &outOfLine) {
                    try decode(body, from: start, into: units, outOfLine: $0, name: name, allowTruncatedEnd: allowTruncatedEnd)
                }
            }
        }
    }

    /// Text whose scalars above U+00FF are few (the curly quotes and dashes of an English article)
    /// decoded one byte a scalar with those kept out of line, half the memory of two bytes each;
    /// nil when they are too many, or when one is white space or a C1 control (normalising
    /// drops trailing white space, and a one-byte buffer holds no C1 control), which two bytes hold.
    private static func decodeMostlyLatin(
        _ body: UnsafeBufferPointer<UInt8>, from start: Int, count: Int, name: String, allowTruncatedEnd: Bool
    ) throws -> ScalarBuffer? {
        // Lead bytes from 0xC4 start the scalars from U+0100.
        var beyond = 0
        for b in body { beyond &+= b >= 0xC4 ? 1 : 0 }
        guard ScalarBuffer.keepsOutOfLineInLatin1(beyond, of: count) else { return nil }
        do {
            return try ScalarBuffer(unsafeUninitializedCount: count, outOfLineCount: beyond, as: UInt8.self) { units, outOfLine in
                try withUnsafeMutablePointer(to: &outOfLine) {
                    try decode(body, from: start, into: units, outOfLine: $0, name: name, allowTruncatedEnd: allowTruncatedEnd)
                }
            }
        } catch is NeedsTwoBytes {
            return nil
        }
    }

    /// Thrown by a one-byte decode that meets a scalar it must not keep out of line.
    private struct NeedsTwoBytes: Error {}

    /// The largest byte of `body` and the number of bytes that start a scalar (all but the
    /// continuation bytes `10xxxxxx`), sixteen bytes a step.
    private static func survey(_ body: UnsafeBufferPointer<UInt8>) -> (maxByte: UInt8, count: Int) {
        let n = body.count
        guard let base = body.baseAddress else { return (0, 0) }
        let raw = UnsafeRawPointer(base)
        var largest = SIMD16<UInt8>(repeating: 0)
        var continuations = 0
        var i = 0
        while i + 16 <= n {
            largest = pointwiseMax(largest, raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self))
            // A continuation byte has bit 7 set and bit 6 clear; `x << 1` brings each byte's bit 6 to its bit 7.
            let low = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            let high = raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)
            continuations &+= (low & ~(low << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
            continuations &+= (high & ~(high << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
            i += 16
        }
        var maxByte = largest.max()
        while i < n {
            let b = base[i]
            maxByte = max(maxByte, b)
            continuations &+= b & 0xC0 == 0x80 ? 1 : 0
            i += 1
        }
        return (maxByte, n - continuations)
    }

    private static func decodeUTF8<U: FixedWidthInteger & UnsignedInteger>(
        _ body: UnsafeBufferPointer<UInt8>, from start: Int, count: Int, as _: U.Type, name: String, allowTruncatedEnd: Bool
    ) throws -> ScalarBuffer {
        try ScalarBuffer(unsafeUninitializedCount: count, as: U.self) { units in
            try decode(body, from: start, into: units, outOfLine: nil, name: name, allowTruncatedEnd: allowTruncatedEnd)
        }
    }

    /// Decodes `body` into `units`, wide enough for its largest scalar unless `outOfLine` is given,
    /// where the scalars above U+FFFF (two-byte units) or above U+00FF (one-byte units) go; returns
    /// how many units it wrote. One-byte units with `outOfLine` throw `NeedsTwoBytes` at a C1
    /// control or white space above U+00FF.
    @inline(__always)
    private static func decode<U: FixedWidthInteger & UnsignedInteger>(
        _ body: UnsafeBufferPointer<UInt8>, from start: Int, into units: UnsafeMutableBufferPointer<U>,
        outOfLine: UnsafeMutablePointer<ScalarBuffer.OutOfLineScalars>?, name: String, allowTruncatedEnd: Bool
    ) throws -> Int {
        // A hand-written strict decoder (no overlongs, surrogates or values past U+10FFFF):
        // the standard library's parser, one scalar per call through an iterator, took as
        // long as all the reader's line analysis.
        var i = 0
        var written = 0
        let n = body.count
        guard let base = body.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        while i < n {
            // Eight ASCII bytes at once, the common case in English text.
            if i + 8 <= n, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                for k in 0..<8 { units[written &+ k] = U(truncatingIfNeeded: body[i &+ k]) }
                written &+= 8
                i &+= 8
                continue
            }
            let b0 = body[i]
            if b0 < 0x80 {
                // Never more scalars than lead bytes, which were counted.
                units[written] = U(truncatingIfNeeded: b0)
                written &+= 1
                i &+= 1
                continue
            }
            if let (value, length) = scalar(body, at: i, lead: b0) {
                if value >= 0x1_0000, U.self == UInt16.self, let outOfLine {
                    units[written] = U(truncatingIfNeeded: outOfLine.pointee.unit(for: value, at: written))
                } else if U.self == UInt8.self, let outOfLine, value &- 0x80 < 0x20 || value >= 0x100 {
                    guard !ScalarBuffer.needsTwoBytes(Unicode.Scalar(value)!) else { throw NeedsTwoBytes() }
                    units[written] = U(truncatingIfNeeded: outOfLine.pointee.latin1Unit(for: value, at: written))
                } else {
                    units[written] = U(truncatingIfNeeded: value)
                }
                written &+= 1
                i &+= length
                continue
            }
            if allowTruncatedEnd, n - i < 4 { return written }
            throw ComponentError(
                code: "E410",
                "input '\(name)' is not valid UTF-8 (bad byte at offset \(start + i)); convert it to UTF-8 and read it again")
        }
        return written
    }

    /// The scalar encoded by the multi-byte sequence at `i` whose lead byte is `b0`, and its
    /// length; nil when the sequence is not well-formed UTF-8 (Unicode table 3-7).
    @inline(__always)
    private static func scalar(_ body: UnsafeBufferPointer<UInt8>, at i: Int, lead b0: UInt8) -> (UInt32, Int)? {
        let n = body.count
        func continuation(_ k: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> UInt32? {
            guard k < n else { return nil }
            let b = body[k]
            return b >= low && b <= high ? UInt32(b & 0x3F) : nil
        }
        switch b0 {
        case 0xC2...0xDF:
            guard let c1 = continuation(i + 1) else { return nil }
            return (UInt32(b0 & 0x1F) << 6 | c1, 2)
        case 0xE0...0xEF:
            let low: UInt8 = b0 == 0xE0 ? 0xA0 : 0x80
            let high: UInt8 = b0 == 0xED ? 0x9F : 0xBF
            guard let c1 = continuation(i + 1, low, high), let c2 = continuation(i + 2) else { return nil }
            return (UInt32(b0 & 0x0F) << 12 | c1 << 6 | c2, 3)
        case 0xF0...0xF4:
            let low: UInt8 = b0 == 0xF0 ? 0x90 : 0x80
            let high: UInt8 = b0 == 0xF4 ? 0x8F : 0xBF
            guard let c1 = continuation(i + 1, low, high), let c2 = continuation(i + 2), let c3 = continuation(i + 3) else { return nil }
            return (UInt32(b0 & 0x07) << 18 | c1 << 12 | c2 << 6 | c3, 4)
        default:
            return nil
        }
    }

    /// Decodes UTF-16 after its byte-order mark.
    private static func decodeUTF16(_ bytes: UnsafeBufferPointer<UInt8>, bigEndian: Bool, name: String) throws -> ScalarBuffer {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = 2
        while i + 1 < bytes.count {
            let (a, b) = (UInt16(bytes[i]), UInt16(bytes[i + 1]))
            units.append(bigEndian ? a << 8 | b : b << 8 | a)
            i += 2
        }
        var scalars = ScalarBuffer()
        scalars.reserveCapacity(units.count)
        var iterator = units.makeIterator()
        var parser = Unicode.UTF16.ForwardParser()
        var offset = 2
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                scalars.append(Unicode.UTF16.decode(encoded))
                offset += 2 * encoded.count
            case .emptyInput where bytes.count % 2 == 0:
                return scalars
            case .emptyInput, .error:
                throw ComponentError(
                    code: "E417",
                    "input '\(name)' opens with a UTF-16 byte-order mark but is not valid UTF-16 (bad unit at byte offset \(offset));"
                        + " convert it to UTF-8 and read it again")
            }
        }
    }

    /// `little-endian` or `big-endian` when the head reads like UTF-16 without a byte-order mark:
    /// NUL bytes at one parity of offsets (the high byte of ASCII letters), few at the other.
    private static func utf16Order(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let head = min(bytes.count, 4096) & ~1
        guard head >= 2 else { return nil }
        var nuls = (even: 0, odd: 0)
        for i in stride(from: 0, to: head, by: 2) {
            if bytes[i] == 0 { nuls.even += 1 }
            if bytes[i + 1] == 0 { nuls.odd += 1 }
        }
        let pairs = head / 2
        if nuls.odd * 4 >= pairs, nuls.even * 8 < nuls.odd { return "little-endian" }
        if nuls.even * 4 >= pairs, nuls.odd * 8 < nuls.even { return "big-endian" }
        return nil
    }

    /// Normalises line breaks and spacing in place, returning the non-empty lines of the canonical text.
    ///
    /// The canonical text is never longer than the input (each line break written stands for one
    /// read), so it is written over the scalars already read and the array is cut at its end:
    /// one array of scalars for the whole article instead of two.
    static func normalise(_ scalars: inout ScalarBuffer) -> [Line] {
        // Compacted: lines move toward the front, and the side table of a buffer that keeps scalars
        // above U+FFFF out of line follows their marker units (never spacing, so never dropped).
        switch scalars.width {
        case 1: scalars.compactUnits(as: UInt8.self) { normalise($0) }
        case 2: scalars.compactUnits(as: UInt16.self) { normalise($0) }
        default: scalars.compactUnits(as: UInt32.self) { normalise($0) }
        }
    }

    /// Normalises code units of one width in place; returns the lines and the units written.
    private static func normalise<U: FixedWidthInteger & UnsignedInteger>(
        _ s: UnsafeMutableBufferPointer<U>
    ) -> (result: [Line], count: Int) {
        var lines: [Line] = []
        // One-byte text with no carriage return, the usual case, finds its line ends with `memchr`
        // and reads only the start of each line to count it, instead of testing every byte twice.
        let base = UnsafeMutableRawPointer(s.baseAddress)
        let byLines = U.self == UInt8.self && base.map { memchr($0, 0x0D, s.count) == nil } == true
        // Sized once, rather than grown by doubling, which could leave twice the room needed on
        // an article of one-line items: a count of the raw lines holding something other than
        // ASCII spacing, an upper bound (and exact but for lines of Unicode spaces alone).
        var nonBlank = 0
        if byLines, let base {
            var p = 0
            let count = s.count
            while p < count {
                // Spacing other than a line break (space, tab, vertical tab, form feed), then
                // anything but a line break makes the line count.
                while p < count, s[p] == 0x20 || s[p] == 0x09 || s[p] == 0x0B || s[p] == 0x0C { p += 1 }
                guard p < count else { break }
                if s[p] != 0x0A { nonBlank &+= 1 }
                guard let newline = memchr(base + p, 0x0A, count - p) else { break }
                p = base.distance(to: newline) + 1
            }
        } else {
            var seen = false
            for u in s {
                if u == 0x0A || u == 0x0D {
                    nonBlank &+= seen ? 1 : 0
                    seen = false
                } else if u != 0x20 && (u < 0x09 || u > 0x0D) {
                    seen = true
                }
            }
            nonBlank &+= seen ? 1 : 0
        }
        lines.reserveCapacity(nonBlank)
        var paragraph = 0
        var pendingBlank = false
        var written = 0
        var i = 0
        let count = s.count
        let newline = U(0x0A)
        let carriageReturn = U(0x0D)
        let tab = U(0x09)
        func isWhitespace(_ u: U) -> Bool {
            if u == 0x20 { return true }
            if u < 0x80 { return (0x09...0x0D).contains(u) }
            // A unit that marks an out-of-line scalar is not a scalar itself, and its scalar is no
            // white space (there is none above U+FFFF, and a one-byte decode keeps none out of line).
            if ScalarBuffer.isMarker(u) { return false }
            return unsafeBitCast(UInt32(u), to: Unicode.Scalar.self).isSpace
        }
        while i < count {
            // One raw line: up to \n, \r\n or \r.
            var end = i
            if byLines, let base {
                end = memchr(base + i, 0x0A, count - i).map { base.distance(to: $0) } ?? count
            } else {
                while end < count, s[end] != newline, s[end] != carriageReturn { end += 1 }
            }
            let next = end < count && s[end] == carriageReturn && end + 1 < count && s[end + 1] == newline ? end + 2 : end + 1
            var start = i
            var indent = 0
            while start < end, isWhitespace(s[start]) {
                indent += s[start] == tab ? 4 : 1
                start += 1
            }
            var stop = end
            while stop > start, isWhitespace(s[stop - 1]) { stop -= 1 }
            if stop == start {
                pendingBlank = !lines.isEmpty
            } else {
                if !lines.isEmpty {
                    if pendingBlank {
                        s[written] = newline
                        written += 1
                        paragraph += 1
                    }
                    s[written] = newline
                    written += 1
                }
                pendingBlank = false
                // Forward copy (the regions may overlap: `written` never passes `i`), skipped
                // when nothing before this line has been dropped.
                let base = s.baseAddress!
                if written != i { (base + written).update(from: base + i, count: stop - i) }
                let lineStart = written + (start - i)
                written += stop - i
                lines.append(Line(start: lineStart, end: written, indent: indent, paragraph: paragraph))
            }
            i = next
        }
        return (lines, written)
    }
}
