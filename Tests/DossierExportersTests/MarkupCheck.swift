import Foundation

/// A strict reader of the HTML the `html` exporter writes, for tests: every element closed in
/// order, no stray `<` or `>` in text, only known entities, and the highlights found with what
/// they cover.
///
/// It is not a general HTML parser: it knows the void elements the exporter uses and treats
/// `<style>` and `<script>` as raw text, which is all the exporter's pages need.
struct MarkupCheck {
    /// The first problem found, or nil when the markup is well formed.
    var problem: String?
    /// The text outside tags, entities decoded, inside `<main>`.
    var mainText = ""
    /// The text inside the elements of the article's `<div class="body">`, entities decoded.
    var bodyText = ""
    /// Per `<mark>` title, the positions in `bodyText` (counted in Unicode scalars) its pieces cover.
    var marked: [String: [Int]] = [:]
    /// How many times each element was opened.
    var opened: [String: Int] = [:]

    static let void: Set<String> = ["meta", "br", "input", "link", "hr", "img", "wbr"]
    static let entities: [String: Unicode.Scalar] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "#39": "'"]

    init(_ html: String) {
        problem = Self.parse(html, into: &self)
    }

    private static func parse(_ html: String, into result: inout MarkupCheck) -> String? {
        let s = Array(html.unicodeScalars)
        var stack: [(name: String, title: String?)] = []
        var i = 0
        var inMain = false
        var position = 0
        var bodyDepth: Int?
        func at(_ message: String) -> String { message + " at scalar \(i)" }
        while i < s.count {
            if s[i] == "<" {
                guard let close = s[i...].firstIndex(of: ">") else { return at("unclosed tag") }
                let tag = String(String.UnicodeScalarView(s[(i + 1)..<close]))
                i = close + 1
                if tag.hasPrefix("!--") {
                    if !tag.hasSuffix("--") { return at("a comment holding '>'") }
                    continue
                }
                if tag.hasPrefix("!") { continue }
                if tag.contains("<") { return at("'<' inside tag '\(tag)'") }
                if tag.hasPrefix("/") {
                    let name = String(tag.dropFirst())
                    guard let top = stack.popLast(), top.name == name else {
                        return at("'</\(name)>' closes '\(stack.last?.name ?? "nothing")'")
                    }
                    if name == "main" { inMain = false }
                    if bodyDepth == stack.count { bodyDepth = nil }
                    continue
                }
                let name = String(tag.prefix { $0 != " " && $0 != "/" })
                result.opened[name, default: 0] += 1
                if void.contains(name) { continue }
                var title: String?
                if let range = tag.range(of: " title=\"") {
                    let rest = tag[range.upperBound...]
                    title = rest.firstIndex(of: "\"").map { decode(String(rest[..<$0])) }
                }
                stack.append((name, title))
                if name == "main" { inMain = true }
                if name == "div" && tag.contains("class=\"body\"") { bodyDepth = stack.count - 1 }
                if name == "style" || name == "script" {
                    // Raw text up to the end tag, which the closing branch then reads.
                    let end = Array("</\(name)>".unicodeScalars)
                    var j = i
                    while j + end.count <= s.count && Array(s[j..<(j + end.count)]) != end { j += 1 }
                    if j + end.count > s.count { return at("unclosed <\(name)>") }
                    i = j
                }
                continue
            }
            if s[i] == ">" { return at("'>' in text") }
            var scalar = s[i]
            i += 1
            if scalar == "&" {
                guard let semi = s[i...].prefix(10).firstIndex(of: ";") else { return at("'&' not starting an entity") }
                let name = String(String.UnicodeScalarView(s[i..<semi]))
                guard let decoded = entities[name] else { return at("unknown entity '&\(name);'") }
                scalar = decoded
                i = semi + 1
            }
            if inMain { result.mainText.unicodeScalars.append(scalar) }
            // Text of the body's elements, not the line breaks between them.
            if let depth = bodyDepth, stack.count - 1 > depth {
                result.bodyText.unicodeScalars.append(scalar)
                for open in stack where open.name == "mark" {
                    result.marked[open.title ?? "", default: []].append(position)
                }
                position += 1
            }
        }
        return stack.isEmpty ? nil : "'\(stack.last!.name)' never closed"
    }

    static func decode(_ text: String) -> String {
        var out = text
        for (name, scalar) in entities where name != "amp" { out = out.replacingOccurrences(of: "&\(name);", with: String(scalar)) }
        return out.replacingOccurrences(of: "&amp;", with: "&")
    }
}
