/// The structural role of a block of article text.
///
/// A kind is an open set of lowercase names: the built-in ones below cover news articles, and a
/// reader may introduce others without changing this module.
public struct BlockKind: OpenName {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

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
    /// The built-in kinds, in a stable order.
    public static let builtIn: [BlockKind] = [
        .title, .lede, .heading, .paragraph, .listItem, .blockQuote, .embeddedPost, .sourcesSection, .caption, .byline, .dateline,
    ]
}
