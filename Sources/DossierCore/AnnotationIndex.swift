/// A layer's annotations by id, for code that looks many references up: `Annotations.resolve`
/// walks the layer for each one, which an exporter doing it for every claim or quote pays for
/// over and over. As with `resolve`, the first annotation with an id is the one found.
public struct AnnotationIndex<Item: Annotation>: Sendable {
    private let items: [Item]
    private let positions: [String: Int]

    /// Indexes `items` (a layer, such as `document.annotations.sources`) by id.
    public init(_ items: [Item]) {
        self.items = items
        positions = Dictionary(items.indices.map { (items[$0].id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The annotation with `id`, if the layer has one.
    public subscript(id id: String) -> Item? { positions[id].map { items[$0] } }

    /// The annotation `reference` points at, if the layer has it.
    public func resolve(_ reference: Reference<Item>?) -> Item? { reference.flatMap { self[id: $0.id] } }
}
