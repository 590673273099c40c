import Dossier

/// A JSON Schema (draft-07) of the pipeline file, built from a registry: what `dossier schema`
/// writes, so that editors with the YAML language server complete and check pipeline files.
///
/// Draft-07 because that is the draft the YAML language server (and the JSON language service
/// it builds on) supports fully. The schema follows `PipelineFileParser`: the top-level keys of
/// `PipelineLoader.topLevelKeys`; an entry is an id, or a mapping of one id to its options; the
/// keys every entry takes (`as`, `enabled`, and `to` for exporters); the `exec` analyzer with
/// `PipelineLoader.externalKeys`. Each registered component's options come from
/// `ComponentCatalog`, with `additionalProperties: false` so that a misspelt key is flagged.
/// A value of a non-string option may be a `${NAME}` reference, which the loader replaces
/// before decoding, so the schema accepts one there too.
enum PipelineSchema {
    /// The JSON Schema draft the schema declares.
    static let draft = "http://json-schema.org/draft-07/schema#"

    /// The schema for pipelines over `registry`.
    static func schema(for registry: Registry) -> JSONValue {
        let catalog = ComponentCatalog(registry)
        var definitions: [(key: String, value: JSONValue)] = []
        for kind in ComponentInfo.Kind.allCases {
            let entries = catalog.entries.filter { $0.info.kind == kind }
            var ids: [(key: String, value: JSONValue)] = []
            for entry in entries {
                let name = "\(kind.rawValue).\(entry.info.id)"
                definitions.append((name, options(of: entry)))
                ids.append((entry.info.id, ref(name)))
            }
            var bare = entries.map(\.info.id)
            if kind == .reader { bare.insert("auto", at: 0) }
            if externalKinds.contains(kind), registry.info(kind, ExternalAnalyzer.id) == nil {
                definitions.append(("\(kind.rawValue).exec", externalProgram(kind)))
                ids.append((ExternalAnalyzer.id, ref("\(kind.rawValue).exec")))
            }
            definitions.append((kind.rawValue, entrySchema(kind, bare: bare, ids: ids)))
        }
        definitions.append(("variable", variableSchema))
        let properties = PipelineLoader.topLevelKeys.map { key in (key: key, value: topLevel[key] ?? .object([])) }
        return .object([
            ("$schema", .string(draft)),
            ("title", .string("Dossier pipeline")),
            (
                "description",
                .string(
                    "A Dossier pipeline file (Docs/Pipelines.md), as 'dossier schema' of Dossier \(DossierCommand.version) "
                        + "wrote it for the components it knew")
            ),
            ("type", .string("object")),
            ("additionalProperties", .bool(false)),
            ("properties", .object(properties)),
            ("definitions", .object(definitions)),
        ])
    }

    /// The keys of the file itself.
    static let topLevel: [String: JSONValue] = [
        "version": .object([
            ("description", .string("The format version; only 1 exists")), ("enum", .array([.int(1)])), ("default", .int(1)),
        ]),
        "name": .object([
            ("type", .string("string")),
            ("description", .string("The pipeline's name, used in messages and in the {pipeline} output placeholder")),
        ]),
        "description": .object([("type", .string("string")), ("description", .string("Free text for people; ignored"))]),
        "extends": .object([
            ("type", .string("string")), ("examples", .array([.string("default")])),
            (
                "description",
                .string("'default' (the built-in pipeline) or a pipeline file, relative to this one, to lay this file over")
            ),
        ]),
        "reader": .object([
            ("description", .string("How articles are read: 'auto' (the default) picks per input; or an id, or an id with options")),
            // Draft-07 ignores keys beside '$ref', so the reference goes in 'allOf' to keep the description.
            ("allOf", .array([ref("reader")])),
        ]),
        "analyzers": list(of: "analyzer", "What to find; the planner orders them by what each requires and provides"),
        "exporters": list(of: "exporter", "What to write, each to standard output or to the files 'to:' names"),
    ]

    private static func list(of kind: String, _ description: String) -> JSONValue {
        .object([("type", .array([.string("array"), .string("null")])), ("description", .string(description)), ("items", ref(kind))])
    }

    private static func ref(_ definition: String) -> JSONValue { .object([("$ref", .string("#/definitions/\(definition)"))]) }

