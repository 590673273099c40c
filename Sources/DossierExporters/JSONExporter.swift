public import DossierCore
public import Foundation

/// Writes the canonical Dossier JSON of a document, the format the `json` reader reads back.
///
/// The layout is described by `DocumentJSON` and by the JSON Schema in `DossierSchema`. Output is
/// deterministic (sorted keys) and ends with a newline, so files diff cleanly.
///
/// Where several documents go to one place, its sink (`JSONSink`) keeps the result valid: one
/// shared file with `pretty` on is a JSON array of documents; with `pretty` off, one document per
/// line (JSON Lines); standard output gets the documents one after another (what `jq` reads, and
/// one article gives one plain document). A document longer than `streamingThreshold` scalars is
/// rendered by the sink as it writes, in 64 KB chunks, instead of whole in memory beforehand.
public struct JSONExporter: Exporter {
    /// How the JSON is laid out.
    public struct Options: ComponentOptions, Hashable {
        /// Indent the JSON for people; turn off for one document per line.
        public var pretty: Bool = true
        /// Include the article text and each item's covered text; turn off to share results without the article.
        public var includeText: Bool = true

        /// Creates the default options.
        public init() {}

        /// One line of help per option key.
        public static var help: [String: String] {
            [
                "pretty": "indent the JSON for reading; false writes one line per document (JSON Lines)",
                "includeText":
                    "write the article text and each range's covered text; false keeps only offsets, and the file cannot be read back",
            ]
        }
    }

    /// The id pipelines name this exporter by.
    public static let id = "json"
    /// One line saying what it does.
    public static let summary = "canonical, versioned Dossier JSON with every layer, readable back by the json reader"
    /// The extension of the files it writes.
    public static let fileExtension = "json"

    /// The options this exporter was created with.
    public let options: Options

    /// Creates the exporter.
    public init(options: Options = Options()) {
        self.options = options
    }

    /// Documents at least this long (in Unicode scalars) are streamed by the sink at write time
    /// when the run writes through it, so their JSON is never held whole.
    public static let streamingThreshold = 1 << 20

    /// Renders one document as JSON followed by a newline; returns nothing for a document the
    /// sink will stream (long, and written through the sink: see `ExportContext.rendersThroughSink`).
    public func export(_ document: Document, context: ExportContext) throws -> Data {
        if context.rendersThroughSink && document.length >= Self.streamingThreshold { return Data() }
        return try document.jsonData(pretty: options.pretty, includeText: options.includeText, newline: true)
    }

    /// A JSON array for a shared pretty file; documents as they are everywhere else.
    public func makeSink(for output: any ExportOutput, context: ExportContext) throws -> any ExportSink {
        var array = false
        if case .sharedFile = output.kind { array = options.pretty }
        return JSONSink(output, options: options, array: array)
    }
}
