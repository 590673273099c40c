extension String {
    /// Creates a string from the scalars of a buffer, such as `Document.scalars`, encoding
    /// straight from its code units (a copy of the bytes when they are all ASCII).
    public init(scalars: ScalarBuffer) {
        self = scalars.string(in: 0..<scalars.count)
    }

    /// Creates a string from a slice of a scalar buffer, such as `document.scalars[range]`.
    public init(scalars: Slice<ScalarBuffer>) {
        self = scalars.base.string(in: scalars.startIndex..<scalars.endIndex)
    }

    /// Creates a string from Unicode scalars, such as an array being built by a reader.
    ///
    /// Counts the UTF-8 length first and encodes straight into the string's own storage: one
    /// allocation of the final size, where building a byte array and decoding it took two, and
    /// building a `String.UnicodeScalarView` scalar by scalar is several times slower. Readers
    /// and exporters do this for every block, and readers once for the whole article.
    ///
    /// Inlinable, so that callers get a copy specialised for their collection (such as a slice
    /// of a `ScalarBuffer` inside generic reader code) rather than a call through witness tables.
    @inlinable public init(scalars: some Collection<Unicode.Scalar>) {
        var count = 0
        for scalar in scalars {
            let v = scalar.value
            count += v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x1_0000 ? 3 : 4
        }
        self.init(unsafeUninitializedCapacity: count) { buffer in
            var i = 0
            for scalar in scalars {
                let v = scalar.value
                if v < 0x80 {
                    buffer[i] = UInt8(truncatingIfNeeded: v)
                    i += 1
                } else {
                    UTF8.encode(scalar) {
                        buffer[i] = $0
                        i += 1
                    }
                }
            }
            return i
        }
    }
}
