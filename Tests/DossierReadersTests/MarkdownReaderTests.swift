import DossierCore
import DossierReaders
import DossierTestSupport
import Foundation
import Testing

/// Reads `markdown` with the `markdown` reader and returns its single document.
func readMarkdown(
    _ markdown: String, options: MarkdownReader.Options = MarkdownReader.Options(), name: String = "story.md"
) throws -> Document {
    try readMarkdown(Data(markdown.utf8), options: options, name: name)
}

/// Reads raw bytes with the `markdown` reader and returns its single document.
func readMarkdown(_ data: Data, options: MarkdownReader.Options = MarkdownReader.Options(), name: String = "story.md") throws -> Document {
    let documents = try MarkdownReader(options: options).read(Input(id: "m1", name: name, data: data))
    try #require(documents.count == 1)
    return documents[0]
}

/// The error `body` throws, as a `ComponentError`; records an issue when it throws nothing or something else.
func componentError(_ body: () throws -> Any) -> ComponentError? {
    do {
        _ = try body()
        Issue.record("expected a ComponentError, got a result")
        return nil
    } catch let error as ComponentError {
        return error
    } catch {
        Issue.record("expected a ComponentError, got \(error)")
        return nil
    }
}

/// The blocks as (kind, level, label, text) rows, for whole-value comparison.
func rows(_ document: Document) -> [[String]] {
    document.blocks.map { [$0.kind.rawValue, $0.level.map(String.init) ?? "-", $0.label ?? "-", document.text(in: $0.range)] }
}

/// Checks the invariants every reader keeps: blocks in order, not overlapping, inside the text,
/// and every ranged link's text equal to what its range covers.
func expectWellFormed(_ document: Document, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    var previousEnd = 0
    for block in document.blocks {
        #expect(
            block.range.start >= previousEnd && block.range.end <= document.length && !block.range.isEmpty, "\(block)",
            sourceLocation: sourceLocation)
        previousEnd = block.range.end
    }
    for link in document.links {
        if let range = link.range { #expect(document.text(in: range) == link.text, "\(link)", sourceLocation: sourceLocation) }
    }
}

