import DossierYAML
import Testing

@Suite("Limits")
struct LimitsTests {
    /// The classic billion laughs: nine levels of ten aliases, 10^9 strings once expanded.
    static let lolBomb: String = {
        var lines = ["a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]"]
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
        for (previous, name) in zip(names, names.dropFirst()) {
            lines.append("\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]")
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    @Test("an alias bomb fails with E002 where the node count crosses the limit")
    func aliasBomb() throws {
        let error = try #require(throws: YAMLError.self) { try YAMLParser.parse(Self.lolBomb, file: "lol.yaml") }
        #expect(error.code == YAMLError.Code.limitExceeded)
        #expect(error.message.contains("more than 100000 nodes"))
        #expect(error.message.contains("'maxNodes'"))
        // Lines 1-5 hold about 75 000 nodes once expanded (e alone is 66 430), so the first alias
        // to e, on line 6, crosses the limit; nothing past it is ever built.
        #expect(error.location.description == "lol.yaml:6:8")
    }

    struct NodeLimitCase: Sendable, CustomTestStringConvertible {
        var name: String
        var yaml: String
        var maxNodes: Int
        var position: String
        var says: [String]
        var doesNotSay: [String]
        var testDescription: String { name }
    }

    static let nodeLimitCases: [NodeLimitCase] = [
        NodeLimitCase(
            name: "no aliases: the node count, not aliases, is blamed", yaml: "a: [1, 2, 3, 4, 5, 6]\n", maxNodes: 5, position: "1:11",
            says: ["more than 5 nodes", "the 'maxNodes' limit", "split it"], doesNotSay: ["alias"]
        ),
        NodeLimitCase(
            name: "aliases expanded: they are named with their share", yaml: "a: &a [1, 2, 3]\nb: [*a, *a]\n", maxNodes: 15,
            position: "2:9",
            says: ["more than 15 nodes", "the 'maxNodes' limit", "8 of them from expanding aliases", "use fewer aliases"], doesNotSay: []
        ),
    ]

    @Test("E002 for too many nodes names the limit, and aliases only when some were expanded", arguments: nodeLimitCases)
    func nodeLimitMessage(_ c: NodeLimitCase) throws {
        let error = try #require(throws: YAMLError.self) {
            try YAMLParser.parse(c.yaml, file: "n.yaml", limits: YAMLLimits(maxNodes: c.maxNodes))
        }
        #expect(error.code == "E002")
        #expect("\(error.location.line):\(error.location.column)" == c.position)
        for phrase in c.says { #expect(error.message.contains(phrase), "\(error.message)") }
        for phrase in c.doesNotSay { #expect(!error.message.contains(phrase), "\(error.message)") }
    }

    @Test("aliases count in full toward maxNodes")
    func aliasesCountInFull() throws {
        let text = "a: &a [1, 2, 3]\nb: [*a, *a]\n"
        // 1 root + key a + [ + 3 items + key b + [ + 2 aliases × 4 = 16 nodes.
        #expect(throws: Never.self) { try YAMLParser.parse(text, file: "n.yaml", limits: YAMLLimits(maxNodes: 16)) }
        let error = try #require(throws: YAMLError.self) {
            try YAMLParser.parse(text, file: "n.yaml", limits: YAMLLimits(maxNodes: 15))
        }
        #expect(error.code == "E002")
        #expect(error.location.description == "n.yaml:2:9")
    }

    @Test("100 000 opening brackets fail with E002 at the first bracket past maxDepth")
    func deepFlowNesting() throws {
        let text = String(repeating: "[", count: 100_000)
        let error = try #require(throws: YAMLError.self) { try YAMLParser.parse(text, file: "deep.yaml") }
        #expect(error.code == YAMLError.Code.limitExceeded)
        #expect(error.location.description == "deep.yaml:1:201")
        #expect(error.message.contains("deeper than 200 levels"))
    }

    @Test("deep block nesting fails with E002 too")
    func deepBlockNesting() throws {
        let text = (0..<300).map { String(repeating: " ", count: $0) + "k:" }.joined(separator: "\n") + " 1\n"
        let error = try #require(throws: YAMLError.self) {
            try YAMLParser.parse(text, file: "deep.yaml", limits: YAMLLimits(maxDepth: 50))
        }
        #expect(error.code == "E002")
        #expect(error.location.line == 51)
    }

    @Test("nesting exactly at maxDepth is accepted")
    func depthAtLimit() throws {
        let text = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        var node = try #require(try YAMLParser.parse(text, file: "ok.yaml"))
        var depth = 1
        while let inner = node.sequence?.first {
            node = inner
            depth += 1
        }
        #expect(depth == 200)
    }

    @Test("maxBytes refuses large text before parsing")
    func maxBytes() throws {
        let error = try #require(throws: YAMLError.self) {
            try YAMLParser.parse("a: ééé\n", file: "b.yaml", limits: YAMLLimits(maxBytes: 8))
        }
        #expect(error.code == "E002")
        #expect(error.message.contains("10 bytes"))
        #expect(throws: Never.self) { try YAMLParser.parse("a: ééé\n", file: "b.yaml", limits: YAMLLimits(maxBytes: 10)) }
    }
}
