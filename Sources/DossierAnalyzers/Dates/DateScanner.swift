import DossierCore

/// One pass of the date rules over the scalars of a document.
///
/// The loop looks at two things only: a digit that starts a number, and an ASCII word. A word
/// triggers a rule only when the lexicon knows it as a month, a weekday, a unit, a relative day or
/// a clock word; a word whose first letter and length no such word has (most of the text) is
/// stepped over without hashing, the others cost a hash and one table probe. Rules look a few words either way from the trigger.
struct DateScanner<Unit: FixedWidthInteger & UnsignedInteger> {
    typealias Found = FoundDate

    /// A word of ASCII letters: where it lies, its case-folded hash and whether it is capitalised.
    struct Word {
        var start: Int
        var end: Int
        var entry: DateLexicon.Entry
        var capitalised: Bool
    }

    private let s: ScalarUnits<Unit>
    private let n: Int
    private let lexicon: DateLexicon
    private let settings: DateSettings
    private(set) var found: [Found] = []
    private var lastEnd = 0
    /// The reasons given for unresolved relative mentions, by the mention's text.
    private var reasons: [String: String] = [:]
    /// A mention for each distinct anchor and reason, which the mentions that have them are
    /// moved from (`DateMention.moved(to:kind:value:)`) so that they share the box that holds
    /// them: one anchor and a few reasons an article, over any number of mentions.
    private var templates: [Notes: Found] = [:]

    private struct Notes: Hashable {
        var anchor: String?
        var unresolved: String?
    }

    init(scalars: ScalarUnits<Unit>, settings: DateSettings) {
        s = scalars
        n = scalars.count
        lexicon = DateLexicon.shared
        self.settings = settings
    }

    // MARK: Scalar classes

    @inline(__always) private func value(_ k: Int) -> UInt32 { k >= 0 && k < n ? s[k].value : 0x20 }
    @inline(__always) private static func isLetter(_ v: UInt32) -> Bool { (v | 0x20) &- 0x61 < 26 }
    @inline(__always) private static func isDigit(_ v: UInt32) -> Bool { v &- 0x30 < 10 }
    @inline(__always) private static func isUpper(_ v: UInt32) -> Bool { v &- 0x41 < 26 }
    @inline(__always) private static func isSpace(_ v: UInt32) -> Bool { v == 0x20 || v == 0xA0 || v == 0x09 }
    @inline(__always) private static func isDash(_ v: UInt32) -> Bool { v == 0x2D || v == 0x2013 }
    @inline(__always) private func isAlnum(_ k: Int) -> Bool {
        let v = value(k)
        return Self.isLetter(v) || Self.isDigit(v) || (v >= 0x80 && v != 0xA0 && v < 0x2000)
    }

    // MARK: The loop

    /// Runs the rules at every number and every word of a trigger's shape, then joins ranges.
    ///
    /// Blocks of 64 scalars are classified into bit masks, where the numbers and words that may
    /// start a rule (those not right after a letter or digit) are found without a branch per
    /// scalar; a rule may read past its block, and what it consumed is skipped.
    mutating func run() {
        var i = 0
        var block = 0
        var classes: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
        DateScanClass.table.withUnsafeBufferPointer { table in
            withUnsafeMutableBytes(of: &classes) { classes in
                while block + 64 <= n {
                    _ = ScalarClasses.classify(s.units, at: block, table: table, beyond: 0, into: classes)
                    let letters = ScalarClasses.mask(classes, DateScanClass.letter)
                    let digits = ScalarClasses.mask(classes, DateScanClass.digit)
                    let alnum = ScalarClasses.mask(classes, DateScanClass.alnum)
                    let afterAlnum = alnum << 1 | (block > 0 && isAlnum(block - 1) ? 1 : 0)
                    let afterLetter = letters << 1 | (block > 0 && Self.isLetter(value(block - 1)) ? 1 : 0)
                    var starts = (letters & ~afterLetter | digits) & ~afterAlnum
                    while starts != 0 {
                        let k = starts.trailingZeroBitCount
                        starts &= starts &- 1
                        let start = block + k
                        guard start >= i else { continue }
                        if digits & (1 << UInt64(k)) != 0 {
                            i = max(start + 1, number(at: start))
                            continue
                        }
                        let run = (~(letters >> UInt64(k))).trailingZeroBitCount
                        var end = start + run
                        if k + run == 64 { while end < n, Self.isLetter(s[end].value) { end += 1 } }
                        i = wordRule(start, end)
                    }
                    block += 64
                }
            }
        }
        // The last scalars, one at a time: a letter or digit right after a letter or digit starts nothing.
        i = max(i, block)
        while i < n {
            let v = s[i].value
            if Self.isDigit(v) {
                i = i > 0 && isAlnum(i - 1) ? i + 1 : max(i + 1, number(at: i))
            } else if Self.isLetter(v) {
                var end = i + 1
                while end < n, Self.isLetter(s[end].value) { end += 1 }
                i = i > 0 && isAlnum(i - 1) ? end : wordRule(i, end)
            } else {
                i += 1
            }
        }
        mergeRanges()
    }

    /// Runs the rule of the word `start..<end` (not right after a letter or digit), if it starts
    /// one; returns where scanning resumes.
    @inline(__always) private mutating func wordRule(_ start: Int, _ end: Int) -> Int {
        // Only a word of the shape of a trigger is hashed: the multiply per letter is a chain the
        // processor cannot overlap, and most words start no rule.
        let first = s[start].value
        let second = end - start > 1 ? s[start + 1].value : nil
        guard end - start <= 9, lexicon.mayTrigger(first: first, second: second, length: end - start) else { return end }
        var h = DateLexicon.fnvOffset
        for k in start..<end { h = DateLexicon.fold(h, s[k].value) }
        let entry = lexicon.lookup(h)
        guard entry.kind.triggers else { return end }
        return max(end, trigger(Word(start: start, end: end, entry: entry, capitalised: Self.isUpper(first))))
    }

    private mutating func trigger(_ w: Word) -> Int {
        switch w.entry.kind {
        case .month, .monthAbbreviation: return month(w)
        case .weekday: return weekday(w)
        case .unit: return unit(w)
        case .relativeDay:
            // `USA Today`, `Newsday Today`: after a capitalised word on the same line (`word(before:)`
            // crosses spaces only), a capitalised `Today` ends a name.
            if w.capitalised, let previous = word(before: w.start), previous.capitalised { return w.end }
            let offset = w.entry.value
            relative(w.start, w.end) { $0.adding(days: offset).iso }
            return w.end
        case .night:
            if let prev = word(before: w.start), prev.entry.kind == .modifier, prev.entry.value == -1 {
                relative(prev.start, w.end) { $0.adding(days: -1).iso }
            }
            return w.end
        case .clock:
            emit(w.start, w.end, value: w.entry.value == 12 ? "T12:00" : "T00:00")
            return w.end
        case .quarter: return quarter(w)
        default: return w.end
        }
    }

