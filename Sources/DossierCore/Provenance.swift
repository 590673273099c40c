/// Which component produced a piece of the document, and which version of it.
///
/// The pipeline runner stamps every annotation an analyzer returns with the analyzer's provenance,
/// so a consumer can always tell where a result came from.
public struct Provenance: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The component's registered id, such as `sentences`.
    public var component: String
    /// The component's version string.
    public var version: String

    /// Creates a provenance record.
    public init(component: String, version: String) {
        self.component = component
        self.version = version
    }

    /// A placeholder for annotations that have not been stamped by the runner yet.
    public static let unstamped = Provenance(component: "", version: "")

    public var description: String { "\(component)@\(version)" }
}
