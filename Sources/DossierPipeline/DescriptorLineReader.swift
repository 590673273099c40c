import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads lines from a file descriptor with read(2), each up to a cap, recording the first failure
/// instead of trapping (FileHandle) or growing without bound (`readLine` on an endless line).
///
/// A class behind a lock because `StandardInputLines` is a value the runner copies: every copy
/// must read on from the same position. `NSLock`, not `Mutex`: the package still supports macOS 14.
final class DescriptorLineReader: @unchecked Sendable {
    private let lock = NSLock()
    private let descriptor: Int32
    private let maxLineBytes: Int
    private var buffer: [UInt8] = []
    /// Where the next line starts in `buffer`, and how far past it has been searched for a newline.
    private var start = 0
    private var searched = 0
    private var atEnd = false
    private var lines = 0
    private var _failure: SystemError?

    init(descriptor: Int32, maxLineBytes: Int) {
        self.descriptor = descriptor
        self.maxLineBytes = maxLineBytes
    }

    /// Why reading stopped early, or nil.
    var failure: SystemError? { lock.withLock { _failure } }

    /// The next line without its `\n` or `\r\n`, or nil at the end or after a failure.
    func nextLine() -> Data? {
        lock.withLock {
            while _failure == nil {
                if let newline = Self.newline(in: buffer, from: start + searched) {
                    return take(upTo: newline, skipping: 1)
                }
                searched = buffer.count - start
                if atEnd { return searched > 0 ? take(upTo: buffer.count, skipping: 0) : nil }
                if searched >= maxLineBytes {
                    _failure = SystemError(
                        reason: "line \(lines + 1) of standard input is longer than \(maxLineBytes >> 20) MB, the most one line may hold")
                    return nil
                }
                fill()
            }
            return nil
        }
    }

    /// The index of the first `\n` at or after `from`; memchr, which is fast even in a debug build.
    private static func newline(in buffer: [UInt8], from: Int) -> Int? {
        guard from < buffer.count else { return nil }
        return buffer.withUnsafeBytes { bytes in
            memchr(bytes.baseAddress! + from, 0x0A, bytes.count - from).map { UnsafeRawPointer($0) - bytes.baseAddress! }
        }
    }

    private func take(upTo end: Int, skipping separator: Int) -> Data {
        var last = end
        if last > start && buffer[last - 1] == 0x0D { last -= 1 }
        let line = Data(buffer[start..<last])
        start = end + separator
        searched = 0
        lines += 1
        return line
    }

    /// Reads one more chunk, first dropping the lines already handed out.
    private func fill() {
        if start > 0 {
            buffer.removeSubrange(0..<start)
            start = 0
        }
        if lines == 0 && buffer.isEmpty, let problem = Self.unreadable(descriptor) {
            _failure = problem
            return
        }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count < 0 {
                _failure = SystemError(reason: "standard input cannot be read after line \(lines): \(SystemError.describe(errno))")
            } else if count == 0 {
                atEnd = true
            } else {
                buffer.append(contentsOf: chunk[0..<count])
            }
            return
        }
    }

    /// Why `descriptor` cannot be read at all: closed, open only for writing, or a folder.
    static func unreadable(_ descriptor: Int32) -> SystemError? {
        var info = stat()
        if fstat(descriptor, &info) != 0 || StandardDescriptor.isClosed(descriptor) {
            return SystemError(reason: "standard input is closed")
        }
        if FileKind(mode: info.st_mode) == .directory { return SystemError(reason: "standard input is a folder") }
        return nil
    }
}
