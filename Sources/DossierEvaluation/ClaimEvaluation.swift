public import Foundation

/// Scores check-worthiness against labelled sentences (ClaimBuster's `{text, label}` lists):
/// ROC AUC over the scores, and precision, recall and F1 of the check-worthy class at a threshold.
public struct ClaimEvaluation: Sendable {
    /// One labelled sentence.
    public struct Item: Sendable {
        /// The sentence.
        public var text: String
        /// Whether annotators judged it a check-worthy factual claim.
        public var checkWorthy: Bool
    }

    /// The figures of one run.
    public struct Result: Sendable {
        /// The area under the ROC curve: the chance a check-worthy sentence outscores another.
        public var auc: Double
        public var precision: Double
        public var recall: Double
        public var f1: Double
        /// The threshold the precision, recall and F1 are taken at.
        public var threshold: Double
        /// The number of sentences, and how many of them are check-worthy.
        public var total: Int
        public var positives: Int
    }

    /// The labelled sentences.
    public let items: [Item]

    /// Reads a JSON list of `{text, label}` objects, `label` 1 for check-worthy.
    public init(file: URL) throws {
        guard let data = try? Data(contentsOf: file),
            let list = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]]
        else {
            throw EvaluationError(code: "E468", "cannot read '\(file.path)' as a JSON list of {text, label} objects")
        }
        var items: [Item] = []
        for (i, object) in list.enumerated() {
            guard let text = object["text"] as? String, let label = object["label"] as? Int else {
                throw EvaluationError(code: "E468", "item \(i) of '\(file.path)' has no 'text' string or no 'label' number")
            }
            items.append(Item(text: text, checkWorthy: label == 1))
        }
        self.items = items
    }

    /// Scores every item with `score` and computes the figures at `threshold`.
    public func run(threshold: Double, score: (String) throws -> Double) rethrows -> Result {
        let scores = try items.map { try score($0.text) }
        return Self.figures(scores: scores, labels: items.map(\.checkWorthy), threshold: threshold)
    }

    /// ROC AUC (ties count half) and precision, recall and F1 at `threshold`.
    public static func figures(scores: [Double], labels: [Bool], threshold: Double) -> Result {
        let order = scores.indices.sorted { scores[$0] < scores[$1] }
        // Average ranks over ties, then the Mann–Whitney statistic.
        var ranks = [Double](repeating: 0, count: scores.count)
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count && scores[order[j + 1]] == scores[order[i]] { j += 1 }
            let rank = Double(i + j) / 2 + 1
            for k in i...j { ranks[order[k]] = rank }
            i = j + 1
        }
        let positives = labels.filter { $0 }.count
        let negatives = labels.count - positives
        let rankSum = zip(ranks, labels).filter(\.1).reduce(0) { $0 + $1.0 }
        let auc =
            positives == 0 || negatives == 0
            ? 0 : (rankSum - Double(positives) * Double(positives + 1) / 2) / (Double(positives) * Double(negatives))
        var tp = 0
        var fp = 0
        var fn = 0
        for (s, l) in zip(scores, labels) {
            if s >= threshold { if l { tp += 1 } else { fp += 1 } } else if l { fn += 1 }
        }
        let precision = tp + fp == 0 ? 0 : Double(tp) / Double(tp + fp)
        let recall = tp + fn == 0 ? 0 : Double(tp) / Double(tp + fn)
        let f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
        return Result(
            auc: auc, precision: precision, recall: recall, f1: f1, threshold: threshold, total: labels.count, positives: positives)
    }
}
