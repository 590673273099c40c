import Dossier

/// The registered components with their options described once, for every listing of them:
/// `dossier list` as text and as JSON, and `dossier schema`.
///
/// An option's type and default come from the encoded default options, its help from
/// `Options.help`; `OptionShapeProbe` adds what the encoded defaults cannot say (an enum's
/// choices, a number whose default is whole, the type of an option that starts unset).
struct ComponentCatalog {
    /// One option of a component.
    struct Option: Equatable {
        /// The key in a pipeline file.
        var key: String
        /// `bool`, `int`, `number`, `string`, `list` or `mapping`; nil when neither the default nor
        /// the Swift type says.
        var type: String?
        /// The encoded default; nil for an option that starts unset.
        var defaultValue: JSONValue?
        /// One line of help, if the component gives one.
        var help: String?
        /// The allowed values of an enum option, or of each item of a list option.
        var choices: [String]?
        /// For a list: its items' type, when known.
        var itemType: String?
    }

    /// One component and its options.
    struct Entry {
        var info: ComponentInfo
        var options: [Option]
    }

    /// Every registered component, grouped by kind and sorted by id.
    let entries: [Entry]

    init(_ registry: Registry) {
        entries = registry.all.map { info in
            Entry(info: info, options: Self.options(of: info, validate: Self.validate(info, in: registry)))
        }
    }

    private static func validate(_ info: ComponentInfo, in registry: Registry) -> (@Sendable (any OptionsDecoder) throws -> Void)? {
        switch info.kind {
        case .reader: registry.readers[info.id]?.validate
        case .analyzer: registry.analyzers[info.id]?.validate
        case .exporter: registry.exporters[info.id]?.validate
        }
    }

    static func options(of info: ComponentInfo, validate: (@Sendable (any OptionsDecoder) throws -> Void)?) -> [Option] {
        let shapes = validate.map { OptionShapeProbe.shapes(validate: $0, defaults: info.defaults) } ?? [:]
        // An optional without a default or help is known only from the probe.
        let keys = info.optionKeys + shapes.keys.filter { !info.optionKeys.contains($0) }.sorted()
        return keys.map { key in
            let value = info.defaults[key].flatMap { $0 == .null ? nil : $0 }
            let shape = shapes[key]
            var type = value?.typeName
            // A whole default of a floating-point option encodes as an integer; an unset one has no type.
            if type == nil || (type == "int" && shape?.typeName == "number") { type = shape?.typeName }
            return Option(
                key: key, type: type, defaultValue: value, help: info.help[key], choices: shape?.choices, itemType: shape?.itemTypeName)
        }
    }
}

extension ComponentCatalog.Option {
    /// How the text listing shows the type and default: `bool = true`, `number, unset by default`.
    var typeAndDefault: String {
        var text = defaultValue.map { "\(type ?? $0.typeName) = \($0)" } ?? ((type.map { "\($0), " } ?? "") + "unset by default")
        if let choices { text += " (" + (type == "list" ? "each " : "") + "one of " + choices.joined(separator: ", ") + ")" }
        return text
    }
}
