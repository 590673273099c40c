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
        case tooLong(number: Int, bytes: Int)
    }

    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private let maximumLineBytes: Int
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false
    private var number = 0
    private var checkedBOM = false
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
    func next() throws(SystemError) -> Line? {
        var skipping = 0  // bytes of an overlong line already dropped
        var searched = 0  // bytes after `start` already searched for a line break
        while true {
            if let newline = buffer[(start + searched)...].firstIndex(of: 0x0A) {
                number += 1
                let length = skipping + newline - start
                if length > maximumLineBytes {
                    start = newline + 1
                    return .tooLong(number: number, bytes: length)
                }
                let line = take(upTo: newline)
                start = newline + 1
                if let line { return .line(line, number: number) }
                searched = 0
                continue
            }
            searched = buffer.count - start
            if skipping + searched > maximumLineBytes {
                // Too long to hold: drop what is buffered and keep counting to the line's end.
                skipping += searched
                buffer.removeAll(keepingCapacity: true)
                start = 0
                searched = 0
            }
            if try !fill() {
                if skipping == 0 && start == buffer.count { return nil }
                number += 1
                let length = skipping + buffer.count - start
                let line = skipping > 0 ? nil : take(upTo: buffer.count)
                start = buffer.count
                if skipping > 0 { return .tooLong(number: number, bytes: length) }
                return line.map { .line($0, number: number) }
            }
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
