import Foundation

/// Recovers author names from a visible byline such as `By Ana Kovač and Zoë Brandt | 14 March 2025`.
enum HTMLByline {
    static let prefixes = ["written by ", "posted by ", "reported by ", "words by ", "story by ", "by: ", "by ", "von ", "par ", "por "]
    static let monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    static func names(in raw: String) -> [String] {
        var text = HTMLBlockWriter.collapse(raw)
        for prefix in prefixes where text.lowercased().hasPrefix(prefix) {
            text = String(text.dropFirst(prefix.count))
            break
        }
        // Stop at decoration that follows the names: a separator, a date, a time.
        for stop in [" | ", " - ", " – ", " — ", " • ", " · ", "|", "\n", " on ", " updated ", " published "] {
            if let r = text.range(of: stop, options: .caseInsensitive) { text = String(text[..<r.lowerBound]) }
        }
        if let digit = text.firstIndex(where: { $0.isNumber }) { text = String(text[..<digit]) }
        var words = text.split(separator: " ").map(String.init)
        while let last = words.last, monthNames.contains(where: { last.lowercased().hasPrefix($0) }) || last.hasSuffix(",") && words.count > 3 {
            words.removeLast()
        }
        text = words.joined(separator: " ").trimmingCharacters(in: [",", " ", "."])
        let parts = text.replacingOccurrences(of: " and ", with: ", ").replacingOccurrences(of: " & ", with: ", ")
            .split(separator: ",").map { $0.trimmingCharacters(in: [" "]) }
        return parts.filter { part in
            let count = part.split(separator: " ").count
            return count >= 1 && count <= 5 && part.first?.isUppercase == true
        }
    }
}
