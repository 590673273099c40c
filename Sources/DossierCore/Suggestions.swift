/// Ranked did-you-mean suggestions for a misspelt name.
///
/// Candidates are ranked by optimal-string-alignment distance (so a swapped pair of letters costs
/// one edit, as typing mistakes usually do), then by the length of the shared prefix, then
/// alphabetically; only candidates within a third of the word's length are offered.
public enum Suggestions {
    /// The best candidates for `word`, at most `limit`, best first.
    public static func rank(_ word: String, among candidates: [String], limit: Int = 3) -> [String] {
        let w = Array(word.lowercased().unicodeScalars)
        let budget = max(1, (w.count + 2) / 3)
        var scored: [(name: String, distance: Int, prefix: Int)] = []
        for candidate in Set(candidates) {
            let c = Array(candidate.lowercased().unicodeScalars)
            var d = distance(w, c)
            // A word that is a prefix or extension of a candidate ('mark' → 'markdown') is likely meant.
            if d > budget, c.starts(with: w) || w.starts(with: c), min(w.count, c.count) >= 3 { d = budget }
            guard d <= budget else { continue }
            scored.append((candidate, d, zip(w, c).prefix { $0 == $1 }.count))
        }
        scored.sort { ($0.distance, -$0.prefix, $0.name) < ($1.distance, -$1.prefix, $1.name) }
        return scored.prefix(limit).map(\.name)
    }

    /// The sentence fragment to append to an error: ` (did you mean 'markdown'?)`, or empty.
    public static func hint(_ word: String, among candidates: [String]) -> String {
        let best = rank(word, among: candidates)
        switch best.count {
        case 0: return ""
        case 1: return " (did you mean '\(best[0])'?)"
        default:
            let quoted = best.map { "'\($0)'" }
            return " (did you mean \(quoted.dropLast().joined(separator: ", ")) or \(quoted.last!)?)"
        }
    }

    /// Optimal string alignment distance: Levenshtein plus transposition of adjacent symbols.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
