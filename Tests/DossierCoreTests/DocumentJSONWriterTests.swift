import DossierCore
import DossierTestSupport
import Foundation
import Testing

@Suite("Document JSON writer")
struct DocumentJSONWriterTests {
    /// Strings that exercise every escape: quotes, backslashes, slashes, each control character,
    /// DEL, line and paragraph separators, non-BMP scalars and combining marks.
    static let awkward: [String] = [
        "", "plain", "\"quoted\" and \\back\\slashed\\", "a/b/</script>", "tab\tnew\nline\rcr\u{08}bs\u{0C}ff",
        String((0..<32).map { Character(Unicode.Scalar(UInt8($0))) }), "del\u{7F}", "sep\u{2028}para\u{2029}", "bom\u{FEFF}",
        "🇳🇱 Zoe\u{0308} 𝄞 — “curly”", "nul\u{0}inside", "\u{10FFFF}\u{E000}",
    ]

    /// Varied documents: the samples, an empty one, awkward text in every string field, edge numbers.
    static var documents: [Document] {
        var awkwardText = SampleDocuments.full
        let text = awkward.joined(separator: "\n")
        let length = text.unicodeScalars.count
        let producer = Provenance(component: "we\"ird/\\", version: "1.0\u{1}")
        var documents = [SampleDocuments.read, SampleDocuments.minimal, SampleDocuments.full, Document(id: "empty", text: "")]
        awkwardText = Document(
            id: awkward[2], text: text,
            blocks: (0..<length).map {
                Block(
                    kind: "odd\"kind", range: TextRange(start: $0, end: min(length, $0 + 3)), level: $0 - 5,
                    label: awkward[$0 % awkward.count])
            },
            metadata: Metadata(
                title: awkward[4], authors: awkward, publisher: awkward[3], published: "", modified: awkward[9], url: awkward[3],
                language: awkward[10]),
            links: [
                Link(url: awkward[3], text: awkward[5], range: TextRange(start: 0, end: length), origin: .hyperlink),
                Link(url: nil, text: "", range: nil, origin: .image),
            ],
            origin: awkward[7], reader: producer)
        var a = Annotations()
        let everything = TextRange(start: 0, end: length)
        a.sentences = (0..<length).map { Sentence(range: TextRange(start: $0, end: length), producer: producer) }
        a.entities = [
            Entity(id: "e1", range: everything, kind: .misc, name: awkward[6], role: awkward[8], producer: producer),
            Entity(
                id: "e2", kind: Entity.Kind(rawValue: awkward[2]), name: awkward[9],
                mentions: [
                    Entity.Mention(range: TextRange(start: 3, end: 7), form: .alias),
                    Entity.Mention(range: TextRange(start: 0, end: 0), form: Entity.Mention.Form(rawValue: awkward[4])),
                    Entity.Mention(range: everything, form: .pronoun),
                ],
                roles: [
                    Entity.Role(title: awkward[5], affiliation: awkward[3], range: TextRange(start: 1, end: 4)),
                    Entity.Role(title: "", affiliation: nil, range: nil), Entity.Role(title: awkward[11], affiliation: ""),
                    Entity.Role(title: "t", range: TextRange(start: 0, end: 0)),
                ], producer: producer),
            // No mentions: no covered text, and `start`/`end` fall back to 0.
            Entity(id: "e3", kind: .person, name: "", mentions: [], producer: Provenance(component: "x", version: "", name: awkward[7])),
        ]
        a.dates = [
            DateMention(id: "d1", range: everything, value: awkward[4], producer: producer),
            DateMention(id: awkward[8], range: TextRange(start: 1, end: 1), value: nil, producer: producer),
            DateMention(
                range: TextRange(start: 2, end: 5), kind: .range, value: awkward[3], anchor: awkward[9], unresolved: awkward[2],
                producer: producer),
            DateMention(range: TextRange(start: 0, end: 3), kind: .duration, value: nil, unresolved: awkward[5], producer: producer),
        ]
        a.quotes = [
            Quote(
                range: everything, kind: .indirect, speaker: "e1", speakerRange: TextRange(start: 2, end: 9), cue: awkward[2],
                producer: producer),
            Quote(range: TextRange(start: 0, end: 0), kind: .direct, producer: producer),
            Quote(
                id: awkward[9], range: TextRange(start: 4, end: 12), kind: Quote.Kind(rawValue: awkward[3]), speaker: "e2",
                speakerRange: TextRange(start: 0, end: 0), isAnonymous: true, cue: "", cueRange: TextRange(start: 1, end: 3),
                producer: producer),
            Quote(range: TextRange(start: 1, end: 2), kind: .scare, isAnonymous: true, cueRange: everything, producer: producer),
        ]
        // Scores and weights as awkward as the metrics' values below, through the claims' fast path.
        let doubles: [Double] = [
            0, -1, Double(Int.max), 2.5e-8, 1e300, 7, -0.0, 1, 0.1 + 0.2, 1e-7, 1e16, 1e21, Double.leastNonzeroMagnitude,
            1.7976931348623157e308, -42.5, 100,
            123456789.125, 0.25, 0.804,
        ]
        a.claims = doubles.enumerated().map { n, score in
            ClaimAnnotation(
                id: "c\(n)", range: n.isMultiple(of: 3) ? everything : TextRange(start: n % length, end: length), checkWorthiness: score,
                kind: n.isMultiple(of: 4) ? .fact : ClaimKind(rawValue: awkward[n % awkward.count]),
                sources: [awkward[10], "src2"].prefix(n % 3).map { Reference($0) }, claimant: n.isMultiple(of: 2) ? "e1" : nil,
                claimantKind: n == 5 ? .anonymous : nil, quote: n.isMultiple(of: 5) ? Reference(awkward[9]) : nil,
                actors: Array(["e1", "e2", "e3"].prefix(n % 4)).map { Reference($0) },
                dates: n.isMultiple(of: 2) ? [Reference("d1"), Reference(awkward[8])] : [],
                reasons: (0..<(n % 3)).map {
                    ClaimAnnotation.Reason(
                        feature: awkward[($0 + n) % awkward.count], description: awkward[4], weight: doubles[(n + $0) % doubles.count])
                },
                hedges: n.isMultiple(of: 2) ? [TextRange(start: 0, end: 1), everything] : [],
                boosters: n.isMultiple(of: 3) ? [TextRange(start: 2, end: 2)] : [],
                attribution: n.isMultiple(of: 4) ? TextRange(start: 1, end: 5) : nil, producer: producer)
        }
        a.claims[1].support = [
            ClaimAnnotation.Support(source: Reference(awkward[10]), via: .paragraphLink),
            ClaimAnnotation.Support(source: "src2", via: ClaimAnnotation.Support.Via(rawValue: awkward[5])),
        ]
        a.sources = [
            SourceAnnotation(id: awkward[10], name: awkward[11], url: awkward[3], kind: .document, range: everything, producer: producer),
            SourceAnnotation(id: "src2", name: "", kind: .person, producer: producer),
            SourceAnnotation(
                id: "src3", name: awkward[9], url: "", kind: SourceKind(rawValue: awkward[2]), range: TextRange(start: 0, end: 0),
                entity: "e2", platform: awkward[4], handle: awkward[6], date: awkward[7], producer: producer),
            SourceAnnotation(name: awkward[8], kind: .socialPost, entity: "e3", handle: "@h", producer: producer),
        ]
        a.findings = [
            Finding(kind: awkward[5], message: awkward[4], severity: .warning, range: everything, cue: awkward[3], producer: producer),
            Finding(kind: "k", message: "m", severity: .info, producer: producer),
        ]
        a.metrics = [
            0, -1, Double(Int.max), 2.5e-8, 1e300, 7, -0.0, 1, 0.1 + 0.2, 1e-7, 1e16, 1e21, Double.leastNonzeroMagnitude,
            1.7976931348623157e308, -42.5, 100,
            123456789.125,
        ].map {
            Metric(name: "m\($0)", value: $0, unit: $0 > 1 ? awkward[11] : nil, producer: producer)
        }
        a.relations = [
            Relation(id: awkward[2], kind: awkward[5], from: "e1", to: awkward[10], confidence: 0.25, producer: producer),
            Relation(kind: "k", from: "c3", to: "src2", producer: producer),
        ]
        a.assignMissingIDs()
        awkwardText.annotations = a
        documents.append(awkwardText)
        var bare = awkwardText
        bare.origin = nil
        bare.reader = nil
        bare.metadata = Metadata()
        bare.blocks = []
        bare.annotations = Annotations()
        documents.append(bare)
        var negative = SampleDocuments.full
        negative.id = String(repeating: "x", count: 5000)
        documents.append(negative)
        return documents
    }

