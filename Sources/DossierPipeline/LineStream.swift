import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads lines from a file descriptor in bounded memory: a line longer than the cap is reported
/// and skipped to its end, never held.
///
/// The bytes live in one buffer managed by hand and are searched with `memchr`, so a stream is
/// read at the speed of `read(2)` even in a debug build. Used on the runner's input thread for
/// standard input and JSON Lines files; not thread-safe.
final class LineStream {
    /// One line, or a line that was too long to hold.
    enum Line {
        case line(Data, number: Int)
        /// A line crossed the cap; it is skipped to its end.
        case tooLong(number: Int, bytes: Int)
        /// A line went on past `abandonBytes` without ending (`/dev/zero`): the stream stops.
        case endless(number: Int, bytes: Int)
    }

    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private let maximumLineBytes: Int
    private var storage: UnsafeMutablePointer<UInt8>
    private var capacity = 1 << 16
    /// Valid bytes are `storage[start..<count]`.
    private var start = 0
    private var count = 0
    private var atEnd = false
    private var number = 0
    private var checkedBOM = false
    /// Whether the current line crossed the cap and is being skipped, and how much of it so far.
    private var skippingLine = false
    private var skipped = 0
    /// How much of one overlong line is skipped before the stream is given up as endless.
    var abandonBytes = 512 << 20
    /// The name errors use: a path, or `-`.
    let name: String

    private init(descriptor: Int32, owns: Bool, maximumLineBytes: Int, name: String) {
        self.descriptor = descriptor
        ownsDescriptor = owns
        self.maximumLineBytes = maximumLineBytes
        self.name = name
        storage = .allocate(capacity: capacity)
    }

    /// Reads standard input.
    convenience init(standardInputMaximumLineBytes maximum: Int) {
        self.init(descriptor: 0, owns: false, maximumLineBytes: maximum, name: "-")
    }

    /// Opens the file at `path`.
    convenience init(path: String, maximumLineBytes maximum: Int) throws(SystemError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw SystemError("read", path) }
        self.init(descriptor: fd, owns: true, maximumLineBytes: maximum, name: path)
    }

    deinit {
        storage.deallocate()
        if ownsDescriptor { close(descriptor) }
    }

    /// Reads more bytes after the buffered ones, moving or growing the buffer when it is full;
    /// false at the end of the input.
    private func fill() throws(SystemError) -> Bool {
        if atEnd { return false }
        if count == capacity {
            if start > 0 {
                memmove(storage, storage + start, count - start)
                count -= start
                start = 0
            }
            if count > capacity / 2 {
                let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
                bigger.update(from: storage, count: count)
                storage.deallocate()
                storage = bigger
                capacity *= 2
            }
        }
        while true {
            let n = read(descriptor, storage + count, capacity - count)
            if n < 0 && errno == EINTR { continue }
            if n < 0 { throw SystemError("read", name == "-" ? "standard input" : name) }
            if n == 0 { atEnd = true }
            count += n
            return n > 0
        }
    }

    /// Drops every buffered byte.
    private func clear() {
        start = 0
        count = 0
    }

    /// The index of the first line feed in `storage[from..<count]`.
    private func newline(from: Int) -> Int? {
        guard from < count, let found = memchr(storage + from, 0x0A, count - from) else { return nil }
        return storage.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// The bytes from the start of the current line up to the end of `lines` more lines, or
    /// `limit` bytes, without consuming them.
    func peek(lines: Int, limit: Int) throws(SystemError) -> Data {
        var seen = 0
        var offset = 0  // bytes after `start` already searched; survives `fill` moving the buffer
        while true {
            while seen < lines, let found = newline(from: start + offset) {
                seen += 1
                offset = found + 1 - start
            }
            if seen >= lines { break }
            offset = count - start
            if offset >= limit { break }
            if try !fill() { break }
        }
        return Data(bytes: storage + start, count: min(offset, limit))
    }

    /// The next non-blank line without its line break (`\n` or `\r\n`), or nil at the end.
    ///
    /// A line that crosses the cap is reported at once (`tooLong`) and then skipped to its end,
    /// so an endless line neither grows memory nor hangs the caller without a word.
    func next() throws(SystemError) -> Line? {
        if skippingLine, let stop = try skipToLineEnd() { return stop }
        var searched = 0  // bytes after `start` already searched for a line break
        while true {
            if let found = newline(from: start + searched) {
                number += 1
                let line = take(upTo: found)
                start = found + 1
                if let line { return .line(line, number: number) }
                searched = 0
                continue
            }
            searched = count - start
            if searched > maximumLineBytes {
                number += 1
                skippingLine = true
                skipped = searched
                clear()
                return .tooLong(number: number, bytes: skipped)
            }
            if try !fill() {
                guard start < count else { return nil }
                number += 1
                let line = take(upTo: count)
                start = count
                return line.map { .line($0, number: number) }
            }
        }
    }

    /// Skips the rest of an overlong line; `endless` when it goes on past `abandonBytes`.
    private func skipToLineEnd() throws(SystemError) -> Line? {
        while true {
            if let found = newline(from: start) {
                start = found + 1
                skippingLine = false
                return nil
            }
            skipped += count - start
            clear()
            if skipped > abandonBytes {
                atEnd = true
                skippingLine = false
                return .endless(number: number, bytes: skipped)
            }
            if try !fill() {
                skippingLine = false
                return nil
            }
        }
    }

    /// The bytes from the start of the line to `end`, without a `\r` or a first-line BOM; nil
    /// when they are blank.
    private func take(upTo end: Int) -> Data? {
        var from = start
        if !checkedBOM {
            checkedBOM = true
            if end - from >= 3 && storage[from] == 0xEF && storage[from + 1] == 0xBB && storage[from + 2] == 0xBF { from += 3 }
        }
        var to = end
        if to > from && storage[to - 1] == 0x0D { to -= 1 }
        var blank = true
        for i in from..<max(from, to) where storage[i] != 0x20 && storage[i] != 0x09 && storage[i] != 0x0D {
            blank = false
            break
        }
        return blank ? nil : Data(bytes: storage + from, count: to - from)
    }

    /// Everything left, as one block of at most `limit` bytes; nil when there is more.
    func rest(limit: Int) throws(SystemError) -> Data? {
        while try fill() {
            if count - start > limit { return nil }
        }
        return Data(bytes: storage + start, count: count - start)
    }
}
