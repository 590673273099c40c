import DossierCore
import Foundation

/// Recovers the blocks, links and metadata of a plain-text article from its normalised lines.
///
/// Lines are first grouped into units (a paragraph of consecutive prose lines, a list item, an
/// attribution line, …), then each unit is given its block kind by looking at its neighbours:
/// whether a heading is one depends on what follows it.
struct TextLayout {
    let s: ScalarBuffer
    let options: TextReader.Options

    /// The configured sources headings, prepared once by the reader.
    private let sourcesHeadings: SourcesHeadings

    init(scalars: ScalarBuffer, options: TextReader.Options, sourcesHeadings: SourcesHeadings) {
        s = scalars
        self.options = options
        self.sourcesHeadings = sourcesHeadings
    }

    /// What the layout found.
    struct Result {
        var blocks: [Block] = []
        var links: [Link] = []
        var metadata = Metadata()
    }

    private enum Shape: UInt8 {
        case prose, listItem, markdownHeading, attribution, byline, sourcesHeading, sourceEntry
    }

    /// A block kind while the units are classified, one byte instead of a `BlockKind` string.
    private enum Kind: UInt8 {
        case paragraph, heading, listItem, byline, sourcesSection, embeddedPost, title, lede

        var blockKind: BlockKind {
            switch self {
            case .paragraph: .paragraph
            case .heading: .heading
            case .listItem: .listItem
            case .byline: .byline
            case .sourcesSection: .sourcesSection
            case .embeddedPost: .embeddedPost
            case .title: .title
            case .lede: .lede
            }
        }
    }

    /// A run of lines that becomes one block: 16 bytes, since an article of one-line list items
    /// has one per line and they live beside the blocks made from them (the text reader's memory
    /// budget is 4 times the article). Offsets fit in 32 bits: the reader refuses longer text.
    private struct Unit {
        var start: Int32
        var end: Int32
        /// The block's level, or 0 for none (levels start at 1).
        var level: Int32 = 0
        var shape: Shape
        var kind: Kind = .paragraph
        private var flags: UInt8 = Self.oneLine

        private static let closedFlag: UInt8 = 1
        private static let oneLine: UInt8 = 2
        private static let continuesFlag: UInt8 = 4

        init(start: Int32, end: Int32, level: Int32, shape: Shape, closed: Bool, continuesPrevious: Bool) {
            self.start = start
            self.end = end
            self.level = level
            self.shape = shape
            self.closed = closed
            self.continuesPrevious = continuesPrevious
        }

        private mutating func set(_ flag: UInt8, _ on: Bool) { flags = on ? flags | flag : flags & ~flag }

        /// Whether a following prose line of the same paragraph starts a new unit.
        var closed: Bool {
            get { flags & Self.closedFlag != 0 }
            set { set(Self.closedFlag, newValue) }
        }
        /// Whether the unit is one line.
        var isOneLine: Bool {
            get { flags & Self.oneLine != 0 }
            set { set(Self.oneLine, newValue) }
        }
        /// Whether the unit starts on the line just after the previous unit's last line, and in
        /// its paragraph; what merging an attribution with the post above it asks. Merging keeps
        /// it true of the unit after: the merged unit ends where the attribution ended.
        var continuesPrevious: Bool {
            get { flags & Self.continuesFlag != 0 }
            set { set(Self.continuesFlag, newValue) }
        }

        var range: Range<Int> { Int(start)..<Int(end) }
        var levelValue: Int? { level == 0 ? nil : Int(level) }
    }

    /// The units of an article, with the labels and authors of the few that have them, by the
    /// offset where the unit starts (no two units start at one offset).
    private struct Units {
        var items: [Unit] = []
        /// The label of each list item that opens a list under a heading; the items after it
        /// in the same list take the same label.
        var labels: [Int32: String] = [:]
        var authors: [Int32: [String]] = [:]
    }

