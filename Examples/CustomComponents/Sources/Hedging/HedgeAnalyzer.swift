public import DossierCore

/// Finds hedging words in each sentence and writes them to the `hedges` layer.
///
/// It requires `sentences` (so the planner runs the built-in `sentences` analyzer first, and
/// refuses a pipeline without one) and provides `hedges`, the layer `Hedge` declares.
public struct HedgeAnalyzer: Analyzer {
    /// The options, with their defaults; keys map 1:1 to pipeline YAML keys.
    public struct Options: ComponentOptions {
        /// The words that hedge, lowercase.
        public var cues = [
            "about", "allegedly", "apparently", "appears", "could", "estimated", "expected", "likely", "may", "might",
            "possibly", "reportedly", "suggests", "would",
        ]

        public init() {}

        public static let help = ["cues": "the words that hedge a statement: single lowercase words"]
    }

    public static let id = "hedges"
    public static let summary = "Words that soften a statement, per sentence (a layer of its own)"
    public static let version = "1.0.0"
    public static let requires: Set<LayerID> = [.sentences]
    public static let provides: Set<LayerID> = [Hedge.layer]

    private let cues: Set<String>

    /// Checks the cues when the pipeline is linted, without creating the analyzer, so that
    /// `dossier lint` points at the bad item in the list.
    public static func validate(_ options: Options) throws {
        for (i, cue) in options.cues.enumerated() where cue.isEmpty || cue != cue.lowercased() || cue.contains(" ") {
            throw ComponentError(
                "cue '\(cue)' must be one lowercase word, such as '\(cue.lowercased().split(separator: " ").first ?? "may")'",
                option: "cues[\(i)]")
        }
    }

    public init(options: Options) throws {
        try Self.validate(options)
        cues = Set(options.cues)
    }

    /// One pass over each sentence's scalars: a word is a run of letters, compared lowercased.
    public func analyze(_ document: Document, context: AnalysisContext) throws -> Annotations {
        var found = Annotations()
        let scalars = document.scalars
        for sentence in document.annotations.sentences {
            var start = sentence.range.start
            while start < sentence.range.end {
                guard scalars[start].properties.isAlphabetic else {
                    start += 1
                    continue
                }
                var end = start
                while end < sentence.range.end, scalars[end].properties.isAlphabetic { end += 1 }
                let word = document.text(in: TextRange(start: start, end: end)).lowercased()
                if cues.contains(word) {
                    found[Hedge.self].append(Hedge(sentence: Reference(to: sentence), cue: word, range: TextRange(start: start, end: end)))
                }
                start = end
            }
        }
        return found
    }
}
