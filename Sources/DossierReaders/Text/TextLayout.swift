import DossierCore
import Foundation

/// Recovers the blocks, links and metadata of a plain-text article from its normalised lines.
///
/// Lines are first grouped into units (a paragraph of consecutive prose lines, a list item, an
/// attribution line, …), then each unit is given its block kind by looking at its neighbours:
/// whether a heading is one depends on what follows it.
struct TextLayout {
    let s: ScalarBuffer
    let lines: [PlainTextDecoder.Line]
    let options: TextReader.Options

    /// The configured sources headings, prepared once by the reader.
    private let sourcesHeadings: SourcesHeadings

    init(scalars: ScalarBuffer, lines: [PlainTextDecoder.Line], options: TextReader.Options, sourcesHeadings: SourcesHeadings) {
        s = scalars
        self.lines = lines
        self.options = options
        self.sourcesHeadings = sourcesHeadings
    }

    /// What the layout found.
    struct Result {
        var blocks: [Block] = []
        var links: [Link] = []
        var metadata = Metadata()
    }

    private enum Shape: Equatable {
        case prose, listItem, markdownHeading, attribution, byline, sourcesHeading, sourceEntry
    }

    private struct Unit {
        var shape: Shape
        var range: Range<Int>
        var firstLine: Int
        var lastLine: Int
        var paragraph: Int
        var level: Int?
        /// Whether a following prose line of the same paragraph starts a new unit.
        var closed = false
        var kind: BlockKind = .paragraph
        var label: String?
        var authors: [String] = []
    }

    func build() -> Result {
        var units = makeUnits()
        classify(&units)
        var result = Result()
        // Only the article's opening paragraph can carry a dateline.
        let opening = units.firstIndex { $0.kind == .lede || $0.kind == .paragraph }
        for (index, unit) in units.enumerated() {
            if index == opening, let dateline = dateline(in: unit.range) {
                result.blocks.append(Block(kind: .dateline, range: TextRange(dateline.place)))
                result.blocks.append(Block(kind: unit.kind, range: TextRange(dateline.rest)))
            } else {
                result.blocks.append(Block(kind: unit.kind, range: TextRange(unit.range), level: unit.level, label: unit.label))
            }
            if unit.kind == .title, result.metadata.title == nil { result.metadata.title = shape(unit.range).text }
            if unit.kind == .byline { result.metadata.authors += unit.authors }
        }
        for block in result.blocks { result.links += links(in: block) }
        return result
    }

    private func shape(_ range: Range<Int>) -> LineShape<ScalarBuffer> { LineShape(s: s, range: range) }

    // MARK: Units

    /// Whether prose lines are hard-wrapped, so that consecutive lines belong to one paragraph.
    ///
    /// Text where most lines are long, like many web copies and exports, puts one paragraph on each
    /// line and may have no blank lines at all; text wrapped at a fixed width has short lines and
    /// blank lines between paragraphs. Short lines with no blank line anywhere are taken as one
    /// paragraph each, since a wrapped article would otherwise be a single paragraph.
    private var isHardWrapped: Bool {
        let lengths = lines.map { $0.end - $0.start }
        guard !lengths.isEmpty else { return false }
        // Wrapped text separates its paragraphs with blank lines; without any, each line stands alone.
        guard let first = lines.first?.paragraph, lines.contains(where: { $0.paragraph != first }) else { return false }
        let long = lengths.filter { $0 > 100 }.count
        return long * 5 <= lengths.count
    }

