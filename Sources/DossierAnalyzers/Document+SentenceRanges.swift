import DossierCore

/// The sentences' ranges of a document in order of start, read from the layer itself when it is
/// in order (the sentences analyzer gives it in order), and from a sorted copy only when it is
/// not: no second array of 16 bytes a sentence (one a line in a list article) in the common case.
struct SentenceRangesByStart: RandomAccessCollection {
    private let layer: [Sentence]
    private let sorted: [Range<Int>]?

    init(_ document: Document) {
        let layer = document.annotations.sentences
        self.layer = layer
        // By position, reading each range in place: `zip` over the layer copied every sentence.
        if layer.indices.dropFirst().contains(where: { layer[$0 - 1].range.start > layer[$0].range.start }) {
            sorted = layer.map(\.range.offsets).sorted { $0.lowerBound < $1.lowerBound }
        } else {
            sorted = nil
        }
    }

    var startIndex: Int { 0 }
    var endIndex: Int { layer.count }
    subscript(i: Int) -> Range<Int> { sorted?[i] ?? layer[i].range.offsets }
}
