/// The typed options of a component, decoded from its entry in a pipeline file.
///
/// `init()` gives the documented defaults: the pipeline loader lays the user's values over the
/// encoded defaults before decoding, so a synthesized `Codable` conformance with default property
/// values is all a component needs. Keys are lowerCamelCase and map 1:1 to properties.
public protocol ComponentOptions: Codable, Sendable {
    /// Creates the options with every default.
    init()
    /// One line of help per option key, shown by `dossier list`.
    static var help: [String: String] { get }
}

extension ComponentOptions {
    public static var help: [String: String] { [:] }
}

/// The options of a component that takes none.
public struct NoOptions: ComponentOptions, Hashable {
    /// Creates the (empty) options.
    public init() {}
}