    // MARK: Words

    private mutating func word(at k: Int) -> Word? {
        guard k < n, Self.isLetter(value(k)), !(k > 0 && isAlnum(k - 1)) else { return nil }
        var h = DateLexicon.fnvOffset
        var j = k
        while j < n, Self.isLetter(s[j].value) {
            h = DateLexicon.fold(h, s[j].value)
            j += 1
        }
        if j < n, isAlnum(j) { return Word(start: k, end: j, entry: .init(kind: .none, value: 0, plural: false), capitalised: false) }
        return Word(start: k, end: j, entry: lexicon.lookup(h), capitalised: Self.isUpper(value(k)))
    }

    /// The word that ends just before `k`, across spaces only.
    private mutating func word(before k: Int) -> Word? {
        var e = k
        while e > 0, Self.isSpace(value(e - 1)) { e -= 1 }
        guard e > 0, Self.isLetter(value(e - 1)) else { return nil }
        var b = e
        while b > 0, Self.isLetter(value(b - 1)) { b -= 1 }
        return word(at: b)
    }

    /// The word that starts after spaces from `k`.
    private mutating func word(after k: Int) -> Word? {
        var b = k
        while b < n, Self.isSpace(value(b)) { b += 1 }
        return word(at: b)
    }

    private mutating func skipSpaces(_ k: Int) -> Int {
        var j = k
        while j < n, Self.isSpace(value(j)) { j += 1 }
        return j
    }

    /// Reads up to `maxDigits` digits at `k`: the number and the offset after it.
    private mutating func digits(at k: Int, max maxDigits: Int = 9) -> (value: Int, end: Int, count: Int)? {
        var j = k
        var v = 0
        while j < n, Self.isDigit(value(j)), j - k < maxDigits {
            v = v * 10 + Int(value(j) - 0x30)
            j += 1
        }
        return j > k ? (v, j, j - k) : nil
    }

    /// Whether a number ending at `k` is followed by something that makes it part of a larger
    /// number or a quantity: another digit, a digit group, a decimal, a percent sign.
    private mutating func continuesNumber(_ k: Int) -> Bool {
        let v = value(k)
        if Self.isDigit(v) || v == 0x25 { return true }
        if v == 0x2C || v == 0x2E || v == 0x3A || v == 0x2F { return Self.isDigit(value(k + 1)) }
        return false
    }

    /// `a.m.`, `am`, `p.m.`, `pm` at `k` (after at most one space): whether afternoon, and the end.
    private mutating func meridiem(at k: Int) -> (pm: Bool, end: Int)? {
        var j = k
        if Self.isSpace(value(j)) { j += 1 }
        let c = value(j) | 0x20
        guard c == 0x61 || c == 0x70 else { return nil }
        var e = j + 1
        if value(e) == 0x2E { e += 1 }
        guard value(e) | 0x20 == 0x6D else { return nil }
        e += 1
        if value(e) == 0x2E {
            e += 1
        } else if isAlnum(e) {
            return nil
        }
        return (c == 0x70, e)
    }

    private mutating func text(_ start: Int, _ end: Int) -> String {
        var out = String.UnicodeScalarView()
        for k in start..<end { out.append(s[k]) }
        return String(out)
    }

    // MARK: Emitting

    private mutating func emit(
        _ start: Int, _ end: Int, kind: DateMention.Kind = .point, value: String?, anchor: String? = nil, unresolved: String? = nil
    ) {
        guard start >= lastEnd, end > start else { return }
        found.append(mention(start, end, kind: kind, value: value, anchor: anchor, unresolved: unresolved))
        lastEnd = end
    }

    /// A mention whose anchor and reason share their box with every other mention that has them.
    private mutating func mention(
        _ start: Int, _ end: Int, kind: DateMention.Kind, value: String?, anchor: String?, unresolved: String?
    ) -> Found {
        guard anchor != nil || unresolved != nil else {
            return Found(start: start, end: end, kind: kind, value: value, anchor: nil, unresolved: nil)
        }
        let notes = Notes(anchor: anchor, unresolved: unresolved)
        let template: Found
        if let known = templates[notes] {
            template = known
        } else {
            template = Found(start: 0, end: 0, kind: .point, value: nil, anchor: anchor, unresolved: unresolved)
            templates[notes] = template
        }
        return template.moved(to: TextRange(start: start, end: end), kind: kind, value: value)
    }

    /// Emits a mention whose value depends on the anchor date, or says why it has none.
    /// Whether relative mentions get a value: the tense is read only then (an article without a
    /// published date keeps them unresolved).
    private var resolves: Bool { settings.resolveRelative && settings.anchor != nil }

    private mutating func relative(_ start: Int, _ end: Int, kind: DateMention.Kind = .point, _ compute: (CivilDate) -> String?) {
        guard start >= lastEnd else { return }
        if settings.resolveRelative, let anchor = settings.anchor {
            if let value = compute(anchor) {
                emit(start, end, kind: kind, value: value, anchor: anchor.iso)
            } else {
                emit(start, end, kind: kind, value: nil, unresolved: "'\(text(start, end))' names no calendar day near \(anchor.iso)")
            }
        } else {
            // One string per distinct text: the reason is the same for every "Monday" of an article
            // without a published date, and one string each was most of the analyzer's memory.
            let mention = text(start, end)
            let reason: String
            if let known = reasons[mention] {
                reason = known
            } else {
                reason = settings.reason(for: mention)
                reasons[mention] = reason
            }
            emit(start, end, kind: kind, value: nil, unresolved: reason)
        }
    }

    // MARK: Tense

    /// Whether the clause around `start..<end` speaks of the future: a future marker (`will`,
    /// `'ll`, `scheduled`, `going to`…) in the same sentence, unless a verb of saying sits right
    /// before the mention ("said on Tuesday that it will…" dates the saying).
    private mutating func isFuture(_ start: Int, _ end: Int) -> Bool {
        if var prev = word(before: start) {
            if prev.entry.kind == .preposition, let p = word(before: prev.start) { prev = p }
            if prev.entry.kind == .reporting { return false }
        }
        let bounds = sentence(around: start, end)
        let hi = bounds.upperBound
        var k = bounds.lowerBound
        while k < hi {
            if Self.isLetter(value(k)), let w = word(at: k) {
                if w.entry.kind == .future {
                    let needsTo = value(w.start) | 0x20 == 0x67 || value(w.start) | 0x20 == 0x70 || value(w.start) | 0x20 == 0x65
                    // `expected to`, not `than expected after a slump`.
                    if !needsTo || word(after: w.end).map({ text($0.start, $0.end).lowercased() == "to" }) ?? false { return true }
                }
                k = w.end
            } else {
                k += 1
            }
        }
        return false
    }

