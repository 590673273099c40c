public import DossierCore

/// The `sentences` analyzer: finds sentence boundaries within each block of the document.
///
/// Sentences never cross block boundaries, so a heading or a list item without final punctuation
/// is a sentence of its own. A document without blocks is segmented as one span of text.
public struct SentenceAnalyzer: Analyzer {
    /// The options of the `sentences` analyzer.
    public struct Options: ComponentOptions, Hashable {
        /// More abbreviations, such as `Approx` or `Dept.`, after which a period rarely ends a sentence.
        public var extraAbbreviations: [String] = []

        /// Creates the default options.
        public init() {}

        /// Creates options with the given extra abbreviations.
        public init(extraAbbreviations: [String]) {
            self.extraAbbreviations = extraAbbreviations
        }

        public static var help: [String: String] {
            [
                "extraAbbreviations":
                    "more abbreviations (case-insensitive, final period optional) after which a period does not end a sentence unless a common sentence opener follows"
            ]
        }
    }

    public static let id = "sentences"
    public static let summary = "splits each block into sentences with rules for abbreviations, numbers, quotes and lists"
    public static let provides: Set<LayerID> = [.sentences]
    public static let requires: Set<LayerID> = []

    /// The segmenter the analyzer applies to each block.
    public let segmenter: SentenceSegmenter

    /// Creates the analyzer with the default options, which cannot fail.
    public init() {
        segmenter = SentenceSegmenter()
    }

    /// Throws when an extra abbreviation is empty or contains a space; builds nothing, for
    /// `dossier lint` and `dossier plan`.
    public static func validate(_ options: Options) throws {
        for (i, word) in options.extraAbbreviations.enumerated() {
            let trimmed = word.trimmingCharacters(in: ".")
            if trimmed.isEmpty || trimmed.unicodeScalars.contains(where: { $0.properties.isWhitespace }) {
                throw ComponentError(
                    code: "E420",
                    "abbreviation '\(word)' must be a single word such as 'Approx' or 'Dept.'",
                    option: "extraAbbreviations[\(i)]"
                )
            }
        }
    }

    /// Creates the analyzer; throws what `validate` throws.
    public init(options: Options) throws {
        try Self.validate(options)
        segmenter = SentenceSegmenter(extraAbbreviations: options.extraAbbreviations)
    }

    public func analyze(_ document: Document, context: AnalysisContext) throws -> Annotations {
        // Collected here and stored once: each write to a layer of `Annotations` looks the layer up.
        var sentences: [Sentence] = []
        // About one a block or more, one exactly for list items and headings: sized once for those
        // rather than grown by doubling, which could leave twice the room needed.
        sentences.reserveCapacity(document.blocks.count)
        if document.blocks.isEmpty {
            for range in segmenter.segment(document.scalars, in: 0..<document.length) { sentences.append(Sentence(range: range)) }
        } else {
            for block in document.blocks {
                for range in segmenter.segment(document.scalars, in: block.range.offsets) { sentences.append(Sentence(range: range)) }
            }
        }
        var annotations = Annotations()
        annotations.sentences = sentences
        return annotations
    }
}

extension String {
    /// The string without leading and trailing occurrences of `character`.
    fileprivate func trimmingCharacters(in character: Character) -> Substring {
        var slice = self[...]
        while slice.first == character { slice.removeFirst() }
        while slice.last == character { slice.removeLast() }
        return slice
    }
}
