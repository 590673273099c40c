import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads lines from a file descriptor in bounded memory: a line longer than the cap is skipped
/// to its end and reported, never held.
///
/// Used on the runner's input thread for standard input and JSON Lines files; not thread-safe.
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
    private var buffer: [UInt8] = []
    private var start = 0
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

    /// Reads standard input.
    init(standardInputMaximumLineBytes maximum: Int) {
        descriptor = 0
        ownsDescriptor = false
        maximumLineBytes = maximum
        name = "-"
    }

    /// Opens the file at `path`.
    init(path: String, maximumLineBytes maximum: Int) throws(SystemError) {
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw SystemError("read", path) }
        ownsDescriptor = true
        maximumLineBytes = maximum
        name = path
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    /// Reads more bytes into the buffer; false at the end of the input.
    private func fill() throws(SystemError) -> Bool {
        if atEnd { return false }
        if start > 0 && start >= buffer.count / 2 {
            buffer.removeFirst(start)
            start = 0
        }
        let chunk = 1 << 16
        let old = buffer.count
        buffer.reserveCapacity(old + chunk)
        var got = 0
        var failure: Int32?
        // Appending uninitialized capacity without per-byte work.
        buffer.append(contentsOf: repeatElement(0, count: chunk))
        buffer.withUnsafeMutableBytes { raw in
            while true {
                let n = read(descriptor, raw.baseAddress! + old, chunk)
                if n < 0 && errno == EINTR { continue }
                if n < 0 { failure = errno } else { got = n }
                break
            }
        }
        buffer.removeLast(chunk - got)
        if let failure { throw SystemError("read", name == "-" ? "standard input" : name, code: failure) }
        if got == 0 { atEnd = true }
        return got > 0
    }

    /// The bytes from the start of the current line up to the end of `lines` more lines, or
    /// `limit` bytes, without consuming them.
    func peek(lines: Int, limit: Int) throws(SystemError) -> Data {
        var seen = 0
        var searched = 0
        while true {
            while start + searched < buffer.count && seen < lines {
                if buffer[start + searched] == 0x0A { seen += 1 }
                searched += 1
            }
            if seen >= lines || searched >= limit { break }
            if try !fill() { break }
        }
        return Data(buffer[start..<min(buffer.count, start + min(searched, limit))])
    }

    /// The next non-blank line without its line break (`\n` or `\r\n`), or nil at the end.
    ///
    /// A line that crosses the cap is reported at once (`tooLong`) and then skipped to its end,
    /// so an endless line neither grows memory nor hangs the caller without a word.
    func next() throws(SystemError) -> Line? {
        if skippingLine, let stop = try skipToLineEnd() { return stop }
        var searched = 0  // bytes after `start` already searched for a line break
        while true {
            if let newline = Self.newline(in: buffer, from: start + searched) {
                number += 1
                let line = take(upTo: newline)
                start = newline + 1
                if let line { return .line(line, number: number) }
                searched = 0
                continue
            }
            searched = buffer.count - start
            if searched > maximumLineBytes {
                number += 1
                skippingLine = true
                skipped = searched
                buffer.removeAll(keepingCapacity: true)
                start = 0
                return .tooLong(number: number, bytes: skipped)
            }
            if try !fill() {
                guard start < buffer.count else { return nil }
                number += 1
                let line = take(upTo: buffer.count)
                start = buffer.count
                return line.map { .line($0, number: number) }
            }
        }
    }

    /// Skips the rest of an overlong line; `endless` when it goes on past `abandonBytes`.
    private func skipToLineEnd() throws(SystemError) -> Line? {
        while true {
            if let newline = Self.newline(in: buffer, from: start) {
                start = newline + 1
                skippingLine = false
                return nil
            }
            skipped += buffer.count - start
            buffer.removeAll(keepingCapacity: true)
            start = 0
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

    /// The index of the first line feed at or after `from`, found with `memchr`.
    private static func newline(in buffer: [UInt8], from: Int) -> Int? {
        guard from < buffer.count else { return nil }
        return buffer.withUnsafeBytes { bytes in
            memchr(bytes.baseAddress! + from, 0x0A, bytes.count - from).map { UnsafeRawPointer($0) - bytes.baseAddress! }
        }
    }

    /// The bytes from the start of the line to `end`, without a `\r` or a first-line BOM; nil
    /// when they are blank.
    private func take(upTo end: Int) -> Data? {
        var from = start
        if !checkedBOM {
            checkedBOM = true
            if end - from >= 3 && buffer[from] == 0xEF && buffer[from + 1] == 0xBB && buffer[from + 2] == 0xBF { from += 3 }
        }
        var to = end
        if to > from && buffer[to - 1] == 0x0D { to -= 1 }
        if buffer[from..<to].allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return nil }
        return Data(buffer[from..<to])
    }

    /// Everything left, as one block of at most `limit` bytes; throws when there is more.
    func rest(limit: Int) throws(SystemError) -> Data? {
        while try fill() {
            if buffer.count - start > limit { return nil }
        }
        return Data(buffer[start...])
    }
}
