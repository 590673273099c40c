public import Foundation

/// One input to a run: a file, standard input, or bytes already in memory.
public enum InputSource: Sendable, Hashable, CustomStringConvertible {
    /// A file on disk.
    case file(String)
    /// Standard input, read to its end.
    case standardInput
    /// Bytes in memory, under a name (used for the id and for choosing a reader by extension).
    case data(name: String, Data)

    /// The name diagnostics use: the path, `-`, or the given name.
    public var name: String {
        switch self {
        case .file(let path): path
        case .standardInput: "-"
        case .data(let name, _): name
        }
    }

    /// The article id derived from the name: the file name without directories and extensions.
    public var stem: String {
        if case .standardInput = self { return "stdin" }
        var base = (name as NSString).lastPathComponent
        // Drop a compression suffix and then the format extension: `a.html.gz` → `a`.
        for _ in 0..<2 {
            let ext = (base as NSString).pathExtension
            guard !ext.isEmpty, ext.count <= 5, base.count > ext.count + 1 else { break }
            base = (base as NSString).deletingPathExtension
        }
        return base.isEmpty ? "article" : base
    }

    /// Reads the bytes, decompressing gzip (by its magic bytes, whatever the name says).
    func load() throws -> Data {
        let raw: Data
        switch self {
        case .file(let path):
            raw = try Data(contentsOf: URL(fileURLWithPath: path))
        case .standardInput:
            raw = FileHandle.standardInput.readDataToEndOfFile()
        case .data(_, let data):
            raw = data
        }
        return Gzip.isCompressed(raw) ? try Gzip.decompress(raw) : raw
    }

    public var description: String { name }
}

/// The lines of standard input as separate inputs, read only as the runner asks for them, so a
/// JSON Lines stream of any length runs in bounded memory and its results flow out as it arrives.
public struct StandardInputLines: Sequence, IteratorProtocol, Sendable {
    private var number = 0
    /// The extension each line's name gets, so that `auto` and ids see the format.
    public let fileExtension: String

    /// Creates the sequence; each line becomes an input named `stdin-N.EXT`.
    public init(fileExtension: String = "jsonl") {
        self.fileExtension = fileExtension
    }

    public mutating func next() -> InputSource? {
        while let line = readLine(strippingNewline: true) {
            number += 1
            if line.allSatisfy(\.isWhitespace) { continue }
            return .data(name: "stdin-\(number).\(fileExtension)", Data(line.utf8))
        }
        return nil
    }
}
