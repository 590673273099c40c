import DossierCore
import Foundation

/// Reads what a page says about itself: `<title>`, `<meta>` (plain, OpenGraph, Twitter cards,
/// Dublin Core, Parse.ly), JSON-LD articles, `<time datetime>`, byline elements,
/// `<link rel=canonical>`, `<base href>` and `<html lang>`.
///
/// The choices follow Mozilla Readability's `_getArticleMetadata`, a public and well-reasoned
/// reference, so that our results can be checked against its test pages:
///
/// - title: JSON-LD (`name`, or `headline` when only the headline resembles the `<title>`), then
///   `dc:title`, `dcterm:title`, `og:title`, `weibo:*:title`, `title`, `twitter:title`,
///   `parsely-title`, then the `<title>` element cleaned by `HTMLTitle`;
/// - authors: JSON-LD `author` names, then `dc:creator`, `dcterm:creator`, `author`,
///   `parsely-author`, `article:author` (not an address), then the first visible byline element,
///   then "By …" lines in the story, then non-standard meta names;
/// - site name: JSON-LD `publisher` name, then `og:site_name`;
/// - published: JSON-LD `datePublished`, `article:published_time`, `parsely-pub-date`, then other
///   common meta names and `<time>`.
///
/// Where we differ from Readability, it is to give a fact-checker names and headlines rather than
/// page text: every meta author is kept (Readability keeps the last), web addresses are cut out
/// of names, a structured title loses a repeated site name, and a byline element must yield
/// names (an element that only holds a date is passed over).
struct HTMLMetadataReader {
    /// What was found, before the reader chooses among the base addresses.
    struct Found {
        var metadata = Metadata()
        /// The `<base href>` value, unresolved.
        var base: String?
        /// Authors named only by non-standard meta names (`sailthru.author`, `name="article:author"`):
        /// used when neither structured data nor the visible page names anyone.
        var fallbackAuthors: [String] = []
    }

    let tree: HTMLTree

    /// JSON-LD types that describe an article: Readability's list.
    static let articleTypes: Set<String> = [
        "Article", "AdvertiserContentArticle", "NewsArticle", "AnalysisNewsArticle", "AskPublicNewsArticle", "BackgroundNewsArticle",
        "OpinionNewsArticle", "ReportageNewsArticle", "ReviewNewsArticle", "Report", "SatiricalArticle", "ScholarlyArticle",
        "MedicalScholarlyArticle", "SocialMediaPosting", "BlogPosting", "LiveBlogPosting", "DiscussionForumPosting", "TechArticle",
        "APIReference",
    ]

    /// The prefixes and fields Readability reads from `<meta property>` (`og:title`, and also
    /// `og:article:author`, which holds the pair `article:author`).
    static let propertyPrefixes: Set<Substring> = ["article", "dc", "dcterm", "og", "twitter"]
    static let propertyFields: Set<Substring> = ["author", "creator", "description", "published_time", "title", "site_name"]
    /// The prefixes and fields Readability reads from `<meta name>`: `author`, `DC.creator`,
    /// `parsely-pub-date`, `og:title`.
    static let namePrefixes = ["dc", "dcterm", "og", "twitter", "parsely", "weibo:article", "weibo:webpage"]
    static let nameFields: Set<String> = ["author", "creator", "pub-date", "description", "title", "site_name"]

