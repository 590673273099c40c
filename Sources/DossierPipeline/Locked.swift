import Foundation

/// A value behind a lock, for the little state the runner shares between tasks and threads.
///
/// `Synchronization.Mutex` needs macOS 15; the package supports macOS 14, so this wraps `NSLock`.
/// Package-wide, so that the CLI's signal handling shares it.
package final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    package init(_ value: Value) {
        self.value = value
    }

    /// Runs `body` with the value, holding the lock.
    package func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
