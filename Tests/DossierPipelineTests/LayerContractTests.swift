import Dossier
import Foundation
import Testing

// Components for the contract tests: a layer of a third party's own, analyzers that enrich what
// earlier ones wrote, and one that records its lifecycle.

/// A third party's layer: where a sentence takes a position, pointing at the sentence.
struct Stance: Annotation {
    static let layer: LayerID = "stance"
    var id = ""
    var sentence: Reference<Sentence>
    var position: String
    var range: TextRange
    var producer = Provenance.unstamped
    var coveredRange: TextRange? { range }
    func forEachReference(_ body: (_ id: String, _ layer: LayerID?) -> Void) { body(sentence.id, Sentence.layer) }

    // Its wire form, as every layer writes it: id, flat start/end, producer, and its own fields.
    private enum CodingKeys: String, CodingKey { case id, sentence, position, start, end, producer }
    init(sentence: Reference<Sentence>, position: String, range: TextRange) {
        self.sentence = sentence
        self.position = position
        self.range = range
    }
    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        sentence = try c.decode(Reference<Sentence>.self, forKey: .sentence)
        position = try c.decode(String.self, forKey: .position)
        range = TextRange(start: try c.decode(Int.self, forKey: .start), end: try c.decode(Int.self, forKey: .end))
        producer = try c.decode(Provenance.self, forKey: .producer)
    }
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(sentence, forKey: .sentence)
        try c.encode(position, forKey: .position)
        try c.encode(range.start, forKey: .start)
        try c.encode(range.end, forKey: .end)
        try c.encode(producer, forKey: .producer)
    }
}

/// Provides `stance`: each sentence holding 'against' or 'for' takes that position.
struct StanceAnalyzer: Analyzer {
    static let id = "stance"
    static let summary = "Positions taken, per sentence"
    static let requires: Set<LayerID> = [.sentences]
    static let provides: Set<LayerID> = [Stance.layer]
    init(options: NoOptions) {}
    func analyze(_ document: Document, context: AnalysisContext) async throws -> Annotations {
        var result = Annotations()
        for sentence in document.annotations.sentences {
            let words = document.text(in: sentence.range).split(separator: " ")
            if let position = words.first(where: { $0 == "against" || $0 == "for" }) {
                result[Stance.self].append(Stance(sentence: Reference(to: sentence), position: String(position), range: sentence.range))
            }
        }
        return result
    }
}

/// Reads the `stance` layer: one line per position, with the sentence it points at.
struct StanceExporter: Exporter {
    static let id = "stance-lines"
    static let summary = "One line per stance"
    static let fileExtension = "txt"
    static let requires: Set<LayerID> = [Stance.layer]
    init(options: NoOptions) {}
    func export(_ document: Document, context: ExportContext) throws -> Data {
        let a = document.annotations
        let lines = a[Stance.self].map { s in
            "\(s.id) \(s.position) \(s.sentence.id) '\(a.resolve(s.sentence).map { document.text(in: $0.range) } ?? "?")'"
        }
        return Data(lines.map { $0 + "\n" }.joined().utf8)
    }
}

/// Provides `entities`: every capitalised word.
struct NameAnalyzer: Analyzer {
    static let id = "names"
    static let summary = "Capitalised words"
    static let provides: Set<LayerID> = [.entities]
    init(options: NoOptions) {}
    func analyze(_ document: Document, context: AnalysisContext) throws -> Annotations {
        var result = Annotations()
        var start = 0
        for word in document.text.split(separator: " ", omittingEmptySubsequences: false) {
            let count = word.unicodeScalars.count
            if word.first?.isUppercase == true {
                result.entities.append(Entity(range: TextRange(start: start, end: start + count), kind: .person, name: String(word)))
            }
            start += count + 1
        }
        return result
    }
}

/// Requires `entities`, provides `relations`: links each later mention to the first with the same name.
struct SameNameLinker: Analyzer {
    static let id = "same-name"
    static let summary = "Links repeated names"
    static let requires: Set<LayerID> = [.entities]
    static let provides: Set<LayerID> = [.relations]
    init(options: NoOptions) {}
    func analyze(_ document: Document, context: AnalysisContext) throws -> Annotations {
        var result = Annotations()
        var first: [String: Entity] = [:]
        for entity in document.annotations.entities {
            if let earlier = first[entity.name] {
                result.relations.append(Relation("same-as", from: entity, to: earlier))
            } else {
                first[entity.name] = entity
            }
        }
        return result
    }
}

