import DossierCore
import DossierExporters
import DossierTestSupport
import Foundation
import Testing

/// Keeps the shipped JSON Schema and the encoder describing the same layout.
@Suite("JSON Schema")
struct SchemaTests {
    let schema: [String: Any]

    init() throws {
        schema = try #require(try JSONSerialization.jsonObject(with: DossierSchema.json) as? [String: Any])
    }

    @Test("the schema is draft 2020-12, names itself and states the offset convention")
    func header() throws {
        #expect(schema["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        #expect(schema["$id"] as? String == DossierSchema.id)
        let description = try #require(schema["description"] as? String)
        #expect(description.contains("Unicode scalar offset") && description.contains("half-open") && description.contains("Python"))
        let properties = try #require(schema["properties"] as? [String: Any])
        #expect((properties["version"] as? [String: Any])?["const"] as? Int == DocumentJSON.version)
        #expect((properties["format"] as? [String: Any])?["const"] as? String == DocumentJSON.format)
        #expect((properties["offsets"] as? [String: Any])?["const"] as? String == DocumentJSON.offsets)
    }

    @Test("the top-level keys the encoder writes are exactly the schema's properties, and cover its required list")
    func topLevelKeysMatch() throws {
        let written = try object(SampleDocuments.full.jsonData())
        #expect(Set(written.keys) == Set(try properties(of: schema).keys))
        let bare = try object(Document(id: "bare", text: "").jsonData(includeText: false))
        #expect(Set(try required(of: schema)) == Set(bare.keys))
        let metadata = try definition(of: schema, "metadata")
        #expect(Set(try object(written["metadata"]).keys) == Set(try properties(of: metadata).keys))
        #expect(Set(try object(bare["metadata"]).keys) == Set(try required(of: metadata)))
        let layers = try definition(of: schema, "layers")
        #expect(Set(try properties(of: layers).keys) == Set(LayerID.all.map(\.rawValue)))
        #expect(Set(try required(of: layers)) == Set(LayerID.all.map(\.rawValue)))
    }

