public import Foundation

/// The ready-made sink: each rendering written as it is, with an optional header, separator and
/// footer once per file.
///
/// On standard output or a shared file the header comes before the first article, the separator
/// between two articles and the footer after the last, once for the run: a CSV header, JSON
/// array brackets. On a per-article target every article's file is a whole file of its own, so
/// each gets the header, its rendering and the footer. With nothing given it is the default sink
/// of every exporter: renderings concatenated in input order.
public struct StreamSink: ExportSink {
    /// Where it writes.
    public let output: any ExportOutput
    /// Written before the first article.
    public var header: Data
    /// Written between two articles.
    public var separator: Data
    /// Written after the last article.
    public var footer: Data
    private var count = 0

    /// Creates a sink writing to `output`.
    public init(_ output: any ExportOutput, header: Data = Data(), separator: Data = Data(), footer: Data = Data()) {
        self.output = output
        self.header = header
        self.separator = separator
        self.footer = footer
    }

    /// Writes the header (or separator), then the rendering; on a per-article target, also the footer.
    public mutating func write(_ rendered: Data, for document: Document) throws {
        if output.kind.isPerArticle {
            try writeIfAny(header)
            try writeIfAny(rendered)
            try writeIfAny(footer)
            return
        }
        try writeIfAny(count == 0 ? header : separator)
        try writeIfAny(rendered)
        count += 1
    }

    /// Writes the footer once after the last article of a shared target.
    public mutating func finish() throws {
        if !output.kind.isPerArticle && count > 0 { try writeIfAny(footer) }
    }

    private func writeIfAny(_ data: Data) throws {
        if !data.isEmpty { try output.write(data) }
    }
}
