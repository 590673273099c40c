/// The bytes of a Markdown brief being written (see `TextBuffer`).
///
/// Text is escaped so that it cannot open emphasis, code, links, HTML or headings, nor end a table
/// cell, row or list item (`MarkdownEscaping`).
typealias MarkdownBuffer = TextBuffer<MarkdownEscaping>

/// How the brief writes text: a backslash before each of `` \ ` * _ [ ] < > | # ``, and a space for
/// a line break (`\n`, `\r`, U+2028, U+2029), which would end a table row or a list item early.
/// Every other scalar is written as it is.
enum MarkdownEscaping: TextEscaping {
    /// A scalar above U+FFFF.
    static var maxBytesPerScalar: Int { 4 }

    @inline(__always)
    static func isPlain(_ w: UInt64) -> Bool {
        // ASCII, no control (line breaks among them), and none of `#`, `*`, `<` and `>` (alike but
        // for one bit), `[` to `` ` `` (with `^`, plain: a fast path may be cautious), `|`.
        guard w & (ones &* 0x80) == 0, !hasLess(w, than: 0x20) else { return false }
        let bracket = w &+ ones &* (0x80 - 0x5B)  // high bit set from `[` up
        let pastBacktick = w &+ ones &* (0x80 - 0x61)  // high bit set from `a` up
        return !has(w, 0x23) && !has(w, 0x2A) && !has(w & ~(ones &* 0x02), 0x3C) && !has(w, 0x7C)
            && bracket & ~pastBacktick & (ones &* 0x80) == 0
    }

    @inline(__always)
    static func write(_ v: UInt32, to out: UnsafeMutablePointer<UInt8>) -> Int {
        if v < 0x80 {
            // One bit per ASCII character that is escaped or is a line break: most text is plain,
            // and a test of a bit costs less than the jump table a switch becomes.
            let low: UInt64 = 1 << 0x0A | 1 << 0x0D | 1 << 0x23 | 1 << 0x2A | 1 << 0x3C | 1 << 0x3E
            let high: UInt64 =
                1 << (0x5B - 64) | 1 << (0x5C - 64) | 1 << (0x5D - 64) | 1 << (0x5F - 64) | 1 << (0x60 - 64) | 1 << (0x7C - 64)
            guard (v < 64 ? low >> v : high >> (v - 64)) & 1 != 0 else {
                out[0] = UInt8(v)
                return 1
            }
            if v == 0x0A || v == 0x0D {
                out[0] = 0x20
                return 1
            }
            out[0] = 0x5C
            out[1] = UInt8(v)
            return 2
        }
        if v == 0x2028 || v == 0x2029 {
            out[0] = 0x20
            return 1
        }
        return utf8(v, to: out)
    }
}