    func read() -> Found {
        /// Readability's keys, every value in document order.
        var standard: [String: [String]] = [:]
        /// Every key, first value, for the fields Readability does not read.
        var meta: [String: String] = [:]
        var documentTitle: String?
        var found = Found()
        var canonical: String?
        var timeElement: String?
        var jsonLD: [[String: Any]] = []
        var h1s: [String] = []
        var headings: [String] = []

        // `xml:lang` is not among the attributes the tree keeps, so `lang` is the only source here.
        for (i, node) in tree.nodes.enumerated() where !node.isText {
            switch node.tag {
            case .html:
                if found.metadata.language == nil, let lang = tree.attribute(i, .lang), !lang.isEmpty {
                    found.metadata.language = lang.trimmingWhitespace()
                }
            case .title:
                if documentTitle == nil, !isInside(i, .svg) { documentTitle = text(i) }
            case .meta:
                guard let content = tree.attribute(i, .content)?.trimmingWhitespace(), !content.isEmpty else { continue }
                if let property = tree.attribute(i, .property)?.lowercased() {
                    // A property attribute may list several names: `og:title twitter:title`.
                    let tokens = property.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
                    for token in tokens where meta[String(token)] == nil { meta[String(token)] = content }
                    if let key = Self.standardKey(property: tokens) { standard[key, default: []].append(content) }
                }
                if let name = tree.attribute(i, .name) {
                    let key = String(name.lowercased().filter { !$0.isWhitespace }.map { $0 == "." ? ":" : $0 })
                    if !key.isEmpty, meta[key] == nil { meta[key] = content }
                    if Self.isStandard(name: key) { standard[key, default: []].append(content) }
                }
                for attribute in [HTMLTree.Key.itemprop, .httpEquiv] {
                    if let k = tree.attribute(i, attribute)?.lowercased().trimmingWhitespace(), !k.isEmpty, meta[k] == nil {
                        meta[k] = content
                    }
                }
            case .link:
                let rel = tree.attribute(i, .rel)?.lowercased() ?? ""
                if rel.split(separator: " ").contains("canonical"), canonical == nil { canonical = tree.attribute(i, .href) }
            case .base:
                if found.base == nil { found.base = tree.attribute(i, .href) }
            case .script:
                if tree.attribute(i, .type)?.lowercased().contains("ld+json") == true {
                    jsonLD += Self.articles(inJSON: text(i))
                }
            case .time:
                let stamp = tree.attribute(i, .datetime) ?? ""
                let hints =
                    (tree.attribute(i, .itemprop) ?? "") + (tree.attribute(i, .class) ?? "")
                    + (tree.attribute(i, .pubdate) != nil ? "pubdate" : "")
                // The first stamp, unless a later one says it is the publication date.
                if !stamp.isEmpty, timeElement == nil || HTMLHints.matches(hints.lowercased(), ["pub"]) { timeElement = stamp }
            case .h1:
                h1s.append(HTMLBlockWriter.collapse(text(i)))
                headings.append(h1s.last!)
            case .h2:
                headings.append(HTMLBlockWriter.collapse(text(i)))
            default:
                break
            }
        }

        var m = found.metadata
        let ld = jsonLD.first
        let pageTitle = documentTitle.map { HTMLTitle.fromDocumentTitle($0, headings: headings, h1: h1s) }
        m.publisher = (ld.flatMap { Self.name($0["publisher"]) } ?? standard["og:site_name"]?.last).map {
            Self.unescape(HTMLBlockWriter.collapse($0))
        }
        if m.publisher?.isEmpty == true { m.publisher = nil }

        let titleKeys = [
            "dc:title", "dcterm:title", "og:title", "weibo:article:title", "weibo:webpage:title", "title", "twitter:title", "parsely-title",
        ]
        let structured =
            ld.flatMap { Self.title(of: $0, pageTitle: pageTitle ?? "") } ?? titleKeys.lazy.compactMap { standard[$0]?.last }.first
        if let structured = structured.map({ Self.unescape(HTMLBlockWriter.collapse($0)) }), !structured.isEmpty {
            m.title = HTMLTitle.withoutSiteName(structured, siteName: m.publisher)
        } else {
            m.title = pageTitle
        }
        if m.title?.isEmpty == true { m.title = nil }

        var authors = ld.map { Self.names($0["author"]) } ?? []
        if authors.isEmpty {
            for key in ["dc:creator", "dcterm:creator", "author", "parsely-author", "article:author"] {
                authors = Self.unique((standard[key] ?? []).compactMap(HTMLByline.cleanName))
                if !authors.isEmpty { break }
            }
        }
        if authors.isEmpty { authors = bylineElementNames() }
        m.authors = authors.map(Self.unescape)
        for key in ["author", "article:author", "dcterms:creator", "sailthru:author", "byl"] where found.fallbackAuthors.isEmpty {
            if let value = meta[key] {
                found.fallbackAuthors = key == "byl" ? HTMLByline.names(in: value) : HTMLByline.cleanName(value).map { [$0] } ?? []
            }
        }

        let publishedKeys = [
            "article:published_time", "parsely-pub-date", "og:article:published_time", "datepublished", "date", "pubdate", "publishdate",
            "publish-date", "dc:date", "dc:date:issued", "dcterms:created", "dcterms:date", "sailthru:date", "article:published",
            "published_time", "publication_date", "og:published_time",
        ]
        let published = (ld?["datePublished"] as? String) ?? publishedKeys.lazy.compactMap { meta[$0] }.first ?? timeElement
        m.published = published.map(HTMLDate.normalise)
        let modified = (ld?["dateModified"] as? String) ?? meta["article:modified_time"] ?? meta["og:updated_time"] ?? meta["datemodified"]
        m.modified = modified.map(HTMLDate.normalise)
        m.url = canonical ?? meta["og:url"] ?? (ld?["url"] as? String)
        if m.language == nil { m.language = meta["content-language"] ?? meta["og:locale"]?.replacingOccurrences(of: "_", with: "-") }
        found.metadata = m
        return found
    }

