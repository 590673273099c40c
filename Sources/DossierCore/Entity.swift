/// A named person, organisation, place or other entity mentioned in the article.
public struct Entity: Annotation {
    /// The kind of entity: an open set of lowercase names. The built-in ones follow the common
    /// PER / ORG / LOC / MISC scheme; an analyzer may introduce others (`event`, `product`)
    /// without changing this module, as readers do with block kinds.
    public struct Kind: OpenName {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        /// A person.
        public static let person: Kind = "person"
        /// A company, agency, party, outlet or other body.
        public static let organization: Kind = "organization"
        /// A country, city, region or other place.
        public static let location: Kind = "location"
        /// Any other name.
        public static let misc: Kind = "misc"
        /// The built-in kinds, in a stable order.
        public static let builtIn: [Kind] = [.person, .organization, .location, .misc]
    }

    public static let layer: LayerID = .entities
    public static let idPrefix = "e"

    public var id: String
    /// Where the mention lies.
    public var range: TextRange
    /// What kind of entity it is.
    public var kind: Kind
    /// The name the mention refers to, such as the full name for a surname-only mention.
    public var name: String
    /// The role the article gives the entity, such as `Ukrainian President`.
    public var role: String?
    /// The component that found it.
    public var producer: Provenance

    /// Creates an entity annotation.
    public init(id: String = "", range: TextRange, kind: Kind, name: String, role: String? = nil, producer: Provenance = .unstamped) {
        self.id = id
        self.range = range
        self.kind = kind
        self.name = name
        self.role = role
        self.producer = producer
    }

    public var coveredRange: TextRange? { range }

    // Wire form: {"id", "start", "end", "kind", "name", "role"?, "producer"}.
    private enum CodingKeys: String, CodingKey { case id, start, end, kind, name, role, producer }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(String.self, forKey: .id) ?? ""
        range = TextRange(start: try c.decode(Int.self, forKey: .start), end: try c.decode(Int.self, forKey: .end))
        kind = try c.decode(Kind.self, forKey: .kind)
        name = try c.decode(String.self, forKey: .name)
        role = try c.decodeIfPresent(String.self, forKey: .role)
        producer = try c.decode(Provenance.self, forKey: .producer)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(range.start, forKey: .start)
        try c.encode(range.end, forKey: .end)
        try c.encode(kind, forKey: .kind)
        try c.encode(name, forKey: .name)
        try c.encodeIfPresent(role, forKey: .role)
        try c.encode(producer, forKey: .producer)
    }
}
