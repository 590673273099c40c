public import DossierCore

extension MarkdownReader {
    /// The options of the `markdown` reader.
    public struct Options: ComponentOptions, Hashable {
        /// Heading texts that open the sources section, compared case-insensitively, colon optional.
        public var sourcesHeadings: [String] = ["Sources", "References", "Sources and references"]
        /// Whether fenced and indented code blocks become paragraphs; when false they are dropped.
        public var includeCodeBlocks: Bool = true
        /// Whether a short `By …` paragraph before the lede becomes a byline and fills in the authors.
        public var detectBylines: Bool = true
        /// The largest input accepted, in bytes.
        public var maxBytes: Int = 32 * 1024 * 1024

        /// Creates the default options.
        public init() {}

        public static var help: [String: String] {
            [
                "sourcesHeadings": "headings that open the sources section (case-insensitive, colon optional)"
                    + "; each paragraph or list item under it, up to the next heading of the same or a higher level, is a source"
                    + "; a 'Sources:' paragraph opens the section up to the next heading",
                "includeCodeBlocks": "keep fenced and indented code blocks as paragraphs (true) or drop them (false)",
                "detectBylines":
                    "treat a short 'By Jane Doe and John Roe' paragraph before the lede as the byline and take the authors from it when the front matter names none",
                "maxBytes": "the largest Markdown input accepted, in bytes; larger inputs fail with E445",
            ]
        }
    }
}
