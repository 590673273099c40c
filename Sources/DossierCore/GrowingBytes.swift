package import Foundation

/// Bytes written through a pointer into memory that grows as needed (`realloc`): the buffer the
/// document JSON is written into, and the corpus database's encoded rows (`DossierSQLite`).
///
/// Rather than appends to an array: an append's uniqueness and capacity checks and its copies
/// were a third of rendering the rows, and writing the JSON twice (a counting pass, then a buffer
/// of exactly the counted size) a third of the `json` exporter's time. Growth reallocates; a large
/// buffer is mapped memory, which the system moves rather than copies and whose untouched pages
/// take no memory, so an over-generous first guess costs nothing.
///
/// The value does not own its memory: whoever makes one either hands the bytes over with `data()`
/// or frees `base` itself (it is a plain `malloc` block). A JSON sink, so JSON is written into it
/// by the document writer's functions.
package struct GrowingBytes: JSONByteSink {
    /// The start of the memory; it moves when the buffer grows.
    package private(set) var base: UnsafeMutableRawPointer
    /// The bytes the memory holds room for.
    package private(set) var capacity: Int
    /// The bytes written; an owner may move it forward over room it fills itself (after `reserve`).
    package var count = 0

    /// Allocates `capacity` bytes (at least 64).
    package init(capacity: Int) {
        self.capacity = max(64, capacity)
        guard let base = malloc(self.capacity) else { fatalError("out of memory for \(self.capacity) bytes") }
        self.base = base
    }

    /// Makes room for `n` more bytes.
    @inlinable package mutating func reserve(_ n: Int) {
        guard count &+ n > capacity else { return }
        grow(to: count &+ n)
    }

    @usableFromInline mutating func grow(to needed: Int) {
        let size = max(capacity &* 2, needed)
        guard let moved = realloc(base, size) else { fatalError("out of memory for \(size) bytes") }
        base = moved
        capacity = size
    }

    @inlinable package mutating func write(_ byte: UInt8) {
        reserve(1)
        base.storeBytes(of: byte, toByteOffset: count, as: UInt8.self)
        count &+= 1
    }

    @inlinable package mutating func write(_ bytes: UnsafeRawBufferPointer) {
        guard let from = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        (base + count).copyMemory(from: from, byteCount: bytes.count)
        count &+= bytes.count
    }

    /// ASCII text known at compile time (JSON punctuation and keys).
    @inlinable package mutating func write(_ text: StaticString) {
        write(UnsafeRawBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// The bytes written, as `Data` that owns (and frees) the memory, trimmed to them; the value
    /// must not be used after.
    package consuming func data() -> Data {
        let trimmed = realloc(base, max(count, 1)) ?? base
        return Data(bytesNoCopy: trimmed, count: count, deallocator: .free)
    }
}
