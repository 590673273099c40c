public import DossierCore
public import Foundation

/// Writes schema.org JSON-LD for an article: a `NewsArticle` and a `ClaimReview` draft for each
/// check-worthy claim, for a fact-checker to complete and publish.
///
/// The `NewsArticle` carries the headline, authors, dates, publisher, address, language and the
/// works the article cites (its sources and links that have an address). Each draft names the
/// claim as written (`claimReviewed`) and the claim itself (`itemReviewed`, a `Claim` with its
/// claimant as `author`, the article as `appearance` and `firstAppearance`, and the article's
/// date); it says it is a draft (`creativeWorkStatus: "Draft"`) and leaves out what only the
/// fact-checker can give: the verdict (`reviewRating`), the address of the fact-check (`url`) and
/// its publication date. See `Docs/Exporters.md` for which of Google's required and recommended
/// ClaimReview properties are filled.
///
/// Keys come in a fixed order (`@type` first), so output is deterministic; `<` is written as
/// `\u003c`, so the JSON can be pasted into a `<script type="application/ld+json">` element
/// whatever the article says.
public struct JSONLDExporter: Exporter {
    /// Which claims get drafts, and what the article's metadata may lack.
    public struct Options: ComponentOptions, Hashable {
        /// The lowest check-worthiness, 0 to 1, for a claim to get a ClaimReview draft.
        public var minimumScore: Double = 0.5
        /// The most drafts per article, most check-worthy first; 0 for no limit.
        public var maxReviews: Int = 0
        /// The publisher's name when the article's metadata has none; empty for none.
        public var publisher: String = ""
        /// The fact-checking organisation, written as each draft's `author`; empty to leave it to the fact-checker.
        public var reviewAuthor: String = ""
        /// Indented output; off for one line per article (JSON Lines on standard output).
        public var pretty: Bool = true

        /// Creates the default options.
        public init() {}

        /// One line of help per option key.
        public static var help: [String: String] {
            [
                "minimumScore": "the lowest check-worthiness, 0 to 1, for a claim to get a ClaimReview draft",
                "maxReviews": "the most ClaimReview drafts per article, most check-worthy first; 0 for no limit",
                "publisher": "the publisher's name when the article's metadata has none; empty for none",
                "reviewAuthor": "the fact-checking organisation, written as each draft's author; empty to leave it to the fact-checker",
                "pretty": "indented output; false for one line per article",
            ]
        }
    }

    /// The id pipelines name this exporter by.
    public static let id = "jsonld"
    /// One line saying what it does.
    public static let summary =
        "schema.org JSON-LD: the article as a NewsArticle (headline, authors, dates, publisher, citations) and a ClaimReview draft "
        + "per check-worthy claim (claim, claimant, appearance), the rating left to the fact-checker"
    /// The extension of the files it writes.
    public static let fileExtension = "jsonld"

    /// The options this exporter was created with.
    public let options: Options

    /// Refuses a `minimumScore` outside 0 to 1 and a negative `maxReviews`.
    public static func validate(_ options: Options) throws {
        guard options.minimumScore >= 0 && options.minimumScore <= 1 else {
            throw ComponentError(
                code: "E260", "'minimumScore' is '\(options.minimumScore)' but must be between 0 and 1, such as 0.5",
                option: "minimumScore")
        }
        guard options.maxReviews >= 0 else {
            throw ComponentError(
                code: "E261", "'maxReviews' is '\(options.maxReviews)' but must be 0 (no limit) or more", option: "maxReviews")
        }
    }

    /// Creates the exporter; throws what `validate` throws.
    public init(options: Options = Options()) throws {
        try Self.validate(options)
        self.options = options
    }

    /// Renders one document as a JSON-LD object with a `@graph` of the article and the drafts.
    public func export(_ document: Document, context: ExportContext) throws -> Data {
        var out: [UInt8] = []
        out.reserveCapacity(4 * document.length + 4096)
        object(for: document).write(into: &out, pretty: options.pretty)
        out.append(UInt8(ascii: "\n"))
        return Data(out)
    }

    /// On a shared file, a JSON array of the articles' objects, so the file is one JSON value.
    public func makeSink(for output: any ExportOutput, context: ExportContext) throws -> any ExportSink {
        if case .sharedFile = output.kind {
            return StreamSink(output, header: Data("[\n".utf8), separator: Data(",\n".utf8), footer: Data("]\n".utf8))
        }
        return StreamSink(output)
    }

    // MARK: The graph

