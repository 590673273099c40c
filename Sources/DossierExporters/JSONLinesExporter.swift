public import DossierCore
public import Foundation

/// Writes one document per line, the canonical Dossier JSON without indentation: JSON Lines, for
/// streaming into `jq`, a queue or a data frame.
///
/// It is the `json` exporter with `pretty: false`, under a name that says what it writes and with
/// `.jsonl` as its file extension: the rendering and the sink are the `json` exporter's own
/// (`JSONExporter`, `JSONSink`), so the bytes are the same and a document of 1 Mi scalars or more
/// is streamed to the output in 64 KB chunks as well. Each line ends with `\n`; on a shared file,
/// standard output and a file per article alike, a line is one whole document, which the `json`
/// and `jsonl` readers read back.
public struct JSONLinesExporter: Exporter {
    /// What each line holds.
    public struct Options: ComponentOptions, Hashable {
        /// Include the article text and each item's covered text.
        public var includeText: Bool = true

        /// Creates the default options.
        public init() {}

        /// One line of help per option key.
        public static var help: [String: String] {
            [
                "includeText":
                    "write the article text and each range's covered text; false keeps only offsets, and the lines cannot be read back"
            ]
        }
    }

    /// The id pipelines name this exporter by.
    public static let id = "jsonl"
    /// One line saying what it does.
    public static let summary = "JSON Lines: one canonical Dossier JSON document per line, for streaming into other tools"
    /// The extension of the files it writes.
    public static let fileExtension = "jsonl"

    /// The options this exporter was created with.
    public let options: Options
    /// The `json` exporter this one is, with `pretty: false`.
    let json: JSONExporter

    /// Creates the exporter.
    public init(options: Options = Options()) {
        self.options = options
        var jsonOptions = JSONExporter.Options()
        jsonOptions.pretty = false
        jsonOptions.includeText = options.includeText
        json = JSONExporter(options: jsonOptions)
    }

    /// Renders one document as one line of JSON; see `JSONExporter.export(_:context:)`.
    public func export(_ document: Document, context: ExportContext) throws -> Data {
        try json.export(document, context: context)
    }

    /// The `json` exporter's sink, which writes compact documents one after another: one a line.
    public func makeSink(for output: any ExportOutput, context: ExportContext) throws -> any ExportSink {
        try json.makeSink(for: output, context: context)
    }
}
