/// Unicode scalars stored at one fixed width per buffer, the narrowest that holds the largest of
/// them, with constant-time access by offset.
///
/// The layout is the one Python's PEP 393 gives its strings: one byte per scalar when every
/// scalar is below U+0100 (ASCII and Latin-1), two when every one is below U+10000 (the Basic
/// Multilingual Plane), four otherwise. An English article takes a quarter of the memory of
/// `[Unicode.Scalar]`. Appending a scalar that does not fit widens the whole buffer once.
///
/// Indices are offsets from 0. Buffers with the same scalars are equal and hash alike whatever
/// their widths. Hot loops that read many scalars can read the code units directly with
/// `withUnsafeUnits(as:_:)` after switching once on `width`.
public struct ScalarBuffer: RandomAccessCollection, Sendable, Hashable, ExpressibleByArrayLiteral, CustomStringConvertible {
    /// The code units, `width` bytes each in native byte order.
    @usableFromInline internal var bytes: [UInt8]
    /// log2 of the width: 0, 1 or 2.
    @usableFromInline internal var shift: Int

    /// An empty buffer, one byte wide.
    @inlinable public init() {
        bytes = []
        shift = 0
    }

    /// A buffer holding `scalars`, at the narrowest width that holds them all.
    public init(_ scalars: some Sequence<Unicode.Scalar>) {
        if let fast = scalars.withContiguousStorageIfAvailable({ Self(contiguous: $0) }) {
            self = fast
            return
        }
        self.init()
        for scalar in scalars { append(scalar) }
    }

    /// A buffer holding the Unicode scalars of `text`, at the narrowest width that holds them all.
    ///
    /// The width and count come from one pass over the UTF-8 (the largest byte tells the width, the
    /// bytes that start a scalar the count), so the storage is allocated once at its final size.
    public init(_ text: String) {
        var contiguous = text
        self = contiguous.withUTF8 { utf8 in
            var maxByte: UInt8 = 0
            var count = 0
            for b in utf8 {
                maxByte = Swift.max(maxByte, b)
                count &+= b & 0xC0 == 0x80 ? 0 : 1
            }
            if maxByte < 0x80 {
                return ScalarBuffer(unsafeUninitializedCount: utf8.count, as: UInt8.self) { units in
                    _ = units.initialize(from: utf8)
                    return utf8.count
                }
            }
            let width = Self.width(forMaxUTF8Byte: maxByte)
            func fill<U: FixedWidthInteger & UnsignedInteger>(_: U.Type) -> ScalarBuffer {
                ScalarBuffer(unsafeUninitializedCount: count, as: U.self) { units in
                    var i = 0
                    for scalar in text.unicodeScalars {
                        units[i] = U(truncatingIfNeeded: scalar.value)
                        i += 1
                    }
                    return i
                }
            }
            return width == 1 ? fill(UInt8.self) : width == 2 ? fill(UInt16.self) : fill(UInt32.self)
        }
    }

    /// A buffer holding the scalars of the literal.
    public init(arrayLiteral elements: Unicode.Scalar...) {
        self.init(elements)
    }

    /// Creates a buffer of `count` code units of type `U` (`UInt8`, `UInt16` or `UInt32`, which sets
    /// the width), letting `body` write them; `body` returns how many it wrote, at most `count`.
    ///
    /// Every unit written must be a valid Unicode scalar value (no surrogates). Readers that decode
    /// bytes use it to write each scalar once, at its final width. The width is not narrowed
    /// afterwards, so choose the narrowest that holds the text's largest scalar.
    public init<U: FixedWidthInteger & UnsignedInteger>(
        unsafeUninitializedCount count: Int, as _: U.Type, initializingWith body: (UnsafeMutableBufferPointer<U>) throws -> Int
    ) rethrows {
        let shift = Self.shift(of: U.self)
        var written = 0
        bytes = try [UInt8](unsafeUninitializedCapacity: count << shift) { raw, initialized in
            let units = UnsafeMutableRawBufferPointer(raw).bindMemory(to: U.self)
            written = try body(units)
            precondition(written >= 0 && written <= count, "wrote \(written) of \(count) code units")
            initialized = written << shift
        }
        self.shift = shift
    }