    @Test(
        "writes the same bytes JSONEncoder wrote, for every layout option",
        arguments: [(true, true), (true, false), (false, true), (false, false)])
    func bytesMatchJSONEncoder(pretty: Bool, includeText: Bool) throws {
        for document in Self.documents {
            let written = try document.jsonData(pretty: pretty, includeText: includeText)
            let reference = try LegacyDocumentEncoder.encode(document, pretty: pretty, includeText: includeText)
            #expect(written == reference, "document '\(document.id.prefix(40))'")
            if written != reference {
                let w = [UInt8](written)
                let r = [UInt8](reference)
                let at = (0..<min(w.count, r.count)).first { w[$0] != r[$0] } ?? min(w.count, r.count)
                Issue.record(
                    "first difference at byte \(at): '\(String(decoding: w[max(0, at - 40)..<min(w.count, at + 40)], as: UTF8.self))' vs '\(String(decoding: r[max(0, at - 40)..<min(r.count, at + 40)], as: UTF8.self))'"
                )
            }
        }
    }

    @Test(
        "a number is written as its shortest description without '.0', whole numbers (written as integers) included",
        arguments: [
            0, -0.0, 1, -1, 2.5, -3, 13.9, 354, 0.1 + 0.2, 1e14, 999_999_999_999_999, 1e15, -1e15, 0x1p53, 0x1p53 + 2, 1e16, 1e300,
            .leastNonzeroMagnitude, 0.000_1, 123_456.789,
        ])
    func doubles(value: Double) {
        var bytes: [UInt8] = []
        bytes.writeJSONDouble(value)
        var reference = value.description
        if reference.hasSuffix(".0") { reference.removeLast(2) }
        #expect(String(decoding: bytes, as: UTF8.self) == reference)
    }

