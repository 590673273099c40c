import DossierCore
import DossierTestSupport
import Foundation
import Testing

/// `JSONValue(encoding:)` builds the value directly; it must equal what `JSONEncoder` wrote and
/// `JSONDecoder` read back, which it replaced.
@Suite("JSONValue from Encodable, without JSON text in between")
struct JSONValueEncoderTests {
    static func roundTrip(_ value: some Encodable) throws -> JSONValue {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try JSONDecoder().decode(JSONValue.self, from: encoder.encode(value))
    }

    struct Edge: Encodable {
        enum Kind: String, Encodable { case one, two }
        struct Inner: Encodable {
            var z = 1
            var a: [Int?] = [1, nil, 3]
        }
        var zeta = "last key, first written"
        var alpha: Double = 1.0
        var half: Double = 0.5
        var big: Double = 1e20
        var negativeZero: Double = -0.0
        var float: Float = 0.1
        var small: Int8 = -3
        var large: UInt64 = .max
        var absent: String? = nil
        var present: String? = "here"
        var flag = true
        var kind = Kind.two
        var url = URL(string: "https://example.org/a?b=c")!
        var data = Data([0, 1, 2, 250])
        var nested: [String: Inner] = ["b": Inner(), "a": Inner(z: 2, a: [])]
        var matrix: [[Double]] = [[], [1.5, 2]]
        var awkward = "quote \" backslash \\ tab \t 🇳🇱"
    }

    @Test("edge values give the same JSONValue as the encode-then-decode round trip")
    func edges() throws {
        #expect(try JSONValue(encoding: Edge()) == Self.roundTrip(Edge()))
    }

    @Test("every layer of the sample documents gives the same JSONValue as the round trip")
    func layers() throws {
        let d = SampleDocuments.full
        let a = d.annotations
        for (name, direct, trip) in [
            ("entities", try JSONValue(encoding: a.entities), try Self.roundTrip(a.entities)),
            ("quotes", try JSONValue(encoding: a.quotes), try Self.roundTrip(a.quotes)),
            ("dates", try JSONValue(encoding: a.dates), try Self.roundTrip(a.dates)),
            ("claims", try JSONValue(encoding: a.claims), try Self.roundTrip(a.claims)),
            ("sources", try JSONValue(encoding: a.sources), try Self.roundTrip(a.sources)),
            ("findings", try JSONValue(encoding: a.findings), try Self.roundTrip(a.findings)),
            ("metadata", try JSONValue(encoding: d.metadata), try Self.roundTrip(d.metadata)),
        ] {
            #expect(direct == trip, "layer \(name)")
        }
    }
}
