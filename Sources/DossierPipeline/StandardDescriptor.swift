import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Facts about descriptors 0, 1 and 2 that FileHandle does not check.
public enum StandardDescriptor {
    /// Whether a standard descriptor was closed when the process started (`>&-`, `<&-`), or
    /// cannot be used the way round its number means.
    ///
    /// A descriptor closed at start is often reused before `main` runs: the Swift runtime's
    /// dispatch opens an epoll or eventfd descriptor, which takes the lowest free number, so
    /// reading "standard input" fails with EINVAL and writing "standard output" feeds the event
    /// loop. On Linux such a descriptor is recognised by its `anon_inode:` name. One opened for
    /// the wrong direction (the placeholder `dossier` puts on a closed one) counts as closed too.
    public static func isClosed(_ descriptor: Int32) -> Bool {
        let flags = fcntl(descriptor, F_GETFL)
        if flags == -1 { return true }
        let mode = flags & O_ACCMODE
        if descriptor == 0 ? mode == O_WRONLY : mode == O_RDONLY { return true }
        #if os(Linux)
            var target = [CChar](repeating: 0, count: 64)
            let count = readlink("/proc/self/fd/\(descriptor)", &target, target.count - 1)
            if count > 0, String(decoding: target[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self).hasPrefix("anon_inode:") {
                return true
            }
        #endif
        return false
    }
}
