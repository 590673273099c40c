/// One pass of the sentence rules over a span of scalars.
///
/// The scanner walks the span once, looking only at candidate terminators (`.`, `?`, `!`, `…`),
/// line breaks, and, inside a flattened list, the spaces before the next list marker. At each
/// candidate it looks a few scalars either way to decide. The word before a period is looked up
/// among the abbreviations as packed ASCII; a string is built only for a word of other scripts.
struct SentenceScanner<Scalars: RandomAccessCollection<Unicode.Scalar>> where Scalars.Index == Int {
    private let s: Scalars
    private let upper: Int
    private let table: AbbreviationTable
    private var sentences: [TextRangeValue] = []
    /// The first non-space scalar of the current sentence, its list marker included.
    private var contentStart: Int
    /// The first scalar after the current sentence's list marker, if it has one.
    private var bodyStart: Int
    /// The marker the current sentence opened with, whose successor starts the next sentence.
    private var marker: ListMarker?

    /// A half-open range of offsets; kept local so the scanner has no dependency on the model.
    typealias TextRangeValue = Range<Int>

    /// A one-byte buffer's units, for the skip over scalars that end nothing eight at a time.
    private let bytes: UnsafeRawPointer?

    init(scalars: Scalars, range: Range<Int>, table: AbbreviationTable) {
        s = scalars
        bytes = (scalars as? ScalarUnits<UInt8>).flatMap { UnsafeRawPointer($0.units.raw.baseAddress) }
        upper = min(range.upperBound, scalars.count)
        self.table = table
        contentStart = max(range.lowerBound, 0)
        bodyStart = contentStart
        begin(at: contentStart)
    }

