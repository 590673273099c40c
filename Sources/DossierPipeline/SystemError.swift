import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A failed system call on a path, with the `errno` that says why.
///
/// Messages come from `strerror`, so they are truthful ("No space left on device", "Not a
/// directory") rather than Foundation's generic Cocoa errors.
public struct SystemError: Error, Sendable, CustomStringConvertible {
    /// What was being done: `write`, `rename`, `create folder`…
    public var operation: String
    /// The path it was done on.
    public var path: String
    /// The `errno` value.
    public var code: Int32

    /// Creates an error from the current `errno`.
    init(_ operation: String, _ path: String, code: Int32 = errno) {
        self.operation = operation
        self.path = path
        self.code = code
    }

    /// The system's description of `code`, lowercased at its start.
    public var reason: String {
        let text = String(cString: strerror(code))
        return text.prefix(1).lowercased() + text.dropFirst()
    }

    /// Whether the failure is a full disk or an exceeded quota.
    public var isNoSpace: Bool { code == ENOSPC || code == EDQUOT }

    public var description: String { "cannot \(operation) '\(path)': \(reason)" }
}
