/// Something the article cites as the origin of information: a document, a person, a post.
public protocol Source: Sendable {
    /// A stable identifier within the document, such as `s1`.
    var id: String { get }
    /// How the article names the source.
    var name: String { get }
    /// Its address, when it has one.
    var url: String? { get }
    /// What sort of source it is.
    var kind: SourceKind { get }
}

/// What sort of thing a source is.
public enum SourceKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// A linked or listed document.
    case document
    /// A person quoted or credited.
    case person
    /// An organisation, agency or outlet credited.
    case organization
    /// A social-media post.
    case socialPost = "social-post"
    /// Anything else.
    case other
}
