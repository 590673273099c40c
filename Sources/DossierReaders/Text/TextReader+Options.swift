public import DossierCore

extension TextReader {
    /// The options of the `text` reader.
    public struct Options: ComponentOptions, Hashable {
        /// Lines that open the sources section, compared case-insensitively, with or without a colon.
        public var sourcesHeadings: [String] = ["Sources", "References", "Sources and references"]
        /// Whether to look for headings by line shape; Markdown `#` headings are recognised regardless.
        public var detectHeadings: Bool = true
        /// Whether to recognise embedded social-media posts.
        public var detectEmbeds: Bool = true
        /// The largest input, in bytes, the reader accepts; bigger inputs fail with `E413`, which
        /// bounds the memory one article can take.
        public var maxBytes: Int = 64 << 20

        /// Creates the default options.
        public init() {}

        public static var help: [String: String] {
            [
                "sourcesHeadings": "lines that open the sources section (case-insensitive, colon optional); each later line is a source",
                "detectHeadings": "recognise short title-cased lines before longer text, and short lines before lists, as headings",
                "detectEmbeds": "recognise social-media posts: a line with a link such as t.co next to a '— Name (@handle) date' line",
                "maxBytes":
                    "largest input accepted, in bytes; larger inputs fail with E413 (at most 2147483647, the most scalars a document holds)",
            ]
        }
    }
}
