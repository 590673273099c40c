/// What is known about an article besides its text.
///
/// Dates are kept as the ISO 8601 strings the reader found or normalised them to (`2025-12-14` or
/// `2025-12-14T09:30:00Z`), so that no precision is invented and none is lost.
public struct Metadata: Hashable, Sendable, Codable {
    /// The headline.
    public var title: String?
    /// The authors, in byline order.
    public var authors: [String]
    /// The publication or site.
    public var publisher: String?
    /// When the article was first published, as ISO 8601.
    public var published: String?
    /// When the article was last modified, as ISO 8601.
    public var modified: String?
    /// The canonical address of the article.
    public var url: String?
    /// The BCP 47 language tag, such as `en`.
    public var language: String?

    /// Creates metadata; every field is optional.
    public init(
        title: String? = nil, authors: [String] = [], publisher: String? = nil, published: String? = nil,
        modified: String? = nil, url: String? = nil, language: String? = nil
    ) {
        self.title = title
        self.authors = authors
        self.publisher = publisher
        self.published = published
        self.modified = modified
        self.url = url
        self.language = language
    }
}
