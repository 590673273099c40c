public import DossierCore

extension JSONLinesReader {
    /// The options of the `jsonl` reader.
    public struct Options: ComponentOptions, Hashable {
        /// Where each part of an article is found; the same mapping as the `json` reader's.
        public var fields: ArticleFields = ArticleFields()
        /// Whether a text field whose value is plainly HTML is read as HTML.
        public var detectHTML: Bool = true
        /// Whether a line that cannot be read is skipped (true) or fails the whole file (false).
        public var skipBadLines: Bool = true

        /// Creates the default options.
        public init() {}

        public static var help: [String: String] {
            [
                "fields": ArticleFields.help,
                "detectHTML": "read a text field as HTML when its value opens with a tag and closes one",
                "skipBadLines":
                    "skip a line that is not a readable article and go on (true), or fail the whole file at the first such line (false); the file fails anyway when no line can be read",
            ]
        }
    }
}
