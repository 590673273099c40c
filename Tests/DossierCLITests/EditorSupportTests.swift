import Dossier
import DossierCLI
import Foundation
import Testing

/// A component another package registers: an enum option, a list of enum items, a number whose
/// default is whole, and an optional that starts unset.
private struct TallyExporter: Exporter {
    enum Style: String, Codable, CaseIterable, Sendable { case short, long, bare }
    struct Options: ComponentOptions {
        var style: Style = .short
        var also: [Style] = []
        var ratio: Double = 1
        var label: String?
        init() {}
        static let help = ["style": "how much to write", "ratio": "how much of it"]
    }
    static let id = "tally"
    static let summary = "Counts what it is given"
    static let fileExtension = "txt"
    init(options: Options) {}
    func export(_ document: Document, context: ExportContext) throws -> Data { Data() }
}

/// Captures what one command writes.
private final class Output: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func append(_ more: Data) { lock.withLock { data.append(more) } }
    var value: Data { lock.withLock { data } }
}

@Suite("CLI: 'list --format json' and 'schema' for editors")
struct EditorSupportTests {
    private static func registry(custom: Bool) throws -> Registry {
        var registry = Registry.standard
        if custom { try registry.register(exporter: TallyExporter.self) }
        return registry
    }

    private func run(_ arguments: [String], custom: Bool = false) async throws -> (status: Int32, output: Data) {
        let out = Output()
        var context = CommandContext(registry: try Self.registry(custom: custom), environment: [:])
        context.standardOutput = { out.append($0) }
        context.standardError = { _ in }
        let status = await DossierCommand.execute(arguments, context: context)
        return (status, out.value)
    }

    private func json(_ arguments: [String], custom: Bool = false) async throws -> JSONValue {
        let (status, output) = try await run(arguments, custom: custom)
        #expect(status == 0)
        return try JSONDecoder().decode(JSONValue.self, from: output)
    }

    /// An object's keys, sorted as decoding returns them.
    private func objectKeys(_ value: JSONValue?) -> [String] {
        guard case .object(let pairs)? = value else { return [] }
        return pairs.map(\.key)
    }

    private func components(_ listing: JSONValue) -> [JSONValue] {
        guard case .array(let items)? = listing["components"] else { return [] }
        return items
    }

