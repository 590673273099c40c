public import DossierCore
public import Foundation

/// The `json` exporter's sink: keeps several documents in one place valid JSON, and streams the
/// documents the exporter left to it.
///
/// With `array` (a shared file with `pretty` on) it writes `[`, the documents separated by
/// commas, and `]`; otherwise each document as rendered, which on a shared file with `pretty` off
/// is JSON Lines. An empty rendering means the exporter left the document to the sink (see
/// `JSONExporter.streamingThreshold`): it is written in chunks straight to the output, so its
/// JSON is never held whole.
public struct JSONSink: ExportSink {
    private let output: any ExportOutput
    private let options: JSONExporter.Options
    private let array: Bool
    private var count = 0
    /// Whether a failed article gets a failure record in its place (the `jsonl` exporter with
    /// `failures: lines`); never inside an array.
    public var writesFailures = false
    /// Bytes per chunk when streaming a document.
    static let chunkSize = 1 << 16

    /// Creates the sink.
    public init(_ output: any ExportOutput, options: JSONExporter.Options, array: Bool) {
        self.output = output
        self.options = options
        self.array = array
    }

    /// Writes one document, opening the array or separating it from the one before.
    public mutating func write(_ rendered: Data, for document: Document) throws {
        if array { try output.write(Data((count == 0 ? "[\n" : ",\n").utf8)) }
        count += 1
        if rendered.isEmpty {
            let output = output
            try document.writeJSON(
                pretty: options.pretty, includeText: options.includeText, newline: !array, chunkSize: Self.chunkSize
            ) { chunk in try output.write(Data(chunk)) }
        } else if array && rendered.last == UInt8(ascii: "\n") {
            try output.write(rendered.dropLast())
        } else {
            try output.write(rendered)
        }
    }

    /// Writes the failure record of a failed article on a line of its own, when asked to.
    public mutating func write(failure: ArticleFailure) throws {
        guard writesFailures && !array else { return }
        try output.write(failure.jsonLine())
    }

    /// Closes the array.
    public mutating func finish() throws {
        if array && count > 0 { try output.write(Data("\n]\n".utf8)) }
    }
}
