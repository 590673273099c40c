public import DossierCore
public import Foundation

/// Writes one tab-separated row per article under a header row: a spreadsheet-friendly overview
/// of a batch.
///
/// `export` renders one article's row (Dossier calls it for many articles at once); the sink,
/// Dossier's ready-made `StreamSink`, writes the header once before the first row of a shared file
/// or of standard output, and at the top of each file when `to:` has `{id}`. Point `to:` at a path
/// without `{id}` and every article's row lands in one file, in input order.
public struct TSVSummaryExporter: Exporter {
    /// The options, with their defaults; keys map 1:1 to pipeline YAML keys.
    public struct Options: ComponentOptions {
        /// Which columns to write, in order.
        public var columns: [String] = ["id", "title", "sentences", "words", "links"]
        /// Whether to start each row with the pipeline's input name.
        public var includeOrigin = false

        public init() {}

        public static let help = [
            "columns": "columns to write, in order: " + TSVSummaryExporter.knownColumns.joined(separator: ", "),
            "includeOrigin": "start each row with the input's path",
        ]
    }

    public static let id = "tsv-summary"
    public static let summary = "One tab-separated row per article: id, title, counts"
    public static let version = "1.0.0"
    public static let fileExtension = "tsv"
    public static let requires: Set<LayerID> = [.sentences]

    /// The columns this exporter knows.
    public static let knownColumns = ["id", "title", "sentences", "words", "links", "headings", "published"]

    private let options: Options

    /// Checks the columns when the pipeline is checked, without creating the exporter, so that
    /// `dossier lint` points at the bad column itself, with a suggestion.
    public static func validate(_ options: Options) throws {
        for (i, column) in options.columns.enumerated() where !knownColumns.contains(column) {
            throw ComponentError(
                "unknown column '\(column)'\(Suggestions.hint(column, among: knownColumns)); "
                    + "the columns are: \(knownColumns.joined(separator: ", "))",
                option: "columns[\(i)]")
        }
    }

    public init(options: Options) throws {
        try Self.validate(options)
        self.options = options
    }

    /// The header row: the column names, tab-separated.
    public var header: Data {
        Data(((options.includeOrigin ? ["origin"] : []) + options.columns).joined(separator: "\t").utf8 + [0x0A])
    }

    /// Writes the header once per file, then the rows as they come, in input order.
    public func makeSink(for output: any ExportOutput, context: ExportContext) throws -> any ExportSink {
        StreamSink(output, header: header)
    }

    /// One article's row.
    public func export(_ document: Document, context: ExportContext) throws -> Data {
        var cells: [String] = options.includeOrigin ? [document.origin ?? ""] : []
        for column in options.columns {
            switch column {
            case "id": cells.append(document.id)
            case "title": cells.append(document.metadata.title ?? "")
            case "sentences": cells.append(String(document.annotations.sentences.count))
            case "words": cells.append(String(document.text.split(whereSeparator: \.isWhitespace).count))
            case "links": cells.append(String(document.links.count))
            case "headings": cells.append(String(document.blocks(of: .heading).count))
            case "published": cells.append(document.metadata.published ?? "")
            default: break
            }
        }
        // Tabs and line breaks inside a cell would break the row.
        let row = cells.map { $0.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ") }
        return Data((row.joined(separator: "\t") + "\n").utf8)
    }
}