    /// Lays out the article from its normalised lines, which it lets go once they are grouped
    /// into units, before any block is made.
    func build(lines: consuming [PlainTextDecoder.Line]) -> Result {
        var units = makeUnits(lines)
        _ = consume lines
        classify(&units)
        var result = Result()
        result.blocks.reserveCapacity(units.items.count + 1)
        // Only the article's opening paragraph can carry a dateline.
        let opening = units.items.firstIndex { $0.kind == .lede || $0.kind == .paragraph }
        var label: String?
        var items = ListItems()
        for (index, unit) in units.items.enumerated() {
            if unit.kind == .listItem {
                // As `classify` found it: set where a list opens under a heading, kept to the list's end.
                if let opening = units.labels[unit.start] {
                    label = opening
                } else if index == 0 || units.items[index - 1].kind != .listItem {
                    label = nil
                }
            }
            if index == opening, let dateline = dateline(in: unit.range) {
                result.blocks.append(Block(kind: .dateline, range: TextRange(dateline.place)))
                result.blocks.append(Block(kind: unit.kind.blockKind, range: TextRange(dateline.rest)))
            } else if unit.kind == .listItem {
                result.blocks.append(items.item(TextRange(unit.range), level: unit.levelValue, label: label))
            } else {
                result.blocks.append(Block(kind: unit.kind.blockKind, range: TextRange(unit.range), level: unit.levelValue))
            }
            if unit.kind == .title, result.metadata.title == nil { result.metadata.title = shape(unit.range).text }
            if unit.kind == .byline, let authors = units.authors[unit.start] { result.metadata.authors += authors }
            if result.metadata.published == nil, index < 5, index <= (opening ?? index), let date = publishedLine(unit.range) {
                result.metadata.published = date
            }
        }
        for block in result.blocks { result.links += links(in: block) }
        return result
    }

    private func shape(_ range: Range<Int>) -> LineShape<ScalarBuffer> { LineShape(s: s, range: range) }

    /// The date of a line near the top that holds a date and nothing else but a word saying what
    /// it dates and a time (`December 5, 2025`, `Published: 5 Dec 2025, 10:30 GMT`, `Updated
    /// 2025-12-05`), as ISO 8601; nil for any other line (a sentence that names a date).
    private func publishedLine(_ range: Range<Int>) -> String? {
        guard range.count >= 8, range.count <= 80 else { return nil }
        let text = shape(range).text
        let words = text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        guard words.count <= 12,
            words.allSatisfy({ word in
                word.first?.isNumber == true || Self.dateLineWords.contains(String(word))
            })
        else { return nil }
        let date = HTMLDate.normalise(text)
        return HTMLDate.day(date) != nil ? date : nil
    }

