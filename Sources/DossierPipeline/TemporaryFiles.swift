import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The temporary files a run has open, so that an interrupted run leaves none behind.
///
/// Every output is written aside under a hidden temporary name and renamed into place. The
/// writer registers each temporary file here while it is open; a run that is interrupted twice
/// (the second Ctrl-C exits at once) calls `removeAll()` before it exits.
public final class TemporaryFiles: Sendable {
    private let paths = Locked<Set<String>>([])

    /// Creates an empty registry.
    public init() {}

    func add(_ path: String) { paths.withLock { _ = $0.insert(path) } }

    func remove(_ path: String) { paths.withLock { _ = $0.remove(path) } }

    /// How many temporary files are open.
    public var count: Int { paths.withLock { $0.count } }

    /// Deletes every temporary file still registered.
    public func removeAll() {
        let all = paths.withLock { p in
            defer { p.removeAll() }
            return p
        }
        for path in all { unlink(path) }
    }
}