    /// The tense of the clause a mention stands in, from the words nearest to it (`future`, and
    /// `near` when the word that tells is right before the mention; nil when nothing tells): a
    /// deadline or an end (`by Friday`, `until at least Thursday`) is future; else the nearest verb
    /// before it in its clause (`voted 5-2 on Monday`, `reported … on Wednesday`, `will take up …
    /// on Monday`), unless an infinitive stands between (`agreed to meet on Friday`), else the
    /// nearest after it (`On Sunday the city will mark …`). A participle after `be` or `remain`
    /// (`will be closed on Friday`) tells nothing by itself. Asked only of mentions that need a
    /// tense, a few an article.
    private mutating func clauseTense(_ start: Int, _ end: Int) -> (future: Bool, near: Bool)? {
        func verdict(_ w: String, before previous: String?, after next: String?) -> Bool? {
            if DateTenseWords.futureWords.contains(w) { return true }
            if DateTenseWords.futureBeforeTo.contains(w) { return next == "to" ? true : nil }
            // A past form after `be`, `is`, `remain` is a participle (`will be held on Jan 20th`):
            // past only after `was`, `were`, `remained`.
            if DateTenseWords.pastWords.contains(w) || (w.count >= 4 && w.hasSuffix("ed")) {
                if let previous, DateTenseWords.copulas.contains(previous) {
                    return DateTenseWords.pastCopulas.contains(previous) ? false : nil
                }
                return false
            }
            return nil
        }
        // Words before, nearest first, within the clause.
        var before: [String] = []
        var k = start
        while k > 0, before.count < 14 {
            let v = value(k - 1)
            if v == 0x2C || v == 0x3B || v == 0x3A || v == 0x21 || v == 0x3F || v == 0x0A || v == 0x28 || v == 0x29 { break }
            if v == 0x2E, k - 2 >= 0, Self.isLetter(value(k - 2)), !(k - 3 >= 0 && value(k - 3) == 0x2E) { break }
            if Self.isLetter(v) {
                var b = k - 1
                while b > 0, Self.isLetter(value(b - 1)) { b -= 1 }
                before.append(text(b, k).lowercased())
                k = b
            } else {
                k -= 1
            }
        }
        let firstWords = before.prefix(4).filter { !["at", "least", "on", "am", "pm", "a", "p", "m"].contains($0) }
        if let w = firstWords.first, DateTenseWords.deadlines.contains(w) { return (true, true) }
        for (i, w) in before.enumerated() {
            // Near: the verb right before the mention, a preposition at most between (`opened in March`).
            if let tense = verdict(w, before: i + 1 < before.count ? before[i + 1] : nil, after: i > 0 ? before[i - 1] : nil) {
                return (tense, i <= 1)
            }
            // `agreed to meet on Friday`: the infinitive's time is not its governing verb's; after
            // a verb of intending it is ahead.
            if w == "to", i > 0 {
                if i + 1 < before.count, DateTenseWords.intending.contains(before[i + 1]) { return (true, false) }
                return nil
            }
        }
        // Words after, within the clause.
        var after: [String] = []
        k = end
        while k < n, after.count < 8 {
            let v = value(k)
            if v == 0x2C || v == 0x3B || v == 0x3A || v == 0x21 || v == 0x3F || v == 0x0A || v == 0x28 || v == 0x29 { break }
            if v == 0x2E, k + 1 >= n || Self.isSpace(value(k + 1)) { break }
            if Self.isLetter(v) {
                var e = k + 1
                while e < n, Self.isLetter(value(e)) { e += 1 }
                after.append(text(k, e).lowercased())
                k = e
            } else {
                k += 1
            }
        }
        for (i, w) in after.enumerated() {
            if let tense = verdict(w, before: i > 0 ? after[i - 1] : nil, after: i + 1 < after.count ? after[i + 1] : nil) {
                return (tense, false)
            }
        }
        return nil
    }

    /// The candidate among the years around the anchor for a month (and day): the one in the
    /// direction of the clause's tense (within a year when its verb is right before the date, else
    /// half a year), else the nearest (`March 16` in an article of
    /// March 3 is this year's, `Dec. 28` in one of January 3 last year's). `matches` keeps only
    /// candidates a weekday given with the date agrees with, when one does.
    private static func nearest(
        _ candidates: [CivilDate], to anchor: CivilDate, tense: (future: Bool, near: Bool)?, matches: (CivilDate) -> Bool = { _ in true }
    ) -> CivilDate? {
        let agreeing = candidates.filter(matches)
        let pool = agreeing.isEmpty ? candidates : agreeing
        func distance(_ d: CivilDate) -> Int { abs(d.days - anchor.days) }
        if let tense {
            // A verb right before the date is trusted for a year (`opened in March`), one further
            // off for half a year.
            let directed = pool.filter { tense.future ? !($0 < anchor) : !(anchor < $0) }
            if let best = directed.min(by: { distance($0) < distance($1) }), distance(best) <= (tense.near ? 366 : 183) { return best }
        }
        // Ties go to the past, the usual tense of news.
        return pool.min { distance($0) < distance($1) || (distance($0) == distance($1) && $0 < $1) }
    }

    // MARK: Months

