public import Foundation

/// Headline clickbait scoring against the "Stop Clickbait" headlines (`clickbait.txt` and
/// `plain.txt`, one headline a line): precision, recall and F1 at a threshold, and ROC AUC, on the
/// held-out part, as written and with every headline rewritten in title case.
///
/// The split is the one `scripts/clickbait-train.py` fits on: a line whose 64-bit FNV-1a hash
/// (over its UTF-8 bytes) is divisible by 5 is held out; the model never saw those lines. The
/// scorer is a function from a headline to a score in [0, 1], so any model can be evaluated.
public struct ClickbaitEvaluation: Sendable {
    /// One held-out headline and its label.
    public struct Headline: Sendable {
        /// The headline as the file gives it.
        public var text: String
        /// Whether it comes from `clickbait.txt`.
        public var isClickbait: Bool
    }

    /// Scores at one threshold, and the ranking quality over all thresholds.
    public struct Result: Sendable {
        /// Clickbait headlines scored at or above the threshold.
        public var truePositives = 0
        /// Plain headlines scored at or above the threshold.
        public var falsePositives = 0
        /// Clickbait headlines scored below it.
        public var falseNegatives = 0
        /// Plain headlines scored below it.
        public var trueNegatives = 0
        /// The probability that a clickbait headline outscores a plain one (ties count half).
        public var rocAUC = 0.0

        /// Correct positives over positives.
        public var precision: Double {
            truePositives + falsePositives == 0 ? 0 : Double(truePositives) / Double(truePositives + falsePositives)
        }
        /// Clickbait found over clickbait.
        public var recall: Double {
            truePositives + falseNegatives == 0 ? 0 : Double(truePositives) / Double(truePositives + falseNegatives)
        }
        /// The harmonic mean of the two.
        public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    }

    /// The held-out headlines, clickbait first.
    public let heldOut: [Headline]
    /// How many headlines the fitting part has.
    public let fitted: Int

    /// Reads `clickbait.txt` and `plain.txt` from `directory`; `E468` when one cannot be read.
    public init(directory: URL) throws {
        var held: [Headline] = []
        var fitted = 0
        for (name, label) in [("clickbait.txt", true), ("plain.txt", false)] {
            let url = directory.appendingPathComponent(name)
            guard let data = try? Data(contentsOf: url) else {
                throw EvaluationError(
                    code: "E468", "cannot read '\(url.path)'; give the folder that holds clickbait.txt and plain.txt, one headline a line")
            }
            for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
                let text = line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
                if text.allSatisfy(\.isWhitespace) { continue }
                if Self.isHeldOut(text) { held.append(Headline(text: text, isClickbait: label)) } else { fitted += 1 }
            }
        }
        heldOut = held
        self.fitted = fitted
    }

    /// Whether a line belongs to the held-out part: its FNV-1a hash is divisible by 5.
    public static func isHeldOut(_ line: String) -> Bool {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in line.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0100_0000_01b3 }
        return hash % 5 == 0
    }

    /// The headline in title case: every space-separated word with its first letter in capitals
    /// and the rest in lower case, the casing that in this data marks the clickbait side.
    public static func titleCased(_ headline: String) -> String {
        headline.split(separator: " ", omittingEmptySubsequences: false).map { $0.prefix(1).uppercased() + $0.dropFirst().lowercased() }
            .joined(separator: " ")
    }

    /// Scores every held-out headline (title-cased first when `titleCase`) and compares with `threshold`.
    public func run(threshold: Double, titleCase: Bool = false, score: (String) -> Double) -> Result {
        var result = Result()
        var scored: [(score: Double, positive: Bool)] = []
        scored.reserveCapacity(heldOut.count)
        for headline in heldOut {
            let s = score(titleCase ? Self.titleCased(headline.text) : headline.text)
            scored.append((s, headline.isClickbait))
            switch (s >= threshold, headline.isClickbait) {
            case (true, true): result.truePositives += 1
            case (true, false): result.falsePositives += 1
            case (false, true): result.falseNegatives += 1
            case (false, false): result.trueNegatives += 1
            }
        }
        result.rocAUC = Self.rocAUC(scored)
        return result
    }

    /// The Mann–Whitney form of the area under the ROC curve, with mid-ranks for ties.
    static func rocAUC(_ scored: [(score: Double, positive: Bool)]) -> Double {
        let sorted = scored.sorted { $0.score < $1.score }
        let positives = sorted.filter(\.positive).count
        let negatives = sorted.count - positives
        guard positives > 0, negatives > 0 else { return 0 }
        var rankSum = 0.0
        var i = 0
        while i < sorted.count {
            var j = i
            while j < sorted.count && sorted[j].score == sorted[i].score { j += 1 }
            let rank = Double(i + j + 1) / 2
            rankSum += rank * Double(sorted[i..<j].filter(\.positive).count)
            i = j
        }
        return (rankSum - Double(positives) * Double(positives + 1) / 2) / (Double(positives) * Double(negatives))
    }
}
