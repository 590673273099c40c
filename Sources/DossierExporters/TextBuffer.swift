import DossierCore
import Foundation

/// The bytes of an output being written, with the escaping every piece of text goes through:
/// the one writer of the HTML page (`HTMLBuffer`) and the Markdown brief (`MarkdownBuffer`).
///
/// Text from the article or its annotations is written with `text(_:)` or `scalars(_:_:)`, each
/// scalar through `Escaping.write`; markup the exporter writes itself goes through `raw(_:)`. The
/// article text is copied straight from the document's code units, without a `String` per run,
/// and every piece lands in one growing allocation rather than in strings joined afterwards.
///
/// The bytes live in a growing allocation (`GrowingBytes`, the document JSON's and the corpus
/// rows' too) rather than in an array: a brief is a thousand small writes, and
/// `Array.append(contentsOf:)` checked and copied through a generic path for each, a tenth of the
/// brief's time. A write here makes room once and stores through a pointer. The buffer cannot be
/// copied (it is written in place, through `inout`, and owns its memory), so no write has to ask
/// whether its storage is shared.
struct TextBuffer<Escaping: TextEscaping>: ~Copyable {
    private var storage: GrowingBytes

    /// The number of bytes written so far: a mark to `rewind(to:)`.
    var count: Int { storage.count }

    /// Creates a buffer with room for `capacity` bytes.
    init(capacity: Int = 0) {
        storage = GrowingBytes(capacity: capacity)
    }

    deinit { free(storage.base) }

    private var base: UnsafeMutablePointer<UInt8> { storage.base.assumingMemoryBound(to: UInt8.self) }

    /// The output so far, as UTF-8.
    var bytes: [UInt8] { withBytes { Array($0) } }

