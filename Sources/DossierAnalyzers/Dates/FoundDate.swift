import DossierCore

/// A mention the date scanner found: the `DateMention` itself, unnumbered and unstamped, so that
/// the scanner's array is the analyzer's result with no second array of a copy beside it (one
/// mention a weekday in a long article is the analyzer's whole memory).
typealias FoundDate = DateMention

extension DateMention {
    /// A mention as the scanner finds it.
    init(start: Int, end: Int, kind: Kind, value: String?, anchor: String?, unresolved: String?) {
        self.init(range: TextRange(start: start, end: end), kind: kind, value: value, anchor: anchor, unresolved: unresolved)
    }

    /// Where the mention starts, in scalars.
    var start: Int { range.start }
    /// Where it ends.
    var end: Int { range.end }
}
