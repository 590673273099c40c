public import DossierCore

/// The `metrics` analyzer: the figures a reader weighs an article by, as `Metric` values.
///
/// `words`, `sentences`, `readability.grade` (Flesch–Kincaid grade level) and
/// `readability.ease` (Flesch reading ease), `claims`, `claims.sourced` and
/// `claims.sourced-share`, `sources` and `sources.<kind>` for each kind present,
/// `sources.named` and `sources.anonymous`, `quotes` (speech only) and `quotes.per-1000-words`.
/// Words and syllables are counted on the scalars in one pass; syllables by vowel groups, the
/// usual approximation of readability formulas. See `Docs/Metrics.md`.
public struct MetricsAnalyzer: Analyzer {
    /// The `metrics` analyzer has no options.
    public struct Options: ComponentOptions, Hashable {
        /// Creates the options.
        public init() {}
        public static var help: [String: String] { [:] }
    }

    public static let id = "metrics"
    public static let summary = "counts words, sentences, claims, sources and quotes; reading grade; share of claims with a source"
    public static let requires: Set<LayerID> = [.sentences, .quotes, .claims, .sources]
    public static let provides: Set<LayerID> = [.metrics]

    /// Creates the analyzer.
    public init() {}

    /// Creates the analyzer; there is nothing to check.
    public init(options: Options) throws {}

    public func analyze(_ document: Document, context: AnalysisContext) throws -> Annotations {
        var annotations = Annotations()
        let counts: (words: Int, syllables: Int) =
            switch document.scalars.width {
            case 1: document.scalars.withUnits(as: UInt8.self) { Self.count($0) }
            case 2: document.scalars.withUnits(as: UInt16.self) { Self.count($0) }
            default: document.scalars.withUnits(as: UInt32.self) { Self.count($0) }
            }
        let a = document.annotations
        let sentences = a.sentences.count
        var metrics: [Metric] = []
        func add(_ name: String, _ value: Double, _ unit: String? = nil) {
            metrics.append(Metric(name: name, value: (value * 1000).rounded() / 1000, unit: unit))
        }
        add("words", Double(counts.words), "words")
        add("sentences", Double(sentences), "sentences")
        if counts.words > 0 && sentences > 0 {
            let perSentence = Double(counts.words) / Double(sentences)
            let perWord = Double(counts.syllables) / Double(counts.words)
            add("readability.grade", 0.39 * perSentence + 11.8 * perWord - 15.59, "grade")
            add("readability.ease", 206.835 - 1.015 * perSentence - 84.6 * perWord)
        }
        let sourced = a.claims.filter { !$0.isUnsourced }.count
        add("claims", Double(a.claims.count), "claims")
        add("claims.sourced", Double(sourced), "claims")
        if !a.claims.isEmpty { add("claims.sourced-share", Double(sourced) / Double(a.claims.count)) }
        add("sources", Double(a.sources.count), "sources")
        var kinds: [SourceKind: Int] = [:]
        for s in a.sources { kinds[s.kind, default: 0] += 1 }
        for kind in SourceKind.builtIn + kinds.keys.filter({ !SourceKind.builtIn.contains($0) }).sorted(by: { $0.rawValue < $1.rawValue }) {
            // Anonymous sources are counted below, next to named ones, present or not.
            if kind != .anonymous, let n = kinds[kind] { add("sources.\(kind.rawValue)", Double(n), "sources") }
        }
        let anonymous = a.sources.filter(\.isAnonymous).count
        let named = a.sources.filter { $0.kind == .person || $0.kind == .organization || $0.kind == .outlet || $0.kind == .socialPost }
        add("sources.named", Double(named.count), "sources")
        add("sources.anonymous", Double(anonymous), "sources")
        let speech = a.quotes.filter(\.isSpeech).count
        add("quotes", Double(speech), "quotes")
        if counts.words > 0 { add("quotes.per-1000-words", Double(speech) * 1000 / Double(counts.words)) }
        annotations.metrics = metrics
        return annotations
    }

