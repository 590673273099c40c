import DossierCore
import DossierTestSupport
import Foundation
import Testing

@Suite("Document JSON")
struct DocumentJSONTests {
    @Test("a document with every layer and non-ASCII text reads back equal", arguments: [true, false])
    func roundTripIsExact(pretty: Bool) throws {
        let document = SampleDocuments.full
        #expect(document.annotations.nonEmptyLayers == Set(LayerID.all))
        let back = try Document(jsonData: document.jsonData(pretty: pretty))
        #expect(back == document)
        // Document's == covers these, but they are what a lossy writer would drop first.
        #expect(back.annotations.quotes.map(\.speakerRange) == document.annotations.quotes.map(\.speakerRange))
        #expect(back.links == document.links)
        #expect(back.reader == document.reader)
        #expect(back.origin == document.origin)
    }

    @Test("documents with few or no annotations read back equal")
    func sparseDocumentsRoundTrip() throws {
        for document in [SampleDocuments.read, SampleDocuments.minimal, Document(id: "empty", text: "")] {
            #expect(try Document(jsonData: document.jsonData()) == document)
        }
    }

    @Test(
        "documents of every scalar width read back equal, with their snippets written from the scalars",
        arguments: [
            ("Plain ASCII text. Two sentences.", 1), ("Café crème. Señor Núñez paid.", 1),
            ("Bikes 🚲 everywhere. “Music” 𝄞 too, between plenty of plain words in plain Latin letters.", 1),
            ("Київ — the city. “Quoted” words.", 2),
            ("Київ 🚲 — the city. Music 𝄞.", 2), ("🚲🚲🚲. 𝄞𝄞.", 4),
        ])
    func roundTripAtEveryWidth(text: String, width: Int) throws {
        let whole = TextRange(start: 0, end: text.unicodeScalars.count)
        var document = Document(id: "w", text: text, blocks: [Block(kind: .paragraph, range: whole)])
        #expect(document.scalars.width == width)
        let split = Array(text.unicodeScalars).firstIndex(of: ".")! + 1
        document.annotations.sentences = [
            Sentence(id: "s1", range: TextRange(start: 0, end: split)),
            Sentence(id: "s2", range: TextRange(start: split + 1, end: document.length)),
        ]
        for pretty in [true, false] {
            let data = try document.jsonData(pretty: pretty)
            let back = try Document(jsonData: data)
            #expect(back == document)
            #expect(back.scalars == document.scalars)
            #expect(back.scalars.width == width)
            let sentences = try #require((try object(data)["layers"] as? [String: Any])?["sentences"] as? [[String: Any]])
            #expect(sentences.map { $0["text"] as? String } == document.annotations.sentences.map { document.text(in: $0.range) })
        }
    }

    @Test("offsets are Unicode scalars, the same as Python string indices")
    func offsetsAreUnicodeScalars() throws {
        let document = SampleDocuments.full
        // The sample only proves anything if the three ways of counting disagree on it.
        #expect(document.text.count != document.length)
        #expect(document.text.utf16.count != document.length)
        let json = try object(document.jsonData())
        #expect(json["offsets"] as? String == "unicode-scalar")
        #expect(json["length"] as? Int == document.text.unicodeScalars.count)
        let quote = try #require(((json["layers"] as? [String: Any])?["quotes"] as? [[String: Any]])?[1])
        let emojiQuote = "We counted every crash, and the numbers speak for themselves 🚲,"
        let start = try #require(quote["start"] as? Int)
        let end = try #require(quote["end"] as? Int)
        var slice = String.UnicodeScalarView()
        slice.append(contentsOf: Array(document.text.unicodeScalars)[start..<end])
        #expect(String(slice) == emojiQuote)
        #expect(quote["text"] as? String == emojiQuote)
    }

