public import DossierCore

extension HTMLReader {
    /// The options of the `html` reader.
    public struct Options: ComponentOptions, Hashable {
        /// The address relative links are resolved against when the page names none itself
        /// (no `<base href>`, canonical link or `og:url`).
        public var baseURL: String?
        /// The shortest paragraph, in characters, that counts as evidence of article text when
        /// scoring candidate containers; shorter ones are kept in the output but earn no score.
        public var minParagraphLength: Int = 25
        /// Whether figure captions are kept as `caption` blocks.
        public var keepCaptions: Bool = true
        /// The largest page, in bytes, the reader accepts; bigger inputs fail with `E432`, which
        /// bounds the memory one article can take.
        public var maxBytes: Int = 64 << 20

        /// Creates the default options.
        public init() {}

        public static var help: [String: String] {
            [
                "baseURL": "address to resolve relative links against when the page has no <base href>, canonical link or og:url",
                "minParagraphLength": "shortest paragraph (characters) that scores as article text when choosing the main content",
                "keepCaptions": "keep figure captions (<figcaption>, .caption) as caption blocks",
                "maxBytes": "largest page accepted, in bytes; larger inputs fail with E432",
            ]
        }
    }
}
