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

        /// Creates the default options.
        public init() {}

        public static var help: [String: String] {
            [
                "itemsPath":
                    "dotted path to the array of articles, such as 'response.docs'; empty takes a top-level array, else the first of \(JSONReader.wrapperKeys.map { "'\($0)'" }.joined(separator: ", ")) that holds a list, else the whole object as one article",
                "fields": ArticleFields.help,
                "detectHTML": "read a text field as HTML when its value opens with a tag and closes one",
            ]
        }
    }
}
