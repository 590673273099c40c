/// The bytes of an HTML page being written (see `TextBuffer`).
///
/// Text is escaped for element content and quoted attribute values alike (`HTMLEscaping`).
typealias HTMLBuffer = TextBuffer<HTMLEscaping>

/// How the HTML page writes text: the five characters that could open markup or end an attribute
/// (`& < > " '`) as entities, and control characters, which HTML forbids, as U+FFFD; so one
/// escaping serves element content and quoted attribute values alike.
enum HTMLEscaping: TextEscaping {
    /// `&quot;`.
    static var maxBytesPerScalar: Int { 6 }

    @inline(__always)
    static func isPlain(_ w: UInt64) -> Bool {
        // ASCII, no control (with the tab and line breaks, plain: a fast path may be cautious) or
        // DEL, and none of `"`, `&`, `'`, `<` and `>` (alike but for one bit).
        guard w & (ones &* 0x80) == 0, !hasLess(w, than: 0x20), !has(w, 0x7F) else { return false }
        return !has(w, 0x22) && !has(w, 0x26) && !has(w, 0x27) && !has(w & ~(ones &* 0x02), 0x3C)
    }

    @inline(__always)
    static func write(_ v: UInt32, to out: UnsafeMutablePointer<UInt8>) -> Int {
        // One bit per ASCII character written otherwise (the five, and controls but for tab, line
        // feed and carriage return): a test of a bit for plain text, not a jump through the switch.
        let low: UInt64 = 0xFFFF_FFFF & ~(1 << 0x09 | 1 << 0x0A | 1 << 0x0D) | 1 << 0x22 | 1 << 0x26 | 1 << 0x27 | 1 << 0x3C | 1 << 0x3E
        if v < 0x80, (v < 64 ? low >> v : v == 0x7F ? 1 : 0) & 1 == 0 {
            out[0] = UInt8(v)
            return 1
        }
        return switch v {
        case 0x26: literal("&amp;", to: out)
        case 0x3C: literal("&lt;", to: out)
        case 0x3E: literal("&gt;", to: out)
        case 0x22: literal("&quot;", to: out)
        case 0x27: literal("&#39;", to: out)
        case 0x09, 0x0A, 0x0D: utf8(v, to: out)
        // C0 and C1 controls (U+0080 to U+009F are as forbidden as the ASCII ones).
        case 0..<0x20, 0x7F..<0xA0: literal("\u{FFFD}", to: out)
        default: utf8(v, to: out)
        }
    }
}
