/// The claim values that flow through a pipeline.
///
/// A claim carries what a fact-checker asks of a statement: who makes it (`claimant`,
/// `claimantKind`), what sort of statement it is (`kind`), how worth checking it is and why
/// (`checkWorthiness`, `reasons`), how firmly it is put (`hedges`, `boosters`), who it names
/// (`actors`), when it is about (`dates`), and what backs it (`support`).
public struct ClaimAnnotation: Claim, Annotation {
    /// Who the article presents as making the claim: an open set of lowercase names.
    public struct ClaimantKind: OpenName {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        /// The publication asserts it in its own voice (body text, headline, highlights).
        public static let publication: ClaimantKind = "publication"
        /// A quoted or reported speaker the article names or singles out ("Mara Lindqvist", "the
        /// council"); `claimant` points at the entity when the speaker is one.
        public static let speaker: ClaimantKind = "speaker"
        /// A speaker the article does not name ("a spokesperson", "officials").
        public static let anonymous: ClaimantKind = "anonymous"
        /// The built-in claimant kinds, in a stable order.
        public static let builtIn: [ClaimantKind] = [.publication, .speaker, .anonymous]
    }

    /// A feature of the text that raised or lowered the check-worthiness score.
    public struct Reason: Hashable, Sendable, Codable {
        /// A stable name for the feature, such as `number` or `opinion-verb`.
        public var feature: String
        /// What it means for a reader, such as "names a number".
        public var description: String
        /// Its signed contribution to the score's log-odds: positive raised it.
        public var weight: Double

        /// Creates a reason.
        public init(feature: String, description: String, weight: Double) {
            self.feature = feature
            self.description = description
            self.weight = weight
        }
    }

    /// A source that backs the claim, and how the analyzer tied the two together.
    public struct Support: Hashable, Sendable, Codable {
        /// How a source is tied to a claim: an open set of lowercase names.
        public struct Via: OpenName {
            public var rawValue: String
            public init(rawValue: String) { self.rawValue = rawValue }

            /// The source is named in the claim's own sentence ("according to X", "X reported").
            public static let attribution: Via = "attribution"
            /// The source is the speaker the claim is quoted from.
            public static let speaker: Via = "speaker"
            /// A link inside the claim's sentence.
            public static let link: Via = "link"
            /// A link elsewhere in the claim's paragraph.
            public static let paragraphLink: Via = "paragraph-link"
            /// A tie the producer did not record (Dossier JSON version 3 and earlier).
            public static let unspecified: Via = "unspecified"
        }

        /// The source.
        public var source: Reference<SourceAnnotation>
        /// How it is tied to the claim.
        public var via: Via

        /// Creates a tie between a claim and a source.
        public init(source: Reference<SourceAnnotation>, via: Via) {
            self.source = source
            self.via = via
        }
    }

    public static let layer: LayerID = .claims
    public static let idPrefix = "c"

    public var id: String {
        get { storedID.string(prefix: Self.idPrefix) }
        set { storedID = CompactID(newValue, prefix: Self.idPrefix) }
    }
    public var range: TextRange
    public var checkWorthiness: Double {
        get { scoreMillis == Self.scoreInBox ? extras?.customScore ?? 0 : Double(scoreMillis) / 1000 }
        set {
            if let millis = Self.millis(newValue) {
                scoreMillis = millis
                if extras?.customScore != nil { uniqueExtras().customScore = nil }
            } else {
                scoreMillis = Self.scoreInBox
                uniqueExtras().customScore = newValue
            }
        }
    }
    /// What sort of statement it is.
    public var kind: ClaimKind {
        get { ClaimKind.named(kindCode, among: ClaimKind.builtIn) ?? ClaimKind(rawValue: extras?.customKind ?? "") }
        set {
            kindCode = newValue.code(among: ClaimKind.builtIn)
            let custom = kindCode == customNameCode ? newValue.rawValue : nil
            if custom != nil || extras?.customKind != nil { uniqueExtras().customKind = custom }
        }
    }
    /// Who makes the claim: the publication, a named speaker or an unnamed one.
    public var claimantKind: ClaimantKind {
        get {
            ClaimantKind.named(claimantKindCode, among: ClaimantKind.builtIn)
                ?? ClaimantKind(rawValue: extras?.customClaimantKind ?? "")
        }
        set {
            claimantKindCode = newValue.code(among: ClaimantKind.builtIn)
            let custom = claimantKindCode == customNameCode ? newValue.rawValue : nil
            if custom != nil || extras?.customClaimantKind != nil { uniqueExtras().customClaimantKind = custom }
        }
    }
    /// The features that raised or lowered the score, strongest first.
    public var reasons: [Reason]
    /// The component that found it.
    public var producer: Provenance

