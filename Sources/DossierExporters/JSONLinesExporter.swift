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
        /// What a failed article leaves in the output.
        public var failures: Failures = .omit

        /// Creates the default options.
        public init() {}

        /// One line of help per option key.
        public static var help: [String: String] {
            [
                "failures":
                    "'lines' writes a failure record ({\"format\": \"dossier-error\", \"id\", \"error\"}) in a failed article's place, so that every input line gets one output line (Docs/Streaming.md); 'omit' leaves failed articles out",
                "includeText":
                    "write the article text and each range's covered text; false keeps only offsets, and the lines cannot be read back",
            ]
        }
    }

    /// What a failed article leaves in the output.
    public enum Failures: String, Codable, Sendable, Hashable, CaseIterable {
        /// Nothing: the failure is reported on standard error only.
        case omit
        /// A failure record in its place (`ArticleFailure.jsonLine()`): one output line per record.
        case lines
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

    /// The `json` exporter's sink, which writes compact documents one after another: one a line,
    /// and with `failures: lines` a failure record in each failed article's place.
    public func makeSink(for output: any ExportOutput, context: ExportContext) throws -> any ExportSink {
        var sink = JSONSink(output, options: json.options, array: false)
        sink.writesFailures = options.failures == .lines
        return sink
    }

    /// With `failures: lines`, to a shared file and standard output alike (a file per article has
    /// no place for an article that failed).
    public func writesFailures(to output: ExportOutputKind) -> Bool {
        options.failures == .lines && !output.isPerArticle
    }
}
