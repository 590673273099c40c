import DossierCore

/// Where the parts of an article are found in a JSON object, for the `json` and `jsonl` readers.
///
/// Each field is a list of candidate paths, tried in order; the first that holds a usable value
/// wins. A path is dotted (`meta.author.name`): a segment that is a number indexes an array
/// (`authors.0`), any other segment applied to an array is applied to each element, so
/// `authors.name` gives every author's name. Keys that themselves contain a dot cannot be named.
///
/// In a pipeline file a field may be one path or a list: `title: headline` or
/// `title: [headline, title]`. Giving a field replaces its default list; an empty list turns the
/// field off. The defaults cover the names used by schema.org `NewsArticle`, the NewsAPI and
/// GDELT-style dumps, WordPress exports and common scrapers.
public struct ArticleFields: Codable, Hashable, Sendable {
    /// The article's id; a number is used as written.
    public var id: [String] = ["id", "guid", "uuid", "_id", "identifier"]
    /// The headline.
    public var title: [String] = ["title", "headline", "name"]
    /// The body as plain text; blank lines (or, when there are none, line breaks) separate paragraphs.
    public var text: [String] = ["text", "body", "articleBody", "content", "fullText", "full_text", "maintext"]
    /// The body as HTML, used when no text field is present.
    public var html: [String] = ["html", "bodyHtml", "body_html", "contentHtml", "content_html", "content.rendered"]
    /// The article's address, the base for resolving relative links.
    public var url: [String] = ["url", "link", "canonicalUrl", "canonical_url", "webUrl", "permalink"]
    /// The first publication date, kept as written.
    public var published: [String] = ["published", "datePublished", "publishedAt", "published_at", "pubDate", "date", "date_publish"]
    /// The last modification date, kept as written.
    public var modified: [String] = ["modified", "dateModified", "updatedAt", "updated_at", "updated", "date_modify"]
    /// The authors: a name, a list of names, or objects (or lists of objects) with a `name`.
    public var authors: [String] = ["authors", "author", "byline", "creator"]
    /// The publisher: a name, or an object with a `name` (schema.org, NewsAPI's `source`).
    public var publisher: [String] = ["publisher", "source", "siteName", "site_name", "source_domain"]
    /// The BCP 47 language tag.
    public var language: [String] = ["language", "lang", "inLanguage", "locale"]

    /// Creates the default mapping.
    public init() {}

    /// Decodes each field from a single path or a list of paths; a field left out keeps its default.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = ArticleFields()
        func paths(_ key: CodingKeys, _ fallback: [String]) throws -> [String] {
            guard container.contains(key) else { return fallback }
            if let one = try? container.decode(String.self, forKey: key) { return [one] }
            return try container.decode([String].self, forKey: key)
        }
        id = try paths(.id, defaults.id)
        title = try paths(.title, defaults.title)
        text = try paths(.text, defaults.text)
        html = try paths(.html, defaults.html)
        url = try paths(.url, defaults.url)
        published = try paths(.published, defaults.published)
        modified = try paths(.modified, defaults.modified)
        authors = try paths(.authors, defaults.authors)
        publisher = try paths(.publisher, defaults.publisher)
        language = try paths(.language, defaults.language)
    }

    /// Every field's name and paths, for checking options.
    var all: [(name: String, paths: [String])] {
        [
            ("id", id), ("title", title), ("text", text), ("html", html), ("url", url), ("published", published),
            ("modified", modified), ("authors", authors), ("publisher", publisher), ("language", language),
        ]
    }

    /// Throws when a path is empty or has an empty segment, such as `meta..author`.
    func validate(option: String = "fields") throws {
        for (name, paths) in all {
            for path in paths where path.isEmpty || path.split(separator: ".", omittingEmptySubsequences: false).contains(where: \.isEmpty)
            {
                throw ComponentError(
                    code: JSONReader.ErrorCode.badOption,
                    "the path '\(path)' for field '\(name)' has an empty segment; write dotted keys such as 'meta.author.name'",
                    option: "\(option).\(name)")
            }
        }
    }

    /// The help line for the `fields` option.
    static let help =
        "where each part of an article is found: id, title, text, html, url, published, modified, authors, publisher, language; each one dotted path ('meta.author.name') or a list tried in order; a number segment indexes a list"
}
