import Foundation

/// Replays files through the current target when libFuzzer is not linked in.
///
/// This keeps regression replay possible on a toolchain without libFuzzer: a crash still ends the
/// process with a signal, and the file being replayed is named first.
enum Replayer {
    /// Runs every file named, and every file inside every folder named; flags (`-x=y`) are ignored.
    static func replay(_ arguments: [String]) -> CInt {
        var files: [String] = []
        for argument in arguments where !argument.hasPrefix("-") {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isFolder) else {
                FileHandle.standardError.write(Data("no such file or folder '\(argument)'\n".utf8))
                return 2
            }
            if isFolder.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: argument)) ?? []
                files += names.sorted().filter { !$0.hasPrefix(".") }.map { argument + "/" + $0 }
            } else {
                files.append(argument)
            }
        }
        for file in files {
            FileHandle.standardError.write(Data("Running: \(file)\n".utf8))
            guard let data = FileManager.default.contents(atPath: file) else { continue }
            data.withUnsafeBytes { raw in
                _ = fuzzOne(raw.bindMemory(to: UInt8.self).baseAddress, raw.count)
            }
        }
        FileHandle.standardError.write(Data("replayed \(files.count) inputs without a crash\n".utf8))
        return 0
    }
}
