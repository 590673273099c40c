import Foundation

/// Recovers author names from a visible byline such as `By Ana Kovač and Zoë Brandt | 14 March 2025`.
///
/// A fact-checker needs the people, so everything else a byline element carries is cut away: the
/// "By" prefix, dates and times, an editor's or photographer's credit, the outlet after a
/// separator. What remains is split on commas, "and", "&" and parentheses.
enum HTMLByline {
    static let prefixes = [
        "written by ", "posted by ", "reported by ", "words by ", "story by ", "text by ", "by: ", "by ", "von ", "par ", "por ", "avec ",
        "with ",
    ]
    static let monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    /// Where the names end: separators, dates, and credits for other roles.
    static let stops = [
        " | ", " - ", " – ", " — ", " • ", " · ", "|", " on ", " updated ", " published ", " edited by ", " editor:", " photos by ",
        " photographs by ", " photography by ", " illustrations by ", " additional reporting",
    ]
    /// Words that join two names.
    static let conjunctions = [" and ", " & ", " und ", " et ", " y "]

    static func names(in raw: String) -> [String] {
        var text = HTMLBlockWriter.collapse(raw)
        text = cut(text, at: stops)
        if let digit = text.firstIndex(where: { $0.isNumber }) { text = String(text[..<digit]) }
        var words = text.split(separator: " ").map(String.init)
        while let last = words.last,
            monthNames.contains(where: { last.lowercased().hasPrefix($0) }) || last.hasSuffix(",") && words.count > 3
        {
            words.removeLast()
        }
        text = words.joined(separator: " ")
        // `(with Ana Ruiz)` adds names; `Richard (R.J.) Eskow` is one name.
        if text.contains("(") { text = text.replacingOccurrences(of: #"\(([a-z][^)]*)\)?"#, with: ", $1", options: .regularExpression) }
        for conjunction in conjunctions { text = text.replacingOccurrences(of: conjunction, with: ", ") }
        let parts = text.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "/" })
        return parts.compactMap { part -> String? in
            var name = part.trimmingCharacters(in: [" ", "."])
            for prefix in prefixes where name.lowercased().hasPrefix(prefix) {
                name = String(name.dropFirst(prefix.count))
                break
            }
            let count = name.split(separator: " ").count
            // A prefix left alone ("By" before a linked name that was not captured) is no name.
            if prefixes.contains(name.lowercased() + " ") { return nil }
            return count >= 1 && count <= 5 && name.first?.isUppercase == true ? name : nil
        }
    }

    /// `text` up to the first of `stops` (ASCII, lowercase), compared ignoring ASCII case: a
    /// byte search, as Foundation's case-insensitive `range(of:)` showed in profiles.
    static func cut(_ text: String, at stops: [String]) -> String {
        let bytes = Array(text.utf8)
        let lower = bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        var end = bytes.count
        for stop in stops {
            let w = Array(stop.utf8)
            guard w.count <= end else { continue }
            var i = 0
            while i + w.count <= end {
                if lower[i] == w[0], lower[i..<(i + w.count)].elementsEqual(w) {
                    end = i
                    break
                }
                i += 1
            }
        }
        return end == bytes.count ? text : String(decoding: bytes[..<end], as: UTF8.self)
    }

    /// A name given in metadata, without web addresses: `Ana Ruiz (https://example.org/ana)` is
    /// `Ana Ruiz`, and a bare address names nobody.
    static func cleanName(_ raw: String) -> String? {
        let words = HTMLBlockWriter.collapse(raw).split(separator: " ").filter { !$0.contains("://") && !$0.hasPrefix("www.") }
        var name = words.joined(separator: " ").replacingOccurrences(of: "()", with: "")
        name = name.trimmingCharacters(in: [" ", ",", ";", "|", "(", ")"])
        if name.hasPrefix("@") || name.isEmpty { return nil }
        return name
    }
}
