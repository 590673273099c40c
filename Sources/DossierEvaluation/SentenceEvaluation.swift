public import Foundation

/// Sentence segmentation against pySBD-style golden rules: a JSON list of `{text, sentences}`.
///
/// The segmenter is a function, so any sentence splitter can be scored the same way.
public struct SentenceEvaluation: Sendable {
    /// One golden rule.
    public struct Case: Decodable, Sendable {
        /// The text to split.
        public var text: String
        /// The sentences expected, in order.
        public var sentences: [String]
    }

    /// One rule the segmenter got wrong.
    public struct Miss: Sendable {
        /// The rule's position in the file, from 1.
        public var number: Int
        /// What was expected.
        public var expected: [String]
        /// What the segmenter gave.
        public var got: [String]
    }

    /// How many rules passed, out of how many, and which failed.
    public struct Result: Sendable {
        /// Rules whose sentences came out exactly as expected.
        public var passed = 0
        /// All rules.
        public var total = 0
        /// The others.
        public var misses: [Miss] = []
    }

    /// The golden rules.
    public let cases: [Case]

    /// Reads the golden rules in `file`; `E468` when they cannot be read.
    public init(file: URL) throws {
        do {
            cases = try JSONDecoder().decode([Case].self, from: Data(contentsOf: file))
        } catch {
            throw EvaluationError(
                code: "E468", "cannot read golden rules from '\(file.path)': \(error); it must be a JSON list of {text, sentences}")
        }
    }

    /// Scores `segment` on every rule.
    public func run(_ segment: (String) -> [String]) -> Result {
        var result = Result()
        result.total = cases.count
        for (i, c) in cases.enumerated() {
            let got = segment(c.text)
            if got == c.sentences {
                result.passed += 1
            } else {
                result.misses.append(Miss(number: i + 1, expected: c.sentences, got: got))
            }
        }
        return result
    }
}
