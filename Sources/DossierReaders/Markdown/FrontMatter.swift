import DossierCore
import DossierYAML

/// The YAML front matter of a Markdown article: a `---` line at the very top, YAML, and a closing
/// `---` (or `...`) line, as Jekyll, Hugo and Pandoc write it.
///
/// Only what `Metadata` holds is read; other keys (tags, layout, draft) are ignored, since sites
/// invent their own. Every error names the position inside the whole file, not inside the YAML,
/// so an editor can jump straight to it.
struct FrontMatter {
    /// The metadata the front matter gave.
    var metadata = Metadata()
    /// The offset, in scalars of the input, where the Markdown body starts.
    var bodyStart = 0

    /// Splits `scalars` into front matter and body and reads the front matter.
    ///
    /// An opening `---` counts only when the next line looks like a YAML key (`title: …`);
    /// otherwise it is a thematic break and the whole input is Markdown. An opening that does
    /// look like front matter but is never closed is an error rather than a silent thematic break,
    /// because the user plainly meant front matter and would otherwise get it as article text.
    init(scalars: ScalarBuffer, name: String) throws {
        guard let first = Self.line(in: scalars, from: 0), Self.isFence(scalars[first.content], allowDots: false) else { return }
        guard let second = Self.line(in: scalars, from: first.next), Self.looksLikeKey(scalars[second.content]) else { return }
        var cursor = first.next
        var closing: (content: Range<Int>, next: Int)?
        while let line = Self.line(in: scalars, from: cursor) {
            if Self.isFence(scalars[line.content], allowDots: true) {
                closing = line
                break
            }
            cursor = line.next
        }
        guard let closing else {
            throw ComponentError(
                code: MarkdownReader.ErrorCode.unclosedFrontMatter,
                "\(name):1:1: the front matter opened here is never closed; add a line '---' after its last key")
        }
        let yaml = String(scalars: scalars[first.next..<closing.content.lowerBound])
        bodyStart = closing.next
        let root: YAMLNode?
        do {
            root = try YAMLParser.parse(yaml, file: name)
        } catch {
            throw ComponentError(
                code: MarkdownReader.ErrorCode.invalidFrontMatter,
                "\(Self.position(error.location, name: name)): the front matter is not valid YAML: \(error.message)")
        }
        if let root { metadata = try Self.metadata(from: root, name: name) }
    }

    /// The location `location` (inside the YAML) as `file:line:column` of the whole file; the
    /// YAML starts on line 2, after the opening `---`.
    static func position(_ location: SourceLocation, name: String) -> String {
        "\(name):\(location.line + 1):\(location.column)"
    }

    // MARK: Metadata

    /// The keys read, each with the spellings accepted for it, first match wins.
    private static let titleKeys = ["title"]
    private static let authorKeys = ["authors", "author"]
    private static let publisherKeys = ["publisher", "site", "site_name", "siteName"]
    private static let publishedKeys = ["published", "date"]
    private static let modifiedKeys = ["modified", "updated", "lastmod"]
    private static let urlKeys = ["url", "canonical", "canonical_url", "canonicalURL"]
    private static let languageKeys = ["language", "lang"]

    private static func metadata(from root: YAMLNode, name: String) throws -> Metadata {
        guard root.mapping != nil else {
            if root.isNull { return Metadata() }
            throw ComponentError(
                code: MarkdownReader.ErrorCode.frontMatterShape,
                "\(position(root.location, name: name)): the front matter must be a mapping such as 'title: …', found \(root.kindDescription)"
            )
        }
        func text(_ keys: [String]) throws -> String? {
            guard let (key, node) = value(root, keys) else { return nil }
            return try scalarText(node, key: key, name: name)
        }
        var metadata = Metadata()
        metadata.title = try text(titleKeys)
        metadata.publisher = try text(publisherKeys)
        metadata.published = try text(publishedKeys)
        metadata.modified = try text(modifiedKeys)
        metadata.url = try text(urlKeys)
        metadata.language = try text(languageKeys)
        if let (key, node) = value(root, authorKeys) { metadata.authors = try authors(node, key: key, name: name) }
        return metadata
    }

    /// The first of `keys` that the mapping holds with a non-null value.
    private static func value(_ root: YAMLNode, _ keys: [String]) -> (String, YAMLNode)? {
        for key in keys { if let node = root[key], !node.isNull { return (key, node) } }
        return nil
    }

    /// A scalar's text, trimmed; nil when it is empty. Lists and mappings are an error.
    private static func scalarText(_ node: YAMLNode, key: String, name: String) throws -> String? {
        guard let text = node.scalar else {
            throw ComponentError(
                code: MarkdownReader.ErrorCode.frontMatterShape,
                "\(position(node.location, name: name)): expected text for '\(key)', found \(node.kindDescription); write it as 'key: value'"
            )
        }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// Authors written as one name, a list of names, or a list of mappings with a `name` key.
    private static func authors(_ node: YAMLNode, key: String, name: String) throws -> [String] {
        if let name = node.scalar.map({ $0.trimmingCharacters(in: .whitespacesAndNewlines) }) { return name.isEmpty ? [] : [name] }
        if node.mapping != nil, let inner = node["name"] { return try scalarText(inner, key: "\(key).name", name: name).map { [$0] } ?? [] }
        guard let items = node.sequence else {
            throw ComponentError(
                code: MarkdownReader.ErrorCode.frontMatterShape,
                "\(position(node.location, name: name)): expected a name or a list of names for '\(key)', found \(node.kindDescription)")
        }
        var names: [String] = []
        for item in items {
            let value = item.mapping != nil ? item["name"] : item
            guard let value, let text = try scalarText(value, key: key, name: name) else {
                if item.isNull { continue }
                throw ComponentError(
                    code: MarkdownReader.ErrorCode.frontMatterShape,
                    "\(position(item.location, name: name)): an author must be a name or a mapping with 'name', found \(item.kindDescription)"
                )
            }
            names.append(text)
        }
        return names
    }

    // MARK: Lines

    /// The line starting at `start`: its content without the line break, and where the next starts.
    private static func line(in s: ScalarBuffer, from start: Int) -> (content: Range<Int>, next: Int)? {
        guard start < s.count else { return nil }
        var end = start
        while end < s.count, s[end] != "\n", s[end] != "\r" { end += 1 }
        var next = end
        if next < s.count, s[next] == "\r" { next += 1 }
        if next < s.count, s[next] == "\n" { next += 1 }
        return (start..<end, next)
    }

    /// Whether the line is `---` (or `...` when closing), with nothing after it but spaces.
    private static func isFence(_ line: Slice<ScalarBuffer>, allowDots: Bool) -> Bool {
        var trimmed = line[...]
        while let last = trimmed.last, last == " " || last == "\t" { trimmed = trimmed.dropLast() }
        let text = String(scalars: trimmed)
        return text == "---" || (allowDots && text == "...")
    }

    /// Whether the line starts like a YAML mapping key: a word, optional spaces, then a colon.
    private static func looksLikeKey(_ line: Slice<ScalarBuffer>) -> Bool {
        var i = line.startIndex
        let isKeyScalar = { (c: Unicode.Scalar) in
            c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "_" || c == "-" || c == "\"" || c == "'"
        }
        guard i < line.endIndex, isKeyScalar(line[i]) else { return false }
        while i < line.endIndex, isKeyScalar(line[i]) || line[i] == " " { i += 1 }
        return i < line.endIndex && line[i] == ":"
    }
}