    /// Runs the rules and returns the sentence ranges, trimmed of surrounding whitespace.
    mutating func run() -> [Range<Int>] {
        var i = bodyStart
        while i < upper {
            // Outside a flattened list only terminators and line breaks matter: skip the rest
            // (letters, digits, spaces) with a compare or two each.
            if marker == nil {
                if let bytes {
                    // Eight bytes a step up to one that may be `.`, `!`, `?`, a line break or a unit
                    // above ASCII (a marker for `…` or another scalar kept out of line), then the test.
                    while true {
                        while i &+ 8 <= upper {
                            let m = Self.mayEndBytes(bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                            if m != 0 {
                                i &+= m.trailingZeroBitCount &>> 3
                                break
                            }
                            i &+= 8
                        }
                        guard i < upper, !Self.mayEnd(s[i].value) else { break }
                        i += 1
                        if i &+ 8 > upper { break }
                    }
                }
                while i < upper, !Self.mayEnd(s[i].value) { i += 1 }
                guard i < upper else { break }
            }
            let c = s[i]
            switch c.value {
            case 0x2E, 0x2026:  // . …
                i = dots(at: i)
            case 0x3F, 0x21, 0x203C, 0x2047, 0x2048, 0x2049, 0xFF01, 0xFF1F:  // ? ! and their variants
                i = exclamationOrQuestion(at: i)
            case 0x0A:
                i = lineBreak(at: i)
            default:
                if marker != nil, ScalarClass.isSpace(c), let next = ListMarker.parse(s, at: i + 1, limit: upper),
                    marker?.isFollowed(by: next) == true
                {
                    i = split(at: i + 1)
                } else {
                    i += 1
                }
            }
        }
        close(at: upper)
        return sentences
    }

    /// A bit in the high bit of each byte of `w` that may be one `mayEnd` accepts: `.`, `!`, `?`,
    /// a line break, or any byte from 0x80. The lowest such bit is exact; higher ones may be
    /// false, and every candidate is tested again.
    @inline(__always)
    private static func mayEndBytes(_ w: UInt64) -> UInt64 {
        @inline(__always) func zero(_ x: UInt64) -> UInt64 { (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080 }
        return zero(w ^ 0x2E2E_2E2E_2E2E_2E2E) | zero(w ^ 0x2121_2121_2121_2121) | zero(w ^ 0x3F3F_3F3F_3F3F_3F3F)
            | zero(w ^ 0x0A0A_0A0A_0A0A_0A0A) | (w & 0x8080_8080_8080_8080)
    }

    /// Whether `v` is one of the scalars `run` acts on outside a list: `.`, `…`, `?`, `!` and
    /// their variants, and the line break.
    @inline(__always)
    private static func mayEnd(_ v: UInt32) -> Bool {
        if v < 0x40 {
            // Bits for 0x0A, 0x21, 0x2E, 0x3F.
            let mask: UInt64 = (1 << 0x0A) | (1 << 0x21) | (1 << 0x2E) | (1 << 0x3F)
            return mask & (1 << UInt64(v)) != 0
        }
        if v < 0x2026 { return false }
        switch v {
        case 0x2026, 0x203C, 0x2047, 0x2048, 0x2049, 0xFF01, 0xFF1F: return true
        default: return false
        }
    }

    // MARK: Sentence bookkeeping

    /// Starts a sentence at the first non-space scalar from `k`, stepping over a list marker.
    private mutating func begin(at k: Int) {
        var j = k
        while j < upper, ScalarClass.isSpace(s[j]) { j += 1 }
        contentStart = j
        marker = ListMarker.parse(s, at: j, limit: upper)
        bodyStart = marker?.end ?? j
    }

    private mutating func close(at end: Int) {
        var e = min(end, upper)
        while e > contentStart, ScalarClass.isSpace(s[e - 1]) { e -= 1 }
        if e > contentStart { sentences.append(contentStart..<e) }
    }

    /// Ends the current sentence at `k` and returns where scanning resumes.
    private mutating func split(at k: Int) -> Int {
        close(at: k)
        begin(at: k)
        return bodyStart
    }

    // MARK: Looking around

    /// What follows a terminator: the end, or the first word after spaces and opening quotes.
    private struct Next {
        enum Kind { case end, upper, lower, digit, other }
        var kind: Kind
        var lineBreak = false
        var blankLine = false
        var start = 0
    }

    private mutating func next(from q: Int) -> Next {
        var k = q
        var breaks = 0
        while k < upper, ScalarClass.isSpace(s[k]) {
            if s[k] == "\n" { breaks += 1 }
            k += 1
        }
        guard k < upper else { return Next(kind: .end) }
        while k < upper, ScalarClass.isOpener(s[k]) { k += 1 }
        var result = Next(kind: .other, lineBreak: breaks > 0, blankLine: breaks > 1, start: k)
        guard k < upper else { return result }
        let c = s[k]
        if ScalarClass.isUpper(c) {
            result.kind = .upper
        } else if ScalarClass.isLower(c) {
            result.kind = .lower
        } else if ScalarClass.isDigit(c) {
            result.kind = .digit
        } else if ScalarClass.isLetter(c) {
            result.kind = .upper  // caseless scripts: a letter after a terminator starts a sentence
        }
        return result
    }

    /// The offset after any closing quotes and brackets from `k`, and whether there were any.
    private mutating func skipClosers(from k: Int) -> (Int, Bool) {
        var q = k
        while q < upper, ScalarClass.isCloser(s[q]) { q += 1 }
        return (q, q > k)
    }

    private mutating func isBoundary(_ q: Int) -> Bool { q >= upper || ScalarClass.isSpace(s[q]) }

    /// The word at `start`, lowercased, read up to the first scalar that is not a letter.
    private mutating func word(at start: Int) -> String {
        var view = String.UnicodeScalarView()
        var k = start
        while k < upper, ScalarClass.isLetter(s[k]), k - start < 16 {
            view.append(s[k])
            k += 1
        }
        return String(view).lowercased()
    }

    /// The start of the word ending just before `end`, scanning back to a space or opening mark.
    private mutating func wordStart(before end: Int) -> Int {
        var k = end
        while k > contentStart, !ScalarClass.isWordBoundary(s[k - 1]) { k -= 1 }
        while k < end, s[k] == "'" || s[k] == "\u{2019}" { k += 1 }
        return k
    }

    /// The number of space-separated words from the start of the sentence up to `end`.
    private mutating func wordCount(upTo end: Int) -> Int {
        var count = 0
        var inWord = false
        for k in contentStart..<max(end, contentStart) {
            let space = ScalarClass.isSpace(s[k])
            if !space, !inWord { count += 1 }
            inWord = !space
        }
        return count
    }

    // MARK: Terminators

    private mutating func exclamationOrQuestion(at p: Int) -> Int {
        var j = p
        while j < upper, ScalarClass.isExclamationOrQuestion(s[j]) || s[j] == "." { j += 1 }
        let (q, _) = skipClosers(from: j)
        guard isBoundary(q) else { return j }
        let next = next(from: q)
        switch next.kind {
        case .end: return j
        // A lowercase word after `!` or `?` continues the sentence: `Yahoo! in`, `"Why?" she asked`.
        case .lower: return next.lineBreak ? split(at: q) : j
        default: return split(at: q)
        }
    }

    private mutating func lineBreak(at i: Int) -> Int {
        var j = i + 1
        while j < upper, s[j] == " " || s[j] == "\t" || s[j] == "\r" { j += 1 }
        if j < upper, s[j] == "\n" { return split(at: j) }
        // A line that opens with a list marker is a new item, whatever ended the line before.
        if let next = ListMarker.parse(s, at: j, limit: upper), next.bullet != nil || next.ordinal != nil {
            return split(at: j)
        }
        return i + 1
    }

    /// Handles a period or a run of dots (`...`, `. . .`, `…`) starting at `p`.
    private mutating func dots(at p: Int) -> Int {
        var j = p
        var count = 0
        while j < upper {
            if s[j] == "." {
                count += 1
                j += 1
            } else if s[j] == "\u{2026}" {
                count += 3
                j += 1
            } else if s[j] == " ", j + 1 < upper, s[j + 1] == ".",
                j + 2 >= upper || s[j + 2] == " " || s[j + 2] == "." || ScalarClass.isCloser(s[j + 2])
            {
                j += 1
            } else {
                break
            }
        }
        if count == 1 { return period(at: p) }
        return ellipsis(at: p, end: j, dots: count)
    }

    private mutating func ellipsis(at p: Int, end j: Int, dots count: Int) -> Int {
        // An ellipsis opening a sentence, or in brackets (`[...]`), marks omitted text, not an end.
        if p <= bodyStart { return j }
        if s[p - 1] == "[" || s[p - 1] == "(" { return j }
        let (q, _) = skipClosers(from: j)
        guard isBoundary(q) else { return j }
        let next = next(from: q)
        let ends: Bool
        switch next.kind {
        case .end: return j
        case .upper:
            // Three dots before a lone `I` usually trail off mid-thought; four are an ellipsis plus a period.
            ends = count >= 4 || next.lineBreak || word(at: next.start) != "i"
        case .other: ends = true
        case .lower, .digit: ends = next.blankLine
        }
        guard ends else { return j }
        // `word. . . . Next`: the period ends the sentence and the spaced ellipsis opens the next one.
        if count >= 4, !ScalarClass.isSpace(s[p - 1]), s[p + 1] == " " { return split(at: p + 1) }
        return split(at: q)
    }

    /// What kind of word stands before a period.
    private enum WordKind { case plain, title, abbreviation, time, initial }

    private mutating func period(at p: Int) -> Int {
        let (q, closed) = skipClosers(from: p + 1)
        // A period inside a token (`3.14`, `example.com`, `Jr.'s`) ends nothing.
        guard isBoundary(q) else { return q }
        let next = next(from: q)
        if next.kind == .end { return q }
        if next.blankLine { return split(at: q) }
        let start = wordStart(before: p)
        let ends: Bool
        switch kind(of: start..<p) {
        case .title:
            ends = false
        case .initial:
            ends = next.lineBreak
        case .abbreviation:
            ends = next.lineBreak || (next.kind == .upper && table.starters.contains(word(at: next.start)))
        case .time:
            // Times usually close a clause; `At 5 a.m.` opening a sentence is too short to be one,
            // and a weekday or a time zone goes on the clause (`at 10 a.m. Sunday`, `6 p.m. ET`).
            ends =
                next.lineBreak
                || (next.kind == .upper && wordCount(upTo: start) >= 3 && !AbbreviationTable.timeFollowers.contains(word(at: next.start)))
        case .plain:
            switch next.kind {
            case .end: ends = false
            case .upper, .other: ends = true
            case .digit: ends = next.lineBreak
            // After a closing quote a lowercase word is a speech tag: `"Go." she said`.
            case .lower: ends = next.lineBreak || !closed
            }
        }
        return ends ? split(at: q) : q
    }

    private mutating func kind(of range: Range<Int>) -> WordKind {
        guard !range.isEmpty else { return .plain }
        var letters = 0
        var periods = 0
        for k in range {
            let c = s[k]
            if ScalarClass.isLetter(c) {
                letters += 1
            } else if c == "." {
                periods += 1
            } else if c != "'" && c != "\u{2019}" {
                return .plain  // digits, symbols, `@` or `/`: a number, an address or a URL
            }
        }
        if letters == 0 { return .plain }
        // The word lowercased, looked up as packed ASCII when it and the tables allow, else as a string.
        let time: Bool
        let title: Bool
        let street: Bool
        let ordinary: Bool
        if table.isASCII, let key = AbbreviationTable.Key(s, range) {
            time = key == .am || key == .pm
            title = table.titleKeys.contains(key)
            street = key == .st
            ordinary = table.ordinaryKeys.contains(key)
        } else {
            let key = String(scalars: s[range]).lowercased()
            time = key == "a.m" || key == "p.m"
            title = table.titles.contains(key)
            street = key == "st"
            ordinary = table.ordinary.contains(key)
        }
        if time { return .time }
        if letters == 1 && periods == 0 {
            return ScalarClass.isUpper(s[range.lowerBound]) ? initialOrPronoun(at: range.lowerBound) : .abbreviation
        }
        if title {
            // `St.` after a name is a street (`Main St.`), which can end a sentence; before one it is a saint.
            if street, let previous = previousWordStart(before: range.lowerBound), ScalarClass.isUpper(s[previous]) {
                return .abbreviation
            }
            return .title
        }
        if ordinary { return .abbreviation }
        if periods > 0 {
            // Letters in groups of one or two between periods (`U.S.A`, `Ph.D`) read as an abbreviation.
            var group = 0
            for k in range {
                if s[k] == "." { group = 0 } else { group += 1 }
                if group > 2 { return .plain }
            }
            return .abbreviation
        }
        return .plain
    }

    /// A capital letter alone: an initial within a name (`George W. Bush`), or the pronoun `I`.
    private mutating func initialOrPronoun(at k: Int) -> WordKind {
        guard let previous = previousWordStart(before: k) else { return .initial }
        if ScalarClass.isUpper(s[previous]) { return .initial }
        return s[k] == "I" ? .plain : (ScalarClass.isLower(s[previous]) ? .plain : .initial)
    }

    /// The first scalar of the word before the word starting at `k`, within the sentence.
    private mutating func previousWordStart(before k: Int) -> Int? {
        var e = k
        while e > contentStart, ScalarClass.isSpace(s[e - 1]) { e -= 1 }
        guard e < k, e > contentStart else { return nil }
        var start = wordStart(before: e)
        while start < e, ScalarClass.isOpener(s[start]) { start += 1 }
        return start < e ? start : nil
    }
}
