/// A named person, organisation, place or other entity mentioned in the article.
public struct Entity: Hashable, Sendable, Codable {
    /// The kind of entity, following the common PER / ORG / LOC / MISC scheme.
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case person, organization, location, misc
    }

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
    public init(range: TextRange, kind: Kind, name: String, role: String? = nil, producer: Provenance = .unstamped) {
        self.range = range
        self.kind = kind
        self.name = name
        self.role = role
        self.producer = producer
    }
}
