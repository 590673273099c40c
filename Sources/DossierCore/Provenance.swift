/// Which component produced a piece of the document, and which version of it.
///
/// The pipeline runner stamps every annotation an analyzer returns with the analyzer's provenance,
/// so a consumer can always tell where a result came from.
///
/// Its three strings live in one shared, immutable box: every annotation carries a provenance, and
/// the many annotations one analyzer stamps share the same one, so each holds a reference (8 bytes,
/// one retain to copy) instead of three strings (48 bytes, three retains). Setting a property gives
/// this value a box of its own, so it behaves as any value does.
public struct Provenance: Hashable, Sendable, Codable, CustomStringConvertible {
    private final class Storage: Sendable {
        let component: String
        let version: String
        let name: String?

        init(component: String, version: String, name: String?) {
            self.component = component
            self.version = version
            self.name = name
        }
    }

    private var storage: Storage

    /// The component's registered id, such as `sentences`.
    public var component: String {
        get { storage.component }
        set { storage = Storage(component: newValue, version: storage.version, name: storage.name) }
    }
    /// The component's version string.
    public var version: String {
        get { storage.version }
        set { storage = Storage(component: storage.component, version: newValue, name: storage.name) }
    }
    /// The name the pipeline gave this instance (`as:`), when it is not the id: two instances of
    /// one component, such as two entity models, tell their results apart by it.
    public var name: String? {
        get { storage.name }
        set { storage = Storage(component: storage.component, version: storage.version, name: newValue) }
    }

    /// Creates a provenance record.
    public init(component: String, version: String, name: String? = nil) {
        storage = Storage(component: component, version: version, name: name == component ? nil : name)
    }

    /// The instance that produced it: its name, or the component id when it has none.
    public var instance: String { name ?? component }

    /// A placeholder for annotations that have not been stamped by the runner yet.
    public static let unstamped = Provenance(component: "", version: "")

    public var description: String { name.map { "\($0) (\(component)@\(version))" } ?? "\(component)@\(version)" }

    public static func == (lhs: Provenance, rhs: Provenance) -> Bool {
        lhs.storage === rhs.storage
            || (lhs.component == rhs.component && lhs.version == rhs.version && lhs.name == rhs.name)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(component)
        hasher.combine(version)
        hasher.combine(name)
    }

    // The wire form is the one the compiler synthesised for the three stored strings before they
    // moved into a box: `component`, `version`, and `name` when there is one, taken as written.
    private enum CodingKeys: String, CodingKey { case component, version, name }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        storage = Storage(
            component: try c.decode(String.self, forKey: .component), version: try c.decode(String.self, forKey: .version),
            name: try c.decodeIfPresent(String.self, forKey: .name))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(component, forKey: .component)
        try c.encode(version, forKey: .version)
        try c.encodeIfPresent(name, forKey: .name)
    }
}
