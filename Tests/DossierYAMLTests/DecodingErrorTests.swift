import DossierYAML
import Testing

/// Options as a component might declare them.
struct Options: Decodable {
    enum Mode: String, Decodable, CaseIterable { case quiet, normal }

    struct Inner: Decodable {
        var depth: Int
    }

    var threshold: Double
    var maxLength: Int?
    var level: UInt8?
    var mode: Mode?
    var keywords: [String]?
    var inner: Inner?
    var table: [String: Int]?
    var ratio: Float?
    var strict: Bool?
}

/// A type that validates itself and throws a `DecodingError` from a nested key.
struct Window: Decodable {
    var from: Int
    var to: Int

    enum CodingKeys: String, CodingKey { case from, to }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        from = try container.decode(Int.self, forKey: .from)
        to = try container.decode(Int.self, forKey: .to)
        if to < from {
            throw DecodingError.dataCorruptedError(forKey: .to, in: container, debugDescription: "Must not be before 'from'.")
        }
    }
}

struct Holder: Decodable {
    var window: Window
}

/// One mistake in an options file and how it must be reported.
struct DecodingErrorCase: Sendable, CustomTestStringConvertible {
    var name: String
    var yaml: String
    var position: String
    var code: String
    var path: [String]
    var message: String
    var testDescription: String { name }
}

@Suite("Decoding errors")
struct DecodingErrorTests {
    static let cases: [DecodingErrorCase] = [
        DecodingErrorCase(
            name: "not an integer", yaml: "threshold: 1\nmaxLength: abc\n", position: "2:12", code: "E101", path: ["maxLength"],
            message: "expected an integer for 'maxLength', found 'abc'"
        ),
        DecodingErrorCase(
            name: "quoted number", yaml: "threshold: \"0.5\"\n", position: "1:12", code: "E101", path: ["threshold"],
            message: "expected a number for 'threshold', found the quoted string '0.5'; remove the quotes"
        ),
        DecodingErrorCase(
            name: "mapping for a list", yaml: "threshold: 1\nkeywords:\n  a: 1\n", position: "3:3", code: "E101", path: ["keywords"],
            message: "expected a list for 'keywords', found a mapping"
        ),
        DecodingErrorCase(
            name: "list for a mapping", yaml: "threshold: 1\ninner: [1]\n", position: "2:8", code: "E101", path: ["inner"],
            message: "expected a mapping for 'inner', found a list"
        ),
        DecodingErrorCase(
            name: "missing key", yaml: "maxLength: 3\n", position: "1:1", code: "E102", path: ["threshold"],
            message: "missing required option 'threshold'"
        ),
        DecodingErrorCase(
            name: "missing nested key", yaml: "threshold: 1\ninner:\n  deep: 2\n", position: "3:3", code: "E102", path: ["inner", "depth"],
            message: "missing required option 'depth' in 'inner'"
        ),
        DecodingErrorCase(
            name: "out of range", yaml: "threshold: 1\nlevel: 300\n", position: "2:8", code: "E103", path: ["level"],
            message: "'300' is out of range for 'level' (UInt8); use a value from 0 to 255"
        ),
        DecodingErrorCase(
            name: "negative for unsigned", yaml: "threshold: 1\nlevel: -1\n", position: "2:8", code: "E103", path: ["level"],
            message: "'-1' is out of range for 'level' (UInt8)"
        ),
        DecodingErrorCase(
            name: "huge integer", yaml: "threshold: 1\nmaxLength: 99999999999999999999999\n", position: "2:12", code: "E103",
            path: ["maxLength"],
            message: "is out of range for 'maxLength' (Int)"
        ),
        DecodingErrorCase(
            name: "float overflow", yaml: "threshold: 1\nratio: 1e300\n", position: "2:8", code: "E103", path: ["ratio"],
            message: "'1e300' is out of range for 'ratio' (Float)"
        ),
        DecodingErrorCase(
            name: "unknown enum value", yaml: "threshold: 1\nmode: loud\n", position: "2:7", code: "E103", path: ["mode"],
            message: "'loud' is not a valid value for 'mode'; use one of 'quiet', 'normal'"
        ),
        DecodingErrorCase(
            name: "list item of the wrong kind", yaml: "threshold: 1\nkeywords:\n  - a\n  - [b]\n", position: "4:5", code: "E101",
            path: ["keywords", "1"], message: "expected a string for 'keywords[1]', found a list"
        ),
        DecodingErrorCase(
            name: "dictionary value", yaml: "threshold: 1\ntable: {a: 1, b: x}\n", position: "2:18", code: "E101", path: ["table", "b"],
            message: "expected an integer for 'b', found 'x'"
        ),
        DecodingErrorCase(
            name: "yes is not a boolean", yaml: "threshold: 1\nstrict: yes\n", position: "2:9", code: "E101", path: ["strict"],
            message: "expected a boolean (true or false) for 'strict', found 'yes'"
        ),
        DecodingErrorCase(
            name: "null for a required value", yaml: "threshold:\n", position: "1:11", code: "E101", path: ["threshold"],
            message: "expected a number for 'threshold', found nothing"
        ),
        DecodingErrorCase(
            name: "scalar for the whole options", yaml: "fast\n", position: "1:1", code: "E101", path: [],
            message: "expected a mapping, found 'fast'"
        ),
        DecodingErrorCase(
            name: "a 10,000-character value is quoted by its start and length",
            yaml: "threshold: 1\nmaxLength: " + String(repeating: "x", count: 10_000) + "\n", position: "2:12", code: "E101",
            path: ["maxLength"],
            message: "expected an integer for 'maxLength', found '" + String(repeating: "x", count: 80) + "…' (10000 characters)"
        ),
        DecodingErrorCase(
            name: "a 10,000-character enum value", yaml: "threshold: 1\nmode: " + String(repeating: "y", count: 10_000) + "\n",
            position: "2:7",
            code: "E103", path: ["mode"],
            message: "'" + String(repeating: "y", count: 80) + "…' (10000 characters) is not a valid value for 'mode'"
        ),
    ]

