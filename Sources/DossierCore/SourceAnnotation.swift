/// The source values that flow through a pipeline.
public struct SourceAnnotation: Source, Hashable, Codable {
    public var id: String
    public var name: String
    public var url: String?
    public var kind: SourceKind
    /// Where the article mentions the source, when it does in the text.
    public var range: TextRange?
    /// The component that found it.
    public var producer: Provenance

    /// Creates a source annotation.
    public init(id: String, name: String, url: String? = nil, kind: SourceKind, range: TextRange? = nil, producer: Provenance = .unstamped) {
        self.id = id
        self.name = name
        self.url = url
        self.kind = kind
        self.range = range
        self.producer = producer
    }
}