    /// Readability's key for a `<meta property>`: the first `prefix:field` pair among its names.
    static func standardKey(property tokens: [Substring]) -> String? {
        for token in tokens {
            let parts = token.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count >= 2 else { continue }
            for k in 0..<(parts.count - 1) where propertyPrefixes.contains(parts[k]) && propertyFields.contains(parts[k + 1]) {
                return "\(parts[k]):\(parts[k + 1])"
            }
        }
        return nil
    }

    /// Whether a normalised `<meta name>` is one Readability reads: a field, alone or after a prefix.
    static func isStandard(name key: String) -> Bool {
        if nameFields.contains(key) { return true }
        for prefix in namePrefixes where key.hasPrefix(prefix) {
            let rest = key.dropFirst(prefix.count)
            if let first = rest.first, first == ":" || first == "-", nameFields.contains(String(rest.dropFirst())) { return true }
        }
        return false
    }

    /// Readability's JSON-LD title: `name`, unless `headline` differs and only the headline
    /// resembles the page's `<title>` (some sites put their own name in `name`).
    static func title(of ld: [String: Any], pageTitle: String) -> String? {
        let name = (ld["name"] as? String)?.trimmingWhitespace()
        let headline = (ld["headline"] as? String)?.trimmingWhitespace()
        if let name, let headline, name != headline {
            let nameMatches = HTMLTitle.similarity(name, pageTitle) > 0.75
            let headlineMatches = HTMLTitle.similarity(headline, pageTitle) > 0.75
            return headlineMatches && !nameMatches ? headline : name
        }
        return [name, headline].compactMap { $0 }.first { !$0.isEmpty }
    }

    // MARK: - The visible byline

    /// Class and id words that mark a byline, as whole words of the class or id (`article-byline`,
    /// `authorName`), so that `authorization` and `authority-control` do not count.
    static func isBylineWord(_ word: Substring) -> Bool {
        if word.hasPrefix("byline") || word == "writtenby" { return true }
        guard word.hasPrefix("author") else { return false }
        return !word.dropFirst(6).hasPrefix("i")
    }

    /// The names in the first visible byline element, after Readability's `_checkByline`: the
    /// page is walked in order and the first element with `rel=author`, an `itemprop` naming the
    /// author, or a byline class or id, whose text is under 100 characters, gives the byline (an
    /// `itemprop=name` inside it is preferred). Hidden elements, dialogs and navigation are
    /// skipped, as Readability does; so are footers and containers whose class or id say
    /// they hold other stories or comments, whose bylines name someone else. Unlike Readability,
    /// an element that yields no names (a date, "Follow") does not end the search, `dateline`
    /// does not mark a byline, and a `header` class does not hide one.
    func bylineElementNames() -> [String] {
        let nodes = tree.nodes
        var skipped = [Bool](repeating: false, count: nodes.count)
        for i in 1..<nodes.count {
            let node = nodes[i]
            if skipped[node.parent] {
                skipped[i] = true
                continue
            }
            if node.isText { continue }
            let tag = node.tag
            if tag == .head || tag == .nav || tag == .footer || node.isHidden
                || node.flags.contains(.furnitureRole) || node.flags.contains(.otherStory)
            {
                skipped[i] = true
                continue
            }
            if isBylineElement(i) {
                let length = HTMLBlockWriter.collapse(text(i)).count
                if length > 0, length < 100 {
                    let names = HTMLByline.names(in: text(itemPropName(in: i) ?? i))
                    if !names.isEmpty { return names }
                }
            }
        }
        return []
    }

    private func isBylineElement(_ i: Int) -> Bool {
        // The flag is a substring match on the same attributes: a cheap superset of the rules below.
        guard tree.nodes[i].flags.contains(.bylineHint) else { return false }
        if let rel = tree.attribute(i, .rel)?.lowercased(), rel.split(separator: " ").contains("author") { return true }
        if tree.attribute(i, .itemprop)?.lowercased().contains("author") == true { return true }
        for key in [HTMLTree.Key.class, .id] {
            guard let value = tree.attribute(i, key) else { continue }
            if Self.words(value).contains(where: Self.isBylineWord) { return true }
        }
        return false
    }

