import DossierCore
import DossierReaders
import DossierTestSupport
import Foundation
import Testing

/// Reads `html` (a string or bytes) with the `html` reader and returns its single document.
func readHTML(_ data: Data, options: HTMLReader.Options = HTMLReader.Options(), name: String = "page.html") throws -> Document {
    let documents = try HTMLReader(options: options).read(Input(id: "p1", name: name, data: data))
    try #require(documents.count == 1)
    return documents[0]
}

func readHTML(_ html: String, options: HTMLReader.Options = HTMLReader.Options()) throws -> Document {
    try readHTML(Data(html.utf8), options: options)
}

/// The blocks of `document` as (kind, level, text) triples, for whole-value comparison.
func htmlOutline(_ document: Document) -> [[String]] {
    document.blocks.map { [$0.kind.rawValue, $0.level.map(String.init) ?? "-", document.text(in: $0.range)] }
}

/// The error code a throwing read reports, or nil when it succeeds.
func htmlErrorCode(_ data: Data, options: HTMLReader.Options = HTMLReader.Options()) -> String? {
    do {
        _ = try HTMLReader(options: options).read(Input(id: "p1", name: "page.html", data: data))
        return nil
    } catch let error as ComponentError {
        return error.code
    } catch {
        return "not a ComponentError: \(error)"
    }
}

@Suite("HTML reader: the sample news page")
struct HTMLReaderArticleTests {
    let document: Document

    init() throws {
        document = try readHTML(try Fixtures.data("ferry-strike.html"), name: "ferry-strike.html")
    }