    private mutating func month(_ w: Word) -> Int {
        guard w.capitalised else { return w.end }
        let m = w.entry.value
        var k = w.end
        if w.entry.kind == .monthAbbreviation, value(k) == 0x2E { k += 1 }
        let afterSpace = skipSpaces(k)
        if afterSpace > k, let (day, dayEnd, count) = digits(at: afterSpace, max: 5) {
            var e = dayEnd
            if let suffix = ordinalSuffix(at: e) { e = suffix }
            if count <= 2, day >= 1, day <= 31, !continuesNumber(e), !isAlnum(e) {
                let start = weekdayBefore(w.start) ?? w.start
                // "May 3-5": a range of days in one month.
                if Self.isDash(value(e)), let (day2, end2, count2) = digits(at: e + 1, max: 3), count2 <= 2, day2 > day, day2 <= 31,
                    !continuesNumber(end2)
                {
                    let (year, yearEnd) = year(after: end2) ?? (nil, end2)
                    monthDay(start, yearEnd, month: m, day: day, day2: day2, year: year)
                    return yearEnd
                }
                let (year, yearEnd) = year(after: e) ?? (nil, e)
                monthDay(start, yearEnd, month: m, day: day, day2: nil, year: year)
                return yearEnd
            }
            if count == 4, day >= 1900, day <= 2100, !continuesNumber(dayEnd), !isAlnum(dayEnd) {
                emit(w.start, dayEnd, value: "\(day)-\(CivilDate.pad(m, 2))")
                return dayEnd
            }
        }
        // A month word alone: never an abbreviation (`Jan` is also a name), never `May` without a
        // preposition before it, never a word of a name (`August Wilson`, `Theresa May`).
        guard w.entry.kind == .month else { return w.end }
        let prev = word(before: w.start)
        let prevKind = prev?.entry.kind ?? .none
        // Without a set: building one for each month name cost more than the rule.
        let leads = prevKind == .preposition || prevKind == .edge || prevKind == .modifier || prevKind == .the
        if m == 5, !leads { return w.end }
        if let prev, prev.capitalised, !leads { return w.end }
        if let next = word(after: w.end), next.capitalised, next.entry.kind != .month { return w.end }
        if value(w.end) == 0x2D { return w.end }
        var start = w.start
        var modifier = 99
        if let prev, prevKind == .modifier, prev.entry.value >= -1, prev.entry.value <= 1 {
            modifier = prev.entry.value
            start = prev.start
            if let edge = word(before: prev.start), edge.entry.kind == .edge { start = edge.start }
        } else if let prev, prevKind == .edge {
            start = prev.start
        }
        // `May of last year`, `March of 2024`: the year follows.
        if modifier == 99, value(w.end) == 0x20, let named = yearOf(after: w.end, years: 1000...9999, theYear: false) {
            if let y = named.year {
                emit(start, named.end, value: "\(CivilDate.pad(y, 4))-\(CivilDate.pad(m, 2))")
            } else {
                relative(start, named.end) { "\(CivilDate.pad($0.year + named.shift, 4))-\(CivilDate.pad(m, 2))" }
            }
            return named.end
        }
        let tense = modifier == 99 && resolves ? clauseTense(start, w.end) : nil
        relative(start, w.end) { a in
            let year: Int
            switch modifier {
            case -1: year = m < a.month ? a.year : a.year - 1
            case 1: year = m > a.month ? a.year : a.year + 1
            case 0: year = a.year
            default:
                // The month's middle, so that the same month as the anchor is distance zero.
                let candidates = [a.year - 1, a.year, a.year + 1].map { CivilDate(year: $0, month: m, day: 15) }
                let here = CivilDate(year: a.year, month: a.month, day: 15)
                year = Self.nearest(candidates, to: here, tense: tense)?.year ?? a.year
            }
            return "\(CivilDate.pad(year, 4))-\(CivilDate.pad(m, 2))"
        }
        return w.end
    }

    /// `st`, `nd`, `rd`, `th` right after a day number: the offset after it.
    private mutating func ordinalSuffix(at k: Int) -> Int? {
        let a = value(k) | 0x20
        let b = value(k + 1) | 0x20
        let ok = (a == 0x73 && b == 0x74) || (a == 0x6E && b == 0x64) || (a == 0x72 && b == 0x64) || (a == 0x74 && b == 0x68)
        return ok && !isAlnum(k + 2) ? k + 2 : nil
    }

    /// A year after a day: `, 2025` or ` 2025`; the year and the offset after it.
    private mutating func year(after k: Int) -> (Int?, Int)? {
        var j = k
        if value(j) == 0x2C { j += 1 }
        let b = skipSpaces(j)
        guard b > j || j > k, let (y, e, count) = digits(at: b, max: 5), count == 4, y >= 1000, !continuesNumber(e), !isAlnum(e) else {
            return nil
        }
        return (y, e)
    }

    /// A weekday and a comma before a full date (`Tuesday, Dec. 16`): where it starts.
    private mutating func weekdayBefore(_ k: Int) -> Int? {
        var e = k
        while e > 0, Self.isSpace(value(e - 1)) { e -= 1 }
        if value(e - 1) == 0x2C { e -= 1 }
        guard let w = word(before: e), w.end == e, w.entry.kind == .weekday, w.capitalised, w.start >= lastEnd else { return nil }
        return w.start
    }

    /// Emits a month and day (or days), with the year given or found from the anchor by tense.
    private mutating func monthDay(_ start: Int, _ end: Int, month m: Int, day: Int, day2: Int?, year: Int?) {
        func format(_ y: Int, _ d: Int) -> String? {
            CivilDate.isValid(year: y, month: m, day: d) ? CivilDate(year: y, month: m, day: d).iso : nil
        }
        func value(_ y: Int) -> String? {
            guard let first = format(y, day) else { return nil }
            guard let day2 else { return first }
            guard let last = format(y, day2) else { return nil }
            return "\(first)/\(last)"
        }
        let kind: DateMention.Kind = day2 == nil ? .point : .range
        if let year {
            if let v = value(year) {
                emit(start, end, kind: kind, value: v)
            } else {
                emit(start, end, kind: kind, value: nil, unresolved: "'\(text(start, end))' is not a calendar day")
            }
            return
        }
        let tense = resolves ? clauseTense(start, end) : nil
        // `Saturday 14 February`, `Monday, March 16`: the weekday picks the year.
        let named = word(at: start).flatMap { $0.entry.kind == .weekday ? $0.entry.value : nil }
        relative(start, end, kind: kind) { a in
            // Feb. 29 falls in the leap years among the candidates.
            let candidates = (a.year - 4...a.year + 4).filter { CivilDate.isValid(year: $0, month: m, day: day) }
                .map { CivilDate(year: $0, month: m, day: day) }
            guard let best = Self.nearest(candidates, to: a, tense: tense, matches: { named == nil || $0.weekday == named }) else {
                return nil
            }
            return value(best.year)
        }
    }

    // MARK: Quarters

