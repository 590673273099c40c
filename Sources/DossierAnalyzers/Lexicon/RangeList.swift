import DossierCore

/// Ranges sorted once, asked by a binary search whether any overlaps a range or holds it whole:
/// the listed sources and links `claims` checks each sentence against, the sources and vague
/// attributions `sources` checks each unnamed speaker against.
struct RangeList {
    /// The ranges, sorted.
    let ranges: [TextRange]
    /// The longest range: a search starts that far before the range asked about.
    let longest: Int

    init(_ ranges: [TextRange]) {
        self.ranges = ranges.sorted()
        longest = ranges.map(\.count).max() ?? 0
    }

    var isEmpty: Bool { ranges.isEmpty }

    /// Whether any range overlaps `range`.
    func overlaps(_ range: TextRange) -> Bool {
        first(near: range) { $0.overlaps(range) }
    }

    /// Whether one range holds all of `range`.
    func holds(_ range: TextRange) -> Bool {
        first(near: range) { $0.start <= range.start && range.end <= $0.end }
    }

    /// The first range that starts inside `range`, after its start, and reaches its end.
    func closing(_ range: TextRange) -> TextRange? {
        firstRange(near: range) { $0.start > range.start && $0.end >= range.end }
    }

    private func first(near range: TextRange, where test: (TextRange) -> Bool) -> Bool {
        firstRange(near: range, where: test) != nil
    }

    /// The first range that can reach `range` (starting at most `longest` before it and before
    /// its end) and satisfies `test`.
    private func firstRange(near range: TextRange, where test: (TextRange) -> Bool) -> TextRange? {
        var k = ranges.firstIndex(startingAtOrAfter: range.start - longest, by: \.start)
        while k < ranges.count && ranges[k].start < range.end {
            if test(ranges[k]) { return ranges[k] }
            k += 1
        }
        return nil
    }
}
