public import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A failed system call on an input, an output or a standard stream, with a reason in words a
/// user can act on.
///
/// Foundation's messages for these failures mislead: it says "you don't have permission" for a
/// FIFO, a device or a name that is too long, and "does not exist" for a symbolic link loop. Every
/// errno Dossier reports goes through `describe(_:)` instead, so the same failure reads the same
/// way wherever it happens. Conforms to `LocalizedError`, so `localizedDescription` is the reason.
public struct SystemError: Error, LocalizedError, Sendable, CustomStringConvertible {
    /// The `errno` value, or 0 for a failure that is not a system call's (an endless stream).
    public var code: Int32
    /// What went wrong, lowercase, without a final period.
    public var reason: String
    /// What was being done (`write`, `replace`, `create folder`) and on which path, when known.
    public var operation: String?
    /// The path it was done on.
    public var path: String?

    /// A failure with the reason `describe(code)` gives.
    public init(code: Int32) {
        self.code = code
        self.reason = Self.describe(code)
    }

    /// A failure with a reason of its own.
    public init(code: Int32 = 0, reason: String) {
        self.code = code
        self.reason = reason
    }

    /// A failed `operation` on `path`, by default with the `errno` the last call left.
    init(_ operation: String, _ path: String, code: Int32 = errno) {
        self.init(code: code)
        self.operation = operation
        self.path = path
    }

    /// `cannot write 'out/a.json': no space left on the device`, or the reason alone.
    public var description: String {
        guard let operation, let path else { return reason }
        return "cannot \(operation) '\(path)': \(reason)"
    }

    public var errorDescription: String? { reason }

    /// Whether the failure is a full disk or an exceeded quota.
    public var isNoSpace: Bool { code == ENOSPC || code == EDQUOT }

    /// The truthful reason for an `errno` value.
    public static func describe(_ code: Int32) -> String {
        switch code {
        case EACCES, EPERM: "permission denied"
        case ENOENT: "it does not exist"
        case ENAMETOOLONG: "the name is too long (at most \(NAME_MAX) bytes a name and \(PATH_MAX) a path)"
        case ELOOP: "too many levels of symbolic links (a symbolic link loop?)"
        case ENOTDIR: "a part of the path is a file, not a folder"
        case EISDIR: "it is a folder"
        case EBADF: "the stream is closed"
        case EPIPE: "the reading end of the pipe was closed"
        case ENOSPC: "no space left on the device"
        case EDQUOT: "the disk quota is exceeded"
        case EROFS: "the file system is read-only"
        case EIO: "an input/output error on the device"
        case EMFILE, ENFILE: "too many open files"
        case ENXIO, ENODEV: "no such device"
        case EFBIG: "the file is too large"
        default: String(cString: strerror(code)).lowercasedFirst
        }
    }

    /// The truthful reason for any error a file operation threw: a `SystemError`'s own, the errno
    /// inside a Foundation error, or else Foundation's description.
    public static func describe(_ error: any Error) -> String {
        if let error = error as? SystemError { return error.reason }
        if let code = posixCode(of: error as NSError) { return describe(code) }
        return (error as NSError).localizedDescription
    }

    /// The errno behind a Foundation error, looking through `NSUnderlyingErrorKey`.
    static func posixCode(of error: NSError) -> Int32? {
        if error.domain == NSPOSIXErrorDomain { return Int32(error.code) }
        guard let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError else { return nil }
        return posixCode(of: underlying)
    }

    /// The error the last system call left in `errno`.
    static func last() -> SystemError { SystemError(code: errno) }
}

extension String {
    fileprivate var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
}
