/// The word lists the segmenter consults when a period follows a word.
///
/// Abbreviations come in three behaviours. *Titles* (`Mr.`, `Gen.`) always precede a name, so a
/// period after them never ends a sentence. *Ordinary* abbreviations (`Inc.`, `etc.`, `U.S.`) may
/// end a sentence; they do so when the next word is one that commonly opens sentences (`The`,
/// `It`, `However`), since a proper noun after them (`U.S. Government`) more often continues it.
/// Words that are also everyday English (`no`, `fig`, `sat`) are left out: after them a period
/// followed by a number still does not split, because numbers never start a sentence here.
struct AbbreviationTable: Sendable {
    let titles: Set<String>
    let ordinary: Set<String>
    let starters: Set<String>
    /// Words that go on a clause after `a.m.` or `p.m.`: a weekday or a time zone (`at 10 a.m.
    /// Sunday`, `at 6 p.m. ET`, AP style), not a new sentence.
    static let timeFollowers: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "et", "est", "edt", "ct", "cst", "cdt",
        "mt", "mst", "mdt", "pt", "pst", "pdt", "gmt", "bst", "utc", "cet", "cest", "aest", "ist",
    ]

    init(extra: [String] = []) {
        titles = Self.defaultTitles
        var ordinary = Self.defaultOrdinary
        for word in extra {
            var key = word.lowercased()
            while key.hasSuffix(".") { key.removeLast() }
            if !key.isEmpty { ordinary.insert(key) }
        }
        self.ordinary = ordinary
        starters = Self.defaultStarters
        var ascii = true
        func keys(_ words: Set<String>) -> Set<Key> {
            var keys: Set<Key> = []
            for word in words {
                guard word.unicodeScalars.allSatisfy(\.isASCII) else {
                    ascii = false
                    continue
                }
                if let key = Key(Array(word.unicodeScalars), 0..<word.unicodeScalars.count) { keys.insert(key) }
            }
            return keys
        }
        titleKeys = keys(titles)
        ordinaryKeys = keys(ordinary)
        isASCII = ascii
    }

    /// `titles` and `ordinary` as keys, so that the word before a period is looked up without
    /// building a string; valid when `isASCII`.
    let titleKeys: Set<Key>
    let ordinaryKeys: Set<Key>
    /// Whether every title and ordinary abbreviation is ASCII. A word of other scripts compares
    /// as a string (canonical equivalence), which a key of its scalars would not match.
    let isASCII: Bool

    /// A word of at most 16 ASCII scalars, lowercased, packed into two integers.
    struct Key: Hashable, Sendable {
        var low: UInt64
        var high: UInt64
        var count: Int

        static let am = Key(Array("a.m".unicodeScalars), 0..<3)!
        static let pm = Key(Array("p.m".unicodeScalars), 0..<3)!
        static let st = Key(Array("st".unicodeScalars), 0..<2)!

        /// The key of `scalars[range]` lowercased, or nil when it is longer than 16 or not ASCII.
        @inline(__always)
        init?<C: RandomAccessCollection<Unicode.Scalar>>(_ scalars: C, _ range: Range<Int>) where C.Index == Int {
            guard range.count <= 16 else { return nil }
            var low: UInt64 = 0
            var high: UInt64 = 0
            var n = 0
            for k in range {
                var v = scalars[k].value
                guard v < 0x80 else { return nil }
                if v &- 0x41 < 26 { v |= 0x20 }
                if n < 8 { low |= UInt64(v) << UInt64(8 * n) } else { high |= UInt64(v) << UInt64(8 * (n - 8)) }
                n += 1
            }
            self.low = low
            self.high = high
            count = n
        }
    }

    static let defaultTitles: Set<String> = [
        "mr", "mrs", "ms", "mx", "messrs", "mmes", "dr", "drs", "prof", "profs", "st", "ste", "mt", "ft",
        "gen", "lt", "col", "maj", "capt", "cpt", "cmdr", "comdr", "adm", "sgt", "cpl", "pvt", "brig", "cmdt",
        "sen", "sens", "rep", "reps", "gov", "govs", "pres", "supt", "insp", "det", "atty", "amb",
        "rev", "revd", "hon", "fr", "msgr", "sr", "sra", "srta", "mme", "mlle", "pte",
    ]

    static let defaultOrdinary: Set<String> = [
        // companies and people
        "inc", "ltd", "co", "corp", "llc", "llp", "plc", "bros", "assn", "assoc", "jr", "esq", "et al", "al",
        // Latin and editorial
        "etc", "vs", "v", "viz", "cf", "ca", "approx", "incl", "excl", "misc", "ibid", "op", "cit", "resp",
        "e.g", "i.e", "a.k.a", "n.b", "p.s", "ph.d", "m.d", "b.a", "m.a", "b.sc", "m.sc",
        // reference and numbering
        "nos", "p", "pp", "vol", "vols", "ch", "chap", "sec", "para", "pt", "pts", "ed", "eds", "tel", "ext",
        "dept", "div", "dist", "bldg", "univ", "govt", "intl", "natl", "mfg", "mgr", "mgmt", "est", "pct",
        // places
        "ave", "blvd", "rd", "ln", "hwy", "sq", "apt", "pl", "ct", "mts", "pk",
        "u.s", "u.k", "u.n", "e.u", "u.s.a",
        // months and days
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "mon", "tue", "tues", "thu", "thur", "thurs", "fri",
        // units
        "min", "mins", "hrs", "secs", "km", "kg", "mg", "lb", "lbs", "oz", "mi", "mph", "yd", "yds", "qt", "gal",
    ]

    /// Closed-class and connective words that commonly open an English sentence.
    static let defaultStarters: Set<String> = [
        "a", "an", "the", "i", "it", "its", "he", "she", "they", "we", "you", "this", "that", "these", "those",
        "there", "here", "his", "her", "their", "our", "my", "your", "but", "and", "so", "yet", "or", "nor",
        "however", "meanwhile", "still", "then", "now", "also", "later", "instead", "thus", "therefore",
        "moreover", "nevertheless", "indeed", "although", "though", "while", "when", "where", "what", "who",
        "why", "how", "which", "after", "before", "since", "because", "if", "as", "in", "on", "at", "for",
        "from", "with", "by", "during", "despite", "under", "over", "last", "next", "today", "yesterday",
        "tomorrow", "earlier", "once", "not", "even", "only", "just", "other", "another", "some", "many", "most",
        "all", "each", "every", "several", "both", "such", "no", "is", "are", "was", "were", "did", "do",
        "does", "can", "could", "will", "would", "should", "has", "have", "had", "let", "being", "more",
        "please", "one", "two", "three", "first", "second", "finally", "overall", "according",
    ]
}
