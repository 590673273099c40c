/// The words the date scanner knows, looked up by a hash of their lowercased ASCII letters.
///
/// Every word of the text is hashed as it is scanned (FNV-1a over the letters with the case bit
/// set), so finding out whether it matters costs one probe of a small open-addressed table: no
/// string is built for any word. The table is built once, when the type is first used.
struct DateLexicon: Sendable {
    /// What a known word is to the scanner.
    enum Kind: UInt8, Sendable {
        case none
        /// `january` … `december` and `may`; value 1–12.
        case month
        /// `jan`, `sept`, `dec`…: a month only with a day or a year after it; value 1–12.
        case monthAbbreviation
        /// `monday` … `sunday`; value 1 (Monday) to 7.
        case weekday
        /// `day`, `weeks`, `decade`…; value is a `Unit` raw value.
        case unit
        /// `yesterday`, `today`, `tonight`, `tomorrow`; value is the day offset.
        case relativeDay
        /// `noon` (12) and `midnight` (0).
        case clock
        /// `a`, `one` … `hundred`; value is the number.
        case number
        /// `last` (-1), `this` (0), `next` (1), `past` (-2), `coming` (2).
        case modifier
        /// `early`, `mid`, `late`, `earlier`, `later`: narrow a period without changing its value.
        case edge
        /// Words before a bare year or month such as `in` or `since`; value 1 when a year may follow
        /// them even with a lowercase word after it.
        case preposition
        /// Words that make a clause future: `will`, `shall`, `ll`, `scheduled`…
        case future
        /// Verbs of saying, which fix the time of the saying in the past.
        case reporting
        /// Words after which a bare number is a year: `was`, `election`, `budget`…
        case yearFollower
        case ago
        case the
        case night
        /// `once`, `twice`, `times`, `per`: `a week` after them is a rate, not a duration.
        case rate
        /// `gmt`, `utc`, `et`…: time zones after a clock time.
        case zone
        /// `for`, `within`, `took`, `nearly`…: words after which `a week` is a length of time; after
        /// any other word (`41,000 vehicles a day`) it is a rate.
        case durationLead
        /// `quarter` (value 4) and `half` (2): with an ordinal before it, a part of a year.
        case quarter

        /// Whether a word of this kind starts a rule on its own when the scan meets it; words of
        /// the other kinds matter only to rules started by a number or by one of these.
        var triggers: Bool {
            switch self {
            case .month, .monthAbbreviation, .weekday, .unit, .relativeDay, .night, .clock, .quarter: true
            default: false
            }
        }
    }

    /// Units of durations, in the order of their ISO 8601 designators.
    enum Unit: Int {
        case second = 1
        case minute, hour, day, week, month, year, decade, century
    }

    struct Entry: Sendable {
        var kind: Kind
        var value: Int
        var plural: Bool
    }

    private let keys: [UInt64]
    private let entries: [Entry]
    private let mask: Int
    /// The shapes of the words whose kind starts a rule (see `Kind.triggers`), so that the scan
    /// hashes only words of those shapes (`for`, `with` and `their` are not hashed).
    private let triggerShapes: WordShapes

    static let shared = DateLexicon()

    static let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let fnvPrime: UInt64 = 0x100_0000_01b3

    /// Folds one ASCII letter (already known to be one) into a running hash, ignoring case.
    @inline(__always) static func fold(_ hash: UInt64, _ letter: UInt32) -> UInt64 {
        (hash ^ UInt64(letter | 0x20)) &* fnvPrime
    }

    /// The hashes of the words that join two dates into a range, hashed once.
    enum Joins {
        static let and = hash("and")
        static let between = hash("between")
        static let from = hash("from")
        static let to = hash("to")
        static let until = hash("until")
        static let till = hash("till")
        static let through = hash("through")
    }

    static func hash(_ word: String) -> UInt64 {
        var h = fnvOffset
        for u in word.utf8 { h = fold(h, UInt32(u)) }
        return h
    }

    /// Whether a word of `length` ASCII letters starting with `first` and `second` (either case;
    /// no second for a word of one letter) may be one whose kind triggers a rule: false means it is
    /// not; the hash decides when true.
    @inline(__always) func mayTrigger(first: UInt32, second: UInt32?, length: Int) -> Bool {
        triggerShapes.mayHold(first: first, second: second, length: length)
    }

    /// The entry for a word hash, or an entry of kind `.none`.
    @inline(__always) func lookup(_ hash: UInt64) -> Entry {
        var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
        while true {
            let key = keys[slot]
            if key == hash { return entries[slot] }
            if key == 0 { return Entry(kind: .none, value: 0, plural: false) }
            slot = (slot + 1) & mask
        }
    }

