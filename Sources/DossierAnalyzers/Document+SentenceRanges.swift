import DossierCore

extension Document {
    /// The sentences' ranges in order of start: sorted in place only when the layer is not in
    /// order already (the sentences analyzer gives it in order), so there is no second array of
    /// them (16 bytes a sentence, one a line in a list article).
    var sentenceRangesByStart: [Range<Int>] {
        var ranges = annotations.sentences.map(\.range.offsets)
        if zip(ranges, ranges.dropFirst()).contains(where: { $0.lowerBound > $1.lowerBound }) {
            ranges.sort { $0.lowerBound < $1.lowerBound }
        }
        return ranges
    }
}
