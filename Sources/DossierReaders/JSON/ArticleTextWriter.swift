import DossierCore

/// Writes an article's canonical text block by block, for readers that assemble the text
/// themselves (the `json` and `jsonl` readers).
///
/// Blocks are separated by a blank line (`\n\n`), which belongs to no block. Whitespace inside a
/// block is collapsed to single spaces as it is written, except where a line break is asked for,
/// so every block range covers exactly the block's visible text.
struct ArticleTextWriter {
    private(set) var scalars: [Unicode.Scalar] = []
    private(set) var blocks: [Block] = []
    var links: [Link] = []

    /// Where the current block's text starts, or nil when nothing has been written to it.
    private(set) var blockStart: Int?
    /// Where the separator before the current block starts, to take the block back.
    private var separatorStart = 0
    private var pendingSpace = false
    private var pendingBreak = false

    /// Whether any text has been written to the current block.
    var hasOpenBlock: Bool { blockStart != nil }

    /// The offset the next visible scalar will be written at, once pending spaces are written.
    private mutating func prepareContent() {
        if blockStart == nil {
            separatorStart = scalars.count
            if !scalars.isEmpty { scalars.append(contentsOf: ["\n", "\n"]) }
            blockStart = scalars.count
        } else if pendingBreak {
            scalars.append("\n")
        } else if pendingSpace {
            scalars.append(" ")
        }
        pendingSpace = false
        pendingBreak = false
    }

    /// Writes `text`, collapsing whitespace; returns the range of its first and last visible
    /// scalars, or nil when it has none.
    @discardableResult
    mutating func write(_ text: String) -> TextRange? {
        write(text.unicodeScalars[...])
    }

    /// Writes the scalars `text`, collapsing whitespace; returns the range of its first and last
    /// visible scalars, or nil when it has none.
    ///
    /// Concrete rather than generic, and appending whole runs of visible scalars at once: this is
    /// where most of the time to read a large dump goes.
    @discardableResult
    mutating func write(_ text: Substring.UnicodeScalarView) -> TextRange? {
        var first: Int?
        var index = text.startIndex
        while index < text.endIndex {
            if text[index].isSpace {
                if blockStart != nil { pendingSpace = true }
                text.formIndex(after: &index)
                continue
            }
            let runStart = index
            while index < text.endIndex, !text[index].isSpace { text.formIndex(after: &index) }
            prepareContent()
            if first == nil { first = scalars.count }
            scalars.append(contentsOf: text[runStart..<index])
        }
        return first.map { TextRange(start: $0, end: scalars.count) }
    }

    /// Asks for a line break before the next visible text of this block.
    mutating func lineBreak() {
        if blockStart != nil { pendingBreak = true }
    }

    /// The offset visible text written next would start at, for a link opened before its text.
    /// The returned value is only meaningful once text has been written after it.
    var nextContentOffset: Int { scalars.count }

    /// Ends the current block as `kind`; returns its range, or nil when it was empty.
    @discardableResult
    mutating func endBlock(_ kind: BlockKind, level: Int? = nil, label: String? = nil) -> TextRange? {
        guard let start = blockStart else { return nil }
        blockStart = nil
        pendingSpace = false
        pendingBreak = false
        let range = TextRange(start: start, end: scalars.count)
        blocks.append(Block(kind: kind, range: range, level: level, label: label))
        return range
    }

    /// Removes the current block's text and separator without recording it, and drops the range
    /// of any link inside it.
    mutating func discardBlock() {
        guard blockStart != nil else { return }
        scalars.removeSubrange(separatorStart...)
        for i in links.indices where (links[i].range?.end ?? 0) > separatorStart { links[i].range = nil }
        blockStart = nil
        pendingSpace = false
        pendingBreak = false
    }

    /// The number of scalars written to the current block so far.
    var openBlockLength: Int { blockStart.map { scalars.count - $0 } ?? 0 }

    /// The text of the current block so far.
    var openBlockText: String {
        guard let start = blockStart else { return "" }
        return String(scalars: scalars[start...])
    }

    /// The text of `range`.
    func text(in range: TextRange) -> String { String(scalars: scalars[range.offsets]) }

    /// Changes the kind of the block at `index`.
    mutating func setKind(_ kind: BlockKind, at index: Int) { blocks[index].kind = kind }
}
