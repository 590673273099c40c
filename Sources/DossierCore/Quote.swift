/// Words the article puts in quotation marks or reports someone as saying, and who said them.
///
/// Not every quoted phrase is speech. A quote's `kind` tells speech (`direct`, `partial`,
/// `indirect`) from quotation marks that are not (`scare` for coined terms and scare quotes,
/// `title` for titles of works and quoted headlines), so a consumer can count who said what
/// without losing the rest; `isSpeech` draws that line.
public struct Quote: Annotation {
    /// What the quoted or reported words are: an open set of lowercase names.
    public struct Kind: OpenName {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        /// A whole quotation in quotation marks, usually with a speaker.
        public static let direct: Kind = "direct"
        /// A quoted fragment inside the writer's own sentence ("called the plan “a tax by another name”").
        public static let partial: Kind = "partial"
        /// Reported speech without quotation marks ("X said that ...", "according to X, ...").
        public static let indirect: Kind = "indirect"
        /// Quotation marks around a term, not speech: a coined term, a so-called, a scare quote.
        public static let scare: Kind = "scare"
        /// The title of a work, a programme or a quoted headline.
        public static let title: Kind = "title"
        /// The built-in kinds, in a stable order.
        public static let builtIn: [Kind] = [.direct, .partial, .indirect, .scare, .title]
    }

    public static let layer: LayerID = .quotes
    public static let idPrefix = "q"

    public var id: String
    /// Where the quoted or reported words lie, without the quotation marks.
    public var range: TextRange
    /// Speech (direct, partial, indirect) or a quoted term or title.
    public var kind: Kind
    /// The entity the article says spoke, when it names one: a pointer into the entities layer,
    /// so the speaker's name, kind and role are those of the entity.
    public var speaker: Reference<Entity>?
    /// Where the speaker is named next to the words ("Varga", "he", "a spokesperson who asked not
    /// to be named"), when that is in the text.
    public var speakerRange: TextRange?
    /// Whether the speaker is a source the article does not name.
    public var isAnonymous: Bool
    /// The verb or phrase that attributes the words, such as `said`, `warned` or `according to`.
    public var cue: String?
    /// Where the cue lies, when it is in the text.
    public var cueRange: TextRange?
    /// The component that found it.
    public var producer: Provenance

    /// Creates a quote annotation.
    public init(
        id: String = "", range: TextRange, kind: Kind, speaker: Reference<Entity>? = nil, speakerRange: TextRange? = nil,
        isAnonymous: Bool = false, cue: String? = nil, cueRange: TextRange? = nil, producer: Provenance = .unstamped
    ) {
        self.id = id
        self.range = range
        self.kind = kind
        self.speaker = speaker
        self.speakerRange = speakerRange
        self.isAnonymous = isAnonymous
        self.cue = cue
        self.cueRange = cueRange
        self.producer = producer
    }

    /// Whether the words are someone's speech rather than a quoted term or title.
    public var isSpeech: Bool { kind == .direct || kind == .partial || kind == .indirect }

    public var coveredRange: TextRange? { range }

    public func forEachRange(_ body: (TextRange) -> Void) {
        body(range)
        if let speakerRange { body(speakerRange) }
        if let cueRange { body(cueRange) }
    }

    public func forEachReference(_ body: (_ id: String, _ layer: LayerID?) -> Void) {
        if let speaker { body(speaker.id, Entity.layer) }
    }

    // Wire form: {"id", "start", "end", "kind", "speaker"? (an entity id), "speakerRange"? {"start", "end"},
    // "anonymous"? (true only), "cue"?, "cueRange"? {"start", "end"}, "producer"}.
    private enum CodingKeys: String, CodingKey { case id, start, end, kind, speaker, speakerRange, anonymous, cue, cueRange, producer }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(String.self, forKey: .id) ?? ""
        range = try TextRange(decodingFrom: c, start: .start, end: .end)
        kind = try c.decode(Kind.self, forKey: .kind)
        speaker = try c.decodeIfPresent(Reference<Entity>.self, forKey: .speaker)
        speakerRange = try c.decodeIfPresent(TextRange.self, forKey: .speakerRange)
        isAnonymous = try c.decodeIfPresent(Bool.self, forKey: .anonymous) ?? false
        cue = try c.decodeIfPresent(String.self, forKey: .cue)
        cueRange = try c.decodeIfPresent(TextRange.self, forKey: .cueRange)
        producer = try c.decode(Provenance.self, forKey: .producer)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(range.start, forKey: .start)
        try c.encode(range.end, forKey: .end)
        try c.encode(kind, forKey: .kind)
        try c.encodeIfPresent(speaker, forKey: .speaker)
        try c.encodeIfPresent(speakerRange, forKey: .speakerRange)
        if isAnonymous { try c.encode(true, forKey: .anonymous) }
        try c.encodeIfPresent(cue, forKey: .cue)
        try c.encodeIfPresent(cueRange, forKey: .cueRange)
        try c.encode(producer, forKey: .producer)
    }
}