/// Provides `quotes` whose speaker points at an entity that is not there.
struct DanglingSpeaker: Analyzer {
    static let id = "dangling"
    static let summary = "Points at nothing"
    static let provides: Set<LayerID> = [.quotes]
    init(options: NoOptions) {}
    func analyze(_ document: Document, context: AnalysisContext) throws -> Annotations {
        var result = Annotations()
        result.quotes = [Quote(range: TextRange(start: 0, end: 1), kind: .direct, speaker: "e99")]
        return result
    }
}

/// Writes what happens to it, one line each, to the file named by `log`; fails to get ready when
/// `failPrepare` is set, and warns (asynchronously) about every document that holds 'odd'.
struct LifecycleAnalyzer: Analyzer {
    struct Options: ComponentOptions {
        var log = ""
        var failPrepare = false
        init() {}
    }
    static let id = "lifecycle"
    static let summary = "Records its lifecycle"
    static let provides: Set<LayerID> = [.metrics]
    let options: Options
    func record(_ line: String) {
        guard let handle = FileHandle(forWritingAtPath: options.log) else { return }
        handle.seekToEndOfFile()
        handle.write(Data((line + "\n").utf8))
        try? handle.close()
    }

    func prepare(_ context: AnalysisContext) async throws {
        record("prepare \(context.component)")
        if options.failPrepare { throw ComponentError("the model file is missing") }
    }

    func analyze(batch documents: [Document], context: AnalysisContext) async -> [Result<Annotations, any Error>] {
        record("batch \(documents.map(\.id).joined(separator: ","))")
        var results: [Result<Annotations, any Error>] = []
        for document in documents {
            try? await Task.sleep(for: .milliseconds(1))
            if document.text.contains("odd") { context.warn("skipped an odd part", code: "W401", document: document) }
            var a = Annotations()
            a.metrics = [Metric(name: "length", value: Double(document.length))]
            results.append(.success(a))
        }
        return results
    }

    func analyze(_ document: Document, context: AnalysisContext) async throws -> Annotations {
        try await analyze(batch: [document], context: context)[0].get()
    }

    func shutdown(_ context: AnalysisContext) async { record("shutdown") }
}

@Suite("Contracts: open layers, ids and references, enrichment, analyzer lifecycle")
struct LayerContractTests {
    func registry() throws -> Registry {
        var registry = Registry.standard
        try registry.register(reader: RawReader.self)
        try registry.register(reader: MultiReader.self)
        try registry.register(analyzer: LineAnalyzer.self)
        try registry.register(analyzer: StanceAnalyzer.self)
        try registry.register(analyzer: NameAnalyzer.self)
        try registry.register(analyzer: SameNameLinker.self)
        try registry.register(analyzer: DanglingSpeaker.self)
        try registry.register(analyzer: LifecycleAnalyzer.self)
        try registry.register(exporter: StanceExporter.self)
        return registry
    }

    func pipeline(_ yaml: String) throws -> Pipeline {
        try PipelineLoader(registry: registry(), environment: [:]).load(text: yaml, file: "p.yaml")
    }

    @Test("an analyzer's own layer is read by an exporter, and survives a JSON round trip typed and untyped")
    func customLayer() async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let p = try pipeline(
            """
            version: 1
            reader: raw
            analyzers: [lines, stance]
            exporters:
              - stance-lines: { to: stdout }
              - json: { to: "{id}.json" }
            """)
        let capture = OutputCapture()
        let text = "we are for it\nno view here\nthey are against"
        let summary = await Runner(pipeline: p, outputDirectory: folder.path, standardOutput: capture.append)
            .run([.data(name: "a.raw", Data(text.utf8))])
        #expect(summary.succeeded == 1, "\(summary.diagnostics)")
        #expect(capture.text == "stance-1 for s1 'we are for it'\nstance-2 against s3 'they are against'\n")