    @Test("keeps the story's blocks in order, with kinds and levels, and nothing else")
    func outline() {
        #expect(
            htmlOutline(document) == [
                ["title", "-", "Fährstreik legt Seehafen lahm"],
                ["dateline", "-", "KIEL"],
                [
                    "paragraph", "-",
                    "Seit Montagmorgen liegen alle Fähren im Seehafen still, weil die Fährleute für höhere Löhne streiken. Pendler müssen Umwege von über 40 Kilometern in Kauf nehmen.",
                ],
                [
                    "paragraph", "-",
                    "Die Gewerkschaft fordert 8,5 Prozent mehr Lohn, die Reederei bietet bisher nur 3 Prozent. „Wir bleiben so lange draußen, bis ein faires Angebot kommt“, sagte Sprecherin Åsa Lindqvist 🚢 am Hafen.",
                ],
                ["caption", "-", "Leere Anleger am Dienstagmorgen."],
                ["heading", "2", "Was Pendler wissen müssen"],
                ["list-item", "1", "Die Buslinie 12 fährt zusätzlich alle zehn Minuten."],
                ["list-item", "1", "Monatskarten gelten auch im Ersatzverkehr."],
                [
                    "paragraph", "-",
                    "Laut einer Studie der Stadt nutzen täglich rund 12.000 Menschen die Fähren, vor allem auf dem Weg zur Arbeit und zur Schule.",
                ],
                [
                    "embedded-post", "-",
                    "Heute keine Fähre, also zu Fuß über die Brücke. Schönes Wetter wenigstens! pic.twitter.com/abc123 — Hafenblick (@hafenblick) 11. Februar 2025",
                ],
                ["block-quote", "-", "Ein Streik trifft immer die Falschen, aber ohne Streik bewegt sich nichts."],
                [
                    "paragraph", "-",
                    "Die Verhandlungen sollen am Donnerstag fortgesetzt werden, teilte die Reederei mit. Eine Schlichtung lehnen beide Seiten bislang ab.",
                ],
            ])
    }

    @Test(
        "leaves out cookie banner, navigation, share bar, related stories, comments, sidebar, footer and scripts",
        arguments: [
            "Cookies", "Politik", "Teilen", "Drucken", "Mehr zum Thema", "Busfahrer", "Kommentare", "Frechheit", "Meistgelesen",
            "Impressum", "Skripttext", "color: red",
        ])
    func boilerplateIsGone(_ fragment: String) {
        #expect(!document.text.contains(fragment))
    }

    @Test("the text is the blocks joined by line breaks, and ranges count Unicode scalars")
    func rangesAreScalarOffsets() throws {
        let lines = document.blocks.map { document.text(in: $0.range) }
        #expect(document.text == lines.joined(separator: "\n").replacingOccurrences(of: "KIEL\nSeit", with: "KIEL — Seit"))
        let quote = try #require(document.blocks.first { document.text(in: $0.range).hasPrefix("Die Gewerkschaft") })
        let scalars = Array(document.text.unicodeScalars)
        let prefix = Array("Die Gewerkschaft".unicodeScalars)
        let start = try #require((0..<scalars.count).first { Array(scalars[$0..<min($0 + prefix.count, scalars.count)]) == prefix })
        #expect(quote.range.start == start)
        // The ship emoji is one scalar but two UTF-16 units: the range must count it once.
        #expect(
            quote.range.count
                == "Die Gewerkschaft fordert 8,5 Prozent mehr Lohn, die Reederei bietet bisher nur 3 Prozent. „Wir bleiben so lange draußen, bis ein faires Angebot kommt“, sagte Sprecherin Åsa Lindqvist 🚢 am Hafen."
                .unicodeScalars.count)
    }

    @Test("metadata comes from JSON-LD and OpenGraph, with dates in ISO 8601")
    func metadata() {
        #expect(
            document.metadata
                == Metadata(
                    title: "Fährstreik legt Seehafen lahm", authors: ["Jörg Brünnhilde", "Ana Ruiz"], publisher: "Der Nordkurier",
                    published: "2025-02-11T07:45:00+01:00", modified: "2025-02-11T09:10:00+01:00",
                    url: "https://nordkurier.example/lokal/faehrstreik", language: "de-AT"))
    }

    @Test("links resolve against <base href> and point at their anchor text")
    func links() throws {
        for link in document.links where link.range != nil {
            #expect(document.text(in: link.range!) == link.text)
        }
        let study = try #require(document.links.first { $0.text == "Studie der Stadt" })
        #expect(study.url == "https://stadt.example/studie.pdf")
        #expect(study.origin == .hyperlink)
        let relative = try #require(document.links.first { $0.text == "Ersatzverkehr" })
        #expect(relative.url == "https://static.nordkurier.example/verkehr/ersatzverkehr.html")
        let embed = try #require(document.links.first { $0.text == "pic.twitter.com/abc123" })
        #expect(embed.origin == .embed)
        #expect(embed.url == "https://t.co/abc123")
        let image = try #require(document.links.first { $0.origin == .image })
        #expect(
            image
                == Link(
                    url: "https://static.nordkurier.example/artikel/bilder/hafen.jpg", text: "Leere Anleger im Seehafen", range: nil,
                    origin: .image))
        #expect(!document.links.contains { $0.url?.contains("social.example") == true || $0.text == "Politik" })
    }

    @Test("captions can be left out")
    func captionsOff() throws {
        var options = HTMLReader.Options()
        options.keepCaptions = false
        let plain = try readHTML(try Fixtures.data("ferry-strike.html"), options: options)
        #expect(!plain.blocks.contains { $0.kind == .caption })
        #expect(!plain.text.contains("Dienstagmorgen"))
    }
}

/// A small page with `body` as its article, padded so that it is clearly the main content.
func page(head: String = "", _ body: String) -> String {
    "<!doctype html><html><head>\(head)</head><body><nav><a href=\"/\">Home</a></nav><article>\(body)</article></body></html>"
}

let prose = "The committee met for six hours and agreed, after a long debate, to publish every document it had received."

@Suite("HTML reader: metadata, links and encodings")
struct HTMLReaderDetailTests {
    @Test("a <title> loses the site suffix, and textual dates become ISO dates")
    func titleAndDates() throws {
        let d = try readHTML(
            page(
                head:
                    "<title>Committee publishes all its documents | The Daily Example</title><meta name=\"author\" content=\"Lea Moritz\"><meta name=\"date\" content=\"March 11, 2015\">",
                "<p>\(prose)</p><p>\(prose)</p>"))
        #expect(d.metadata.title == "Committee publishes all its documents")
        #expect(d.metadata.published == "2015-03-11")
        #expect(d.metadata.authors == ["Lea Moritz"])
        #expect(d.blocks.first?.kind == .title)
    }

