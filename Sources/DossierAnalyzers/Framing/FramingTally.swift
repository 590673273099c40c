import DossierCore

/// What a framing pass found and counted: findings, the publication's own words and its hedges,
/// boosters, opinion words and loaded words, and what the support check needs (the headline and
/// highlight sentences with their content words, and which of those words the body holds).
struct FramingTally: Sendable {
    /// A headline or highlight sentence, to be looked for in the body by its content words.
    struct SupportUnit: Sendable {
        var role: FramingRole
        /// Where it lies; nil for a headline read from metadata alone.
        var range: TextRange?
        /// Where its content words lie in `supportWords`.
        var words: Range<Int>
    }

    /// A content word of a headline or highlight: its stem hash and where it is written (scalars,
    /// in the document, or in `title` for the unit without a range). All units' words are kept in one array, 16 bytes
    /// each, rather than an array of strings per unit: a list of 120,000 highlights held 7.6 MB
    /// more for them (issue 6's memory budget).
    struct SupportWord: Sendable {
        var stem: UInt64
        var start: UInt32
        var length: UInt32
    }

    /// The fewest body words that can support or fail to support a headline: a stub is no evidence either way.
    static let minimumBodyWords = 40

    var findings: [Finding] = []
    /// Words of the publication's own text (outside quotation marks, quoted blocks and skipped blocks).
    var writerWords = 0
    var hedges = 0
    var boosters = 0
    var opinion = 0
    /// Reported lexicon hits in the publication's own text.
    var loaded = 0
    /// The stems of every headline and highlight content word.
    var wanted = HashSet64()
    /// Those of them the body holds.
    var foundStems = HashSet64()
    /// How many words the body has.
    var bodyWords = 0
    var supportUnits: [SupportUnit] = []
    var supportWords: [SupportWord] = []
    /// The headline's text when it was read from metadata alone: the words of the unit without a
    /// range lie in it, not in the document.
    var title: ScalarBuffer?

    /// A finding for every headline or highlight sentence of three or more content words of
    /// which the body holds less than `minimumSupport`; `text` is the document's.
    func unsupported(minimumSupport: Double, text: ScalarBuffer) -> [Finding] {
        guard bodyWords >= Self.minimumBodyWords else { return [] }
        var findings: [Finding] = []
        for unit in supportUnits where unit.words.count >= 3 {
            let missing = supportWords[unit.words].filter { !foundStems.contains($0.stem) }
            let found = unit.words.count - missing.count
            guard Double(found) < minimumSupport * Double(unit.words.count) else { continue }
            let what = unit.role == .headline ? "headline" : "highlight"
            let source = unit.range == nil ? (title ?? text) : text
            let list = missing.prefix(8).map { word in
                let start = Int(word.start)
                return "'\(source.string(in: start..<(start + Int(word.length))))'"
            }.joined(separator: ", ")
            findings.append(
                Finding(
                    kind: "framing.unsupported-\(what)",
                    message:
                        "the body holds only \(found) of this \(what)'s \(unit.words.count) content words; not found: \(list)\(missing.count > 8 ? ", …" : "")",
                    severity: .warning, range: unit.range))
        }
        return findings
    }
}