    @Test(
        "every item the encoder writes uses only keys its definition allows, and every required one",
        arguments: [
            ("blocks", "block"), ("links", "link"), ("layers.sentences", "sentence"), ("layers.entities", "entity"),
            ("layers.dates", "date"), ("layers.quotes", "quote"), ("layers.claims", "claim"), ("layers.sources", "source"),
            ("layers.findings", "finding"), ("layers.metrics", "metric"), ("layers.relations", "relation"),
        ])
    func itemKeysMatch(path: String, definition name: String) throws {
        let written = try object(SampleDocuments.full.jsonData())
        var node: Any? = written
        for key in path.split(separator: ".") { node = (node as? [String: Any])?[String(key)] }
        let items = try #require(node as? [[String: Any]])
        try #require(!items.isEmpty, "the sample has no \(path) to compare")
        let definition = try #require((schema["$defs"] as? [String: Any])?[name] as? [String: Any])
        #expect(definition["additionalProperties"] as? Bool == false)
        let allowed = Set(try properties(of: definition).keys)
        let needed = Set(try required(of: definition))
        var seen: Set<String> = []
        for item in items {
            #expect(
                Set(item.keys).isSubset(of: allowed),
                "\(path) item has keys \(Set(item.keys).subtracting(allowed).sorted()) the schema lacks")
            #expect(needed.isSubset(of: Set(item.keys)), "\(path) item lacks required \(needed.subtracting(item.keys).sorted())")
            seen.formUnion(item.keys)
        }
        // The sample fills every optional field somewhere, so a schema property the encoder never writes is stale.
        #expect(seen == allowed, "\(name) properties never written: \(allowed.subtracting(seen).sorted())")
    }

    @Test("the schema's enums list exactly the model's cases")
    func enumsMatchTheModel() throws {
        let defs = try #require(schema["$defs"] as? [String: Any])
        func values(_ def: String, _ key: String) throws -> Set<String> {
            let definition = try #require(defs[def] as? [String: Any])
            let property = try #require(try properties(of: definition)[key] as? [String: Any])
            return Set(try #require(property["enum"] as? [String]))
        }
        func openKinds(_ def: String, _ builtIn: [String]) throws {
            let definition = try #require(defs[def] as? [String: Any])
            let kind = try #require(try properties(of: definition)["kind"] as? [String: Any])
            let pattern = try Regex(try #require(kind["pattern"] as? String))
            #expect(builtIn.allSatisfy { $0.wholeMatch(of: pattern) != nil }, "\(def) kinds are open, but the built-in ones must match")
            let description = try #require(kind["description"] as? String)
            for name in builtIn { #expect(description.contains(name), "the schema's \(def) kind does not mention '\(name)'") }
        }
        try openKinds("entity", Entity.Kind.builtIn.map(\.rawValue))
        try openKinds("quote", Quote.Kind.builtIn.map(\.rawValue))
        try openKinds("date", DateMention.Kind.builtIn.map(\.rawValue))
        #expect(try values("finding", "severity") == Set(Finding.Severity.allCases.map(\.rawValue)))
        try openKinds("source", SourceKind.builtIn.map(\.rawValue))
        try openKinds("claim", ClaimKind.builtIn.map(\.rawValue))
        #expect(try values("link", "origin") == Set(Link.Origin.allCases.map(\.rawValue)))
    }

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../scripts/validate-json.py")
        .standardized
    static let schemaFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Sources/DossierExporters/Resources/dossier.schema.json").standardized

    static var jsonschemaAvailable: Bool { (try? run(["python3", "-c", "import jsonschema"]).status) == 0 }

    @Test(
        "scripts/validate-json.py accepts the encoder's output and refuses a corrupted file",
        .enabled(if: jsonschemaAvailable, "needs python3 with jsonschema 4.x"))
    func pythonValidation() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var files: [String] = []
        for (name, data) in [
            ("full", try SampleDocuments.full.jsonData()), ("read", try SampleDocuments.read.jsonData()),
            ("no-text", try SampleDocuments.full.jsonData(includeText: false)),
        ] {
            let url = dir.appendingPathComponent("\(name).json")
            try data.write(to: url)
            files.append(url.path)
        }
        let good = try Self.run(["python3", Self.script.path, Self.schemaFile.path] + files)
        #expect(good.status == 0, "validator refused the encoder's output:\n\(good.output)")

        var bad = try #require(try JSONSerialization.jsonObject(with: SampleDocuments.full.jsonData()) as? [String: Any])
        var layers = try #require(bad["layers"] as? [String: Any])
        var quotes = try #require(layers["quotes"] as? [[String: Any]])
        quotes[0]["kind"] = "Paraphrase!"
        quotes[1]["end"] = 5000
        layers["quotes"] = quotes
        bad["layers"] = layers
        let url = dir.appendingPathComponent("bad.json")
        try JSONSerialization.data(withJSONObject: bad).write(to: url)
        let refused = try Self.run(["python3", Self.script.path, Self.schemaFile.path, url.path])
        #expect(refused.status == 1)
        #expect(refused.output.contains("layers.quotes[0].kind: 'Paraphrase!' does not match"))
    }

    // MARK: Helpers

    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    func object(_ value: Any?) throws -> [String: Any] {
        if let data = value as? Data { return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any]) }
        return try #require(value as? [String: Any])
    }

    func properties(of node: [String: Any]) throws -> [String: Any] { try #require(node["properties"] as? [String: Any]) }
    func required(of node: [String: Any]) throws -> [String] { try #require(node["required"] as? [String]) }
    func definition(of node: [String: Any], _ key: String) throws -> [String: Any] {
        try #require(try properties(of: node)[key] as? [String: Any])
    }
}