    @Test("an unparseable date is kept as written")
    func oddDate() throws {
        let d = try readHTML(page(head: "<meta property=\"article:published_time\" content=\"sometime last week\">", "<p>\(prose)</p>"))
        #expect(d.metadata.published == "sometime last week")
    }

    @Test("broken JSON-LD is tolerated and the other sources still apply")
    func brokenJSONLD() throws {
        let d = try readHTML(
            page(
                head:
                    "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"headline\": </script><meta property=\"og:title\" content=\"Fallback headline\">",
                "<p>\(prose)</p>"))
        #expect(d.metadata.title == "Fallback headline")
    }

    @Test("relative links resolve against the baseURL option when the page names no base")
    func baseURLOption() throws {
        var options = HTMLReader.Options()
        options.baseURL = "https://news.example/2025/story.html"
        let d = try readHTML(page("<p>\(prose) See <a href=\"../docs/report.pdf\">the report</a>.</p>"), options: options)
        let link = try #require(d.links.first)
        #expect(link.url == "https://news.example/docs/report.pdf")
        #expect(d.text(in: try #require(link.range)) == "the report")
    }

    @Test("a windows-1252 page declared with <meta charset> decodes to the right characters")
    func windows1252() throws {
        var bytes = Array("<html><head><meta charset=\"windows-1252\"><title>Caf".utf8)
        bytes += [0xE9]  // é
        bytes += Array(" prices</title></head><body><article><p>".utf8)
        bytes += [0x93] + Array("Prices rose".utf8) + [0x94] + Array(" by 5 ".utf8) + [0x80]  // “…” and €
        bytes +=
            Array(" at the caf".utf8) + [0xE9] + Array(" on the corner, the owner said on Monday morning.</p></article></body></html>".utf8)
        let d = try readHTML(Data(bytes))
        #expect(d.metadata.title == "Café prices")
        #expect(d.text.contains("“Prices rose” by 5 € at the café on the corner"))
    }

    @Test("undeclared bytes that are not UTF-8 are read as windows-1252")
    func undeclaredLatin1() throws {
        var bytes = Array("<html><body><article><p>".utf8)
        bytes +=
            Array("The na".utf8) + [0xEF] + Array("ve plan was approved by the council of Montr".utf8) + [0xE9]
            + Array("al on Tuesday.</p></article></body></html>".utf8)
        let d = try readHTML(Data(bytes))
        #expect(d.text.contains("naïve plan"))
        #expect(d.text.contains("Montréal"))
    }

    @Test("invalid UTF-8 in a UTF-8 page becomes U+FFFD and the rest of the page is kept")
    func invalidUTF8() throws {
        var bytes = Array("<html><head><meta charset=\"utf-8\"></head><body><article><p>Before ".utf8)
        bytes += [0xFF, 0xFE, 0xC3]
        bytes += Array(
            " after: \(prose)</p><p>Zoë kept reading the second paragraph, which must survive the damage.</p></article></body></html>".utf8)
        let d = try readHTML(Data(bytes))
        #expect(d.text.contains("\u{FFFD}"))
        #expect(d.text.contains("Zoë kept reading"))
    }
}

@Suite("HTML reader: sniffing and options")
struct HTMLReaderSniffTests {
    @Test(
        "recognises HTML by its opening, after a BOM, whitespace and comments",
        arguments: [
            "<!DOCTYPE html><html>", "\u{FEFF}<html lang=en>", "  \n<!-- generated --> <head><title>x</title>", "<article><p>hi</p>",
            "<p>Just a paragraph</p>",
        ])
    func sniffsHTML(_ head: String) {
        #expect(HTMLReader.sniff(Data(head.utf8)))
    }

    @Test("rejects what is not HTML", arguments: ["{\"a\": 1}", "Plain text about <p> tags", "", "<!-- never closed", "<svg></svg>"])
    func rejectsOthers(_ head: String) {
        #expect(!HTMLReader.sniff(Data(head.utf8)))
    }