    /// `the third quarter`, `third-quarter profit`, `the fourth quarter of 2024`, `the first half of
    /// 2026`: a range of three or six months. Without a year, the part holding the published date
    /// or the last one before it (the next one on when the clause is future).
    private mutating func quarter(_ w: Word) -> Int {
        guard !w.capitalised, w.start >= 2, Self.isSpace(value(w.start - 1)) || value(w.start - 1) == 0x2D else { return w.end }
        var b = w.start - 1
        guard Self.isLetter(value(b - 1)) else { return w.end }
        let ordinalEnd = b
        while b > 0, Self.isLetter(value(b - 1)) { b -= 1 }
        let parts = w.entry.value
        guard b >= lastEnd, let q = DateTenseWords.ordinals[text(b, ordinalEnd).lowercased()], q <= parts else { return w.end }
        let span = 12 / parts
        var start = b
        if let the = word(before: b), the.entry.kind == .the { start = the.start }
        // `of 2024`, `of last year`, `of the year` (the published year).
        let named = yearOf(after: w.end, years: 1900...2100, theYear: true)
        let end = named?.end ?? w.end
        let year = named?.year
        let shift = named.flatMap { $0.year == nil ? $0.shift : nil }
        // Without a year, a part of a game (`scored in the second half`, `led in the third quarter`)
        // is far likelier than one of a year: only a sentence about money or output counts.
        if named == nil, !isAboutResults(start, end) { return w.end }
        func months(_ y: Int) -> String {
            "\(CivilDate.pad(y, 4))-\(CivilDate.pad(span * (q - 1) + 1, 2))/\(CivilDate.pad(y, 4))-\(CivilDate.pad(span * q, 2))"
        }
        if let year {
            emit(start, end, kind: .range, value: months(year))
            return end
        }
        let future = shift == nil && resolves ? (clauseTense(start, end)?.future ?? false) : false
        relative(start, end, kind: .range) { a in
            if let shift { return months(a.year + shift) }
            let current = (a.month - 1) / span + 1
            return months(future ? (q >= current ? a.year : a.year + 1) : (q <= current ? a.year : a.year - 1))
        }
        return end
    }

    /// The year named by `of` after `k`: `of 2024` (a year in `years`), `of last year`, `of this
    /// year`, `of next year`, and with `theYear`, `of the year` (the anchor's): the year, or else its
    /// shift from the anchor's, and where the words end.
    private mutating func yearOf(after k: Int, years: ClosedRange<Int>, theYear: Bool) -> (year: Int?, shift: Int, end: Int)? {
        guard let of = word(after: k), text(of.start, of.end).lowercased() == "of" else { return nil }
        let b = skipSpaces(of.end)
        if let (y, ye, yc) = digits(at: b, max: 5), yc == 4, years.contains(y), !continuesNumber(ye), !isAlnum(ye) {
            return (y, 0, ye)
        }
        guard let lead = word(at: b) else { return nil }
        let shift: Int
        if lead.entry.kind == .modifier, lead.entry.value >= -1, lead.entry.value <= 1 {
            shift = lead.entry.value
        } else if theYear, lead.entry.kind == .the {
            shift = 0
        } else {
            return nil
        }
        guard let unit = word(after: lead.end), unit.entry.kind == .unit, unit.entry.value == DateLexicon.Unit.year.rawValue,
            !unit.entry.plural
        else { return nil }
        return (nil, shift, unit.end)
    }

    /// The sentence around `start..<end`, at most 240 scalars either way: from after the `.`, `!`,
    /// `?` or line break before it (a period after a single capital, an initial, ends none) to the
    /// one after it.
    private mutating func sentence(around start: Int, _ end: Int) -> Range<Int> {
        var lo = start
        while lo > 0, start - lo < 240 {
            let v = value(lo - 1)
            if v == 0x21 || v == 0x3F || v == 0x0A || (v == 0x2E && Self.isSpace(value(lo)) && !Self.isUpper(value(lo - 2))) { break }
            lo -= 1
        }
        var hi = end
        while hi < n, hi - end < 240 {
            let v = value(hi)
            if v == 0x21 || v == 0x3F || v == 0x0A || (v == 0x2E && (hi + 1 == n || Self.isSpace(value(hi + 1)))) { break }
            hi += 1
        }
        return lo..<hi
    }

    /// Whether the sentence around `start..<end` is about results, money or output (`profit`,
    /// `revenue`, `sales`, `GDP`, `fiscal`, …): the words that make `the third quarter` a part of a
    /// year. Asked only at `quarter` and `half` after an ordinal.
    private mutating func isAboutResults(_ start: Int, _ end: Int) -> Bool {
        let bounds = sentence(around: start, end)
        let hi = bounds.upperBound
        var k = bounds.lowerBound
        while k < hi {
            if Self.isLetter(value(k)) {
                var e = k + 1
                while e < hi, Self.isLetter(value(e)) { e += 1 }
                if e - k >= 3, DateTenseWords.results.contains(text(k, e).lowercased()) { return true }
                k = e
            } else {
                k += 1
            }
        }
        return false
    }

    // MARK: Weekdays

    private mutating func weekday(_ w: Word) -> Int {
        guard w.capitalised else { return w.end }
        // A full date follows (`Tuesday, Dec. 16`): the date rule takes the weekday with it.
        var k = w.end
        if value(k) == 0x2C { k += 1 }
        let b = skipSpaces(k)
        if b > k, let next = word(at: b), next.entry.kind == .month || next.entry.kind == .monthAbbreviation { return w.end }
        if b > k, Self.isDigit(value(b)) { return w.end }
        if let next = word(after: w.end), next.capitalised, value(w.end) != 0x2C { return w.end }
        if value(w.end) == 0x2D { return w.end }
        let prev = word(before: w.start)
        if let prev, prev.capitalised, prev.entry.kind != .preposition, prev.entry.kind != .edge, prev.entry.kind != .modifier {
            return w.end
        }
        let target = w.entry.value
        var start = w.start
        var modifier = 99
        if let prev, prev.entry.kind == .modifier, prev.entry.value >= -1, prev.entry.value <= 1 {
            modifier = prev.entry.value
            start = prev.start
        }
        let future = (modifier == 99 || modifier == 0) && resolves ? (clauseTense(start, w.end)?.future ?? isFuture(start, w.end)) : false
        relative(start, w.end) { a in
            let back = (a.weekday - target + 7) % 7
            let ahead = (target - a.weekday + 7) % 7
            switch modifier {
            case -1: return a.adding(days: -(back == 0 ? 7 : back)).iso
            case 1: return a.adding(days: ahead == 0 ? 7 : ahead).iso
            default: return future ? a.adding(days: ahead == 0 ? 7 : ahead).iso : a.adding(days: -back).iso
            }
        }
        return w.end
    }

    // MARK: Units

