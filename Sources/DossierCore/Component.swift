/// What every reader, analyzer and exporter has: an id, a summary, a version and typed options.
///
/// Checking options is apart from creating the component, as swift-argument-parser keeps
/// `validate()` apart from `run()`: `dossier lint` and `dossier plan` decode the options and call
/// `validate(_:)`, and never call `init(options:)`, so a component that loads a model or opens a
/// connection in `init` costs nothing until a pipeline runs. A component is created once per
/// pipeline, from options that passed `validate`, and then used for every article, possibly from
/// several tasks at once, so it must be `Sendable` and should do its expensive set-up (tables,
/// patterns, models) in `init(options:)`.
public protocol Component: Sendable {
    /// The options this component takes.
    associatedtype Options: ComponentOptions = NoOptions
    /// The id pipelines name it by: lowercase kebab-case, such as `claim-review`.
    static var id: String { get }
    /// One line saying what it does.
    static var summary: String { get }
    /// The version recorded in the provenance of what it produces.
    static var version: String { get }
    /// Checks decoded options without creating anything; the default accepts every value.
    ///
    /// Throw a `ComponentError` naming the `option` (or a path into it, such as `columns[1]`) so
    /// that `dossier lint` points at the value. Check each option on its own: after an error in
    /// one option, the pipeline loader sets that option back to its default and calls `validate`
    /// again, so that every bad value is reported at once. Keep it cheap and free of side
    /// effects: no files, no network, no models.
    static func validate(_ options: Options) throws
    /// Creates the component from options that passed `validate(_:)`; throw a `ComponentError` when
    /// something it needs is missing (a model file, a service).
    init(options: Options) throws
}

extension Component {
    public static var version: String { "1.0.0" }
    /// Accepts every value: a component whose options need no checking has nothing to write.
    public static func validate(_ options: Options) throws {}
    /// The provenance stamped on everything this component produces.
    public static var provenance: Provenance { Provenance(component: id, version: version) }
    /// Validates `options`, then creates the component: what the registry does to run it.
    public static func make(_ options: Options) throws -> Self {
        try validate(options)
        return try Self(options: options)
    }
}

extension Component where Options == NoOptions {
    /// Creates a component that takes no options.
    public init() throws { try self.init(options: NoOptions()) }
}
