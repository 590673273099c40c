import DossierCore
import Foundation

/// Questions about the shape of one line or paragraph of plain text, asked over Unicode scalars.
///
/// These are the generic cues a reader uses to recover structure from plain text: length, final
/// punctuation, capitalisation and leading markers. None of them looks at particular words of a
/// particular article.
struct LineShape<Scalars: RandomAccessCollection<Unicode.Scalar>> where Scalars.Index == Int {
    let s: Scalars
    let range: Range<Int>

    var text: String { String(scalars: s[range]) }

    var wordCount: Int {
        var count = 0
        var inWord = false
        for k in range {
            let space = s[k].isSpace
            if !space, !inWord { count += 1 }
            inWord = !space
        }
        return count
    }

    /// Whether the text has more than `count` words; stops counting as soon as it knows, so that
    /// comparing a short line with a long paragraph costs the length of the line.
    func hasMoreWords(than count: Int) -> Bool {
        var words = 0
        var inWord = false
        for k in range {
            let space = s[k].isSpace
            if !space, !inWord {
                words += 1
                if words > count { return true }
            }
            inWord = !space
        }
        return false
    }

    /// The last scalar that is not a closing quote or bracket.
    private var lastMeaningful: Unicode.Scalar? {
        var k = range.upperBound
        while k > range.lowerBound {
            switch s[k - 1] {
            case "\"", "'", "\u{201D}", "\u{2019}", ")", "]": k -= 1
            default: return s[k - 1]
            }
        }
        return nil
    }

    /// Whether the text ends like a sentence: `.`, `?`, `!` or `…`, possibly inside quotes.
    var endsLikeSentence: Bool {
        switch lastMeaningful {
        case ".", "?", "!", "\u{2026}": true
        default: false
        }
    }

    var endsWithColon: Bool { range.isEmpty ? false : s[range.upperBound - 1] == ":" }

    /// Whether the last scalar rules the text out as a title or heading.
    private var endsOpen: Bool {
        switch lastMeaningful {
        case nil, ".", "?", "!", "\u{2026}", ",", ";": true
        default: false
        }
    }

    /// A headline: up to twenty words, without final sentence punctuation or a colon. (The checks
    /// that read one scalar come before the count of words, which reads the line.)
    var isTitleShaped: Bool {
        !range.isEmpty && range.count <= 150 && !endsOpen && !endsWithColon && !hasMoreWords(than: 20)
    }

    /// A section heading: up to ten words and eighty scalars, without final sentence punctuation.
    var isHeadingShaped: Bool {
        !range.isEmpty && range.count <= 80 && !endsOpen && !hasMoreWords(than: 10)
    }

    /// A headline that asks (`Is the town's phone ban working?`): up to twenty words and 150
    /// scalars, one sentence ending in `?` and nothing else closing a sentence before it.
    var isTitleQuestion: Bool {
        guard !range.isEmpty, range.count <= 150, lastMeaningful == "?", !hasMoreWords(than: 20) else { return false }
        var k = range.lowerBound
        let last = range.upperBound - 1
        while k < last {
            let c = s[k]
            if c == "?" || c == "!" || (c == "." && k + 1 <= last && s[k + 1] == " " && k > range.lowerBound && s[k - 1].value &- 0x61 < 26)
            {
                return false
            }
            k += 1
        }
        return true
    }

    /// A short question, such as `Who Pays?`: news sections are often headed by one.
    var isHeadingQuestion: Bool {
        !range.isEmpty && range.count <= 60 && lastMeaningful == "?" && !hasMoreWords(than: 6)
    }

    /// Whether most significant words start with a capital, or every letter is a capital.
    ///
    /// Answered scalar by scalar, without building a string, when every scalar is a character
    /// of its own (`Unicode.Scalar.isOwnGrapheme`); otherwise by characters, with the same rules.
    var isTitleCased: Bool {
        // Titles and headings are short; body paragraphs are ruled out at once.
        guard range.count <= 200 else { return false }
        for k in range where !s[k].isOwnGrapheme { return isTitleCasedByCharacters }
        var words = 0
        var letters = 0
        var allUppercase = true
        var significant = 0
        var capitalised = 0
        var k = range.lowerBound
        let end = range.upperBound
        while k < end {
            while k < end, s[k].isSpace { k += 1 }
            guard k < end else { break }
            let start = k
            var firstLetter: Unicode.Scalar?
            var initial: Unicode.Scalar?
            while k < end, !s[k].isSpace {
                let c = s[k]
                if c.isLetterCharacter {
                    letters += 1
                    if !c.isUppercaseCharacter { allUppercase = false }
                    if firstLetter == nil {
                        // The first word must open with a capital: a line of kana or ideographs (one
                        // word without spaces) is ruled out at its first letter.
                        if words == 0 && !c.isUppercaseCharacter { return false }
                        firstLetter = c
                    }
                    if initial == nil { initial = c }
                } else if initial == nil, c.isNumberCharacter {
                    initial = c
                }
                k += 1
            }
            words += 1
            if words == 1 {
                guard let firstLetter, firstLetter.isUppercaseCharacter else { return false }
            }
            guard let initial, initial.isLetterCharacter, !isMinorWord(start..<k) else { continue }
            significant += 1
            if initial.isUppercaseCharacter { capitalised += 1 }
        }
        guard words > 0 else { return false }
        if letters >= 2, allUppercase { return true }
        return significant > 0 && capitalised * 4 >= significant * 3
    }