    /// The JSON-LD object of `d`.
    func object(for d: Document) -> JSONLDValue {
        let m = d.metadata
        let headline = HTMLExporter.title(of: d)
        let articleID = (m.url ?? "") + "#dossier-" + HTMLPage.percentEncodedPath(d.id)
        var article: [(String, JSONLDValue)] = [
            ("@type", .string("NewsArticle")), ("@id", .string(articleID)), ("headline", .string(headline)),
        ]
        if !m.authors.isEmpty { article.append(("author", .array(m.authors.map { Self.node("Person", name: $0) }))) }
        if let published = m.published { article.append(("datePublished", .string(published))) }
        if let modified = m.modified { article.append(("dateModified", .string(modified))) }
        if let publisher = publisherNode(d) { article.append(("publisher", publisher)) }
        if let url = m.url {
            article.append(("url", .string(url)))
            article.append(("mainEntityOfPage", .string(url)))
        }
        if let language = m.language { article.append(("inLanguage", .string(language))) }
        let citations = citations(d)
        if !citations.isEmpty { article.append(("citation", .array(citations))) }
        article.append(("identifier", .string(d.id)))
        let graph: [JSONLDValue] = [.object(article)] + reviews(d, articleID: articleID, headline: headline)
        return .object([("@context", .string("https://schema.org")), ("@graph", .array(graph))])
    }

    private static func node(_ type: String, name: String) -> JSONLDValue {
        .object([("@type", .string(type)), ("name", .string(name))])
    }

    private func publisherNode(_ d: Document) -> JSONLDValue? {
        guard let name = d.metadata.publisher ?? (options.publisher.isEmpty ? nil : options.publisher) else { return nil }
        return Self.node("Organization", name: name)
    }

    /// The works the article cites: its sources that are works or have an address, then the
    /// links the reader found with an address no source already gave, each address once.
    private func citations(_ d: Document) -> [JSONLDValue] {
        var seen: Set<String> = []
        var out: [JSONLDValue] = []
        let works: Set<SourceKind> = [.link, .document, .socialPost, .listed]
        for s in d.annotations.sources where s.url != nil || works.contains(s.kind) {
            if let url = s.url {
                guard seen.insert(url).inserted else { continue }
            }
            var work: [(String, JSONLDValue)] = [
                ("@type", .string(s.kind == .socialPost ? "SocialMediaPosting" : "CreativeWork")), ("name", .string(s.name)),
            ]
            if let url = s.url { work.append(("url", .string(url))) }
            if let date = s.date { work.append(("datePublished", .string(date))) }
            if let handle = s.handle { work.append(("author", Self.node("Person", name: handle))) }
            out.append(.object(work))
        }
        for link in d.links where link.origin != .image {
            guard let url = link.url, seen.insert(url).inserted else { continue }
            out.append(.object([("@type", .string("CreativeWork")), ("name", .string(link.text)), ("url", .string(url))]))
        }
        return out
    }

    /// A ClaimReview draft for each claim at or above `minimumScore`, most check-worthy first.
    private func reviews(_ d: Document, articleID: String, headline: String) -> [JSONLDValue] {
        let ranked = d.annotations.claims.filter { $0.checkWorthiness >= options.minimumScore }.rankedByCheckWorthiness()
        let chosen = options.maxReviews == 0 ? ranked : Array(ranked.prefix(options.maxReviews))
        var appearanceNode: [(String, JSONLDValue)] = [
            ("@type", .string("NewsArticle")), ("@id", .string(articleID)), ("headline", .string(headline)),
        ]
        if let url = d.metadata.url { appearanceNode.append(("url", .string(url))) }
        let appearance = JSONLDValue.object(appearanceNode)
        let reviewer = options.reviewAuthor.isEmpty ? nil : Self.node("Organization", name: options.reviewAuthor)
        return chosen.map { c in
            var claim: [(String, JSONLDValue)] = [("@type", .string("Claim"))]
            if let author = claimant(c, in: d) { claim.append(("author", author)) }
            claim.append(("appearance", appearance))
            claim.append(("firstAppearance", appearance))
            if let published = d.metadata.published { claim.append(("datePublished", .string(published))) }
            var review: [(String, JSONLDValue)] = [
                ("@type", .string("ClaimReview")), ("creativeWorkStatus", .string("Draft")),
                ("claimReviewed", .string(d.text(in: c.range))), ("itemReviewed", .object(claim)),
            ]
            if let reviewer { review.append(("author", reviewer)) }
            review.append(("identifier", .string(c.id)))
            return .object(review)
        }
    }

    /// Who makes the claim: the named speaker as a Person or Organization, an unnamed source, or
    /// the publication itself.
    private func claimant(_ c: ClaimAnnotation, in d: Document) -> JSONLDValue? {
        switch c.claimantKind {
        case .speaker:
            guard let e = d.annotations.resolve(c.claimant) else { return nil }
            var node: [(String, JSONLDValue)] = [
                ("@type", .string(e.kind == .person ? "Person" : "Organization")), ("name", .string(e.name)),
            ]
            if e.kind == .person, let role = e.role { node.append(("jobTitle", .string(role))) }
            return .object(node)
        case .anonymous:
            var node: [(String, JSONLDValue)] = [("@type", .string("Person")), ("name", .string("unnamed source"))]
            if let attribution = c.attribution { node.append(("description", .string(d.text(in: attribution)))) }
            return .object(node)
        default:
            return publisherNode(d)
        }
    }
}
