/// A candidate source found by a reader: a hyperlink, an entry of a "Sources:" section, an embed.
///
/// Readers record every such reference with its position; the `sources` analyzer later decides
/// which of them back which claims.
public struct Link: Hashable, Sendable, Codable {
    /// Where the reference came from in the input.
    public enum Origin: String, Hashable, Sendable, Codable, CaseIterable {
        /// A hyperlink in running text.
        case hyperlink
        /// An entry of the article's sources section.
        case sourcesSection = "sources-section"
        /// A link inside an embedded social-media post.
        case embed
        /// An image.
        case image
    }

    /// The address, resolved against the article's base address when there is one.
    public var url: String?
    /// The visible text of the reference (anchor text, or the sources-section entry).
    public var text: String
    /// Where the reference's visible text lies in the article, if it is part of the text.
    public var range: TextRange?
    /// Where the reference came from.
    public var origin: Origin

    /// Creates a link.
    public init(url: String?, text: String, range: TextRange?, origin: Origin) {
        self.url = url
        self.text = text
        self.range = range
        self.origin = origin
    }
}
