/// Something the article reports a person or body as saying.
public struct Quote: Hashable, Sendable, Codable {
    /// Whether the words are quoted verbatim or reported.
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// Words inside quotation marks.
        case direct
        /// Reported speech ("X said that ...").
        case indirect
    }

    /// Where the quoted or reported words lie.
    public var range: TextRange
    /// Verbatim or reported.
    public var kind: Kind
    /// Who the article says spoke, as named in the text.
    public var speaker: String?
    /// Where the speaker is named, when that is in the text.
    public var speakerRange: TextRange?
    /// The verb that attributes the words, such as `said` or `warned`.
    public var cue: String?
    /// The component that found it.
    public var producer: Provenance

    /// Creates a quote annotation.
    public init(
        range: TextRange, kind: Kind, speaker: String? = nil, speakerRange: TextRange? = nil, cue: String? = nil,
        producer: Provenance = .unstamped
    ) {
        self.range = range
        self.kind = kind
        self.speaker = speaker
        self.speakerRange = speakerRange
        self.cue = cue
        self.producer = producer
    }
}
