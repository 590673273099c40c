/// How one output format writes a Unicode scalar of text (as opposed to its own markup): the only
/// part of a `TextBuffer` that differs between the HTML page and the Markdown brief.
protocol TextEscaping {
    /// The most bytes `write` puts down for one scalar, which the buffer makes room for.
    static var maxBytesPerScalar: Int { get }

    /// Writes the scalar of value `v`, which came from the article or its annotations, at `out`,
    /// which has room for `maxBytesPerScalar` bytes, and returns how many bytes it wrote.
    static func write(_ v: UInt32, to out: UnsafeMutablePointer<UInt8>) -> Int

    /// Whether the eight bytes of `word` are ASCII that `write` leaves as they are, so that they
    /// can be copied at once; may say no of some that are (it is a fast path, not the rule).
    static func isPlain(_ word: UInt64) -> Bool
}

extension TextEscaping {
    /// Ones in every byte, to spread a byte over a word.
    @inline(__always) static var ones: UInt64 { 0x0101_0101_0101_0101 }

    /// Whether an ASCII `word` has a byte equal to `b` (the classic zero-byte test on `word ^ b`).
    @inline(__always)
    static func has(_ word: UInt64, _ b: UInt8) -> Bool {
        let x = word ^ (ones &* UInt64(b))
        return (x &- ones) & ~x & (ones &* 0x80) != 0
    }

    /// Whether an ASCII `word` has a byte below `b` (at most 0x80).
    @inline(__always)
    static func hasLess(_ word: UInt64, than b: UInt8) -> Bool { (word &- ones &* UInt64(b)) & ~word & (ones &* 0x80) != 0 }

    /// Writes the scalar of value `v` as UTF-8, unchanged: for the scalars a format leaves alone.
    @inline(__always)
    static func utf8(_ v: UInt32, to out: UnsafeMutablePointer<UInt8>) -> Int {
        if v < 0x80 {
            out[0] = UInt8(v)
            return 1
        } else if v < 0x800 {
            out[0] = UInt8(0xC0 | v >> 6)
            out[1] = UInt8(0x80 | v & 0x3F)
            return 2
        } else if v < 0x1_0000 {
            out[0] = UInt8(0xE0 | v >> 12)
            out[1] = UInt8(0x80 | v >> 6 & 0x3F)
            out[2] = UInt8(0x80 | v & 0x3F)
            return 3
        } else {
            out[0] = UInt8(0xF0 | v >> 18)
            out[1] = UInt8(0x80 | v >> 12 & 0x3F)
            out[2] = UInt8(0x80 | v >> 6 & 0x3F)
            out[3] = UInt8(0x80 | v & 0x3F)
            return 4
        }
    }

    /// Writes what a format puts in a scalar's place (an entity, say), at most `maxBytesPerScalar` bytes.
    @inline(__always)
    static func literal(_ replacement: StaticString, to out: UnsafeMutablePointer<UInt8>) -> Int {
        let count = replacement.utf8CodeUnitCount
        out.update(from: replacement.utf8Start, count: count)
        return count
    }
}
