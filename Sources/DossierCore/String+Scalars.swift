extension String {
    /// Creates a string from Unicode scalars, such as a slice of `Document.scalars`.
    ///
    /// Encodes to UTF-8 in one pass; building a `String.UnicodeScalarView` scalar by scalar is
    /// several times slower, and readers and exporters do this for every block.
    public init(scalars: some Collection<Unicode.Scalar>) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count)
        for scalar in scalars {
            let v = scalar.value
            if v < 0x80 {
                bytes.append(UInt8(v))
            } else {
                UTF8.encode(scalar) { bytes.append($0) }
            }
        }
        self.init(decoding: bytes, as: UTF8.self)
    }
}
