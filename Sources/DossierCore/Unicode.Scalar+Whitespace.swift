extension Unicode.Scalar {
    /// Whether the scalar is white space, answered without the Unicode property tables for ASCII.
    ///
    /// Readers and analyzers ask this of every scalar of every article; the property lookup is
    /// several times slower, and nearly all text is ASCII.
    ///
    /// Beyond ASCII the answer comes from the White_Space list itself (U+0085, U+00A0, U+1680,
    /// U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000), which has not changed in many
    /// Unicode versions, rather than from the property tables: text with curly quotes or dashes
    /// asks about a non-ASCII scalar in nearly every word.
    @inlinable
    public var isSpace: Bool {
        let v = value
        if v < 0x80 { return v == 0x20 || v &- 0x09 < 5 }
        switch v {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }
}