    /// The first date mention the claim refers to, kept in the value rather than the box below: a
    /// dated claim usually names one date, and an article of dated claims (minutes, a diary, a
    /// results list) would otherwise take a box and an array, some 220 bytes, for each.
    private var firstDate: Reference<DateMention>?

    // The fields most claims leave empty (a claim in the body of a long article names no speaker,
    // quote, source, hedge or second date) live in one box, absent while they are all empty: a
    // claim takes 56 bytes instead of 168. Setting one gives this value a box of its own when it
    // shares one, so a claim behaves as any value does.
    private final class Extras: @unchecked Sendable {
        var claimant: Reference<Entity>?
        var quote: Reference<Quote>?
        var actors: [Reference<Entity>] = []
        /// The date mentions after `firstDate`; empty while it is nil.
        var laterDates: [Reference<DateMention>] = []
        var hedges: [TextRange] = []
        var boosters: [TextRange] = []
        var attribution: TextRange?
        var support: [Support] = []
        /// A kind or claimant kind that is none of the built-in names.
        var customKind: String?
        var customClaimantKind: String?
        /// A score thousandths do not hold exactly.
        var customScore: Double?

        init() {}

        init(copying other: Extras) {
            claimant = other.claimant
            quote = other.quote
            actors = other.actors
            laterDates = other.laterDates
            hedges = other.hedges
            boosters = other.boosters
            attribution = other.attribution
            support = other.support
            customKind = other.customKind
            customClaimantKind = other.customClaimantKind
            customScore = other.customScore
        }
    }

    private var extras: Extras?

    // The id in 8 bytes (`CompactID`).
    private var storedID: CompactID = .empty
    // The score in thousandths, as the claims analyzer rounds it; any other score (a component's
    // own, one read from JSON) is kept in the box, and this is `scoreInBox`. Exact either way: a
    // score is held here only when thousandths give it back bit for bit.
    private var scoreMillis: UInt16 = 0
    // The built-in kinds and claimant kinds as a byte each (`OpenName.code(among:)`); a name of a
    // component's own is kept in the box. Every initializer sets both. With the score, these go
    // last: 56 bytes a claim.
    private var kindCode: UInt8 = 0
    private var claimantKindCode: UInt8 = 0

    private static let scoreInBox: UInt16 = .max

    /// `score` in thousandths, when they hold it exactly.
    private static func millis(_ score: Double) -> UInt16? {
        let k = (score * 1000).rounded()
        guard k >= 0, k < Double(scoreInBox) else { return nil }
        let millis = UInt16(k)
        // What the getter gives back, to the bit (-0 is not 0).
        return (Double(millis) / 1000).bitPattern == score.bitPattern ? millis : nil
    }

    /// The box, made or copied first so that this value alone holds it.
    private mutating func uniqueExtras() -> Extras {
        if extras == nil {
            extras = Extras()
        } else if !isKnownUniquelyReferenced(&extras) {
            extras = Extras(copying: extras!)
        }
        return extras!
    }