    private init(contiguous scalars: UnsafeBufferPointer<Unicode.Scalar>) {
        var largest: UInt32 = 0
        for scalar in scalars { largest = Swift.max(largest, scalar.value) }
        func fill<U: FixedWidthInteger & UnsignedInteger>(_: U.Type) -> ScalarBuffer {
            ScalarBuffer(unsafeUninitializedCount: scalars.count, as: U.self) { units in
                for i in scalars.indices { units[i] = U(truncatingIfNeeded: scalars[i].value) }
                return scalars.count
            }
        }
        self = largest < 0x100 ? fill(UInt8.self) : largest < 0x1_0000 ? fill(UInt16.self) : fill(UInt32.self)
    }

    /// Bytes per scalar: 1, 2 or 4.
    @inlinable public var width: Int { 1 &<< shift }

    /// The width that holds a scalar of value `value`.
    @inlinable public static func width(for value: UInt32) -> Int { value < 0x100 ? 1 : value < 0x1_0000 ? 2 : 4 }

    /// The width that holds every scalar of valid UTF-8 whose largest byte is `byte`: lead bytes
    /// below 0xC4 start scalars below U+0100, below 0xF0 scalars below U+10000.
    @inlinable public static func width(forMaxUTF8Byte byte: UInt8) -> Int { byte < 0xC4 ? 1 : byte < 0xF0 ? 2 : 4 }

    @usableFromInline static func shift<U: FixedWidthInteger>(of _: U.Type) -> Int {
        switch MemoryLayout<U>.size {
        case 1: 0
        case 2: 1
        case 4: 2
        default: preconditionFailure("a scalar buffer holds 1, 2 or 4 byte code units, not \(MemoryLayout<U>.size)")
        }
    }

    // MARK: Collection

    /// Always 0.
    @inlinable public var startIndex: Int { 0 }

    /// The number of scalars.
    @inlinable public var endIndex: Int { bytes.count &>> shift }

    /// The number of scalars.
    @inlinable public var count: Int { bytes.count &>> shift }

    /// Whether the buffer holds no scalars.
    @inlinable public var isEmpty: Bool { bytes.isEmpty }