    @Test("'list --format json' names every registered component with its options' key, type, default and help")
    func listJSON() async throws {
        let listing = try await json(["list", "--format", "json"])
        #expect(listing["dossier"] == .string(DossierCommand.version))
        let listed = components(listing)
        let expected = Registry.standard.all
        #expect(
            listed.map { "\($0["kind"]?.description ?? "")/\($0["id"]?.description ?? "")" }
                == expected.map { "\"\($0.kind.rawValue)\"/\"\($0.id)\"" })
        for (item, info) in zip(listed, expected) {
            guard case .array(let options)? = item["options"] else {
                Issue.record("\(info.id) has no options array")
                continue
            }
            #expect(options.map { $0["key"] } == info.optionKeys.map(JSONValue.string), "\(info.id)")
            for option in options {
                #expect(Set(["key", "type", "default", "help"]).isSubset(of: objectKeys(option)), "\(info.id)")
            }
            #expect((item["provides"] != nil) == (info.kind == .analyzer), "\(info.id)")
            #expect((item["requires"] != nil) == (info.kind != .reader), "\(info.id)")
        }
        // Every built-in kind has components with options to show.
        for kind in ComponentInfo.Kind.allCases {
            #expect(listed.contains { $0["kind"] == .string(kind.rawValue) && $0["options"] != .array([]) })
        }
    }

    @Test("the listing takes types and enum choices from the Swift options where the defaults cannot say")
    func listTypes() async throws {
        let listing = try await json(["list", "--format", "json", "csv", "claims", "json"])
        func option(_ kind: String, _ id: String, _ key: String) -> JSONValue? {
            let component = components(listing).first { $0["kind"] == .string(kind) && $0["id"] == .string(id) }
            guard case .array(let options)? = component?["options"] else { return nil }
            return options.first { $0["key"] == .string(key) }
        }
        let table = try #require(option("exporter", "csv", "table"))
        #expect(table["type"] == .string("string"))
        #expect(table["choices"] == .array(CSVTable.allCases.map { .string($0.rawValue) }))
        let threshold = try #require(option("analyzer", "claims", "threshold"))
        #expect(threshold["type"] == .string("number"))
        #expect(threshold["default"] == .null)
        let pretty = try #require(option("exporter", "json", "pretty"))
        #expect(pretty["type"] == .string("bool"))
        #expect(pretty["default"] == .bool(true))
        #expect(pretty["help"] != .null)
    }

    @Test("'list' keeps its text form by default, and '--json' still means '--format json'")
    func listFormats() async throws {
        let (status, text) = try await run(["list", "csv"])
        #expect(status == 0)
        let shown = String(decoding: text, as: UTF8.self)
        #expect(shown.hasPrefix("exporters:\n  csv  "))
        #expect(shown.contains("table: string = \"articles\" (one of articles, claims, "))
        let old = try await run(["list", "--json", "csv"])
        let new = try await run(["list", "--format", "json", "csv"])
        #expect(old.output == new.output)
        #expect(try await run(["list", "--format", "yaml"]).status == ExitStatus.usage.rawValue)
    }

    @Test("the schema is draft-07 JSON naming every component, with each option and no other key")
    func schemaHasEveryComponent() async throws {
        let schema = try await json(["schema"])
        #expect(schema["$schema"] == .string("http://json-schema.org/draft-07/schema#"))
        #expect(schema["additionalProperties"] == .bool(false))
        #expect(objectKeys(schema["properties"]) == PipelineLoader.topLevelKeys.sorted())
        let definitions = try #require(schema["definitions"])
        for info in Registry.standard.all {
            let options = try #require(definitions["\(info.kind.rawValue).\(info.id)"], "\(info.id)")
            #expect(options["additionalProperties"] == .bool(false))
            var keys = info.optionKeys + (info.kind == .reader ? [] : ["as"]) + ["enabled"]
            if info.kind == .exporter { keys.append("to") }
            #expect(objectKeys(options["properties"]) == keys.sorted(), "\(info.id)")
            // The entry of its kind offers the id bare and with options.
            guard case .array(let choices)? = definitions[info.kind.rawValue]?["anyOf"] else {
                Issue.record("no entry schema for \(info.kind)")
                continue
            }
            guard case .array(let bare)? = choices[0]["enum"] else {
                Issue.record("no bare ids for \(info.kind)")
                continue
            }
            #expect(bare.contains(.string(info.id)))
            #expect(choices[1]["properties"]?[info.id] == .object([("$ref", .string("#/definitions/\(info.kind.rawValue).\(info.id)"))]))
        }
        let exec = try #require(definitions["analyzer.exec"])
        #expect(objectKeys(exec["properties"]) == (PipelineLoader.externalKeys.filter { $0 != "extension" } + ["as", "enabled"]).sorted())
        let execExporter = try #require(definitions["exporter.exec"])
        let exporterKeys = PipelineLoader.externalKeys.filter { $0 != "provides" } + ["as", "enabled", "to"]
        #expect(objectKeys(execExporter["properties"]) == exporterKeys.sorted())
        let execReader = try #require(definitions["reader.exec"])
        let readerKeys = PipelineLoader.externalKeys.filter { !["provides", "requires", "extension"].contains($0) } + ["enabled"]
        #expect(objectKeys(execReader["properties"]) == readerKeys.sorted())
        guard case .object(let execKeys)? = execExporter["properties"] else { return }
        for (key, value) in execKeys {
            #expect(value["type"] != nil || value["anyOf"] != nil, "exec key '\(key)' has no type")
            #expect(value["description"] != nil, "exec key '\(key)' has no description")
        }
    }

    @Test("the schema offers 'exec' for exactly the kinds whose entries 'lint' takes it in", arguments: ComponentInfo.Kind.allCases)
    func execKinds(_ kind: ComponentInfo.Kind) async throws {
        let entry = "exec: { command: python3, args: [x.py] }"
        let text =
            switch kind {
            case .reader: "version: 1\nreader:\n  \(entry)\n"
            case .analyzer: "version: 1\nanalyzers:\n  - \(entry)\n"
            case .exporter: "version: 1\nexporters:\n  - \(entry)\n"
            }
        var diagnostics: [Diagnostic] = []
        do {
            _ = try PipelineLoader.standard(environment: [:]).load(text: text, file: "exec.yaml")
        } catch {
            diagnostics = error.diagnostics
        }
        let unknown = diagnostics.contains { $0.message.hasPrefix("unknown \(kind.rawValue) 'exec'") }
        let definitions = try #require(try await json(["schema"])["definitions"])
        #expect((definitions["\(kind.rawValue).exec"] != nil) == !unknown, "\(diagnostics.map(\.message))")
    }

    @Test("the schema types options, gives enums as choices and accepts '${NAME}' for non-strings")
    func schemaOptionTypes() async throws {
        let definitions = try #require(try await json(["schema"])["definitions"])
        let pretty = try #require(definitions["exporter.json"]?["properties"]?["pretty"])
        #expect(pretty["default"] == .bool(true))
        guard case .array(let alternatives)? = pretty["anyOf"] else {
            Issue.record("'pretty' has no alternatives: \(pretty)")
            return
        }
        #expect(alternatives.first == .object([("type", .string("boolean"))]))
        #expect(alternatives.contains { $0["$ref"] == .string("#/definitions/variable") })
        let people = try #require(definitions["analyzer.entities"]?["properties"]?["people"])
        #expect(people["type"] == .string("array"))
        #expect(people["items"] == .object([("type", .string("string"))]))
        let table = try #require(definitions["exporter.csv"]?["properties"]?["table"])
        #expect(table["anyOf"]?.description.contains("\"enum\":[\"articles\",\"claims\"") == true)
        let threshold = try #require(definitions["analyzer.claims"]?["properties"]?["threshold"])
        #expect(threshold["anyOf"]?.description.contains("{\"type\":\"null\"}") == true)
    }

    @Test("a component a custom registry adds is in the listing and in the schema")
    func customComponent() async throws {
        let listing = try await json(["list", "--format", "json"], custom: true)
        let tally = try #require(components(listing).first { $0["id"] == .string("tally") })
        #expect(tally["kind"] == .string("exporter"))
        guard case .array(let options)? = tally["options"] else {
            Issue.record("no options")
            return
        }
        #expect(options.map { $0["key"] } == [.string("also"), .string("ratio"), .string("style"), .string("label")])
        #expect(options.map { $0["type"] } == [.string("list"), .string("number"), .string("string"), .string("string")])
        #expect(options[0]["choices"] == .array([.string("short"), .string("long"), .string("bare")]))

        let schema = try await json(["schema"], custom: true)
        let definition = try #require(schema["definitions"]?["exporter.tally"])
        #expect(definition["description"]?.description.contains("Counts what it is given") == true)
        let style = try #require(definition["properties"]?["style"])
        #expect(style["description"] == .string("how much to write"))
        #expect(style["anyOf"]?.description.contains("\"enum\":[\"short\",\"long\",\"bare\"]") == true)
        let also = try #require(definition["properties"]?["also"])
        #expect(also["type"] == .string("array"))
        #expect(also["items"] == .object([("enum", .array([.string("short"), .string("long"), .string("bare")]))]))
        let standard = try await json(["schema"])
        #expect(standard["definitions"]?["exporter.tally"] == nil)
    }

    @Test("'schema --output' writes the file that standard output would show")
    func schemaToFile() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-schema-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (status, written) = try await run(["schema", "--output", path])
        #expect(status == 0)
        #expect(written.isEmpty)
        let (_, shown) = try await run(["schema"])
        #expect(FileManager.default.contents(atPath: path) == shown)
        let missing = try await run(["schema", "--output", "/nonexistent-\(UUID().uuidString)/s.json"])
        #expect(missing.status == ExitStatus.badInput.rawValue)
        let folder = try await run(["schema", "--output", FileManager.default.temporaryDirectory.path])
        #expect(folder.status == ExitStatus.badInput.rawValue)
    }
}
