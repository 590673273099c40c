import DossierCore
import DossierExporters
import DossierReaders
import DossierTestSupport
import DossierTesting
import Foundation
import Testing

@Suite("Exporters")
struct ExporterTests {
    @Test("the json exporter's output matches its golden file and reads back equal")
    func jsonGolden() throws {
        let document = SampleDocuments.full
        let output = try JSONExporter().export(document)
        try Golden.check(output, against: "full.json")
        #expect(output.last == UInt8(ascii: "\n"))
        #expect(try Document(jsonData: output) == document)
    }

    @Test("compact json is one line plus a newline, ready for JSON Lines")
    func jsonCompact() throws {
        var options = JSONExporter.Options()
        options.pretty = false
        let text = try String(decoding: JSONExporter(options: options).export(SampleDocuments.full), as: UTF8.self)
        #expect(text.filter { $0 == "\n" }.count == 1)
        #expect(text.hasSuffix("}\n"))
    }

    @Test("the markdown brief of a fully annotated story matches its golden file")
    func markdownFullGolden() throws {
        try Golden.check(MarkdownExporter().export(SampleDocuments.full), against: "full.md")
    }

    @Test("the markdown brief of a story that was only read and split is still useful")
    func markdownMinimalGolden() throws {
        let output = try MarkdownExporter().export(SampleDocuments.minimal)
        try Golden.check(output, against: "minimal.md")
        let text = String(decoding: output, as: UTF8.self)
        for needle in [
            "# Riverton council", "Sentences: 5", "**Highlights**", "**Embedded posts**", "Sources section: Minutes of the council",
        ] {
            #expect(text.contains(needle), "brief lacks '\(needle)'")
        }
        for absent in ["## Who said what", "## Check-worthy claims", "## Framing", "## Metrics", "## Dates"] {
            #expect(!text.contains(absent), "brief has an empty section '\(absent)'")
        }
    }

    @Test("maxClaims keeps the most check-worthy claims and includeProvenance adds the producers")
    func markdownOptionsGolden() throws {
        var options = MarkdownExporter.Options()
        options.maxClaims = 2
        options.includeProvenance = true
        let output = try MarkdownExporter(options: options).export(SampleDocuments.full)
        try Golden.check(output, against: "full-top2-provenance.md")
        let text = String(decoding: output, as: UTF8.self)
        #expect(text.contains("the 2 most check-worthy are listed"))
        #expect(text.contains("| c2 | 0.91 |") && text.contains("| c4 | 0.84 |") && !text.contains("| c3 |"))
        #expect(text.contains("| claims | claims@0.9.1 |"))
    }

    @Test("maxClaims works on claims read back from Dossier JSON by the json reader, as on the document that wrote them")
    func markdownMaxClaimsAfterJSONRoundTrip() throws {
        let json = try JSONExporter().export(SampleDocuments.full)
        let read = try JSONReader().read(Input(id: "full", name: "full.json", data: json))
        let document = try #require(read.first)
        #expect(document.annotations.claims.count == SampleDocuments.full.annotations.claims.count)
        var options = MarkdownExporter.Options()
        options.maxClaims = 2
        options.includeProvenance = true
        let brief = try MarkdownExporter(options: options).export(document)
        try Golden.check(brief, against: "full-top2-provenance.md")
        options.maxClaims = 1
        let one = String(decoding: try MarkdownExporter(options: options).export(document), as: UTF8.self)
        #expect(one.contains("the 1 most check-worthy are listed"))
        #expect(one.contains("| c2 | 0.91 |") && !one.contains("| c4 | 0.84 |"))
    }

    @Test("the markdown summary names only sections the brief can have, and no framing section")
    func markdownSummaryIsTrue() throws {
        #expect(!MarkdownExporter.summary.contains("framing"))
        for section in ["quotes", "entities", "claims", "sources", "findings", "metrics", "dates"] {
            #expect(MarkdownExporter.summary.contains(section), "summary lacks '\(section)'")
        }
    }

    @Test("a negative maxClaims is refused, naming the option")
    func markdownRejectsNegativeMaxClaims() throws {
        var options = MarkdownExporter.Options()
        options.maxClaims = -1
        let error = try #require(throws: ComponentError.self) { try MarkdownExporter(options: options) }
        #expect(error.option == "maxClaims")
        #expect(error.message == "'maxClaims' is '-1' but must be 0 (list every claim) or more")
    }

    @Test("an entity's roles show once each, in their fullest wording, and a speaker's first role stands by the name")
    func markdownRoles() throws {
        let text = "Harbour envoys Ada Lind and Bo Sten met. Lind, one of the envoys, said “the harbour stays open all winter”."
        var document = Document(id: "roles", text: text)
        func range(_ s: String) -> TextRange {
            let start = text.unicodeScalars.distance(
                from: text.unicodeScalars.startIndex, to: text.range(of: s)!.lowerBound.samePosition(in: text.unicodeScalars)!)
            return TextRange(start: start, end: start + s.unicodeScalars.count)
        }
        document.annotations.entities = [
            Entity(
                id: "e1", kind: .person, name: "Ada Lind", mentions: [.init(range: range("Ada Lind")), .init(range: range("Lind,"))],
                roles: [.init(title: "envoys", affiliation: "Harbour"), .init(title: "envoys")])
        ]
        document.annotations.quotes = [
            Quote(id: "q1", range: range("the harbour stays open all winter"), kind: .direct, speaker: "e1", cue: "said")
        ]
        let brief = try MarkdownExporter().render(document)
        #expect(brief.contains("| Ada Lind | person | Harbour envoys | 2 |"))
        #expect(brief.contains("- **Ada Lind**, Harbour envoys (said): “the harbour stays open all winter”"))
    }

    @Test("user text cannot break a Markdown table or open emphasis")
    func markdownEscapesUserText() throws {
        let text = "Costs rose | fell by *half* [sic] <b>"
        var document = Document(id: "pipes", text: text)
        document.annotations.claims = [
            ClaimAnnotation(id: "c1", range: TextRange(start: 0, end: text.unicodeScalars.count), checkWorthiness: 0.5)
        ]
        let brief = try MarkdownExporter().render(document)
        let row = try #require(brief.split(separator: "\n").first { $0.hasPrefix("| c1 ") })
        #expect(row == #"| c1 | 0.50 | Costs rose \| fell by \*half\* \[sic\] \<b\> | fact | the publication |  | **unsourced** |"#)
        // A row must have as many unescaped cell separators as the header.
        let separators = row.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count
        #expect(separators == 8)
    }

    @Test("both exporters pass the conformance check third-party exporters are held to, with every option set")
    func conformance() throws {
        let documents = [SampleDocuments.full, SampleDocuments.minimal, SampleDocuments.read]
        var compact = JSONExporter.Options()
        compact.pretty = false
        compact.includeText = false
        var brief = MarkdownExporter.Options()
        brief.maxClaims = 1
        brief.includeProvenance = true
        for problems in [
            ExporterConformance.check(JSONExporter.self, documents: documents),
            ExporterConformance.check(JSONExporter.self, documents: documents, options: compact),
            ExporterConformance.check(MarkdownExporter.self, documents: documents),
            ExporterConformance.check(MarkdownExporter.self, documents: documents, options: brief),
        ] {
            #expect(problems.isEmpty, "\(problems)")
        }
        var registry = Registry()
        try registry.register(exporter: JSONExporter.self)
        try registry.register(exporter: MarkdownExporter.self)
        #expect(registry.ids(.exporter) == ["json", "markdown"])
        #expect(registry.info(.exporter, "markdown")?.fileExtensions == ["md"])
    }
}