    private func makeUnits() -> [Unit] {
        var units: [Unit] = []
        let wrapped = isHardWrapped
        var inSources = false
        for (index, line) in lines.enumerated() {
            let lineShape = shape(line.start..<line.end)
            func unit(_ shape: Shape, from start: Int = line.start, level: Int? = nil) -> Unit {
                Unit(shape: shape, range: start..<line.end, firstLine: index, lastLine: index, paragraph: line.paragraph, level: level)
            }
            if inSources {
                units.append(unit(.sourceEntry, from: lineShape.listItemTextStart ?? line.start))
            } else if let sources = sourcesHeading(lineShape) {
                inSources = true
                var heading = unit(.sourcesHeading, level: 1)
                heading.range = sources.heading
                units.append(heading)
                if let entry = sources.entry {
                    // `Sources: Reuters, AP`: the heading and its first entry share the line.
                    var first = unit(.sourceEntry)
                    first.range = entry
                    units.append(first)
                }
            } else if options.detectEmbeds, lineShape.isPostAttribution {
                // Tested before list items, since an attribution may open with a dash.
                units.append(unit(.attribution))
            } else if let textStart = lineShape.listItemTextStart, !lineShape.holdsInlineList(after: textStart) {
                // A line holding several markers (`1. First 2. Second`) is left to the prose
                // branches below, so its block keeps every marker and the sentences can split there.
                units.append(unit(.listItem, from: textStart, level: line.indent / 2 + 1))
            } else if let heading = lineShape.markdownHeading {
                units.append(unit(.markdownHeading, from: heading.textStart, level: heading.level))
            } else if let authors = lineShape.bylineAuthors {
                var byline = unit(.byline)
                byline.authors = authors
                units.append(byline)
            } else if wrapped, var last = units.last, last.paragraph == line.paragraph, last.lastLine == index - 1,
                (last.shape == .prose && !last.closed) || (last.shape == .listItem && line.indent > 0)
            {
                // A hard-wrapped paragraph, or an indented continuation of a list item.
                last.range = last.range.lowerBound..<line.end
                last.lastLine = index
                units[units.count - 1] = last
            } else {
                var prose = unit(.prose)
                // A short unpunctuated line that reads like a heading, or opens the article, stands alone.
                prose.closed =
                    lineShape.isTitleShaped && (index == 0 || lineShape.isTitleCased || lineShape.endsWithColon)
                units.append(prose)
            }
        }
        return units
    }

    private func sourcesHeading(_ line: LineShape<ScalarBuffer>) -> SourcesHeadings.Match? {
        let start = line.markdownHeading?.textStart ?? line.range.lowerBound
        return sourcesHeadings.match(s, in: start..<line.range.upperBound)
    }

    // MARK: Kinds

    private func classify(_ units: inout [Unit]) {
        for i in units.indices {
            switch units[i].shape {
            case .markdownHeading, .sourcesHeading: units[i].kind = .heading
            case .listItem: units[i].kind = .listItem
            case .byline: units[i].kind = .byline
            case .sourceEntry: units[i].kind = .sourcesSection
            case .attribution: units[i].kind = .embeddedPost
            case .prose: units[i].kind = isSocialLinkLine(units[i].range) && options.detectEmbeds ? .embeddedPost : .paragraph
            }
        }
        mergeEmbeds(&units)
        // List items take the heading just before their list as label.
        var label: String?
        for i in units.indices {
            if units[i].kind == .paragraph, isHeading(units, at: i) {
                units[i].kind = .heading
                units[i].level = 1
            }
            if units[i].kind == .listItem {
                if i > 0, units[i - 1].kind == .heading {
                    var text = shape(units[i - 1].range).text
                    if text.hasSuffix(":") { text.removeLast() }
                    label = text
                } else if i == 0 || units[i - 1].kind != .listItem {
                    label = nil
                }
                units[i].label = label
            }
        }
        assignTitleAndLede(&units)
    }

    /// Whether the prose unit at `i` is a heading, judged by its shape and by what follows it.
    private func isHeading(_ units: [Unit], at i: Int) -> Bool {
        let unit = units[i]
        guard options.detectHeadings, unit.firstLine == unit.lastLine, i + 1 < units.count else { return false }
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
        if units.count > 1, first.firstLine == first.lastLine,
            (first.shape == .prose && shape(first.range).isTitleShaped) || (first.shape == .markdownHeading && first.level == 1)
        {
            units[0].kind = .title
            units[0].level = nil
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
        if opening, lineShape.endsLikeSentence, lineShape.wordCount >= 12 { units[index].kind = .lede }
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
            if i > 0, units[i - 1].shape == .prose, units[i - 1].paragraph == units[i].paragraph,
                units[i - 1].lastLine == units[i].firstLine - 1
            {
                units[i - 1].kind = .embeddedPost
                units[i - 1].range = units[i - 1].range.lowerBound..<units[i].range.upperBound
                units[i - 1].lastLine = units[i].lastLine
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