    private mutating func unit(_ w: Word) -> Int {
        // A capitalised unit is a word of a title or a name ("30 Seconds to Mars"), not a length of time.
        guard let unit = DateLexicon.Unit(rawValue: w.entry.value), !w.capitalised, value(w.end) != 0x2D else { return w.end }
        // `a four-week ban`, `a two-year contract`: a number word, a hyphen and a singular unit
        // (not `a two-year-old`).
        if value(w.start - 1) == 0x2D, !w.entry.plural, !isOld(after: w.end), Self.isLetter(value(w.start - 2)) {
            var b = w.start - 1
            while b > 0, Self.isLetter(value(b - 1)) { b -= 1 }
            if let number = word(at: b), number.end == w.start - 1, number.entry.kind == .number, number.entry.value > 1 {
                emit(b, w.end, kind: .duration, value: Self.duration(Double(number.entry.value), unit))
            }
            return w.end
        }
        guard !Self.isDash(value(w.start - 1)) else { return w.end }
        guard let prev = word(before: w.start), value(prev.end) != 0x2D else { return w.end }
        switch prev.entry.kind {
        case .number:
            let amount = prev.entry.value
            guard (amount == 1) != w.entry.plural else { return w.end }
            if prev.end - prev.start <= 2 {
                // "a week": not a rate ("twice a week", "$40 a week").
                if let before = word(before: prev.start), before.entry.kind == .rate { return w.end }
                // "a day" is a length of time after `for`, `within`, `took`… or at a sentence's start;
                // after any other word it is a rate ("41,000 vehicles a day", "two meals a day").
                if value(prev.start) | 0x20 == 0x61, let before = word(before: prev.start),
                    before.entry.kind != .durationLead && before.entry.kind != .preposition && before.entry.kind != .quarter
                {
                    return w.end
                }
                var e = prev.start
                while e > 0, Self.isSpace(value(e - 1)) { e -= 1 }
                if Self.isDigit(value(e - 1)) { return w.end }
            }
            return amountOfTime(prev.start, w, unit: unit, amount: Double(amount))
        case .modifier:
            guard !w.entry.plural else { return w.end }
            let m = prev.entry.value
            let article = word(before: prev.start)
            if m == -2 || m == 2 || article?.entry.kind == .the {
                emit(prev.start, w.end, kind: .duration, value: Self.duration(1, unit))
                return w.end
            }
            var start = prev.start
            if let article, article.entry.kind == .edge { start = article.start }
            switch unit {
            case .week: relative(start, w.end) { $0.adding(days: 7 * m).isoWeekString }
            case .month: relative(start, w.end) { $0.adding(months: m).isoMonth }
            case .year: relative(start, w.end) { CivilDate.pad($0.year + m, 4) }
            default: break
            }
            return w.end
        default:
            return w.end
        }
    }

    /// A number and a unit: a duration, or with `ago` after it a point before the anchor.
    private mutating func amountOfTime(_ start: Int, _ w: Word, unit: DateLexicon.Unit, amount: Double) -> Int {
        if let ago = word(after: w.end), ago.entry.kind == .ago {
            relative(start, ago.end) { a in
                guard amount == amount.rounded() else { return nil }
                let k = Int(amount)
                switch unit {
                case .second, .minute, .hour: return a.iso
                case .day: return a.adding(days: -k).iso
                case .week: return a.adding(days: -7 * k).iso
                case .month: return a.adding(months: -k).isoMonth
                case .year: return CivilDate.pad(a.year - k, 4)
                case .decade: return CivilDate.pad(a.year - 10 * k, 4)
                case .century: return CivilDate.pad(a.year - 100 * k, 4)
                }
            }
            return ago.end
        }
        // `73 years old`, `a 48-year-old`: an age, no span of time.
        if unit == .year || unit == .month || unit == .week || unit == .day, isOld(after: w.end) { return w.end }
        // `two days later`, `a year earlier`: a point counted from an event of the story, not from
        // the published date, so it keeps no value.
        if let next = word(after: w.end), value(w.end) == 0x20, next.entry.kind == .edge,
            ["later", "earlier"].contains(text(next.start, next.end).lowercased())
        {
            emit(
                start, next.end, kind: .point, value: nil,
                unresolved: "'\(text(start, next.end))' counts from an event of the story, not from the published date")
            return next.end
        }
        emit(start, w.end, kind: .duration, value: Self.duration(amount, unit))
        return w.end
    }

    /// Whether `old` follows after a space or a hyphen at `k`.
    private func isOld(after k: Int) -> Bool {
        guard k + 3 < n, Self.isSpace(value(k)) || Self.isDash(value(k)) else { return false }
        return value(k + 1) | 0x20 == 0x6F && value(k + 2) | 0x20 == 0x6C && value(k + 3) | 0x20 == 0x64
            && (k + 4 == n || !Self.isLetter(value(k + 4)))
    }

