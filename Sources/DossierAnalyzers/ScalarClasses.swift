import DossierCore

/// Classifies 64 scalars at a time through a table of class bits, so that a scanner can find words,
/// digits and marks in bit masks and branch once per word instead of once per scalar.
///
/// Used by the first passes of the quote and date scanners, each with its own table.
enum ScalarClasses {
    /// The class of each of the 64 scalars from `i` (`table[value]`, or `beyond` for a value past
    /// the table) into `classes`; returns the union of the classes. A two-byte buffer's marker
    /// units are past every table, so they take `beyond`; a one-byte buffer's (0x80...0x9F, for
    /// the few scalars above U+00FF of mostly Latin text) are read as their scalars' values, in a
    /// second pass over the block only when it holds one.
    @inline(__always) static func classify<Unit: FixedWidthInteger & UnsignedInteger>(
        _ units: ScalarBuffer.Units<Unit>, at i: Int, table: UnsafeBufferPointer<UInt8>, beyond: UInt8,
        into classes: UnsafeMutableRawBufferPointer
    ) -> UInt8 {
        let raw = units.raw
        var any: UInt8 = 0
        for k in 0..<64 {
            let c = Int(truncatingIfNeeded: raw[i &+ k])
            let cls = c < table.count ? table[c] : beyond
            classes[k] = cls
            any |= cls
        }
        if Unit.self == UInt8.self, let base = raw.baseAddress {
            // The marker units (0x80...0x9F), eight bytes a step.
            let bytes = UnsafeRawPointer(base) + i
            var resolved = false
            for w in 0..<8 {
                var marked = ScalarBuffer.markerBits(bytes.loadUnaligned(fromByteOffset: w &* 8, as: UInt64.self))
                while marked != 0 {
                    // The marked unit's scalar, looked up; bit 8j + 7 is byte j (little-endian loads).
                    let k = w &* 8 &+ marked.trailingZeroBitCount &>> 3
                    let c = Int(truncatingIfNeeded: units[i &+ k])
                    classes[k] = c < table.count ? table[c] : beyond
                    marked &= marked &- 1
                    resolved = true
                }
            }
            if resolved {
                var union: UInt64 = 0
                for w in 0..<8 { union |= classes.loadUnaligned(fromByteOffset: w &* 8, as: UInt64.self) }
                union |= union >> 32
                union |= union >> 16
                union |= union >> 8
                any = UInt8(truncatingIfNeeded: union)
            }
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
