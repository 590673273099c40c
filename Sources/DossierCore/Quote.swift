/// Something the article reports a person or body as saying.
public struct Quote: Annotation {
    /// Whether the words are quoted verbatim or reported.
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// Words inside quotation marks.
        case direct
        /// Reported speech ("X said that ...").
        case indirect
    }

    public static let layer: LayerID = .quotes
    public static let idPrefix = "q"

    public var id: String
    /// Where the quoted or reported words lie.
    public var range: TextRange
    /// Verbatim or reported.
    public var kind: Kind
    /// The entity the article says spoke, when it names one: a pointer into the entities layer,
    /// so the speaker's name, kind and role are those of the entity.
    public var speaker: Reference<Entity>?
    /// Where the speaker is named next to the words, when that is in the text.
    public var speakerRange: TextRange?
    /// The verb that attributes the words, such as `said` or `warned`.
    public var cue: String?
    /// The component that found it.
    public var producer: Provenance

    /// Creates a quote annotation.
    public init(
        id: String = "", range: TextRange, kind: Kind, speaker: Reference<Entity>? = nil, speakerRange: TextRange? = nil,
        cue: String? = nil, producer: Provenance = .unstamped
    ) {
        self.id = id
        self.range = range
        self.kind = kind
        self.speaker = speaker
        self.speakerRange = speakerRange
        self.cue = cue
        self.producer = producer
    }

    public var coveredRange: TextRange? { range }

    public func forEachRange(_ body: (TextRange) -> Void) {
        body(range)
        if let speakerRange { body(speakerRange) }
    }

    public func forEachReference(_ body: (_ id: String, _ layer: LayerID?) -> Void) {
        if let speaker { body(speaker.id, Entity.layer) }
    }

    // Wire form: {"id", "start", "end", "kind", "speaker"? (an entity id), "speakerRange"? {"start", "end"}, "cue"?, "producer"}.
    private enum CodingKeys: String, CodingKey { case id, start, end, kind, speaker, speakerRange, cue, producer }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(String.self, forKey: .id) ?? ""
        range = TextRange(start: try c.decode(Int.self, forKey: .start), end: try c.decode(Int.self, forKey: .end))
        kind = try c.decode(Kind.self, forKey: .kind)
        speaker = try c.decodeIfPresent(Reference<Entity>.self, forKey: .speaker)
        speakerRange = try c.decodeIfPresent(TextRange.self, forKey: .speakerRange)
        cue = try c.decodeIfPresent(String.self, forKey: .cue)
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
        try c.encodeIfPresent(cue, forKey: .cue)
        try c.encode(producer, forKey: .producer)
    }
}