    @Test("errors point at the offending node with a code, a path and a message", arguments: cases)
    func errorPosition(_ bad: DecodingErrorCase) throws {
        let node = try #require(try YAMLParser.parse(bad.yaml, file: "o.yaml"))
        let error = try #require(throws: YAMLDecodingError.self) { try YAMLDecoder().decode(Options.self, from: node) }
        #expect("\(error.location.line):\(error.location.column)" == bad.position)
        #expect(error.location.file == "o.yaml")
        #expect(error.code == bad.code)
        #expect(error.codingPath == bad.path)
        #expect(error.message.contains(bad.message), "\(error.message)")
        #expect(error.message.count < 300, "a message quotes at most 80 characters of a value")
        #expect(error.message.first?.isLowercase == true || error.message.first == "'")
        #expect(!error.message.hasSuffix("."))
    }

    @Test("a DecodingError from a type's own init(from:) keeps the location of the key it names")
    func translatedDecodingError() throws {
        let node = try #require(try YAMLParser.parse("window:\n  from: 5\n  to: 2\n", file: "w.yaml"))
        let error = try #require(throws: YAMLDecodingError.self) { try YAMLDecoder().decode(Holder.self, from: node) }
        #expect(error.location.description == "w.yaml:3:7")
        #expect(error.code == "E103")
        #expect(error.codingPath == ["window", "to"])
        #expect(error.message == "'2' is not a valid value for 'to': must not be before 'from'")
        #expect(error.underlying is DecodingError)
    }

    @Test("a list that is too short names the list")
    func shortList() throws {
        struct Pair: Decodable {
            var a: Int
            var b: Int
            init(from decoder: any Decoder) throws {
                var list = try decoder.unkeyedContainer()
                a = try list.decode(Int.self)
                b = try list.decode(Int.self)
            }
        }
        struct Holder: Decodable { var pair: Pair }
        let node = try #require(try YAMLParser.parse("pair: [1]\n", file: "p.yaml"))
        let error = try #require(throws: YAMLDecodingError.self) { try YAMLDecoder().decode(Holder.self, from: node) }
        #expect(error.location.description == "p.yaml:1:7")
        #expect(error.message == "expected more than 1 item in 'pair'; add the missing items")
    }

    @Test("an error inside an aliased node points at the anchored definition")
    func errorThroughAlias() throws {
        let node = try #require(try YAMLParser.parse("base: &b {depth: x}\nthreshold: 1\ninner: *b\n", file: "a.yaml"))
        let error = try #require(throws: YAMLDecodingError.self) { try YAMLDecoder().decode(Options.self, from: node) }
        #expect(error.location.description == "a.yaml:1:18")
        #expect(error.codingPath == ["inner", "depth"])
    }

    @Test("the diagnostic form carries code, message and location")
    func diagnostic() throws {
        let node = try #require(try YAMLParser.parse("threshold: x\n", file: "d.yaml"))
        let error = try #require(throws: YAMLDecodingError.self) { try YAMLDecoder().decode(Options.self, from: node) }
        #expect(error.diagnostic.description == "d.yaml:1:12: error[E101]: expected a number for 'threshold', found 'x'")
    }
}