    /// The entity the article attributes the claim to, when it names one.
    public var claimant: Reference<Entity>? {
        get { extras?.claimant }
        set { if newValue != nil || extras != nil { uniqueExtras().claimant = newValue } }
    }
    /// The quote the claim is taken from, when it is someone's speech.
    public var quote: Reference<Quote>? {
        get { extras?.quote }
        set { if newValue != nil || extras != nil { uniqueExtras().quote = newValue } }
    }
    /// The entities the claim names, other than its claimant, in order of first mention.
    public var actors: [Reference<Entity>] {
        get { extras?.actors ?? [] }
        set { if !newValue.isEmpty || extras != nil { uniqueExtras().actors = newValue } }
        _modify { yield &uniqueExtras().actors }
    }
    /// The date mentions inside the claim.
    public var dates: [Reference<DateMention>] {
        get {
            guard let firstDate else { return [] }
            guard let later = extras?.laterDates, !later.isEmpty else { return [firstDate] }
            return [firstDate] + later
        }
        set {
            firstDate = newValue.first
            if newValue.count > 1 || extras?.laterDates.isEmpty == false { uniqueExtras().laterDates = Array(newValue.dropFirst()) }
        }
    }
    /// Words that soften the claim ("could", "reportedly", "suggesting").
    public var hedges: [TextRange] {
        get { extras?.hedges ?? [] }
        set { if !newValue.isEmpty || extras != nil { uniqueExtras().hedges = newValue } }
        _modify { yield &uniqueExtras().hedges }
    }
    /// Words that harden it ("clearly", "undeniably").
    public var boosters: [TextRange] {
        get { extras?.boosters ?? [] }
        set { if !newValue.isEmpty || extras != nil { uniqueExtras().boosters = newValue } }
        _modify { yield &uniqueExtras().boosters }
    }
    /// The phrase that attributes the claim ("according to the ministry", "the US reports").
    public var attribution: TextRange? {
        get { extras?.attribution }
        set { if newValue != nil || extras != nil { uniqueExtras().attribution = newValue } }
    }
    /// The sources that back the claim and how each is tied to it; empty when it is unsourced.
    public var support: [Support] {
        get { extras?.support ?? [] }
        set { if !newValue.isEmpty || extras != nil { uniqueExtras().support = newValue } }
        _modify { yield &uniqueExtras().support }
    }

    /// Creates a claim annotation.
    public init(
        id: String = "", range: TextRange, checkWorthiness: Double, kind: ClaimKind = .fact,
        sources: [Reference<SourceAnnotation>] = [], claimant: Reference<Entity>? = nil,
        claimantKind: ClaimantKind? = nil, quote: Reference<Quote>? = nil, actors: [Reference<Entity>] = [],
        dates: [Reference<DateMention>] = [], reasons: [Reason] = [], hedges: [TextRange] = [], boosters: [TextRange] = [],
        attribution: TextRange? = nil, producer: Provenance = .unstamped
    ) {
        self.range = range
        self.reasons = reasons
        self.producer = producer
        self.id = id
        self.checkWorthiness = checkWorthiness
        self.kind = kind
        self.claimantKind = claimantKind ?? (claimant == nil ? .publication : .speaker)
        self.support = sources.map { Support(source: $0, via: .unspecified) }
        self.claimant = claimant
        self.quote = quote
        self.actors = actors
        self.dates = dates
        self.hedges = hedges
        self.boosters = boosters
        self.attribution = attribution
    }

    // Equal and hashed by what it holds, whether or not its empty fields have a box.
    public static func == (lhs: ClaimAnnotation, rhs: ClaimAnnotation) -> Bool {
        guard lhs.storedID == rhs.storedID, lhs.range == rhs.range, lhs.checkWorthiness == rhs.checkWorthiness, lhs.kind == rhs.kind,
            lhs.claimantKind == rhs.claimantKind, lhs.reasons == rhs.reasons, lhs.producer == rhs.producer,
            lhs.firstDate == rhs.firstDate
        else { return false }
        if lhs.extras === rhs.extras { return true }
        return lhs.claimant == rhs.claimant && lhs.quote == rhs.quote && lhs.actors == rhs.actors && lhs.dates == rhs.dates
            && lhs.hedges == rhs.hedges && lhs.boosters == rhs.boosters && lhs.attribution == rhs.attribution
            && lhs.support == rhs.support
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(storedID)
        hasher.combine(range)
        hasher.combine(checkWorthiness)
        hasher.combine(kind)
        hasher.combine(claimant)
        hasher.combine(claimantKind)
        hasher.combine(quote)
        hasher.combine(actors)
        hasher.combine(dates)
        hasher.combine(reasons)
        hasher.combine(hedges)
        hasher.combine(boosters)
        hasher.combine(attribution)
        hasher.combine(support)
        hasher.combine(producer)
    }

    /// The sources that back the claim; setting it records each tie as `unspecified`.
    public var sources: [Reference<SourceAnnotation>] {
        get { support.map(\.source) }
        set { support = newValue.map { Support(source: $0, via: .unspecified) } }
    }

    public var sourceIDs: [String] { support.map(\.source.id) }

    public var claimantID: String? { claimant?.id }

    /// Whether nothing in the article backs the claim: no source, and no named speaker it comes from.
    public var isUnsourced: Bool { Self.isUnsourced(support: support, claimantKind: claimantKind) }

    /// `isUnsourced` of a claim with this support and claimant kind, for code that reads a claim
    /// field by field rather than take it whole (a copy of a dozen counted references).
    public static func isUnsourced(support: [Support], claimantKind: ClaimantKind) -> Bool {
        support.isEmpty && claimantKind != .speaker
    }

