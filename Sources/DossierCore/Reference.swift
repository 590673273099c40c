/// A typed pointer from one annotation to another by id, such as a quote's speaker to an entity.
///
/// In Dossier JSON a reference is the target's id as a string. The type parameter says which
/// layer the target lives in; the runner checks that every reference an analyzer returns points
/// at an annotation of that layer (E492), and `Annotations.resolve(_:)` follows it.
public struct Reference<Target: Annotation>: Hashable, Sendable, Codable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The id of the annotation pointed at.
    public var id: String {
        get { storedID.string(prefix: Target.idPrefix) }
        set { storedID = CompactID(newValue, prefix: Target.idPrefix) }
    }

    // The id in 8 bytes (`CompactID`), canonical under the target's prefix, so references compare
    // and hash by it as by the id.
    private var storedID: CompactID

    /// Creates a reference to the annotation with `id`.
    public init(_ id: String) { storedID = CompactID(id, prefix: Target.idPrefix) }

    /// Creates a reference to `target`, which must already have its id.
    public init(to target: Target) { self.init(target.id) }

    public init(stringLiteral value: String) { self.init(value) }

    public init(from decoder: any Decoder) throws { self.init(try decoder.singleValueContainer().decode(String.self)) }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(id)
    }

    public var description: String { id }
}