    static func duration(_ amount: Double, _ unit: DateLexicon.Unit) -> String {
        func number(_ x: Double) -> String { x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x) }
        switch unit {
        case .second: return "PT\(number(amount))S"
        case .minute: return "PT\(number(amount))M"
        case .hour: return "PT\(number(amount))H"
        case .day: return "P\(number(amount))D"
        case .week: return "P\(number(amount))W"
        case .month: return "P\(number(amount))M"
        case .year: return "P\(number(amount))Y"
        case .decade: return "P\(number(amount * 10))Y"
        case .century: return "P\(number(amount * 100))Y"
        }
    }

    // MARK: Numbers

    /// Rules for a number starting at `i`; returns where scanning resumes.
    private mutating func number(at i: Int) -> Int {
        guard let (n1, k, count) = digits(at: i, max: 12) else { return i + 1 }
        let before = value(i - 1)
        // Money, a hashtag, or the tail of a larger number ("2,024", "3.2024", "555-2024").
        if before == 0x24 || before == 0xA3 || before == 0x20AC || before == 0xA5 || before == 0x23 { return k }
        if before == 0x2C || before == 0x2E || before == 0x2D || before == 0x2F || before == 0x3A || before == 0x2013,
            Self.isDigit(value(i - 2))
        {
            return k
        }
        let next = value(k)
        // 2025-12-14
        if count == 4, next == 0x2D, let (m, me, mc) = digits(at: k + 1, max: 3), mc == 2, value(me) == 0x2D,
            let (d, de, dc) = digits(at: me + 1, max: 3), dc == 2, !continuesNumber(de), !isAlnum(de)
        {
            if CivilDate.isValid(year: n1, month: m, day: d) {
                emit(i, de, value: CivilDate(year: n1, month: m, day: d).iso)
            }
            return de
        }
        // 12/14/2025 or 14/12/2025
        if count <= 2, next == 0x2F, let (n2, e2, c2) = digits(at: k + 1, max: 3), c2 <= 2, value(e2) == 0x2F,
            let (y, ye, yc) = digits(at: e2 + 1, max: 5), yc == 4, !continuesNumber(ye), !isAlnum(ye)
        {
            slashDate(i, ye, first: n1, second: n2, year: y)
            return ye
        }
        // 7.40am, 2.30 p.m.: British style, only with a meridiem (`2.30 percent` is no time).
        if count <= 2, next == 0x2E, n1 >= 1, n1 <= 12, let (mm, me, mc) = digits(at: k + 1, max: 3), mc == 2, mm <= 59,
            !continuesNumber(me), let (pm, end) = meridiem(at: me)
        {
            emit(i, end, value: "T\(CivilDate.pad(n1 % 12 + (pm ? 12 : 0), 2)):\(CivilDate.pad(mm, 2))")
            return end
        }
        // 10:30 a.m.
        if count <= 2, next == 0x3A, n1 <= 23, let (mm, me, mc) = digits(at: k + 1, max: 3), mc == 2, mm <= 59,
            !continuesNumber(me), !isAlnum(me)
        {
            if let (pm, end) = meridiem(at: me), n1 >= 1, n1 <= 12 {
                emit(i, end, value: "T\(CivilDate.pad(n1 % 12 + (pm ? 12 : 0), 2)):\(CivilDate.pad(mm, 2))")
                return end
            }
            let zone = word(after: me)?.entry.kind == .zone
            let lead = word(before: i).map { $0.entry.kind == .preposition } ?? false
            if zone || lead {
                emit(i, me, value: "T\(CivilDate.pad(n1, 2)):\(CivilDate.pad(mm, 2))")
            }
            return me
        }
        if count == 4, n1 >= 1900, n1 <= 2100 { return year(i, k, n1) }
        if count <= 2, n1 >= 1, n1 <= 31 {
            if let end = dayFirst(i, k, day: n1) { return end }
            if n1 <= 12, !continuesNumber(k), let (pm, end) = meridiem(at: k) {
                emit(i, end, value: "T\(CivilDate.pad(n1 % 12 + (pm ? 12 : 0), 2)):00")
                return end
            }
        }
        // A number and a unit: "48 hours", "1.5 years".
        var amount = Double(n1)
        var e = k
        if value(k) == 0x2E, Self.isDigit(value(k + 1)), let (f, fe, fc) = digits(at: k + 1, max: 6) {
            var scale = 1.0
            for _ in 0..<fc { scale *= 10 }
            amount += Double(f) / scale
            e = fe
        }
        if count <= 4, !continuesNumber(e), Self.isSpace(value(e)), let w = word(after: e), w.entry.kind == .unit, !w.capitalised,
            let unit = DateLexicon.Unit(rawValue: w.entry.value), (amount == 1) != w.entry.plural, value(w.end) != 0x2D
        {
            return amountOfTime(i, w, unit: unit, amount: amount)
        }
        // `a 48-hour strike`, `a 10-day closure`: a length of time as an adjective (not `a
        // 48-year-old`).
        if count <= 4, value(e) == 0x2D, let w = word(at: e + 1), w.entry.kind == .unit, !w.entry.plural, !w.capitalised,
            let unit = DateLexicon.Unit(rawValue: w.entry.value), !isOld(after: w.end), value(w.end) != 0x2D
        {
            emit(i, w.end, kind: .duration, value: Self.duration(amount, unit))
            return w.end
        }
        return e
    }

    private mutating func slashDate(_ start: Int, _ end: Int, first: Int, second: Int, year: Int) {
        let usValid = CivilDate.isValid(year: year, month: first, day: second)
        let dayFirstValid = CivilDate.isValid(year: year, month: second, day: first)
        var reading: Bool?  // true: day first
        switch settings.dayFirst {
        case true?: reading = dayFirstValid ? true : (usValid ? false : nil)
        case false?: reading = usValid ? false : (dayFirstValid ? true : nil)
        case nil:
            if usValid && dayFirstValid && first != second {
                emit(
                    start, end, value: nil,
                    unresolved: "'\(text(start, end))' reads as month/day or day/month; set the option dayFirst to choose")
                return
            }
            reading = usValid ? false : (dayFirstValid ? true : nil)
        }
        guard let reading else {
            emit(start, end, value: nil, unresolved: "'\(text(start, end))' is not a calendar day")
            return
        }
        let date = reading ? CivilDate(year: year, month: second, day: first) : CivilDate(year: year, month: first, day: second)
        emit(start, end, value: date.iso)
    }

    /// A four-digit number from 1900 to 2100: a decade (`1990s`), a span of years, or a year when
    /// it reads as one; nothing when it counts things (`2000 troops`).
    private mutating func year(_ i: Int, _ k: Int, _ y: Int) -> Int {
        let next = value(k)
        if next == 0x73, !isAlnum(k + 1), y % 10 == 0 {
            emit(i, k + 1, value: String(y / 10))
            return k + 1
        }
        if Self.isDash(next), let (y2, e2, c2) = digits(at: k + 1, max: 5), c2 == 4 || c2 == 2, !continuesNumber(e2), !isAlnum(e2) {
            let end = c2 == 4 ? y2 : (y / 100) * 100 + y2
            if end > y, end <= 2100 {
                emit(i, e2, kind: .range, value: "\(y)/\(end)")
                return e2
            }
        }
        if continuesNumber(k) || isAlnum(k) { return k }
        var isYear = false
        if let prev = word(before: i) {
            let kind = prev.entry.kind
            isYear =
                (kind == .preposition && prev.entry.value == 1) || kind == .edge
                || (kind == .unit && prev.entry.value == DateLexicon.Unit.year.rawValue)
        }
        if !isYear {
            let after = skipSpaces(k)
            if let w = word(at: after), !w.capitalised {
                let kind = w.entry.kind
                isYear = kind == .yearFollower || kind == .the || kind == .preposition || kind == .future || kind == .reporting
            } else {
                isYear = true
            }
        }
        if isYear { emit(i, k, value: String(y)) }
        return k
    }

    /// `14 December 2025`, `3rd of May`: a day before a month name.
    private mutating func dayFirst(_ i: Int, _ k: Int, day: Int) -> Int? {
        var e = k
        if let suffix = ordinalSuffix(at: e) { e = suffix }
        var b = skipSpaces(e)
        guard b > e else { return nil }
        if let of = word(at: b), of.end - of.start == 2, value(b) | 0x20 == 0x6F, value(b + 1) | 0x20 == 0x66 { b = skipSpaces(of.end) }
        guard let w = word(at: b), w.capitalised, w.entry.kind == .month || w.entry.kind == .monthAbbreviation else { return nil }
        var end = w.end
        if w.entry.kind == .monthAbbreviation, value(end) == 0x2E { end += 1 }
        let start = weekdayBefore(i) ?? i
        if let (y, ye) = year(after: end), let y {
            monthDay(start, ye, month: w.entry.value, day: day, day2: nil, year: y)
            return ye
        }
        if w.entry.kind == .monthAbbreviation, value(end - 1) == 0x2E { end -= 1 }
        monthDay(start, end, month: w.entry.value, day: day, day2: nil, year: nil)
        return end
    }

    // MARK: Ranges

    /// Joins two points with `from … to`, `between … and`, or a dash between them into a range.
    private mutating func mergeRanges() {
        // In place: a mention is written at or before where it was read, so the mentions are not
        // held twice.
        var w = 0
        var i = 0
        while i < found.count {
            let a = found[i]
            if i + 1 < found.count, a.kind == .point, found[i + 1].kind == .point, let start = rangeStart(a, found[i + 1]) {
                let b = found[i + 1]
                let anchor = a.anchor ?? b.anchor
                if var va = a.value, var vb = b.value {
                    // Each end was resolved on its own: a range that ends before it starts
                    // (`between March and May` read as March this year and May last year) moves
                    // the end that depends on the anchor by a year.
                    if vb < va, va.count == vb.count, va.first != "T" {
                        if b.anchor != nil, let moved = Self.shiftYear(vb, by: 1), !(moved < va) {
                            vb = moved
                        } else if a.anchor != nil, let moved = Self.shiftYear(va, by: -1), !(vb < moved) {
                            va = moved
                        }
                    }
                    found[w] = mention(start, b.end, kind: .range, value: "\(va)/\(vb)", anchor: anchor, unresolved: nil)
                } else {
                    found[w] = mention(start, b.end, kind: .range, value: nil, anchor: anchor, unresolved: a.unresolved ?? b.unresolved)
                }
                w += 1
                i += 2
            } else {
                found[w] = a
                w += 1
                i += 1
            }
        }
        found.removeSubrange(w...)
    }

    /// An ISO 8601 value that opens with a four-digit year, with the year moved by `n`.
    private static func shiftYear(_ value: String, by n: Int) -> String? {
        let digits = value.prefix(4)
        guard digits.count == 4, let year = Int(digits), value.count == 4 || value.dropFirst(4).first == "-" else { return nil }
        return CivilDate.pad(year + n, 4) + value.dropFirst(4)
    }

    /// Where the range of `a` and `b` starts, when the text between them joins them.
    private mutating func rangeStart(_ a: Found, _ b: Found) -> Int? {
        if let va = a.value, let vb = b.value, (va.first == "T") != (vb.first == "T") { return nil }
        var k = skipSpaces(a.end)
        var needs: UInt64 = 0
        if Self.isDash(value(k)) {
            k = skipSpaces(k + 1)
        } else if let w = word(at: k) {
            let h = hash(w)
            if h == Self.and {
                needs = Self.between
            } else if h != Self.to && h != Self.until && h != Self.through && h != Self.till {
                return nil
            }
            k = skipSpaces(w.end)
        } else {
            return nil
        }
        guard k == b.start else { return nil }
        if let prev = word(before: a.start) {
            let h = hash(prev)
            if h == Self.from || h == Self.between { return h == needs || needs == 0 ? prev.start : nil }
        }
        return needs == 0 ? a.start : nil
    }

    private mutating func hash(_ w: Word) -> UInt64 {
        var h = DateLexicon.fnvOffset
        for k in w.start..<w.end { h = DateLexicon.fold(h, value(k)) }
        return h
    }

    private static var and: UInt64 { DateLexicon.Joins.and }
    private static var between: UInt64 { DateLexicon.Joins.between }
    private static var from: UInt64 { DateLexicon.Joins.from }
    private static var to: UInt64 { DateLexicon.Joins.to }
    private static var until: UInt64 { DateLexicon.Joins.until }
    private static var till: UInt64 { DateLexicon.Joins.till }
    private static var through: UInt64 { DateLexicon.Joins.through }
}