    @Test("unusable option values are refused with E435 naming the option")
    func badOptions() {
        var options = HTMLReader.Options()
        options.baseURL = "not a url"
        #expect(throws: ComponentError.self) { try HTMLReader(options: options) }
        do {
            _ = try HTMLReader(options: options)
        } catch let error as ComponentError {
            #expect(error.code == "E435")
            #expect(error.option == "baseURL")
        } catch {
            Issue.record("unexpected error \(error)")
        }
        var small = HTMLReader.Options()
        small.minParagraphLength = 0
        #expect(throws: ComponentError.self) { try HTMLReader(options: small) }
    }

    @Test("a maxBytes above the most scalars a document can hold is refused with E435")
    func maxBytesAboveDocumentLimit() throws {
        var options = HTMLReader.Options()
        options.maxBytes = Int(Int32.max) + 1
        let error = try #require(throws: ComponentError.self) { try HTMLReader(options: options) }
        #expect(error.code == "E435")
        #expect(error.option == "maxBytes")
        #expect(error.message == "maxBytes is '2147483648', more than the largest document Dossier can hold (2147483647); split the input")
    }
}

@Suite("HTML reader: bad input")
struct HTMLReaderBadInputTests {
    @Test("an empty or blank file fails with E430", arguments: ["", "  \n\t "])
    func empty(_ text: String) {
        #expect(htmlErrorCode(Data(text.utf8)) == "E430")
    }

    @Test("binary junk fails with E431")
    func binary() {
        var generator = SystemRandomNumberGenerator()
        let junk = Data((0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) })
        #expect(htmlErrorCode(junk) == "E431")
        #expect(htmlErrorCode(Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D])) == "E431")
    }

    @Test("the byline inside the story is a byline block, and its names become the authors")
    func bylineBlock() throws {
        let d = try readHTML(page("<p>By Maja Ström and Tom Hale</p><p>\(prose)</p><p>\(prose)</p>"))
        #expect(htmlOutline(d).first == ["byline", "-", "By Maja Ström and Tom Hale"])
        #expect(d.metadata.authors == ["Maja Ström", "Tom Hale"])
    }

    @Test("a page larger than maxBytes fails with E432")
    func tooLarge() {
        var options = HTMLReader.Options()
        options.maxBytes = 1000
        #expect(htmlErrorCode(Data(page("<p>\(String(repeating: prose, count: 20))</p>").utf8), options: options) == "E432")
    }

    @Test("a page without article text fails with E434")
    func noContent() {
        let html =
            "<html><head><title>Index</title></head><body><nav><a href=\"/a\">A</a> <a href=\"/b\">B</a></nav><footer>© Example</footer></body></html>"
        #expect(htmlErrorCode(Data(html.utf8)) == "E434")
    }

    @Test("truncated HTML still yields the text before the cut")
    func truncated() throws {
        let full = page("<p>\(prose)</p><p>The second paragraph is cut off in the middle of a sentence because the download failed")
        let cut = String(full.prefix(full.count - 40))
        let d = try readHTML(cut)
        #expect(d.text.contains(prose))
    }

    @Test("malformed markup (unclosed and misnested tags) is repaired")
    func malformed() throws {
        let d = try readHTML(
            "<html><body><div class=article><p>\(prose)<p><b><i>Second paragraph, misnested</b></i> and unclosed <div>with <span>stray tags</p></div>"
        )
        #expect(d.text.contains(prose))
        #expect(d.text.contains("Second paragraph, misnested and unclosed"))
    }

    @Test("upper-case and unknown names read as their lower-case HTML elements, and long attribute names are skipped")
    func namesAnyCase() throws {
        let html = page(
            """
            <H2 DATA-A-VERY-LONG-ATTRIBUTE-NAME-INDEED="x">Talks resume</H2><P>\(prose)</P>
            <DIV CLASS="Related-Stories"><P>Another story that should not be read as this one, however long it runs on.</P></DIV>
            <ASIDE><P>An aside about something else entirely, long enough to count as a paragraph.</P></ASIDE>
            <p>Ana said the <my-widget>talks</my-widget> will resume <SPAN Hidden>never</SPAN>on Monday, café open.</p>
            """)
        let d = try readHTML(html)
        #expect(
            htmlOutline(d) == [
                ["heading", "2", "Talks resume"], ["paragraph", "-", prose],
                ["paragraph", "-", "Ana said the talks will resume on Monday, café open."],
            ])
    }

    @Test("markup nested 10,000 deep neither crashes nor loses the text before it")
    func deepNesting() throws {
        let deep = String(repeating: "<div>", count: 10_000) + "deep text" + String(repeating: "</div>", count: 10_000)
        let html = "<html><body><article><p>\(prose)</p><p>\(prose)</p>\(deep)</article></body></html>"
        let d = try readHTML(html)
        #expect(d.text.contains(prose))
    }

    @Test("a 50 MB page is read, with its bulk of script never copied")
    func fiftyMegabytes() throws {
        // Fifty-one 1 MB scripts: libxml2 without XML_PARSE_HUGE caps a single text node at 10 MB.
        let script = "<script>" + String(repeating: "var x = 'padding padding padding padding';\n", count: 1_000_000 / 43) + "</script>"
        var html = "<html><head>" + String(repeating: script, count: 51)
        html += "</head><body><article><p>\(prose)</p><p>\(prose)</p></article></body></html>"
        #expect(html.utf8.count > 50_000_000)
        let d = try readHTML(html)
        #expect(d.text.contains(prose))
        #expect(!d.text.contains("padding"))
    }
}

