/// Classifies 64 scalars at a time through a table of class bits, so that a scanner can find words,
/// digits and marks in bit masks and branch once per word instead of once per scalar.
///
/// Used by the first passes of the quote and date scanners, each with its own table.
enum ScalarClasses {
    /// The class of each of the 64 units from `i` (`table[unit]`, or `beyond` for a unit past the
    /// table) into `classes`; returns the union of the classes.
    @inline(__always) static func classify<Unit: FixedWidthInteger & UnsignedInteger>(
        _ raw: UnsafeBufferPointer<Unit>, at i: Int, table: UnsafeBufferPointer<UInt8>, beyond: UInt8,
        into classes: UnsafeMutableRawBufferPointer
    ) -> UInt8 {
        var any: UInt8 = 0
        for k in 0..<64 {
            let c = Int(truncatingIfNeeded: raw[i &+ k])
            let cls = c < table.count ? table[c] : beyond
            classes[k] = cls
            any |= cls
        }
        return any
    }

    /// The mask of the 64 classes in `classes` that have the bit `bit` (bit k for class k).
    @inline(__always) static func mask(_ classes: UnsafeMutableRawBufferPointer, _ bit: UInt8) -> UInt64 {
        let shift = UInt64(bit.trailingZeroBitCount)
        var mask: UInt64 = 0
        for w in 0..<8 {
            let word = classes.loadUnaligned(fromByteOffset: w * 8, as: UInt64.self)
            // The low bit of each byte, moved to bits 56 to 63 in byte order by one multiply.
            let bits = (((word >> shift) & 0x0101_0101_0101_0101) &* 0x0102_0408_1020_4080) >> 56
            mask |= bits << UInt64(w * 8)
        }
        return mask
    }
}
