import DossierCore
import Foundation

/// The headings that open an article's list of sources ("Sources:", "References"), shared by the
/// readers that recognise such a section, so that `text` and `markdown` agree on what opens one.
///
/// A line or paragraph opens the section when it is a configured heading, compared without regard
/// to case, with or without a colon (`Sources`, `SOURCES:`), or when it is a heading, a colon and
/// the first entry on the same line (`Sources: Reuters, AP`, `References: https://…`). A heading
/// followed by other words (`Sources said the talks stalled`) opens nothing: the colon is required
/// before an entry, and an entry that reads like a sentence of more than fifteen words is taken for
/// reporting (`Sources: two officials said …`), not a source.
struct SourcesHeadings {
    /// What `match` found: the heading (with its colon) and the entry after it on the same line.
    struct Match: Equatable {
        /// The heading, `Sources:`, as offsets into the scalars.
        var heading: Range<Int>
        /// The text after the colon, trimmed, when the line carries its first entry.
        var entry: Range<Int>?
    }

    /// The most words an entry on the heading's line may have when it ends like a sentence.
    static let longestEntry = 15

    /// Each configured heading, trimmed and folded to lower case scalar by scalar.
    private let keys: [[Unicode.Scalar]]

    /// The length of the longest heading, so long lines are ruled out without comparing.
    let longest: Int

    /// Prepares `headings` (as the options give them) for matching.
    init(_ headings: [String]) {
        keys = headings.map { $0.trimmingCharacters(in: .whitespaces).unicodeScalars.map(Self.fold) }.filter { !$0.isEmpty }
        longest = keys.map(\.count).max() ?? 0
    }

    /// Throws, naming the option, when a configured heading is empty: it would match every blank line.
    static func validate(_ headings: [String], code: String) throws {
        if headings.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            throw ComponentError(
                code: code, "a sources heading cannot be empty; remove the empty entry or write a heading such as 'Sources'",
                option: "sourcesHeadings")
        }
    }

    /// Whether `range` of `s` (a line, or a paragraph's text) opens the sources section, and how.
    ///
    /// Works on scalars without building a string, since the text reader asks it of every line.
    func match<Scalars: RandomAccessCollection<Unicode.Scalar>>(_ s: Scalars, in range: Range<Int>) -> Match? where Scalars.Index == Int {
        var start = range.lowerBound
        var end = range.upperBound
        while start < end, s[start].isSpace { start += 1 }
        while end > start, s[end - 1].isSpace { end -= 1 }
        guard start < end else { return nil }
        for key in keys where start + key.count <= end {
            var k = 0
            while k < key.count, Self.fold(s[start + k]) == key[k] { k += 1 }
            guard k == key.count else { continue }
            var p = start + k
            while p < end, s[p] == " " || s[p] == "\t" { p += 1 }
            if p == end { return Match(heading: start..<(start + key.count), entry: nil) }
            guard s[p] == ":" else { continue }
            let heading = start..<(p + 1)
            p += 1
            while p < end, s[p].isSpace { p += 1 }
            guard p < end else { return Match(heading: heading, entry: nil) }
            // `Sources: two officials said the talks had stalled.` is reporting, not a list of sources.
            let entry = LineShape(s: s, range: p..<end)
            if entry.endsLikeSentence, entry.hasMoreWords(than: Self.longestEntry) { return nil }
            return Match(heading: heading, entry: p..<end)
        }
        return nil
    }

    /// Whether the whole of `text` is a configured heading, colon optional (a Markdown heading).
    func isHeading(_ text: String) -> Bool {
        let s = Array(text.unicodeScalars)
        guard let match = match(s, in: 0..<s.count) else { return false }
        return match.entry == nil
    }

    /// A scalar's lower-case form when that is one scalar (ASCII without a table look-up).
    private static func fold(_ c: Unicode.Scalar) -> Unicode.Scalar {
        if c.isASCII { return ("A"..."Z").contains(c) ? Unicode.Scalar(c.value + 32)! : c }
        let lower = c.properties.lowercaseMapping.unicodeScalars
        return lower.count == 1 ? lower.first! : c
    }
}