        let written = try Data(contentsOf: folder.appendingPathComponent("a.json"))
        // A program that knows the type reads it back typed...
        let typed = try Document(jsonData: written)
        let stances = typed.annotations[Stance.self]
        #expect(stances.map(\.position) == ["for", "against"])
        #expect(stances.map(\.producer.component) == ["stance", "stance"])
        #expect(typed.annotations.resolve(stances[1].sentence)?.range == TextRange(start: 27, end: 43))
        // ...and one that does not sees plain JSON with the common conventions, and writes it back unchanged.
        let raw = try #require(try typed.annotations.json(of: "stance"))
        #expect(raw.map { $0["position"] } == [.string("for"), .string("against")])
        #expect(raw.map { $0["id"] } == [.string("stance-1"), .string("stance-2")])
        #expect(try typed.jsonData(newline: true) == written)
        let json = try #require(try JSONSerialization.jsonObject(with: written) as? [String: Any])
        let layer = try #require((json["layers"] as? [String: Any])?["stance"] as? [[String: Any]])
        #expect(layer.first?["text"] as? String == "we are for it", "the writer adds the covered text to any layer")
    }

    @Test("the json reader keeps a layer it has no type for, and a later run writes it back")
    func unknownLayerThroughThePipeline() async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try pipeline("version: 1\nreader: raw\nanalyzers: [lines, stance]\nexporters:\n  - json: { to: \"first/{id}.json\" }\n")
        _ = await Runner(pipeline: first, outputDirectory: folder.path).run([.data(name: "a.raw", Data("for this\nagainst that".utf8))])
        // The standard registry alone: no Stance type, no stance analyzer.
        let second = try PipelineLoader(registry: .standard, environment: [:])
            .load(text: "version: 1\nreader: json\nexporters:\n  - json: { to: \"second/{id}.json\" }\n", file: "p.yaml")
        let summary = await Runner(pipeline: second, outputDirectory: folder.path).run([
            .file(folder.appendingPathComponent("first/a.json").path)
        ])
        #expect(summary.succeeded == 1, "\(summary.diagnostics)")
        let before = try Data(contentsOf: folder.appendingPathComponent("first/a.json"))
        let after = try Data(contentsOf: folder.appendingPathComponent("second/a.json"))
        #expect(after == before)
    }

    @Test("a later analyzer enriches an earlier one's annotations with relations, leaving them as they were")
    func enrichment() async throws {
        let p = try pipeline("version: 1\nreader: raw\nanalyzers: [names, same-name]\nexporters: [json]\n")
        let document = try await Runner(pipeline: p).analyze(Document(id: "x", text: "Ada met Bo and Ada left"))
        let a = document.annotations
        #expect(a.entities.map(\.id) == ["e1", "e2", "e3"])
        #expect(a.entities.allSatisfy { $0.producer.component == "names" })
        #expect(a.relations.map { "\($0.id) \($0.kind) \($0.from)->\($0.to) \($0.producer.component)" } == ["r1 same-as e3->e1 same-name"])
        #expect(a.relations("same-as", to: a.entities[0]).count == 1)
    }

    @Test("a reference to an annotation that is not in the document fails that article with E492")
    func danglingReference() async throws {
        let p = try pipeline("version: 1\nreader: raw\nanalyzers: [dangling]\nexporters: [json]\n")
        let summary = await Runner(pipeline: p, standardOutput: { _ in }).run([.data(name: "a.raw", Data("x".utf8))])
        #expect(summary.failed == 1)
        let d = try #require(summary.diagnostics.first)
        #expect(d.code == "E492")
        #expect(d.component == "dangling")
        #expect(d.message.contains("'q1' points at 'e99', which is not in the document"))
    }

    @Test("running a pipeline on its own JSON replaces each analyzer's layers instead of adding a copy")
    func rerunReplaces() async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let yaml = "version: 1\nreader: auto\nanalyzers: [sentences, names, same-name]\nexporters:\n  - json: { to: \"%@/{id}.json\" }\n"
        let text = "Ada met Bo. Then Ada left. Bo stayed.\n"
        try Data(text.utf8).write(to: folder.appendingPathComponent("a.txt"))
        let first = try pipeline(yaml.replacingOccurrences(of: "%@", with: "one"))
        _ = await Runner(pipeline: first, outputDirectory: folder.path).run([.file(folder.appendingPathComponent("a.txt").path)])
        let second = try pipeline(yaml.replacingOccurrences(of: "%@", with: "two"))
        let summary = await Runner(pipeline: second, outputDirectory: folder.path).run([
            .file(folder.appendingPathComponent("one/a.json").path)
        ])
        #expect(summary.succeeded == 1, "\(summary.diagnostics)")
        let once = try Document(jsonData: Data(contentsOf: folder.appendingPathComponent("one/a.json")))
        let twice = try Document(jsonData: Data(contentsOf: folder.appendingPathComponent("two/a.json")))
        #expect(once.annotations.sentences.count == 3)
        #expect(twice.annotations.sentences.count == 3)
        #expect(twice.annotations.entities.count == once.annotations.entities.count)
        #expect(twice.annotations.relations.count == once.annotations.relations.count)
        // New results get new ids, and the relations point at the new entities.
        #expect(Set(twice.annotations.entities.map(\.id)).isDisjoint(with: once.annotations.entities.map(\.id)))
        #expect(twice.annotations.danglingReferences.isEmpty)
    }

    @Test("re-running an analyzer alone removes what others derived from its old results, with a warning (W490)")
    func rerunRemovesStaleResults() async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try pipeline(
            "version: 1\nreader: raw\nanalyzers: [names, same-name]\nexporters:\n  - json: { to: \"one/{id}.json\" }\n")
        _ = await Runner(pipeline: first, outputDirectory: folder.path).run([.data(name: "a.raw", Data("Ada met Bo and Ada left".utf8))])
        let second = try pipeline("version: 1\nreader: json\nanalyzers: [names]\nexporters:\n  - json: { to: \"two/{id}.json\" }\n")
        let summary = await Runner(pipeline: second, outputDirectory: folder.path).run([
            .file(folder.appendingPathComponent("one/a.json").path)
        ])
        #expect(summary.succeeded == 1)
        let warning = try #require(summary.diagnostics.first)
        #expect(warning.code == "W490")
        #expect(warning.severity == .warning)
        #expect(warning.component == "names")
        #expect(warning.message.contains("(1 in 'relations')"))
        let again = try Document(jsonData: Data(contentsOf: folder.appendingPathComponent("two/a.json")))
        #expect(again.annotations.entities.map(\.id) == ["e4", "e5", "e6"])
        #expect(again.annotations.relations.isEmpty)
    }

    @Test("two instances of one analyzer stamp their own names, and a re-run replaces each one's results only")
    func namedInstances() async throws {
        let p = try pipeline("version: 1\nreader: raw\nanalyzers:\n  - names\n  - names: { as: second-names }\nexporters: [json]\n")
        let once = try await Runner(pipeline: p).analyze(Document(id: "x", text: "Ada met Bo"))
        #expect(once.annotations.entities.map(\.producer.instance) == ["names", "names", "second-names", "second-names"])
        #expect(once.annotations.entities.map(\.producer.component) == ["names", "names", "names", "names"])
        let json = try once.jsonData()
        #expect(String(decoding: json, as: UTF8.self).contains("\"name\" : \"second-names\""))
        let twice = try await Runner(pipeline: p).analyze(try Document(jsonData: json))
        #expect(twice.annotations.entities.count == 4)
        #expect(twice.annotations.entities.map(\.id) == ["e5", "e6", "e7", "e8"])
    }

    @Test("prepare and shutdown run once per run around the batches; each input's documents come as one batch")
    func lifecycle() async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = folder.appendingPathComponent("log.txt")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let p = try pipeline("version: 1\nreader: multi\nanalyzers:\n  - lifecycle: { log: '\(log.path)' }\nexporters: [json]\n")
        let summary = await Runner(pipeline: p, jobs: 1, standardOutput: { _ in }).run([
            .data(name: "f.multi", Data("one\n---\ntwo odd\n---\nthree".utf8)), .data(name: "g.multi", Data("four".utf8)),
        ])
        #expect(summary.succeeded == 4)
        #expect(summary.failed == 0)
        let lines = try String(contentsOf: log, encoding: .utf8).split(separator: "\n")
        #expect(lines == ["prepare lifecycle", "batch f-1,f-2,f-3", "batch g-1", "shutdown"])
        let warning = try #require(summary.diagnostics.first)
        #expect(warning.severity == .warning)
        #expect(warning.code == "W401")
        #expect(warning.article == "f.multi#f-2")
        #expect(warning.component == "lifecycle")
    }

    @Test("an analyzer that cannot get ready refuses the run with E490 before any input is read, and is not shut down")
    func prepareFails() async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = folder.appendingPathComponent("log.txt")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let p = try pipeline(
            "version: 1\nreader: raw\nanalyzers:\n  - lifecycle: { log: '\(log.path)', failPrepare: true }\nexporters: [json]\n")
        let capture = OutputCapture()
        let summary = await Runner(pipeline: p, standardOutput: capture.append).run([.data(name: "a.raw", Data("x".utf8))])
        #expect(summary.refused)
        #expect(summary.succeeded == 0)
        #expect(capture.text.isEmpty)
        let d = try #require(summary.diagnostics.first)
        #expect(d.code == "E490")
        #expect(d.message == "analyzer 'lifecycle' could not get ready: the model file is missing")
        #expect(try String(contentsOf: log, encoding: .utf8) == "prepare lifecycle\n")
    }
}
