/// The source values that flow through a pipeline.
public struct SourceAnnotation: Source, Annotation {
    public static let layer: LayerID = .sources
    public static let idPrefix = "src"

    public var id: String
    public var name: String
    public var url: String?
    public var kind: SourceKind
    /// Where the article mentions the source, when it does in the text.
    public var range: TextRange?
    /// The component that found it.
    public var producer: Provenance

    /// Creates a source annotation.
    public init(
        id: String = "", name: String, url: String? = nil, kind: SourceKind, range: TextRange? = nil, producer: Provenance = .unstamped
    ) {
        self.id = id
        self.name = name
        self.url = url
        self.kind = kind
        self.range = range
        self.producer = producer
    }

    public var coveredRange: TextRange? { range }

    // Wire form: {"id", "name", "url"?, "kind", "start"?, "end"?, "producer"}.
    private enum CodingKeys: String, CodingKey { case id, name, url, kind, start, end, producer }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(String.self, forKey: .id) ?? ""
        name = try c.decode(String.self, forKey: .name)
        url = try c.decodeIfPresent(String.self, forKey: .url)
        kind = try c.decode(SourceKind.self, forKey: .kind)
        range = try TextRange(flatFrom: c, start: .start, end: .end)
        producer = try c.decode(Provenance.self, forKey: .producer)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encodeIfPresent(url, forKey: .url)
        try c.encode(kind, forKey: .kind)
        try c.encodeIfPresent(range?.start, forKey: .start)
        try c.encodeIfPresent(range?.end, forKey: .end)
        try c.encode(producer, forKey: .producer)
    }
}