    /// Whether the word at `word` is one of the minor words, ignoring case. Only ASCII words can
    /// be: no other scalar that is a character of its own lower-cases to ASCII letters alone.
    private func isMinorWord(_ word: Range<Int>) -> Bool {
        guard word.count <= LineShapeWords.longestMinorWord else { return false }
        var key: UInt32 = 0
        for k in word {
            let v = s[k].value
            guard v < 0x80 else { return false }
            key = key << 8 | (v &- 0x41 < 26 ? v | 0x20 : v)
        }
        return LineShapeWords.minorWordKeys.contains(key)
    }

    /// `isTitleCased` by characters, for text with combining marks or other multi-scalar characters.
    private var isTitleCasedByCharacters: Bool {
        let text = text
        let words = text.split(whereSeparator: { $0.isWhitespace })
        guard let first = words.first?.first(where: \.isLetter), first.isUppercase else { return false }
        let letters = text.filter(\.isLetter)
        if letters.count >= 2, letters.allSatisfy(\.isUppercase) { return true }
        var significant = 0
        var capitalised = 0
        for word in words {
            guard let initial = word.first(where: { $0.isLetter || $0.isNumber }), initial.isLetter else { continue }
            if LineShapeWords.minorWords.contains(word.lowercased()) { continue }
            significant += 1
            if initial.isUppercase { capitalised += 1 }
        }
        return significant > 0 && capitalised * 4 >= significant * 3
    }

    /// The list marker at the start (`-`, `*`, `•`, `–`, `1.`, `1)`): the offset where the item's text begins.
    var listItemTextStart: Int? {
        var k = range.lowerBound
        guard k < range.upperBound else { return nil }
        let c = s[k]
        if Self.isBullet(c) {
            k += 1
        } else {
            while k < range.upperBound, k - range.lowerBound < 3, ("0"..."9").contains(s[k]) { k += 1 }
            guard k > range.lowerBound, k < range.upperBound, s[k] == "." || s[k] == ")" else { return nil }
            k += 1
        }
        guard k < range.upperBound, s[k] == " " || s[k] == "\t" else { return nil }
        while k < range.upperBound, s[k] == " " || s[k] == "\t" { k += 1 }
        return k < range.upperBound ? k : nil
    }

    /// Whether the list item opening the line (its text starting at `textStart`) is followed on
    /// the same line by the next marker of its series: `1. First 2. Second`, `a) … b) …` written
    /// flat, or `• First • Second`. Such a line is a paragraph holding a list, not one item.
    ///
    /// The next number must follow a space and carry the same punctuation (`2.` after `1.`); a
    /// bullet must stand between spaces. Dash bullets (`-`, `–`) are left out: inside an item
    /// they are punctuation far more often than a second marker.
    func holdsInlineList(after textStart: Int) -> Bool {
        let head = s[range.lowerBound]
        let end = range.upperBound
        func isBlank(_ k: Int) -> Bool { s[k] == " " || s[k] == "\t" }
        if Self.isBullet(head) {
            guard head != "-", head != "\u{2013}" else { return false }
            var k = textStart + 1
            while k + 1 < end {
                if s[k] == head, isBlank(k - 1), isBlank(k + 1) { return true }
                k += 1
            }
            return false
        }
        var number = 0
        var k = range.lowerBound
        while k < end, let digit = s[k].asciiDigit {
            number = number * 10 + digit
            k += 1
        }
        let suffix = s[k]
        var p = textStart + 1
        while p < end {
            defer { p += 1 }
            // `number + 1` written without a leading zero, then the same punctuation and a blank.
            guard isBlank(p - 1), s[p] != "0" else { continue }
            var value = 0
            var q = p
            while q < end, q - p < 4, let digit = s[q].asciiDigit {
                value = value * 10 + digit
                q += 1
            }
            if q > p, value == number + 1, q + 1 < end, s[q] == suffix, isBlank(q + 1) { return true }
        }
        return false
    }

