import Dossier
public import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The process's standard output and error, written with write(2), and the first failure on each.
///
/// FileHandle traps (exit 132) on a closed, full or broken stream. The runner calls the output
/// closure without `try`, so a failure cannot be thrown through it; it is recorded here instead,
/// further writes to that stream are dropped, and `DossierCommand.execute` turns it into the exit
/// status: 141 for a broken pipe, quietly, as a shell reports a process killed by SIGPIPE; 74
/// (`EX_IOERR`) with error E500 for any other failure. A run stops taking input once standard output
/// has failed. A class behind a lock, shared by every copy of a `CommandContext`; `NSLock`, not
/// `Mutex`: the package still supports macOS 14.
public final class StandardStreams: @unchecked Sendable {
    /// One of the two output streams.
    public enum Stream: Sendable {
        case output, error

        /// Its file descriptor.
        public var descriptor: Int32 { self == .output ? 1 : 2 }
    }

    private let lock = NSLock()
    private var failures: [Stream: Int32] = [:]

    private var checked: Set<Stream> = []

    /// Creates the streams, with no failure recorded.
    public init() {}

    /// Writes all of `data` to `stream`, retrying short writes and interrupted calls; records the
    /// errno of a failure, after which writes to that stream are dropped.
    public func write(_ data: Data, to stream: Stream) {
        lock.withLock {
            // A stream closed at start fails on its first write (only then: a run that writes
            // nothing to standard output does not need it), even if the runtime reused its number.
            if checked.insert(stream).inserted && StandardDescriptor.isClosed(stream.descriptor) { failures[stream] = EBADF }
            guard failures[stream] == nil else { return }
            data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
                var offset = 0
                while offset < bytes.count {
                    let count = Foundation.write(stream.descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                    if count < 0 {
                        if errno == EINTR { continue }
                        failures[stream] = errno
                        return
                    }
                    offset += count
                }
            }
        }
    }

    /// Records a failure on `stream` (the first one stays); for writers other than `write`.
    public func record(_ code: Int32, on stream: Stream) {
        lock.withLock {
            if failures[stream] == nil { failures[stream] = code }
        }
    }

    /// The errno of the first failed write to `stream`, or nil.
    public func failure(on stream: Stream) -> Int32? {
        lock.withLock { failures[stream] }
    }

    /// Puts a placeholder on each of descriptors 0, 1 and 2 that was closed when the process
    /// started (`>&-`), opened the wrong way round so that reading or writing it fails with
    /// EBADF as on a closed descriptor, and so that no file the run opens takes its number.
    public static func guardClosedDescriptors() {
        for descriptor: Int32 in 0...2 where fcntl(descriptor, F_GETFD) == -1 && errno == EBADF {
            let placeholder = open("/dev/null", descriptor == 0 ? O_WRONLY : O_RDONLY)
            if placeholder >= 0 && placeholder != descriptor {
                dup2(placeholder, descriptor)
                close(placeholder)
            }
        }
    }
}
