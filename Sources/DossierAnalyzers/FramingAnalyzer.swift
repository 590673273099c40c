public import DossierCore

/// The `framing` analyzer: how the article is told, apart from what it says.
///
/// It finds sensational and loaded language (hype words, loaded verbs and labels, intensifiers),
/// words in capitals and exclamation marks in the publication's own words; the headline's
/// clickbait patterns (second person, forward references, listicles, questions, superlatives,
/// emotional hooks) and its clickbait score from a small fitted model; the density of hedges,
/// boosters and opinion words; and headline or highlight sentences whose content words are mostly
/// absent from the body. The word lists are data files under `Resources/framing/`, extended and
/// overridden by the options. See `Docs/Framing.md`.
///
/// Findings go to the `findings` layer, each with its range and its `cue` (the lexicon entry or
/// rule that matched); the score and the densities go to the `metrics` layer as
/// `framing.clickbait` (0 to 1), `framing.hedges`, `framing.boosters`, `framing.opinion` and
/// `framing.loaded` (per 1,000 of the publication's own words). A headline that scores at or above
/// `clickbaitThreshold` also gets a `framing.clickbait` finding.
public struct FramingAnalyzer: Analyzer {
    /// The options of the `framing` analyzer: entries to add to the shipped lexicons or to
    /// exclude, and thresholds.
    public struct Options: ComponentOptions, Hashable {
        /// More sensational words or phrases, such as `earth-shaking`.
        public var extraSensational: [String] = []
        /// More loaded verbs, with their forms after commas, such as `pillory, pilloried`.
        public var extraLoadedVerbs: [String] = []
        /// More loaded labels, such as `junta`.
        public var extraLoadedLabels: [String] = []
        /// More intensifiers.
        public var extraIntensifiers: [String] = []
        /// More hedges, counted in `framing.hedges`.
        public var extraHedges: [String] = []
        /// More boosters, counted in `framing.boosters`.
        public var extraBoosters: [String] = []
        /// More opinion words, counted in `framing.opinion`.
        public var extraOpinion: [String] = []
        /// Words or phrases never reported, even when a list holds them or a word of them (`bold move`).
        public var notFraming: [String] = []
        /// The clickbait score at or above which the headline gets a `framing.clickbait` finding.
        public var clickbaitThreshold: Double = ClickbaitModel.defaultThreshold
        /// The least share of a headline or highlight sentence's content words the body must
        /// hold; below it the sentence is reported as unsupported.
        public var minimumSupport: Double = 0.5
        /// Whether loaded words inside quotation marks, block quotes and embedded posts are
        /// reported too (at severity info): they are someone else's words.
        public var quoted = true

        /// Creates the default options.
        public init() {}

        public static var help: [String: String] {
            [
                "extraSensational": "more sensational words or phrases (forms after commas: 'earth-shaking'); they add to the shipped list",
                "extraLoadedVerbs": "more loaded verbs, an entry with its forms after commas, such as 'pillory, pillories, pilloried'",
                "extraLoadedLabels": "more loaded labels, such as 'junta'",
                "extraIntensifiers": "more intensifiers, such as 'mega'",
                "extraHedges": "more hedges, counted in framing.hedges, such as 'it is feared'",
                "extraBoosters": "more boosters, counted in framing.boosters, such as 'beyond question'",
                "extraOpinion": "more opinion words, counted in framing.opinion, such as 'shambolic'",
                "notFraming": "words or phrases never reported, even when listed or containing a listed word, such as 'bold move'",
                "clickbaitThreshold":
                    "the headline clickbait score (0 to 1) at or above which a framing.clickbait finding is added (default 0.5)",
                "minimumSupport":
                    "the least share (0 to 1, default 0.5) of a headline or highlight sentence's content words the body must hold",
                "quoted": "also report loaded words in quotations, block quotes and embedded posts, at severity info (default true)",
            ]
        }

        /// The option lists with their keys and categories.
        var lists: [(key: String, category: FramingCategory, entries: [String])] {
            [
                ("extraSensational", .sensational, extraSensational), ("extraLoadedVerbs", .loadedVerb, extraLoadedVerbs),
                ("extraLoadedLabels", .loadedLabel, extraLoadedLabels), ("extraIntensifiers", .intensifier, extraIntensifiers),
                ("extraHedges", .hedge, extraHedges), ("extraBoosters", .booster, extraBoosters), ("extraOpinion", .opinion, extraOpinion),
                ("notFraming", .ignored, notFraming),
            ]
        }
    }

    public static let id = "framing"
    public static let summary =
        "finds sensational and loaded language, headline clickbait (with a score), hedging and opinion density, and headlines the body does not support"
    public static let requires: Set<LayerID> = [.sentences]
    public static let provides: Set<LayerID> = [.findings, .metrics]

    private let options: Options
    private let extra: FramingLexicon