/// The classes the date scanner reads 64 scalars at a time (`ScalarClasses`): an ASCII letter, an
/// ASCII digit, and any scalar a word or number may not follow (an ASCII letter or digit, or a
/// scalar from U+0080 to U+1FFF but the no-break space), as `DateScanner.isAlnum` tells them.
private enum DateScanClass {
    static let letter: UInt8 = 1
    static let digit: UInt8 = 2
    static let alnum: UInt8 = 4
    /// Classes below U+2000; every scalar from there on is none of them.
    static let table: [UInt8] = (0..<0x2000).map { (c: UInt32) -> UInt8 in
        if (c | 0x20) &- 0x61 < 26 { return letter | alnum }
        if c &- 0x30 < 10 { return digit | alnum }
        return c >= 0x80 && c != 0xA0 ? alnum : 0
    }
}

/// The words `DateScanner.clauseTense` reads, outside the generic type (which cannot hold stored statics).
enum DateTenseWords {
    static let ordinals: [String: Int] = ["first": 1, "second": 2, "third": 3, "fourth": 4]
    static let results: Set<String> = [
        "profit", "profits", "revenue", "revenues", "sales", "earnings", "results", "income", "loss", "losses", "margin",
        "margins", "gdp", "economy", "economic", "growth", "fiscal", "financial", "quarterly", "output", "inflation", "orders",
        "deliveries", "shipments", "turnover", "ebitda", "dividend", "guidance", "forecast", "outlook", "spending", "exports",
        "imports", "unemployment", "jobs", "budget", "deficit", "shares", "investors", "analysts", "billion",
        "million", "production", "demand", "prices", "rates", "contracted", "expanded", "grew", "shrank", "slowed",
    ]
    static let futureWords: Set<String> = ["will", "shall", "ll", "would", "scheduled", "upcoming"]
    static let futureBeforeTo: Set<String> = ["going", "expected", "plans", "planned", "set", "due", "hopes", "aims", "intends"]
    static let deadlines: Set<String> = ["by", "until", "till", "through"]
    static let intending: Set<String> = [
        "agreed", "agree", "agrees", "decided", "decide", "decides", "voted", "promised", "pledged", "vowed", "offered",
        "threatened", "intend", "intends", "intended", "hope", "hopes", "hoped", "aim", "aims", "aimed", "want", "wants", "wanted",
    ]
    static let pastWords: Set<String> = [
        "was", "were", "had", "did", "said", "says", "told", "met", "went", "began", "came", "held", "took", "made", "gave", "won",
        "lost", "left", "fell", "rose", "saw", "found", "got", "became", "sent", "spent", "ran", "struck", "broke", "paid", "sold",
        "bought", "brought", "kept", "led", "chose", "spoke", "stood", "felt", "fought", "caught", "thought", "wrote", "drew",
        "threw", "flew", "grew", "knew", "shot", "hit", "ago", "since", "spoken", "seen", "done", "gone", "taken", "given",
    ]
    static let copulas: Set<String> = [
        "be", "been", "being", "is", "are", "was", "were", "remain", "remains", "remained", "stay", "stays", "stayed", "get", "gets",
    ]
    static let pastCopulas: Set<String> = ["was", "were", "remained", "stayed"]
}
