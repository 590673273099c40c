import DossierCore

/// A mention the date scanner found, before it becomes a `DateMention`.
struct FoundDate: Sendable {
    var start: Int
    var end: Int
    var kind: DateMention.Kind
    var value: String?
    var anchor: String?
    var unresolved: String?
}
