public import DossierCore
import DossierPipeline
public import Foundation

/// Sentence segmentation against pySBD-style golden rules: a JSON list of `{text, sentences}`.
///
/// The segmenter is a function, so any sentence splitter can be scored the same way. The rules can
/// also be scored the way a user meets them: each rule's text read as the bytes of a `.txt` file by
/// a reader, then split by a sentence analyzer (`run(registry:readerID:analyzerID:)`), so that
/// what the reader makes of a line (a list item, a paragraph) counts too.
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

    /// Scores, on every rule, the sentences that the analyzer `analyzerID` of `registry` finds in
    /// the documents its reader `readerID` makes of the rule's text read as a file, both created
    /// with their default options; `E465` when either is missing. A rule the reader or analyzer
    /// fails on counts as a miss with no sentences.
    public func run(registry: Registry, readerID: String = "text", analyzerID: String = "sentences") async throws -> Result {
        let reader = try ExtractionEvaluation.reader(readerID, in: registry)
        guard let entry = registry.analyzers[analyzerID] else {
            let known = registry.ids(.analyzer).map { "'\($0)'" }.joined(separator: ", ")
            throw EvaluationError(code: "E465", "no analyzer '\(analyzerID)' in the registry; register it or choose one of \(known)")
        }
        let analyzer = try entry.make(ValueOptionsDecoder())
        let context = AnalysisContext(pipeline: "evaluation", component: analyzerID)
        var found: [[String]] = []
        for (i, c) in cases.enumerated() {
            var sentences: [String] = []
            let name = "rule-\(i + 1).txt"
            let documents = (try? reader.read(Input(id: "rule-\(i + 1)", name: name, data: Data(c.text.utf8)))) ?? []
            for document in documents {
                guard let annotations = try? await analyzer.analyze(document, context: context) else { continue }
                sentences += annotations.sentences.map { document.text(in: $0.range) }
            }
            found.append(sentences)
        }
        var index = 0
        return run { _ in
            defer { index += 1 }
            return found[index]
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
