/// The extraction benchmark's metric, for when Python is not at hand: per-page 4-word-shingle
/// counts (tokens are runs of word characters), precision and recall averaged over pages.
public struct ShingleScore: Sendable {
    /// Mean precision over the pages that predicted anything.
    public var precision = 0.0
    /// Mean recall over the pages whose ground truth holds anything.
    public var recall = 0.0
    /// The harmonic mean of the mean precision and the mean recall.
    public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

    /// Scores `predicted` bodies against `gold` ones, both by page id.
    public init(gold: [String: String], predicted: [String: String]) {
        var ps: [Double] = []
        var rs: [Double] = []
        for (id, truth) in gold {
            let t = Self.shingles(truth)
            let p = Self.shingles(predicted[id] ?? "")
            var tp = 0
            var fp = 0
            var fn = 0
            for (k, n) in p {
                let m = min(n, t[k] ?? 0)
                tp += m
                fp += n - m
            }
            for (k, n) in t { fn += max(0, n - (p[k] ?? 0)) }
            if fp == 0, fn == 0 {
                if tp + fp > 0 { ps.append(1) }
                if tp + fn > 0 { rs.append(1) }
                continue
            }
            if tp + fp > 0 { ps.append(Double(tp) / Double(tp + fp)) }
            if tp + fn > 0 { rs.append(Double(tp) / Double(tp + fn)) }
        }
        precision = ps.isEmpty ? 0 : ps.reduce(0, +) / Double(ps.count)
        recall = rs.isEmpty ? 0 : rs.reduce(0, +) / Double(rs.count)
    }

    /// The multiset of 4-token windows of `text` (one window of all tokens when there are fewer).
    public static func shingles(_ text: String) -> [[Substring]: Int] {
        let tokens = text.split { !($0.isLetter || $0.isNumber || $0 == "_") }
        var out: [[Substring]: Int] = [:]
        if tokens.isEmpty { return out }
        for i in 0..<max(1, tokens.count - 3) { out[Array(tokens[i..<min(i + 4, tokens.count)]), default: 0] += 1 }
        return out
    }
}
