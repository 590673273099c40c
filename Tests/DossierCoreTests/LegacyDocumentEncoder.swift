import DossierCore
import Foundation

/// The `JSONEncoder` path that wrote Dossier JSON before `DocumentJSONWriter`, kept as the
/// reference the writer's bytes are compared with. Each annotation goes through its own
/// `Codable` wire form, so the test also checks that the writer's fast paths for the built-in
/// layers write exactly what those types own.
enum LegacyDocumentEncoder {
    static func encode(_ document: Document, pretty: Bool, includeText: Bool) throws -> Data {
        func snippet(_ range: TextRange) -> String? { includeText ? document.text(in: range) : nil }
        func wire<T: Annotation>(_ items: [T]) -> [Wire<T>] { items.map { Wire(item: $0, text: $0.coveredRange.flatMap(snippet)) } }
        let a = document.annotations
        let root = Root(
            format: "dossier", version: DocumentJSON.version, offsets: "unicode-scalar", id: document.id, origin: document.origin,
            reader: document.reader, length: document.length, text: includeText ? document.text : nil,
            metadata: WireMetadata(
                title: document.metadata.title, authors: document.metadata.authors, publisher: document.metadata.publisher,
                published: document.metadata.published, modified: document.metadata.modified, url: document.metadata.url,
                language: document.metadata.language),
            blocks: document.blocks.map {
                WireBlock(
                    kind: $0.kind, start: $0.range.start, end: $0.range.end, level: $0.level, label: $0.label, text: snippet($0.range))
            },
            links: document.links.map {
                WireLink(url: $0.url, text: $0.text, origin: $0.origin, start: $0.range?.start, end: $0.range?.end)
            },
            layers: Layers(
                sentences: wire(a.sentences), entities: wire(a.entities), dates: wire(a.dates), quotes: wire(a.quotes),
                claims: wire(a.claims), sources: wire(a.sources), findings: wire(a.findings), metrics: wire(a.metrics),
                relations: wire(a.relations)))
        let encoder = JSONEncoder()
        encoder.outputFormatting =
            pretty ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted] : [.sortedKeys, .withoutEscapingSlashes]
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
        var sentences: [Wire<Sentence>]
        var entities: [Wire<Entity>]
        var dates: [Wire<DateMention>]
        var quotes: [Wire<Quote>]
        var claims: [Wire<ClaimAnnotation>]
        var sources: [Wire<SourceAnnotation>]
        var findings: [Wire<Finding>]
        var metrics: [Wire<Metric>]
        var relations: [Wire<Relation>]
    }

    /// An annotation in its own Codable wire form, with the covered text beside it.
    private struct Wire<T: Annotation>: Encodable {
        var item: T
        var text: String?

        private enum Key: String, CodingKey { case text }

        func encode(to encoder: any Encoder) throws {
            try item.encode(to: encoder)
            var c = encoder.container(keyedBy: Key.self)
            try c.encodeIfPresent(text, forKey: .text)
        }
    }
}
