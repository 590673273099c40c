import Dossier
import DossierYAML
import Foundation
import Testing

@Suite("Lint: every problem, with file:line:column and did-you-mean")
struct LintTests {
    let loader = PipelineLoader(registry: .standard, builtins: DefaultPipeline.builtins, environment: ["OUT": "results"])

    func problems(_ yaml: String) -> [Diagnostic] {
        do {
            _ = try loader.load(text: yaml, file: "p.yaml")
            return []
        } catch {
            return error.diagnostics
        }
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var yaml: String
        var line: Int
        var column: Int
        var code: String
        var message: String
        var testDescription: String { "\(code) at \(line):\(column)" }
    }

    static let cases: [Case] = [
        Case(
            yaml: "version: 1\nexporters:\n  - mardown\n", line: 3, column: 5, code: "E212",
            message: "unknown exporter 'mardown' (did you mean 'markdown'?)"),
        Case(
            yaml: "version: 1\nanalyzers:\n  - sentnces\n", line: 3, column: 5, code: "E211",
            message: "unknown analyzer 'sentnces' (did you mean 'sentences'?)"),
        Case(yaml: "version: 1\nreader: txt\n", line: 2, column: 9, code: "E210", message: "unknown reader 'txt' (did you mean 'text'?)"),
        Case(yaml: "version: 1\nanalyzers:\n  - json\n", line: 3, column: 5, code: "E211", message: "unknown analyzer 'json'"),
        Case(
            yaml: "version: 1\nexportrs:\n  - json\n", line: 2, column: 1, code: "E201",
            message: "unknown key 'exportrs' in pipeline (did you mean 'exporters'?)"),
        Case(yaml: "version: 2\n", line: 1, column: 10, code: "E203", message: "unsupported pipeline version '2'"),
        Case(
            yaml: "version: 1\nexporters:\n  - json:\n      prety: true\n", line: 4, column: 7, code: "E220",
            message: "unknown option 'prety' for exporter 'json' (did you mean 'pretty'?)"),
        Case(yaml: "version: 1\nexporters:\n  - json:\n      pretty: sometimes\n", line: 4, column: 15, code: "E101", message: "pretty"),
        Case(
            yaml: "version: 1\nexporters:\n  - markdown:\n      maxClaims: -3\n", line: 4, column: 18, code: "E240", message: "'maxClaims'"),
        Case(
            yaml: "version: 1\nexporters:\n  - json:\n      to: ${NOPE}/{id}.json\n", line: 4, column: 11, code: "E230",
            message: "environment variable 'NOPE' is not set"),
        Case(
            yaml: "version: 1\nexporters:\n  - json:\n      to: out/{idd}.json\n", line: 4, column: 11, code: "E231",
            message: "unknown placeholder '{idd}' in output path (did you mean 'id'?)"),
        Case(
            yaml: "version: 1\nexporters:\n  - json:\n  to: out.json\n", line: 4, column: 3, code: "E001", message: "check the indentation"),
        Case(
            yaml: "version: 1\nanalyzers:\n  - sentences\n  - sentences\n", line: 4, column: 5, code: "E214",
            message: "analyzer name 'sentences' is used twice in this list; merge the two entries, "
                + "or give this one a name of its own with 'as:', such as 'as: sentences-2'"),
        Case(yaml: "version: 1\nanalyzers: sentences\n", line: 2, column: 12, code: "E202", message: "'analyzers' must be a list"),
        Case(yaml: "version: 1\nextends: defualt\n", line: 2, column: 10, code: "E204", message: "(did you mean 'default'?)"),
        Case(yaml: "version: 1\nexporters:\n  - json: [1, 2]\n", line: 3, column: 11, code: "E213", message: "must be a mapping"),
        Case(
            yaml: "version: 1\nanalyzers:\n  - sentences\n  - [oops\nname: x\n", line: 5, column: 5, code: "E001",
            message: "did not find expected ',' or ']'"),
        Case(
            yaml: "version: 1\nanalyzers:\n  - sentences\n  - [oops\nname: x\n", line: 4, column: 5, code: "E213",
            message: "an analyzer must be an id"),
        Case(
            yaml: "version: 1\nexporters:\n  - json:\n    pretty: false\n    to: out.json\n", line: 4, column: 5, code: "E213",
            message: "indent options under 'json:'"),
        Case(yaml: "a: &a [1, 2]\nb: *c\n", line: 2, column: 4, code: "E004", message: "unknown alias"),
        Case(
            yaml: "version: \"1\"\n", line: 1, column: 10, code: "E203",
            message: "expected an integer for 'version', found the quoted string '1'; write 'version: 1' without quotes"),
        Case(yaml: "version: [1]\n", line: 1, column: 10, code: "E203", message: "expected an integer for 'version', found a list"),
        Case(
            yaml: "version: 1\nexporters:\n  - json:\n      to: out/{id.json\n", line: 4, column: 11, code: "E233",
            message: "output path 'out/{id.json' has a '{' that is not closed"),
        Case(
            yaml: "version: 1\nexporters:\n  - json:\n      to: out/{id}}.json\n", line: 4, column: 11, code: "E233",
            message: "a '}' with no '{' before it"),
        Case(
            yaml: "version: 1\nexporters:\n  - json:\n      to: out/{{id}.json\n", line: 4, column: 11, code: "E233",
            message: "not closed before the next '{'"),
        Case(
            yaml: "version: 1\nexporters:\n  - json:\n      to: 5\n", line: 4, column: 11, code: "E234",
            message: "'to' must be 'stdout' or a path such as 'out/{id}.json', found the number '5'; put it in quotes"),
        Case(
            yaml: "version: 1\nexporters:\n  - json:\n      to: true\n", line: 4, column: 11, code: "E234",
            message: "found the boolean 'true'"),
        Case(
            yaml: "version: 1\nexporters:\n  - json:\n      to: out/${UNTERMINATED\n", line: 4, column: 11, code: "E235",
            message: "'${UNTERMINATED' has no closing '}'; write '${NAME}', or '$$' for a literal '$'"),
        Case(yaml: "version: 1\nname: ${}\n", line: 2, column: 7, code: "E235", message: "'${}' names no variable"),
        Case(
            yaml: "version: 1\nexporters:\n  - json:\n      pretty: ${OUT\n", line: 4, column: 15, code: "E235",
            message: "'${OUT' has no closing '}'"),
        Case(
            yaml: "version: 1\nanalyzers:\n  - " + String(repeating: "k", count: 10_000) + "\n  - " + String(repeating: "k", count: 10_000)
                + "\n",
            line: 4, column: 5, code: "E214",
            message: "analyzer name '" + String(repeating: "k", count: 80) + "…' (10000 characters) is used twice in this list"),
    ]