    @Test("output is deterministic, with sorted keys and unescaped slashes")
    func outputIsDeterministic() throws {
        let document = SampleDocuments.full
        let compact = try String(decoding: document.jsonData(pretty: false), as: UTF8.self)
        #expect(try String(decoding: document.jsonData(pretty: false), as: UTF8.self) == compact)
        #expect(compact.hasPrefix(#"{"blocks":[{"end":59,"kind":"title","start":0,"text":"Riverton council"#))
        #expect(compact.contains("https://courier.example/2025/03/14/old-mill-bridge"))
        #expect(!compact.contains("\n"))
    }

    @Test("every layer is written, empty ones as empty arrays; every annotation names its producer")
    func layersAreAlwaysWritten() throws {
        let json = try object(SampleDocuments.read.jsonData())
        let layers = try #require(json["layers"] as? [String: Any])
        #expect(Set(layers.keys) == Set(LayerID.all.map(\.rawValue)))
        #expect(layers.values.allSatisfy { ($0 as? [Any])?.isEmpty == true })
        let full = try object(SampleDocuments.full.jsonData())
        for (name, items) in try #require(full["layers"] as? [String: [[String: Any]]]) {
            for item in items {
                let producer = try #require(item["producer"] as? [String: String], "\(name) item without producer")
                #expect(Set(producer.keys) == ["component", "version"])
                #expect(producer["component"]?.isEmpty == false && producer["version"]?.isEmpty == false, "\(name) item is unstamped")
            }
        }
    }

    @Test("a version 1 speaker name that points at nothing is dropped, but a reference into the wrong layer is refused")
    func versionOneReferences() throws {
        func file(speaker: String) -> Data {
            Data(
                (#"{"format":"dossier","version":1,"id":"x","text":"Hi there.","layers":{"#
                    + #""sentences":[{"id":"s1","start":0,"end":9,"producer":{"component":"s","version":"1"}}],"#
                    + #""quotes":[{"start":0,"end":2,"kind":"direct","speaker":"\#(speaker)","producer":{"component":"q","version":"1"}}]}}"#)
                    .utf8)
        }
        let named = try Document(jsonData: file(speaker: "Ana Lind"))
        #expect(named.annotations.quotes.map(\.speaker) == [nil])
        let error = try #require(throws: DocumentJSONError.self) { try Document(jsonData: file(speaker: "s1")) }
        #expect(error.code == "E709")
        #expect(error.message.contains("must be to layer 'entities'"))
    }

    @Test("a version 2 entity reads as one mention with its role, a date as a point, and both write back in version 4 form")
    func versionTwoLayersUpgrade() throws {
        let p = #""producer":{"component":"x","version":"1"}"#
        let data = Data(
            (#"{"format":"dossier","version":2,"id":"x","text":"Mayor Ana Lind spoke on Monday.","layers":{"#
                + #""entities":[{"id":"e1","start":6,"end":14,"kind":"person","name":"Ana Lind","role":"Mayor",\#(p)}],"#
                + #""dates":[{"id":"d1","start":24,"end":30,"value":"2025-03-10",\#(p)}],"#
                + #""quotes":[{"id":"q1","start":0,"end":5,"kind":"direct","speaker":"e1",\#(p)}]}}"#).utf8)
        let document = try Document(jsonData: data)
        let entity = try #require(document.annotations.entities.first)
        #expect(entity.mentions == [Entity.Mention(range: TextRange(start: 6, end: 14), form: .name)])
        #expect(entity.roles == [Entity.Role(title: "Mayor")] && entity.role == "Mayor")
        #expect(document.annotations.dates.map(\.kind) == [.point])
        #expect(document.annotations.quotes.map(\.isAnonymous) == [false])
        let again = try Document(jsonData: try document.jsonData())
        #expect(again == document)
        let written = try #require(try JSONSerialization.jsonObject(with: try document.jsonData()) as? [String: Any])
        #expect(written["version"] as? Int == 4)
        let layers = try #require(written["layers"] as? [String: Any])
        let wire = try #require((layers["entities"] as? [[String: Any]])?.first)
        #expect(wire["role"] == nil && (wire["roles"] as? [[String: Any]])?.first?["title"] as? String == "Mayor")
        #expect((wire["mentions"] as? [[String: Any]])?.first?["form"] as? String == "name")
    }

    @Test("a file that leaves out empty layers, links, blocks and metadata still reads")
    func decodingAcceptsOmittedContainers() throws {
        let data = Data(
            #"{"format":"dossier","version":1,"id":"x","text":"Hi there.","layers":{"sentences":[{"start":0,"end":9,"producer":{"component":"s","version":"1"}}]}}"#
                .utf8)
        let document = try Document(jsonData: data)
        #expect(
            document.annotations.sentences == [
                Sentence(id: "s1", range: TextRange(start: 0, end: 9), producer: Provenance(component: "s", version: "1"))
            ], "a version 1 file's annotations get ids")
        #expect(document.blocks.isEmpty && document.links.isEmpty && document.metadata == Metadata())
    }

    @Test("includeText false leaves out every copy of the text, and such a file is refused on reading")
    func withoutText() throws {
        let document = SampleDocuments.full
        let data = try document.jsonData(includeText: false)
        let json = try object(data)
        #expect(json["text"] == nil)
        #expect(json["length"] as? Int == document.length)
        #expect(!String(decoding: data, as: UTF8.self).contains("road-safety"))
        let error = try #require(throws: DocumentJSONError.self) { try Document(jsonData: data) }
        #expect(error.code == "E707")
    }

    struct Corruption: Sendable, CustomTestStringConvertible {
        var name: String
        var path: [String]
        var value: Value?
        var code: String
        var message: String?
        var errorPath: String?
        var testDescription: String { name }

        /// A JSON scalar that can sit in a test argument table.
        enum Value: Sendable {
            case int(Int)
            case string(String)
            var any: Any {
                switch self {
                case .int(let i): i
                case .string(let s): s
                }
            }
        }
    }

    static let length = SampleDocuments.full.length
    static let outside = "is outside the text (length \(length)); offsets are Unicode scalars, half-open"

    static let corruptions: [Corruption] = [
        Corruption(
            name: "newer version", path: ["version"], value: .int(7), code: "E703",
            message: "unsupported dossier JSON version '7'; this build reads versions 1 to 4, so upgrade Dossier or re-export the document",
            errorPath: "version"),
        Corruption(
            name: "not a dossier file", path: ["format"], value: .string("pandoc"), code: "E702",
            message: #"not a Dossier document: expected "format": "dossier", found 'pandoc'"#, errorPath: "format"),
        Corruption(
            name: "UTF-16 offsets", path: ["offsets"], value: .string("utf-16"), code: "E704",
            message: "unsupported offset unit 'utf-16'; ranges must be 'unicode-scalar' offsets", errorPath: "offsets"),
        Corruption(
            name: "block past the end", path: ["blocks", "0", "end"], value: .int(5000), code: "E705",
            message: "range [0, 5000) \(outside)", errorPath: "blocks[0]"),
        Corruption(
            name: "reversed range", path: ["layers", "sentences", "1", "start"], value: .int(1000), code: "E705",
            message:
                "range [1000, \(SampleDocuments.range(of: "Ortiz said the trial cut collisions on the bridge by half.").end)) ends before it starts; 'end' is one past the last scalar",
            errorPath: "layers.sentences[1]"),
        Corruption(
            name: "negative start", path: ["layers", "quotes", "0", "speakerRange", "start"], value: .int(-1), code: "E705",
            message: "range [-1, \(SampleDocuments.range(of: "Lena Ortiz").end)) \(outside)", errorPath: "layers.quotes[0]"),
        Corruption(
            name: "text that disagrees with the range", path: ["layers", "entities", "1", "text"], value: .string("Lena Ortíz"),
            code: "E706",
            message:
                "'text' is 'Lena Ortíz' but range \(SampleDocuments.range(of: "Lena Ortiz")) covers 'Lena Ortiz'; fix the offsets or the text",
            errorPath: "layers.entities[1].text"),
        Corruption(
            name: "start without end", path: ["layers", "findings", "0", "end"], value: nil, code: "E705",
            message: "'start' and 'end' must be given together or not at all", errorPath: "layers.findings[0]"),
        Corruption(
            name: "length counted in another unit", path: ["length"], value: .int(length + 3), code: "E705",
            message: "'length' is \(length + 3) but the text has \(length) Unicode scalars; were the offsets counted in another unit?",
            errorPath: "length"),
        Corruption(
            name: "offset beyond 2^31 - 1", path: ["layers", "sentences", "1", "end"], value: .int(3_000_000_000), code: "E705",
            message: "offset 3000000000 is beyond the largest Dossier supports (2147483647); a document holds at most 2^31 - 1 scalars",
            errorPath: "layers.sentences[1]"),
        Corruption(
            name: "flat offset beyond 2^31 - 1", path: ["layers", "findings", "0", "start"], value: .int(-2_147_483_648), code: "E705",
            message: "offset -2147483648 is beyond the largest Dossier supports (2147483647); a document holds at most 2^31 - 1 scalars",
            errorPath: "layers.findings[0]"),
        Corruption(
            name: "block level beyond 2^31 - 1", path: ["blocks", "0", "level"], value: .int(1 << 40), code: "E701",
            message: "'level' 1099511627776 is beyond the largest a block can hold (2147483647)", errorPath: "blocks[0].level"),
        Corruption(
            name: "missing producer", path: ["layers", "claims", "2", "producer"], value: nil, code: "E701",
            message: "missing key 'producer'", errorPath: "layers.claims[2]"),
        // Foundation words this message itself, so only the code and the path are pinned.
        Corruption(
            name: "entity kind that is not a name", path: ["layers", "entities", "0", "kind"], value: .int(3), code: "E701",
            message: nil, errorPath: "layers.entities[0].kind"),
    ]

    @Test("decoding refuses a corrupted file with a clear, located error", arguments: corruptions)
    func decodingRejects(_ c: Corruption) throws {
        let data = try corrupt(SampleDocuments.full.jsonData(), at: c.path, with: c.value?.any)
        let error = try #require(throws: DocumentJSONError.self) { try Document(jsonData: data) }
        #expect(error.code == c.code)
        if let message = c.message { #expect(error.message == message) }
        #expect(error.path == c.errorPath)
    }

    @Test("bytes that are not JSON are refused as such")
    func notJSON() throws {
        let error = try #require(throws: DocumentJSONError.self) { try Document(jsonData: Data("<html>".utf8)) }
        #expect(error.code == "E701")
        #expect(error.message.hasPrefix("the data is not valid JSON"))
        #expect(error.underlying is DecodingError)
    }

    @Test("a metric JSON cannot hold is named instead of failing deep inside the encoder")
    func nonFiniteMetric() throws {
        var document = SampleDocuments.minimal
        document.annotations.metrics = [Metric(name: "ratio", value: .nan)]
        let error = try #require(throws: DocumentJSONError.self) { try document.jsonData() }
        #expect(error.code == "E708")
        #expect(
            error.description == "layers.metrics[0].value: metric 'ratio' has the value 'nan', which JSON cannot hold; use a finite number")
    }

    @Test("the version constant is the one written")
    func versionConstant() throws {
        #expect(Document.jsonFormatVersion == DocumentJSON.version)
        #expect(try object(SampleDocuments.read.jsonData())["version"] as? Int == Document.jsonFormatVersion)
    }

    // MARK: Helpers

    func object(_ data: Data) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// Re-serialises `data` with the value at `path` replaced, or removed when `value` is nil.
    func corrupt(_ data: Data, at path: [String], with value: Any?) throws -> Data {
        func replace(_ path: ArraySlice<String>, in node: Any?) -> Any? {
            guard let key = path.first else { return value }
            if var array = node as? [Any], let i = Int(key) {
                array[i] = replace(path.dropFirst(), in: array[i]) as Any
                return array
            }
            var object = node as? [String: Any] ?? [:]
            object[key] = replace(path.dropFirst(), in: object[key])
            return object
        }
        let root = try JSONSerialization.jsonObject(with: data)
        return try JSONSerialization.data(withJSONObject: try #require(replace(path[...], in: root)))
    }
}
