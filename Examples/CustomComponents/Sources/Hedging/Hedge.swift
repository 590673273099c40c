public import DossierCore

/// A layer of this package's own: a word that softens a statement ("reportedly", "could",
/// "about"), pointing at the sentence it softens.
///
/// Declaring a layer is this one type: it names its layer (`hedges`), and its `Codable` conformance
/// is its wire form in Dossier JSON, where the `json` exporter writes it under `layers.hedges`
/// with each item's covered text. There is nothing to register.
public struct Hedge: Annotation {
    /// The layer's name, for `requires` and `provides`.
    public static let layer: LayerID = "hedges"

    /// Its id in the document (`hedges-1`, …), given by the runner.
    public var id = ""
    /// The sentence the hedge softens.
    public var sentence: Reference<Sentence>
    /// The cue, lowercased, as listed in the analyzer's options.
    public var cue: String
    /// Where the cue word is, in Unicode scalar offsets.
    public var range: TextRange
    /// Which component produced it; the runner stamps it.
    public var producer = Provenance.unstamped

    /// The cue word, whose text Dossier JSON writes beside the item.
    public var coveredRange: TextRange? { range }

    /// Creates a hedge; the runner fills `id` and `producer`.
    public init(sentence: Reference<Sentence>, cue: String, range: TextRange) {
        self.sentence = sentence
        self.cue = cue
        self.range = range
    }

    /// Tells the runner which annotation this one points at, so it can check that it exists.
    public func forEachReference(_ body: (_ id: String, _ layer: LayerID?) -> Void) { body(sentence.id, Sentence.layer) }

    // The wire form every layer follows: id, flat start/end, producer, then its own fields.
    private enum CodingKeys: String, CodingKey { case id, start, end, cue, sentence, producer }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        range = TextRange(start: try c.decode(Int.self, forKey: .start), end: try c.decode(Int.self, forKey: .end))
        cue = try c.decode(String.self, forKey: .cue)
        sentence = try c.decode(Reference<Sentence>.self, forKey: .sentence)
        producer = try c.decode(Provenance.self, forKey: .producer)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(range.start, forKey: .start)
        try c.encode(range.end, forKey: .end)
        try c.encode(cue, forKey: .cue)
        try c.encode(sentence, forKey: .sentence)
        try c.encode(producer, forKey: .producer)
    }
}
