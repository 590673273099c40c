import DossierCore

/// What part a block plays for the framing analyzer.
enum FramingRole: Sendable, Equatable {
    /// The headline: the first `title` block.
    case headline
    /// A story highlight: a list item under a highlights heading, or before the first paragraph;
    /// at most `maximumHighlights` of them.
    case highlight
    /// A section heading, or a later title.
    case heading
    /// The writer's running text: lede, paragraphs, captions, other list items.
    case body
    /// Someone else's words set off from the text: block quotes and embedded posts.
    case quotedBlock
    /// Not prose of the article: bylines, datelines, the sources list.
    case skipped

    /// Whether the block is the publication's own words (quotation marks inside it aside).
    var isWriter: Bool { self == .headline || self == .highlight || self == .heading || self == .body }

    /// Whether the block's words count as the body a headline must be supported by.
    var isBody: Bool { self == .body || self == .quotedBlock }

    /// Words in a list's heading that make its items story highlights (compared lower-cased, as
    /// substrings of the block's label).
    static let highlightLabels = ["highlight", "key point", "takeaway", "at a glance", "in brief", "summary", "what we know", "in short"]

    /// The most story highlights an article has: a highlights box is a short summary (three to
    /// eight items is usual), so list items past this many are body text. It also bounds what the
    /// support check keeps until the body is read, however long a list under such a heading is.
    static let maximumHighlights = 24

    /// The role of every block, in the blocks' order.
    static func roles(of blocks: [Block]) -> [FramingRole] {
        let firstParagraph = blocks.firstIndex { $0.kind == .paragraph } ?? blocks.count
        var seenTitle = false
        var highlights = 0
        // The last label judged, and whether it named highlights: a list's items share one label.
        var lastLabel: String?
        var lastLabelIsHighlights = false
        return blocks.enumerated().map { index, block in
            switch block.kind {
            case .title:
                defer { seenTitle = true }
                return seenTitle ? .heading : .headline
            case .heading: return .heading
            case .listItem:
                guard highlights < maximumHighlights else { return .body }
                if index < firstParagraph {
                    highlights += 1
                    return .highlight
                }
                if block.label != lastLabel {
                    lastLabel = block.label
                    let label = block.label?.lowercased() ?? ""
                    lastLabelIsHighlights = highlightLabels.contains { label.contains($0) }
                }
                guard lastLabelIsHighlights else { return .body }
                highlights += 1
                return .highlight
            case .blockQuote, .embeddedPost: return .quotedBlock
            case .byline, .dateline, .sourcesSection: return .skipped
            default: return .body
            }
        }
    }
}