    public var coveredRange: TextRange? { range }

    public func forEachRange(_ body: (TextRange) -> Void) {
        body(range)
        for r in hedges { body(r) }
        for r in boosters { body(r) }
        if let attribution { body(attribution) }
    }

    public func forEachReference(_ body: (_ id: String, _ layer: LayerID?) -> Void) {
        for s in support { body(s.source.id, SourceAnnotation.layer) }
        if let claimant { body(claimant.id, Entity.layer) }
        if let quote { body(quote.id, Quote.layer) }
        for a in actors { body(a.id, Entity.layer) }
        if let firstDate { body(firstDate.id, DateMention.layer) }
        for d in extras?.laterDates ?? [] { body(d.id, DateMention.layer) }
    }

    // Wire form: {"id", "start", "end", "checkWorthiness", "kind", "claimant"? (an entity id), "claimantKind",
    // "quote"? (a quote id), "actors" [entity ids], "dates" [date ids], "reasons" [{"feature", "description", "weight"}],
    // "hedges" [{"start", "end"}], "boosters" [{"start", "end"}], "attribution"? {"start", "end"},
    // "support" [{"source", "via"}], "producer"}. Version 3 and earlier had only "sourceIds" where "support" is.
    private enum CodingKeys: String, CodingKey {
        case id, start, end, checkWorthiness, kind, claimant, claimantKind, quote, actors, dates, reasons, hedges, boosters
        case attribution, support, sourceIds, producer
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let id = try c.decodeIfPresent(String.self, forKey: .id) ?? ""
        range = try TextRange(decodingFrom: c, start: .start, end: .end)
        let checkWorthiness = try c.decode(Double.self, forKey: .checkWorthiness)
        let kind = try c.decodeIfPresent(ClaimKind.self, forKey: .kind) ?? .fact
        let claimant = try c.decodeIfPresent(Reference<Entity>.self, forKey: .claimant)
        let claimantKind = try c.decodeIfPresent(ClaimantKind.self, forKey: .claimantKind) ?? (claimant == nil ? .publication : .speaker)
        let quote = try c.decodeIfPresent(Reference<Quote>.self, forKey: .quote)
        let actors = try c.decodeIfPresent([Reference<Entity>].self, forKey: .actors) ?? []
        let dates = try c.decodeIfPresent([Reference<DateMention>].self, forKey: .dates) ?? []
        reasons = try c.decodeIfPresent([Reason].self, forKey: .reasons) ?? []
        let hedges = try c.decodeIfPresent([TextRange].self, forKey: .hedges) ?? []
        let boosters = try c.decodeIfPresent([TextRange].self, forKey: .boosters) ?? []
        let attribution = try c.decodeIfPresent(TextRange.self, forKey: .attribution)
        let support: [Support]
        if let decoded = try c.decodeIfPresent([Support].self, forKey: .support) {
            support = decoded
        } else {
            let ids = try c.decodeIfPresent([Reference<SourceAnnotation>].self, forKey: .sourceIds) ?? []
            support = ids.map { Support(source: $0, via: .unspecified) }
        }
        producer = try c.decode(Provenance.self, forKey: .producer)
        self.id = id
        self.checkWorthiness = checkWorthiness
        self.kind = kind
        self.claimantKind = claimantKind
        self.claimant = claimant
        self.quote = quote
        self.actors = actors
        self.dates = dates
        self.hedges = hedges
        self.boosters = boosters
        self.attribution = attribution
        self.support = support
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(range.start, forKey: .start)
        try c.encode(range.end, forKey: .end)
        try c.encode(checkWorthiness, forKey: .checkWorthiness)
        try c.encode(kind, forKey: .kind)
        try c.encodeIfPresent(claimant, forKey: .claimant)
        try c.encode(claimantKind, forKey: .claimantKind)
        try c.encodeIfPresent(quote, forKey: .quote)
        try c.encode(actors, forKey: .actors)
        try c.encode(dates, forKey: .dates)
        try c.encode(reasons, forKey: .reasons)
        try c.encode(hedges, forKey: .hedges)
        try c.encode(boosters, forKey: .boosters)
        try c.encodeIfPresent(attribution, forKey: .attribution)
        try c.encode(support, forKey: .support)
        try c.encode(producer, forKey: .producer)
    }
}
