import DossierAnalyzers
import DossierCore
import DossierExporters
import DossierReaders
import DossierTestSupport
import DossierTesting
import Foundation
import Testing

@Suite("HTML exporter")
struct HTMLExporterTests {
    static let made = Provenance(component: "test", version: "1")

    func page(_ document: Document, options: HTMLExporter.Options = .init()) throws -> String {
        String(decoding: try HTMLExporter(options: options).export(document), as: UTF8.self)
    }

    @Test("the report of a fully annotated story matches its golden file and is well formed")
    func fullGolden() throws {
        let output = try HTMLExporter().export(SampleDocuments.full)
        try Golden.check(output, against: "full.html")
        let check = MarkupCheck(String(decoding: output, as: UTF8.self))
        #expect(check.problem == nil, "\(check.problem ?? "")")
        // Every layer is highlighted, and the panel lists every claim.
        let html = String(decoding: output, as: UTF8.self)
        for layer in ["claims", "quotes", "entities", "sources", "findings"] {
            #expect(html.contains("class=\"hl hl-\(layer)"), "no \(layer) highlight")
            #expect(html.contains("data-layer=\"\(layer)\""), "no \(layer) toggle")
        }
        #expect(check.opened["li", default: 0] >= 4)
        #expect(html.components(separatedBy: "class=\"claim-row").count - 1 == 4)
        #expect(html.contains("id=\"d-riverton-bridge-claim-c2\""))
    }

    @Test("the report of a story that was only read is its text, with no empty panels or toggles")
    func minimalGolden() throws {
        let output = try HTMLExporter().export(SampleDocuments.read)
        try Golden.check(output, against: "read.html")
        let html = String(decoding: output, as: UTF8.self)
        #expect(MarkupCheck(html).problem == nil)
        for absent in ["<fieldset", "<mark", "class=\"claim-row", "aria-labelledby=\"d-riverton-bridge-claims\"", "class=\"figures\""] {
            #expect(!html.contains(absent), "report has '\(absent)'")
        }
        #expect(html.contains("Cycle traffic rose 40% after a 2023 trial"))
    }

    @Test("hostile text, names, ids and addresses stay text: no markup, script or javascript: link comes from the document")
    func escaping() throws {
        let text = "<script>alert(1)</script> & \"q\" 'a' \u{0}\u{7}\u{85} </p><img src=x onerror=alert(2)>\nSecond line -->"
        var document = Document(
            id: "\"><svg onload=alert(3)>", text: text,
            metadata: Metadata(
                title: "</title><script>alert(4)</script>", authors: ["<b>Eve</b>"], publisher: "A & B",
                published: "\"><i>", url: "javascript:alert(5)", language: "en\"><x"))
        document.annotations.entities = [
            Entity(id: "e1", range: TextRange(start: 0, end: 8), kind: Entity.Kind("\"><u>"), name: "\"><b>", producer: Self.made)
        ]
        document.annotations.sources = [
            SourceAnnotation(id: "s\"1", name: "<img src=y>", url: "JavaScript:alert(6)", kind: .link, producer: Self.made)
        ]
        document.annotations.claims = [
            ClaimAnnotation(
                id: "c<1>", range: TextRange(start: 0, end: 30), checkWorthiness: 0.5, kind: ClaimKind("<k>"), sources: ["s\"1"],
                reasons: [.init(feature: "x", description: "<why>", weight: 1)], producer: Self.made)
        ]
        document.annotations.findings = [
            Finding(
                id: "f1", kind: "<kind>", message: "</li><script>alert(7)</script>", range: TextRange(start: 2, end: 12),
                producer: Self.made)
        ]
        let html = try page(document)
        let check = MarkupCheck(html)
        #expect(check.problem == nil, "\(check.problem ?? "")")
        // The addresses are shown as text, never as links.
        #expect(!html.lowercased().contains("href=\"javascript"))
        #expect(html.contains(" · javascript:alert(5)</p>"))
        #expect(html.contains("\">&lt;img src=y&gt; <span class=\"kind\">link</span>"))
        #expect(html.components(separatedBy: "<script").count - 1 == 1, "only the exporter's own script")
        for bad in ["<img", "<svg", "<b>", "<i>", "<u>", "<k>", "<why>", "<x", "\u{0}", "\u{7}", "\u{85}"] {
            #expect(!html.contains(bad), "'\(bad.debugDescription)' reached the page unescaped")
        }
        #expect(html.contains("<html lang=\"en\">"), "a language that is not a tag is not written")
        // The text reads back whole from the page, through the highlights.
        let firstLine = String(text.prefix { $0 != "\n" }).replacingOccurrences(of: "\u{0}\u{7}\u{85}", with: "\u{FFFD}\u{FFFD}\u{FFFD}")
        #expect(check.bodyText.contains(firstLine))
    }

