import DossierCore
import DossierExporters
import DossierPipeline
import DossierTestSupport
import DossierTesting
import Foundation
import Testing

@Suite("The template exporter")
struct TemplateExporterTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let example = root.appendingPathComponent("Examples/Templates/claims.md.mustache").path

    static func exporter(_ template: String) throws -> TemplateExporter {
        var options = TemplateExporter.Options()
        options.template = template
        return try TemplateExporter(options: options)
    }

    /// A template file written for one test, in a folder of its own (the folder's other
    /// `.mustache` files would be its partials).
    static func write(_ text: String, named name: String = "t.mustache", partials: [String: String] = [:]) throws -> (URL, String) {
        let folder = try Corpus.folder()
        for (partial, body) in partials { try Data(body.utf8).write(to: folder.appendingPathComponent("\(partial).mustache")) }
        let path = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: path)
        return (folder, path.path)
    }

    static func lint(_ yaml: String) throws -> LintReport? {
        let loader = PipelineLoader(registry: try Corpus.registry(), environment: [:])
        do {
            _ = try loader.check(text: yaml, file: "p.yaml")
            return nil
        } catch {
            return error
        }
    }

    @Test("the example template renders the fully annotated story as its golden file, partial included")
    func exampleGolden() throws {
        let output = try Self.exporter(Self.example).export(SampleDocuments.full)
        try Golden.check(output, against: "full.claims.md")
        let text = String(decoding: output, as: UTF8.self)
        #expect(text.contains("claimed by Joe Whitaker (Riverton Councillor)"))
        #expect(
            text.contains("backed by Riverton Transport Office traffic survey <https://transport.riverton.example/quay-street-2024.pdf>"))
    }

    @Test("the context follows references, fills in texts, formats numbers and flags empty lists")
    func context() throws {
        let (folder, path) = try Self.write(
            """
            {{% CONTENT_TYPE: TEXT}}
            {{id}}|{{title}}|{{metadata.publisher}}|{{metadata.authorList}}|{{claimCount}}/{{unsourcedClaimCount}}
            {{#claims}}{{id}}:{{scoreText}}:{{scorePercent}}:{{kind}}:{{claimantKind}}:{{claimant.name}}:{{#sources}}{{id}}={{name}}({{via}}){{/sources}}{{#unsourced}}none{{/unsourced}};{{/claims}}
            {{#quotes}}{{id}}:{{kind}}:{{speaker.name}}:{{#anonymous}}anon{{/anonymous}}:{{text}};{{/quotes}}
            {{#sources}}{{id}}:{{citedBy}};{{/sources}}|{{#people}}{{name}}/{{role}};{{/people}}
            {{#findings}}{{severity}}:{{kind}};{{/findings}}|{{metric.words}} {{metric.readability_flesch}} {{metric.reading_time}}
            {{#hasDates}}dates:{{/hasDates}}{{#dates}}{{text}}={{value}};{{/dates}}
            """)
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = String(decoding: try Self.exporter(path).export(SampleDocuments.full), as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(
            lines[0]
                == "riverton-bridge|Riverton council votes to close the Old Mill Bridge to cars|The Riverton Courier|Ana Kovač, Zoe\u{0308} Brandt|4/2"
        )
        #expect(
            lines[1]
                == "c1:0.35:35:fact:publication::none;c2:0.91:91:fact:speaker:Lena Ortiz:none;c3:0.78:78:fact:speaker:Joe Whitaker:src1=Riverton Transport Office traffic survey(unspecified);c4:0.84:84:fact:publication::src1=Riverton Transport Office traffic survey(unspecified)src2=Riverton City Council(unspecified);"
        )
        #expect(
            lines[2].hasPrefix("q1:direct:Lena Ortiz::the cheapest road-safety scheme we will ever buy.;q2:direct:Lena Ortiz::We counted"))
        #expect(lines[2].contains("q4:partial::anon:at capacity;"))
        #expect(lines[3] == "src1:2;src2:1;src3:0;src4:0;|Lena Ortiz/Mayor;Joe Whitaker/Riverton Councillor;")
        #expect(lines[4] == "notice:framing.scare-quotes;warning:claims.unsourced;info:balance.speakers;|142 61.25 42.6")
        #expect(lines[5] == "dates:Thursday=2025-03-13;1 June 2025=2025-06-01;2023=2023;June=;")
    }

    @Test("values are HTML-escaped by default, as Mustache does, and written as they are after the TEXT pragma")
    func escaping() throws {
        let document = Corpus.document("x") { $0.metadata.title = "Fish & <chips> \"today\"" }
        let (folder, html) = try Self.write("<h1>{{title}}</h1>{{{title}}}")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(
            String(decoding: try Self.exporter(html).export(document), as: UTF8.self)
                == "<h1>Fish &amp; &lt;chips&gt; &quot;today&quot;</h1>Fish & <chips> \"today\"")
        let (other, text) = try Self.write("{{% CONTENT_TYPE: TEXT}}\n{{title}}")
        defer { try? FileManager.default.removeItem(at: other) }
        #expect(String(decoding: try Self.exporter(text).export(document), as: UTF8.self) == "Fish & <chips> \"today\"")
    }

    @Test("a missing template is one lint error at the 'template' value (E284); none at all is E283")
    func missingTemplate() throws {
        let report = try Self.lint("version: 1\nreader: json\nexporters:\n  - template: { template: nowhere/brief.mustache }\n")
        let problem = try #require(report?.diagnostics.first { $0.code == "E284" }, "\(String(describing: report?.diagnostics))")
        #expect(problem.message.hasPrefix("exporter 'template': the template file 'nowhere/brief.mustache' does not exist"))
        // Once, not again for the default (no template) that stands in for the refused value.
        #expect(report?.diagnostics.map(\.code) == ["E284"])
        #expect(problem.location?.line == 4 && problem.location?.column == 27)
        let none = try Self.lint("version: 1\nreader: json\nexporters:\n  - template\n")
        #expect(none?.diagnostics.map(\.code) == ["E283"])
    }

    @Test(
        "a Mustache syntax error is a lint error (E285) with the template's file:line:column",
        arguments: [
            ("title\n\n{{#claims}}\n{{text}}\n", 5, 1, "a section is never closed"),
            ("{{#claims}}\n  {{text}}{{/quotes}}\n", 2, 14, "a section is closed with another name than it was opened with"),
            ("ok\n{{title\n", 3, 1, "the template ends inside a tag"),
        ])
    func syntaxError(_ template: String, _ line: Int, _ column: Int, _ message: String) throws {
        let (folder, path) = try Self.write(template)
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try Self.lint("version: 1\nreader: json\nexporters:\n  - template: { template: '\(path)' }\n")
        let problem = try #require(report?.diagnostics.first { $0.code == "E285" }, "\(String(describing: report?.diagnostics))")
        #expect(problem.message.hasPrefix("exporter 'template': \(path):\(line):\(column): \(message)"), "\(problem.message)")
    }

    @Test("a syntax error in a partial beside the template is reported against the partial")
    func partialSyntaxError() throws {
        let (folder, path) = try Self.write("{{> row}}", partials: ["row": "{{#x}}"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try Self.lint("version: 1\nreader: json\nexporters:\n  - template: { template: '\(path)' }\n")
        let problem = try #require(report?.diagnostics.first { $0.code == "E285" })
        #expect(problem.message.contains("row.mustache:1:"), "\(problem.message)")
    }

    @Test("a pipeline writes one rendered file per article with the template")
    func pipelineRun() async throws {
        let folder = try Corpus.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try await Corpus.run(
            "  - template: { template: '\(Self.example)', to: 'briefs/{id}.md' }\n", [Corpus.document("one"), Corpus.document("two")],
            in: folder)
        #expect(run.summary.allSucceeded, "\(run.diagnostics)")
        #expect(Corpus.files(in: folder) == ["briefs/one.md", "briefs/two.md"])
        let one = try String(contentsOf: folder.appendingPathComponent("briefs/one.md"), encoding: .utf8)
        #expect(one == String(decoding: try Self.exporter(Self.example).export(Corpus.document("one")), as: UTF8.self))
    }

    @Test("the template exporter passes the exporter conformance checks")
    func conformance() {
        var options = TemplateExporter.Options()
        options.template = Self.example
        let problems = ExporterConformance.check(
            TemplateExporter.self, documents: [SampleDocuments.full, SampleDocuments.minimal], options: options)
        #expect(problems.isEmpty, "\(problems)")
    }
}
