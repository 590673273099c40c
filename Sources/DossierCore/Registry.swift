public import Foundation

/// The table of components a pipeline can name: readers, analyzers and exporters by id.
///
/// A registry is a plain value, never a process global: build one, register what you need, and
/// hand it to the pipeline loader. `Registry.standard` in the `Dossier` module holds every
/// built-in component.
public struct Registry: Sendable {
    /// A registered component: its description and how to create it from decoded options.
    public struct Entry<Instance: Sendable>: Sendable {
        /// What the component is.
        public var info: ComponentInfo
        /// Decodes and validates the (defaults-merged) options, then creates the component: only
        /// to run it.
        public var make: @Sendable (any OptionsDecoder) throws -> Instance
        /// Decodes the options and runs the component's `validate`, creating nothing: what
        /// `dossier lint` and `dossier plan` call.
        public var validate: @Sendable (any OptionsDecoder) throws -> Void
        /// For readers: whether the first bytes of an input look like this format.
        public var sniff: @Sendable (Data) -> Bool
        /// For readers: whether the type reads line by line (`LineReader`), known without creating it.
        public var readsLines: Bool
    }

    /// An error registering a component: `E216` an id that is not kebab-case, `E217` an id
    /// registered twice, `E218` default options that cannot be encoded.
    public struct Error: Swift.Error, Sendable, CustomStringConvertible, DiagnosticConvertible {
        /// A stable code.
        public var code: String
        /// What went wrong.
        public var message: String
        /// Creates an error.
        public init(code: String, message: String) {
            self.code = code
            self.message = message
        }
        public var description: String { "error[\(code)]: \(message)" }
        /// The error as a diagnostic.
        public var diagnostic: Diagnostic { Diagnostic(code: code, message) }
    }

    /// The readers by id.
    public private(set) var readers: [String: Entry<any Reader>] = [:]
    /// The analyzers by id.
    public private(set) var analyzers: [String: Entry<any Analyzer>] = [:]
    /// The exporters by id.
    public private(set) var exporters: [String: Entry<any Exporter>] = [:]
    /// Readers in registration order, which `auto` uses to break ties.
    public private(set) var readerOrder: [String] = []

    /// Creates an empty registry.
    public init() {}

    /// Registers a reader type; an id already registered as a reader is an error.
    public mutating func register<R: Reader>(reader type: R.Type) throws {
        let info = try Self.info(R.self, kind: .reader, requires: [], provides: [], extensions: R.fileExtensions)
        guard readers[R.id] == nil else { throw Self.duplicate(.reader, R.id) }
        readers[R.id] = Entry(
            info: info, make: { try R.make($0.decode(R.Options.self)) }, validate: { try R.validate($0.decode(R.Options.self)) },
            sniff: { R.sniff($0) }, readsLines: R.self is any LineReader.Type)
        readerOrder.append(R.id)
    }

    /// Registers an analyzer type; an id already registered as an analyzer is an error.
    public mutating func register<A: Analyzer>(analyzer type: A.Type) throws {
        let info = try Self.info(A.self, kind: .analyzer, requires: A.requires, provides: A.provides, extensions: [])
        guard analyzers[A.id] == nil else { throw Self.duplicate(.analyzer, A.id) }
        analyzers[A.id] = Entry(
            info: info, make: { try A.make($0.decode(A.Options.self)) }, validate: { try A.validate($0.decode(A.Options.self)) },
            sniff: { _ in false }, readsLines: false)
    }

    /// Registers an exporter type; an id already registered as an exporter is an error.
    public mutating func register<E: Exporter>(exporter type: E.Type) throws {
        var info = try Self.info(E.self, kind: .exporter, requires: E.requires, provides: [], extensions: [E.fileExtension])
        info.writesInPlace = E.writesInPlace
        guard exporters[E.id] == nil else { throw Self.duplicate(.exporter, E.id) }
        exporters[E.id] = Entry(
            info: info, make: { try E.make($0.decode(E.Options.self)) }, validate: { try E.validate($0.decode(E.Options.self)) },
            sniff: { _ in false }, readsLines: false)
    }

    /// The description of a component, if registered.
    public func info(_ kind: ComponentInfo.Kind, _ id: String) -> ComponentInfo? {
        switch kind {
        case .reader: readers[id]?.info
        case .analyzer: analyzers[id]?.info
        case .exporter: exporters[id]?.info
        }
    }

    /// The ids registered in one namespace, sorted.
    public func ids(_ kind: ComponentInfo.Kind) -> [String] {
        switch kind {
        case .reader: readers.keys.sorted()
        case .analyzer: analyzers.keys.sorted()
        case .exporter: exporters.keys.sorted()
        }
    }

    /// Every registered component, grouped by kind and sorted by id.
    public var all: [ComponentInfo] {
        ComponentInfo.Kind.allCases.flatMap { kind in ids(kind).compactMap { info(kind, $0) } }
    }

    /// The analyzers that provide `layer`, sorted by id.
    public func producers(of layer: LayerID) -> [String] {
        analyzers.values.filter { $0.info.provides.contains(layer) }.map(\.info.id).sorted()
    }

    private static func info<C: Component>(
        _ type: C.Type, kind: ComponentInfo.Kind, requires: Set<LayerID>, provides: Set<LayerID>, extensions: [String]
    ) throws -> ComponentInfo {
        guard isKebabCase(C.id) else {
            throw Error(code: "E216", message: "\(kind.rawValue) id '\(C.id)' must be lowercase kebab-case, such as 'claim-review'")
        }
        let defaults: JSONValue
        do { defaults = try JSONValue(encoding: C.Options()) } catch {
            throw Error(code: "E218", message: "\(kind.rawValue) '\(C.id)': its default options cannot be encoded: \(error)")
        }
        return ComponentInfo(
            kind: kind, id: C.id, summary: C.summary, version: C.version, requires: requires.sorted(), provides: provides.sorted(),
            defaults: defaults, help: C.Options.help, fileExtensions: extensions)
    }

    private static func duplicate(_ kind: ComponentInfo.Kind, _ id: String) -> Error {
        Error(code: "E217", message: "\(kind.rawValue) '\(id)' is already registered; give the new one another id")
    }

    /// Whether `id` is lowercase kebab-case: letters and digits in words joined by single hyphens.
    public static func isKebabCase(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        var previousHyphen = false
        for s in id.unicodeScalars {
            if s == "-" {
                if previousHyphen { return false }
                previousHyphen = true
            } else if ("a"..."z").contains(s) || ("0"..."9").contains(s) {
                previousHyphen = false
            } else {
                return false
            }
        }
        return !previousHyphen
    }
}
