/// Which component produced a piece of the document, and which version of it.
///
/// The pipeline runner stamps every annotation an analyzer returns with the analyzer's provenance,
/// so a consumer can always tell where a result came from.
public struct Provenance: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The component's registered id, such as `sentences`.
    public var component: String
    /// The component's version string.
    public var version: String
    /// The name the pipeline gave this instance (`as:`), when it is not the id: two instances of
    /// one component, such as two entity models, tell their results apart by it.
    public var name: String?

    /// Creates a provenance record.
    public init(component: String, version: String, name: String? = nil) {
        self.component = component
        self.version = version
        self.name = name == component ? nil : name
    }

    /// The instance that produced it: its name, or the component id when it has none.
    public var instance: String { name ?? component }

    /// A placeholder for annotations that have not been stamped by the runner yet.
    public static let unstamped = Provenance(component: "", version: "")

    public var description: String { name.map { "\($0) (\(component)@\(version))" } ?? "\(component)@\(version)" }
}
