import DossierCore
import DossierReaders
import DossierTestSupport
import Foundation
import Testing

/// Reads `data` with the `json` reader.
func readJSON(
    _ data: Data, options: JSONReader.Options = JSONReader.Options(), id: String = "j", name: String = "feed.json"
) throws -> [Document] {
    try JSONReader(options: options).read(Input(id: id, name: name, data: data))
}

/// Reads `json` text with the `json` reader.
func readJSON(
    _ json: String, options: JSONReader.Options = JSONReader.Options(), id: String = "j", name: String = "feed.json"
) throws -> [Document] {
    try readJSON(Data(json.utf8), options: options, id: id, name: name)
}

/// The mapping the wire fixture needs, written as a pipeline file would give it: one path or a list per field.
func wireOptions() throws -> JSONReader.Options {
    let value: JSONValue = .object([
        ("itemsPath", .string("response.docs")),
        (
            "fields",
            .object([
                ("id", .string("uid")), ("title", .string("meta.headline")), ("text", .array([.string("story")])),
                ("authors", .string("meta.author")), ("published", .string("meta.published")),
                ("publisher", .string("meta.section.publisher")),
            ])
        ),
    ])
    return try ValueOptionsDecoder(value).decode(JSONReader.Options.self)
}

@Suite("JSON reader: Dossier documents")
struct JSONReaderDossierTests {
    @Test("an input larger than maxBytes fails with E462 before it is parsed, saying JSON Lines reads a line at a time")
    func tooLarge() throws {
        let json = #"[{"title": "Harbour dues rise", "text": "The port raised its dues by 4 percent on Monday."}]"#
        var options = JSONReader.Options()
        #expect(options.maxBytes == 256 << 20)
        options.maxBytes = json.utf8.count - 1
        let error = componentError { try readJSON(json, options: options) }
        #expect(error?.code == "E462")
        #expect(error?.message.contains("JSON Lines") == true)
        options.maxBytes = json.utf8.count
        #expect(try readJSON(json, options: options).count == 1)
        options.maxBytes = -1
        let bad = componentError { try JSONReader(options: options) }
        #expect(bad?.code == "E455" && bad?.option == "maxBytes")
    }

    @Test("a document with every layer comes back equal from what the json exporter writes, pretty or compact")
    func roundTrip() throws {
        let original = SampleDocuments.full
        for pretty in [true, false] {
            var data = try original.jsonData(pretty: pretty)
            data.append(UInt8(ascii: "\n"))
            let documents = try readJSON(data, id: "ignored", name: "out/riverton.json")
            #expect(documents == [original])
            #expect(try documents[0].jsonData(pretty: pretty) == original.jsonData(pretty: pretty), "byte-for-byte")
        }
        #expect(!original.annotations.nonEmptyLayers.isEmpty)
    }

    @Test("Dossier documents inside an array are read as documents too")
    func documentsInArray() throws {
        let one = SampleDocuments.full
        var two = SampleDocuments.read
        two.id = "second"
        let array =
            "[" + String(decoding: try one.jsonData(pretty: false), as: UTF8.self) + ","
            + String(decoding: try two.jsonData(), as: UTF8.self) + "]"
        #expect(try readJSON(array) == [one, two])
    }

    @Test("a Dossier document whose ranges do not fit is E453, naming the document error")
    func brokenDossierDocument() throws {
        var object = try #require(try JSONSerialization.jsonObject(with: SampleDocuments.read.jsonData()) as? [String: Any])
        object["text"] = "too short"
        let error = componentError { try readJSON(try JSONSerialization.data(withJSONObject: object)) }
        #expect(error?.code == "E453")
        #expect(error?.message.contains("E705") == true, "\(error?.message ?? "")")
        object["text"] = SampleDocuments.text
        object["version"] = 99
        #expect(componentError { try readJSON(try JSONSerialization.data(withJSONObject: object)) }?.message.contains("E703") == true)
    }
}