    /// The scalar at offset `i`.
    @inlinable public subscript(i: Int) -> Unicode.Scalar {
        switch shift {
        case 0:
            return Unicode.Scalar(bytes[i])
        case 1:
            precondition(UInt(bitPattern: i) < UInt(bitPattern: count), "scalar offset out of range")
            let unit = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: i &<< 1, as: UInt16.self) }
            return unsafeBitCast(UInt32(unit), to: Unicode.Scalar.self)
        default:
            precondition(UInt(bitPattern: i) < UInt(bitPattern: count), "scalar offset out of range")
            let unit = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: i &<< 2, as: UInt32.self) }
            return unsafeBitCast(unit, to: Unicode.Scalar.self)
        }
    }

    @inlinable public func index(after i: Int) -> Int { i + 1 }
    @inlinable public func index(before i: Int) -> Int { i - 1 }

    /// Calls `body` with the code units, which must be of the buffer's width (`UInt8` for 1,
    /// `UInt16` for 2, `UInt32` for 4): the fast path for scanners, which switch once on `width`.
    @inlinable public func withUnsafeUnits<U: FixedWidthInteger & UnsignedInteger, R>(
        as _: U.Type, _ body: (UnsafeBufferPointer<U>) throws -> R
    ) rethrows -> R {
        precondition(MemoryLayout<U>.size == width, "the buffer is \(width) bytes wide, not \(MemoryLayout<U>.size)")
        return try bytes.withUnsafeBytes { try body($0.bindMemory(to: U.self)) }
    }

    /// Calls `body` with the code units for changing them in place; like `withUnsafeUnits(as:_:)`,
    /// and every unit written must be a valid Unicode scalar value.
    public mutating func withUnsafeMutableUnits<U: FixedWidthInteger & UnsignedInteger, R>(
        as _: U.Type, _ body: (UnsafeMutableBufferPointer<U>) throws -> R
    ) rethrows -> R {
        precondition(MemoryLayout<U>.size == width, "the buffer is \(width) bytes wide, not \(MemoryLayout<U>.size)")
        return try bytes.withUnsafeMutableBytes { try body($0.bindMemory(to: U.self)) }
    }

    // MARK: Building

    /// Reserves room for `n` scalars at the current width.
    public mutating func reserveCapacity(_ n: Int) { bytes.reserveCapacity(n << shift) }

    /// Appends `scalar`, widening the buffer first if it does not fit.
    public mutating func append(_ scalar: Unicode.Scalar) {
        let v = scalar.value
        if Self.width(for: v) > width { widen(to: Self.width(for: v)) }
        switch shift {
        case 0:
            bytes.append(UInt8(truncatingIfNeeded: v))
        case 1:
            let u = UInt16(truncatingIfNeeded: v)
            withUnsafeBytes(of: u) { bytes.append(contentsOf: $0) }
        default:
            withUnsafeBytes(of: v) { bytes.append(contentsOf: $0) }
        }
    }

    /// Appends `scalars`, widening the buffer when one does not fit.
    public mutating func append(contentsOf scalars: some Sequence<Unicode.Scalar>) {
        reserveCapacity(count + scalars.underestimatedCount)
        for scalar in scalars { append(scalar) }
    }

    /// Removes the last `k` scalars (the width stays).
    public mutating func removeLast(_ k: Int) {
        precondition(k >= 0 && k <= count, "cannot remove \(k) of \(count) scalars")
        bytes.removeLast(k << shift)
    }

    /// Rewrites every scalar at `newWidth`, which is wider than the current one.
    private mutating func widen(to newWidth: Int) {
        let old = self
        func fill<U: FixedWidthInteger & UnsignedInteger>(_: U.Type) -> ScalarBuffer {
            var out = ScalarBuffer(unsafeUninitializedCount: old.count, as: U.self) { units in
                for i in 0..<old.count { units[i] = U(truncatingIfNeeded: old[i].value) }
                return old.count
            }
            out.bytes.reserveCapacity(old.bytes.capacity << (Self.shift(of: U.self) - old.shift))
            return out
        }
        self = newWidth == 2 ? fill(UInt16.self) : fill(UInt32.self)
    }

    // MARK: UTF-8

    /// The scalars of `range` as a string, encoded straight from the code units.
    public func string(in range: Range<Int>) -> String {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "range \(range) outside \(count) scalars")
        switch shift {
        case 0: return withUnsafeUnits(as: UInt8.self) { Self.string(UnsafeBufferPointer(rebasing: $0[range])) }
        case 1: return withUnsafeUnits(as: UInt16.self) { Self.string(UnsafeBufferPointer(rebasing: $0[range])) }
        default: return withUnsafeUnits(as: UInt32.self) { Self.string(UnsafeBufferPointer(rebasing: $0[range])) }
        }
    }

    /// The number of UTF-8 bytes of a scalar of value `v`.
    @inlinable public static func utf8Length(_ v: UInt32) -> Int { v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x1_0000 ? 3 : 4 }

    /// Appends the UTF-8 of the scalars of `range` to `out`, encoded straight from the code units,
    /// without a `String` in between: for callers that only copy or hash the bytes.
    public func appendUTF8(in range: Range<Int>, to out: inout [UInt8]) {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "range \(range) outside \(count) scalars")
        func append<U: FixedWidthInteger & UnsignedInteger>(_ units: UnsafeBufferPointer<U>) {
            let start = out.count
            let length = Self.utf8Count(units)
            out.append(contentsOf: repeatElement(0, count: length))
            out.withUnsafeMutableBufferPointer { _ = Self.encodeUTF8(units, into: UnsafeMutableBufferPointer(rebasing: $0[start...])) }
        }
        switch shift {
        case 0: withUnsafeUnits(as: UInt8.self) { append(UnsafeBufferPointer(rebasing: $0[range])) }
        case 1: withUnsafeUnits(as: UInt16.self) { append(UnsafeBufferPointer(rebasing: $0[range])) }
        default: withUnsafeUnits(as: UInt32.self) { append(UnsafeBufferPointer(rebasing: $0[range])) }
        }
    }

    private static func string<U: FixedWidthInteger & UnsignedInteger>(_ units: UnsafeBufferPointer<U>) -> String {
        let length = utf8Count(units)
        if length == units.count, U.self == UInt8.self {
            // All ASCII: the units are the UTF-8.
            return String(unsafeUninitializedCapacity: length) { out in
                _ = out.initialize(from: UnsafeRawBufferPointer(units).bindMemory(to: UInt8.self))
                return length
            }
        }
        return String(unsafeUninitializedCapacity: length) { encodeUTF8(units, into: $0) }
    }

    /// The number of UTF-8 bytes of `units`, branch-free, so that the compiler can take many units a step.
    private static func utf8Count<U: FixedWidthInteger & UnsignedInteger>(_ units: UnsafeBufferPointer<U>) -> Int {
        var length = units.count
        for u in units {
            let v = UInt32(truncatingIfNeeded: u)
            length &+= (v >= 0x80 ? 1 : 0) &+ (v >= 0x800 ? 1 : 0) &+ (v >= 0x1_0000 ? 1 : 0)
        }
        return length
    }

    /// Writes the UTF-8 of `units` into `out`, which has room for `utf8Count(units)` bytes; returns
    /// how many it wrote.
    private static func encodeUTF8<U: FixedWidthInteger & UnsignedInteger>(
        _ units: UnsafeBufferPointer<U>, into out: UnsafeMutableBufferPointer<UInt8>
    ) -> Int {
        var i = 0
        var k = 0
        let n = units.count
        let raw = UnsafeRawPointer(units.baseAddress)
        while k < n {
            // Four ASCII units of a two-byte buffer at once, the common case in English text.
            if U.self == UInt16.self, k &+ 4 <= n, let raw,
                raw.loadUnaligned(fromByteOffset: k &* 2, as: UInt64.self) & 0xFF80_FF80_FF80_FF80 == 0
            {
                for j in 0..<4 { out[i &+ j] = UInt8(truncatingIfNeeded: units[k &+ j]) }
                i &+= 4
                k &+= 4
                continue
            }
            let u = units[k]
            k &+= 1
            let v = UInt32(truncatingIfNeeded: u)
            // Encoded inline: a closure call per scalar through `UTF8.encode` was most of the time.
            if v < 0x80 {
                out[i] = UInt8(truncatingIfNeeded: v)
                i &+= 1
            } else if v < 0x800 {
                out[i] = UInt8(truncatingIfNeeded: 0xC0 | v &>> 6)
                out[i &+ 1] = UInt8(truncatingIfNeeded: 0x80 | v & 0x3F)
                i &+= 2
            } else if v < 0x1_0000 {
                out[i] = UInt8(truncatingIfNeeded: 0xE0 | v &>> 12)
                out[i &+ 1] = UInt8(truncatingIfNeeded: 0x80 | v &>> 6 & 0x3F)
                out[i &+ 2] = UInt8(truncatingIfNeeded: 0x80 | v & 0x3F)
                i &+= 3
            } else {
                out[i] = UInt8(truncatingIfNeeded: 0xF0 | v &>> 18)
                out[i &+ 1] = UInt8(truncatingIfNeeded: 0x80 | v &>> 12 & 0x3F)
                out[i &+ 2] = UInt8(truncatingIfNeeded: 0x80 | v &>> 6 & 0x3F)
                out[i &+ 3] = UInt8(truncatingIfNeeded: 0x80 | v & 0x3F)
                i &+= 4
            }
        }
        return i
    }

    // MARK: Equality

    public static func == (lhs: ScalarBuffer, rhs: ScalarBuffer) -> Bool {
        if lhs.shift == rhs.shift { return lhs.bytes == rhs.bytes }
        return lhs.count == rhs.count && lhs.elementsEqual(rhs)
    }

    /// Hashes the scalar values, so that equal buffers of different widths hash alike.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for scalar in self { hasher.combine(scalar.value) }
    }

    /// The scalars as a string.
    public var description: String { string(in: 0..<count) }
}
