extension Unicode.Scalar {
    /// Whether the scalar is white space, answered without the Unicode property tables for ASCII.
    ///
    /// Readers and analyzers ask this of every scalar of every article; the property lookup is
    /// several times slower, and nearly all text is ASCII.
    @inlinable
    public var isSpace: Bool {
        value < 0x80
            ? (self == " " || self == "\n" || self == "\t" || self == "\r" || value == 0x0B || value == 0x0C) : properties.isWhitespace
    }
}
