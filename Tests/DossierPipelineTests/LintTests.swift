import Dossier
import DossierYAML
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
        Case(yaml: "version: 1\nexporters:\n  - mardown\n", line: 3, column: 5, code: "E212", message: "unknown exporter 'mardown' (did you mean 'markdown'?)"),
        Case(yaml: "version: 1\nanalyzers:\n  - sentnces\n", line: 3, column: 5, code: "E211", message: "unknown analyzer 'sentnces' (did you mean 'sentences'?)"),
        Case(yaml: "version: 1\nreader: txt\n", line: 2, column: 9, code: "E210", message: "unknown reader 'txt' (did you mean 'text'?)"),
        Case(yaml: "version: 1\nanalyzers:\n  - json\n", line: 3, column: 5, code: "E211", message: "unknown analyzer 'json'"),
        Case(yaml: "version: 1\nexportrs:\n  - json\n", line: 2, column: 1, code: "E201", message: "unknown key 'exportrs' in pipeline (did you mean 'exporters'?)"),
        Case(yaml: "version: 2\n", line: 1, column: 10, code: "E203", message: "unsupported pipeline version '2'"),
        Case(yaml: "version: 1\nexporters:\n  - json:\n      prety: true\n", line: 4, column: 7, code: "E220", message: "unknown option 'prety' for exporter 'json' (did you mean 'pretty'?)"),
        Case(yaml: "version: 1\nexporters:\n  - json:\n      pretty: sometimes\n", line: 4, column: 15, code: "E101", message: "pretty"),
        Case(yaml: "version: 1\nexporters:\n  - markdown:\n      maxClaims: -3\n", line: 4, column: 18, code: "E240", message: "'maxClaims'"),
        Case(yaml: "version: 1\nexporters:\n  - json:\n      to: ${NOPE}/{id}.json\n", line: 4, column: 11, code: "E230", message: "environment variable 'NOPE' is not set"),
        Case(yaml: "version: 1\nexporters:\n  - json:\n      to: out/{idd}.json\n", line: 4, column: 11, code: "E231", message: "unknown placeholder '{idd}' in output path (did you mean 'id'?)"),
        Case(yaml: "version: 1\nexporters:\n  - json:\n  to: out.json\n", line: 4, column: 3, code: "E001", message: "check the indentation"),
        Case(yaml: "version: 1\nanalyzers:\n  - sentences\n  - sentences\n", line: 4, column: 5, code: "E214", message: "listed twice"),
        Case(yaml: "version: 1\nanalyzers: sentences\n", line: 2, column: 12, code: "E202", message: "'analyzers' must be a list"),
        Case(yaml: "version: 1\nextends: defualt\n", line: 2, column: 10, code: "E204", message: "(did you mean 'default'?)"),
        Case(yaml: "version: 1\nexporters:\n  - json: [1, 2]\n", line: 3, column: 11, code: "E213", message: "must be a mapping"),
        Case(yaml: "version: 1\nanalyzers:\n  - sentences\n  - [oops\nname: x\n", line: 5, column: 5, code: "E001", message: "did not find expected ',' or ']'"),
        Case(yaml: "version: 1\nanalyzers:\n  - sentences\n  - [oops\nname: x\n", line: 4, column: 5, code: "E213", message: "an analyzer must be an id"),
        Case(yaml: "version: 1\nexporters:\n  - json:\n    pretty: false\n    to: out.json\n", line: 4, column: 5, code: "E213", message: "indent options under 'json:'"),
        Case(yaml: "a: &a [1, 2]\nb: *c\n", line: 2, column: 4, code: "E004", message: "unknown alias"),
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
            #expect(text == """
                p.yaml:3:5: error[E212]: unknown exporter 'mardown' (did you mean 'markdown'?)
                  |
                3 |   - mardown
                  |     ^~~~~~~

                """)
        }
    }

    @Test("a clean pipeline loads with its name, reader choice and exporters")
    func loadsClean() throws {
        let pipeline = try loader.load(text: "version: 1\nname: fine\nanalyzers: [sentences]\nexporters:\n  - json:\n      to: ${OUT}/{id}.json\n", file: "p.yaml")
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
        let pipeline = try loader.load(text: "version: 1\nexporters:\n  - json:\n      to: ${MISSING:-fallback}/$${id}.json\n", file: "p.yaml")
        #expect(pipeline.exporters.first?.target == .path("fallback/${id}.json"))
    }

    @Test("an alias bomb fails fast with a limit error instead of expanding")
    func aliasBomb() {
        var yaml = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...8 {
            let prev = level == 1 ? "a" : "l\(level - 1)"
            yaml += "l\(level): &l\(level) [*\(prev), *\(prev), *\(prev), *\(prev), *\(prev), *\(prev), *\(prev), *\(prev), *\(prev), *\(prev)]\n"
        }
        let found = problems(yaml)
        #expect(found.map(\.code).contains("E002"))
    }
}
