/// The source values that flow through a pipeline.
///
/// One source is one thing the article rests on: a link, a named outlet, a person quoted, a
/// document, an embedded post, an entry of a "Sources:" list, or an unnamed source. A person or
/// organisation points at its entity; a social post carries its platform, handle, author and date.
public struct SourceAnnotation: Source, Annotation {
    public static let layer: LayerID = .sources
    public static let idPrefix = "src"

    public var id: String
    public var name: String
    public var url: String?
    public var kind: SourceKind
    /// Where the article mentions the source, when it does in the text.
    public var range: TextRange?
    /// The entity the source is, for people, organisations and outlets the entities layer found.
    public var entity: Reference<Entity>?
    /// The platform of a social post, such as `X`, `Bluesky` or `Instagram`.
    public var platform: String?
    /// The account handle of a social post, with its `@`.
    public var handle: String?
    /// The date a post or document gives for itself, as written or in ISO 8601 when it could be read.
    public var date: String?
    /// The component that found it.
    public var producer: Provenance

    /// Creates a source annotation.
    public init(
        id: String = "", name: String, url: String? = nil, kind: SourceKind, range: TextRange? = nil,
        entity: Reference<Entity>? = nil, platform: String? = nil, handle: String? = nil, date: String? = nil,
        producer: Provenance = .unstamped
    ) {
        self.id = id
        self.name = name
        self.url = url
        self.kind = kind
        self.range = range
        self.entity = entity
        self.platform = platform
        self.handle = handle
        self.date = date
        self.producer = producer
    }

    public var coveredRange: TextRange? { range }

    public func forEachReference(_ body: (_ id: String, _ layer: LayerID?) -> Void) {
        if let entity { body(entity.id, Entity.layer) }
    }

    // Wire form: {"id", "name", "url"?, "kind", "start"?, "end"?, "entity"? (an entity id), "platform"?, "handle"?,
    // "date"?, "producer"}.
    private enum CodingKeys: String, CodingKey { case id, name, url, kind, start, end, entity, platform, handle, date, producer }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(String.self, forKey: .id) ?? ""
        name = try c.decode(String.self, forKey: .name)
        url = try c.decodeIfPresent(String.self, forKey: .url)
        kind = try c.decode(SourceKind.self, forKey: .kind)
        range = try TextRange(flatFrom: c, start: .start, end: .end)
        entity = try c.decodeIfPresent(Reference<Entity>.self, forKey: .entity)
        platform = try c.decodeIfPresent(String.self, forKey: .platform)
        handle = try c.decodeIfPresent(String.self, forKey: .handle)
        date = try c.decodeIfPresent(String.self, forKey: .date)
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
        try c.encodeIfPresent(entity, forKey: .entity)
        try c.encodeIfPresent(platform, forKey: .platform)
        try c.encodeIfPresent(handle, forKey: .handle)
        try c.encodeIfPresent(date, forKey: .date)
        try c.encode(producer, forKey: .producer)
    }
}
