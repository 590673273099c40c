public import DossierCore
public import Foundation

/// The `csv` exporter's sink: the header once per file, and, with `append`, the rows of earlier
/// runs kept.
///
/// Appending goes through the pipeline's atomic files like every other write: when the sink opens
/// on a shared file that already holds rows, it copies the old file into the file the pipeline is
/// assembling (in 1 MiB chunks, so memory stays flat), checks that its first line is this table's
/// header, and then adds this run's rows after it without a second header. The pipeline renames
/// the new file over the old one when the run ends; a failed or interrupted run discards it and the
/// old file stays as it was. So an append never leaves half a file, at the cost of copying the
/// old rows once per run.
public struct CSVSink: ExportSink {
    private let output: any ExportOutput
    private let header: Data
    private var headerWritten = false

    /// Opens the sink; with `append` on a shared file that exists, copies its rows first.
    ///
    /// Throws a diagnostic (`E271`) when the existing file's first line is not `header`, so rows of
    /// another table or another version of the columns are never mixed into it.
    public init(_ output: any ExportOutput, header: Data, append: Bool, table: String) throws {
        self.output = output
        self.header = header
        guard append, case .sharedFile(let path) = output.kind else { return }
        headerWritten = try Self.copyRows(of: path, expecting: header, table: table, to: output)
    }

    /// Writes the header before the first rows of a file, then the rows.
    public mutating func write(_ rendered: Data, for document: Document) throws {
        if output.kind.isPerArticle || !headerWritten {
            try output.write(header)
            headerWritten = true
        }
        if !rendered.isEmpty { try output.write(rendered) }
    }

    /// Copies the file at `path`, if it holds anything, to `output`; true when it did (so the
    /// header is already there).
    private static func copyRows(of path: String, expecting header: Data, table: String, to output: any ExportOutput) throws -> Bool {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else { return false }
        guard let file = FileHandle(forReadingAtPath: path) else {
            throw Diagnostic(code: "E271", "cannot read '\(path)' to append to it; check its permissions, or set 'append: false'")
        }
        defer { try? file.close() }
        var first = true
        var last: UInt8?
        while let chunk = try file.read(upToCount: 1 << 20), !chunk.isEmpty {
            if first {
                first = false
                let line = chunk.prefix(header.count)
                if line != header {
                    let found = String(decoding: chunk.prefix { $0 != 0x0D && $0 != 0x0A }.prefix(200), as: UTF8.self)
                    throw Diagnostic(
                        code: "E271",
                        "cannot append the '\(table)' table to '\(path)': its first line is '\(found)', not this table's header; "
                            + "write to another file, or remove the old one")
                }
            }
            try output.write(chunk)
            last = chunk.last
        }
        guard let last else { return false }
        // A file edited by hand may end without a line break; the next record must start on a line of its own.
        if last != 0x0A { try output.write(Data("\r\n".utf8)) }
        return true
    }
}
