/// A person, organisation, place or group the article names: one referent with every mention of it.
///
/// An entity is not a lone span. "Volodymyr Zelensky", a later "Zelensky", "the president" and a
/// resolved "he" are one entity with four mentions; the first full mention gives the canonical
/// `name`, and `range` is that mention's span. Roles ("Ukrainian President", "chief executive of
/// the bank") are gathered from every mention, each with where the article says it.
public struct Entity: Annotation {
    /// The kind of entity: an open set of lowercase names. The built-in ones follow the common
    /// PER / ORG / LOC / MISC scheme, with `group` for nationalities, religious and political
    /// groups (spaCy's NORP); an analyzer may introduce others (`event`, `product`) without
    /// changing this module, as readers do with block kinds.
    public struct Kind: OpenName {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        /// A person.
        public static let person: Kind = "person"
        /// A company, agency, party, outlet or other body.
        public static let organization: Kind = "organization"
        /// A country, city, region or other place.
        public static let location: Kind = "location"
        /// A nationality, or a religious or political group named as people ("Ukrainians", "Republicans").
        public static let group: Kind = "group"
        /// Any other name.
        public static let misc: Kind = "misc"
        /// The built-in kinds, in a stable order.
        public static let builtIn: [Kind] = [.person, .organization, .location, .group, .misc]
    }

    /// One place where the article refers to the entity.
    public struct Mention: Hashable, Sendable, Codable {
        /// How a mention refers to its entity: an open set of lowercase names.
        public struct Form: OpenName {
            public var rawValue: String
            public init(rawValue: String) { self.rawValue = rawValue }

            /// The full name, as in the first mention ("Friedrich Merz").
            public static let name: Form = "name"
            /// A shorter or other name for the same referent ("Merz", "NATO" for the alliance's full name).
            public static let alias: Form = "alias"
            /// A description standing for the name ("the chancellor").
            public static let nominal: Form = "nominal"
            /// A pronoun resolved to the entity ("he").
            public static let pronoun: Form = "pronoun"
        }

        /// Where the mention lies.
        public var range: TextRange
        /// How it refers to the entity.
        public var form: Form

        /// Creates a mention.
        public init(range: TextRange, form: Form = .name) {
            self.range = range
            self.form = form
        }

        // Wire form: {"start", "end", "form"}.
        private enum CodingKeys: String, CodingKey { case start, end, form }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            range = try TextRange(decodingFrom: c, start: .start, end: .end)
            form = try c.decodeIfPresent(Form.self, forKey: .form) ?? .name
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(range.start, forKey: .start)
            try c.encode(range.end, forKey: .end)
            try c.encode(form, forKey: .form)
        }
    }

    /// A role or office the article gives the entity, with whom it holds it for when it says so.
    public struct Role: Hashable, Sendable, Codable {
        /// The title or office as written, without the affiliation: `President`, `chief executive`, `envoy`.
        public var title: String
        /// Whose role it is, when the article says: `Ukrainian`, `the bank`, `Kremlin`, `US`.
        public var affiliation: String?
        /// Where the role is stated, when it is in the text.
        public var range: TextRange?

        /// Creates a role.
        public init(title: String, affiliation: String? = nil, range: TextRange? = nil) {
            self.title = title
            self.affiliation = affiliation
            self.range = range
        }

        /// The role as one phrase, affiliation first: `Ukrainian President`, `Kremlin aide`.
        public var phrase: String { affiliation.map { "\($0) \(title)" } ?? title }

        // Wire form: {"title", "affiliation"?, "start"?, "end"?}.
        private enum CodingKeys: String, CodingKey { case title, affiliation, start, end }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            title = try c.decode(String.self, forKey: .title)
            affiliation = try c.decodeIfPresent(String.self, forKey: .affiliation)
            let start = try c.decodeIfPresent(Int.self, forKey: .start)
            let end = try c.decodeIfPresent(Int.self, forKey: .end)
            range = start.flatMap { s in end.map { TextRange(start: s, end: $0) } }
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(title, forKey: .title)
            try c.encodeIfPresent(affiliation, forKey: .affiliation)
            try c.encodeIfPresent(range?.start, forKey: .start)
            try c.encodeIfPresent(range?.end, forKey: .end)
        }
    }

    public static let layer: LayerID = .entities
    public static let idPrefix = "e"

    public var id: String
    /// What kind of entity it is.
    public var kind: Kind
    /// The canonical name: the fullest name the article uses for the referent.
    public var name: String
    /// Every mention, in text order; the first is the one `range` names.
    public var mentions: [Mention]
    /// The roles the article gives the entity, in the order it gives them.
    public var roles: [Role]
    /// The component that found it.
    public var producer: Provenance

    /// Creates an entity from its mentions; `mentions` should not be empty.
    public init(id: String = "", kind: Kind, name: String, mentions: [Mention], roles: [Role] = [], producer: Provenance = .unstamped) {
        self.id = id
        self.kind = kind
        self.name = name
        self.mentions = mentions
        self.roles = roles
        self.producer = producer
    }

    /// Creates an entity with a single mention at `range`, and a role when `role` is given.
    public init(id: String = "", range: TextRange, kind: Kind, name: String, role: String? = nil, producer: Provenance = .unstamped) {
        self.init(
            id: id, kind: kind, name: name, mentions: [Mention(range: range)], roles: role.map { [Role(title: $0)] } ?? [],
            producer: producer)
    }

    /// The span of the first mention (an empty range at 0 for an entity without mentions).
    public var range: TextRange { mentions.first?.range ?? TextRange(start: 0, end: 0) }

    /// The first role as one phrase, such as `Ukrainian President`, when there is one.
    public var role: String? { roles.first?.phrase }

    public var coveredRange: TextRange? { mentions.first?.range }

    public func forEachRange(_ body: (TextRange) -> Void) {
        for mention in mentions { body(mention.range) }
        for role in roles { if let range = role.range { body(range) } }
    }

    // Wire form (version 3): {"id", "start", "end" (the first mention), "kind", "name",
    // "mentions": [{"start", "end", "form"}], "roles": [{"title", "affiliation"?, "start"?, "end"?}],
    // "producer"}. A version 2 entity ({"start", "end", "name", "role"?}) reads as one mention.
    private enum CodingKeys: String, CodingKey { case id, start, end, kind, name, mentions, roles, role, producer }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(String.self, forKey: .id) ?? ""
        kind = try c.decode(Kind.self, forKey: .kind)
        name = try c.decode(String.self, forKey: .name)
        if let mentions = try c.decodeIfPresent([Mention].self, forKey: .mentions) {
            self.mentions = mentions
        } else {
            mentions = [Mention(range: try TextRange(decodingFrom: c, start: .start, end: .end))]
        }
        if let roles = try c.decodeIfPresent([Role].self, forKey: .roles) {
            self.roles = roles
        } else {
            roles = try c.decodeIfPresent(String.self, forKey: .role).map { [Role(title: $0)] } ?? []
        }
        producer = try c.decode(Provenance.self, forKey: .producer)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(range.start, forKey: .start)
        try c.encode(range.end, forKey: .end)
        try c.encode(kind, forKey: .kind)
        try c.encode(name, forKey: .name)
        try c.encode(mentions, forKey: .mentions)
        try c.encode(roles, forKey: .roles)
        try c.encode(producer, forKey: .producer)
    }
}
