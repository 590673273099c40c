public import DossierCore

/// The `sources` analyzer: what an article rests on, and attributions that name no one.
///
/// It finds links (from the readers), entries of a "Sources:" or "Read more" list, embedded
/// social posts with their platform, handle, author and date, the people and organisations the
/// `quotes` layer says spoke, news outlets and agencies credited ("Reuters reported"), documents
/// and statements cited ("the authority's annual report", "a Kremlin statement") and unnamed
/// sources ("a spokesperson who asked not to be named"). Each is one source with a kind and a
/// range; a person or organisation is one source however often it speaks. Vague attributions
/// ("experts say", "critics argue", "opinions vary") become `sources.vague-attribution` findings.
/// The `claims` analyzer ties claims to these sources. See `Docs/Sources.md`.
public struct SourceAnalyzer: Analyzer {
    /// The options of the `sources` analyzer.
    public struct Options: ComponentOptions, Hashable {
        /// More news outlets and agencies, as written in text (`Hallbury Courier`).
        public var outlets: [String] = []
        /// Shipped outlet names to ignore (a name that is also a common word in your articles).
        public var notOutlets: [String] = []
        /// Whether to report vague attributions as findings.
        public var vagueAttribution: Bool = true

        /// Creates the default options.
        public init() {}

        /// Creates options with the given values.
        public init(outlets: [String] = [], notOutlets: [String] = [], vagueAttribution: Bool = true) {
            self.outlets = outlets
            self.notOutlets = notOutlets
            self.vagueAttribution = vagueAttribution
        }

        public static var help: [String: String] {
            [
                "outlets": "more news outlets and agencies, as written in text (such as 'Hallbury Courier')",
                "notOutlets": "shipped outlet names to ignore",
                "vagueAttribution": "report attributions that name no one ('experts say') as findings (default true)",
            ]
        }
    }

    public static let id = "sources"
    public static let summary =
        "finds links, listed sources, embedded posts, people and outlets credited, documents cited and unnamed sources; flags vague attribution"
    public static let requires: Set<LayerID> = [.sentences, .entities, .quotes]
    public static let provides: Set<LayerID> = [.sources, .findings]

    /// The options the analyzer was created with.
    public let options: Options
    /// The shipped lists with the option's outlets added and removed, built once rather than per
    /// article; `nil` when the options change nothing.
    private let customVocabulary: AttributionVocabulary?

    /// Creates the analyzer with the default options.
    public init() {
        options = Options()
        customVocabulary = nil
    }

    /// Throws when an outlet name is empty or has no letter; builds nothing.
    public static func validate(_ options: Options) throws {
        for (key, names) in [("outlets", options.outlets), ("notOutlets", options.notOutlets)] {
            for (i, name) in names.enumerated() where !name.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) {
                throw ComponentError(
                    code: "E630", "outlet '\(name)' has no letter; give a name as written in text, such as 'Hallbury Courier'",
                    option: "\(key)[\(i)]")
            }
        }
    }

    /// Creates the analyzer; throws what `validate` throws.
    public init(options: Options) throws {
        try Self.validate(options)
        self.options = options
        customVocabulary =
            options.outlets.isEmpty && options.notOutlets.isEmpty
            ? nil : AttributionVocabulary.shared.with(outlets: options.outlets, without: options.notOutlets)
    }

    /// Fails when the shipped word lists are missing from the package.
    public func prepare(_ context: AnalysisContext) async throws {
        let missing = AttributionVocabulary.shared.missing
        if !missing.isEmpty {
            throw ComponentError(
                code: "E631",
                "the word lists \(missing.map { "'\($0)'" }.joined(separator: ", ")) are missing from the package resources; reinstall dossier"
            )
        }
    }

    public func analyze(_ document: Document, context: AnalysisContext) throws -> Annotations {
        var annotations = Annotations()
        guard document.length > 0 else { return annotations }
        let vocabulary = customVocabulary ?? AttributionVocabulary.shared
        func run<U: FixedWidthInteger & UnsignedInteger>(_: U.Type) -> ([SourceAnnotation], [Finding]) {
            document.scalars.withUnits(as: U.self) { units in
                var finder = SourceFinder(units: units, document: document, vocabulary: vocabulary, findVague: options.vagueAttribution)
                finder.run()
                return (finder.sources, finder.findings)
            }
        }
        let (sources, findings) =
            switch document.scalars.width {
            case 1: run(UInt8.self)
            case 2: run(UInt16.self)
            default: run(UInt32.self)
            }
        annotations.sources = sources
        annotations.findings = findings
        return annotations
    }
}