    /// Words a date line may hold besides its numbers: months, what it dates, weekdays, `at`, time zones.
    private static let dateLineWords: Set<String> = [
        "published", "updated", "posted", "last", "modified", "date", "on", "at", "am", "pm", "a", "p", "m", "gmt", "utc", "bst",
        "cet", "cest", "est", "edt", "cst", "cdt", "pst", "pdt", "et", "pt", "monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "january", "february",
        "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "mar",
        "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ]

    // MARK: Units

    /// Whether prose lines are hard-wrapped, so that consecutive lines belong to one paragraph.
    ///
    /// Text where most lines are long, like many web copies and exports, puts one paragraph on each
    /// line and may have no blank lines at all; text wrapped at a fixed width has short lines and
    /// blank lines between paragraphs. Short lines with no blank line anywhere are taken as one
    /// paragraph each, since a wrapped article would otherwise be a single paragraph.
    private func isHardWrapped(_ lines: [PlainTextDecoder.Line]) -> Bool {
        guard let first = lines.first?.paragraph else { return false }
        // Wrapped text separates its paragraphs with blank lines; without any, each line stands alone.
        var long = 0
        var severalParagraphs = false
        for line in lines {
            if line.end - line.start > 100 { long += 1 }
            if line.paragraph != first { severalParagraphs = true }
        }
        return severalParagraphs && long * 5 <= lines.count
    }

    private func makeUnits(_ lines: [PlainTextDecoder.Line]) -> Units {
        var units = Units()
        // At most one unit a line, and one more where a sources heading shares its line with an entry.
        units.items.reserveCapacity(lines.count + 1)
        let wrapped = isHardWrapped(lines)
        var inSources = false
        // Where the last unit ends: its last line and paragraph.
        var lastLine = -2
        var lastParagraph = -1
        for (index, line) in lines.enumerated() {
            let lineShape = shape(line.start..<line.end)
            let continues = lastLine == index - 1 && lastParagraph == line.paragraph
            func add(_ shape: Shape, from start: Int = line.start, to end: Int? = nil, level: Int = 0, closed: Bool = false) {
                units.items.append(
                    Unit(
                        start: Int32(truncatingIfNeeded: start), end: Int32(truncatingIfNeeded: end ?? line.end),
                        level: Int32(truncatingIfNeeded: level), shape: shape, closed: closed,
                        continuesPrevious: lastLine == index - 1 && lastParagraph == line.paragraph))
                lastLine = index
                lastParagraph = line.paragraph
            }
            if inSources {
                add(.sourceEntry, from: lineShape.listItemTextStart ?? line.start)
            } else if let sources = sourcesHeading(lineShape) {
                inSources = true
                add(.sourcesHeading, from: sources.heading.lowerBound, to: sources.heading.upperBound, level: 1)
                if let entry = sources.entry {
                    // `Sources: Reuters, AP`: the heading and its first entry share the line.
                    add(.sourceEntry, from: entry.lowerBound, to: entry.upperBound)
                }
            } else if options.detectEmbeds, lineShape.isPostAttribution {
                // Tested before list items, since an attribution may open with a dash.
                add(.attribution)
            } else if let textStart = lineShape.listItemTextStart, !lineShape.holdsInlineList(after: textStart) {
                // A line holding several markers (`1. First 2. Second`) is left to the prose
                // branches below, so its block keeps every marker and the sentences can split there.
                add(.listItem, from: textStart, level: line.indent / 2 + 1)
            } else if let heading = lineShape.markdownHeading {
                add(.markdownHeading, from: heading.textStart, level: heading.level)
            } else if let authors = lineShape.bylineAuthors {
                add(.byline)
                units.authors[units.items[units.items.count - 1].start] = authors
            } else if wrapped, let last = units.items.last, continues,
                (last.shape == .prose && !last.closed) || (last.shape == .listItem && line.indent > 0)
            {
                // A hard-wrapped paragraph, or an indented continuation of a list item.
                units.items[units.items.count - 1].end = Int32(truncatingIfNeeded: line.end)
                units.items[units.items.count - 1].isOneLine = false
                lastLine = index
            } else {
                // A short unpunctuated line that reads like a heading, or opens the article, stands alone.
                add(.prose, closed: lineShape.isTitleShaped && (index == 0 || lineShape.isTitleCased || lineShape.endsWithColon))
            }
        }
        return units
    }

    private func sourcesHeading(_ line: LineShape<ScalarBuffer>) -> SourcesHeadings.Match? {
        let start = line.markdownHeading?.textStart ?? line.range.lowerBound
        return sourcesHeadings.match(s, in: start..<line.range.upperBound)
    }

    // MARK: Kinds

    private func classify(_ all: inout Units) {
        for i in all.items.indices {
            switch all.items[i].shape {
            case .markdownHeading, .sourcesHeading: all.items[i].kind = .heading
            case .listItem: all.items[i].kind = .listItem
            case .byline: all.items[i].kind = .byline
            case .sourceEntry: all.items[i].kind = .sourcesSection
            case .attribution: all.items[i].kind = .embeddedPost
            case .prose: all.items[i].kind = isSocialLinkLine(all.items[i].range) && options.detectEmbeds ? .embeddedPost : .paragraph
            }
        }
        mergeEmbeds(&all.items)
        // List items take the heading just before their list as label.
        for i in all.items.indices {
            if all.items[i].kind == .paragraph, isHeading(all.items, at: i) {
                all.items[i].kind = .heading
                all.items[i].level = 1
            }
            // Only where a list opens under a heading; `build` carries the label to the list's end.
            if all.items[i].kind == .listItem, i > 0, all.items[i - 1].kind == .heading {
                var text = shape(all.items[i - 1].range).text
                if text.hasSuffix(":") { text.removeLast() }
                all.labels[all.items[i].start] = text
            }
        }
        assignTitleAndLede(&all.items)
    }

    /// Whether the prose unit at `i` is a heading, judged by its shape and by what follows it.
    private func isHeading(_ units: [Unit], at i: Int) -> Bool {
        let unit = units[i]
        guard options.detectHeadings, unit.isOneLine, i + 1 < units.count else { return false }
        let lineShape = shape(unit.range)
        let next = units[i + 1]
        // A title-cased short question before a longer paragraph heads a section ("Who Pays?");
        // a question in sentence case ("What happens next?") stays a paragraph.
        if lineShape.isHeadingQuestion {
            return next.kind == .paragraph && lineShape.isTitleCased && shape(next.range).hasMoreWords(than: lineShape.wordCount)
        }
        guard lineShape.isHeadingShaped else { return false }
        if next.kind == .listItem { return true }
        guard next.kind == .paragraph, lineShape.isTitleCased || lineShape.endsWithColon else { return false }
        return shape(next.range).hasMoreWords(than: lineShape.wordCount)
    }

    private func assignTitleAndLede(_ units: inout [Unit]) {
        guard let first = units.first else { return }
        var hasTitle = false
        if units.count > 1, first.isOneLine,
            (first.shape == .prose && (shape(first.range).isTitleShaped || shape(first.range).isTitleQuestion))
                || (first.shape == .markdownHeading && first.level == 1)
        {
            units[0].kind = .title
            units[0].level = 0
            hasTitle = true
        }
        guard let index = units.firstIndex(where: { $0.kind == .paragraph }) else { return }
        if hasTitle {
            units[index].kind = .lede
            return
        }
        // Without a title, only an opening paragraph that is a full, long sentence counts as the lede.
        let opening = units[..<index].allSatisfy { $0.kind == .byline }
        let lineShape = shape(units[index].range)
        if opening, lineShape.endsLikeSentence, lineShape.hasMoreWords(than: 11) { units[index].kind = .lede }
    }

    // MARK: Embedded posts

    private func isSocialLinkLine(_ range: Range<Int>) -> Bool {
        // The whole unit must be one address, so a unit with a space in it (nearly all) is not one.
        for k in range where s[k].isSpace { return false }
        let matches = URLScanner.scan(s, in: range)
        return matches.count == 1 && matches[0].range == range && URLScanner.isSocial(matches[0].host)
    }

    private func containsSocialLink(_ range: Range<Int>) -> Bool {
        URLScanner.scan(s, in: range).contains { URLScanner.isSocial($0.host) }
    }

    /// Joins each attribution line with the post text above it, or marks the post text beside it.
    private func mergeEmbeds(_ units: inout [Unit]) {
        var i = 0
        while i < units.count {
            defer { i += 1 }
            guard units[i].shape == .attribution else { continue }
            if i > 0, units[i - 1].shape == .prose, units[i].continuesPrevious {
                units[i - 1].kind = .embeddedPost
                units[i - 1].end = units[i].end
                units[i - 1].isOneLine = false
                units.remove(at: i)
                i -= 1
            } else if i > 0, units[i - 1].shape == .prose, containsSocialLink(units[i - 1].range) {
                units[i - 1].kind = .embeddedPost
            } else if i + 1 < units.count, units[i + 1].shape == .prose, containsSocialLink(units[i + 1].range) {
                units[i + 1].kind = .embeddedPost
            }
        }
    }

    // MARK: Datelines

    /// A dateline opening a paragraph, `PLACE, Region (Agency) —`, and the text after its dash.
    private func dateline(in range: Range<Int>) -> (place: Range<Int>, rest: Range<Int>)? {
        let limit = min(range.upperBound, range.lowerBound + 80)
        var k = range.lowerBound
        while k + 2 < limit {
            if s[k] == " ", "\u{2014}\u{2013}-".unicodeScalars.contains(s[k + 1]), s[k + 2] == " " { break }
            k += 1
        }
        guard k + 2 < limit else { return nil }
        let place = range.lowerBound..<k
        let words = shape(place).text.split(separator: " ")
        guard let first = words.first, words.count <= 8 else { return nil }
        let letters = first.filter(\.isLetter)
        guard letters.count >= 2, letters.allSatisfy(\.isUppercase), !shape(place).endsLikeSentence else { return nil }
        var rest = k + 3
        while rest < range.upperBound, s[rest] == " " { rest += 1 }
        guard rest < range.upperBound else { return nil }
        return (place, rest..<range.upperBound)
    }

    // MARK: Links

    private func links(in block: Block) -> [Link] {
        let matches = URLScanner.scan(s, in: block.range.offsets)
        if block.kind == .sourcesSection {
            return [Link(url: matches.first?.url, text: shape(block.range.offsets).text, range: block.range, origin: .sourcesSection)]
        }
        let origin: Link.Origin = block.kind == .embeddedPost ? .embed : .hyperlink
        return matches.map { Link(url: $0.url, text: $0.text, range: TextRange($0.range), origin: origin) }
    }
}
