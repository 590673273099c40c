public import DossierCore
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Expands what a user typed (files, folders, globs, `-`) into an ordered list of inputs.
public struct InputCollector: Sendable {
    /// The file extensions taken from folders; other files in a folder are skipped.
    public var extensions: Set<String>

    /// Creates a collector that takes files with these extensions from folders.
    public init(extensions: Set<String>) {
        self.extensions = extensions
    }

    /// The inputs named by `arguments`, in the order given, folders and globs sorted by path.
    /// A name that matches nothing is a diagnostic, not a silent skip; so is one that cannot be
    /// used (a device, a symbolic link loop, a folder that cannot be read), with the true reason.
    public func collect(_ arguments: [String]) -> (inputs: [InputSource], problems: [Diagnostic]) {
        var inputs: [InputSource] = []
        var problems: [Diagnostic] = []
        var seen: Set<String> = []
        func add(_ path: String) {
            let key = URL(fileURLWithPath: path).standardizedFileURL.path
            if seen.insert(key).inserted { inputs.append(.file(path)) }
        }
        func walk(_ folder: String) {
            let (found, trouble) = files(in: folder)
            problems += trouble
            if found.isEmpty && trouble.isEmpty {
                problems.append(
                    Diagnostic(
                        .warning, code: "W401",
                        "folder '\(folder)' holds no file with a known extension (\(extensions.sorted().joined(separator: ", ")))"))
            }
            found.forEach(add)
        }
        for argument in arguments {
            if argument == "-" {
                if let problem = DescriptorLineReader.unreadable(0) {
                    problems.append(
                        Diagnostic(
                            code: "E501",
                            "\(problem.reason); send an article to it ('dossier run - < story.txt'), or name files or folders instead of '-'"
                        ))
                } else {
                    inputs.append(.standardInput)
                }
                continue
            }
            var info = stat()
            if stat(argument, &info) == 0 {
                switch FileKind(mode: info.st_mode) {
                case .directory: walk(argument)
                case .regular, .fifo: add(argument)
                case let kind: problems.append(Self.notAFile(argument, kind))
                }
                continue
            }
            let code = errno
            if code == ENOENT && argument.contains(where: { "*?[".contains($0) }) {
                let matches = glob(argument)
                if matches.isEmpty { problems.append(Diagnostic(code: "E400", "no file matches '\(argument)'")) }
                for match in matches {
                    var dir: ObjCBool = false
                    if FileManager.default.fileExists(atPath: match, isDirectory: &dir), dir.boolValue { walk(match) } else { add(match) }
                }
            } else if code == ENOENT {
                var link = stat()
                if lstat(argument, &link) == 0, let target = try? FileManager.default.destinationOfSymbolicLink(atPath: argument) {
                    problems.append(
                        Diagnostic(
                            code: "E502",
                            "input '\(argument)' is a symbolic link to '\(target)', which does not exist; fix or remove the link"))
                } else {
                    problems.append(Diagnostic(code: "E400", "input '\(argument)' does not exist"))
                }
            } else {
                problems.append(Self.unusable(argument, code))
            }
        }
        return (inputs, problems)
    }

    /// Regular, non-hidden files below `folder` with a known extension (before any `.gz`), sorted,
    /// and a problem for each folder that cannot be read and each entry with a known extension
    /// that cannot be used; nothing is skipped silently. Symbolic links to folders are not followed.
    func files(in folder: String) -> (files: [String], problems: [Diagnostic]) {
        var result: [String] = []
        var problems: [Diagnostic] = []
        var pending = [folder]
        while let current = pending.popLast() {
            guard let directory = opendir(current) else {
                problems.append(
                    Diagnostic(
                        code: "E502",
                        "folder '\(current)' cannot be read: \(SystemError.describe(errno)); fix its permissions or leave it out"))
                continue
            }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self) }
                if name.hasPrefix(".") { continue }
                let path = (current as NSString).appendingPathComponent(name)
                var info = stat()
                guard lstat(path, &info) == 0 else { continue }
                if FileKind(mode: info.st_mode) == .directory {
                    pending.append(path)
                    continue
                }
                guard hasKnownExtension(name) else { continue }
                if FileKind(mode: info.st_mode) == .symbolicLink {
                    if stat(path, &info) != 0 {
                        problems.append(Self.unusable(path, errno))
                        continue
                    }
                    if FileKind(mode: info.st_mode) == .directory { continue }
                }
                switch FileKind(mode: info.st_mode) {
                case .regular: result.append(path)
                case let kind:
                    problems.append(
                        Diagnostic(
                            code: "E502",
                            "'\(path)' is \(Self.notRegular(kind)); folders are searched for regular files only, so move it out or name it on its own"
                        ))
                }
            }
        }
        return (result.sorted(), problems)
    }

    private static func notRegular(_ kind: FileKind?) -> String {
        kind.map { "\($0.phrase), not a regular file" } ?? "not a regular file"
    }

    private func hasKnownExtension(_ name: String) -> Bool {
        var ext = (name as NSString).pathExtension.lowercased()
        if ext == "gz" { ext = ((name as NSString).deletingPathExtension as NSString).pathExtension.lowercased() }
        return extensions.contains(ext)
    }

    /// An input that `stat(2)` refused, with the true reason (not Foundation's "does not exist").
    static func unusable(_ path: String, _ code: Int32) -> Diagnostic {
        let shown = path.count > 200 ? "\(path.prefix(120))…\(path.suffix(40))' (\(path.utf8.count) bytes)" : "\(path)'"
        let hint =
            switch code {
            case ELOOP: "; fix the links"
            case ENAMETOOLONG: "; use a shorter path"
            case EACCES, EPERM: "; a folder on its path cannot be searched"
            default: ""
            }
        return Diagnostic(code: "E502", "input '\(shown) cannot be used: \(SystemError.describe(code))\(hint)")
    }

    /// An input that is neither a file, a pipe nor a folder.
    static func notAFile(_ path: String, _ kind: FileKind?) -> Diagnostic {
        Diagnostic(code: "E502", "input '\(path)' is \(notRegular(kind)); name files, folders, pipes, or '-' for standard input")
    }

    private func glob(_ pattern: String) -> [String] {
        var g = glob_t()
        defer { globfree(&g) }
        #if canImport(Glibc)
            guard Glibc.glob(pattern, 0, nil, &g) == 0 else { return [] }
        #else
            guard Darwin.glob(pattern, 0, nil, &g) == 0 else { return [] }
        #endif
        return (0..<Int(g.gl_pathc)).compactMap { g.gl_pathv[$0].flatMap { String(cString: $0) } }.sorted()
    }
}
