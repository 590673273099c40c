/// What the date scanner needs to know about one document: the date relative mentions are
/// resolved against, and how to read ambiguous forms.
struct DateSettings: Sendable {
    /// The published date, or the reference date when the document has none.
    var anchor: CivilDate?
    /// The published value when it is present but not an ISO 8601 date, for the reason given.
    var unreadablePublished: String?
    /// `12/04/2025` read day first (true), month first (false), or left unresolved when both read (nil).
    var dayFirst: Bool?
    /// Whether relative mentions are resolved at all.
    var resolveRelative: Bool

    /// Why a relative mention whose text is `text` has no value.
    func reason(for text: String) -> String {
        if !resolveRelative { return "relative dates are not resolved (resolveRelative is false); '\(text)' is kept as found" }
        if let unreadablePublished {
            return "the published date '\(unreadablePublished)' is not an ISO 8601 date to resolve '\(text)' against"
        }
        return "no published date to resolve '\(text)' against"
    }
}