    @Test("nested and crossing highlights become valid nested marks, each covering exactly its range")
    func overlappingHighlights() throws {
        // Two paragraphs; highlights nest, cross each other and cross the paragraph break.
        let text = "abcdefghij\nklmnopqrst"
        var document = Document(
            id: "x", text: text,
            blocks: [
                Block(kind: .paragraph, range: TextRange(start: 0, end: 10)), Block(kind: .paragraph, range: TextRange(start: 11, end: 21)),
            ])
        let ranges = [(0, 6), (3, 9), (3, 6), (5, 8), (0, 10), (8, 15), (5, 5), (2, 3), (12, 21), (14, 14)]
        document.annotations.findings = ranges.enumerated().map { n, r in
            Finding(id: "f\(n)", kind: "k", message: "m\(n)", range: TextRange(start: r.0, end: r.1), producer: Self.made)
        }
        let html = try page(document)
        #expect(html.contains("<p><mark class=\"hl hl-findings sev-info\" title=\"info: m4\" id=\"d-x-t-f4\">"))
        let check = MarkupCheck(html)
        #expect(check.problem == nil, "\(check.problem ?? "")")
        try expectMarks(check, document: document, ranges: ranges)
    }

    @Test("random overlapping highlights over random blocks always give well-formed markup that covers each range exactly")
    func randomHighlights() throws {
        var random = SeededRandom(seed: 7)
        for round in 0..<200 {
            let length = Int(random.next() % 60) + 1
            let alphabet = Array("ab cd\u{e9}\u{1F6B2}<&".unicodeScalars)
            let scalars = (0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
            var blocks: [Block] = []
            var position = 0
            while position < length {
                let end = min(length, position + Int(random.next() % 20) + 1)
                blocks.append(Block(kind: .paragraph, range: TextRange(start: position, end: end)))
                position = end + Int(random.next() % 3)
            }
            var ranges: [(Int, Int)] = []
            for _ in 0..<Int(random.next() % 12) {
                let a = Int(random.next() % UInt64(length + 1))
                let b = Int(random.next() % UInt64(length + 1))
                ranges.append((min(a, b), max(a, b)))
            }
            var document = Document(id: "r\(round)", scalars: scalars, blocks: blocks)
            document.annotations.findings = ranges.enumerated().map { n, r in
                Finding(id: "f\(n)", kind: "k", message: "m\(n)", range: TextRange(start: r.0, end: r.1), producer: Self.made)
            }
            let check = MarkupCheck(try page(document))
            #expect(check.problem == nil, "round \(round): \(check.problem ?? "")")
            try expectMarks(check, document: document, ranges: ranges)
        }
    }

    /// Checks that the page's text is the blocks' text and that mark `m<n>` covers exactly
    /// `ranges[n]` within the blocks.
    func expectMarks(
        _ check: MarkupCheck, document: Document, ranges: [(Int, Int)], sourceLocation: Testing.SourceLocation = #_sourceLocation
    )
        throws
    {
        // Where each written scalar of the body came from: the blocks' scalars, in order.
        var offsets: [Int] = []
        for block in document.blocks { offsets += Array(block.range.start..<block.range.end) }
        let body = String(String.UnicodeScalarView(offsets.map { document.scalars[$0] }))
        #expect(check.bodyText == body, sourceLocation: sourceLocation)
        for (n, r) in ranges.enumerated() {
            let expected = offsets.enumerated().filter { $0.element >= r.0 && $0.element < r.1 }.map(\.offset)
            let actual = check.marked["info: m\(n)"] ?? []
            #expect(actual == expected, "mark m\(n) over \(r) covers \(actual), not \(expected)", sourceLocation: sourceLocation)
        }
    }

    @Test("one shared page holds every article once, with one head, one script and an index linking each within the page")
    func sharedPageSink() throws {
        let exporter = try HTMLExporter()
        let second = Document(id: "second story", text: "Another story\n\nIt has one paragraph.")
        let documents = [SampleDocuments.full, second]
        for kind in [ExportOutputKind.sharedFile(path: "/out/report.html"), .standardOutput] {
            let output = MemoryOutput(kind: kind)
            var sink = try exporter.makeSink(for: output, context: ExportContext(pipeline: "p", exporter: "html", rendersThroughSink: true))
            for document in documents { try sink.write(try exporter.export(document), for: document) }
            try sink.finish()
            let html = String(decoding: output.stream, as: UTF8.self)
            let check = MarkupCheck(html)
            #expect(check.problem == nil, "\(check.problem ?? "")")
            #expect(check.opened["html"] == 1 && check.opened["script"] == 1 && check.opened["style"] == 1)
            #expect(check.opened["article"] == 2)
            #expect(html.contains("<a href=\"#d-riverton-bridge\">Riverton council votes"))
            #expect(html.contains("<a href=\"#d-second_20_story\">second story</a>"))
            #expect(html.contains("id=\"d-second_20_story\""))
            #expect(html.contains("<a href=\"#index\">Index of articles</a>"))
            #expect(output.batchFiles.isEmpty)
        }
    }

    @Test("a file per article gets a whole page each, and the index page beside lists every article by its path")
    func perArticleSink() throws {
        let exporter = try HTMLExporter()
        let documents = [SampleDocuments.full, SampleDocuments.read, Document(id: "third", text: "Third\n\nText.")]
        let paths = ["riverton-bridge.html", "sub dir/read#1.html", "third.html"]
        let output = MemoryOutput(kind: .perArticle(folder: "/out"))
        var sink = try exporter.makeSink(for: output, context: ExportContext(pipeline: "p", exporter: "html", rendersThroughSink: true))
        for (document, path) in zip(documents, paths) {
            output.beginArticle(path: path)
            try sink.write(try exporter.export(document), for: document)
        }
        try sink.finish()
        #expect(output.files.count == 3)
        for file in output.files {
            let check = MarkupCheck(String(decoding: file, as: UTF8.self))
            #expect(check.problem == nil && check.opened["html"] == 1 && check.opened["article"] == 1)
        }
        let index = String(decoding: try #require(output.batchFiles["index.html"]), as: UTF8.self)
        #expect(MarkupCheck(index).problem == nil)
        for href in ["riverton-bridge.html", "sub%20dir/read%231.html", "third.html"] {
            #expect(index.contains("<a href=\"\(href)\">"), "index does not link '\(href)'")
        }
        #expect(index.components(separatedBy: "<tr><td").count - 1 == 3)
        #expect(index.contains("<td class=\"num\" data-sort=\"4.0\">4</td>"), "the full story's claim count")

        var options = HTMLExporter.Options()
        options.index = ""
        let quiet = MemoryOutput(kind: .perArticle(folder: "/out"))
        var none = try HTMLExporter(options: options).makeSink(for: quiet, context: .standalone(exporter: "html"))
        quiet.beginArticle(path: "a.html")
        try none.write(try exporter.export(SampleDocuments.read), for: SampleDocuments.read)
        try none.finish()
        #expect(quiet.batchFiles.isEmpty)
    }

    /// A registry with the text reader, the sentences analyzer and the html exporter.
    static func textToHTML() throws -> Registry {
        var registry = Registry()
        try registry.register(reader: TextReader.self)
        try registry.register(analyzer: SentenceAnalyzer.self)
        try registry.register(exporter: HTMLExporter.self)
        return registry
    }

    @Test("a pipeline writing a file per article writes the index beside them, linking each article's file")
    func pipelineIndex() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-html-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try await InMemoryRunner(registry: Self.textToHTML(), outputDirectory: folder.path).run(
            """
            version: 1
            reader: text
            analyzers: [sentences]
            exporters:
              - html: { to: "out/{id}/report.html", index: contents.html }
            """, inputs: [("one.txt", "First story\n\nIt rained."), ("two.txt", "Second story\n\nIt snowed.")])
        #expect(run.summary.allSucceeded, "\(run.diagnostics)")
        let index = try String(contentsOf: folder.appendingPathComponent("out/contents.html"), encoding: .utf8)
        #expect(index.contains("<a href=\"one/report.html\">First story</a>"))
        #expect(index.contains("<a href=\"two/report.html\">Second story</a>"))
        let page = try String(contentsOf: folder.appendingPathComponent("out/two/report.html"), encoding: .utf8)
        #expect(page.contains("It snowed."))
    }

    @Test("placeholders every article shares ({pipeline}) belong to the folder: the index lands beside the pages")
    func pipelineIndexInNamedFolder() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-html-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try await InMemoryRunner(registry: Self.textToHTML(), outputDirectory: folder.path).run(
            """
            version: 1
            name: desk
            reader: text
            analyzers: [sentences]
            exporters:
              - html: { to: "out/{pipeline}/{id}.html" }
            """, inputs: [("one.txt", "First story\n\nIt rained.")])
        #expect(run.summary.allSucceeded, "\(run.diagnostics)")
        let index = try String(contentsOf: folder.appendingPathComponent("out/desk/index.html"), encoding: .utf8)
        #expect(index.contains("<a href=\"one.html\">First story</a>"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/index.html").path))
    }

