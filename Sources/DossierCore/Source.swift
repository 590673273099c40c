/// Something the article cites as the origin of information: a document, a person, a post.
///
/// Requirements added after the first release have default implementations, so a conformer
/// written against an earlier version still compiles.
public protocol Source: Sendable {
    /// A stable identifier within the document, such as `s1`.
    var id: String { get }
    /// How the article names the source.
    var name: String { get }
    /// Its address, when it has one.
    var url: String? { get }
    /// What sort of source it is.
    var kind: SourceKind { get }
    /// Whether the article leaves the source unnamed; by default, whether its kind is `anonymous`.
    var isAnonymous: Bool { get }
}

extension Source {
    public var isAnonymous: Bool { kind == .anonymous }
}
