/// What a registry knows about a component without creating it: for listings, linting and planning.
public struct ComponentInfo: Sendable, Hashable {
    /// Readers, analyzers and exporters live in separate namespaces.
    public enum Kind: String, Sendable, Hashable, CaseIterable, Codable {
        case reader, analyzer, exporter
    }

    /// Which namespace.
    public var kind: Kind
    /// The id pipelines use.
    public var id: String
    /// One line saying what it does.
    public var summary: String
    /// Its version.
    public var version: String
    /// Layers it needs (analyzers and exporters).
    public var requires: [LayerID]
    /// Layers it writes (analyzers).
    public var provides: [LayerID]
    /// The encoded default options, an object.
    public var defaults: JSONValue
    /// One line of help per option key.
    public var help: [String: String]
    /// File extensions a reader claims, or the one extension an exporter writes.
    public var fileExtensions: [String]
    /// Whether an exporter writes its one target file in place (see `Exporter.writesInPlace`).
    public var writesInPlace = false

    /// Creates a description; the registry makes these for registered types, and the pipeline
    /// loader for components declared in a pipeline file, such as external programs.
    public init(
        kind: Kind, id: String, summary: String, version: String, requires: [LayerID], provides: [LayerID], defaults: JSONValue,
        help: [String: String], fileExtensions: [String], writesInPlace: Bool = false
    ) {
        self.kind = kind
        self.id = id
        self.summary = summary
        self.version = version
        self.requires = requires
        self.provides = provides
        self.defaults = defaults
        self.help = help
        self.fileExtensions = fileExtensions
        self.writesInPlace = writesInPlace
    }

    /// The option keys, in the order the defaults list them, then any that only have help.
    public var optionKeys: [String] {
        var keys: [String] = []
        if case .object(let pairs) = defaults { keys = pairs.map(\.key) }
        for key in help.keys.sorted() where !keys.contains(key) { keys.append(key) }
        return keys
    }
}