@Suite("Markdown reader: structure, text and links")
struct MarkdownReaderStructureTests {
    @Test("the ferry story: title, lede, paragraphs, nested list items, quote, caption and a sources section")
    func ferryStory() throws {
        let document = try readMarkdown(try Fixtures.data("ferry-strike.md"), name: "ferry-strike.md")
        let section = "What the union wants"
        #expect(
            rows(document) == [
                ["title", "-", "-", "Ferry crews walk out in Søndervik"],
                [
                    "lede", "-", "-",
                    "Crews on the Søndervik–Holm ferry stopped work at dawn on Wednesday, saying new rosters leave them \"too tired to steer\" — a claim the operator Fjordline Transit rejects.",
                ],
                [
                    "paragraph", "-", "-",
                    "The union said 38 of its 52 members joined the strike. About 4,000 passengers use the crossing each day ⛴️.",
                ],
                ["heading", "2", "-", section],
                ["list-item", "1", section, "A cap of ten hours per shift"],
                ["list-item", "1", section, "Two rest days after night duty"],
                ["list-item", "2", section, "including weekends"],
                ["list-item", "1", section, "An independent fatigue study, as recommended in 2023"],
                [
                    "block-quote", "-", "-",
                    "“Nobody should cross a fjord with a captain who has slept four hours,” said union steward Maja Lind.",
                ],
                ["caption", "-", "-", "Passengers waiting at Holm pier"],
                ["heading", "2", "-", "Sources"],
                ["sources-section", "-", "Sources", "Fjordline Transit statement, 2 April 2025, https://fjordline.example/press/roster"],
                ["sources-section", "-", "Sources", "Union letter to the ministry"],
                ["sources-section", "-", "Sources", "Interview with Maja Lind, 2 April 2025"],
            ])
        #expect(document.id == "m1")
        #expect(document.origin == "ferry-strike.md")
        #expect(document.reader == MarkdownReader.provenance)
        expectWellFormed(document)
    }

    @Test("the ferry story's links are resolved against the front matter url, each at its visible text")
    func ferryLinks() throws {
        let document = try readMarkdown(try Fixtures.data("ferry-strike.md"))
        let summary = document.links.map { [$0.origin.rawValue, $0.url ?? "-", $0.text] }
        #expect(
            summary == [
                ["hyperlink", "https://fjordside.example/companies/fjordline", "Fjordline Transit"],
                ["hyperlink", "https://maritime.example/reports/fatigue-2023.pdf", "recommended in 2023"],
                ["image", "https://fjordside.example/news/2025/04/img/holm-pier.jpg", "Passengers waiting at Holm pier"],
                [
                    "sources-section", "https://fjordline.example/press/roster",
                    "Fjordline Transit statement, 2 April 2025, https://fjordline.example/press/roster",
                ],
                ["sources-section", "https://union.example/letters/0412.pdf", "Union letter to the ministry"],
                ["sources-section", "-", "Interview with Maja Lind, 2 April 2025"],
            ])
        #expect(document.links.allSatisfy { $0.range != nil })
        expectWellFormed(document)
    }

    @Test("the ferry story's front matter fills every metadata field; unknown keys are ignored")
    func ferryMetadata() throws {
        let document = try readMarkdown(try Fixtures.data("ferry-strike.md"))
        #expect(
            document.metadata
                == Metadata(
                    title: "Ferry crews in Søndervik walk out over “unsafe” rosters", authors: ["Ingrid Fæhn", "Tomás Okafor"],
                    publisher: "The Fjordside Post", published: "2025-04-02T07:15:00+02:00", modified: "2025-04-02T10:40:00+02:00",
                    url: "https://fjordside.example/news/2025/04/ferry-strike", language: "en"))
        #expect(!document.text.contains("transport"), "front matter is not article text")
    }

    @Test("exact scalar ranges with accents, curly quotes and an emoji; markup is gone from the text")
    func exactRanges() throws {
        let document = try readMarkdown("# Café “Río” 🚲\n\nThe *lede* has [a “link”](https://e.example/x) here.\n")
        #expect(document.text == "Café “Río” 🚲\n\nThe lede has a “link” here.")
        #expect(
            document.blocks == [
                Block(kind: .title, range: TextRange(start: 0, end: 12)), Block(kind: .lede, range: TextRange(start: 14, end: 41)),
            ])
        #expect(
            document.links == [Link(url: "https://e.example/x", text: "a “link”", range: TextRange(start: 27, end: 35), origin: .hyperlink)]
        )
        #expect(document.metadata.title == "Café “Río” 🚲", "without front matter the first # heading is the title")
    }

    @Test("a combining accent and a flag count as the scalars they are made of")
    func multiScalarCharacters() throws {
        let document = try readMarkdown("Zoe\u{0308} waved 🇳🇴 at [the ship](https://s.example/).")
        // "Zoë" is 4 scalars and the flag 2, so the link starts at 4 + 7 + 2 + 4 = 17.
        #expect(document.links.map(\.range) == [TextRange(start: 17, end: 25)])
        #expect(document.blocks.map(\.range) == [TextRange(start: 0, end: 26)])
    }

    @Test("emphasis, code spans, entities and hard breaks are rendered as text; soft breaks become spaces")
    func inlineRendering() throws {
        let document = try readMarkdown("First *emphasised* and __strong__ with `code` &amp; more\nwrapped line  \nhard break.\n\nSecond.")
        #expect(document.text == "First emphasised and strong with code & more wrapped line\nhard break.\n\nSecond.")
        #expect(rows(document).map(\.[0]) == ["lede", "paragraph"])
    }

    @Test("reference links, autolinks, fragments and empty links; no base leaves relative addresses as written")
    func linkForms() throws {
        let document = try readMarkdown(
            """
            See [the report][r], <https://auto.example/a>, [the top](#top) and [](https://empty.example/).

            [r]: /reports/2025.pdf "Report"
            """)
        #expect(
            document.links == [
                Link(url: "/reports/2025.pdf", text: "the report", range: TextRange(start: 4, end: 14), origin: .hyperlink),
                Link(
                    url: "https://auto.example/a", text: "https://auto.example/a", range: TextRange(start: 16, end: 38), origin: .hyperlink),
                Link(url: "#top", text: "the top", range: TextRange(start: 40, end: 47), origin: .hyperlink),
                Link(url: "https://empty.example/", text: "", range: nil, origin: .hyperlink),
            ])
        expectWellFormed(document)
    }

    @Test("a link around an image: both are links over the alt text; an image without alt text has no range")
    func linkedImages() throws {
        let document = try readMarkdown(
            """
            ---
            url: https://base.example/a/b
            ---
            Intro text.

            [![Map of the route](map.png)](https://maps.example/route)

            ![](decor.png)
            """)
        #expect(rows(document) == [["lede", "-", "-", "Intro text."], ["caption", "-", "-", "Map of the route"]])
        #expect(
            document.links == [
                Link(url: "https://base.example/a/map.png", text: "Map of the route", range: TextRange(start: 13, end: 29), origin: .image),
                Link(url: "https://maps.example/route", text: "Map of the route", range: TextRange(start: 13, end: 29), origin: .hyperlink),
                Link(url: "https://base.example/a/decor.png", text: "", range: nil, origin: .image),
            ])
        #expect(document.text == "Intro text.\n\nMap of the route", "an image with no alt text leaves nothing behind")
    }

    @Test("code blocks are paragraphs by default and can be dropped; thematic breaks and raw HTML are dropped")
    func codeBreaksAndHTML() throws {
        let markdown = "Lede line.\n\n```\nrow 1\nrow 2\n```\n\n***\n\n<div class=\"ad\">Buy now</div>\n\nLast <span>word</span>."
        #expect(
            rows(try readMarkdown(markdown)) == [
                ["lede", "-", "-", "Lede line."], ["paragraph", "-", "-", "row 1\nrow 2"], ["paragraph", "-", "-", "Last word."],
            ])
        var options = MarkdownReader.Options()
        options.includeCodeBlocks = false
        #expect(
            rows(try readMarkdown(markdown, options: options)) == [
                ["lede", "-", "-", "Lede line."], ["paragraph", "-", "-", "Last word."],
            ])
    }

    @Test("a byline paragraph before the lede gives the authors when the front matter names none")
    func byline() throws {
        let document = try readMarkdown("# Title\n\nBy Ana Kovač and Lee Park\n\nThe lede.")
        #expect(rows(document).map(\.[0]) == ["title", "byline", "lede"])
        #expect(document.metadata.authors == ["Ana Kovač", "Lee Park"])
        var options = MarkdownReader.Options()
        options.detectBylines = false
        #expect(
            rows(try readMarkdown("# Title\n\nBy Ana Kovač and Lee Park\n\nThe lede.", options: options)).map(\.[0]) == [
                "title", "lede", "paragraph",
            ])
    }

    @Test("only the first top-level # heading is the title; later ones are level-1 headings")
    func secondTopHeading() throws {
        let document = try readMarkdown("# One\n\nText.\n\n# Two\n\n> # Quoted")
        #expect(
            rows(document) == [
                ["title", "-", "-", "One"], ["lede", "-", "-", "Text."], ["heading", "1", "-", "Two"], ["heading", "1", "-", "Quoted"],
            ])
    }

    @Test("a 'Sources:' paragraph opens the sources section as the text reader's line does, up to the next heading")
    func sourcesParagraph() throws {
        let markdown =
            "# Dam Opens\n\nThe dam opened on Friday.\n\n## Reaction\n\nFarmers cheered.\n\n**Sources:**\n\n"
            + "- Water board notice, https://water.example.org/n/7\n- [Mayor's statement](https://town.example/m)\n\n## Later\n\nMore."
        let document = try readMarkdown(markdown)
        #expect(
            rows(document) == [
                ["title", "-", "-", "Dam Opens"], ["lede", "-", "-", "The dam opened on Friday."], ["heading", "2", "-", "Reaction"],
                ["paragraph", "-", "-", "Farmers cheered."], ["heading", "3", "-", "Sources:"],
                ["sources-section", "-", "Sources:", "Water board notice, https://water.example.org/n/7"],
                ["sources-section", "-", "Sources:", "Mayor's statement"], ["heading", "2", "-", "Later"],
                ["paragraph", "-", "-", "More."],
            ])
        #expect(document.links.map(\.origin) == [.sourcesSection, .sourcesSection])
        #expect(document.links.map { $0.url ?? "-" } == ["https://water.example.org/n/7", "https://town.example/m"])
        expectWellFormed(document)
    }

    @Test("'Sources: Reuters, AP' and 'References: https://…' paragraphs: the heading and its first entry share the line")
    func inlineSourcesParagraph() throws {
        let document = try readMarkdown("The vote was close.\n\nSources: Reuters, AP\n\nA council clerk")
        #expect(
            rows(document) == [
                ["lede", "-", "-", "The vote was close."], ["heading", "2", "-", "Sources:"],
                ["sources-section", "-", "Sources:", "Reuters, AP"],
                ["sources-section", "-", "Sources:", "A council clerk"],
            ])
        #expect(document.links.map(\.text) == ["Reuters, AP", "A council clerk"])
        let linked = try readMarkdown("The vote was close.\n\nreferences: <https://vote.example/r/1>")
        #expect(rows(linked).map { $0[0] } == ["lede", "heading", "sources-section"])
        #expect(linked.links.map { $0.url ?? "-" } == ["https://vote.example/r/1"])
        #expect(linked.links.map(\.origin) == [.sourcesSection])
        expectWellFormed(document)
        expectWellFormed(linked)
    }

    @Test("a paragraph that only starts with the word 'Sources', or reports what sources said, stays a paragraph")
    func sourcesWordInProse() throws {
        let document = try readMarkdown("The vote was close.\n\nSources said the count took hours.")
        #expect(document.blocks.map(\.kind) == [.lede, .paragraph])
        let reporting = try readMarkdown(
            "The vote was close.\n\nSources: two officials who were in the room said the count had taken more than four hours to finish.")
        #expect(reporting.blocks.map(\.kind) == [.lede, .paragraph])
    }

    @Test("the sources section ends at the next heading of the same level, and configured headings open it")
    func sourcesSectionBounds() throws {
        let markdown =
            "Lede.\n\n## References:\n\nA report, www.example.org/r\n\n### Sub\n\n- An entry\n\n## After\n\nMore text [here](https://h.example/)."
        let document = try readMarkdown(markdown)
        #expect(
            rows(document) == [
                ["lede", "-", "-", "Lede."], ["heading", "2", "-", "References:"],
                ["sources-section", "-", "References:", "A report, www.example.org/r"], ["heading", "3", "-", "Sub"],
                ["sources-section", "-", "References:", "An entry"], ["heading", "2", "-", "After"],
                ["paragraph", "-", "-", "More text here."],
            ])
        #expect(document.links.map(\.origin) == [.sourcesSection, .sourcesSection, .hyperlink])
        #expect(document.links.first?.url == "https://www.example.org/r")
        var options = MarkdownReader.Options()
        options.sourcesHeadings = ["Quellen"]
        #expect(rows(try readMarkdown("Lede.\n\n## Quellen\n\n- Amt für Statistik", options: options)).last?[0] == "sources-section")
        #expect(rows(try readMarkdown("Lede.\n\n## Quellen\n\n- Amt für Statistik")).last?[0] == "list-item")
    }

    @Test("front matter: author as one string, dates under their other names, canonical and language")
    func frontMatterSpellings() throws {
        let document = try readMarkdown(
            "---\ntitle: \"Quoted: title\"\nauthor: Ada Ndiaye\npublisher: Coastal Times\npublished: 2025-01-02\nmodified: 2025-01-03\ncanonical: https://c.example/x\nlanguage: fr\n---\nBody."
        )
        #expect(
            document.metadata
                == Metadata(
                    title: "Quoted: title", authors: ["Ada Ndiaye"], publisher: "Coastal Times", published: "2025-01-02",
                    modified: "2025-01-03",
                    url: "https://c.example/x", language: "fr"))
        #expect(document.blocks.map(\.kind) == [.lede])
    }

    @Test("a --- line followed by a blank line is a thematic break, not front matter")
    func thematicBreakAtTop() throws {
        let document = try readMarkdown("---\n\nJust text: with a colon.\n")
        #expect(document.text == "Just text: with a colon.")
        #expect(document.metadata == Metadata())
    }

    @Test("an empty front matter is allowed; CRLF line breaks and a byte-order mark are read")
    func crlfAndBOM() throws {
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append(Data("---\r\ntitle: Windows\r\n---\r\n# Heading\r\n\r\nBody line.\r\n".utf8))
        let document = try readMarkdown(data)
        #expect(document.text == "Heading\n\nBody line.")
        #expect(document.metadata.title == "Windows")
    }
}