    private init() {
        var words: [(String, Entry)] = []
        func add(_ list: [String], _ kind: Kind, _ value: Int = 0, plural: Bool = false) {
            for w in list { words.append((w, Entry(kind: kind, value: value, plural: plural))) }
        }
        let months = [
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        ]
        for (i, m) in months.enumerated() { add([m], .month, i + 1) }
        // The value is the parts of a year: `the third quarter`, `the first half`. (`half` also
        // leads a length of time: `half a day`.)
        add(["quarter"], .quarter, 4)
        add(["half"], .quarter, 2)
        let abbreviations: [(String, Int)] = [
            ("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("jun", 6), ("jul", 7), ("aug", 8), ("sep", 9), ("sept", 9), ("oct", 10),
            ("nov", 11), ("dec", 12),
        ]
        for (w, m) in abbreviations { add([w], .monthAbbreviation, m) }
        let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
        for (i, d) in weekdays.enumerated() { add([d], .weekday, i + 1) }
        let units: [(String, String, Unit)] = [
            ("second", "seconds", .second), ("minute", "minutes", .minute), ("hour", "hours", .hour), ("day", "days", .day),
            ("week", "weeks", .week), ("month", "months", .month), ("year", "years", .year), ("decade", "decades", .decade),
            ("century", "centuries", .century),
        ]
        for (one, many, unit) in units {
            add([one], .unit, unit.rawValue)
            add([many], .unit, unit.rawValue, plural: true)
        }
        add(["yesterday"], .relativeDay, -1)
        add(["today", "tonight"], .relativeDay, 0)
        add(["tomorrow"], .relativeDay, 1)
        add(["noon", "midday"], .clock, 12)
        add(["midnight"], .clock, 0)
        add(["a", "an", "one"], .number, 1)
        let numbers = [
            "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
            "sixteen", "seventeen", "eighteen", "nineteen",
        ]
        for (i, w) in numbers.enumerated() { add([w], .number, i + 2) }
        for (w, n) in [("twenty", 20), ("thirty", 30), ("forty", 40), ("fifty", 50), ("sixty", 60), ("ninety", 90), ("hundred", 100)] {
            add([w], .number, n)
        }
        add(["last"], .modifier, -1)
        add(["this"], .modifier, 0)
        add(["next"], .modifier, 1)
        add(["past"], .modifier, -2)
        add(["coming"], .modifier, 2)
        add(["early", "mid", "late", "earlier", "later"], .edge)
        add(["the"], .the)
        add(["in", "since", "until", "till", "by", "before", "after", "during", "circa", "fiscal", "from"], .preposition, 1)
        add(["of", "through", "between", "and", "or", "to", "on", "at", "around", "than", "for"], .preposition, 0)
        add(["will", "shall", "ll", "scheduled", "upcoming", "plans", "planned", "expected", "going"], .future)
        add(["said", "says", "told", "announced", "added", "wrote", "confirmed", "stated", "reported"], .reporting)
        add(
            [
                "was", "is", "were", "had", "has", "saw", "would", "election", "elections", "budget", "season", "census", "olympics",
                "summit", "war", "report", "survey", "levels", "figures", "agreement", "deal", "law", "act", "games", "vote", "race",
                "study", "edition", "crisis", "campaign", "when", "as", "that", "which", "but", "with", "while", "where",
            ], .yearFollower)
        add(["ago"], .ago)
        add(["night"], .night)
        add(["once", "twice", "times", "per", "every", "each"], .rate)
        add(
            [
                "for", "within", "over", "after", "about", "nearly", "almost", "than", "only", "just", "least", "around",
                "roughly", "under", "take", "takes", "took", "taken", "lasted", "lasts", "spent", "spend", "spends", "whole",
            ], .durationLead)
        add(["gmt", "utc", "et", "est", "edt", "ct", "cst", "cdt", "pt", "pst", "pdt", "bst", "cet", "cest"], .zone)

        var size = 1
        while size < words.count * 4 { size <<= 1 }
        var keys = [UInt64](repeating: 0, count: size)
        var entries = [Entry](repeating: Entry(kind: .none, value: 0, plural: false), count: size)
        var shapes = WordShapes()
        for (word, entry) in words {
            let h = Self.hash(word)
            var slot = Int(truncatingIfNeeded: h ^ (h >> 29)) & (size - 1)
            while keys[slot] != 0 && keys[slot] != h { slot = (slot + 1) & (size - 1) }
            // "the" is both an article and a year follower: the first listing wins.
            if keys[slot] == h { continue }
            keys[slot] = h
            entries[slot] = entry
            if entry.kind.triggers { shapes.insert(word) }
        }
        self.keys = keys
        triggerShapes = shapes
        self.entries = entries
        mask = size - 1
    }
}
