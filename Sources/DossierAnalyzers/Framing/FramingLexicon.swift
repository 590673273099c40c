import DossierCore
import Foundation

/// The framing analyzer's word and phrase lists as one table: the sequence hash of an entry's
/// words (`WordHash`) to the categories it belongs to.
///
/// The shipped lists are text files in `Resources/framing/`, read once per process the first time
/// an analyzer prepares or analyzes (`shared`), never when a pipeline is only linted or planned.
/// A line holds one entry, lower case, and optionally its inflected forms after commas
/// (`slam, slams, slammed, slamming`): every form matches, and findings report the first as their
/// cue. `#` starts a comment line. Pipeline options build a second, small lexicon the same way.
struct FramingLexicon: Sendable {
    /// Sequence hash of an entry's words → categories (`FramingCategory` raw values).
    private(set) var table = WordTable(hashes: [])
    /// The hashes of the first words of multi-word entries: only there is a longer match tried.
    private(set) var starters = HashSet64()
    /// The entry each form reports, by the form's sequence hash.
    private(set) var cues: [UInt64: String] = [:]
    /// The most words in an entry.
    private(set) var longest = 1
    /// Whether the lexicon has no entry.
    private(set) var isEmpty = true
    /// Resource files that could not be read.
    private(set) var missing: [String] = []

    /// The shipped files and the category of each.
    static let files: [(name: String, category: FramingCategory)] = [
        ("sensational", .sensational), ("loaded-verbs", .loadedVerb), ("loaded-labels", .loadedLabel),
        ("intensifiers", .intensifier), ("opinion", .opinion),
        ("second-person", .secondPerson), ("forward-reference", .forwardReference), ("superlatives", .superlative),
        ("hooks", .hook), ("listicle-nouns", .listicleNoun), ("function-words", .functionWord), ("not-framing", .ignored),
    ]

    /// Number words that can open a listicle.
    static let numberWords = HashSet64(
        [
            "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen",
            "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "hundred", "dozen",
        ].map(WordHash.word))
    /// Words that may stand before a listicle's number.
    static let listicleOpeners = HashSet64(["the", "these", "top", "here", "are", "here's", "all"].map(WordHash.word))

    /// The shipped lists, read on first use.
    static let shared = FramingLexicon(bundle: Bundle.module)

    /// An empty lexicon.
    init() {}

    /// Reads every shipped list from `bundle`.
    init(bundle: Bundle) {
        var lists: [(FramingCategory, [String])] = []
        var notFound: [String] = []
        for (name, category) in Self.files {
            guard let url = bundle.url(forResource: name, withExtension: "txt", subdirectory: "Resources/framing"),
                let text = try? String(contentsOf: url, encoding: .utf8)
            else {
                notFound.append(name)
                continue
            }
            let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            lists.append((category, lines.filter { !$0.isEmpty && !$0.hasPrefix("#") }))
        }
        // Hedges and boosters are the list `claims` reads too, in sections `[hedge]` and `[booster]`.
        if let shared = ResourceList.entries("hedges", folder: "lexicons", bundle: bundle) {
            var category = FramingCategory.hedge
            var hedges: [String] = []
            var boosters: [String] = []
            for entry in shared {
                switch entry {
                case "[hedge]": category = .hedge
                case "[booster]": category = .booster
                default: if category == .hedge { hedges.append(entry) } else { boosters.append(entry) }
                }
            }
            lists += [(.hedge, hedges), (.booster, boosters)]
        } else {
            notFound.append("hedges")
        }
        self.init(lists: lists)
        missing = notFound
    }

    /// Builds a lexicon from lines in the file format (an entry, then its forms after commas).
    init(lists: [(FramingCategory, [String])]) {
        var entries: [(UInt64, UInt16)] = []
        for (category, lines) in lists {
            for line in lines {
                let forms = line.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                guard let entry = forms.first else { continue }
                for form in forms {
                    let words = form.split(separator: " ")
                    guard let first = words.first else { continue }
                    let hash = Self.sequenceHash(words)
                    entries.append((hash, category.rawValue))
                    if cues[hash] == nil { cues[hash] = entry.lowercased() }
                    if words.count > 1 { starters.insert(WordHash.word(first)) }
                    longest = max(longest, words.count)
                }
            }
        }
        table = WordTable(hashes: entries)
        isEmpty = entries.isEmpty
    }

    /// The categories of the entry whose sequence hash is `hash`.
    @inline(__always) func categories(_ hash: UInt64) -> FramingCategory {
        FramingCategory(rawValue: table.value(hash))
    }

    /// The sequence hash of one word, from the word's hash.
    @inline(__always) static func single(_ word: UInt64) -> UInt64 { WordHash.combine(WordHash.sequenceSeed, word) }

    /// The sequence hash of an entry's words, as the scanner computes it from the words' hashes.
    static func sequenceHash(_ words: [Substring]) -> UInt64 {
        words.reduce(WordHash.sequenceSeed) { WordHash.combine($0, WordHash.word($1)) }
    }
}