@Suite("Markdown reader: front matter errors name the position in the whole file")
struct MarkdownFrontMatterErrorTests {
    static let cases: [(String, String, String)] = [
        ("---\ntitle: [a, b]\n---\nBody", "E443", "story.md:2:8: expected text for 'title', found a list"),
        (
            "---\ntitle: ok\nauthors: {x: 1}\n---\nBody", "E443",
            "story.md:3:10: expected a name or a list of names for 'authors', found a mapping"
        ),
        ("---\n'title: quoted whole'\n---\nBody", "E443", "story.md:2:1: the front matter must be a mapping"),
        ("---\ntitle: ok\nBody without a closing line\n", "E444", "story.md:1:1: the front matter opened here is never closed"),
        ("---\ntitle: a\ntitle: b\n---\nBody", "E442", "story.md:3:1: the front matter is not valid YAML"),
        ("---\ntitle: a\n  bad: indent\n---\nBody", "E442", "story.md:3:6: the front matter is not valid YAML"),
        ("---\ntitle: ok\nlist: [1, 2\nnext: x\n---\nBody", "E442", "story.md:4:5: the front matter is not valid YAML"),
    ]

    @Test("each malformed front matter gives its code and file:line:column", arguments: cases)
    func malformed(source: String, code: String, prefix: String) {
        let error = componentError { try readMarkdown(source) }
        #expect(error?.code == code)
        #expect(error?.message.hasPrefix(prefix) == true, "\(error?.message ?? "no error")")
    }
}

