import DossierCore
import Foundation

/// The word lists the entity analyzer ships, as hash sets: places, nationalities, groups,
/// organisations, titles, given names, the head words of organisation and place names, and the
/// words that are never a name.
///
/// They are read from the package's resource files once per process, the first time an analyzer
/// prepares or analyzes (`shared`), never when a pipeline is only linted or planned. Multi-word
/// entries are stored as sequence hashes of their words (`WordHash.combine`).
struct Gazetteer: Sendable {
    var places: HashSet64 = []
    var demonyms: HashSet64 = []
    var groups: HashSet64 = []
    var organizations: HashSet64 = []
    /// The organisations whose name ends in a possessive ("Moody's", "McDonald's", "Lloyd's"), by
    /// the hash of the name without it: the recognizer keeps the possessive in such a name, where
    /// after any other name it marks an affiliation ("Putin's adviser").
    var possessiveOrganizations: HashSet64 = []
    /// Organisations known by an acronym (`WHO`, `NATO`): they match only a word written in capitals,
    /// so the question word `Who` is not the World Health Organization.
    var acronyms: HashSet64 = []
    var titles: HashSet64 = []
    var titleModifiers: HashSet64 = []
    var honorifics: HashSet64 = []
    /// Abbreviated titles of office (`gov`, `sen`, `lt`) by hash, each with the hash of the title
    /// word it stands for (`governor`), which later mentions (`the governor`) are linked by.
    var officeAbbreviations: [UInt64: UInt64] = [:]
    var organizationHeads: HashSet64 = []
    /// Head words that open an organisation's name: `Banco Santander`, `Universidad de Chile`.
    var organizationOpeners: HashSet64 = []
    var placeHeads: HashSet64 = []
    var miscHeads: HashSet64 = []
    var notNames: HashSet64 = []
    var commonWords: HashSet64 = []
    /// Ordinary English words (`scripts/entities-words.py`): a capitalised run of them is no person's name.
    var englishWords: HashSet64 = []
    var maleNames: HashSet64 = []
    var femaleNames: HashSet64 = []
    /// Every word of every title and title modifier: a word outside it cannot start a title.
    var titleWords: HashSet64 = []
    /// Every single-word list above, and the one-word entries of the phrase lists, in one table.
    var classes = WordClasses()
    /// The longest entry, in words, of the multi-word lists.
    var longestEntry = 1
    /// Resource files that could not be read.
    var missing: [String] = []

    /// The shipped lists, read on first use.
    static let shared: Gazetteer = Gazetteer(bundle: Bundle.module)

    /// An empty gazetteer, for the option overrides.
    init() {}

    /// Reads every list from `bundle`.
    init(bundle: Bundle) {
        func read(_ name: String) -> [String] {
            guard let entries = ResourceList.entries(name, folder: "entities", bundle: bundle) else {
                missing.append(name)
                return []
            }
            return entries
        }
        // Lists of single words may hold several words a line.
        func words(_ name: String) -> HashSet64 {
            HashSet64(read(name).flatMap { $0.split(separator: " ") }.map { WordHash.word($0) })
        }
        func phrases(_ name: String) -> HashSet64 {
            var set = HashSet64()
            for entry in read(name) { set.insert(add(entry)) }
            return set
        }
        places = phrases("places")
        demonyms = phrases("demonyms")
        groups = phrases("groups")
        for entry in read("organizations") {
            let isAcronym =
                !entry.contains(" ") && entry.count >= 2
                && entry.unicodeScalars.allSatisfy { !$0.properties.isLowercase }
                && entry.unicodeScalars.contains { $0.properties.isUppercase }
            // A name that ends in its possessive is known only with it: "Denny's" makes no
            // organisation of "Denny Hamlin".
            if Self.endsInPossessive(entry) {
                possessiveOrganizations.insert(add(entry))
            } else if isAcronym {
                acronyms.insert(add(entry))
            } else {
                organizations.insert(add(entry))
            }
        }
        titles = phrases("titles")
        titleModifiers = words("title-modifiers")
        titleWords = words("titles")
        titleWords.formUnion(titleModifiers)
        honorifics = words("honorifics")
        for entry in read("office-abbreviations") {
            let pair = entry.split(separator: " ")
            guard pair.count == 2 else { continue }
            let abbreviation = WordHash.word(pair[0])
            officeAbbreviations[abbreviation] = WordHash.word(pair[1])
            honorifics.insert(abbreviation)
        }
        organizationHeads = words("org-heads")
        organizationOpeners = words("org-openers")
        placeHeads = words("place-heads")
        miscHeads = words("misc-heads")
        notNames = words("not-names")
        commonWords = words("common-words")
        englishWords = words("english-words")
        maleNames = words("given-names-male")
        femaleNames = words("given-names-female")
        classes = WordClasses(
            words: [
                (maleNames, .maleName), (femaleNames, .femaleName), (commonWords, .commonWord), (englishWords, .englishWord),
                (titleWords, .titleWord), (titleModifiers, .titleModifier), (honorifics, .honorific),
                (organizationHeads, .organizationHead), (organizationOpeners, .organizationOpener), (placeHeads, .placeHead),
                (miscHeads, .miscHead), (notNames, .notName),
            ],
            phrases: [
                (places, .place), (organizations, .organization), (demonyms, .demonym), (groups, .group), (acronyms, .acronym),
                (titles, .title),
            ],
            wholePhrases: [
                (places, .placePhrase), (organizations, .organizationPhrase), (demonyms, .demonymPhrase), (groups, .groupPhrase),
                (acronyms, .acronymPhrase),
            ])
    }

    /// The sequence hash of `entry`, tokenised as the scanner tokenises text; remembers its length.
    mutating func add(_ entry: String) -> UInt64 {
        let (hash, count) = Self.sequenceHash(entry)
        longestEntry = max(longestEntry, count)
        return hash
    }

    /// Whether `entry`'s last token is a possessive, as the scanner tokenises it.
    static func endsInPossessive(_ entry: String) -> Bool {
        var tokens: [EntityToken] = []
        let scalars = ScalarBuffer(entry)
        EntityTokenizer.tokenize(scalars, range: 0..<scalars.count, into: &tokens)
        return tokens.last?.has(.possessive) ?? false
    }

    /// The sequence hash of a phrase and its number of tokens.
    static func sequenceHash(_ phrase: String) -> (UInt64, Int) {
        var tokens: [EntityToken] = []
        let scalars = ScalarBuffer(phrase)
        EntityTokenizer.tokenize(scalars, range: 0..<scalars.count, into: &tokens)
        var hash = WordHash.sequenceSeed
        var count = 0
        for token in tokens where !token.has(.possessive) {
            hash = WordHash.combine(hash, token.hash)
            count += 1
        }
        return (hash, count)
    }
}
