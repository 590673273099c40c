/// A typed pointer from one annotation to another by id, such as a quote's speaker to an entity.
///
/// In Dossier JSON a reference is the target's id as a string. The type parameter says which
/// layer the target lives in; the runner checks that every reference an analyzer returns points
/// at an annotation of that layer (E492), and `Annotations.resolve(_:)` follows it.
public struct Reference<Target: Annotation>: Hashable, Sendable, Codable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The id of the annotation pointed at.
    public var id: String

    /// Creates a reference to the annotation with `id`.
    public init(_ id: String) { self.id = id }

    /// Creates a reference to `target`, which must already have its id.
    public init(to target: Target) { self.id = target.id }

    public init(stringLiteral value: String) { self.id = value }

    public init(from decoder: any Decoder) throws { id = try decoder.singleValueContainer().decode(String.self) }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(id)
    }

    public var description: String { id }
}
