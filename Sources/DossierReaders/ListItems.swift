import DossierCore

/// Makes a reader's list-item blocks, each item with the label of the one before sharing its
/// storage (`Block.moved(to:level:)`): a list of 100,000 items under one heading holds one label.
struct ListItems {
    /// The last labelled item made.
    private var last: Block?

    /// A list item at `range` and `level`, labelled `label`.
    mutating func item(_ range: TextRange, level: Int?, label: String?) -> Block {
        if let last, let label, last.label == label { return last.moved(to: range, level: level) }
        let item = Block(kind: .listItem, range: range, level: level, label: label)
        if label != nil { last = item }
        return item
    }
}