    /// An entry of one kind: a bare id, or a mapping of exactly one id to its options.
    private static func entrySchema(_ kind: ComponentInfo.Kind, bare: [String], ids: [(key: String, value: JSONValue)]) -> JSONValue {
        .object([
            (
                "anyOf",
                .array([
                    .object([("type", .string("string")), ("enum", .array(bare.map(JSONValue.string)))]),
                    .object([
                        ("type", .string("object")), ("minProperties", .int(1)), ("maxProperties", .int(1)),
                        ("additionalProperties", .bool(false)),
                        ("properties", .object(ids)),
                    ]),
                ])
            )
        ])
    }

    /// The options of one registered component, with the keys every entry takes.
    private static func options(of entry: ComponentCatalog.Entry) -> JSONValue {
        let info = entry.info
        var properties: [(key: String, value: JSONValue)] = entry.options.map { ($0.key, value(of: $0)) }
        properties += entryKeys(info.kind)
        var description = info.summary + " (version \(info.version)"
        if !info.requires.isEmpty { description += "; requires " + info.requires.map(\.rawValue).joined(separator: ", ") }
        if !info.provides.isEmpty { description += "; provides " + info.provides.map(\.rawValue).joined(separator: ", ") }
        description += ")"
        return .object([
            ("type", .array([.string("object"), .string("null")])), ("description", .string(description)),
            ("additionalProperties", .bool(false)),
            ("properties", .object(properties)),
        ])
    }

    /// `as`, `enabled` and, for exporters, `to`: keys of the entry rather than of the component.
    private static func entryKeys(_ kind: ComponentInfo.Kind) -> [(key: String, value: JSONValue)] {
        var keys: [(key: String, value: JSONValue)] = []
        if kind != .reader {
            keys.append(
                (
                    "as",
                    .object([
                        ("type", .string("string")), ("pattern", .string(kebabCase)),
                        ("description", .string("A name for this instance, so that one component can appear twice (kebab-case)")),
                    ])
                ))
        }
        keys.append(
            (
                "enabled",
                .object([("type", .string("boolean")), ("description", .string("'false' removes an entry inherited through 'extends'"))])
            ))
        if kind == .exporter {
            keys.append(
                (
                    "to",
                    .object([
                        ("type", .string("string")), ("examples", .array([.string("stdout"), .string("out/{id}.{ext}")])),
                        (
                            "description",
                            .string(
                                "'stdout' (or '-'), or a path template: with {id} or {index} one file per article, "
                                    + "else one file for all; also {pipeline}, {exporter}, {ext}")
                        ),
                    ])
                ))
        }
        return keys
    }

    /// The schema of one option's value.
    private static func value(of option: ComponentCatalog.Option) -> JSONValue {
        var schema: [(key: String, value: JSONValue)] = []
        var alternatives: [JSONValue] = []
        if let choices = option.choices, option.type != "list" {
            alternatives.append(.object([("enum", .array(choices.map(JSONValue.string)))]))
        } else if let type = option.type.flatMap(jsonType) {
            var typed: [(key: String, value: JSONValue)] = [("type", .string(type))]
            if type == "array" {
                if let choices = option.choices {
                    typed.append(("items", .object([("enum", .array(choices.map(JSONValue.string)))])))
                } else if let item = option.itemType.flatMap(jsonType) {
                    typed.append(("items", .object([("type", .string(item))])))
                }
            }
            alternatives.append(.object(typed))
        }
        if !alternatives.isEmpty {
            // The loader replaces '${NAME}' before it decodes, so a reference fits any scalar option.
            // Lists and mappings are not scalars, so no reference can stand for one.
            if ["bool", "int", "number"].contains(option.type) || (option.choices != nil && option.type != "list") {
                alternatives.append(variable)
            }
            // An option that starts unset may be set to null, which leaves it unset.
            if option.defaultValue == nil { alternatives.append(.object([("type", .string("null"))])) }
            if alternatives.count == 1 { schema += alternatives[0].pairs } else { schema.append(("anyOf", .array(alternatives))) }
        }
        if let help = option.help { schema.append(("description", .string(help))) }
        if let value = option.defaultValue { schema.append(("default", value)) }
        return .object(schema)
    }

    /// A string holding a `${NAME}` reference to an environment variable.
    private static let variableSchema: JSONValue = .object([
        ("type", .string("string")), ("pattern", .string("\\$\\{[A-Za-z_][A-Za-z0-9_]*(:-[^}]*)?\\}")),
        ("description", .string("A ${NAME} or ${NAME:-fallback} reference to an environment variable")),
    ])

