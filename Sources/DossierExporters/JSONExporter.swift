public import DossierCore
public import Foundation

/// Writes the canonical Dossier JSON of a document, the format the `json` reader reads back.
///
/// The layout is described by `DocumentJSON` and by the JSON Schema in `DossierSchema`. Output is
/// deterministic (sorted keys) and ends with a newline, so files diff cleanly and concatenate
/// into JSON Lines when `pretty` is off.
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
                "includeText": "write the article text and each range's covered text; false keeps only offsets, and the file cannot be read back",
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

    /// Renders one document as JSON followed by a newline.
    public func export(_ document: Document) throws -> Data {
        try document.jsonData(pretty: options.pretty, includeText: options.includeText, newline: true)
    }
}