@Suite("Markdown reader: bad input never crashes")
struct MarkdownBadInputTests {
    static var invalid: [(String, Data, String)] {
        var junk = Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) })
        junk[0] = 0xFF
        return [
            ("empty", Data(), "E440"),
            ("blank lines", Data("  \n\n\t\n".utf8), "E440"),
            ("front matter only", Data("---\ntitle: Only\n---\n".utf8), "E440"),
            ("raw HTML only", Data("<!-- nothing -->\n<div></div>\n".utf8), "E440"),
            ("binary junk", junk, "E441"),
            ("a NUL byte", Data("abc\u{0}def".utf8), "E441"),
            ("invalid UTF-8 inside", Data([0x43, 0x61, 0x66, 0xC3, 0x28, 0x0A]), "E441"),
        ]
    }

    @Test("empty, binary and non-UTF-8 inputs are errors with stable codes", arguments: invalid)
    func invalidInputs(label: String, data: Data, code: String) {
        let error = componentError { try readMarkdown(data) }
        #expect(error?.code == code, "\(label): \(error?.message ?? "")")
    }

    @Test("a 50 MB input is refused before parsing, and the limit is an option")
    func hugeInput() throws {
        let big = Data(repeating: UInt8(ascii: "a"), count: 50 * 1024 * 1024)
        let error = componentError { try readMarkdown(big) }
        #expect(error?.code == "E445")
        #expect(error?.message.contains("'maxBytes'") == true)
        var options = MarkdownReader.Options()
        options.maxBytes = 10
        #expect(componentError { try readMarkdown("Eleven bytes", options: options) }?.code == "E445")
    }

    @Test("10,000 nested block quotes give one quote, without exhausting the stack")
    func deepQuotes() throws {
        let document = try readMarkdown(String(repeating: "> ", count: 10_000) + "deep")
        #expect(rows(document) == [["block-quote", "-", "-", "deep"]])
    }

    @Test("10,000 nested lists give a list item at depth 10,000")
    func deepLists() throws {
        let document = try readMarkdown(String(repeating: "- ", count: 10_000) + "deep")
        #expect(rows(document) == [["list-item", "10000", "-", "deep"]])
    }

    @Test("10,000 unclosed brackets and emphasis markers stay literal text")
    func pathologicalInlines() throws {
        // Every `*` here opens and none closes, so nothing is emphasis and nothing is removed.
        let source = String(repeating: "[", count: 10_000) + "x " + String(repeating: "*a ", count: 10_000)
        let document = try readMarkdown(source)
        #expect(document.text == source.trimmingCharacters(in: .whitespaces))
        #expect(document.links.isEmpty)
    }

    @Test("unusable options are refused with the option named")
    func badOptions() {
        var options = MarkdownReader.Options()
        options.sourcesHeadings = ["Sources", " "]
        #expect(componentError { try MarkdownReader(options: options) }?.option == "sourcesHeadings")
        options = MarkdownReader.Options()
        options.maxBytes = 0
        let error = componentError { try MarkdownReader(options: options) }
        #expect(error?.option == "maxBytes")
        #expect(error?.code == "E446")
        options.maxBytes = 1 << 31
        let tooLarge = componentError { try MarkdownReader(options: options) }
        #expect(tooLarge?.option == "maxBytes")
        #expect(
            tooLarge?.message
                == "'maxBytes' is '2147483648', more than the largest document Dossier can hold (2147483647); split the input")
    }
}

@Suite("Markdown reader: sniffing")
struct MarkdownSniffTests {
    static let cases: [(String, Bool)] = [
        ("---\ntitle: x\n---\nBody", true),
        ("# A heading\n\nText", true),
        ("Some text with [a link](https://x.example).", true),
        ("Intro\n\n```\ncode\n```", true),
        ("[Link first](https://x.example) at the start", true),
        ("Plain text.\n\nAnother paragraph with a * star and - dash.", false),
        ("#hashtag at the start of a tweet", false),
        ("- a plain list\n- of things", false),
        ("{\"title\": \"json\"}", false),
        ("<html><body>x</body></html>", false),
        ("[1, 2, 3]", false),
        ("", false),
    ]

    @Test("front matter, ATX headings, links and fences are Markdown; plain text, JSON and HTML are not", arguments: cases)
    func sniff(head: String, expected: Bool) {
        #expect(MarkdownReader.sniff(Data(head.utf8)) == expected)
    }
}

extension JSONValue {
    /// The keys, when this is an object.
    var objectKeys: [String]? {
        guard case .object(let pairs) = self else { return nil }
        return pairs.map(\.key)
    }
}