@Suite("JSON reader: generic article JSON")
struct JSONReaderMappingTests {
    @Test("the wire fixture through nested dotted paths: ids, titles, authors, dates, publisher")
    func wireMetadata() throws {
        let documents = try readJSON(
            try Fixtures.data("wire-articles.json"), options: try wireOptions(), id: "wire", name: "wire-articles.json")
        #expect(documents.map(\.id) == ["wire-001", "1002", "wire-3"])
        #expect(
            documents[0].metadata
                == Metadata(
                    title: "Drought forces Lake Veyra to lowest level in 40 years", authors: ["Élodie Marchand"], publisher: "Alpine Wire",
                    published: "2025-08-19", url: "https://alpinewire.example/2025/08/lake-veyra"))
        #expect(documents[1].metadata.authors == ["Jonas Weiß", "Carla Bianchi"])
        #expect(documents[1].metadata.published == "2025-08-20T06:00:00Z")
        #expect(documents.allSatisfy { $0.origin == "wire-articles.json" && $0.reader == JSONReader.provenance })
    }

    @Test("a plain body becomes title, lede and paragraphs; a first paragraph repeating the headline is dropped")
    func wireBlocks() throws {
        let documents = try readJSON(try Fixtures.data("wire-articles.json"), options: try wireOptions())
        #expect(
            rows(documents[0]) == [
                ["title", "-", "-", "Drought forces Lake Veyra to lowest level in 40 years"],
                ["lede", "-", "-", "Lake Veyra fell to 312.4 metres on Monday, the regional water office said — its lowest since 1985."],
                [
                    "paragraph", "-", "-",
                    "Boat operators have cancelled “at least half” of their summer tours. Data: https://water.example/veyra/levels",
                ],
            ])
        #expect(
            documents[0].links == [
                Link(
                    url: "https://water.example/veyra/levels", text: "https://water.example/veyra/levels",
                    range: TextRange(start: 230, end: 264), origin: .hyperlink)
            ])
        // Without blank lines, each line of the body is a paragraph.
        #expect(
            rows(documents[1]) == [
                ["title", "-", "-", "Night trains return to the Brenner line"],
                ["lede", "-", "-", "Overnight services between Munich and Verona resume in December 🚆."],
                ["paragraph", "-", "-", "Tickets go on sale next week."],
            ])
        expectWellFormed(documents[0])
        expectWellFormed(documents[1])
    }

    @Test("exact scalar ranges with accents, curly quotes and emoji in a mapped article")
    func exactRanges() throws {
        let documents = try readJSON(#"{"title": "Ça va “bien” 👍", "text": "  Première   ligne.\n\nZoë said “ok” 🇫🇷.  "}"#)
        let document = try #require(documents.first)
        #expect(document.text == "Ça va “bien” 👍\n\nPremière ligne.\n\nZoë said “ok” 🇫🇷.")
        #expect(
            document.blocks == [
                Block(kind: .title, range: TextRange(start: 0, end: 14)), Block(kind: .lede, range: TextRange(start: 16, end: 31)),
                Block(kind: .paragraph, range: TextRange(start: 33, end: 50)),
            ])
        #expect(document.id == "j", "a single object without an id field takes the input's id")
    }

    @Test("an HTML body: blocks at block elements, links with ranges resolved against the url, images, no scripts")
    func htmlBody() throws {
        let json = #"""
            {"headline": "Harbour “opens”", "url": "https://port.example/news/2025/harbour",
             "html": "<h1>Harbour “opens”</h1><p>The new <a href=\"/docs/plan.pdf\">harbour <b>plan</b></a> is out.<br>Second   line.</p><script>track()</script><h2>Details</h2><ul><li>Berths: 12<ul><li>deep-water: 4</li></ul></li></ul><blockquote><p>“Finally,” said a pilot.</p></blockquote><figure><img src=\"img/quay.jpg\" alt=\"The quay\"><figcaption>The quay at dawn</figcaption></figure>"}
            """#
        let document = try #require(try readJSON(json).first)
        #expect(
            rows(document) == [
                ["title", "-", "-", "Harbour “opens”"], ["lede", "-", "-", "The new harbour plan is out.\nSecond line."],
                ["heading", "2", "-", "Details"],
                ["list-item", "1", "-", "Berths: 12"], ["list-item", "2", "-", "deep-water: 4"],
                ["block-quote", "-", "-", "“Finally,” said a pilot."],
                ["caption", "-", "-", "The quay at dawn"],
            ])
        #expect(
            document.links == [
                Link(
                    url: "https://port.example/docs/plan.pdf", text: "harbour plan", range: TextRange(start: 25, end: 37),
                    origin: .hyperlink),
                Link(url: "https://port.example/news/2025/img/quay.jpg", text: "The quay", range: nil, origin: .image),
            ])
        expectWellFormed(document)
    }

    @Test("a text field holding HTML is read as HTML unless detectHTML is off; an h1 becomes the missing title")
    func htmlInTextField() throws {
        let json = #"{"content": "<h1>Found</h1><p>Body <i>text</i>.</p>"}"#
        #expect(rows(try #require(try readJSON(json).first)) == [["title", "-", "-", "Found"], ["lede", "-", "-", "Body text."]])
        #expect(try readJSON(json).first?.metadata.title == "Found")
        var options = JSONReader.Options()
        options.detectHTML = false
        #expect(try readJSON(json, options: options).first?.text == "<h1>Found</h1><p>Body <i>text</i>.</p>")
    }

    @Test("wrappers are found by name, items get <input id>-<n>, and mapped ids win")
    func wrappersAndIDs() throws {
        let json = #"{"status": "ok", "articles": [{"title": "A", "body": "a"}, {"id": "x-9", "title": "B", "body": "b"}]}"#
        #expect(try readJSON(json).map(\.id) == ["j-1", "x-9"])
        #expect(try readJSON(#"[{"title": "A"}, {"title": "B"}]"#).map(\.id) == ["j-1", "j-2"])
        #expect(try readJSON(#"{"data": [{"headline": "H", "articleBody": "Text."}]}"#).first?.text == "H\n\nText.")
    }

    @Test("default field names cover schema.org and NewsAPI shapes")
    func defaultFields() throws {
        let json = #"""
            {"headline": "Schema", "articleBody": "Body.", "datePublished": "2025-02-01", "dateModified": "2025-02-02",
             "author": {"@type": "Person", "name": "Kim Lee"}, "publisher": {"name": "Daily"}, "inLanguage": "ko", "source": {"name": "ignored"}}
            """#
        let document = try #require(try readJSON(json).first)
        #expect(
            document.metadata
                == Metadata(
                    title: "Schema", authors: ["Kim Lee"], publisher: "Daily", published: "2025-02-01", modified: "2025-02-02",
                    language: "ko"))
    }

    @Test("a field path can index a list and map over one")
    func pathForms() throws {
        var options = JSONReader.Options()
        options.fields.title = ["versions.1.title"]
        options.fields.authors = ["credits.person"]
        let json =
            #"{"versions": [{"title": "Old"}, {"title": "New"}], "credits": [{"person": "Ana"}, {"role": "photo"}, {"person": "Bo"}], "text": "T."}"#
        let document = try #require(try readJSON(json, options: options).first)
        #expect(document.metadata.title == "New")
        #expect(document.metadata.authors == ["Ana", "Bo"])
    }

    @Test("a bad item is skipped and reported; the input fails only when no item can be read")
    func skippedItems() throws {
        let json = #"[{"title": "Good"}, 42, {"unrelated": true}, {"title": "Also good"}]"#
        let report = try JSONReader().readReport(Input(id: "j", name: "feed.json", data: Data(json.utf8)))
        #expect(report.documents.map(\.id) == ["j-1", "j-4"])
        #expect(report.skipped.map(\.position) == [2, 3])
        #expect(report.skipped.map(\.error.code) == ["E452", "E454"])
        #expect(report.skipped[1].error.message.hasPrefix("item 3 of 'feed.json': the article has no title or text"))
        #expect(try readJSON(json).count == 2)
        let allBad = componentError { try readJSON(#"[{"a": 1}, {"b": 2}]"#) }
        #expect(allBad?.code == "E454")
        #expect(allBad?.message.hasPrefix("none of the 2 items of 'feed.json' could be read") == true)
        #expect(allBad?.message.contains("its keys are 'a'") == true)
    }

    @Test("an explicit items path that is missing or not a list is E452 naming the option")
    func itemsPathErrors() throws {
        var options = JSONReader.Options()
        options.itemsPath = "response.missing"
        let missing = componentError { try readJSON(try Fixtures.data("wire-articles.json"), options: options) }
        #expect(missing?.code == "E452")
        #expect(missing?.option == "itemsPath")
        #expect(missing?.message.contains("'response', 'status'") == true)
        options.itemsPath = "response.total"
        #expect(
            componentError { try readJSON(try Fixtures.data("wire-articles.json"), options: options) }?.message.contains("a number") == true
        )
    }

    @Test("paths with empty segments are refused when the reader is made")
    func badOptions() {
        var options = JSONReader.Options()
        options.fields.title = ["meta..title"]
        let error = componentError { try JSONReader(options: options) }
        #expect(error?.code == "E455")
        #expect(error?.option == "fields.title")
        options = JSONReader.Options()
        options.itemsPath = "a."
        #expect(componentError { try JSONReader(options: options) }?.option == "itemsPath")
    }
}

@Suite("JSON reader: bad input never crashes")
struct JSONReaderBadInputTests {
    static var invalid: [(String, Data, String, String)] {
        var junk = Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) })
        junk[0] = 0x7B
        return [
            ("empty", Data(), "E450", "is empty"),
            ("whitespace", Data(" \n\t ".utf8), "E450", "is empty"),
            ("empty list", Data("[]".utf8), "E450", "holds no articles"),
            ("binary junk", junk, "E451", "is not valid JSON"),
            ("invalid UTF-8", Data([0x7B, 0x22, 0x74, 0xFF, 0x22, 0x3A, 0x31, 0x7D]), "E451", "UTF-8"),
            ("truncated", Data(#"{"title": "Cut", "text": "half a sent"#.utf8), "E451", "truncated"),
            ("syntax error on line 2", Data("{\"title\": \"x\",\n  \"text\": tru }".utf8), "E451", "line 2"),
            ("a bare string", Data(#""just a string""#.utf8), "E451", "is not valid JSON"),
            (
                "10,000 nested lists", Data((String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)).utf8), "E451",
                "nested"
            ),
            (
                "10,000 nested objects",
                Data((String(repeating: "{\"a\":", count: 10_000) + "1" + String(repeating: "}", count: 10_000)).utf8), "E451", "nested"
            ),
            (
                "HTML nested 10,000 deep", Data(("{\"html\": \"" + String(repeating: "<div>", count: 10_000) + "x\"}").utf8), "E456",
                "256 deep"
            ),
        ]
    }

    @Test(
        "a lone surrogate escape and an out-of-range number are named with their line and column",
        arguments: [
            (
                "{\"title\": \"x\",\n \"text\": \"a \\ud800 b\"}", "E451",
                "input 'in.json' is not valid JSON: the escape '\\ud800' at line 2, column 13 is a lone surrogate, half of a UTF-16 pair without its other half; write the character itself or both halves of its pair"
            ),
            (
                "{\"title\": \"\\\\ud800 \\ud83d\\ude00 \\udc00\"}", "E451",
                "input 'in.json' is not valid JSON: the escape '\\udc00' at line 1, column 33 is a lone surrogate, half of a UTF-16 pair without its other half; write the character itself or both halves of its pair"
            ),
            (
                "{\"title\": \"1e400\", \"score\": 1e400}", "E457",
                "input 'in.json' holds the number '1e400' at line 1, column 29, which is out of range (a double holds at most about 1.8e308); write it as a string or as a smaller number"
            ),
            (
                "[{\"title\": \"x\", \"text\": \"y\", \"n\": [1, -2.5E+999]}]", "E457",
                "input 'in.json' holds the number '-2.5E+999' at line 1, column 39, which is out of range (a double holds at most about 1.8e308); write it as a string or as a smaller number"
            ),
        ])
    func positionedMessages(json: String, code: String, message: String) {
        let error = componentError { try JSONReader().read(Input(id: "a", name: "in.json", data: Data(json.utf8))) }
        #expect(error?.code == code)
        #expect(error?.message == message)
    }

    @Test("empty, junk, truncated and too-deep inputs are errors with stable codes", arguments: invalid)
    func invalidInputs(label: String, data: Data, code: String, fragment: String) {
        let error = componentError { try readJSON(data) }
        #expect(error?.code == code, "\(label)")
        #expect(error?.message.contains(fragment) == true, "\(label): \(error?.message ?? "")")
    }

    @Test("a 50 MB array of long articles is read whole")
    func hugeInput() throws {
        let data = hugeArticleDump()
        #expect(data.count >= 50 * 1024 * 1024)
        let documents = try readJSON(data)
        #expect(documents.count == 50)
        #expect(documents.last?.id == "j-50")
        #expect(documents.allSatisfy { $0.blocks.count == 1 + 406 })
    }
}

/// Fifty articles of about a megabyte each, as a JSON array or as JSON Lines.
func hugeArticleDump(lines: Bool = false) -> Data {
    let paragraph = String(repeating: "Filler words for a long body of text. ", count: 68) + "\\n\\n"
    let item = Data(("{\"title\": \"Item\", \"text\": \"" + String(repeating: paragraph, count: 406) + "\"}").utf8)
    var data = Data(lines ? "".utf8 : "[".utf8)
    data.reserveCapacity(item.count * 51)
    for i in 0..<50 {
        if i > 0 { data.append(UInt8(ascii: lines ? "\n" : ",")) }
        data.append(item)
    }
    if !lines { data.append(UInt8(ascii: "]")) }
    return data
}

@Suite("JSON reader: sniffing")
struct JSONReaderSniffTests {
    static let cases: [(String, Bool)] = [
        ("{\"title\": \"x\"}", true),
        ("\u{FEFF}  \n{\n  \"format\": \"dossier\"", true),
        ("{\"a\": 1}\n{\"a\": 2}\n", false),
        ("[{\"a\": 1}]", false),
        ("# Markdown", false),
        ("", false),
    ]

    @Test("an object opens JSON; JSON Lines, arrays and text do not", arguments: cases)
    func sniff(head: String, expected: Bool) {
        #expect(JSONReader.sniff(Data(head.utf8)) == expected)
    }
}
