import DossierCore
import DossierYAML
import Testing

@Suite("Node ends, for underlining a whole value")
struct NodeEndTests {
    func value(_ yaml: String) throws -> YAMLNode {
        let root = try #require(try YAMLParser.parse(yaml, file: "f.yaml"))
        return try #require(root["k"])
    }

    @Test(
        "a scalar, a quoted string and a flow list end just after their last character",
        arguments: [
            ("k: -12345\n", 10), ("k: 'two words'\n", 15), ("k: [a, b]  # note\n", 10), ("k: \"x\"\n", 7),
        ])
    func ends(_ yaml: String, _ column: Int) throws {
        let node = try value(yaml)
        #expect(node.end == SourceLocation(file: "f.yaml", line: 1, column: column))
    }

    @Test("the end is not part of equality: a node built in code equals the parsed one")
    func endIgnoredByEquality() throws {
        let parsed = try value("k: abc\n")
        #expect(parsed.end != nil)
        #expect(parsed == YAMLNode(scalar: "abc", at: SourceLocation(file: "f.yaml", line: 1, column: 4)))
    }

    @Test("an option path names keys and list indices")
    func optionPath() {
        #expect(ComponentError("x", option: "columns[1]").optionPath == ["columns", "1"])
        #expect(ComponentError("x", option: "fields.title").optionPath == ["fields", "title"])
        #expect(ComponentError("x", option: "a.b[2][0].c").optionPath == ["a", "b", "2", "0", "c"])
        #expect(ComponentError("x").optionPath == [])
    }
}