    /// The words of a class or id: split at punctuation and at lower-to-upper case changes, lowercased.
    static func words(_ value: String) -> [Substring] {
        var out: [Substring] = []
        var current = ""
        var previousLower = false
        for c in value {
            if !(c.isLetter || c.isNumber) {
                if !current.isEmpty { out.append(Substring(current)) }
                current = ""
                previousLower = false
                continue
            }
            if c.isUppercase, previousLower, !current.isEmpty {
                out.append(Substring(current))
                current = ""
            }
            previousLower = c.isLowercase
            current.append(contentsOf: c.lowercased())
        }
        if !current.isEmpty { out.append(Substring(current)) }
        return out
    }

    /// The first element under `root` whose `itemprop` names a name.
    private func itemPropName(in root: Int) -> Int? {
        for i in (root + 1)..<tree.nodes[root].end where !tree.nodes[i].isText {
            if tree.attribute(i, .itemprop)?.lowercased().contains("name") == true { return i }
        }
        return nil
    }

    private func isInside(_ i: Int, _ tag: HTMLTree.Tag) -> Bool {
        var p = tree.nodes[i].parent
        while p >= 0 {
            if tree.nodes[p].tag == tag { return true }
            p = tree.nodes[p].parent
        }
        return false
    }

    /// The text under `root`; a line break or block element separates the words on either side.
    private func text(_ root: Int) -> String {
        tree.text(under: root, breaks: true)
    }

    static func unique(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.filter { seen.insert($0.lowercased()).inserted }
    }

    /// Values some pages escape twice (`&amp;amp;`): one more round of the five named entities and
    /// numeric references, as Readability does.
    static func unescape(_ s: String) -> String {
        guard s.contains("&") else { return s }
        var out = s
        for (entity, char) in [("&quot;", "\""), ("&lt;", "<"), ("&gt;", ">"), ("&apos;", "'"), ("&#39;", "'"), ("&amp;", "&")] {
            out = out.replacingOccurrences(of: entity, with: char)
        }
        return out
    }

    // MARK: - JSON-LD

    /// The article objects in one JSON-LD script, looking through arrays and `@graph`.
    /// Broken JSON is retried once with the usual damage repaired (HTML comments, trailing
    /// semicolons, raw line breaks in strings), then ignored.
    static func articles(inJSON raw: String) -> [[String: Any]] {
        var text = raw.trimmingWhitespace()
        // Templates wrap the JSON in comment or CDATA markers for old XHTML parsers.
        for (open, close) in [("<!--", "-->"), ("<![CDATA[", "]]>"), ("//<![CDATA[", "//]]>")] {
            if text.hasPrefix(open) { text = String(text.dropFirst(open.count)).trimmingWhitespace() }
            if text.hasSuffix(close) { text = String(text.dropLast(close.count)).trimmingWhitespace() }
        }
        var object = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        if object == nil {
            var repaired = text.trimmingWhitespace()
            while repaired.hasSuffix(";") { repaired.removeLast() }
            repaired = repaired.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
                .replacingOccurrences(of: "\t", with: " ")
            object = try? JSONSerialization.jsonObject(with: Data(repaired.utf8), options: [.fragmentsAllowed])
        }
        guard let object else { return [] }
        var out: [[String: Any]] = []
        var queue: [Any] = [object]
        var budget = 10_000
        while let next = queue.popLast(), budget > 0 {
            budget -= 1
            if let array = next as? [Any] {
                queue.append(contentsOf: array.reversed())
            } else if let dict = next as? [String: Any] {
                if let graph = dict["@graph"] { queue.append(graph) }
                if !types(dict).isDisjoint(with: articleTypes) { out.append(dict) }
            }
        }
        return out
    }

    static func types(_ dict: [String: Any]) -> Set<String> {
        if let t = dict["@type"] as? String { return [t] }
        if let t = dict["@type"] as? [Any] { return Set(t.compactMap { $0 as? String }) }
        return []
    }

    /// A name from a string, an object with `name`, or the first of an array.
    static func name(_ value: Any?) -> String? {
        if let s = value as? String { return s.isEmpty ? nil : s }
        if let d = value as? [String: Any] { return name(d["name"]) }
        if let a = value as? [Any] { return a.lazy.compactMap { name($0) }.first }
        return nil
    }

    static func names(_ value: Any?) -> [String] {
        var out: [String] = []
        if let a = value as? [Any] {
            for item in a { if let n = name(item) { out.append(n) } }
        } else if let n = name(value) {
            out.append(n)
        }
        return unique(out.compactMap(HTMLByline.cleanName))
    }
}
