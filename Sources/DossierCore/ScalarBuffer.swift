/// Unicode scalars stored at one fixed width per buffer, with access by offset in constant time
/// (by binary search for the few scalars above U+FFFF kept out of line).
///
/// The layout is the one Python's PEP 393 gives its strings, with one change for the scalars above
/// U+FFFF: one byte per scalar when every scalar is below U+0100 (ASCII and Latin-1), two when
/// every one is below U+10000 (the Basic Multilingual Plane) or when the few above it are stored
/// out of line, four when they are many. An English article takes a quarter of the memory of
/// `[Unicode.Scalar]`, and one emoji in it no longer makes every scalar four bytes.
///
/// Out of line: in a two-byte buffer, a code unit in U+D800...U+DFFF (a surrogate, never a scalar)
/// marks an offset whose scalar, above U+FFFF, is kept in a sorted side table of (offset, scalar)
/// entries. The unit is the scalar's UTF-16 high surrogate. A buffer keeps its scalars above
/// U+FFFF out of line while they are at most an eighth of its scalars (10 bytes each instead of 4,
/// so that a text of them costs at most 3 bytes a scalar); past that the buffer is four bytes wide.
/// A one-byte buffer does the same for the scalars above U+00FF of mostly Latin text (the curly
/// quotes, dashes and the odd foreign name of an English article): a unit in 0x80...0x9F (the C1
/// controls, which a one-byte buffer never holds in line) marks one, while they are at most a
/// sixteenth of its scalars (9 bytes each instead of every scalar taking 2) and none is white
/// space (see `needsTwoBytes(_:)`). The subscript reads a marked offset by binary search in the
/// side table; every other offset in constant time.
///
/// Indices are offsets from 0 (scalar offsets, whatever the layout). Buffers with the same scalars
/// are equal and hash alike whatever their layouts. Hot loops that read many scalars switch once on
/// `width`, then read the code units through `withUnits(as:_:)`, whose view resolves marked units,
/// or directly with `withUnsafeUnits(as:_:)`, where a marked unit must be treated by the caller.
public struct ScalarBuffer: RandomAccessCollection, Sendable, Hashable, ExpressibleByArrayLiteral, CustomStringConvertible {
    /// The code units, `width` bytes each in native byte order.
    @usableFromInline internal var bytes: [UInt8]
    /// log2 of the width: 0, 1 or 2.
    @usableFromInline internal var shift: Int
    /// The scalars kept out of line, in offset order, each `offset << 21 | value` (a scalar value
    /// takes 21 bits): those above U+FFFF of a two-byte buffer, those above U+00FF of a one-byte
    /// buffer; empty at four bytes.
    @usableFromInline internal var outOfLine: [UInt64]

