/// What sort of thing a source is: an open set of lowercase names.
///
/// Built-in analyzers use the constants below; a component may add kinds of its own. Version 3
/// and earlier of Dossier JSON knew only `document`, `person`, `organization`, `social-post` and
/// `other`, which keep their names.
public struct SourceKind: OpenName {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// A hyperlink in the article.
    public static let link: SourceKind = "link"
    /// A report, study, filing, statement or other document the article cites.
    public static let document: SourceKind = "document"
    /// A person quoted or credited by name.
    public static let person: SourceKind = "person"
    /// An organisation, government or agency credited (not a news outlet).
    public static let organization: SourceKind = "organization"
    /// A news outlet or wire agency credited ("Reuters reported").
    public static let outlet: SourceKind = "outlet"
    /// A social-media post embedded or cited.
    public static let socialPost: SourceKind = "social-post"
    /// An entry of a "Sources:" or "Read more" list.
    public static let listed: SourceKind = "listed"
    /// A source the article does not name ("a spokesperson who asked not to be named").
    public static let anonymous: SourceKind = "anonymous"
    /// Anything else.
    public static let other: SourceKind = "other"
    /// The built-in kinds, in a stable order.
    public static let builtIn: [SourceKind] = [.link, .document, .person, .organization, .outlet, .socialPost, .listed, .anonymous, .other]
}
