public import DossierCore
public import DossierYAML

/// One component named in a pipeline file, before it is created: its id, its instance name, its
/// options and where they were written.
public struct ComponentEntry: Sendable {
    /// The component id as written: which registered type.
    public var id: String
    /// The instance name: `as:` when given, else the id. Unique per kind in a pipeline; `extends`
    /// merges entries by it.
    public var name: String
    /// Where `as:` gives the name, when it does.
    public var nameLocation: SourceLocation?
    /// Where the id was written.
    public var location: SourceLocation
    /// The options mapping, without pipeline-level keys such as `to:`; nil when none were given.
    public var options: YAMLNode?
    /// For exporters: the output target and where it was written.
    public var output: (target: OutputTarget, location: SourceLocation)?
    /// For exporters: the output target as written, with any `${NAME}` unreplaced; nil when no
    /// variable was replaced.
    public var outputAsWritten: String?
    /// `enabled: false` removes an entry inherited through `extends`.
    public var enabled: Bool = true

    /// Creates an entry.
    public init(id: String, location: SourceLocation, options: YAMLNode? = nil) {
        self.id = id
        self.name = id
        self.location = location
        self.options = options
    }
}
