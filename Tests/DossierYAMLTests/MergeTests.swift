import DossierCore
import DossierYAML
import Foundation
import Testing

@Suite("JSON, merging and scalar rewriting")
struct MergeTests {
    static let defaultsLocation = DossierCore.SourceLocation(file: "<default>", line: 1, column: 1)

    @Test("a JSON value survives the trip through a node")
    func jsonRoundTrip() throws {
        let json: JSONValue = .object([
            (key: "s", value: .string("5")),
            (key: "i", value: .int(-3)),
            (key: "d", value: .double(0.25)),
            (key: "b", value: .bool(false)),
            (key: "n", value: .null),
            (key: "a", value: .array([.string("true"), .double(.infinity)])),
        ])
        let node = YAMLNode(json, at: Self.defaultsLocation)
        #expect(node.jsonValue == json)
        #expect(node["s"]?.int == nil)
        #expect(node["i"]?.int == -3)
        #expect(node["a"]?.location == Self.defaultsLocation)
    }

    @Test("user values win, defaults fill the gaps, nested mappings merge")
    func mergeOverDefaults() throws {
        let defaults = YAMLNode(
            .object([
                (key: "threshold", value: .double(0.5)),
                (key: "keywords", value: .array([.string("a"), .string("b")])),
                (key: "inner", value: .object([(key: "depth", value: .int(2)), (key: "width", value: .int(8))])),
                (key: "mode", value: .string("normal")),
            ]), at: Self.defaultsLocation)
        let user = try #require(
            try YAMLParser.parse(
                """
                keywords: [z]
                inner:
                  depth: 5
                extra: 1
                """, file: "u.yaml"))
        let merged = user.merged(over: defaults)
        #expect(
            merged.jsonValue
                == .object([
                    (key: "keywords", value: .array([.string("z")])),
                    (key: "inner", value: .object([(key: "depth", value: .int(5)), (key: "width", value: .int(8))])),
                    (key: "extra", value: .int(1)),
                    (key: "threshold", value: .double(0.5)),
                    (key: "mode", value: .string("normal")),
                ]))
        // What the user wrote keeps its position; what came from defaults keeps theirs.
        #expect(merged["inner"]?["depth"]?.location.description == "u.yaml:3:10")
        #expect(merged["inner"]?["width"]?.location == Self.defaultsLocation)
        #expect(merged["threshold"]?.location == Self.defaultsLocation)
        #expect(merged.location.description == "u.yaml:1:1")
    }

    @Test("merged defaults decode with the user's positions in errors")
    func mergeThenDecode() throws {
        struct Options: Decodable {
            var threshold: Double
            var level: UInt8
        }
        let defaults = YAMLNode(
            .object([(key: "threshold", value: .double(0.5)), (key: "level", value: .int(1))]), at: Self.defaultsLocation)
        let good = try #require(try YAMLParser.parse("level: 7\n", file: "u.yaml"))
        let options = try YAMLDecoder().decode(Options.self, from: good.merged(over: defaults))
        #expect(options.threshold == 0.5)
        #expect(options.level == 7)
        let bad = try #require(try YAMLParser.parse("\nlevel: 700\n", file: "u.yaml"))
        let error = try #require(throws: YAMLDecodingError.self) {
            try YAMLDecoder().decode(Options.self, from: bad.merged(over: defaults))
        }
        #expect(error.location.description == "u.yaml:2:8")
    }

    @Test("merging with a non-mapping keeps self")
    func mergeNonMapping() throws {
        let list = YAMLNode(.array([.int(1)]), at: Self.defaultsLocation)
        let map = YAMLNode(.object([(key: "a", value: .int(1))]), at: Self.defaultsLocation)
        #expect(list.merged(over: map) == list)
        #expect(map.merged(over: list) == map)
    }

    @Test("mapScalars rewrites values, keeps keys, styles and positions")
    func mapScalars() throws {
        let node = try #require(
            try YAMLParser.parse(
                """
                ${KEY}: ${PORT}
                url: "http://${HOST}/"
                list: ['${HOST}', plain]
                """, file: "e.yaml"))
        let env = ["PORT": "8080", "HOST": "example.org", "KEY": "k"]
        let rewritten = node.mapScalars { text, _ in
            var out = text
            for (name, value) in env { out = out.replacingOccurrences(of: "${\(name)}", with: value) }
            return out
        }
        #expect(rewritten["${KEY}"]?.int == 8080)
        #expect(rewritten["url"]?.content == .scalar("http://example.org/", .doubleQuoted))
        #expect(rewritten["url"]?.location.description == "e.yaml:2:6")
        #expect(rewritten["list"]?.sequence?.map(\.scalar) == ["example.org", "plain"])
        #expect(rewritten["list"]?.sequence?.first?.style == .singleQuoted)
    }

    @Test("mapScalars passes the node so errors can carry its position")
    func mapScalarsThrows() throws {
        struct Undefined: Error { var location: DossierCore.SourceLocation }
        let node = try #require(try YAMLParser.parse("a: ok\nb: ${MISSING}\n", file: "e.yaml"))
        let error = try #require(throws: Undefined.self) {
            try node.mapScalars { text, scalar in
                if text.contains("${") { throw Undefined(location: scalar.location) }
                return text
            }
        }
        #expect(error.location.description == "e.yaml:2:4")
    }
}