    /// Calls `body` with the output so far, without copying it.
    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(start: base, count: count))
    }

    /// Drops what was written after `mark` (a `count` read earlier).
    mutating func rewind(to mark: Int) {
        precondition(mark >= 0 && mark <= count, "mark \(mark) outside \(count) bytes")
        storage.count = mark
    }

    /// Writes markup as it is.
    mutating func raw(_ markup: StaticString) {
        append(markup.utf8Start, markup.utf8CodeUnitCount)
    }

    /// Writes markup as it is; never pass text that came from the document.
    ///
    /// Disfavoured so that a literal is written through `raw(_: StaticString)`, which needs no string.
    @_disfavoredOverload
    mutating func raw(_ markup: String) {
        guard markup.utf8.withContiguousStorageIfAvailable({ self.append($0.baseAddress!, $0.count) }) == nil else { return }
        var copy = markup
        copy.withUTF8 { append($0.baseAddress!, $0.count) }
    }

    /// Writes bytes as they are (a rendering made by this exporter).
    mutating func raw(bytes more: some Sequence<UInt8>) {
        for b in more { append(b) }
    }

    /// Writes an integer in decimal.
    mutating func number(_ value: Int) { storage.writeJSONInteger(value) }

    /// Writes text, escaped.
    mutating func text(_ text: String) {
        guard text.utf8.withContiguousStorageIfAvailable({ self.text(utf8: $0) }) == nil else { return }
        var copy = text
        copy.withUTF8 { self.text(utf8: $0) }
    }

    /// Writes text given as valid UTF-8 (a string's), escaped.
    private mutating func text(utf8: UnsafeBufferPointer<UInt8>) {
        // Each scalar takes at least a byte, so a byte's worth of room per scalar is enough.
        let out = room(utf8.count * Escaping.maxBytesPerScalar)
        // A string is valid UTF-8: the lead byte gives the length, so decoding needs no checks.
        var (i, at) = (0, 0)
        while i < utf8.count {
            // Eight plain ASCII bytes at a time, as they are.
            if i &+ 8 <= utf8.count {
                let word = UnsafeRawPointer(utf8.baseAddress! + i).loadUnaligned(as: UInt64.self)
                if Escaping.isPlain(word) {
                    UnsafeMutableRawPointer(out + at).storeBytes(of: word, as: UInt64.self)
                    (i, at) = (i &+ 8, at &+ 8)
                    continue
                }
            }
            let b = UInt32(utf8[i])
            if b < 0x80 {
                at &+= Escaping.write(b, to: out + at)
                i &+= 1
                continue
            }
            let length = b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
            var v = b & (0x7F >> UInt32(length))
            for k in 1..<length { v = v << 6 | UInt32(utf8[i + k] & 0x3F) }
            at &+= Escaping.write(v, to: out + at)
            i &+= length
        }
        storage.count &+= at
    }

    /// `text` escaped as `text(_:)` would write it, for markup built ahead as a string.
    static func escaped(_ text: String) -> String {
        var buffer = TextBuffer(capacity: text.utf8.count)
        buffer.text(text)
        return buffer.withBytes { String(decoding: $0, as: UTF8.self) }
    }

    /// Writes the article's scalars in `range`, escaped: one switch on the buffer's width, then
    /// a loop over its code units, sixteen at a time where they are plain ASCII.
    mutating func scalars(_ buffer: ScalarBuffer, _ range: Range<Int>) {
        guard !range.isEmpty else { return }
        let out = room(range.count * Escaping.maxBytesPerScalar)
        var at = 0
        switch buffer.width {
        case 1: buffer.withUnits(as: UInt8.self) { at = Self.write($0, range, to: out) }
        // Through the view, which gives an out-of-line scalar's value for its marker unit (never ASCII).
        case 2: buffer.withUnits(as: UInt16.self) { at = Self.write($0, range, to: out) }
        default: buffer.withUnits(as: UInt32.self) { at = Self.write($0, range, to: out) }
        }
        storage.count &+= at
    }

    /// Writes `units` in `range` at `out`, escaped; returns the number of bytes written. Inlined
    /// into each width's case, where the unit type is known.
    @inline(__always)
    private static func write<Unit: FixedWidthInteger & UnsignedInteger>(
        _ units: ScalarBuffer.Units<Unit>, _ range: Range<Int>, to out: UnsafeMutablePointer<UInt8>
    ) -> Int {
        var (i, at) = (range.lowerBound, 0)
        let raw = units.raw.baseAddress!
        while i &+ 8 <= range.upperBound {
            // Eight units as the eight bytes they are when ASCII; a marker unit never is.
            if let word = ascii(raw + i, Unit.self), Escaping.isPlain(word) {
                UnsafeMutableRawPointer(out + at).storeBytes(of: word, as: UInt64.self)
                (i, at) = (i &+ 8, at &+ 8)
                continue
            }
            for k in i..<i &+ 8 { at &+= Escaping.write(units[k], to: out + at) }
            i &+= 8
        }
        for k in i..<range.upperBound { at &+= Escaping.write(units[k], to: out + at) }
        return at
    }

    /// The eight units at `p` as eight bytes, little-endian, when every one is below 0x80.
    @inline(__always)
    private static func ascii<Unit: FixedWidthInteger & UnsignedInteger>(_ p: UnsafePointer<Unit>, _: Unit.Type) -> UInt64? {
        let raw = UnsafeRawPointer(p)
        switch MemoryLayout<Unit>.size {
        case 1:
            let w = raw.loadUnaligned(as: UInt64.self)
            return w & 0x8080_8080_8080_8080 == 0 ? w : nil
        // Packing assumes the units lie little-end first, as on every platform Swift runs on today.
        case 2 where UInt16(1).littleEndian == 1:
            let (a, b) = (raw.loadUnaligned(as: UInt64.self), raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
            guard (a | b) & 0xFF80_FF80_FF80_FF80 == 0 else { return nil }
            // Four units of a word to four bytes.
            func pack(_ w: UInt64) -> UInt64 { w & 0xFF | w >> 8 & 0xFF00 | w >> 16 & 0xFF_0000 | w >> 24 & 0xFF00_0000 }
            return pack(a) | pack(b) << 32
        default:
            // Four-byte units (and two-byte ones on a big-endian machine), one at a time.
            var w: UInt64 = 0
            for k in 0..<8 {
                let u = UInt64(truncatingIfNeeded: p[k])
                guard u < 0x80 else { return nil }
                w |= u << (8 * UInt64(k))
            }
            return w
        }
    }

    // MARK: Storage

    /// Room for `n` more bytes at the end: where to write them. The caller adds what it wrote to `count`.
    @inline(__always)
    private mutating func room(_ n: Int) -> UnsafeMutablePointer<UInt8> {
        storage.reserve(n)
        return base + storage.count
    }

    @inline(__always)
    private mutating func append(_ bytes: UnsafePointer<UInt8>, _ n: Int) {
        let out = room(n)
        // Most markup is a few bytes, fewer than a call to `memmove` costs.
        if n <= 16 {
            for k in 0..<n { out[k] = bytes[k] }
        } else {
            out.initialize(from: bytes, count: n)
        }
        storage.count &+= n
    }

    @inline(__always)
    private mutating func append(_ byte: UInt8) {
        room(1).initialize(to: byte)
        storage.count &+= 1
    }
}
