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
    /// A name that matches nothing is a diagnostic, not a silent skip.
    public func collect(_ arguments: [String]) -> (inputs: [InputSource], problems: [Diagnostic]) {
        var inputs: [InputSource] = []
        var problems: [Diagnostic] = []
        var seen: Set<String> = []
        func add(_ path: String) {
            let key = URL(fileURLWithPath: path).standardizedFileURL.path
            if seen.insert(key).inserted { inputs.append(.file(path)) }
        }
        for argument in arguments {
            if argument == "-" {
                inputs.append(.standardInput)
                continue
            }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) {
                if isDirectory.boolValue {
                    let found = files(in: argument)
                    if found.isEmpty {
                        problems.append(Diagnostic(.warning, code: "W401", "folder '\(argument)' holds no file with a known extension (\(extensions.sorted().joined(separator: ", ")))"))
                    }
                    found.forEach(add)
                } else {
                    add(argument)
                }
            } else if argument.contains(where: { "*?[".contains($0) }) {
                let matches = glob(argument)
                if matches.isEmpty { problems.append(Diagnostic(code: "E400", "no file matches '\(argument)'")) }
                for match in matches {
                    var dir: ObjCBool = false
                    if FileManager.default.fileExists(atPath: match, isDirectory: &dir), dir.boolValue { files(in: match).forEach(add) } else { add(match) }
                }
            } else {
                problems.append(Diagnostic(code: "E400", "input '\(argument)' does not exist"))
            }
        }
        return (inputs, problems)
    }

    /// Regular, non-hidden files below `folder` with a known extension (before any `.gz`), sorted.
    func files(in folder: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
        var result: [String] = []
        while let relative = walker.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            if name.hasPrefix(".") {
                walker.skipDescendants()
                continue
            }
            let path = (folder as NSString).appendingPathComponent(relative)
            var dir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &dir), !dir.boolValue else { continue }
            var ext = (name as NSString).pathExtension.lowercased()
            if ext == "gz" { ext = ((name as NSString).deletingPathExtension as NSString).pathExtension.lowercased() }
            if extensions.contains(ext) { result.append(path) }
        }
        return result.sorted()
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
