/// What every reader, analyzer and exporter has: an id, a summary, a version and typed options.
///
/// A component is created once per pipeline from its validated options and then used for every
/// article, possibly from several tasks at once, so it must be `Sendable` and should do its
/// expensive set-up (tables, patterns) in `init(options:)`.
public protocol Component: Sendable {
    /// The options this component takes.
    associatedtype Options: ComponentOptions = NoOptions
    /// The id pipelines name it by: lowercase kebab-case, such as `claim-review`.
    static var id: String { get }
    /// One line saying what it does.
    static var summary: String { get }
    /// The version recorded in the provenance of what it produces.
    static var version: String { get }
    /// Creates the component; throw a `ComponentError` naming the `option` when a value is unusable.
    init(options: Options) throws
}

extension Component {
    public static var version: String { "1.0.0" }
    /// The provenance stamped on everything this component produces.
    public static var provenance: Provenance { Provenance(component: id, version: version) }
}

extension Component where Options == NoOptions {
    /// Creates a component that takes no options.
    public init() throws { try self.init(options: NoOptions()) }
}