    /// An empty buffer, one byte wide.
    @inlinable public init() {
        bytes = []
        shift = 0
        outOfLine = []
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
            var astral = 0
            var beyondLatin1 = 0
            for b in utf8 {
                maxByte = Swift.max(maxByte, b)
                count &+= b & 0xC0 == 0x80 ? 0 : 1
                astral &+= b >= 0xF0 ? 1 : 0
                beyondLatin1 &+= b >= 0xC4 ? 1 : 0
            }
            if maxByte < 0x80 {
                return ScalarBuffer(unsafeUninitializedCount: utf8.count, as: UInt8.self) { units in
                    _ = units.initialize(from: utf8)
                    return utf8.count
                }
            }
            if beyondLatin1 > 0, Self.keepsOutOfLineInLatin1(beyondLatin1, of: count),
                !text.unicodeScalars.contains(where: Self.needsTwoBytes)
            {
                return ScalarBuffer(unsafeUninitializedCount: count, outOfLineCount: beyondLatin1, as: UInt8.self) { units, outOfLine in
                    var i = 0
                    for scalar in text.unicodeScalars {
                        units[i] = outOfLine.latin1Unit(for: scalar.value, at: i)
                        i += 1
                    }
                    return i
                }
            }
            let width = Self.width(forMaxUTF8Byte: maxByte)
            if width == 4, Self.keepsOutOfLine(astral, of: count) {
                return ScalarBuffer(unsafeUninitializedCount: count, outOfLineCount: astral) { units, outOfLine in
                    var i = 0
                    for scalar in text.unicodeScalars {
                        units[i] = outOfLine.unit(for: scalar, at: i)
                        i += 1
                    }
                    return i
                }
            }
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
    /// afterwards, so choose the narrowest that holds the text's largest scalar; for text with
    /// scalars above U+FFFF, see `init(unsafeUninitializedCount:outOfLineCount:initializingWith:)`.
    /// One-byte units may be any value below 0x100: a text with a C1 control (U+0080...U+009F,
    /// whose units mark out-of-line scalars in a one-byte buffer) is rewritten two bytes wide.
    public init<U: FixedWidthInteger & UnsignedInteger>(
        unsafeUninitializedCount count: Int, as _: U.Type, initializingWith body: (UnsafeMutableBufferPointer<U>) throws -> Int
    ) rethrows {
        try self.init(rawCount: count, as: U.self, initializingWith: body)
        if shift == 0, Self.holdsC1(bytes) {
            // Rare (C1 controls are not text): every unit is its scalar, so the two-byte rewrite is exact.
            let old = bytes
            self = ScalarBuffer(rawCount: old.count, as: UInt16.self) { units in
                for i in old.indices { units[i] = UInt16(old[i]) }
                return old.count
            }
        }
    }

    /// The units as written by `body`, with an empty side table.
    @usableFromInline init<U: FixedWidthInteger & UnsignedInteger>(
        rawCount count: Int, as _: U.Type, initializingWith body: (UnsafeMutableBufferPointer<U>) throws -> Int
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
        outOfLine = []
    }

    /// Whether `bytes` holds a unit in 0x80...0x9F, eight at a time.
    static func holdsC1(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { raw in
            var i = 0
            var found: UInt64 = 0
            while i + 8 <= raw.count {
                found |= markerBits(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                i += 8
            }
            while i < raw.count {
                found |= isOutOfLineMarker(raw[i]) ? 1 : 0
                i += 1
            }
            return found != 0
        }
    }

    /// Whether `scalar` takes a buffer to two bytes or more even where it would be one of few: a C1
    /// control (units 0x80...0x9F mark out-of-line scalars in a one-byte buffer) or white space
    /// above U+00FF (scanners of one-byte units take every marker for a scalar that is not white
    /// space, so that they need not look it up).
    @inlinable public static func needsTwoBytes(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value &- 0x80 < 0x20 || scalar.value >= 0x100 && scalar.isSpace
    }

    /// Creates a two-byte buffer of `count` scalars of which at most `outOfLineCount` are above
    /// U+FFFF, letting `body` write them; `body` returns how many it wrote, at most `count`.
    ///
    /// `body` writes each scalar below U+10000 as its unit, and each one above through
    /// `OutOfLineScalars.unit(for:at:)`, in offset order. Readers that decode bytes use it when
    /// `keepsOutOfLine(_:of:)` says the scalars above U+FFFF are few enough to keep out of line.
    public init(
        unsafeUninitializedCount count: Int, outOfLineCount: Int,
        initializingWith body: (UnsafeMutableBufferPointer<UInt16>, inout OutOfLineScalars) throws -> Int
    ) rethrows {
        try self.init(unsafeUninitializedCount: count, outOfLineCount: outOfLineCount, as: UInt16.self, initializingWith: body)
    }

    /// Creates a buffer of `count` scalars at the width of `U` (`UInt8` or `UInt16`), of which at
    /// most `outOfLineCount` are kept out of line, letting `body` write them; `body` returns how
    /// many it wrote, at most `count`.
    ///
    /// Two bytes: as `init(unsafeUninitializedCount:outOfLineCount:initializingWith:)`. One byte:
    /// `body` writes every scalar through `OutOfLineScalars.latin1Unit(for:at:)`, in offset order,
    /// and no scalar for which `needsTwoBytes(_:)` holds; readers use it when
    /// `keepsOutOfLineInLatin1(_:of:)` says the scalars above U+00FF are few enough.
    public init<U: FixedWidthInteger & UnsignedInteger>(
        unsafeUninitializedCount count: Int, outOfLineCount: Int, as _: U.Type,
        initializingWith body: (UnsafeMutableBufferPointer<U>, inout OutOfLineScalars) throws -> Int
    ) rethrows {
        precondition(U.self == UInt8.self || U.self == UInt16.self, "only one- and two-byte buffers keep scalars out of line")
        var table = OutOfLineScalars(capacity: outOfLineCount)
        self = try ScalarBuffer(rawCount: count, as: U.self) { units in
            let written = try body(units, &table)
            precondition(table.entries.last.map { Int($0 >> 21) < written } ?? true, "an out-of-line scalar past the \(written) written")
            return written
        }
        outOfLine = table.entries
    }

    /// The scalars above U+FFFF of a two-byte buffer being written, recorded in offset order.
    public struct OutOfLineScalars {
        @usableFromInline var entries: [UInt64]

        init(capacity: Int) {
            entries = []
            entries.reserveCapacity(capacity)
        }

        /// The code unit to write at `offset` for `scalar`: its value below U+10000, else a marker
        /// unit, the scalar being recorded out of line. Offsets must come in increasing order.
        @inlinable public mutating func unit(for scalar: Unicode.Scalar, at offset: Int) -> UInt16 {
            unit(for: scalar.value, at: offset)
        }

        /// `unit(for:at:)` for a scalar's value.
        @inlinable public mutating func unit(for value: UInt32, at offset: Int) -> UInt16 {
            if value < 0x1_0000 { return UInt16(truncatingIfNeeded: value) }
            record(value, at: offset)
            return ScalarBuffer.marker(for: value)
        }

        /// The code unit to write at `offset` of a one-byte buffer for the scalar of value
        /// `value`: the value itself below U+0100, else a marker unit, the scalar being recorded
        /// out of line. The value must not be a C1 control. Offsets must come in increasing order.
        @inlinable public mutating func latin1Unit(for value: UInt32, at offset: Int) -> UInt8 {
            if value < 0x100 {
                precondition(value &- 0x80 >= 0x20, "a one-byte buffer holds no C1 control")
                return UInt8(truncatingIfNeeded: value)
            }
            record(value, at: offset)
            return ScalarBuffer.latin1Marker(for: value)
        }

        @inlinable mutating func record(_ value: UInt32, at offset: Int) {
            precondition(entries.last.map { Int($0 >> 21) < offset } ?? true, "out-of-line scalars must come in offset order")
            entries.append(UInt64(offset) << 21 | UInt64(value))
        }
    }

    /// Whether a text of `count` scalars, `beyond` of them above U+00FF (none of which
    /// `needsTwoBytes(_:)`), keeps those out of line in a one-byte buffer rather than taking two
    /// bytes a scalar: while they are at most a sixteenth, so that it takes at most 1.5 bytes a
    /// scalar and a scanner seldom looks one up.
    @inlinable public static func keepsOutOfLineInLatin1(_ beyond: Int, of count: Int) -> Bool { beyond &* 16 <= count }

    /// How many scalars above U+00FF `append(_:)` keeps out of line in a one-byte buffer whatever
    /// their share: a table of 2 KB at most, against a buffer that would otherwise double.
    @inlinable public static var latin1OutOfLineAllowance: Int { 256 }

    /// The unit that marks, in a one-byte buffer, an out-of-line scalar of value `value`.
    @inlinable static func latin1Marker(for value: UInt32) -> UInt8 { UInt8(truncatingIfNeeded: 0x80 | value & 0x1F) }

    /// Whether `unit`, read from a one-byte buffer, marks a scalar stored out of line.
    @inlinable public static func isOutOfLineMarker(_ unit: UInt8) -> Bool { unit & 0xE0 == 0x80 }

    /// The high bit of each of the eight one-byte units of `word` that marks a scalar stored out of
    /// line: a unit in 0x80...0x9F has bit 7 set and bits 6 and 5 clear.
    @inlinable public static func markerBits(_ word: UInt64) -> UInt64 { word & ~(word << 1) & ~(word << 2) & 0x8080_8080_8080_8080 }

    /// Whether `unit`, read from a buffer of `U`'s width, marks a scalar stored out of line.
    @inlinable public static func isMarker<U: FixedWidthInteger & UnsignedInteger>(_ unit: U) -> Bool {
        switch MemoryLayout<U>.size {
        case 1: isOutOfLineMarker(UInt8(truncatingIfNeeded: unit))
        case 2: isOutOfLineMarker(UInt16(truncatingIfNeeded: unit))
        default: false
        }
    }

    /// Whether a text of `count` scalars, `astral` of them above U+FFFF, keeps those out of line in
    /// a two-byte buffer rather than taking four bytes a scalar: while they are at most an eighth.
    @inlinable public static func keepsOutOfLine(_ astral: Int, of count: Int) -> Bool { astral &* 8 <= count }

    /// The unit that marks an out-of-line scalar of value `value`: its UTF-16 high surrogate.
    @inlinable static func marker(for value: UInt32) -> UInt16 { UInt16(truncatingIfNeeded: 0xD800 | (value &- 0x1_0000) &>> 10) }

    /// Whether `unit`, read from a two-byte buffer, marks a scalar stored out of line.
    @inlinable public static func isOutOfLineMarker(_ unit: UInt16) -> Bool { unit & 0xF800 == 0xD800 }

    /// The value of the out-of-line scalar at `offset`, which holds a marker unit: binary search in the table.
    @usableFromInline @inline(never)
    static func outOfLineValue(at offset: Int, in table: UnsafeBufferPointer<UInt64>) -> UInt32 {
        let low = firstEntry(atOrAfter: offset, in: table)
        precondition(low < table.count && table[low] &>> 21 == UInt64(offset), "no out-of-line scalar at offset \(offset)")
        return UInt32(truncatingIfNeeded: table[low] & 0x1F_FFFF)
    }

    /// `outOfLineValue(at:in:)`, trying the entry at `hint` and the one after it before a search,
    /// and leaving in `hint` the index of the entry read.
    @usableFromInline @inline(never)
    static func outOfLineValue(at offset: Int, in table: UnsafeBufferPointer<UInt64>, hint: UnsafeMutablePointer<Int>) -> UInt32 {
        let key = UInt64(offset)
        var h = hint.pointee
        if h < table.count, table[h] &>> 21 == key { return UInt32(truncatingIfNeeded: table[h] & 0x1F_FFFF) }
        h &+= 1
        if h < table.count, table[h] &>> 21 == key {
            hint.pointee = h
            return UInt32(truncatingIfNeeded: table[h] & 0x1F_FFFF)
        }
        h = firstEntry(atOrAfter: offset, in: table)
        precondition(h < table.count && table[h] &>> 21 == key, "no out-of-line scalar at offset \(offset)")
        hint.pointee = h
        return UInt32(truncatingIfNeeded: table[h] & 0x1F_FFFF)
    }

    /// The index of the first out-of-line entry at or after `offset`.
    @usableFromInline func firstOutOfLine(atOrAfter offset: Int) -> Int {
        outOfLine.withUnsafeBufferPointer { Self.firstEntry(atOrAfter: offset, in: $0) }
    }

    /// The index of the first entry of `table` at or after `offset`: a binary search.
    @usableFromInline static func firstEntry(atOrAfter offset: Int, in table: UnsafeBufferPointer<UInt64>) -> Int {
        let key = UInt64(offset) << 21
        var low = 0
        var high = table.count
        while low < high {
            let mid = (low &+ high) &>> 1
            if table[mid] < key { low = mid &+ 1 } else { high = mid }
        }
        return low
    }

    private init(contiguous scalars: UnsafeBufferPointer<Unicode.Scalar>) {
        var largest: UInt32 = 0
        var astral = 0
        var beyondLatin1 = 0
        var needsTwo = false
        for scalar in scalars {
            largest = Swift.max(largest, scalar.value)
            astral &+= scalar.value >= 0x1_0000 ? 1 : 0
            beyondLatin1 &+= scalar.value >= 0x100 ? 1 : 0
            needsTwo = needsTwo || Self.needsTwoBytes(scalar)
        }
        if beyondLatin1 > 0, !needsTwo, Self.keepsOutOfLineInLatin1(beyondLatin1, of: scalars.count) {
            self.init(unsafeUninitializedCount: scalars.count, outOfLineCount: beyondLatin1, as: UInt8.self) { units, outOfLine in
                for i in scalars.indices { units[i] = outOfLine.latin1Unit(for: scalars[i].value, at: i) }
                return scalars.count
            }
            return
        }
        if astral > 0, Self.keepsOutOfLine(astral, of: scalars.count) {
            self.init(unsafeUninitializedCount: scalars.count, outOfLineCount: astral) { units, outOfLine in
                for i in scalars.indices { units[i] = outOfLine.unit(for: scalars[i], at: i) }
                return scalars.count
            }
            return
        }
        func fill<U: FixedWidthInteger & UnsignedInteger>(_: U.Type) -> ScalarBuffer {
            ScalarBuffer(unsafeUninitializedCount: scalars.count, as: U.self) { units in
                for i in scalars.indices { units[i] = U(truncatingIfNeeded: scalars[i].value) }
                return scalars.count
            }
        }
        self = largest < 0x100 ? fill(UInt8.self) : largest < 0x1_0000 ? fill(UInt16.self) : fill(UInt32.self)
    }

    /// Bytes per code unit: 1, 2 or 4 (a two-byte buffer may keep a few scalars out of line).
    @inlinable public var width: Int { 1 &<< shift }

    /// How many scalars the buffer keeps out of line: above U+FFFF in a two-byte buffer, above
    /// U+00FF in a one-byte buffer, none at four bytes.
    @inlinable public var outOfLineCount: Int { outOfLine.count }

    /// The width that holds a scalar of value `value` in line (a C1 control takes two bytes).
    @inlinable public static func width(for value: UInt32) -> Int { value < 0x80 || value &- 0xA0 < 0x60 ? 1 : value < 0x1_0000 ? 2 : 4 }

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
            let unit = bytes[i]
            if Self.isOutOfLineMarker(unit) {
                return unsafeBitCast(outOfLine.withUnsafeBufferPointer { Self.outOfLineValue(at: i, in: $0) }, to: Unicode.Scalar.self)
            }
            return Unicode.Scalar(unit)
        case 1:
            precondition(UInt(bitPattern: i) < UInt(bitPattern: count), "scalar offset out of range")
            let unit = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: i &<< 1, as: UInt16.self) }
            if Self.isOutOfLineMarker(unit) {
                return unsafeBitCast(outOfLine.withUnsafeBufferPointer { Self.outOfLineValue(at: i, in: $0) }, to: Unicode.Scalar.self)
            }
            return unsafeBitCast(UInt32(unit), to: Unicode.Scalar.self)
        default:
            precondition(UInt(bitPattern: i) < UInt(bitPattern: count), "scalar offset out of range")
            let unit = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: i &<< 2, as: UInt32.self) }
            return unsafeBitCast(unit, to: Unicode.Scalar.self)
        }
    }

    @inlinable public func index(after i: Int) -> Int { i + 1 }
    @inlinable public func index(before i: Int) -> Int { i - 1 }

    /// Calls `body` with a view of the code units that reads each as its scalar's value, out-of-line
    /// scalars included; `U` must be of the buffer's width (`UInt8` for 1, `UInt16` for 2, `UInt32`
    /// for 4). The path for scanners, which switch once on `width`.
    @inlinable public func withUnits<U: FixedWidthInteger & UnsignedInteger, R>(
        as _: U.Type, _ body: (Units<U>) throws -> R
    ) rethrows -> R {
        try withUnsafeUnits(as: U.self) { raw in
            try outOfLine.withUnsafeBufferPointer { table in
                // The lookup hint is one word for the whole call; `Units` copies share it.
                let hint = UnsafeMutablePointer<Int>.allocate(capacity: 1)
                hint.initialize(to: 0)
                defer { hint.deallocate() }
                return try body(Units(raw: raw, outOfLine: table, hint: hint))
            }
        }
    }

    /// Calls `body` with the code units as stored, which must be of the buffer's width (`UInt8` for
    /// 1, `UInt16` for 2, `UInt32` for 4). A unit for which `isOutOfLineMarker(_:)` holds stands
    /// for a scalar kept out of line (above U+FFFF in a two-byte buffer, above U+00FF in a one-byte
    /// one): read it with the subscript, or read through `withUnits(as:_:)`.
    @inlinable public func withUnsafeUnits<U: FixedWidthInteger & UnsignedInteger, R>(
        as _: U.Type, _ body: (UnsafeBufferPointer<U>) throws -> R
    ) rethrows -> R {
        precondition(MemoryLayout<U>.size == width, "the buffer is \(width) bytes wide, not \(MemoryLayout<U>.size)")
        return try bytes.withUnsafeBytes { try body($0.bindMemory(to: U.self)) }
    }

    /// Calls `body` with the code units for changing them in place; like `withUnsafeUnits(as:_:)`,
    /// and every unit written must be a valid Unicode scalar value, and in a one-byte buffer none
    /// in 0x80...0x9F. Units that mark out-of-line scalars must stay where they are (see
    /// `compactUnits(as:_:)` for moving them).
    public mutating func withUnsafeMutableUnits<U: FixedWidthInteger & UnsignedInteger, R>(
        as _: U.Type, _ body: (UnsafeMutableBufferPointer<U>) throws -> R
    ) rethrows -> R {
        precondition(MemoryLayout<U>.size == width, "the buffer is \(width) bytes wide, not \(MemoryLayout<U>.size)")
        return try bytes.withUnsafeMutableBytes { try body($0.bindMemory(to: U.self)) }
    }

    /// Calls `body` to rewrite the code units in place and keeps the first `count` it returns.
    ///
    /// `body` may drop and rewrite scalars below U+10000, and move units toward the front keeping
    /// their order; every unit that marks an out-of-line scalar must be kept (moved, not dropped or
    /// rewritten), so that the side table follows its units. Every unit written must be a valid
    /// Unicode scalar value or such a moved marker.
    public mutating func compactUnits<U: FixedWidthInteger & UnsignedInteger, R>(
        as _: U.Type, _ body: (UnsafeMutableBufferPointer<U>) throws -> (result: R, count: Int)
    ) rethrows -> R {
        let (result, kept) = try withUnsafeMutableUnits(as: U.self) { try body($0) }
        precondition(kept >= 0 && kept <= count, "kept \(kept) of \(count) scalars")
        bytes.removeLast(bytes.count - kept << shift)
        if !outOfLine.isEmpty {
            // Concrete unit types: this generic function is not specialised for its callers.
            if shift == 0 {
                withUnsafeUnits(as: UInt8.self) { relocateOutOfLine($0) }
            } else {
                withUnsafeUnits(as: UInt16.self) { relocateOutOfLine($0) }
            }
        }
        return result
    }

    /// Gives each out-of-line entry the offset of its marker in `units`: the markers, in order,
    /// are the table's entries in order.
    private mutating func relocateOutOfLine<U: FixedWidthInteger & UnsignedInteger>(_ units: UnsafeBufferPointer<U>) {
        var k = 0
        outOfLine.withUnsafeMutableBufferPointer { table in
            for i in units.indices where Self.isMarker(units[i]) {
                precondition(k < table.count, "more marker units than out-of-line scalars")
                table[k] = UInt64(i) << 21 | table[k] & 0x1F_FFFF
                k &+= 1
            }
        }
        precondition(k == outOfLine.count, "an out-of-line scalar's marker was dropped")
    }

    // MARK: Building

    /// Reserves room for `n` scalars at the current width.
    public mutating func reserveCapacity(_ n: Int) { bytes.reserveCapacity(n << shift) }

    /// Appends `scalar`, widening the buffer first if it does not fit.
    ///
    /// A scalar above U+FFFF goes out of line in a two-byte buffer until such scalars are more than
    /// an eighth of the buffer's scalars and more than a few thousand: then the buffer is made
    /// four bytes wide. (Judging by an eighth alone would widen for an article's first emoji.) A
    /// scalar above U+00FF goes out of line in a one-byte buffer while such scalars are fewer than
    /// `latin1OutOfLineAllowance` or within a sixteenth of its scalars; past that (or for a
    /// scalar for which `needsTwoBytes(_:)` holds) the buffer is widened. (Judging by a sixteenth
    /// alone would widen for a curly apostrophe in a headline, and a buffer built by appending
    /// never narrows again.)
    public mutating func append(_ scalar: Unicode.Scalar) {
        let v = scalar.value
        if shift == 0, v >= 0x100,
            outOfLine.count < Self.latin1OutOfLineAllowance || Self.keepsOutOfLineInLatin1(outOfLine.count + 1, of: count + 1),
            !Self.needsTwoBytes(scalar)
        {
            outOfLine.append(UInt64(count) << 21 | UInt64(v))
            bytes.append(Self.latin1Marker(for: v))
            return
        }
        if v >= 0x1_0000, shift < 2 {
            if outOfLine.count < 4096 || Self.keepsOutOfLine(outOfLine.count + 1, of: count + 1) {
                if shift == 0 { widen(to: 2) }
                outOfLine.append(UInt64(count) << 21 | UInt64(v))
                withUnsafeBytes(of: Self.marker(for: v)) { bytes.append(contentsOf: $0) }
                return
            }
            widen(to: 4)
        }
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
        while let last = outOfLine.last, Int(last >> 21) >= count { outOfLine.removeLast() }
    }

    /// Rewrites every scalar at `newWidth`, which is wider than the current one: at two bytes the
    /// scalars above U+FFFF stay (or go) out of line, at four bytes every scalar is in line.
    private mutating func widen(to newWidth: Int) {
        let old = self
        var out: ScalarBuffer
        if newWidth == 2 {
            let astral = old.outOfLine.reduce(0) { $0 + ($1 & 0x1F_FFFF >= 0x1_0000 ? 1 : 0) }
            out = ScalarBuffer(unsafeUninitializedCount: old.count, outOfLineCount: astral) { units, outOfLine in
                for i in 0..<old.count { units[i] = outOfLine.unit(for: old[i].value, at: i) }
                return old.count
            }
        } else {
            out = ScalarBuffer(rawCount: old.count, as: UInt32.self) { units in
                for i in 0..<old.count { units[i] = old[i].value }
                return old.count
            }
        }
        out.bytes.reserveCapacity(old.bytes.capacity << (out.shift - old.shift))
        self = out
    }

    // MARK: UTF-8

    /// The scalars of `range` as a string, encoded straight from the code units.
    public func string(in range: Range<Int>) -> String {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "range \(range) outside \(count) scalars")
        switch shift {
        case 0:
            return withOutOfLine(in: range) { table in
                withUnsafeUnits(as: UInt8.self) { Self.string(UnsafeBufferPointer(rebasing: $0[range]), table) }
            }
        case 1:
            return withOutOfLine(in: range) { table in
                withUnsafeUnits(as: UInt16.self) { Self.string(UnsafeBufferPointer(rebasing: $0[range]), table) }
            }
        default: return withUnsafeUnits(as: UInt32.self) { Self.string(UnsafeBufferPointer(rebasing: $0[range]), nil) }
        }
    }

    /// Calls `body` with the out-of-line entries whose offsets fall in `range`, in order (nil when none do).
    @usableFromInline func withOutOfLine<R>(in range: Range<Int>, _ body: (UnsafeBufferPointer<UInt64>?) throws -> R) rethrows -> R {
        guard !outOfLine.isEmpty else { return try body(nil) }
        let first = firstOutOfLine(atOrAfter: range.lowerBound)
        let end = firstOutOfLine(atOrAfter: range.upperBound)
        guard first < end else { return try body(nil) }
        return try outOfLine.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[first..<end])) }
    }

    /// The number of UTF-8 bytes of a scalar of value `v`.
    @inlinable public static func utf8Length(_ v: UInt32) -> Int { v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x1_0000 ? 3 : 4 }

    /// Appends the UTF-8 of the scalars of `range` to `out`, encoded straight from the code units,
    /// without a `String` in between: for callers that only copy or hash the bytes.
    public func appendUTF8(in range: Range<Int>, to out: inout [UInt8]) {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "range \(range) outside \(count) scalars")
        func append<U: FixedWidthInteger & UnsignedInteger>(_ units: UnsafeBufferPointer<U>, _ table: UnsafeBufferPointer<UInt64>?) {
            let start = out.count
            let length = Self.utf8Count(units) &+ Self.utf8Extra(table, U.self)
            out.append(contentsOf: repeatElement(0, count: length))
            out.withUnsafeMutableBufferPointer {
                _ = Self.encodeUTF8(units, table, into: UnsafeMutableBufferPointer(rebasing: $0[start...]))
            }
        }
        switch shift {
        case 0:
            withOutOfLine(in: range) { table in
                withUnsafeUnits(as: UInt8.self) { append(UnsafeBufferPointer(rebasing: $0[range]), table) }
            }
        case 1:
            withOutOfLine(in: range) { table in
                withUnsafeUnits(as: UInt16.self) { append(UnsafeBufferPointer(rebasing: $0[range]), table) }
            }
        default: withUnsafeUnits(as: UInt32.self) { append(UnsafeBufferPointer(rebasing: $0[range]), nil) }
        }
    }

    /// A string of `units`, whose marker units stand for the scalars of `table` in order.
    private static func string<U: FixedWidthInteger & UnsignedInteger>(
        _ units: UnsafeBufferPointer<U>, _ table: UnsafeBufferPointer<UInt64>?
    ) -> String {
        let length = utf8Count(units) &+ utf8Extra(table, U.self)
        if length == units.count, U.self == UInt8.self {
            // All ASCII: the units are the UTF-8.
            return String(unsafeUninitializedCapacity: length) { out in
                _ = out.initialize(from: UnsafeRawBufferPointer(units).bindMemory(to: UInt8.self))
                return length
            }
        }
        return String(unsafeUninitializedCapacity: length) { encodeUTF8(units, table, into: $0) }
    }

    /// The UTF-8 bytes the out-of-line scalars of `table` take beyond what `utf8Count` counted for
    /// their marker units: 3 for a two-byte marker (a surrogate), 2 for a one-byte one.
    @usableFromInline static func utf8Extra<U: FixedWidthInteger>(_ table: UnsafeBufferPointer<UInt64>?, _: U.Type) -> Int {
        guard let table else { return 0 }
        let counted = MemoryLayout<U>.size == 1 ? 2 : 3
        var extra = 0
        for entry in table { extra &+= utf8Length(UInt32(truncatingIfNeeded: entry & 0x1F_FFFF)) &- counted }
        return extra
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

    /// Writes the UTF-8 of `units` into `out`, which has room for `utf8Count(units)` bytes and one
    /// more for each entry of `table`, the out-of-line scalars of the marker units in order;
    /// returns how many it wrote.
    private static func encodeUTF8<U: FixedWidthInteger & UnsignedInteger>(
        _ units: UnsafeBufferPointer<U>, _ table: UnsafeBufferPointer<UInt64>?, into out: UnsafeMutableBufferPointer<UInt8>
    ) -> Int {
        var i = 0
        var k = 0
        var next = 0
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
            var v = UInt32(truncatingIfNeeded: u)
            if let table, isMarker(u) {
                v = UInt32(truncatingIfNeeded: table[next] & 0x1F_FFFF)
                next &+= 1
            }
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
        // One layout for one text at one width: a two-byte buffer's marker units and table agree.
        if lhs.shift == rhs.shift { return lhs.bytes == rhs.bytes && lhs.outOfLine == rhs.outOfLine }
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

extension ScalarBuffer {
    /// The code units of a scalar buffer of one width, each read as its scalar's value: a unit that
    /// marks an out-of-line scalar reads as that scalar (found by binary search), every other unit
    /// as itself. Scanners are specialised for each of the three unit types.
    public struct Units<Unit: FixedWidthInteger & UnsignedInteger>: RandomAccessCollection {
        /// The code units as stored (see `ScalarBuffer.withUnsafeUnits(as:_:)`), for fast paths
        /// that test several at once for ASCII, which a marker unit never is.
        public let raw: UnsafeBufferPointer<Unit>
        @usableFromInline let outOfLine: UnsafeBufferPointer<UInt64>
        /// The index of the table entry last read: scanners read forward, so the next one looked
        /// up is most often that entry or the one after it, found without a search.
        @usableFromInline let hint: UnsafeMutablePointer<Int>

        @inlinable init(raw: UnsafeBufferPointer<Unit>, outOfLine: UnsafeBufferPointer<UInt64>, hint: UnsafeMutablePointer<Int>) {
            self.raw = raw
            self.outOfLine = outOfLine
            self.hint = hint
        }

        /// Always 0.
        @inlinable public var startIndex: Int { 0 }

        /// The number of scalars.
        @inlinable public var endIndex: Int { raw.count }

        /// The value of the scalar at offset `i`.
        @inlinable public subscript(i: Int) -> UInt32 {
            let v = UInt32(truncatingIfNeeded: raw[i])
            if ScalarBuffer.isMarker(raw[i]) { return ScalarBuffer.outOfLineValue(at: i, in: outOfLine, hint: hint) }
            return v
        }

        /// The scalar at offset `i`.
        @inlinable public func scalar(at i: Int) -> Unicode.Scalar { unsafeBitCast(self[i], to: Unicode.Scalar.self) }

        @inlinable public func index(after i: Int) -> Int { i &+ 1 }
        @inlinable public func index(before i: Int) -> Int { i &- 1 }
    }
}