@Suite("HTML reader: datelines and author links")
struct HTMLDatelineAndAuthorLinkTests {
    /// A story whose byline links to the author's profile and whose first line is a `<time>`.
    static let page = """
        <html><head><title>Lock Gates Replaced</title></head><body><article>
        <h1>Lock Gates Replaced</h1>
        <p>By <a href="https://news.example/author/ines-varga">Ines Varga</a></p>
        <p><time datetime="2025-05-06">6 May 2025</time></p>
        <p>The canal's oldest lock reopened on Tuesday after crews fitted new oak gates, the waterways trust said in a statement.</p>
        <p>Boat owners had waited eleven weeks. The <a href="https://trust.example.org/locks/9">trust's notice</a> lists the work done.</p>
        <p>Written with help from <a rel="author" href="https://news.example/people/tom-reyes">Tom Reyes</a>, who covered the closure.</p>
        </article></body></html>
        """

    @Test("a paragraph that is only a <time> is a dateline, so the first paragraph of running text is the lede")
    func timeIsNotTheLede() throws {
        let document = try readHTML(Self.page)
        #expect(document.blocks.map(\.kind) == [.title, .byline, .dateline, .paragraph, .paragraph, .paragraph])
        let firstParagraph = try #require(document.blocks(of: .paragraph).first)
        #expect(document.text(in: firstParagraph.range).hasPrefix("The canal's oldest lock reopened"))
        let dateline = try #require(document.blocks(of: .dateline).first)
        #expect(document.text(in: dateline.range) == "6 May 2025")
    }

    @Test("a 'Updated <time>' line is a dateline too, but a paragraph that merely mentions a <time> stays a paragraph")
    func mostlyTime() throws {
        let html = """
            <html><body><article><p>Updated <time>7 May 2025, 09:15</time></p>
            <p>The lock keeper said on <time>Tuesday</time> that the new gates would last a century, and that boats could pass again.</p>
            <p>Crews worked through the night to finish the job before the holiday weekend, when traffic on the canal peaks.</p>
            </article></body></html>
            """
        let document = try readHTML(html)
        #expect(document.blocks.map(\.kind) == [.dateline, .paragraph, .paragraph])
    }

    @Test("the byline's profile link and rel=author links are not cited references; other links are")
    func authorLinksAreNotSources() throws {
        let document = try readHTML(Self.page)
        #expect(document.links.map { $0.url ?? "-" } == ["https://trust.example.org/locks/9"])
        // The byline's text is kept whole, without the link.
        let byline = try #require(document.blocks(of: .byline).first)
        #expect(document.text(in: byline.range) == "By Ines Varga")
    }
}
