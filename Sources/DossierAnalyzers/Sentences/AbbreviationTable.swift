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
