import DossierCore
import DossierYAML
import Testing

@Suite("Node locations")
struct MarkTests {
    @Test("nested nodes keep 1-based line and column")
    func nestedMarks() throws {
        let text = """
            stages:
              - id: html
                options:
                  keywords: [alpha, "beta"]
            """
        let root = try #require(try YAMLParser.parse(text, file: "p.yaml"))
        #expect(root.location == SourceLocation(file: "p.yaml", line: 1, column: 1))
        let stages = try #require(root["stages"])
        #expect(stages.location.description == "p.yaml:2:3")
        let first = try #require(stages.sequence?.first)
        #expect(first.location.description == "p.yaml:2:5")
        #expect(first["id"]?.location.description == "p.yaml:2:9")
        let keywords = try #require(first["options"]?["keywords"])
        #expect(keywords.location.description == "p.yaml:4:17")
        #expect(keywords.sequence?.map(\.location.column) == [18, 25])
        let keyNode = try #require(first["options"]?.mapping?.first?.key)
        #expect(keyNode.location.description == "p.yaml:4:7")
    }

    @Test("columns count Unicode scalars, not bytes")
    func nonASCIIColumn() throws {
        // 'é' is two bytes in UTF-8 and '😀' four; the value after them must still be at scalar column 6.
        let text = "name: x\néé😀: [a, b]\n"
        let root = try #require(try YAMLParser.parse(text, file: "u.yaml"))
        let list = try #require(root["éé😀"])
        #expect(list.location.line == 2)
        #expect(list.location.column == 6)
        #expect(list.sequence?.map(\.location.column) == [7, 10])
    }

    @Test("a syntax error after non-ASCII text reports a scalar column")
    func nonASCIIErrorColumn() throws {
        let error = #expect(throws: YAMLError.self) { try YAMLParser.parse("ééé: 'a' b\n", file: "u.yaml") }
        #expect(error?.location.description == "u.yaml:1:10")
    }

    @Test("an empty text has no document, '---' alone is a null node")
    func emptyDocuments() throws {
        #expect(try YAMLParser.parse("", file: "e.yaml") == nil)
        #expect(try YAMLParser.parse("# only a comment\n", file: "e.yaml") == nil)
        let node = try #require(try YAMLParser.parse("---\n", file: "e.yaml"))
        #expect(node.isNull)
    }
}
