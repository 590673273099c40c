public import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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
        if let stem = Self.printableASCIIStem(name) { return stem }
        var base = (name as NSString).lastPathComponent
        // Drop a compression suffix and then the format extension: `a.html.gz` → `a`.
        for _ in 0..<2 {
            let ext = (base as NSString).pathExtension
            guard !ext.isEmpty, ext.count <= 5, base.count > ext.count + 1 else { break }
            base = (base as NSString).deletingPathExtension
        }
        return base.isEmpty ? "article" : base
    }

    /// `stem` for a name of printable ASCII without `//`, the usual case, on its bytes: the same
    /// answers as the `NSString` path functions below (a test compares them on every such name of
    /// up to six characters from `a`, `b`, `x`, `.`, ` ` and `/`), which cost a few percent of a run
    /// over small articles. Nil for any other name.
    static func printableASCIIStem(_ name: String) -> String? {
        name.utf8.withContiguousStorageIfAvailable { u -> String? in
            var end = u.count
            var previous: UInt8 = 0
            for byte in u {
                // `NSString` traps on some names with a double slash (`/a//`); they keep its answer.
                if byte < 0x20 || byte > 0x7E || (byte == UInt8(ascii: "/") && previous == byte) { return nil }
                previous = byte
            }
            // A trailing slash is dropped (`a/` → `a`), but `/` alone keeps it.
            while end > 1, u[end - 1] == UInt8(ascii: "/") { end -= 1 }
            if end == 1 && u[0] == UInt8(ascii: "/") { return nil }
            var start = end
            while start > 0, u[start - 1] != UInt8(ascii: "/") { start -= 1 }
            // Drop a compression suffix and then the format extension, each of 1 to 5 bytes after
            // a dot that does not open the name (`.profile` has none).
            for _ in 0..<2 {
                var dot = end
                while dot > start, u[dot - 1] != UInt8(ascii: ".") { dot -= 1 }
                guard dot > start + 1 else { break }
                let length = end - dot
                guard length > 0, length <= 5, end - start > length + 1 else { break }
                end = dot - 1
            }
            return start == end ? "article" : String(decoding: UnsafeBufferPointer(rebasing: u[start..<end]), as: UTF8.self)
        } ?? nil
    }

    /// The most read from standard input or a named pipe, whose size is not known in advance: the
    /// same 512 MB as the gzip cap, so `- < /dev/zero` fails with a clear error instead of growing.
    public static let streamLimit = Gzip.defaultLimit

    /// Reads the bytes, decompressing gzip (by its magic bytes, whatever the name says).
    ///
    /// Throws a `SystemError` whose reason says truthfully what is wrong: a file that is a device,
    /// a folder, a symbolic link loop, a stream longer than `streamLimit`, an empty standard input.
    public func load() throws -> Data {
        let raw: Data
        switch self {
        case .file(let path):
            raw = try Self.read(path: path)
        case .standardInput:
            raw = try Self.read(descriptor: 0, limit: Self.streamLimit, stream: "standard input")
            if raw.isEmpty {
                throw SystemError(
                    reason: "standard input is empty; send an article to it ('dossier run - < story.txt') or name files instead")
            }
        case .data(_, let data):
            raw = data
        }
        return Gzip.isCompressed(raw) ? try Gzip.decompress(raw) : raw
    }

    /// Reads a file whole; a named pipe up to `streamLimit`. Devices and sockets are refused
    /// before they are opened (opening some devices has effects, reading others never ends).
    static func read(path: String) throws(SystemError) -> Data {
        var info = stat()
        guard stat(path, &info) == 0 else { throw SystemError.last() }
        if let kind = FileKind(mode: info.st_mode), kind != .fifo, kind != .regular {
            throw SystemError(
                reason: kind == .directory
                    ? "it is a folder" : "it is \(kind.phrase), not a regular file; name files, folders, pipes, or '-' for standard input")
        }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw SystemError.last() }
        defer { close(descriptor) }
        let isRegular = FileKind(mode: info.st_mode) == .regular
        return try read(descriptor: descriptor, limit: isRegular ? nil : streamLimit, stream: "the pipe")
    }

    /// Reads `descriptor` to its end with read(2), failing (rather than trapping, as FileHandle
    /// does) on a closed descriptor, a folder or a read error, and past `limit` bytes.
    static func read(descriptor: Int32, limit: Int?, stream: String) throws(SystemError) -> Data {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw SystemError.last() }
        if FileKind(mode: info.st_mode) == .directory { throw SystemError(code: EISDIR) }
        if descriptor == 0, StandardDescriptor.isClosed(0) { throw SystemError(reason: "standard input is closed") }
        var data = Data()
        if FileKind(mode: info.st_mode) == .regular, info.st_size > 0 { data.reserveCapacity(Int(info.st_size)) }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw SystemError.last()
            }
            if count == 0 { return data }
            if let limit, data.count + count > limit {
                throw SystemError(
                    reason:
                        "\(stream) holds more than \(limit >> 20) MB, the most read from a stream; split it, or stream JSON Lines with '--reader jsonl'"
                )
            }
            data.append(contentsOf: chunk[0..<count])
        }
    }

    public var description: String { name }
}

/// The lines of standard input as separate inputs, read only as the runner asks for them, so a
/// JSON Lines stream of any length runs in bounded memory and its results flow out as it arrives.
///
/// A read error (a closed descriptor, a folder) or a line longer than `InputSource.streamLimit`
/// ends the sequence early; `failure` then says why, so the caller can fail the run.
public struct StandardInputLines: Sequence, IteratorProtocol, Sendable {
    private var number = 0
    private let reader = DescriptorLineReader(descriptor: 0, maxLineBytes: InputSource.streamLimit)
    /// The extension each line's name gets, so that `auto` and ids see the format.
    public let fileExtension: String

    /// Creates the sequence; each line becomes an input named `stdin-N.EXT`.
    public init(fileExtension: String = "jsonl") {
        self.fileExtension = fileExtension
    }

    /// Why the sequence ended before the end of standard input, or nil; shared by every copy.
    public var failure: SystemError? { reader.failure }

    public mutating func next() -> InputSource? {
        while let line = reader.nextLine() {
            number += 1
            if Self.isBlank(line) { continue }
            return .data(name: "stdin-\(number).\(fileExtension)", line)
        }
        return nil
    }

    /// Whether a line holds only whitespace; ASCII first, Unicode only for a line that has more.
    static func isBlank(_ line: Data) -> Bool {
        var ascii = true
        for byte in line {
            if byte >= 0x80 {
                ascii = false
                break
            }
            if !(byte == 0x20 || (0x09...0x0D).contains(byte)) { return false }
        }
        return ascii || String(decoding: line, as: UTF8.self).allSatisfy(\.isWhitespace)
    }
}
