public import DossierCore
public import Foundation

/// Writes one table of a corpus as CSV (RFC 4180): articles, claims, sources, entities, quotes or
/// findings, one row per item, keyed by article id.
///
/// One instance writes one table, named by `table`, so each file has one header and loads
/// straight into a data frame or a spreadsheet (`pandas.read_csv("out/claims.csv")`); a pipeline
/// that wants several tables names the exporter once per table with `as:`:
///
/// ```yaml
/// exporters:
///   - csv: { to: out/articles.csv }
///   - csv: { as: claims-csv, table: claims, to: out/claims.csv }
/// ```
///
/// Fields holding a comma, a double quote, CR or LF are quoted, with inner quotes doubled;
/// records end with CRLF; text is UTF-8. On a shared file or standard output the header comes
/// once; a file per article is a whole table of its own. With `append: true` a shared file keeps
/// the rows of earlier runs (see `CSVSink`).
public struct CSVExporter: Exporter {
    /// Which table, and how it is written.
    public struct Options: ComponentOptions, Hashable {
        /// The table this instance writes.
        public var table: CSVTable = .articles
        /// Keep the rows an existing file holds and add this run's after them.
        public var append: Bool = false
        /// Prefix `'` to text that a spreadsheet would run as a formula.
        public var guardFormulas: Bool = false

        /// Creates the default options.
        public init() {}

        /// One line of help per option key.
        public static var help: [String: String] {
            [
                "table":
                    "the table to write: articles, claims, sources, entities, quotes or findings (one table per instance; name others with 'as:')",
                "append":
                    "keep the rows of an existing file and add this run's after them, without a second header (shared files only; the old file is copied, then replaced atomically)",
                "guardFormulas":
                    "prefix ' to text starting with =, +, -, @, tab or CR, so a spreadsheet does not run it as a formula (changes the data: leave off for pandas)",
            ]
        }
    }

    /// The id pipelines name this exporter by.
    public static let id = "csv"
    /// One line saying what it does.
    public static let summary =
        "one CSV table per instance (articles, claims, sources, entities, quotes or findings) keyed by article id, RFC 4180, appendable"
    /// The extension of the files it writes.
    public static let fileExtension = "csv"

    /// The options this exporter was created with.
    public let options: Options
    private let writer: CSVWriter

    /// Creates the exporter.
    public init(options: Options = Options()) {
        self.options = options
        writer = CSVWriter(guardsFormulas: options.guardFormulas)
    }

    /// The header row of this instance's table, CRLF included.
    public var header: Data {
        var out: [UInt8] = []
        writer.record(options.table.columns.map(CSVField.text), into: &out)
        return Data(out)
    }

    /// Renders the document's rows of the table, without the header (the sink writes it).
    public func export(_ document: Document, context: ExportContext) throws -> Data {
        var out: [UInt8] = []
        for row in options.table.rows(of: document) { writer.record(row, into: &out) }
        return Data(out)
    }

    /// The header once per file, and the old rows first when appending.
    public func makeSink(for output: any ExportOutput, context: ExportContext) throws -> any ExportSink {
        try CSVSink(output, header: header, append: options.append, table: options.table.rawValue)
    }
}
