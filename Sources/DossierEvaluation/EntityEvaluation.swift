public import DossierCore
public import Foundation

/// Named-entity recognition against a CoNLL file of tokens and IO tags (`PER`, `ORG`, `LOC`,
/// `MISC`), such as wikigold: exact-span and overlapping-span precision, recall and F1 for people,
/// organisations and places.
///
/// Each article (between `-DOCSTART-` lines) becomes a document whose text is its tokens joined by
/// single spaces, with one sentence per blank-line-separated block; the recogniser is a function
/// from that document to entities, so any analyzer can be scored. Every name mention of every
/// entity (form `name` or `alias`) is a predicted span: `person` counts as PER, `organization` as
/// ORG, `location` as LOC; other kinds and gold MISC are not scored. Pronouns and descriptions
/// joined to an entity (`he`, `the chancellor`) are coreference, not names: the CoNLL gold marks
/// names only, so they are left out, as a named-entity tagger's output would hold none.
public struct EntityEvaluation: Sendable {
    /// One article: its document and gold spans.
    public struct Article: Sendable {
        /// The rebuilt text with its sentences.
        public var document: Document
        /// Gold spans as scalar ranges with their type (`PER`, `ORG`, `LOC`, `MISC`).
        public var gold: [(range: TextRange, type: String)]
        /// Where each token starts and ends.
        public var tokens: [TextRange]
    }

    /// Counts for one type, or for all types together.
    public struct Score: Sendable, Equatable {
        /// Predictions counted correct.
        public var correct = 0
        /// Predictions.
        public var predicted = 0
        /// Gold spans found.
        public var found = 0
        /// Gold spans.
        public var gold = 0

        /// Creates empty counts.
        public init() {}

        /// Correct predictions over predictions.
        public var precision: Double { predicted == 0 ? 0 : Double(correct) / Double(predicted) }
        /// Gold spans found over gold spans.
        public var recall: Double { gold == 0 ? 0 : Double(found) / Double(gold) }
        /// The harmonic mean of the two.
        public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    }

    /// Exact and overlapping scores, overall (key `ALL`) and per type.
    public struct Result: Sendable {
        /// A prediction is correct when a gold span of its type has exactly its tokens.
        public var exact: [String: Score] = [:]
        /// A prediction is correct when a gold span of its type shares a token with it; a gold span
        /// is found when a prediction of its type shares a token with it.
        public var overlap: [String: Score] = [:]
        /// The number of articles.
        public var articles = 0

        /// Creates an empty result.
        public init() {}
    }

    /// The scored types, in print order.
    public static let types = ["PER", "ORG", "LOC"]

    /// The articles of the file.
    public let articles: [Article]

    /// Reads a CoNLL file; `E468` when it cannot be read.
    public init(file: URL) throws {
        guard let data = try? Data(contentsOf: file) else {
            throw EvaluationError(code: "E468", "cannot read the CoNLL file '\(file.path)'; give a file of 'token TAG' lines")
        }
        self.init(conll: String(decoding: data, as: UTF8.self))
    }

    /// Reads CoNLL text: one `token TAG` a line, blank lines between sentences, `-DOCSTART-` between articles.
    public init(conll: String) {
        var articles: [Article] = []
        var sentences: [[(String, String)]] = []
        var current: [(String, String)] = []
        func finishArticle() {
            if !current.isEmpty { sentences.append(current) }
            current = []
            if !sentences.isEmpty { articles.append(Self.article(sentences, number: articles.count + 1)) }
            sentences = []
        }
        for line in conll.split(separator: "\n", omittingEmptySubsequences: false) {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            if fields.isEmpty {
                if !current.isEmpty { sentences.append(current) }
                current = []
            } else if fields[0] == "-DOCSTART-" {
                finishArticle()
            } else {
                current.append((String(fields[0]), fields.count > 1 ? String(fields[fields.count - 1]) : "O"))
            }
        }
        finishArticle()
        self.articles = articles
    }

    private static func article(_ sentences: [[(String, String)]], number: Int) -> Article {
        var text = ""
        var offset = 0
        var tokens: [TextRange] = []
        var tags: [String] = []
        var sentenceRanges: [Sentence] = []
        for sentence in sentences {
            let start = offset
            for (token, tag) in sentence {
                if offset > 0 {
                    text += " "
                    offset += 1
                }
                let length = token.unicodeScalars.count
                tokens.append(TextRange(start: offset, end: offset + length))
                tags.append(tag)
                text += token
                offset += length
            }
            sentenceRanges.append(Sentence(range: TextRange(start: start == 0 ? 0 : start + 1, end: offset)))
        }
        // IO tags: a run of tokens with the same type is one span.
        var gold: [(range: TextRange, type: String)] = []
        var i = 0
        while i < tags.count {
            let type = tags[i].split(separator: "-").last.map(String.init) ?? "O"
            guard type != "O" else {
                i += 1
                continue
            }
            var j = i + 1
            while j < tags.count && (tags[j].split(separator: "-").last.map(String.init) ?? "O") == type && !tags[j].hasPrefix("B-") {
                j += 1
            }
            gold.append((TextRange(start: tokens[i].start, end: tokens[j - 1].end), type))
            i = j
        }
        var document = Document(id: "article-\(number)", text: text)
        document.annotations.sentences = sentenceRanges
        return Article(document: document, gold: gold, tokens: tokens)
    }

    /// The scored type of an entity kind, or nil.
    public static func type(of kind: Entity.Kind) -> String? {
        switch kind {
        case .person: "PER"
        case .organization: "ORG"
        case .location: "LOC"
        default: nil
        }
    }

    /// Scores `recognize` on every article.
    public func run(_ recognize: (Document) throws -> [Entity]) rethrows -> Result {
        var result = Result()
        result.articles = articles.count
        for article in articles {
            let entities = try recognize(article.document)
            var predicted: [(range: TextRange, type: String)] = []
            for entity in entities {
                guard let type = Self.type(of: entity.kind) else { continue }
                for mention in entity.mentions where mention.form == .name || mention.form == .alias {
                    predicted.append((mention.range, type))
                }
            }
            Self.score(predicted: predicted, gold: article.gold.filter { Self.types.contains($0.type) }, into: &result)
        }
        return result
    }

    /// Adds the counts of one article's predictions against its gold spans.
    public static func score(
        predicted: [(range: TextRange, type: String)], gold: [(range: TextRange, type: String)], into result: inout Result
    ) {
        func overlaps(_ a: TextRange, _ b: TextRange) -> Bool { a.start < b.end && b.start < a.end }
        for key in ["ALL"] + types {
            let p = key == "ALL" ? predicted : predicted.filter { $0.type == key }
            let g = key == "ALL" ? gold : gold.filter { $0.type == key }
            var exact = result.exact[key] ?? Score()
            var overlap = result.overlap[key] ?? Score()
            exact.predicted += p.count
            overlap.predicted += p.count
            exact.gold += g.count
            overlap.gold += g.count
            for x in p {
                if g.contains(where: { $0.type == x.type && $0.range == x.range }) { exact.correct += 1 }
                if g.contains(where: { $0.type == x.type && overlaps($0.range, x.range) }) { overlap.correct += 1 }
            }
            for y in g {
                if p.contains(where: { $0.type == y.type && $0.range == y.range }) { exact.found += 1 }
                if p.contains(where: { $0.type == y.type && overlaps($0.range, y.range) }) { overlap.found += 1 }
            }
            result.exact[key] = exact
            result.overlap[key] = overlap
        }
    }
}
