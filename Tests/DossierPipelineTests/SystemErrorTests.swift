import Dossier
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite("System errors say what really went wrong")
struct SystemErrorTests {
    @Test(
        "errno values get truthful reasons, not Foundation's 'permission'",
        arguments: [
            (EACCES, "permission denied"),
            (ENAMETOOLONG, "the name is too long"),
            (ELOOP, "too many levels of symbolic links"),
            (ENOTDIR, "a part of the path is a file, not a folder"),
            (EISDIR, "it is a folder"),
            (ENOSPC, "no space left on the device"),
            (EPIPE, "the reading end of the pipe was closed"),
            (EBADF, "the stream is closed"),
        ])
    func reasons(code: Int32, reason: String) {
        #expect(SystemError.describe(code).hasPrefix(reason))
        // The same reason through Foundation's wrapping, and through localizedDescription.
        let wrapped = NSError(
            domain: NSCocoaErrorDomain, code: 256, userInfo: [NSUnderlyingErrorKey: NSError(domain: NSPOSIXErrorDomain, code: Int(code))])
        #expect(SystemError.describe(wrapped).hasPrefix(reason))
        #expect((SystemError(code: code) as NSError).localizedDescription.hasPrefix(reason))
    }

    @Test("loading a device, a folder or a symbolic link loop fails with the true reason")
    func loadReasons() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-syserr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let loop = dir.appendingPathComponent("loop.txt").path
        symlink(loop, loop)
        for (path, reason) in [
            ("/dev/zero", "it is a character device, not a regular file"), (dir.path, "it is a folder"),
            (loop, "too many levels of symbolic links"),
        ] {
            #expect(throws: SystemError.self) { try InputSource.file(path).load() }
            do {
                _ = try InputSource.file(path).load()
            } catch {
                #expect((error as NSError).localizedDescription.hasPrefix(reason), "\(path): \(error)")
            }
        }
    }

    @Test("an unreadable folder is an error naming it, not a warning that it holds no known file")
    func unreadableSubfolder() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-syserr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "A story.\n".write(to: dir.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        let fifo = dir.appendingPathComponent("sub/pipe.txt").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let (inputs, problems) = InputCollector(extensions: ["txt"]).collect([dir.path])
        // A named pipe inside a folder would block the run: it is named, not read.
        #expect(inputs == [.file(dir.appendingPathComponent("a.txt").path)])
        #expect(problems.map(\.code) == ["E502"])
        #expect(problems.first?.message.contains("'\(fifo)' is a named pipe, not a regular file") == true, "\(problems)")
    }
}
