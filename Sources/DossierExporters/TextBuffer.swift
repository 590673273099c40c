import DossierCore

/// The bytes of an output being written, with the escaping every piece of text goes through:
/// the one writer of the HTML page (`HTMLBuffer`) and the Markdown brief (`MarkdownBuffer`).
///
/// Text from the article or its annotations is written with `text(_:)` or `scalars(_:_:)`, each
/// scalar through `Escaping.write`; markup the exporter writes itself goes through `raw(_:)`. The
/// article text is copied straight from the document's code units, without a `String` per run,
/// and every piece lands in one growing allocation rather than in strings joined afterwards.
///
/// The bytes live in storage of its own rather than in an array: a brief is a thousand small
/// writes, and `Array.append(contentsOf:)` checked and copied through a generic path for each,
/// a tenth of the brief's time. A write here makes room once and stores through a pointer. The
/// storage is copied on write, so the buffer is a value like any other.
struct TextBuffer<Escaping: TextEscaping> {
    private final class Storage {
        var base: UnsafeMutablePointer<UInt8>
        var count = 0
        var capacity: Int

        init(capacity: Int) {
            self.capacity = max(capacity, 64)
            base = .allocate(capacity: self.capacity)
        }

        deinit { base.deallocate() }

        func copy() -> Storage {
            let copy = Storage(capacity: capacity)
            copy.base.initialize(from: base, count: count)
            copy.count = count
            return copy
        }

        /// Moves the bytes to an allocation of at least `minimum` bytes, doubling at least.
        func grow(to minimum: Int) {
            let grown = max(minimum, 2 * capacity)
            let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
            moved.initialize(from: base, count: count)
            base.deallocate()
            (base, capacity) = (moved, grown)
        }
    }

    private var storage: Storage

    /// Creates a buffer with room for `capacity` bytes.
    init(capacity: Int = 0) { storage = Storage(capacity: capacity) }

    /// The output so far, as UTF-8.
    var bytes: [UInt8] { withBytes { Array($0) } }

    /// Calls `body` with the output so far, without copying it.
    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(start: storage.base, count: storage.count))
    }

    /// The number of bytes written so far: a mark to `rewind(to:)`.
    var count: Int { storage.count }

    /// Drops what was written after `mark` (a `count` read earlier).
    mutating func rewind(to mark: Int) {
        precondition(mark >= 0 && mark <= storage.count, "mark \(mark) outside \(storage.count) bytes")
        unique()
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
    mutating func number(_ value: Int) {
        // Digits from the last, into room for the longest (`-9223372036854775808`, 20 bytes).
        let out = room(20)
        var digits = (value.magnitude, 0)
        repeat {
            out[digits.1] = UInt8(truncatingIfNeeded: 0x30 &+ digits.0 % 10)
            digits = (digits.0 / 10, digits.1 &+ 1)
        } while digits.0 > 0
        if value < 0 {
            out[digits.1] = 0x2D
            digits.1 &+= 1
        }
        var written = UnsafeMutableBufferPointer(start: out, count: digits.1)
        written.reverse()
        storage.count &+= digits.1
    }

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
    /// a loop over its code units.
    mutating func scalars(_ buffer: ScalarBuffer, _ range: Range<Int>) {
        guard !range.isEmpty else { return }
        let out = room(range.count * Escaping.maxBytesPerScalar)
        var at = 0
        switch buffer.width {
        case 1:
            buffer.withUnsafeUnits(as: UInt8.self) { units in
                for i in range { at &+= Escaping.write(UInt32(units[i]), to: out + at) }
            }
        // Read through the view, which gives an out-of-line scalar's value for its marker unit.
        case 2: buffer.withUnits(as: UInt16.self) { units in for i in range { at &+= Escaping.write(units[i], to: out + at) } }
        default:
            buffer.withUnsafeUnits(as: UInt32.self) { units in
                for i in range { at &+= Escaping.write(units[i], to: out + at) }
            }
        }
        storage.count &+= at
    }

    // MARK: Storage

    /// Makes the storage this buffer's own before a write.
    @inline(__always)
    private mutating func unique() {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    }

    /// Room for `n` more bytes at the end: where to write them. The caller adds what it wrote to `count`.
    @inline(__always)
    private mutating func room(_ n: Int) -> UnsafeMutablePointer<UInt8> {
        unique()
        if storage.capacity &- storage.count < n { storage.grow(to: storage.count + n) }
        return storage.base + storage.count
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