    @Test("each problem is reported at its position with its code", arguments: cases)
    func reportsPosition(_ c: Case) throws {
        let found = problems(c.yaml)
        let match = found.first { $0.code == c.code }
        let d = try #require(match, "expected \(c.code) among \(found.map(\.description))")
        #expect(d.location?.line == c.line)
        #expect(d.location?.column == c.column)
        #expect(d.location?.file == "p.yaml")
        #expect(d.message.contains(c.message), "message was: \(d.message)")
        #expect(d.message.count < 400, "a message quotes at most 80 characters of a value")
    }

    @Test("a 10,000-character id gives a short message and an excerpt cut to a window around the caret")
    func longIdIsCut() throws {
        let id = String(repeating: "z", count: 10_000)
        let yaml = "version: 1\nexporters:\n  - json\n  - " + id + "\n"
        let report = try #require(throws: LintReport.self) { try loader.load(text: yaml, file: "p.yaml") }
        let d = try #require(report.diagnostics.first { $0.code == "E212" })
        #expect(d.message == "unknown exporter '" + String(repeating: "z", count: 80) + "…' (10000 characters)")
        let lines = report.render().split(separator: "\n")
        #expect(lines.allSatisfy { $0.count <= 200 }, "\(lines.map(\.count))")
        #expect(lines.contains("4 |   - " + String(repeating: "z", count: 116) + "…"))
        #expect(lines.contains("  |     ^" + String(repeating: "~", count: 115)))
    }

    @Test("a run-time diagnostic for a 10,000-character article id names the id by its start and length")
    func longArticleIdIsCut() {
        let id = String(repeating: "a", count: 10_000)
        let text = DiagnosticRenderer(sources: [:]).render(Diagnostic(.error, code: "E404", "failed", article: id, component: "lines"))
        #expect(text == "error[E404]: " + String(repeating: "a", count: 80) + "… (10000 characters): lines: failed\n")
    }

    @Test("a caret far along a long line sits under its column in the window")
    func caretInWindow() throws {
        let yaml = "version: 1\nanalyzers: [sentences" + String(repeating: " ", count: 300) + ", sentense]\n"
        let report = try #require(throws: LintReport.self) { try loader.load(text: yaml, file: "p.yaml") }
        let d = try #require(report.diagnostics.first { $0.code == "E211" })
        #expect(d.location?.column == 324)
        let rendered = report.render().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let source = try #require(rendered.first { $0.hasPrefix("2 | ") })
        let caret = try #require(rendered.first { $0.contains("^") })
        #expect(source.hasPrefix("2 | …"))
        let sourceColumn = Array(source.unicodeScalars).firstIndex(of: "s")
        let caretColumn = Array(caret.unicodeScalars).firstIndex(of: "^")
        #expect(sourceColumn != nil && sourceColumn == caretColumn)
        #expect(caret.hasSuffix(" ^" + String(repeating: "~", count: 7)), "a run as wide as 'sentense'")
    }