    /// Creates the analyzer with the default options.
    public init() {
        options = Options()
        extra = FramingLexicon()
    }

    /// The most words an option entry may have.
    static let longestEntry = 6

    /// Throws when an option entry is empty, is not words of letters and digits, is too long, or
    /// is both added and excluded, or a threshold is outside 0 to 1; builds nothing and reads no list.
    public static func validate(_ options: Options) throws {
        var added: [String: String] = [:]
        var excluded: Set<String> = []
        for (key, _, entries) in options.lists {
            for (i, entry) in entries.enumerated() {
                let option = "\(key)[\(i)]"
                let forms = entry.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingCharacters(in: " ") }
                for form in forms {
                    if form.isEmpty {
                        throw ComponentError(
                            code: "E600", "entry '\(entry)' is empty or has an empty form; give a word or phrase such as 'stunning'",
                            option: option)
                    }
                    if !Self.isWords(form) {
                        throw ComponentError(
                            code: "E601",
                            "entry '\(entry)' must be words of letters and digits (an apostrophe or hyphen only inside a word), such as 'jaw-dropping'",
                            option: option)
                    }
                    if form.split(separator: " ").count > longestEntry {
                        throw ComponentError(
                            code: "E602", "entry '\(entry)' has more than \(longestEntry) words; list a shorter phrase", option: option)
                    }
                    let folded = form.lowercased().split(separator: " ").joined(separator: " ")
                    if key == "notFraming" {
                        if let other = added[folded] {
                            throw ComponentError(
                                code: "E603", "'\(form)' is both in '\(other)' and in 'notFraming'; keep it in one of them", option: option)
                        }
                        excluded.insert(folded)
                    } else {
                        if excluded.contains(folded) {
                            throw ComponentError(
                                code: "E603", "'\(form)' is both in '\(key)' and in 'notFraming'; keep it in one of them", option: option)
                        }
                        added[folded] = key
                    }
                }
            }
        }
        if !(0...1).contains(options.clickbaitThreshold) {
            throw ComponentError(
                code: "E604", "'clickbaitThreshold' must be between 0 and 1, not '\(options.clickbaitThreshold)'; 0.5 is the default",
                option: "clickbaitThreshold")
        }
        if !(0...1).contains(options.minimumSupport) {
            throw ComponentError(
                code: "E605", "'minimumSupport' must be between 0 and 1, not '\(options.minimumSupport)'; 0.5 is the default",
                option: "minimumSupport")
        }
    }

    /// Whether `form` tokenizes as whole words the way the scanner reads text: letters and
    /// digits, single spaces between words, apostrophes and hyphens only between two of them.
    private static func isWords(_ form: String) -> Bool {
        let scalars = Array(form.unicodeScalars)
        for (i, s) in scalars.enumerated() {
            if FramingTokenizer.isWordScalar(s.value) { continue }
            let inside =
                i > 0 && i + 1 < scalars.count && FramingTokenizer.isWordScalar(scalars[i - 1].value)
                && FramingTokenizer.isWordScalar(scalars[i + 1].value)
            if s == " " && inside { continue }
            if s == " " && i > 0 && i + 1 < scalars.count && scalars[i - 1] != " " && scalars[i + 1] != " " { continue }
            if (s == "'" || s == "\u{2019}" || s == "-") && inside { continue }
            return false
        }
        return true
    }

    /// Creates the analyzer; throws what `validate` throws. The shipped lists are read on first use.
    public init(options: Options) throws {
        try Self.validate(options)
        self.options = options
        extra = FramingLexicon(lists: options.lists.map { ($0.category, $0.entries) })
    }

    /// Reads the shipped lexicons and model (once per process); fails when one is missing from the package.
    public func prepare(_ context: AnalysisContext) async throws {
        var missing = FramingLexicon.shared.missing.map { "'\($0).txt'" }
        if ClickbaitModel.shipped.isEmpty { missing.append("'clickbait-model.txt'") }
        if !missing.isEmpty {
            throw ComponentError(
                code: "E606",
                "the framing resources \(missing.joined(separator: ", ")) are missing from the package resources; reinstall dossier")
        }
    }

    public func analyze(_ document: Document, context: AnalysisContext) throws -> Annotations {
        var annotations = Annotations()
        // The lexicons are English; a document that says it is in another language is left alone.
        if let language = document.metadata.language?.lowercased(), !language.isEmpty, !language.hasPrefix("en") {
            return annotations
        }
        let vocabulary = FramingVocabulary(shipped: FramingLexicon.shared, extra: extra)
        // The document's own array when every block is inside the text and not empty, as readers
        // give them (no copy of a block a line on a list article).
        var blocks = document.blocks
        if blocks.contains(where: { $0.range.isEmpty || $0.range.end > document.length }) {
            blocks = blocks.filter { !$0.range.isEmpty && $0.range.end <= document.length }
        }
        if blocks.isEmpty && document.length > 0 { blocks = [Block(kind: .paragraph, range: TextRange(start: 0, end: document.length))] }
        let roles = FramingRole.roles(of: blocks)
        let title = document.metadata.title?.trimmingCharacters(in: " ") ?? ""
        let titleOnlyInMetadata = !roles.contains(.headline) && !title.isEmpty
        // Only headline and highlight blocks are split into sentences.
        let sentences = SentenceRangesByStart(document)

        var result = FramingTally()
        var headline: (text: String, range: TextRange?)?
        if let index = roles.firstIndex(of: .headline) {
            headline = (document.text(in: blocks[index].range), blocks[index].range)
        } else if titleOnlyInMetadata {
            // A headline the reader kept out of the text: scanned on its own, its findings without ranges.
            headline = (title, nil)
            let buffer = ScalarBuffer(title)
            func runTitle<U: FixedWidthInteger & UnsignedInteger>(_: U.Type) {
                buffer.withUnits(as: U.self) { units in
                    var scanner = FramingScanner<U>(
                        units: units, buffer: buffer, vocabulary: vocabulary, reportQuoted: options.quoted, ranged: false)
                    scanner.collectSupport(0..<buffer.count, role: .headline)
                    scanner.scan(0..<buffer.count, role: .headline)
                    result = scanner.tally
                }
            }
            switch buffer.width {
            case 1: runTitle(UInt8.self)
            case 2: runTitle(UInt16.self)
            default: runTitle(UInt32.self)
            }
        }
        func run<U: FixedWidthInteger & UnsignedInteger>(_: U.Type) {
            document.scalars.withUnits(as: U.self) { units in
                var scanner = FramingScanner<U>(
                    units: units, buffer: document.scalars, vocabulary: vocabulary, reportQuoted: options.quoted, tally: result)
                // Headline and highlight words first, so each body word is only looked up among them.
                for (block, role) in zip(blocks, roles) where role == .headline || role == .highlight {
                    scanner.collectSupport(block.range.offsets, role: role, sentences: Self.sentences(in: block.range.offsets, sentences))
                }
                for (block, role) in zip(blocks, roles) { scanner.scan(block.range.offsets, role: role) }
                result = scanner.tally
            }
        }
        switch document.scalars.width {
        case 1: run(UInt8.self)
        case 2: run(UInt16.self)
        default: run(UInt32.self)
        }

        var findings = result.findings
        var metrics: [Metric] = []
        if let headline {
            let score = ClickbaitModel.shipped.score(headline.text)
            metrics.append(Metric(name: "framing.clickbait", value: (score * 1000).rounded() / 1000))
            if score >= options.clickbaitThreshold {
                findings.append(
                    Finding(
                        kind: "framing.clickbait",
                        message:
                            "the headline reads as clickbait (score \(Self.format(score)), threshold \(Self.format(options.clickbaitThreshold)))",
                        severity: .warning, range: headline.range, cue: "clickbait model"))
            }
        }
        findings += result.unsupported(minimumSupport: options.minimumSupport, text: document.scalars)
        if result.writerWords > 0 {
            let perThousand = 1000 / Double(result.writerWords)
            for (name, count) in [
                ("framing.hedges", result.hedges), ("framing.boosters", result.boosters), ("framing.opinion", result.opinion),
                ("framing.loaded", result.loaded),
            ] {
                metrics.append(Metric(name: name, value: (Double(count) * perThousand * 10).rounded() / 10, unit: "per 1000 words"))
            }
        }
        findings.sort { ($0.range?.start ?? -1, $0.range?.end ?? -1) < ($1.range?.start ?? -1, $1.range?.end ?? -1) }
        annotations.findings = findings
        annotations.metrics = metrics
        return annotations
    }

    /// The parts of `block` that sentences cover, clipped to it.
    private static func sentences(in block: Range<Int>, _ sentences: SentenceRangesByStart) -> [Range<Int>] {
        // The first sentence ending after the block starts, by binary search.
        var low = 0
        var high = sentences.count
        while low < high {
            let mid = (low + high) / 2
            if sentences[mid].upperBound <= block.lowerBound { low = mid + 1 } else { high = mid }
        }
        var parts: [Range<Int>] = []
        var i = low
        while i < sentences.count && sentences[i].lowerBound < block.upperBound {
            let part = max(sentences[i].lowerBound, block.lowerBound)..<min(sentences[i].upperBound, block.upperBound)
            if !part.isEmpty { parts.append(part) }
            i += 1
        }
        return parts
    }

    private static func format(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }
}

extension String {
    /// The string without leading and trailing occurrences of `character`.
    fileprivate func trimmingCharacters(in character: Character) -> String {
        var slice = self[...]
        while slice.first == character { slice.removeFirst() }
        while slice.last == character { slice.removeLast() }
        return String(slice)
    }
}
