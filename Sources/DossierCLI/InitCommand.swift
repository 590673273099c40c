import ArgumentParser
import Dossier
import Foundation

/// `dossier init`: write a commented starter pipeline.
struct InitCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented starter pipeline file.")

    @Argument(help: "Where to write it.")
    var path = "dossier.yaml"

    @Flag(help: "Overwrite the file if it exists.")
    var force = false

    /// The starter pipeline; a test checks that it lints clean against the standard registry.
    static let starter = """
        # A Dossier pipeline. Check it with 'dossier lint', see its plan with 'dossier plan',
        # run it with 'dossier run -p THIS_FILE ARTICLES...'. Reference: Docs/Pipelines.md.
        version: 1
        name: starter

        # Start from the built-in default pipeline; the keys below override or extend it.
        extends: default

        # 'auto' picks a reader per input by extension, then by content. Or name one: 'text'.
        reader: auto

        # Analyzers run in an order planned from what each requires and provides.
        analyzers:
          - sentences

        # Exporters render each article. 'to' is 'stdout' or a path template with {id}, {index},
        # {pipeline}, {exporter} or {ext}; a path without {id} or {index} collects all articles.
        # ${NAME} takes an environment variable, ${NAME:-fallback} a fallback when it is unset.
        exporters:
          - markdown:
              to: stdout
          - json:
              to: ${DOSSIER_OUT:-out}/{id}.json
              pretty: true

        """

    func run(in context: CommandContext) async throws {
        // lstat: a symbolic link is judged itself, never by (or replaced through to) its target.
        var info = stat()
        if lstat(path, &info) == 0 {
            guard force else {
                context.fail("E506", "'\(path)' already exists; pass '--force' to overwrite it")
                throw ExitStatus.badInput
            }
            guard info.st_mode & S_IFMT == S_IFREG else {
                let kind = Self.kind(info.st_mode)
                context.err(
                    "error[E504]: '\(path)' is \(kind), not a regular file; 'init --force' replaces only regular files, so remove it or choose another path\n"
                )
                throw ExitStatus.badInput
            }
        }
        do {
            try Self.writeAtomically(Data(Self.starter.utf8), to: path)
        } catch {
            context.fail("E507", "cannot write '\(path)': \(SystemError.describe(error)); choose a folder you can write to")
            throw ExitStatus.badInput
        }
        context.out("wrote \(path); check it with 'dossier lint \(path)'\n")
    }

    static func kind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFLNK: "a symbolic link"
        case S_IFDIR: "a folder"
        case S_IFIFO: "a named pipe"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFSOCK: "a socket"
        default: "not a regular file"
        }
    }

    /// Writes `data` to a new file beside `path` and renames it over `path`, so a reader sees the
    /// old file or the new one, never half of one; rename(2) replaces a name, it follows no link.
    static func writeAtomically(_ data: Data, to path: String) throws(SystemError) {
        let folder = (path as NSString).deletingLastPathComponent
        let temporary = (folder.isEmpty ? "." : folder) + "/.\((path as NSString).lastPathComponent).\(UUID().uuidString.prefix(8)).tmp"
        // O_EXCL: never write through something already at the temporary name; 0o666 less umask.
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw SystemError(code: errno) }
        var failure: Int32 = 0
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < bytes.count {
                let count = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += count
            }
        }
        if failure == 0 && fsync(descriptor) != 0 { failure = errno }
        if close(descriptor) != 0 && failure == 0 { failure = errno }
        if failure == 0 && rename(temporary, path) != 0 { failure = errno }
        if failure != 0 {
            unlink(temporary)
            throw SystemError(code: failure)
        }
    }
}