    @Test("an integer is written in decimal, as String(_:) writes it", arguments: [0, 7, -7, 10, 1_000_000, Int.max, Int.min])
    func integers(value: Int) {
        var bytes: [UInt8] = []
        bytes.writeJSONInteger(value)
        #expect(String(decoding: bytes, as: UTF8.self) == String(value))
    }

    @Test("streamed in small chunks, the bytes are the same, and no chunk is larger than asked unless it is one string")
    func streamedChunks() throws {
        for document in Self.documents {
            for chunkSize in [1, 7, 4096] {
                var streamed = Data()
                var largest = 0
                try document.writeJSON(pretty: true, newline: true, chunkSize: chunkSize) {
                    streamed.append(contentsOf: $0)
                    largest = max(largest, $0.count)
                }
                #expect(streamed == (try document.jsonData(newline: true)))
                #expect(largest <= max(chunkSize, 16, document.text.utf8.count, document.id.utf8.count))
            }
        }
    }

    @Test("an error from the consumer stops the stream and is rethrown")
    func streamError() throws {
        struct Full: Error {}
        var calls = 0
        #expect(throws: Full.self) {
            try SampleDocuments.full.writeJSON(chunkSize: 64) { _ in
                calls += 1
                throw Full()
            }
        }
        #expect(calls == 1)
    }

    @Test("a newline asked for ends the same bytes")
    func newlineIsAppended() throws {
        let document = SampleDocuments.full
        #expect(try document.jsonData(pretty: false, newline: true) == document.jsonData(pretty: false) + Data([0x0A]))
    }

    @Test("documents with awkward text read back equal")
    func awkwardDocumentsRoundTrip() throws {
        for document in Self.documents {
            #expect(try Document(jsonData: document.jsonData()) == document)
        }
    }

    @Test("a claim score JSON cannot hold is refused with E708", arguments: [Double.nan, .infinity])
    func nonFiniteScoreIsRefused(score: Double) throws {
        var document = SampleDocuments.full
        document.annotations.claims[1].checkWorthiness = score
        let error = try #require(throws: DocumentJSONError.self) { try document.jsonData() }
        #expect(error.code == "E708")
        #expect(error.path == "layers.claims[1].checkWorthiness")
    }

    @Test("a claim reason's weight JSON cannot hold is refused with E708", arguments: [Double.nan, -.infinity])
    func nonFiniteWeightIsRefused(weight: Double) throws {
        var document = SampleDocuments.full
        document.annotations.claims[2].reasons = [
            ClaimAnnotation.Reason(feature: "number", description: "names a number", weight: 1),
            ClaimAnnotation.Reason(feature: "odd", description: "odd", weight: weight),
        ]
        let error = try #require(throws: DocumentJSONError.self) { try document.jsonData() }
        #expect(error.code == "E708")
        #expect(error.path == "layers.claims[2].reasons[1].weight")
    }
}
