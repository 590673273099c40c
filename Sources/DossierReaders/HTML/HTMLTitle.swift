import Foundation

/// Cleans a page title of the site decoration templates add around the headline.
///
/// A structured title (JSON-LD, OpenGraph) loses only a prefix or suffix that repeats the site
/// name. The `<title>` element gets Readability's treatment: the part before the last separator
/// (`|`, `-`, `–`, `—`, `/`, `\`, `>`, `»`), unless that leaves too few words to be a headline.
enum HTMLTitle {
    static let separators = [" | ", " - ", " – ", " — ", " :: ", " » ", " / ", " \\ ", " > ", " · "]
    static let hierarchical = [" / ", " \\ ", " > ", " » "]

    static func clean(_ title: String, siteName: String?, headings: [String], fromDocumentTitle: Bool) -> String {
        var title = title
        if let site = siteName?.lowercased(), !site.isEmpty {
            for sep in separators {
                if title.lowercased().hasSuffix(sep + site) {
                    title = String(title.dropLast(sep.count + site.count))
                } else if title.lowercased().hasPrefix(site + sep) {
                    title = String(title.dropFirst(sep.count + site.count))
                }
            }
        }
        guard fromDocumentTitle else { return title }
        let original = title
        var current = title
        var isHierarchical = false
        if let (first, last) = separatorRanges(in: title) {
            isHierarchical = hierarchical.contains { title.contains($0) }
            current = String(title[..<last.lowerBound])
            if words(current) < 3 { current = String(title[first.upperBound...]) }
        } else if title.contains(": ") {
            if !headings.contains(where: { $0 == title }) {
                let afterLast = title.components(separatedBy: ": ").last ?? title
                current = afterLast
                if words(current) < 3 {
                    current = title.components(separatedBy: ": ").dropFirst().joined(separator: ": ")
                } else if words(title.components(separatedBy: ": ").first ?? "") > 5 {
                    current = title
                }
            }
        } else if title.count > 150 || title.count < 15, headings.count == 1 {
            current = headings[0]
        }
        current = current.trimmingWhitespace()
        let count = words(current)
        if count <= 4, !isHierarchical || count != words(original.replacingSeparators()) - 1 {
            current = original
        }
        return current
    }

    private static func separatorRanges(in title: String) -> (first: Range<String.Index>, last: Range<String.Index>)? {
        var first: Range<String.Index>?
        var last: Range<String.Index>?
        for sep in separators {
            if let f = title.range(of: sep), first == nil || f.lowerBound < first!.lowerBound { first = f }
            if let l = title.range(of: sep, options: .backwards), last == nil || l.lowerBound > last!.lowerBound { last = l }
        }
        guard let first, let last else { return nil }
        return (first, last)
    }

    static func words(_ s: String) -> Int { s.split(whereSeparator: { $0.isWhitespace }).count }
}

extension String {
    fileprivate func replacingSeparators() -> String {
        var s = self
        for sep in HTMLTitle.separators { s = s.replacingOccurrences(of: sep, with: " ") }
        return s
    }
}
