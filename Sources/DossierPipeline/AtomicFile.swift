import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file written aside under a hidden temporary name in its final folder, then moved over its
/// final path with `rename(2)`, so that a reader of the path sees the old file or the new one,
/// never half of one, and a failed write leaves the old file as it was.
final class AtomicFile {
    /// Where the file ends up.
    let path: String
    /// Where it is written meanwhile: `.NAME.dossier-PID-N.tmp` beside `path`.
    let temporaryPath: String
    private var descriptor: Int32
    private let registry: TemporaryFiles
    private static let counter = Locked(0)

    /// Creates the folders above `path` and opens a new temporary file beside it.
    init(path: String, registry: TemporaryFiles) throws(SystemError) {
        self.path = path
        self.registry = registry
        let folder = (path as NSString).deletingLastPathComponent
        try Self.createFolders(folder.isEmpty ? "." : folder)
        let n = Self.counter.withLock { c in
            c += 1
            return c
        }
        let name = (path as NSString).lastPathComponent
        temporaryPath = (folder as NSString).appendingPathComponent(".\(name).dossier-\(getpid())-\(n).tmp")
        descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw SystemError("create", path) }
        registry.add(temporaryPath)
    }

    deinit {
        if descriptor >= 0 { discard() }
    }

    /// Appends `data`, all of it or a thrown error.
    func write(_ data: Data) throws(SystemError) {
        let failure: Int32? = data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += n
            }
            return nil
        }
        if let failure { throw SystemError("write", path, code: failure) }
    }

    /// Closes the file and moves it over `path`; on failure the temporary file is removed and the
    /// old file, if any, is untouched. `sync` flushes it to the disk first, so that a crash of the
    /// machine right after leaves the new file whole rather than empty.
    func commit(sync: Bool) throws(SystemError) {
        defer {
            unlink(temporaryPath)
            registry.remove(temporaryPath)
        }
        let fd = descriptor
        descriptor = -1
        if sync && fsync(fd) != 0 && errno != EINVAL {
            let code = errno
            close(fd)
            throw SystemError("write", path, code: code)
        }
        if close(fd) != 0 { throw SystemError("write", path) }
        if rename(temporaryPath, path) != 0 { throw SystemError("replace", path) }
    }

    /// Closes and removes the temporary file; the final path is untouched.
    func discard() {
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
        unlink(temporaryPath)
        registry.remove(temporaryPath)
    }

    /// `mkdir -p`, with the real reason when it fails (a path component that is a file says so).
    static func createFolders(_ folder: String) throws(SystemError) {
        var info = stat()
        if stat(folder, &info) == 0 {
            if (info.st_mode & S_IFMT) == S_IFDIR { return }
            throw SystemError("create folder", folder, code: ENOTDIR)
        }
        let parent = (folder as NSString).deletingLastPathComponent
        if !parent.isEmpty && parent != folder { try createFolders(parent) }
        if mkdir(folder, 0o777) != 0 && errno != EEXIST { throw SystemError("create folder", folder) }
    }
}
