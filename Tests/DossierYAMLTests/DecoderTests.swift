import DossierCore
import DossierYAML
import Testing

/// A pipeline-like configuration with the shapes options take.
struct Config: Decodable, Equatable {
    enum Mode: String, Decodable, CaseIterable { case quiet, normal, loud }

    struct Stage: Decodable, Equatable {
        var id: String
        var level: UInt8?
        var weights: [String: Double]?
    }

    var name: String
    var version: Int
    var ratio: Double
    var enabled: Bool
    var mode: Mode
    var note: String?
    var missing: Int?
    var keywords: [String]
    var stages: [Stage]
    var limits: [String: Int]
    var matrix: [[Int]]
    var maybe: [Int?]
}

/// A type that reads its own keys by hand, to exercise nested containers and superDecoder.
struct Manual: Decodable, Equatable {
    var first: Int
    var rest: [String]
    var base: String

    enum Keys: String, CodingKey { case pair, base }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        var pair = try container.nestedUnkeyedContainer(forKey: .pair)
        first = try pair.decode(Int.self)
        var rest: [String] = []
        while !pair.isAtEnd { rest.append(try pair.decode(String.self)) }
        self.rest = rest
        base = try String(from: container.superDecoder(forKey: .base))
    }
}

@Suite("Decoder")
struct DecoderTests {
    private func node(_ text: String) throws -> YAMLNode {
        try #require(try YAMLParser.parse(text, file: "c.yaml"))
    }

    @Test("decodes a nested struct with optionals, lists, dictionaries and enums")
    func nestedStruct() throws {
        let yaml = """
            name: demo
            version: 0x10
            ratio: 5
            enabled: TRUE
            mode: loud
            note: ~
            keywords: [alpha, 5, "beta"]
            stages:
              - id: html
              - id: claims
                level: 255
                weights: {a: .5, b: -1e2}
            limits: {maxLength: 100, depth: -3}
            matrix: [[1, 2], [], [3]]
            maybe: [1, null, 3]
            """
        let config = try YAMLDecoder().decode(Config.self, from: node(yaml))
        #expect(
            config
                == Config(
                    name: "demo", version: 16, ratio: 5, enabled: true, mode: .loud, note: nil, missing: nil,
                    keywords: ["alpha", "5", "beta"],
                    stages: [.init(id: "html"), .init(id: "claims", level: 255, weights: ["a": 0.5, "b": -100])],
                    limits: ["maxLength": 100, "depth": -3], matrix: [[1, 2], [], [3]], maybe: [1, nil, 3]
                ))
    }

    @Test(
        "integer widths are range-checked",
        arguments: [
            ("127", true), ("128", false), ("-128", true), ("-129", false),
        ])
    func int8Range(_ text: String, _ fits: Bool) throws {
        let parsed = try node(text)
        if fits {
            #expect(try YAMLDecoder().decode(Int8.self, from: parsed) == Int8(text))
        } else {
            let error = try #require(throws: YAMLDecodingError.self) { try YAMLDecoder().decode(Int8.self, from: parsed) }
            #expect(error.code == "E103")
        }
    }

    @Test("every fixed-width integer decodes its extremes")
    func extremes() throws {
        let decoder = YAMLDecoder()
        #expect(try decoder.decode(UInt64.self, from: node("18446744073709551615")) == .max)
        #expect(try decoder.decode(Int64.self, from: node("-9223372036854775808")) == .min)
        #expect(try decoder.decode(UInt16.self, from: node("0xffff")) == .max)
        #expect(try decoder.decode(Int32.self, from: node("-2147483648")) == .min)
        #expect(try decoder.decode(UInt.self, from: node("0o777")) == 511)
        #expect(try decoder.decode(UInt32.self, from: node("-0")) == 0)
        #expect(try decoder.decode(Int16.self, from: node("+32767")) == .max)
        #expect(try decoder.decode(Float.self, from: node("1.5")) == 1.5)
        #expect(try decoder.decode(Double.self, from: node("-.inf")) == -.infinity)
    }

    @Test("a plain scalar decodes as a string; a quoted one only as a string")
    func quotedStaysString() throws {
        let decoder = YAMLDecoder()
        #expect(try decoder.decode(String.self, from: node("5")) == "5")
        #expect(try decoder.decode(String.self, from: node("true")) == "true")
        #expect(try decoder.decode(String.self, from: node("'5'")) == "5")
        let error = try #require(throws: YAMLDecodingError.self) { try decoder.decode(Int.self, from: node("\"5\"")) }
        #expect(error.code == "E101")
        #expect(error.message == "expected an integer, found the quoted string '5'; remove the quotes")
        #expect(throws: YAMLDecodingError.self) { try decoder.decode(Bool.self, from: node("'true'")) }
        #expect(throws: YAMLDecodingError.self) { try decoder.decode(Double.self, from: node("'1.5'")) }
    }

    @Test("an empty value is not an empty mapping; '{}' is")
    func nullIsNotEmptyMapping() throws {
        struct Options: Decodable, Equatable {
            var a: Int?
            var b: String?
        }
        struct Outer: Decodable, Equatable { var options: Options }
        let outer = try YAMLDecoder().decode(Outer.self, from: node("options: {}\n"))
        #expect(outer == Outer(options: Options()))
        let error = try #require(throws: YAMLDecodingError.self) { try YAMLDecoder().decode(Outer.self, from: node("options:\n")) }
        #expect(error.message == "expected a mapping for 'options', found nothing; write '{}' for an empty mapping")
    }

    @Test("nested containers and superDecoder read the right nodes")
    func manualDecoding() throws {
        let manual = try YAMLDecoder().decode(Manual.self, from: node("pair: [7, x, y]\nbase: root\n"))
        #expect(manual.first == 7)
        #expect(manual.rest == ["x", "y"])
        #expect(manual.base == "root")
    }

    @Test("a YAMLNode property receives the node with its location")
    func rawNodeProperty() throws {
        struct Stage: Decodable {
            var id: String
            var options: YAMLNode?
        }
        let stages = try YAMLDecoder().decode([Stage].self, from: node("- id: a\n  options: {x: 1}\n- id: b\n"))
        let options = try #require(stages[0].options)
        #expect(options.location.description == "c.yaml:2:12")
        #expect(options["x"]?.int == 1)
        #expect(stages[1].options == nil)
    }

    @Test("JSONValue decodes through the YAML decoder")
    func jsonValueThroughDecoder() throws {
        let value = try YAMLDecoder().decode(JSONValue.self, from: node("b: [1, '2', true]\na: ~\n"))
        #expect(value == .object([(key: "a", value: .null), (key: "b", value: .array([.int(1), .string("2"), .bool(true)]))]))
    }

    @Test("userInfo reaches init(from:)")
    func userInfo() throws {
        struct Probe: Decodable {
            var seen: String?
            init(from decoder: any Decoder) throws { seen = decoder.userInfo[CodingUserInfoKey(rawValue: "k")!] as? String }
        }
        let decoder = YAMLDecoder(userInfo: [CodingUserInfoKey(rawValue: "k")!: "v"])
        #expect(try decoder.decode(Probe.self, from: node("a: 1")).seen == "v")
    }
}
