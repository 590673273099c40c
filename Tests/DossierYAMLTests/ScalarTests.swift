import DossierCore
import DossierYAML
import Testing

@Suite("Scalars and the core schema")
struct ScalarTests {
    private func value(_ yaml: String) throws -> YAMLNode {
        let root = try #require(try YAMLParser.parse("v: \(yaml)\n", file: "s.yaml"))
        return try #require(root["v"])
    }

    @Test("styles are recorded")
    func styles() throws {
        let root = try #require(
            try YAMLParser.parse(
                """
                p: plain
                s: 'single'
                d: "double\\n"
                l: |
                  line one
                  line two
                f: >
                  folded
                  text
                """, file: "s.yaml"))
        #expect(root["p"]?.content == .scalar("plain", .plain))
        #expect(root["s"]?.content == .scalar("single", .singleQuoted))
        #expect(root["d"]?.content == .scalar("double\n", .doubleQuoted))
        #expect(root["l"]?.content == .scalar("line one\nline two\n", .literal))
        // The text ends without a line break, so clip chomping leaves none.
        #expect(root["f"]?.content == .scalar("folded text", .folded))
    }

    @Test(
        "plain booleans", arguments: [("true", true), ("True", true), ("TRUE", true), ("false", false), ("False", false), ("FALSE", false)])
    func booleans(_ text: String, _ expected: Bool) throws {
        #expect(try value(text).bool == expected)
    }

    @Test("not booleans in YAML 1.2", arguments: ["yes", "no", "on", "off", "tRUE", "'true'", "\"false\""])
    func notBooleans(_ text: String) throws {
        #expect(try value(text).bool == nil)
    }

    @Test(
        "plain integers",
        arguments: [
            ("0", 0), ("42", 42), ("-17", -17), ("+8", 8), ("0x1F", 31), ("0xff", 255), ("0o17", 15),
            ("9223372036854775807", Int.max), ("-9223372036854775808", Int.min),
        ])
    func integers(_ text: String, _ expected: Int) throws {
        #expect(try value(text).int == expected)
    }

    @Test("not integers", arguments: ["1.5", "0x", "0o8", "1_000", "12a", "'5'", "\"5\"", "9223372036854775808", "", "~"])
    func notIntegers(_ text: String) throws {
        #expect(try value(text).int == nil)
    }

    @Test(
        "plain numbers",
        arguments: [
            ("1.5", 1.5), ("-0.25", -0.25), (".5", 0.5), ("5.", 5.0), ("1e3", 1000.0), ("2.5E-1", 0.25), ("+3", 3.0), ("0x10", 16.0),
            (".inf", Double.infinity), ("-.Inf", -Double.infinity), ("+.INF", Double.infinity),
        ])
    func doubles(_ text: String, _ expected: Double) throws {
        #expect(try value(text).double == expected)
    }

    @Test("nan in each spelling")
    func nan() throws {
        for text in [".nan", ".NaN", ".NAN"] {
            #expect(try value(text).double?.isNaN == true, "\(text)")
        }
    }

    @Test("not numbers", arguments: ["e3", "1e", ".", "1.2.3", "inf", "nan", "'1.5'", "1,5"])
    func notDoubles(_ text: String) throws {
        #expect(try value(text).double == nil)
    }

    @Test("nulls", arguments: ["null", "Null", "NULL", "~", ""])
    func nulls(_ text: String) throws {
        #expect(try value(text).isNull)
    }

    @Test("not nulls", arguments: ["'null'", "\"~\"", "nil", "none", "[]"])
    func notNulls(_ text: String) throws {
        #expect(try !value(text).isNull)
    }

    @Test("explicit tags override resolution")
    func tags() throws {
        #expect(try value("!!str 5").int == nil)
        #expect(try value("!!str 5").scalar == "5")
        #expect(try value("!!int \"7\"").int == 7)
        #expect(try value("!!str 5").tag == "tag:yaml.org,2002:str")
    }

    @Test("jsonValue resolves plain scalars and keeps quoted ones as strings")
    func json() throws {
        let root = try #require(
            try YAMLParser.parse(
                """
                a: 1
                b: '1'
                c: [true, ~, 2.5, x]
                d: {e: "null"}
                """, file: "j.yaml"))
        #expect(
            root.jsonValue
                == .object([
                    (key: "a", value: .int(1)),
                    (key: "b", value: .string("1")),
                    (key: "c", value: .array([.bool(true), .null, .double(2.5), .string("x")])),
                    (key: "d", value: .object([(key: "e", value: .string("null"))])),
                ]))
    }

    @Test("mapping keys keep source order")
    func keyOrder() throws {
        let root = try #require(try YAMLParser.parse("z: 1\na: 2\nm: 3\n", file: "o.yaml"))
        #expect(root.mapping?.map { $0.key.scalar } == ["z", "a", "m"])
    }

    @Test("anchored nodes are copied by aliases, with the anchor's locations")
    func aliases() throws {
        let root = try #require(
            try YAMLParser.parse(
                """
                base: &defaults
                  level: 3
                  tags: [a, b]
                copy: *defaults
                scalar: &s hello
                again: *s
                """, file: "a.yaml"))
        let base = try #require(root["base"])
        let copy = try #require(root["copy"])
        #expect(copy == base)
        #expect(copy["tags"]?.sequence?.count == 2)
        // A node with an anchor starts at its anchor.
        #expect(copy.location.description == "a.yaml:1:7")
        #expect(root["again"]?.scalar == "hello")
        #expect(root["again"]?.location.description == "a.yaml:5:9")
    }

    @Test("a redefined anchor applies from its new definition on")
    func redefinedAnchor() throws {
        let root = try #require(try YAMLParser.parse("a: &x 1\nb: *x\nc: &x 2\nd: *x\n", file: "r.yaml"))
        #expect(root["b"]?.int == 1)
        #expect(root["d"]?.int == 2)
    }
}
