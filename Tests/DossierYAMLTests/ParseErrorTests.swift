import DossierYAML
import Testing

/// One bad document and where and how it must be reported.
struct ParseErrorCase: Sendable, CustomTestStringConvertible {
    var name: String
    var yaml: String
    var position: String
    var code: String
    var fragment: String
    var testDescription: String { name }
}

@Suite("Parse errors")
struct ParseErrorTests {
    static let cases: [ParseErrorCase] = [
        ParseErrorCase(
            name: "bad indentation", yaml: "a:\n  b: 1\n c: 2\n", position: "3:2", code: "E001",
            fragment: "did not find expected key while parsing a block mapping"
        ),
        ParseErrorCase(
            name: "unclosed flow sequence", yaml: "keywords: [a, b\nnext: 1\n", position: "2:5", code: "E001",
            fragment: "did not find expected ',' or ']' while parsing a flow sequence"
        ),
        ParseErrorCase(
            name: "tab indentation", yaml: "a:\n\tb: 1\n", position: "2:1", code: "E001",
            fragment: "indent with spaces"
        ),
        ParseErrorCase(
            name: "unclosed quote", yaml: "a: \"open\nb: 2\n", position: "3:1", code: "E001",
            fragment: "found unexpected end of stream while scanning a quoted scalar (close the quote)"
        ),
        ParseErrorCase(
            name: "value with colon", yaml: "title: a: b\n", position: "1:9", code: "E001",
            fragment: "mapping values are not allowed in this context"
        ),
        ParseErrorCase(
            name: "duplicate key", yaml: "a: 1\nb: 2\na: 3\n", position: "3:1", code: "E003",
            fragment: "duplicate key 'a'"
        ),
        ParseErrorCase(
            name: "duplicate key in a nested flow mapping", yaml: "x:\n  y: {k: 1, \"k\": 2}\n", position: "2:13", code: "E003",
            fragment: "duplicate key 'k'"
        ),
        ParseErrorCase(
            name: "duplicate integer key written two ways", yaml: "16: a\n0x10: b\n", position: "2:1", code: "E003",
            fragment: "duplicate key '0x10'"
        ),
        ParseErrorCase(
            name: "unknown alias", yaml: "a: &x 1\nb: *y\n", position: "2:4", code: "E004",
            fragment: "unknown alias '*y'; define the anchor '&y' before using it"
        ),
        ParseErrorCase(
            name: "recursive alias", yaml: "a: &x [1, *x]\n", position: "1:11", code: "E004",
            fragment: "refers to a node that contains it"
        ),
        ParseErrorCase(
            name: "two documents", yaml: "a: 1\n---\nb: 2\n", position: "2:1", code: "E005",
            fragment: "only one is allowed"
        ),
        ParseErrorCase(
            name: "control character", yaml: "a: 1\nb: x\u{1}\n", position: "2:5", code: "E001",
            fragment: "control characters are not allowed"
        ),
    ]

    @Test("errors carry a code, an exact position and a message", arguments: cases)
    func errorPosition(_ bad: ParseErrorCase) throws {
        let error = try #require(throws: YAMLError.self) { try YAMLParser.parse(bad.yaml, file: "bad.yaml") }
        #expect("\(error.location.line):\(error.location.column)" == bad.position)
        #expect(error.location.file == "bad.yaml")
        #expect(error.code == bad.code)
        #expect(error.message.contains(bad.fragment), "\(error.message)")
    }

    @Test("messages follow the house style", arguments: cases)
    func messageStyle(_ bad: ParseErrorCase) throws {
        let error = try #require(throws: YAMLError.self) { try YAMLParser.parse(bad.yaml, file: "bad.yaml") }
        #expect(error.message.first?.isLowercase == true)
        #expect(!error.message.hasSuffix("."))
        #expect(error.description.hasPrefix("bad.yaml:\(bad.position): error[\(bad.code)]: "))
    }

    @Test("a syntax error in a second document is not reached; the second document is the error")
    func multipleDocumentsBeforeSyntax() throws {
        let error = try #require(throws: YAMLError.self) { try YAMLParser.parse("a: 1\n--- \nb: [\n", file: "m.yaml") }
        #expect(error.code == YAMLError.Code.multipleDocuments)
    }

    @Test("an explicitly ended single document is fine")
    func explicitSingleDocument() throws {
        let node = try #require(try YAMLParser.parse("---\na: 1\n...\n", file: "s.yaml"))
        #expect(node["a"]?.int == 1)
    }
}