    @Test("a file with four different problems reports all of them in one run, in file order")
    func reportsEverythingAtOnce() throws {
        let yaml = """
            version: 1
            name: everything-wrong
            analyzers:
              - sentences:
                  extraAbbreviatons: [Cllr]
            exporters:
              - mardown:
                  to: stdout
              - json:
                  pretty: maybe
                  to: out/{id}.json
            extra: [unclosed
            """
        let found = problems(yaml)
        let summary = found.map { "\($0.location!.line):\($0.location!.column) \($0.code)" }
        #expect(summary == ["5:7 E220", "7:5 E212", "10:15 E101", "12:1 E201", "13:1 E001"], "\(found.map(\.description))")
        #expect(found[0].message.contains("did you mean 'extraAbbreviations'?"))
        #expect(found[1].message.contains("did you mean 'markdown'?"))
    }

    @Test("the rendered report shows the source line and a caret under the column")
    func rendersCaret() throws {
        let yaml = "version: 1\nexporters:\n  - mardown\n"
        do {
            _ = try loader.load(text: yaml, file: "p.yaml")
            Issue.record("expected a lint failure")
        } catch {
            let text = error.render()
            #expect(
                text == """
                    p.yaml:3:5: error[E212]: unknown exporter 'mardown' (did you mean 'markdown'?)
                      |
                    3 |   - mardown
                      |     ^~~~~~~

                    """)
        }
    }

    @Test("a clean pipeline loads with its name, reader choice and exporters")
    func loadsClean() throws {
        let pipeline = try loader.load(
            text: "version: 1\nname: fine\nanalyzers: [sentences]\nexporters:\n  - json:\n      to: ${OUT}/{id}.json\n", file: "p.yaml")
        #expect(pipeline.name == "fine")
        #expect(pipeline.analyzers.map(\.info.id) == ["sentences"])
        #expect(pipeline.exporters.map(\.target) == [.path("results/{id}.json")])
        guard case .auto = pipeline.reader else {
            Issue.record("expected the auto reader")
            return
        }
    }

    @Test("'${NAME:-fallback}' uses the fallback and '$$' writes a dollar")
    func interpolationFallback() throws {
        let pipeline = try loader.load(
            text: "version: 1\nexporters:\n  - json:\n      to: ${MISSING:-fallback}/$${id}.json\n", file: "p.yaml")
        #expect(pipeline.exporters.first?.target == .path("fallback/${id}.json"))
    }

    @Test("an alias bomb fails fast with a limit error instead of expanding")
    func aliasBomb() {
        var yaml = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...8 {
            let prev = level == 1 ? "a" : "l\(level - 1)"
            yaml +=
                "l\(level): &l\(level) [*\(prev), *\(prev), *\(prev), *\(prev), *\(prev), *\(prev), *\(prev), *\(prev), *\(prev), *\(prev)]\n"
        }
        let found = problems(yaml)
        #expect(found.map(\.code).contains("E002"))
    }

    // MARK: - Variables' values are never shown

    static let secret = "s3cr3t-" + String(repeating: "Q", count: 100) + "-XYZ"

    struct SecretCase: Sendable, CustomTestStringConvertible {
        var name: String
        var yaml: String
        var code: String
        var position: String
        var message: String
        var testDescription: String { name }
    }

    static let secretCases: [SecretCase] = [
        SecretCase(
            name: "a boolean option given a string", yaml: "version: 1\nexporters:\n  - json:\n      pretty: ${SECRET}\n",
            code: "E101", position: "4:15", message: "exporter 'json': expected a boolean (true or false) for 'pretty', found '${SECRET}'"),
        SecretCase(
            name: "an integer option given a string", yaml: "version: 1\nexporters:\n  - markdown:\n      maxClaims: \"${SECRET}\"\n",
            code: "E101", position: "4:18", message: "found the quoted string '${SECRET}'"),
        SecretCase(
            name: "a value a component refuses", yaml: "version: 1\nexporters:\n  - markdown:\n      maxClaims: ${NEGATIVE}\n",
            code: "E240", position: "4:18", message: "'maxClaims' is '${NEGATIVE}' but must be 0"),
        SecretCase(
            name: "a placeholder brought in by a variable", yaml: "version: 1\nexporters:\n  - json:\n      to: out/${BRACED}.json\n",
            code: "E231", position: "4:11",
            message: "output path 'out/${BRACED}.json' (once its variables are replaced) brings in an unknown placeholder"),
        SecretCase(
            name: "an unclosed brace after a variable", yaml: "version: 1\nexporters:\n  - json:\n      to: ${SECRET}/{id.json\n",
            code: "E233", position: "4:11",
            message: "output path '${SECRET}/{id.json' (once its variables are replaced) has a '{' that is not closed"),
        SecretCase(
            name: "two exporters on one path",
            yaml: "version: 1\nexporters:\n  - json:\n      to: ${SECRET}/all\n  - markdown:\n      to: ${SECRET}/all\n",
            code: "E232", position: "5:5", message: "both write to '${SECRET}/all'"),
        SecretCase(
            name: "an extends path from a variable", yaml: "version: 1\nextends: ../${SECRET}.yaml\n",
            code: "E207", position: "2:10", message: "cannot extend '../${SECRET}.yaml': it is outside the folder"),
    ]

    @Test("an interpolated value never appears in a message, a note or the excerpt; the variable's name does", arguments: secretCases)
    func secretsStayHidden(_ c: SecretCase) throws {
        let environment = ["SECRET": Self.secret, "NEGATIVE": "-7654321", "BRACED": "{" + Self.secret + "}"]
        let loader = PipelineLoader(registry: .standard, builtins: DefaultPipeline.builtins, environment: environment)
        let report = try #require(throws: LintReport.self) { try loader.load(text: c.yaml, file: "p.yaml") }
        let d = try #require(report.diagnostics.first { $0.code == c.code }, "\(report.diagnostics)")
        #expect("\(d.location!.line):\(d.location!.column)" == c.position)
        #expect(d.message.contains(c.message), "\(d.message)")
        let everything = report.render() + report.diagnostics.map { $0.description + $0.notes.map(\.message).joined() }.joined()
        for value in environment.values {
            #expect(!everything.contains(value), "\(everything)")
        }
        // Not even the start of a long value, as a cut-short quote would show it.
        #expect(!everything.contains("s3cr3t"), "\(everything)")
        #expect(!everything.contains("7654321"))
        // The excerpt shows the line as written.
        #expect(everything.contains("${"))
    }

    @Test("a loaded pipeline keeps the name and paths as written for display, and the values for running")
    func writtenFormsKept() throws {
        let loader = PipelineLoader(registry: .standard, environment: ["SECRET": Self.secret])
        let pipeline = try loader.load(
            text: "version: 1\nname: ${SECRET}\nexporters:\n  - json:\n      to: out/${SECRET}/{id}.json\n  - markdown\n", file: "p.yaml")
        #expect(pipeline.name == Self.secret)
        #expect(pipeline.nameAsWritten == "${SECRET}")
        #expect(pipeline.exporters.map(\.target) == [.path("out/\(Self.secret)/{id}.json"), .stdout])
        #expect(pipeline.exporters.map(\.targetAsWritten) == ["out/${SECRET}/{id}.json", nil])
    }

    // MARK: - Order

    @Test("every bad value of one component is reported, each at its own value")
    func everyBadValue() {
        let yaml = """
            version: 1
            exporters:
              - json:
                  pretty: maybe
                  includeText: 12
              - markdown:
                  includeProvenance: sometimes
                  maxClaims: many
            """
        let found = problems(yaml).map { "\($0.location!.line):\($0.location!.column) \($0.code) \($0.message)" }
        #expect(
            found == [
                "4:15 E101 exporter 'json': expected a boolean (true or false) for 'pretty', found 'maybe'",
                "5:20 E101 exporter 'json': expected a boolean (true or false) for 'includeText', found '12'",
                "7:26 E101 exporter 'markdown': expected a boolean (true or false) for 'includeProvenance', found 'sometimes'",
                "8:18 E101 exporter 'markdown': expected an integer for 'maxClaims', found 'many'",
            ])
    }

    @Test("problems are ordered by file, then line and column, also across 'extends'")
    func orderAcrossExtends() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "version: 1\nbogus: 1\nanalyzers:\n  - sentense\n".write(
            to: folder.appendingPathComponent("base.yaml"), atomically: true, encoding: .utf8)
        let child = folder.appendingPathComponent("child.yaml")
        try "version: 1\nextends: base.yaml\nanalyzers:\n  - sentenses\nextra: 1\nexporters:\n  - mardown\n".write(
            to: child, atomically: true, encoding: .utf8)
        let report = PipelineLoader(registry: .standard, environment: [:]).lint(path: child.path)
        let order = report.diagnostics.map { "\(($0.location!.file as NSString).lastPathComponent):\($0.location!.line) \($0.code)" }
        #expect(order == ["child.yaml:4 E211", "child.yaml:5 E201", "child.yaml:7 E212", "base.yaml:2 E201", "base.yaml:4 E211"])
    }
}
