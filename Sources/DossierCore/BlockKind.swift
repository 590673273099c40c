/// The structural role of a block of article text.
///
/// A kind is an open set of lowercase names: the built-in ones below cover news articles, and a
/// reader may introduce others without changing this module.
public struct BlockKind: RawRepresentable, Hashable, Sendable, Codable, ExpressibleByStringLiteral, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public init(from decoder: any Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
    public var description: String { rawValue }

    /// The article's headline.
    public static let title: BlockKind = "title"
    /// The opening summary paragraph.
    public static let lede: BlockKind = "lede"
    /// A section heading.
    public static let heading: BlockKind = "heading"
    /// A body paragraph.
    public static let paragraph: BlockKind = "paragraph"
    /// One item of a bulleted or numbered list, such as a story highlight.
    public static let listItem: BlockKind = "list-item"
    /// A quotation set off from the body.
    public static let blockQuote: BlockKind = "block-quote"
    /// An embedded social-media post, such as a quoted tweet.
    public static let embeddedPost: BlockKind = "embedded-post"
    /// The list of sources the article cites at its end.
    public static let sourcesSection: BlockKind = "sources-section"
    /// A figure or photo caption.
    public static let caption: BlockKind = "caption"
    /// The author line.
    public static let byline: BlockKind = "byline"
    /// The place-and-date line that opens many news stories.
    public static let dateline: BlockKind = "dateline"
}
