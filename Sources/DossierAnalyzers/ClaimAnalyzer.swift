public import DossierCore

/// The `claims` analyzer: the statements of an article worth checking, who makes them, what
/// sort they are, why they score as they do, and what backs them.
///
/// Every sentence outside headings, bylines and source lists is scored by a logistic regression
/// over named features (numbers, comparisons, causal and predictive words, laws, opinion words,
/// entities, dates, quoted speech) and hashed word and character n-grams, fitted on ClaimBuster's
/// training split by `scripts/claims-train.py`. A sentence scoring at least `threshold` is a
/// claim, with its claimant (the quoted speaker, an unnamed source, or the publication itself),
/// its kind, the reasons behind the score, its hedges and boosters, the entities and dates it
/// names, its attribution phrase, and the sources of the `sources` layer that back it. A claim
/// the article does not back gets a `claims.unsourced` finding (`claims.vaguely-sourced` when
/// only a vague attribution stands behind it). See `Docs/Claims.md`.
public struct ClaimAnalyzer: Analyzer {
    /// The options of the `claims` analyzer.
    public struct Options: ComponentOptions, Hashable {
        /// The lowest check-worthiness (0 to 1) a sentence needs to be a claim; the model's own
        /// threshold when absent.
        public var threshold: Double?
        /// The fewest words a sentence needs to be scored.
        public var minimumWords: Int = 4
        /// Whether to report claims nothing backs as findings.
        public var flagUnsourced: Bool = true

        /// Creates the default options.
        public init() {}

        /// Creates options with the given values.
        public init(threshold: Double? = nil, minimumWords: Int = 4, flagUnsourced: Bool = true) {
            self.threshold = threshold
            self.minimumWords = minimumWords
            self.flagUnsourced = flagUnsourced
        }

        public static var help: [String: String] {
            [
                "threshold": "the lowest check-worthiness, 0 to 1, a sentence needs to be a claim (default: the model's, 0.5)",
                "minimumWords": "the fewest words, 1 to 50, a sentence needs to be scored (default 4)",
                "flagUnsourced": "report claims that nothing in the article backs as findings (default true)",
            ]
        }
    }

    public static let id = "claims"
    public static let summary =
        "scores sentences for check-worthiness; gives each claim its claimant, kind, reasons, hedges, dates and supporting sources"
    public static let requires: Set<LayerID> = [.sentences, .entities, .dates, .quotes, .sources]
    public static let provides: Set<LayerID> = [.claims, .findings]

    /// The options the analyzer was created with.
    public let options: Options

    /// The shipped model's threshold, which `threshold` defaults to; 0.5 when the model is missing.
    public static var defaultThreshold: Double { ClaimVocabulary.shared?.model.threshold ?? 0.5 }

    /// Creates the analyzer with the default options.
    public init() { options = Options() }

    /// Throws when `threshold` is outside [0, 1] or `minimumWords` outside 1...50; builds nothing.
    public static func validate(_ options: Options) throws {
        if let t = options.threshold, !(0...1).contains(t) {
            throw ComponentError(code: "E620", "'threshold' must be between 0 and 1, not '\(t)'; 0.5 is the default", option: "threshold")
        }
        if !(1...50).contains(options.minimumWords) {
            throw ComponentError(
                code: "E621", "'minimumWords' must be between 1 and 50, not '\(options.minimumWords)'; 4 is the default",
                option: "minimumWords")
        }
    }

    /// Creates the analyzer; throws what `validate` throws.
    public init(options: Options) throws {
        try Self.validate(options)
        self.options = options
    }

    /// Fails when the model or the word lists are missing from the package, or the model was
    /// fitted on features other than the extractor's.
    public func prepare(_ context: AnalysisContext) async throws {
        if ClaimVocabulary.shared == nil {
            throw ComponentError(
                code: "E622",
                "the check-worthiness model 'claims/checkworthiness.txt' or its word lists are missing from the package resources, or the model was fitted on another version of the features (its 'extractor' line); reinstall dossier, or refit the model with scripts/claims-train.py"
            )
        }
    }

    public func analyze(_ document: Document, context: AnalysisContext) throws -> Annotations {
        var annotations = Annotations()
        guard document.length > 0, let vocabulary = ClaimVocabulary.shared else { return annotations }
        let threshold = options.threshold ?? vocabulary.model.threshold
        func run<U: FixedWidthInteger & UnsignedInteger>(_: U.Type) -> ([ClaimAnnotation], [Finding]) {
            document.scalars.withUnits(as: U.self) { units in
                var builder = ClaimBuilder(
                    units: units, document: document, model: vocabulary.model, extractor: vocabulary.extractor, threshold: threshold,
                    minimumWords: options.minimumWords)
                builder.run(flagUnsourced: options.flagUnsourced)
                return (builder.claims, builder.findings)
            }
        }
        let (claims, findings) =
            switch document.scalars.width {
            case 1: run(UInt8.self)
            case 2: run(UInt16.self)
            default: run(UInt32.self)
            }
        annotations.claims = claims
        annotations.findings = findings
        return annotations
    }

    /// The model's features of every sentence the analyzer would score, one SVMlight line each
    /// (`index:value ...`), for `scripts/claims-train.py`; the document needs the layers the
    /// analyzer requires.
    @_spi(Training)
    public func trainingFeatures(_ document: Document) -> [String] {
        guard document.length > 0, let vocabulary = ClaimVocabulary.trainingExtractor else { return [] }
        let model =
            ClaimVocabulary.shared?.model ?? ClaimModel(
                text: "extractor \(ClaimFeatureExtractor.version)\nbuckets \(ClaimVocabulary.buckets)")!
        func run<U: FixedWidthInteger & UnsignedInteger>(_: U.Type) -> [String] {
            document.scalars.withUnits(as: U.self) { units in
                var builder = ClaimBuilder(
                    units: units, document: document, model: model, extractor: vocabulary, threshold: 0,
                    minimumWords: options.minimumWords)
                return builder.trainingLines()
            }
        }
        switch document.scalars.width {
        case 1: return run(UInt8.self)
        case 2: return run(UInt16.self)
        default: return run(UInt32.self)
        }
    }
}
