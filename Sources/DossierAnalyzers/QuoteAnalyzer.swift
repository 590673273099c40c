public import DossierCore

/// The `quotes` analyzer: who said what.
///
/// It pairs quotation marks (straight, curly, guillemets and single quotes, telling apostrophes
/// apart), follows a quotation across paragraphs the way news copy continues one, and decides what
/// each quoted span is: direct speech, a partial quotation inside the writer's sentence, or not
/// speech at all (a scare quote or coined term, a title). It also finds reported speech without
/// quotation marks (`X said that …`, `according to X, …`) and makes embedded social posts with an
/// attribution line speech by their author. Each speech quote gets its reporting verb and its
/// speaker: the subject of the verb, linked to an entity when an entity mention overlaps it, a
/// pronoun resolved to the nearest person before it, or an anonymous source.
///
/// The rules are described, with their limits, in `Docs/Quotes.md`.
public struct QuoteAnalyzer: Analyzer {
    /// The options of the `quotes` analyzer.
    public struct Options: ComponentOptions, Hashable {
        /// More reporting verbs, each a single word in the form the article uses (`averred`, `rapped`).
        public var extraCues: [String] = []
        /// The fewest words a quotation without a reporting verb or speaker needs to count as speech;
        /// shorter ones are terms (scare quotes).
        public var minimumWords: Int = 4
        /// Whether a quotation with no attribution of its own takes the speaker of the previous
        /// quotation in the same paragraph.
        public var continuingSpeaker: Bool = true

        /// Creates the default options.
        public init() {}

        /// Creates options with the given values.
        public init(extraCues: [String] = [], minimumWords: Int = 4, continuingSpeaker: Bool = true) {
            self.extraCues = extraCues
            self.minimumWords = minimumWords
            self.continuingSpeaker = continuingSpeaker
        }

        public static var help: [String: String] {
            [
                "extraCues": "more reporting verbs (single words, any case) that attribute quotations and reported speech",
                "minimumWords":
                    "the fewest words (1 to 50, default 4) a quotation with no reporting verb or speaker needs to count as speech rather than a term",
                "continuingSpeaker":
                    "whether a quotation with no attribution takes the speaker of the previous quotation in the same paragraph (default true)",
            ]
        }
    }

    public static let id = "quotes"
    public static let summary =
        "finds direct, partial and reported speech with its speaker and reporting verb, and tells scare quotes and titles apart"
    public static let requires: Set<LayerID> = [.sentences, .entities]
    public static let provides: Set<LayerID> = [.quotes]

    let options: Options
    let vocabulary: QuoteVocabulary

    /// Creates the analyzer with the default options, which cannot fail.
    public init() {
        options = Options()
        vocabulary = QuoteVocabulary()
    }

    /// Throws when a reporting verb is empty or not a single word, or `minimumWords` is out of
    /// range; builds nothing, for `dossier lint` and `dossier plan`.
    public static func validate(_ options: Options) throws {
        for (i, verb) in options.extraCues.enumerated() {
            let ok =
                !verb.isEmpty
                && verb.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0 == "-" || $0 == "'" || $0 == "\u{2019}" }
            if !ok {
                throw ComponentError(
                    code: "E482", "reporting verb '\(verb)' must be a single word of letters such as 'averred' or 'quipped'",
                    option: "extraCues[\(i)]")
            }
        }
        if !(1...50).contains(options.minimumWords) {
            throw ComponentError(
                code: "E483", "'minimumWords' must be between 1 and 50, not '\(options.minimumWords)'; 4 is the default",
                option: "minimumWords")
        }
    }

    /// Creates the analyzer; throws what `validate` throws.
    public init(options: Options) throws {
        try Self.validate(options)
        self.options = options
        vocabulary = QuoteVocabulary(extraCues: options.extraCues)
    }

    public func analyze(_ document: Document, context: AnalysisContext) throws -> Annotations {
        var annotations = Annotations()
        guard document.length > 0 else { return annotations }
        var blocks = BlockIndex.ordered(document.blocks, length: document.length)
        if blocks.isEmpty { blocks = [Block(kind: .paragraph, range: TextRange(start: 0, end: document.length))] }
        let sentences = SentenceRangesByStart(document)
        let mentions = MentionIndex(document.annotations.entities)
        func run<U: FixedWidthInteger & UnsignedInteger>(_: U.Type) -> [Quote] {
            document.scalars.withUnits(as: U.self) { units in
                var scanner = QuoteScanner(
                    units: units, vocabulary: vocabulary, minimumWords: options.minimumWords,
                    continuingSpeaker: options.continuingSpeaker, blocks: blocks, sentences: sentences, mentions: mentions)
                return scanner.run()
            }
        }
        switch document.scalars.width {
        case 1: annotations.quotes = run(UInt8.self)
        case 2: annotations.quotes = run(UInt16.self)
        default: annotations.quotes = run(UInt32.self)
        }
        return annotations
    }
}