    @Test("a negative maxClaims and an index that is not a plain file name are refused with their codes")
    func validation() throws {
        var options = HTMLExporter.Options()
        options.maxClaims = -1
        #expect(throws: ComponentError.self) { try HTMLExporter.validate(options) }
        do {
            try HTMLExporter.validate(options)
        } catch let error as ComponentError {
            #expect(error.code == "E250")
        }
        for bad in ["../index.html", "a/b.html", ".hidden.html", "a\nb"] {
            var o = HTMLExporter.Options()
            o.index = bad
            do {
                try HTMLExporter.validate(o)
                Issue.record("index '\(bad)' was accepted")
            } catch let error as ComponentError {
                #expect(error.code == "E251")
                #expect(!error.message.contains("\n"))
            }
        }
        var limited = HTMLExporter.Options()
        limited.maxClaims = 2
        let html = try page(SampleDocuments.full, options: limited)
        #expect(html.components(separatedBy: "class=\"claim-row").count - 1 == 2)
        #expect(html.contains("the 2 most check-worthy are listed"))
    }

    @Test("the html exporter passes the conformance check third-party exporters are held to")
    func conformance() {
        let documents = [SampleDocuments.full, SampleDocuments.minimal, SampleDocuments.read]
        var options = HTMLExporter.Options()
        options.maxClaims = 1
        options.index = "all.html"
        options.title = "Newsroom <report>"
        for problems in [
            ExporterConformance.check(HTMLExporter.self, documents: documents),
            ExporterConformance.check(HTMLExporter.self, documents: documents, options: options),
        ] {
            #expect(problems.isEmpty, "\(problems)")
        }
    }
}

/// A small deterministic generator (SplitMix64), so random tests fail the same way every run.
struct SeededRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
