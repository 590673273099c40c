/// The word lists the `sources` and `claims` analyzers match: cue categories, outlets, hedges.
///
/// Read once per process from the package resources; options add and remove entries on a copy.
struct AttributionVocabulary: Sendable {
    /// Document heads, anonymous markers, vague groups and verbs (`Resources/sources/cues.txt`).
    var cues: Lexicon
    /// News outlets and agencies (`Resources/sources/outlets.txt`), in category `outlet`.
    var outlets: Lexicon
    /// Resource files that could not be read.
    var missing: [String] = []

    let document: UInt32
    let documentModifier: UInt32
    let reportVerb: UInt32
    let anonymousMarker: UInt32
    let anonymousHead: UInt32
    let vagueGroup: UInt32
    let vagueVerb: UInt32
    let body: UInt32

    /// The shipped lists.
    static let shared = AttributionVocabulary()

    init() {
        var missing: [String] = []
        var cues = Lexicon.resource("cues", folder: "sources") ?? Lexicon()
        if cues.categories.isEmpty { missing.append("sources/cues.txt") }
        var outlets = Lexicon()
        if let file = Lexicon.resource("outlets", folder: "sources") {
            // The file has no section header: its entries are in the default category.
            outlets = file
        } else {
            missing.append("sources/outlets.txt")
        }
        document = cues.bit(of: "document")
        documentModifier = cues.bit(of: "document-modifier")
        reportVerb = cues.bit(of: "report-verb")
        anonymousMarker = cues.bit(of: "anonymous-marker")
        anonymousHead = cues.bit(of: "anonymous-head")
        vagueGroup = cues.bit(of: "vague-group")
        vagueVerb = cues.bit(of: "vague-verb")
        body = cues.bit(of: "body")
        self.cues = cues
        self.outlets = outlets
        self.missing = missing
    }

    /// A copy with `extra` outlets added and `removed` ones taken out.
    func with(outlets extra: [String], without removed: [String]) -> AttributionVocabulary {
        var copy = self
        for name in extra { copy.outlets.add(name, to: "default") }
        for name in removed { copy.outlets.remove(name) }
        return copy
    }
}
