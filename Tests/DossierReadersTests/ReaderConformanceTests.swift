import DossierCore
import DossierReaders
import DossierTestSupport
import DossierTesting
import Foundation
import Testing

/// Every built-in reader through the same public conformance check a third-party reader uses
/// (`DossierTesting.ReaderConformance`): kebab-case id, documented options that round-trip,
/// well-formed and deterministic documents, and no crash on hostile input.
@Suite("Reader conformance: every built-in reader passes DossierTesting's check")
struct ReaderConformanceTests {
    typealias Sample = ReaderConformance.Sample

    static let feed = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel><title>Canal News</title><link>https://canal.example/</link>
        <item><title>Lock gates replaced</title><link>https://canal.example/locks</link>
        <description>&lt;p&gt;The canal's oldest lock reopened on Tuesday after crews fitted new oak gates.&lt;/p&gt;</description></item>
        <item><title>Towpath closed for a week</title><link>https://canal.example/towpath</link>
        <description>The towpath between the two bridges closes on Monday while the bank is shored up.</description></item>
        </channel></rss>
        """

    static let lines = """
        {"title": "Lock gates replaced", "text": "The canal's oldest lock reopened on Tuesday.", "author": "Ines Varga"}
        {"title": "Towpath closed", "text": "The towpath closes on Monday while the bank is shored up."}

        """

    @Test("text")
    func text() throws {
        let samples = [
            Sample(name: "harbour-bridge.txt", data: try Fixtures.data("harbour-bridge.txt")),
            Sample(name: "storm-outage.txt", data: try Fixtures.data("storm-outage.txt")),
            Sample(name: "short.txt", text: "Lock Gates Replaced\n\nThe canal's oldest lock reopened on Tuesday.\n\nSources: Canal trust"),
        ]
        let problems = ReaderConformance.check(TextReader.self, samples: samples)
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test("markdown")
    func markdown() throws {
        let samples = [
            Sample(name: "ferry-strike.md", data: try Fixtures.data("ferry-strike.md")),
            Sample(
                name: "short.md",
                text: "---\ntitle: Lock gates\n---\n# Lock gates\n\nThe lock reopened on *Tuesday*.\n\nSources: Canal trust"),
        ]
        let problems = ReaderConformance.check(MarkdownReader.self, samples: samples)
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test("html")
    func html() throws {
        let samples = [
            Sample(name: "ferry-strike.html", data: try Fixtures.data("ferry-strike.html")),
            Sample(
                name: "short.html",
                text: "<html><body><article><h1>Lock gates</h1><p><time>6 May 2025</time></p>"
                    + "<p>The canal's oldest lock reopened on Tuesday after crews fitted new oak gates, the trust said.</p>"
                    + "</article></body></html>"
            ),
        ]
        let problems = ReaderConformance.check(HTMLReader.self, samples: samples)
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test("json, with the default options and with the wire fixture's field mapping")
    func json() throws {
        let plain = [
            Sample(name: "one.json", text: #"{"headline": "Lock gates replaced", "articleBody": "The lock reopened on Tuesday."}"#),
            Sample(
                name: "two.json",
                text: #"[{"title": "Towpath closed", "text": "The towpath closes on Monday."}, {"title": "B", "body": "C."}]"#),
        ]
        let problems = ReaderConformance.check(JSONReader.self, samples: plain)
        #expect(problems.isEmpty, "\(problems)")
        let wire = [Sample(name: "wire-articles.json", data: try Fixtures.data("wire-articles.json"))]
        let mapped = ReaderConformance.check(JSONReader.self, samples: wire, options: try wireOptions())
        #expect(mapped.isEmpty, "\(mapped)")
    }

    @Test("jsonl")
    func jsonLines() {
        let problems = ReaderConformance.check(JSONLinesReader.self, samples: [Sample(name: "canal.jsonl", text: Self.lines)])
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test("feed")
    func feedReader() {
        let problems = ReaderConformance.check(FeedReader.self, samples: [Sample(name: "canal.rss", text: Self.feed)])
        #expect(problems.isEmpty, "\(problems)")
    }
}

/// The check itself must catch what it promises to, or passing it would mean nothing.
@Suite("Reader conformance: the check finds broken readers")
struct ReaderConformanceSelfTests {
    /// Options with a key that has no help.
    struct UndocumentedOptions: ComponentOptions {
        var depth = 3
    }

    /// A reader with every fault the check looks for, each switched on by the input.
    struct BrokenReader: Reader {
        static let id = "Broken_Reader"
        static let summary = "fails the conformance check on purpose"
        struct Failure: Error {}
        let options: UndocumentedOptions
        func read(_ input: Input) throws -> [Document] {
            let text = String(decoding: input.data, as: UTF8.self)
            if input.data.isEmpty { throw Failure() }
            if text.hasPrefix("none") { return [] }
            if text.hasPrefix("noblocks") {
                return [Document(id: input.id, text: text, blocks: [], origin: input.name, reader: Self.provenance)]
            }
            // The block runs past the end of the text, and its kind changes from one read to the next.
            let kind: BlockKind = Int.random(in: 0..<1_000_000) == 0 ? .lede : .paragraph
            let blocks = [Block(kind: kind, range: TextRange(start: 0, end: text.unicodeScalars.count + 5))]
            return [Document(id: input.id, text: text, blocks: blocks, origin: input.name, reader: Self.provenance)]
        }
    }

    @Test("a bad id, undocumented options, empty results, bad ranges and a foreign error are each reported")
    func findsFaults() {
        let problems = ReaderConformance.check(
            BrokenReader.self,
            samples: [.init(name: "a.txt", text: "none"), .init(name: "b.txt", text: "noblocks"), .init(name: "c.txt", text: "text")])
        let checks = Set(problems.map(\.check))
        #expect(checks.isSuperset(of: ["id", "options", "read", "ranges", "hostile input"]), "\(problems)")
        #expect(problems.contains { $0.message.contains("'depth' has no help") })
        #expect(problems.contains { $0.message.contains("sample 'a.txt' reads to no document") })
        #expect(problems.contains { $0.message.contains("empty: threw Failure") })
    }

    /// A reader whose output differs on every read.
    struct RestlessReader: Reader {
        static let id = "restless"
        static let summary = "reads differently each time"
        init(options: NoOptions) {}
        func read(_ input: Input) throws -> [Document] {
            let text = "\(UUID().uuidString) \(input.data.count)"
            return [
                Document(
                    id: input.id, text: text, blocks: [Block(kind: .paragraph, range: TextRange(start: 0, end: 5))], origin: input.name,
                    reader: Self.provenance)
            ]
        }
    }

    @Test("a reader that reads the same bytes differently twice is reported")
    func findsNondeterminism() {
        let problems = ReaderConformance.check(RestlessReader.self, samples: [.init(name: "a.txt", text: "same bytes")])
        #expect(problems.map(\.check) == ["determinism"], "\(problems)")
    }
}
