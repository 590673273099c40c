import DossierCore

/// A document's non-empty blocks sorted by position, for finding the block at an offset in
/// logarithmic time (the `sources` and `claims` analyzers ask once per token or sentence).
struct BlockIndex {
    /// The blocks, sorted, each inside the text.
    let blocks: [Block]

    /// Indexes the non-empty blocks of `document` that lie within its first `length` scalars.
    init(_ document: Document, length: Int) {
        blocks = document.blocks.filter { !$0.range.isEmpty && $0.range.end <= length }.sorted { $0.range < $1.range }
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
