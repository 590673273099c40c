import DossierCore

/// A document's non-empty blocks sorted by position, for finding the block at an offset in
/// logarithmic time (the `sources` and `claims` analyzers ask once per token or sentence).
struct BlockIndex {
    /// The blocks, sorted, each inside the text.
    let blocks: [Block]

    /// Indexes the non-empty blocks of `document` that lie within its first `length` scalars.
    init(_ document: Document, length: Int) {
        blocks = Self.ordered(document.blocks, length: length)
    }

    /// The non-empty blocks that lie within the first `length` scalars, sorted. The readers give
    /// blocks in order, so the array is returned as it is when it already qualifies (a block a
    /// line of a list article is 64 bytes: a filtered copy and a sort of them were as large as
    /// the text); only blocks out of order, empty or outside are filtered and sorted.
    static func ordered(_ blocks: [Block], length: Int) -> [Block] {
        var previous = 0
        for block in blocks {
            if block.range.isEmpty || block.range.end > length || block.range.start < previous {
                return blocks.filter { !$0.range.isEmpty && $0.range.end <= length }.sorted { $0.range < $1.range }
            }
            previous = block.range.end
        }
        return blocks
    }

    /// The block that holds `offset`, if any.
    func block(at offset: Int) -> Block? {
        var lo = 0
        var hi = blocks.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if blocks[mid].range.end <= offset { lo = mid + 1 } else { hi = mid }
        }
        return lo < blocks.count && blocks[lo].range.start <= offset ? blocks[lo] : nil
    }
}
