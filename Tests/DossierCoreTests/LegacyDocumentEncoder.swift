import DossierCore
import Foundation

/// The `JSONEncoder` path that wrote Dossier JSON before `DocumentJSONWriter`, kept as the
/// reference the writer's bytes are compared with.
enum LegacyDocumentEncoder {
    static func encode(_ document: Document, pretty: Bool, includeText: Bool) throws -> Data {
        func snippet(_ range: TextRange) -> String? { includeText ? document.text(in: range) : nil }
        let a = document.annotations
        let root = Root(
            format: "dossier", version: 1, offsets: "unicode-scalar", id: document.id, origin: document.origin,
            reader: document.reader, length: document.length, text: includeText ? document.text : nil,
            metadata: WireMetadata(
                title: document.metadata.title, authors: document.metadata.authors, publisher: document.metadata.publisher,
                published: document.metadata.published, modified: document.metadata.modified, url: document.metadata.url,
                language: document.metadata.language),
            blocks: document.blocks.map {
                WireBlock(kind: $0.kind, start: $0.range.start, end: $0.range.end, level: $0.level, label: $0.label, text: snippet($0.range))
            },
            links: document.links.map {
                WireLink(url: $0.url, text: $0.text, origin: $0.origin, start: $0.range?.start, end: $0.range?.end)
            },
            layers: Layers(
                sentences: a.sentences.map {
                    WireSentence(start: $0.range.start, end: $0.range.end, text: snippet($0.range), producer: $0.producer)
                },
                entities: a.entities.map {
                    WireEntity(
                        start: $0.range.start, end: $0.range.end, text: snippet($0.range), kind: $0.kind, name: $0.name,
                        role: $0.role, producer: $0.producer)
                },
                dates: a.dates.map {
                    WireDate(start: $0.range.start, end: $0.range.end, text: snippet($0.range), value: $0.value, producer: $0.producer)
                },
                quotes: a.quotes.map {
                    WireQuote(
                        start: $0.range.start, end: $0.range.end, text: snippet($0.range), kind: $0.kind, speaker: $0.speaker,
                        speakerRange: $0.speakerRange.map { Span(start: $0.start, end: $0.end, text: snippet($0)) }, cue: $0.cue,
                        producer: $0.producer)
                },
                claims: a.claims.map {
                    WireClaim(
                        id: $0.id, start: $0.range.start, end: $0.range.end, text: snippet($0.range), checkWorthiness: $0.checkWorthiness,
                        sourceIds: $0.sourceIDs, claimant: $0.claimant, producer: $0.producer)
                },
                sources: a.sources.map {
                    WireSource(
                        id: $0.id, name: $0.name, url: $0.url, kind: $0.kind, start: $0.range?.start, end: $0.range?.end,
                        text: $0.range.flatMap(snippet), producer: $0.producer)
                },
                findings: a.findings.map {
                    WireFinding(
                        kind: $0.kind, message: $0.message, severity: $0.severity, start: $0.range?.start, end: $0.range?.end,
                        text: $0.range.flatMap(snippet), producer: $0.producer)
                },
                metrics: a.metrics.map { WireMetric(name: $0.name, value: $0.value, unit: $0.unit, producer: $0.producer) }))
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted] : [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(root)
    }

    private struct Root: Encodable {
        var format: String
        var version: Int
        var offsets: String?
        var id: String
        var origin: String?
        var reader: Provenance?
        var length: Int?
        var text: String?
        var metadata: WireMetadata?
        var blocks: [WireBlock]?
        var links: [WireLink]?
        var layers: Layers?
    }

    private struct WireMetadata: Encodable {
        var title: String?
        var authors: [String]?
        var publisher: String?
        var published: String?
        var modified: String?
        var url: String?
        var language: String?
    }

    private struct Span: Encodable {
        var start: Int
        var end: Int
        var text: String?
    }

    private struct WireBlock: Encodable {
        var kind: BlockKind
        var start: Int
        var end: Int
        var level: Int?
        var label: String?
        var text: String?
    }

    private struct WireLink: Encodable {
        var url: String?
        var text: String
        var origin: Link.Origin
        var start: Int?
        var end: Int?
    }

    private struct Layers: Encodable {
        var sentences: [WireSentence]?
        var entities: [WireEntity]?
        var dates: [WireDate]?
        var quotes: [WireQuote]?
        var claims: [WireClaim]?
        var sources: [WireSource]?
        var findings: [WireFinding]?
        var metrics: [WireMetric]?
    }

    private struct WireSentence: Encodable {
        var start: Int
        var end: Int
        var text: String?
        var producer: Provenance
    }

    private struct WireEntity: Encodable {
        var start: Int
        var end: Int
        var text: String?
        var kind: Entity.Kind
        var name: String
        var role: String?
        var producer: Provenance
    }

    private struct WireDate: Encodable {
        var start: Int
        var end: Int
        var text: String?
        var value: String?
        var producer: Provenance
    }

    private struct WireQuote: Encodable {
        var start: Int
        var end: Int
        var text: String?
        var kind: Quote.Kind
        var speaker: String?
        var speakerRange: Span?
        var cue: String?
        var producer: Provenance
    }

    private struct WireClaim: Encodable {
        var id: String
        var start: Int
        var end: Int
        var text: String?
        var checkWorthiness: Double
        var sourceIds: [String]?
        var claimant: String?
        var producer: Provenance
    }

    private struct WireSource: Encodable {
        var id: String
        var name: String
        var url: String?
        var kind: SourceKind
        var start: Int?
        var end: Int?
        var text: String?
        var producer: Provenance
    }

    private struct WireFinding: Encodable {
        var kind: String
        var message: String
        var severity: Finding.Severity
        var start: Int?
        var end: Int?
        var text: String?
        var producer: Provenance
    }

    private struct WireMetric: Encodable {
        var name: String
        var value: Double
        var unit: String?
        var producer: Provenance
    }
}
