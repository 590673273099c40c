import Dossier
import Foundation
import Testing

/// A batch of hostile inputs through `auto` and the default analyzers: each bad one gets its own
/// diagnostic, the good ones are written, and nothing crashes.
@Suite("Bad input in a batch")
struct BadInputTests {
    @Test("each bad input fails alone with a named diagnostic and the good ones go through")
    func batch() async throws {
        let deep = String(repeating: "<div>", count: 10_000) + "<p>Deep inside the page a sentence waits to be read by someone patient.</p>"
        let good = "Ferry Resumes\nThe harbour ferry ran again on Tuesday after two days of storms.\n"
        let feed = """
            <?xml version="1.0"?><rss version="2.0"><channel><title>C</title>
            <item><title>First item</title><description>&lt;p&gt;The first item has a full sentence of text in it.&lt;/p&gt;</description></item>
            <item></item>
            </channel></rss>
            """
        var junk = Data(count: 512)
        for i in junk.indices { junk[i] = UInt8((i * 151 + 7) % 256) }
        let inputs: [InputSource] = [
            .data(name: "good.txt", Data(good.utf8)),
            .data(name: "empty.html", Data()),
            .data(name: "junk.bin", junk),
            .data(
                name: "truncated.html", Data("<html><head><title>Cut</title></head><body><article><p>The council met on Monday and".utf8)),
            .data(name: "latin1.txt", Data([0x43, 0x61, 0x66, 0xE9, 0x20, 0x6F, 0x70, 0x65, 0x6E, 0x2E])),
            .data(name: "deep.html", Data(deep.utf8)),
            .data(name: "news.rss", Data(feed.utf8)),
        ]
        let pipeline = try PipelineLoader.standard(environment: [:]).load(
            text: "version: 1\nanalyzers: [sentences]\nexporters: [json]\n", file: "p.yaml")
        let capture = OutputCapture()
        let summary = await Runner(pipeline: pipeline, jobs: 3, standardOutput: capture.append).run(inputs)
        let failures = Dictionary(uniqueKeysWithValues: summary.diagnostics.map { ($0.article ?? "?", $0.code) })
        #expect(failures["empty.html"] == "E430")
        #expect(failures["junk.bin"] == "E402")
        #expect(failures["latin1.txt"] == "E410")
        #expect(failures["news.rss#2"] == "E461")
        // libxml2 stops nesting at 256 levels, so the paragraph below 10,000 divs is not reached.
        #expect(failures["deep.html"] == "E434")
        #expect(failures.count == 5, "\(summary.diagnostics.map(\.description))")
        // good.txt, truncated.html and the feed's first item go through.
        #expect(summary.succeeded == 3)
        #expect(capture.text.components(separatedBy: "\"format\" : \"dossier\"").count - 1 == 3)
    }
}

@Suite("Readers choose and fail per article through auto")
struct AutoReaderTests {
    @Test(
        "auto picks each format by extension and by content",
        arguments: [
            ("a.md", "---\ntitle: T\n---\n# Heading\n\nSome text here.\n", "markdown"),
            ("a", "# Heading\n\nSome [linked](https://example.org) text here.\n", "markdown"),
            ("a.jsonl", "{\"title\": \"A\", \"text\": \"One.\"}\n{\"title\": \"B\", \"text\": \"Two.\"}\n", "jsonl"),
            ("a", "{\"title\": \"A\", \"text\": \"One.\"}\n{\"title\": \"B\", \"text\": \"Two.\"}\n", "jsonl"),
            ("a", "{\"title\": \"A\", \"text\": \"One sentence.\"}", "json"),
            ("a", "<!doctype html><html><body><p>Hello there.</p></body></html>", "html"),
            ("a", "Plain Title\nA plain paragraph of text.\n", "text"),
        ])
    func choice(_ name: String, _ content: String, _ expected: String) throws {
        let pipeline = try PipelineLoader.standard(environment: [:]).load(text: "version: 1\nexporters: [json]\n", file: "p.yaml")
        let step = try Runner(pipeline: pipeline).chooseReader(for: Input(id: "a", name: name, data: Data(content.utf8)))
        #expect(step.info.id == expected)
    }

    @Test("a bad line of a JSON Lines file fails alone and the other lines are written in order")
    func jsonLines() async throws {
        let lines = [
            #"{"id": "one", "title": "First", "text": "The first article has a sentence."}"#,
            #"{"id": "two", "title": "Second", "text": "#,
            #"{"id": "three", "title": "Third", "text": "The third article has a sentence too."}"#,
        ].joined(separator: "\n")
        let pipeline = try PipelineLoader.standard(environment: [:]).load(
            text: "version: 1\nanalyzers: [sentences]\nexporters: [json]\n", file: "p.yaml")
        let capture = OutputCapture()
        let summary = await Runner(pipeline: pipeline, standardOutput: capture.append).run([.data(name: "wire.jsonl", Data(lines.utf8))])
        #expect(summary.succeeded == 2)
        #expect(summary.diagnostics.map(\.code) == ["E451"])
        #expect(summary.diagnostics.first?.article == "wire.jsonl#2")
        #expect(summary.diagnostics.first?.message.contains("line 2") == true)
        let ids = capture.text.components(separatedBy: "\n").filter { $0.hasPrefix("  \"id\" : ") }
        #expect(ids == ["  \"id\" : \"one\",", "  \"id\" : \"three\","])
    }
}
