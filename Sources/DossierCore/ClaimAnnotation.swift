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

    public var id: String
    public var range: TextRange
    public var checkWorthiness: Double
    /// What sort of statement it is.
    public var kind: ClaimKind
    /// The entity the article attributes the claim to, when it names one.
    public var claimant: Reference<Entity>?
    /// Who makes the claim: the publication, a named speaker or an unnamed one.
    public var claimantKind: ClaimantKind
    /// The quote the claim is taken from, when it is someone's speech.
    public var quote: Reference<Quote>?
    /// The entities the claim names, other than its claimant, in order of first mention.
    public var actors: [Reference<Entity>]
    /// The date mentions inside the claim.
    public var dates: [Reference<DateMention>]
    /// The features that raised or lowered the score, strongest first.
    public var reasons: [Reason]
    /// Words that soften the claim ("could", "reportedly", "suggesting").
    public var hedges: [TextRange]
    /// Words that harden it ("clearly", "undeniably").
    public var boosters: [TextRange]
    /// The phrase that attributes the claim ("according to the ministry", "the US reports").
    public var attribution: TextRange?
    /// The sources that back the claim and how each is tied to it; empty when it is unsourced.
    public var support: [Support]
    /// The component that found it.
    public var producer: Provenance

    /// Creates a claim annotation.
    public init(
        id: String = "", range: TextRange, checkWorthiness: Double, kind: ClaimKind = .fact,
        sources: [Reference<SourceAnnotation>] = [], claimant: Reference<Entity>? = nil,
        claimantKind: ClaimantKind? = nil, quote: Reference<Quote>? = nil, actors: [Reference<Entity>] = [],
        dates: [Reference<DateMention>] = [], reasons: [Reason] = [], hedges: [TextRange] = [], boosters: [TextRange] = [],
        attribution: TextRange? = nil, producer: Provenance = .unstamped
    ) {
        self.id = id
        self.range = range
        self.checkWorthiness = checkWorthiness
        self.kind = kind
        self.support = sources.map { Support(source: $0, via: .unspecified) }
        self.claimant = claimant
        self.claimantKind = claimantKind ?? (claimant == nil ? .publication : .speaker)
        self.quote = quote
        self.actors = actors
        self.dates = dates
        self.reasons = reasons
        self.hedges = hedges
        self.boosters = boosters
        self.attribution = attribution
        self.producer = producer
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
        for d in dates { body(d.id, DateMention.layer) }
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
        id = try c.decodeIfPresent(String.self, forKey: .id) ?? ""
        range = TextRange(start: try c.decode(Int.self, forKey: .start), end: try c.decode(Int.self, forKey: .end))
        checkWorthiness = try c.decode(Double.self, forKey: .checkWorthiness)
        kind = try c.decodeIfPresent(ClaimKind.self, forKey: .kind) ?? .fact
        claimant = try c.decodeIfPresent(Reference<Entity>.self, forKey: .claimant)
        claimantKind = try c.decodeIfPresent(ClaimantKind.self, forKey: .claimantKind) ?? (claimant == nil ? .publication : .speaker)
        quote = try c.decodeIfPresent(Reference<Quote>.self, forKey: .quote)
        actors = try c.decodeIfPresent([Reference<Entity>].self, forKey: .actors) ?? []
        dates = try c.decodeIfPresent([Reference<DateMention>].self, forKey: .dates) ?? []
        reasons = try c.decodeIfPresent([Reason].self, forKey: .reasons) ?? []
        hedges = try c.decodeIfPresent([TextRange].self, forKey: .hedges) ?? []
        boosters = try c.decodeIfPresent([TextRange].self, forKey: .boosters) ?? []
        attribution = try c.decodeIfPresent(TextRange.self, forKey: .attribution)
        if let support = try c.decodeIfPresent([Support].self, forKey: .support) {
            self.support = support
        } else {
            let ids = try c.decodeIfPresent([Reference<SourceAnnotation>].self, forKey: .sourceIds) ?? []
            support = ids.map { Support(source: $0, via: .unspecified) }
        }
        producer = try c.decode(Provenance.self, forKey: .producer)
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
