public import DossierCore

extension JSONReader {
    /// The options of the `json` reader.
    public struct Options: ComponentOptions, Hashable {
        /// The dotted path to the array of articles; empty finds it: the top-level array, a
        /// wrapper key such as `articles`, or the top-level object as the one article.
        public var itemsPath: String = ""
        /// Where each part of an article is found.
        public var fields: ArticleFields = ArticleFields()
        /// Whether a text field whose value is plainly HTML (opens with a tag, closes one) is read as HTML.
        public var detectHTML: Bool = true
        /// The largest input, in bytes, the reader accepts; bigger inputs fail with `E462` before
        /// they are parsed. A JSON file is parsed whole, so its memory follows the file rather than
        /// one article: a large collection reads best as JSON Lines (`jsonl`), a line at a time.
        /// Larger than the other readers' 64 MB, since a Dossier document written by the `json`
        /// exporter holds its article's text and every annotation, several times the article.
        public var maxBytes: Int = 256 << 20

        /// Creates the default options.
        public init() {}

        public static var help: [String: String] {
            [
                "itemsPath":
                    "dotted path to the array of articles, such as 'response.docs'; empty takes a top-level array, else the first of \(JSONReader.wrapperKeys.map { "'\($0)'" }.joined(separator: ", ")) that holds a list, else the whole object as one article",
                "fields": ArticleFields.help,
                "detectHTML": "read a text field as HTML when its value opens with a tag and closes one",
                "maxBytes":
                    "largest input accepted, in bytes; larger inputs fail with E462 (a JSON file is parsed whole: write a large collection as JSON Lines, read a line at a time)",
            ]
        }
    }
}
