/// A structural unit of the article: a heading, a paragraph, a list item, and so on.
///
/// Blocks cover the canonical text in document order and never overlap. Text between blocks is
/// layout (line breaks) and belongs to no block.
public struct Block: Hashable, Sendable, Codable {
    /// What the block is.
    public var kind: BlockKind
    /// Where the block's text lies in the article.
    public var range: TextRange
    /// The heading level (1 for the top level) or list nesting depth, when it applies.
    public var level: Int?
    /// A label grouping related blocks, such as the heading of the list a list item belongs to.
    public var label: String?

    /// Creates a block.
    public init(kind: BlockKind, range: TextRange, level: Int? = nil, label: String? = nil) {
        self.kind = kind
        self.range = range
        self.level = level
        self.label = label
    }
}
