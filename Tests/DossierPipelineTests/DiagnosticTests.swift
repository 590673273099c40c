import DossierCore
import Foundation
import Testing

@testable import DossierPipeline

@Suite("Diagnostics: one type with excerpts, whole-value underlines and located notes")
struct DiagnosticTests {
    @Test("an excerpt is the line the range starts on, with the range highlighted in it")
    func excerptOfRange() throws {
        let text = Array("First line.\nThe mayor said so.\nLast.".unicodeScalars)
        let e = try #require(Diagnostic.Excerpt(scalars: text, range: TextRange(start: 16, end: 21)))
        #expect(e.text == "The mayor said so.")
        #expect(e.line == 2)
        #expect(e.highlight == 4..<9)
        #expect(!e.cutStart && !e.cutEnd)
        #expect(Diagnostic.Excerpt(scalars: text, range: TextRange(start: 5, end: 2)) == nil)
        #expect(Diagnostic.Excerpt(scalars: text, range: TextRange(start: 0, end: 99)) == nil)
    }

    @Test("a long line is cut to a window around the range")
    func excerptWindow() throws {
        let text = Array((String(repeating: "a", count: 500) + "NEEDLE" + String(repeating: "b", count: 500)).unicodeScalars)
        let e = try #require(Diagnostic.Excerpt(scalars: text, range: TextRange(start: 500, end: 506)))
        #expect(e.cutStart && e.cutEnd)
        #expect(e.text.unicodeScalars.count == Diagnostic.Excerpt.width)
        let chars = Array(e.text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(chars[e.highlight])) == "NEEDLE")
    }

    @Test("a run-time error with a range renders the article's line with the range underlined, not offsets")
    func runtimeExcerptRendered() {
        let text = ScalarBuffer("Intro.\nHe said FAIL today.")
        let error = ComponentError(code: "E404", "found 'FAIL'", range: TextRange(start: 15, end: 19))
        let d = Runner.diagnostic(error, code: "E404", article: "a.txt", component: "lines", text: text)
        #expect(d.message == "found 'FAIL'")
        let rendered = DiagnosticRenderer(sources: [:]).render(d)
        #expect(
            rendered == """
                error[E404]: a.txt: lines: found 'FAIL'
                 --> article text, line 2, scalars [15, 19)
                  |
                2 | He said FAIL today.
                  |         ^~~~

                """)
        // Without the text, the range is still given, as offsets.
        #expect(Runner.diagnostic(error, code: "E404", article: "a.txt", component: "lines").message == "found 'FAIL' (at [15, 19))")
    }

    @Test(
        "the caret underlines the whole bad value",
        arguments: [
            ("  - markdown: { maxClaims: -12345 }", "                           ^~~~~~"),
            ("  - markdown: { maxClaims: 'many claims' }", "                           ^~~~~~~~~~~~~"),
            ("  - markdown: { includeProvenance: [a, b] }", "                                   ^~~~~~"),
        ])
    func wholeValue(_ line: String, _ caret: String) throws {
        let yaml = "version: 1\nexporters:\n" + line + "\n"
        let loader = PipelineLoader(registry: .standard, environment: [:])
        var rendered = ""
        do { _ = try loader.check(text: yaml, file: "p.yaml") } catch { rendered = error.render() }
        #expect(rendered.contains("\n  | " + caret + "\n"), "\(rendered)")
    }

    @Test("checks before a YAML syntax error still run, and the error says what after it went unchecked")
    func syntaxErrorElsewhere() throws {
        let yaml = "version: 1\nexporters:\n  - markdown: { maxClaims: -1 }\n  - json: { pretty: [\n"
        let loader = PipelineLoader(registry: .standard, environment: [:])
        var report = LintReport()
        do { _ = try loader.check(text: yaml, file: "p.yaml") } catch { report = error }
        #expect(report.diagnostics.map(\.code).contains("E240"))
        let syntax = try #require(report.diagnostics.first { $0.code == "E001" })
        let line = try #require(syntax.location?.line)
        #expect(syntax.notes.map(\.message) == ["nothing after line \(line) of this file was checked; fix this error and lint again"])
    }

    @Test("after a syntax error the rest of the file is checked with that line left out, keeping only problems of one value")
    func recoveryPastSyntaxError() throws {
        let yaml =
            "version: 1\nexporters:\n  - markdown: { maxClaims: -1 }\n  - json: { pretty: [ }\n"
            + "  - markdown: { as: brief, maxClaim: 3 }\n  - nope\n"
        var report = LintReport()
        do { _ = try PipelineLoader(registry: .standard, environment: [:]).check(text: yaml, file: "p.yaml") } catch { report = error }
        let found = report.diagnostics.map { "\($0.code)@\($0.location?.line ?? 0)" }
        #expect(found.contains("E240@3"))
        #expect(found.contains("E220@5"), "\(found)")
        #expect(found.contains("E212@6"), "\(found)")
        let syntax = try #require(report.diagnostics.first { $0.code == "E001" })
        #expect(syntax.notes.first?.message.hasPrefix("the rest of the file was checked with line 4 left out") == true)
        // Leaving line 4 out makes the second markdown a duplicate of nothing; no E214 or other artefact is reported.
        #expect(!found.contains { $0.hasPrefix("E214") || $0.hasPrefix("E102") })
    }

    @Test("lint orders problems by file, then line, then column, across 'extends'")
    func orderAcrossExtends() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "version: 1\nexporters:\n  - json: { prety: true }\n  - markdown: { maxClaims: -1 }\n"
            .write(to: folder.appendingPathComponent("base.yaml"), atomically: true, encoding: .utf8)
        // Line 5's problem is found while parsing, line 4's while checking options: found out of order.
        let child = "version: 1\nextends: base.yaml\nexporters:\n  - json: { pretty: 3 }\n  - nope\nbogus: 1\n"
        let path = folder.appendingPathComponent("child.yaml").path
        try child.write(toFile: path, atomically: true, encoding: .utf8)
        let report = PipelineLoader(registry: .standard, environment: [:]).lint(path: path)
        let located = report.diagnostics.compactMap(\.location).map { "\(($0.file as NSString).lastPathComponent):\($0.line):\($0.column)" }
        #expect(
            located == ["child.yaml:4:21", "child.yaml:5:5", "child.yaml:6:1", "base.yaml:3:13", "base.yaml:4:28"],
            "\(report.render())")
    }

    @Test("every error type of Dossier's own converts to a diagnostic with its code")
    func conversions() {
        #expect(ComponentError(code: "E412", "x").diagnostic.code == "E412")
        #expect(ComponentError("x").diagnostic.code == "E240")
        #expect(Registry.Error(code: "E217", message: "dup").diagnostic == Diagnostic(code: "E217", "dup"))
        let note: Diagnostic.Note = "plain \("note")"
        #expect(note.location == nil && note.message == "plain note")
    }

    @Test("registering an id twice or an id that is not kebab-case fails with a code")
    func registryCodes() throws {
        var registry = Registry()
        try registry.register(exporter: SummaryExporter.self)
        do {
            try registry.register(exporter: SummaryExporter.self)
            Issue.record("expected a duplicate error")
        } catch let error as Registry.Error {
            #expect(error.code == "E217")
        }
    }
}