    private static let variable = ref("variable")

    private static let kebabCase = "^[a-z][a-z0-9]*(-[a-z0-9]+)*$"

    private static func jsonType(_ typeName: String) -> String? {
        switch typeName {
        case "bool": "boolean"
        case "int": "integer"
        case "number": "number"
        case "string": "string"
        case "list": "array"
        case "mapping": "object"
        default: nil
        }
    }

    /// The kinds a pipeline can name an external program as with `exec:`; `EditorSupportTests`
    /// checks this against what `lint` accepts.
    static let externalKinds: [ComponentInfo.Kind] = ComponentInfo.Kind.allCases

    /// An `exec` entry: a program that speaks JSON Lines (Docs/ExternalComponents.md), with the
    /// keys `checkExternal` accepts for `kind`: 'extension' only for an exporter, 'provides' not
    /// for one, and neither layer key for a reader.
    static func externalProgram(_ kind: ComponentInfo.Kind) -> JSONValue {
        let refused: Set<String> =
            switch kind {
            case .reader: ["provides", "requires", "extension"]
            case .analyzer: ["extension"]
            case .exporter: ["provides"]
            }
        let properties = PipelineLoader.externalKeys.filter { !refused.contains($0) }.map { key in
            (key: key, value: externalKeys[key] ?? .object([]))
        }
        let description = "An external \(kind.rawValue): a program that speaks JSON Lines (Docs/ExternalComponents.md)"
        return .object([
            ("type", .string("object")), ("description", .string(description)), ("additionalProperties", .bool(false)),
            ("properties", .object(properties + entryKeys(kind))),
        ])
    }

    private static let layers: JSONValue = .object([
        ("type", .string("array")), ("items", .object([("type", .string("string")), ("pattern", .string(kebabCase))])),
    ])

    /// The keys of an `exec` entry, as `checkExternal` reads them.
    static let externalKeys: [String: JSONValue] = [
        "command": .object([
            ("type", .string("string")), ("description", .string("The program: a name on PATH (python3, node) or a path to an executable")),
        ]),
        "args": .object([
            ("type", .string("array")), ("items", .object([("type", .string("string"))])),
            ("description", .string("Its arguments, passed as written (no shell)")),
        ]),
        "manifest": .object([
            ("type", .string("string")), ("description", .string("A manifest file declaring the program, instead of 'command'")),
        ]),
        "id": .object([
            ("type", .string("string")), ("pattern", .string(kebabCase)),
            (
                "description",
                .string("The program's id, recorded in the provenance of what it writes; default from the manifest or the script's name")
            ),
        ]),
        "version": .object([("type", .string("string")), ("description", .string("Recorded in provenance")), ("default", .string("1.0.0"))]
        ),
        "requires": layers.adding("description", .string("The layers it needs; it runs after their producers")),
        "provides": layers.adding("description", .string("The layers it writes; required here or in the manifest")),
        "timeout": .object([
            ("anyOf", .array([.object([("type", .string("number")), ("exclusiveMinimum", .int(0)), ("maximum", .int(3600))]), variable])),
            ("description", .string("Seconds it has for its handshake and for each article")), ("default", .int(10)),
        ]),
        "processes": .object([
            ("anyOf", .array([.object([("type", .string("integer")), ("minimum", .int(1)), ("maximum", .int(64))]), variable])),
            ("description", .string("How many copies serve the run at once")), ("default", .int(1)),
        ]),
        "extension": .object([
            ("type", .string("string")), ("pattern", .string("^[A-Za-z0-9]{1,16}$")), ("default", .string("txt")),
            ("description", .string("An exporter's file extension, without the dot, for {ext} and default paths")),
        ]),
        "options": .object([
            ("type", .string("object")),
            ("description", .string("The program's own options, checked against its manifest's schema and passed in DOSSIER_OPTIONS")),
        ]),
    ]
}

extension JSONValue {
    /// An object's pairs; none for any other value.
    fileprivate var pairs: [(key: String, value: JSONValue)] {
        if case .object(let pairs) = self { return pairs }
        return []
    }

    /// The object with one more key.
    fileprivate func adding(_ key: String, _ value: JSONValue) -> JSONValue { .object(pairs + [(key, value)]) }
}
