import DossierCore
import Foundation

/// Reads what a page says about itself: `<title>`, `<meta>` (plain, OpenGraph, Twitter cards,
/// Dublin Core), JSON-LD articles, `<time datetime>`, byline elements, `<link rel=canonical>`,
/// `<base href>` and `<html lang>`.
///
/// Structured sources win over visible ones, because a template's JSON-LD and OpenGraph are
/// written for machines and rarely carry decoration: JSON-LD, then OpenGraph, then Twitter and
/// plain meta names, then the `<title>` and the page body.
struct HTMLMetadataReader {
    /// What was found, before the reader chooses among the base addresses.
    struct Found {
        var metadata = Metadata()
        /// The `<base href>` value, unresolved.
        var base: String?
        /// Author names from the visible byline element, used when no structured source names one.
        var bylineElement: Int?
    }

    let tree: HTMLTree

    /// JSON-LD types that describe an article.
    static let articleTypes: Set<String> = [
        "Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle", "BackgroundNewsArticle",
        "BlogPosting", "LiveBlogPosting", "ReviewNewsArticle", "ScholarlyArticle", "TechArticle", "Report", "WebPage",
    ]

    func read() -> Found {
        var meta: [String: String] = [:]
        var documentTitle: String?
        var found = Found()
        var canonical: String?
        var timeElement: String?
        var jsonLD: [[String: Any]] = []
        var h1s: [String] = []

        for (i, node) in tree.nodes.enumerated() where !node.isText {
            switch node.name {
            case "html":
                if found.metadata.language == nil, let lang = node.attribute("lang") ?? node.attribute("xml:lang"), !lang.isEmpty {
                    found.metadata.language = lang.trimmingWhitespace()
                }
            case "title":
                if documentTitle == nil, !isInside(i, "svg") { documentTitle = text(i) }
            case "meta":
                guard let content = node.attribute("content")?.trimmingWhitespace(), !content.isEmpty else { continue }
                for key in ["property", "name", "itemprop", "http-equiv"] {
                    if let k = node.attribute(key)?.lowercased().trimmingWhitespace(), !k.isEmpty {
                        // A property attribute may list several names: `og:title twitter:title`.
                        for name in k.split(separator: " ") where meta[String(name)] == nil { meta[String(name)] = content }
                    }
                }
            case "link":
                let rel = node.attribute("rel")?.lowercased() ?? ""
                if rel.split(separator: " ").contains("canonical"), canonical == nil { canonical = node.attribute("href") }
            case "base":
                if found.base == nil { found.base = node.attribute("href") }
            case "script":
                if node.attribute("type")?.lowercased().contains("ld+json") == true {
                    jsonLD += Self.articles(inJSON: text(i))
                }
            case "time":
                let stamp = node.attribute("datetime") ?? ""
                let hints = (node.attribute("itemprop") ?? "") + (node.attribute("class") ?? "") + (node.attribute("pubdate") != nil ? "pubdate" : "")
                // The first stamp, unless a later one says it is the publication date.
                if !stamp.isEmpty, timeElement == nil || HTMLHints.matches(hints.lowercased(), ["pub"]) { timeElement = stamp }
            case "h1":
                h1s.append(HTMLBlockWriter.collapse(text(i)))
            default:
                if found.bylineElement == nil, isBylineElement(node), !isInside(i, "head") {
                    let length = HTMLBlockWriter.collapse(text(i)).count
                    if length > 0, length < 100 { found.bylineElement = i }
                }
            }
        }

        var m = found.metadata
        let ld = jsonLD.first { ($0["headline"] ?? $0["name"]) != nil && !Self.types($0).contains("WebPage") } ?? jsonLD.first
        m.publisher = ld.flatMap { Self.name($0["publisher"]) } ?? meta["og:site_name"] ?? meta["application-name"]
        m.publisher = m.publisher.map(HTMLBlockWriter.collapse)
        let titles = [
            ld.flatMap { $0["headline"] as? String }, meta["og:title"], meta["twitter:title"], meta["dc.title"], meta["title"],
        ]
        if let structured = titles.compactMap({ $0 }).map(HTMLBlockWriter.collapse).first(where: { !$0.isEmpty }) {
            m.title = HTMLTitle.clean(structured, siteName: m.publisher, headings: h1s, fromDocumentTitle: false)
        } else if let documentTitle {
            m.title = HTMLTitle.clean(HTMLBlockWriter.collapse(documentTitle), siteName: m.publisher, headings: h1s, fromDocumentTitle: true)
        }
        if m.title?.isEmpty == true { m.title = nil }

        var authors = ld.map { Self.names($0["author"]) } ?? []
        if authors.isEmpty {
            for key in ["author", "dc.creator", "dcterms.creator", "parsely-author", "sailthru.author", "article:author", "twitter:creator"] {
                if let value = meta[key], !value.contains("://"), !value.hasPrefix("@") || key == "twitter:creator" {
                    if key == "twitter:creator" { continue }
                    authors = [HTMLBlockWriter.collapse(value)]
                    break
                }
            }
        }
        if authors.isEmpty, let element = found.bylineElement {
            authors = HTMLByline.names(in: text(element))
        }
        m.authors = authors

        let publishedKeys = [
            "article:published_time", "og:article:published_time", "datepublished", "date", "pubdate", "publishdate", "publish-date",
            "dc.date", "dc.date.issued", "dcterms.created", "dcterms.date", "parsely-pub-date", "sailthru.date", "article.published",
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

    private func isBylineElement(_ node: HTMLTree.Node) -> Bool {
        if node.attribute("rel")?.lowercased() == "author" { return true }
        if HTMLHints.matches(node.attribute("itemprop")?.lowercased() ?? "", ["author"]) { return true }
        let hints = node.classAndID
        return HTMLHints.matches(hints, ["byline", "author", "writtenby"])
    }

    private func isInside(_ i: Int, _ name: String) -> Bool {
        var p = tree.nodes[i].parent
        while p >= 0 {
            if tree.nodes[p].name == name { return true }
            p = tree.nodes[p].parent
        }
        return false
    }

    private func text(_ root: Int) -> String {
        var text = ""
        var stack = [root]
        while let i = stack.popLast() {
            let node = tree.nodes[i]
            if node.isText { text += node.text } else { stack.append(contentsOf: node.children.reversed()) }
        }
        return text
    }

    // MARK: - JSON-LD

    /// The article objects in one JSON-LD script, looking through arrays and `@graph`.
    /// Broken JSON is retried once with the usual damage repaired (HTML comments, trailing
    /// semicolons, raw line breaks in strings), then ignored.
    static func articles(inJSON raw: String) -> [[String: Any]] {
        var text = raw.trimmingWhitespace()
        if text.hasPrefix("<!--") { text = String(text.dropFirst(4)) }
        if text.hasSuffix("-->") { text = String(text.dropLast(3)) }
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
        // Prefer real articles over a generic WebPage.
        return out.sorted { !types($0).contains("WebPage") && types($1).contains("WebPage") }
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
        return out.map(HTMLBlockWriter.collapse).filter { !$0.isEmpty && !$0.contains("://") }
    }
}
