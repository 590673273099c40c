import DossierCore

/// Writes article text with highlights as valid nested `<mark>` elements, however the highlights
/// overlap.
///
/// Highlights come from several layers and may nest (an entity inside a quote inside a claim) or
/// cross (a quote that starts inside one claim and ends inside the next). HTML elements can only
/// nest, so a highlight is split into pieces: at the edges of the segments the text is written in
/// (paragraphs, headings: a `<mark>` may not cross a `</p>`), and wherever a highlight opened
/// later ends first, which closes the ones opened after it and reopens those that go on. Only the
/// first piece of a highlight carries its `id`; later pieces use its `resume` tag. Ranges are
/// Unicode scalar offsets, half-open; empty ones are dropped. Each segment's text is written in
/// runs between boundaries, straight from the document's code units.
struct HTMLHighlighter {
    /// One highlight.
    struct Highlight {
        /// The text it covers.
        var range: TextRange
        /// Among highlights of the same range, which is outermost: lower is outer.
        var rank: Int
        /// The opening tag of its first piece (with its `id`).
        var open: String
        /// The opening tag of every later piece.
        var resume: String
    }

    /// A highlight clipped to one segment, or to the part between two boundaries.
    private struct Piece {
        var start: Int
        var end: Int
        var highlight: Int
    }

    private let highlights: [Highlight]
    private let segments: [Range<Int>]
    /// Per segment, its pieces in opening order: by start, the longer first, then by rank.
    private var pieces: [[Piece]]
    /// Which highlights had their first piece written (so a link to their `id` will resolve).
    private(set) var written: Set<Int> = []

    /// Prepares `highlights` for writing `segments`, which are in text order and do not overlap;
    /// a highlight's parts outside every segment are not shown.
    init(highlights: [Highlight], segments: [Range<Int>]) {
        self.highlights = highlights
        self.segments = segments
        var pieces = Array(repeating: [Piece](), count: segments.count)
        for (index, h) in highlights.enumerated() where h.range.start < h.range.end {
            // The first segment that ends after the highlight starts.
            var low = 0
            var high = segments.count
            while low < high {
                let mid = (low + high) / 2
                if segments[mid].upperBound <= h.range.start { low = mid + 1 } else { high = mid }
            }
            var s = low
            while s < segments.count, segments[s].lowerBound < h.range.end {
                let start = max(h.range.start, segments[s].lowerBound)
                let end = min(h.range.end, segments[s].upperBound)
                if start < end { pieces[s].append(Piece(start: start, end: end, highlight: index)) }
                s += 1
            }
        }
        for s in pieces.indices {
            pieces[s].sort {
                if $0.start != $1.start { return $0.start < $1.start }
                if $0.end != $1.end { return $0.end > $1.end }
                let (a, b) = (highlights[$0.highlight].rank, highlights[$1.highlight].rank)
                return a != b ? a < b : $0.highlight < $1.highlight
            }
        }
        self.pieces = pieces
    }

    /// Writes segment `index`'s text with its highlights.
    mutating func write(segment index: Int, of scalars: ScalarBuffer, into out: inout HTMLBuffer) {
        let segment = segments[index]
        let pieces = self.pieces[index]
        var stack: [Int] = []
        var position = segment.lowerBound
        var next = 0
        while true {
            let openAt = next < pieces.count ? pieces[next].start : Int.max
            var closeAt = Int.max
            for p in stack where pieces[p].end < closeAt { closeAt = pieces[p].end }
            let boundary = min(openAt, closeAt, segment.upperBound)
            if boundary > position {
                out.scalars(scalars, position..<boundary)
                position = boundary
            }
            if closeAt == boundary, let lowest = stack.firstIndex(where: { pieces[$0].end == boundary }) {
                // Close from the top down to the lowest one ending here, then reopen those that go on.
                let popped = stack[lowest...]
                for _ in popped { out.raw("</mark>") }
                let reopened = popped.filter { pieces[$0].end > boundary }
                stack.removeSubrange(lowest...)
                for p in reopened {
                    out.raw(highlights[pieces[p].highlight].resume)
                    stack.append(p)
                }
            }
            while next < pieces.count, pieces[next].start == boundary {
                let h = pieces[next].highlight
                if pieces[next].start == highlights[h].range.start && !written.contains(h) {
                    out.raw(highlights[h].open)
                    written.insert(h)
                } else {
                    out.raw(highlights[h].resume)
                }
                stack.append(next)
                next += 1
            }
            if position >= segment.upperBound && stack.isEmpty && next >= pieces.count { break }
        }
    }
}
