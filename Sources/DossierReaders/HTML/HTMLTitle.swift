/// Chooses and cleans a page's title the way Mozilla Readability does, so our titles can be
/// compared with its well-studied behaviour.
///
/// A `<title>` element goes through Readability's rules: cut at the last separator (`|`, `-`,
/// `–`, `—`, `\`, `/`, `>`, `»` with whitespace on both sides) unless that leaves fewer than three
/// words, in which case the part after the first separator is kept; a title with `: ` keeps what
/// follows the colon unless a heading repeats the whole title; a very short or very long title
/// gives way to the page's only `<h1>`; and a result of four words or fewer falls back to the
/// whole title. A structured title (JSON-LD, OpenGraph, Dublin Core) is taken as written, except
/// that a prefix or suffix that only repeats the site name is dropped: `How to Grow Tomatoes |
/// Garden Weekly` names the article `How to Grow Tomatoes` (Readability keeps the suffix there).
enum HTMLTitle {
    /// Separators around a site name in a structured title.
    static let siteSeparators = [" | ", " - ", " – ", " — ", " :: ", " » ", " / ", " \\ ", " > ", " · ", " : "]
    /// Readability's title separators: one of these characters between whitespace.
    static let separators: Set<Unicode.Scalar> = ["|", "-", "–", "—", "\\", "/", ">", "»"]
    /// The separators that mark a hierarchy (`Section / Page`) rather than a site name.
    static let hierarchical: Set<Unicode.Scalar> = ["\\", "/", ">", "»"]

    /// A structured title without a leading or trailing site name.
    static func withoutSiteName(_ title: String, siteName: String?) -> String {
        guard let site = siteName?.lowercased(), !site.isEmpty else { return title }
        let lower = title.lowercased()
        for sep in siteSeparators {
            if lower.hasSuffix(sep + site), lower.count > sep.count + site.count {
                return String(title.dropLast(sep.count + site.count)).trimmingWhitespace()
            }
            if lower.hasPrefix(site + sep), lower.count > sep.count + site.count {
                return String(title.dropFirst(sep.count + site.count)).trimmingWhitespace()
            }
        }
        return title
    }

    /// Readability's reading of a `<title>` element; `headings` are the texts of the page's `h1`
    /// and `h2` elements, `h1Count` how many `h1` elements it has.
    static func fromDocumentTitle(_ raw: String, headings: [String], h1: [String]) -> String {
        let original = HTMLBlockWriter.collapse(raw)
        let scalars = Array(original.unicodeScalars)
        var current = original
        var isHierarchical = false
        let cuts = separatorPositions(scalars)
        if let last = cuts.last {
            isHierarchical = cuts.contains { hierarchical.contains(scalars[$0]) }
            current = String(scalars: scalars[..<(last - 1)])
            if words(current) < 3 {
                // The first part is the short one: drop everything up to the first separator character.
                if let first = scalars.firstIndex(where: { separators.contains($0) }) {
                    current = String(scalars: scalars[(first + 1)...])
                }
            }
        } else if original.contains(": ") {
            if !headings.contains(original) {
                let colons = scalars.indices.filter { scalars[$0] == ":" }
                current = String(scalars: scalars[(colons.last! + 1)...])
                if words(current) < 3 {
                    current = String(scalars: scalars[(colons.first! + 1)...])
                } else if words(String(scalars: scalars[..<colons.first!])) > 5 {
                    current = original
                }
            }
        } else if scalars.count > 150 || scalars.count < 15, h1.count == 1 {
            current = h1[0]
        }
        current = HTMLBlockWriter.collapse(current)
        let count = words(current)
        if count <= 4, !isHierarchical || count != words(withoutSeparators(scalars)) - 1 {
            current = original
        }
        return current
    }

    /// Positions of separator characters that have whitespace on both sides.
    private static func separatorPositions(_ s: [Unicode.Scalar]) -> [Int] {
        guard s.count >= 3 else { return [] }
        return (1..<(s.count - 1)).filter { separators.contains(s[$0]) && s[$0 - 1].isSpace && s[$0 + 1].isSpace }
    }

    private static func withoutSeparators(_ s: [Unicode.Scalar]) -> String {
        var out = s
        for k in separatorPositions(s).reversed() { out.replaceSubrange((k - 1)...(k + 1), with: [" "]) }
        return String(scalars: out)
    }

    static func words(_ s: String) -> Int { s.split(whereSeparator: { $0.isWhitespace }).count }

    /// How much of `b`'s wording also appears in `a`, from 0 to 1, by Readability's measure: the
    /// share of `b`'s text (joined tokens) made of tokens that `a` also has.
    static func similarity(_ a: String, _ b: String) -> Double {
        let tokensA = tokens(a)
        let tokensB = tokens(b)
        guard !tokensA.isEmpty, !tokensB.isEmpty else { return 0 }
        let known = Set(tokensA)
        let unique = tokensB.filter { !known.contains($0) }
        let total = tokensB.joined(separator: " ").count
        return 1 - Double(unique.joined(separator: " ").count) / Double(max(total, 1))
    }

    private static func tokens(_ s: String) -> [Substring] {
        let lower = s.lowercased()
        return lower[...].split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") })
    }
}

extension Unicode.Scalar {
    fileprivate var isSpace: Bool { value < 0x80 ? (self == " " || self == "\t" || self == "\n" || self == "\r") : properties.isWhitespace }
}
