/// Every single-word list of the entity recognizer in one table: a word's hash to the lists that
/// hold it, so that the dozen rules asking about one capitalised word read one slot, not a slot
/// in each of a dozen tables (most of them out of the caches by the time a name comes to them).
///
/// Lists of phrases (places, organisations, titles, the names in the options) are keyed by
/// sequence hashes; a one-word phrase's key is `WordHash.combine(sequenceSeed, word)`, a bijection
/// of the word's hash, so its entries are inverted to the word hashes they stand for and a
/// one-word question about them is answered here too, exactly as the phrase table answers it.
/// The names given in a pipeline's options stay in their own (small) tables.
struct WordClasses: Sendable {
    /// The lists a word is in.
    struct Classes: OptionSet, Sendable {
        let rawValue: UInt64
        // Lists of words.
        static let maleName = Classes(rawValue: 1 << 0)
        static let femaleName = Classes(rawValue: 1 << 1)
        static let commonWord = Classes(rawValue: 1 << 2)
        static let englishWord = Classes(rawValue: 1 << 3)
        static let titleWord = Classes(rawValue: 1 << 4)
        static let titleModifier = Classes(rawValue: 1 << 5)
        static let honorific = Classes(rawValue: 1 << 6)
        static let organizationHead = Classes(rawValue: 1 << 7)
        static let organizationOpener = Classes(rawValue: 1 << 8)
        static let placeHead = Classes(rawValue: 1 << 9)
        static let miscHead = Classes(rawValue: 1 << 10)
        static let notName = Classes(rawValue: 1 << 11)
        // Lists of phrases, as one-word phrases.
        static let place = Classes(rawValue: 1 << 20)
        static let organization = Classes(rawValue: 1 << 21)
        static let demonym = Classes(rawValue: 1 << 22)
        static let group = Classes(rawValue: 1 << 23)
        static let acronym = Classes(rawValue: 1 << 24)
        static let title = Classes(rawValue: 1 << 25)
        // Lists of phrases, by the sequence hash of a whole phrase.
        static let placePhrase = Classes(rawValue: 1 << 32)
        static let organizationPhrase = Classes(rawValue: 1 << 33)
        static let demonymPhrase = Classes(rawValue: 1 << 34)
        static let groupPhrase = Classes(rawValue: 1 << 35)
        static let acronymPhrase = Classes(rawValue: 1 << 36)
    }

    /// Key and classes, a slot in two words, so that a lookup reads one cache line; a slot whose
    /// classes are empty is free (every word in the table is in some list, and any key, 0 too, is
    /// a key).
    private var slots: [UInt64]
    private var mask: Int

    /// An empty table.
    init() {
        slots = [UInt64](repeating: 0, count: 32)
        mask = 15
    }

    /// The table of the lists in `words` (sets of word hashes), `phrases` (sets of sequence hashes,
    /// asked about one word) and `wholePhrases` (sets of sequence hashes, asked about a sequence:
    /// their classes are found under the sequence hash itself; the two kinds of key share the
    /// table, and a key of one kind that happens to be one of the other only gathers classes
    /// no question of the other kind tests).
    init(words: [(HashSet64, Classes)], phrases: [(HashSet64, Classes)], wholePhrases: [(HashSet64, Classes)] = []) {
        var entries: [UInt64: UInt64] = [:]
        // HashSet64 stores 0 as 1, so a stored 1 answers for 0 and 1 alike.
        func add(_ key: UInt64, _ classes: Classes) { entries[key, default: 0] |= classes.rawValue }
        for (set, classes) in words {
            for k in set.elements {
                add(k, classes)
                if k == 1 { add(0, classes) }
            }
        }
        for (set, classes) in phrases {
            for k in set.elements {
                add(Self.word(ofSingle: k), classes)
                if k == 1 { add(Self.word(ofSingle: 0), classes) }
            }
        }
        for (set, classes) in wholePhrases {
            for k in set.elements {
                add(k, classes)
                if k == 1 { add(0, classes) }
            }
        }
        // Filled up to 70%, to keep the table small in the cache (256 KB for the shipped lists; a
        // probe past the first slot is mostly in the same cache line).
        var size = 16
        while size * 7 < entries.count * 10 { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size * 2)
        mask = size - 1
        for (key, classes) in entries {
            var i = Self.slot(key, mask)
            while slots[2 * i + 1] != 0 { i = (i + 1) & mask }
            slots[2 * i] = key
            slots[2 * i + 1] = classes
        }
    }

    @inline(__always) private static func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
    }

    /// The lists that hold the word whose hash is `hash`.
    @inline(__always) func classes(_ hash: UInt64) -> Classes {
        slots.withUnsafeBufferPointer { s in
            var i = Self.slot(hash, mask)
            while true {
                let classes = s[2 * i + 1]
                if classes == 0 { return [] }
                if s[2 * i] == hash { return Classes(rawValue: classes) }
                i = (i + 1) & mask
            }
        }
    }

    /// The word hash `w` for which `WordHash.combine(WordHash.sequenceSeed, w) == sequence`.
    static func word(ofSingle sequence: UInt64) -> UInt64 {
        // combine(s, w) = (s ^ w) &* m &+ c, with m odd and so invertible modulo 2^64.
        ((sequence &- 0x632B_E59B_D9B4_E019) &* multiplierInverse) ^ WordHash.sequenceSeed
    }

    /// The inverse of `0x9E37_79B9_7F4A_7C15` modulo 2^64 (Newton's iteration doubles the
    /// correct bits each step: 3, 6, 12, 24, 48, 96).
    private static let multiplierInverse: UInt64 = {
        let m: UInt64 = 0x9E37_79B9_7F4A_7C15
        var x = m
        for _ in 0..<5 { x = x &* (2 &- m &* x) }
        return x
    }()
}