    /// The bullets that open a list item.
    static func isBullet(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "-", "*", "\u{2022}", "\u{2013}", "\u{25E6}", "\u{25AA}", "\u{2023}", "\u{2043}", "\u{25CF}": true
        default: false
        }
    }

    /// A Markdown ATX heading (`## Heading`): its level and where its text begins.
    var markdownHeading: (level: Int, textStart: Int)? {
        var k = range.lowerBound
        while k < range.upperBound, s[k] == "#" { k += 1 }
        let level = k - range.lowerBound
        guard (1...6).contains(level), k < range.upperBound, s[k] == " " else { return nil }
        while k < range.upperBound, s[k] == " " { k += 1 }
        return k < range.upperBound ? (level, k) : nil
    }

    /// The attribution line under an embedded post: `— Name (@handle) date`, or `A post shared by …`.
    ///
    /// Most lines are ruled out on their scalars (no `A post shared by ` prefix, no `(@`); the few
    /// left are judged on their text.
    var isPostAttribution: Bool {
        guard let head = range.isEmpty ? nil : s[range.lowerBound] else { return false }
        switch head {
        case "A":
            guard hasPrefix("A post shared by ") else { return false }
        case "\u{2014}", "\u{2013}", "\u{2015}", "-":
            guard contains("(", "@") else { return false }
        default:
            return false
        }
        if head != "A", let handle = attributionHandle { return handle }
        let text = text
        if text.hasPrefix("A post shared by ") { return true }
        guard let first = text.unicodeScalars.first, "\u{2014}\u{2013}\u{2015}-".unicodeScalars.contains(first) else { return false }
        guard let at = text.range(of: "(@"), let close = text[at.upperBound...].firstIndex(of: ")") else { return false }
        let handle = text[at.upperBound..<close]
        return !handle.isEmpty && handle.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }) && !hasMoreWords(than: 25)
    }

    /// For a line opening with a dash, whether its first `(@` opens a handle of letters, digits,
    /// `_` and `.` closed by `)`, in a line of at most 25 words: `isPostAttribution` on scalars,
    /// or nil when a scalar is not a character of its own and characters must decide.
    private var attributionHandle: Bool? {
        for k in range where !s[k].isOwnGrapheme { return nil }
        var at = range.lowerBound
        while at + 1 < range.upperBound, !(s[at] == "(" && s[at + 1] == "@") { at += 1 }
        guard at + 1 < range.upperBound else { return false }
        var close = at + 2
        while close < range.upperBound, s[close] != ")" { close += 1 }
        guard close < range.upperBound, close > at + 2 else { return false }
        for k in (at + 2)..<close {
            let c = s[k]
            guard c.isLetterCharacter || c.isNumberCharacter || c == "_" || c == "." else { return false }
        }
        return !hasMoreWords(than: 25)
    }

    /// Whether the scalars start with those of `prefix`.
    private func hasPrefix(_ prefix: StaticString) -> Bool {
        guard range.count >= prefix.utf8CodeUnitCount else { return false }
        var k = range.lowerBound
        for byte in UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount) {
            guard s[k].value == UInt32(byte) else { return false }
            k += 1
        }
        return true
    }

    /// Whether `a` is followed at once by `b` somewhere in the range.
    private func contains(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Bool {
        var k = range.lowerBound
        while k + 1 < range.upperBound {
            if s[k] == a, s[k + 1] == b { return true }
            k += 1
        }
        return false
    }

    /// The authors named by a byline such as `By Jane Doe and John Roe`, or nil when this is not one.
    var bylineAuthors: [String]? {
        guard range.count > 3, s[range.lowerBound] == "B", s[range.lowerBound + 1] == "y" || s[range.lowerBound + 1] == "Y",
            s[range.lowerBound + 2] == " "
        else { return nil }
        let text = text
        guard text.hasPrefix("By ") || text.hasPrefix("BY "), !hasMoreWords(than: 14), !text.hasSuffix(".") else { return nil }
        var rest = Substring(text.dropFirst(3))
        for separator in [" | ", " \u{2014} ", " \u{2013} ", " - "] {
            if let cut = rest.range(of: separator) { rest = rest[..<cut.lowerBound] }
        }
        let names = rest.replacingOccurrences(of: " and ", with: ",").replacingOccurrences(of: " & ", with: ",")
            .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { name in
                let words = name.split(separator: " ")
                guard let first = name.first, first.isUppercase, (1...5).contains(words.count) else { return false }
                return !words.contains { LineShapeWords.roleWords.contains($0.lowercased()) }
            }
        return names.isEmpty ? nil : names
    }

}

/// The word lists `LineShape` consults (a generic type cannot hold static stored properties).
private enum LineShapeWords {
    /// Short words that title case leaves in lowercase.
    static let minorWords: Set<String> = [
        "a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "of", "in", "on", "at", "to", "by", "up",
        "as", "is", "if", "with", "from", "into", "over", "off", "out", "per", "via", "vs", "than", "amid",
    ]

    /// The length of the longest minor word.
    static let longestMinorWord = 4

    /// Each minor word's ASCII bytes packed into an integer, for comparing a word without a string.
    static let minorWordKeys: Set<UInt32> = Set(minorWords.map { $0.utf8.reduce(0) { $0 << 8 | UInt32($1) } })

    /// Words that make a byline entry a job title rather than a name.
    static let roleWords: Set<String> = [
        "staff", "writer", "reporter", "correspondent", "editor", "contributor", "columnist", "desk", "team",
    ]
}

extension Unicode.Scalar {
    /// The value of an ASCII digit, or nil.
    fileprivate var asciiDigit: Int? { value &- 0x30 < 10 ? Int(value &- 0x30) : nil }
}
