/// How one output format writes a Unicode scalar of text (as opposed to its own markup): the only
/// part of a `TextBuffer` that differs between the HTML page and the Markdown brief.
protocol TextEscaping {
    /// The most bytes `write` puts down for one scalar, which the buffer makes room for.
    static var maxBytesPerScalar: Int { get }

    /// Writes the scalar of value `v`, which came from the article or its annotations, at `out`,
    /// which has room for `maxBytesPerScalar` bytes, and returns how many bytes it wrote.
    static func write(_ v: UInt32, to out: UnsafeMutablePointer<UInt8>) -> Int
}

extension TextEscaping {
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