    /// Words (runs of letters and digits, with inner apostrophes and hyphens) and their syllables
    /// (vowel groups, less a silent final `e`, at least one a word with a letter).
    ///
    /// One read of a class table per scalar (`classes`) and the vowel groups counted without a
    /// branch: the per-scalar comparisons were 3% of the default pipeline.
    static func count<U: FixedWidthInteger & UnsignedInteger>(_ units: ScalarBuffer.Units<U>) -> (words: Int, syllables: Int) {
        classes.withUnsafeBufferPointer { table in
            @inline(__always) func bits(_ v: UInt32) -> UInt8 { v < tableLimit ? table[Int(v)] : Self.bits(of: v) }
            var words = 0
            var syllables = 0
            var i = 0
            let n = units.count
            while i < n {
                var c = bits(units[i])
                guard c & Self.wordBit != 0 else {
                    i += 1
                    continue
                }
                words += 1
                var groups = 0
                // Whether the scalar before was a vowel, as 0 or `vowelBit`.
                var inVowel: UInt8 = 0
                var letters = 0
                // The classes of the last two word scalars (0 before the word's start).
                var last: UInt8 = 0
                var beforeLast: UInt8 = 0
                while true {
                    let vowel = c & Self.vowelBit
                    letters &+= Int(truncatingIfNeeded: c & Self.letterBit) >> 2
                    groups &+= Int(truncatingIfNeeded: vowel & ~inVowel) >> 1
                    inVowel = vowel
                    beforeLast = last
                    last = c
                    i += 1
                    guard i < n else { break }
                    let v = units[i]
                    c = bits(v)
                    if c & Self.wordBit != 0 { continue }
                    // An apostrophe or hyphen before a word scalar joins; a vowel group ends at it.
                    guard v == 0x27 || v == 0x2019 || v == 0x2D, i + 1 < n else { break }
                    let next = bits(units[i + 1])
                    guard next & Self.wordBit != 0 else { break }
                    inVowel = 0
                    i += 1
                    c = next
                }
                if last & Self.eBit != 0 && beforeLast & Self.lBit == 0 && groups > 1 { groups -= 1 }
                if letters > 0 { syllables += max(1, groups) }
            }
            return (words, syllables)
        }
    }

    // The class bits `count` reads: a word scalar, a vowel (`aeiouy`, either case), an ASCII
    // letter, and the letters `e` and `l` (either case), which decide a silent final `e`.
    static let wordBit: UInt8 = 1
    static let vowelBit: UInt8 = 2
    static let letterBit: UInt8 = 4
    static let eBit: UInt8 = 8
    static let lBit: UInt8 = 16

    /// The scalars `classes` answers; those above are classified one by one.
    private static let tableLimit: UInt32 = 0x3000

    /// The class bits of every scalar below `tableLimit` (12 KB, built once).
    private static let classes: [UInt8] = (0..<tableLimit).map { bits(of: $0) }

    /// The class bits of `v`.
    static func bits(of v: UInt32) -> UInt8 {
        guard isWordScalar(v) else { return 0 }
        var b = wordBit
        // Only ASCII letters fold, count as letters and are vowels.
        let lower = v < 0x80 ? v | 0x20 : v
        if lower &- 0x61 < 26 { b |= letterBit }
        if lower == 0x61 || lower == 0x65 || lower == 0x69 || lower == 0x6F || lower == 0x75 || lower == 0x79 { b |= vowelBit }
        if lower == 0x65 { b |= eBit }
        if lower == 0x6C { b |= lBit }
        return b
    }

    @inline(__always)
    static func isWordScalar(_ v: UInt32) -> Bool {
        if v < 0x80 { return (v | 0x20) &- 0x61 < 26 || v &- 0x30 < 10 }
        if v < 0xC0 { return false }
        return ScalarProperties.has(v, ScalarProperties.alphabetic)
    }
}
