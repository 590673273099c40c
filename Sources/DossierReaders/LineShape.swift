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

    /// The last scalar that is not a closing quote or bracket.
    private var lastMeaningful: Unicode.Scalar? {
        var k = range.upperBound
        while k > range.lowerBound, "\"'\u{201D}\u{2019})]".unicodeScalars.contains(s[k - 1]) { k -= 1 }
        return k > range.lowerBound ? s[k - 1] : nil
    }

    /// Whether the text ends like a sentence: `.`, `?`, `!` or `…`, possibly inside quotes.
    var endsLikeSentence: Bool {
        guard let last = lastMeaningful else { return false }
        return ".?!\u{2026}".unicodeScalars.contains(last)
    }

    var endsWithColon: Bool { range.isEmpty ? false : s[range.upperBound - 1] == ":" }

    /// Whether the last scalar rules the text out as a title or heading.
    private var endsOpen: Bool {
        guard let last = lastMeaningful else { return true }
        return ".?!\u{2026},;".unicodeScalars.contains(last)
    }

    /// A headline: up to twenty words, without final sentence punctuation or a colon.
    var isTitleShaped: Bool {
        !range.isEmpty && range.count <= 150 && wordCount <= 20 && !endsOpen && !endsWithColon
    }

    /// A section heading: up to ten words and eighty scalars, without final sentence punctuation.
    var isHeadingShaped: Bool {
        !range.isEmpty && range.count <= 80 && wordCount <= 10 && !endsOpen
    }

    /// A short question, such as `Who Pays?`: news sections are often headed by one.
    var isHeadingQuestion: Bool {
        !range.isEmpty && range.count <= 60 && wordCount <= 6 && lastMeaningful == "?"
    }

    /// Whether most significant words start with a capital, or every letter is a capital.
    var isTitleCased: Bool {
        // Titles and headings are short; skip the string work for body paragraphs.
        guard range.count <= 200 else { return false }
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
        if "-*\u{2022}\u{2013}\u{25E6}\u{25AA}\u{2023}\u{2043}\u{25CF}".unicodeScalars.contains(c) {
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
    var isPostAttribution: Bool {
        guard let head = range.isEmpty ? nil : s[range.lowerBound], head == "A" || "\u{2014}\u{2013}\u{2015}-".unicodeScalars.contains(head)
        else {
            return false
        }
        let text = text
        if text.hasPrefix("A post shared by ") { return true }
        guard let first = text.unicodeScalars.first, "\u{2014}\u{2013}\u{2015}-".unicodeScalars.contains(first) else { return false }
        guard let at = text.range(of: "(@"), let close = text[at.upperBound...].firstIndex(of: ")") else { return false }
        let handle = text[at.upperBound..<close]
        return !handle.isEmpty && handle.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }) && wordCount <= 25
    }

    /// The authors named by a byline such as `By Jane Doe and John Roe`, or nil when this is not one.
    var bylineAuthors: [String]? {
        guard range.count > 3, s[range.lowerBound] == "B" else { return nil }
        let text = text
        guard text.hasPrefix("By ") || text.hasPrefix("BY "), wordCount <= 14, !text.hasSuffix(".") else { return nil }
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

    /// Words that make a byline entry a job title rather than a name.
    static let roleWords: Set<String> = [
        "staff", "writer", "reporter", "correspondent", "editor", "contributor", "columnist", "desk", "team",
    ]
}
