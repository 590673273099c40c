import DossierCore
import DossierReaders
import DossierTestSupport
import Foundation
import Testing

/// Reads `text` with the `text` reader and returns its single document.
func readText(_ text: String, options: TextReader.Options = TextReader.Options(), name: String = "article.txt") throws -> Document {
    let documents = try TextReader(options: options).read(Input(id: "a1", name: name, data: Data(text.utf8)))
    try #require(documents.count == 1)
    return documents[0]
}

/// The blocks of `document` as (kind, text, label) triples, for whole-value comparison.
func outline(_ document: Document) -> [[String]] {
    document.blocks.map { [$0.kind.rawValue, document.text(in: $0.range), $0.label ?? "-"] }
}

@Suite("Text reader: structure of sample articles")
struct TextReaderStructureTests {
    @Test("the harbour story yields title, byline, lede, labelled list, headings, embed and sources")
    func harbourStory() throws {
        let document = try readText(try Fixtures.text("harbour-bridge.txt"), name: "harbour-bridge.txt")
        #expect(
            outline(document) == [
                ["title", "Harbour Bridge to Close for Three Weeks of Repairs", "-"],
                ["byline", "By Maren Holt and Tomasz Wierzba", "-"],
                [
                    "lede",
                    "The Kestrel Harbour bridge will close to all traffic from Monday while engineers replace corroded cables, city officials said on Thursday.",
                    "-",
                ],
                ["heading", "Key Points", "-"],
                ["list-item", "The bridge closes at 6 a.m. on Monday, March 3.", "Key Points"],
                ["list-item", "A free ferry will run every 20 minutes.", "Key Points"],
                ["list-item", "Cyclists can use the temporary pontoon path.", "Key Points"],
                ["heading", "Why the Work Is Needed", "-"],
                [
                    "paragraph",
                    "Inspectors found rust on 14 of the 96 suspension cables in January. “We cannot wait for another winter,” said Dr. Ines Falk, the city’s chief engineer. She put the cost at $4.2 million, about 30% more than the 2019 estimate.",
                    "-",
                ],
                ["paragraph", "Residents on the east bank will feel it most 🚧. Shops near St. Aldric Square expect fewer visitors.", "-"],
                ["heading", "What Happens Next", "-"],
                [
                    "paragraph",
                    "The council will publish a detour map at https://kestrel.example.gov/detours this week. Updates will follow on the harbour authority’s website.",
                    "-",
                ],
                [
                    "embedded-post",
                    "Ferry timetable confirmed for the closure. Stay safe, everyone! https://t.co/Hb7Kq2xZpd\n— Kestrel Harbour Authority (@KestrelHarbour) February 27, 2025",
                    "-",
                ],
                ["heading", "Sources:", "-"],
                ["sources-section", "Kestrel City Council, bridge maintenance notice, https://kestrel.example.gov/notices/4471", "-"],
                ["sources-section", "Harbour Authority press briefing, 27 February 2025", "-"],
            ])
        #expect(document.metadata.title == "Harbour Bridge to Close for Three Weeks of Repairs")
        #expect(document.metadata.authors == ["Maren Holt", "Tomasz Wierzba"])
        #expect(document.id == "a1")
        #expect(document.origin == "harbour-bridge.txt")
        #expect(document.reader == TextReader.provenance)
        #expect(document.blocks(of: .heading).allSatisfy { $0.level == 1 })
    }

    @Test("the harbour story's links: a hyperlink, an embed and two sources, each at its text")
    func harbourLinks() throws {
        let document = try readText(try Fixtures.text("harbour-bridge.txt"))
        let summary = document.links.map { [$0.origin.rawValue, $0.url ?? "-", $0.text] }
        #expect(
            summary == [
                ["hyperlink", "https://kestrel.example.gov/detours", "https://kestrel.example.gov/detours"],
                ["embed", "https://t.co/Hb7Kq2xZpd", "https://t.co/Hb7Kq2xZpd"],
                [
                    "sources-section", "https://kestrel.example.gov/notices/4471",
                    "Kestrel City Council, bridge maintenance notice, https://kestrel.example.gov/notices/4471",
                ],
                ["sources-section", "-", "Harbour Authority press briefing, 27 February 2025"],
            ])
        for link in document.links {
            let range = try #require(link.range)
            #expect(document.text(in: range) == link.text)
        }
    }

    @Test("an article without title or list: byline, dateline, a long lede and a bare www link")
    func stormStory() throws {
        let document = try readText(try Fixtures.text("storm-outage.txt"))
        #expect(
            outline(document) == [
                ["byline", "By Ola Brandt", "-"],
                ["dateline", "LUNDHAVEN, Norway (Fjord Wire)", "-"],
                [
                    "lede",
                    "A storm knocked out power to about 12,000 homes overnight, and crews expect most of them to be reconnected by Sunday evening.",
                    "-",
                ],
                [
                    "paragraph",
                    "The utility said its line teams had worked through the night. Some villages in the hills may wait until Tuesday, a spokesperson said, because the access roads are still blocked by fallen trees.",
                    "-",
                ],
                [
                    "paragraph",
                    "Schools in the district will open as normal on Monday. Parents were asked to check the county website at www.lundhaven-county.example.no/schools before leaving home.",
                    "-",
                ],
            ])
        #expect(document.metadata.title == nil)
        #expect(document.metadata.authors == ["Ola Brandt"])
        #expect(document.links.map(\.url) == ["https://www.lundhaven-county.example.no/schools"])
        #expect(document.links.map(\.origin) == [.hyperlink])
    }

    @Test("a first line that is a full sentence is not a title, and a short paragraph is not a lede")
    func noTitle() throws {
        let document = try readText("Rain fell.\n\nIt stopped at noon.\n")
        #expect(outline(document) == [["paragraph", "Rain fell.", "-"], ["paragraph", "It stopped at noon.", "-"]])
        #expect(document.metadata.title == nil)
    }

    @Test("numbered lists, Markdown headings and a short line ending in a colon before a list")
    func listsAndMarkdown() throws {
        let text = """
            # Budget Vote Delayed

            The vote on the city budget moved to next week after a long debate on Tuesday night.

            ## Reactions From the Floor

            What members asked for:
            1. A new audit of the ferry contract
            2) More money for road repairs
            """
        let document = try readText(text)
        #expect(
            outline(document) == [
                ["title", "Budget Vote Delayed", "-"],
                ["lede", "The vote on the city budget moved to next week after a long debate on Tuesday night.", "-"],
                ["heading", "Reactions From the Floor", "-"],
                ["heading", "What members asked for:", "-"],
                ["list-item", "A new audit of the ferry contract", "What members asked for"],
                ["list-item", "More money for road repairs", "What members asked for"],
            ])
        #expect(document.blocks[2].level == 2)
    }

    @Test("a lowercase short line is no heading before a paragraph, and heading detection can be switched off")
    func headingRules() throws {
        let text =
            "Opening Night Plans\n\nThe theatre reopens on Friday with a new play.\n\nnot a heading here\n\nThe cast rehearsed for six weeks before the premiere.\n\nLate Changes\n\nTwo roles were recast after the first week of rehearsals.\n"
        let document = try readText(text)
        #expect(document.blocks.map(\.kind) == [.title, .lede, .paragraph, .paragraph, .heading, .paragraph])
        var options = TextReader.Options()
        options.detectHeadings = false
        let plain = try readText(text, options: options)
        #expect(plain.blocks.map(\.kind) == [.title, .lede, .paragraph, .paragraph, .paragraph, .paragraph])
    }

    @Test("a short title-cased question heads a section; a question in sentence case stays a paragraph")
    func questionHeadings() throws {
        let text = """
            Market Hall Reopens After Repairs
            The market hall reopened on Saturday after eight months of repairs to its roof.
            Who Pays the Bill?
            The city will cover most of the cost, with the traders' association paying the rest.
            What happens to the temporary stalls?
            They will stay on the square until the end of the month, the council said.
            """
        let document = try readText(text)
        #expect(document.blocks.map(\.kind) == [.title, .lede, .heading, .paragraph, .paragraph, .paragraph])
        #expect(document.text(in: document.blocks[2].range) == "Who Pays the Bill?")
    }

    @Test("'Sources: Reuters, AP' on one line is the heading and the first entry, as in the markdown reader")
    func inlineSourcesLine() throws {
        let text =
            "The vote was close, the clerk said on Friday evening.\n\n"
            + "Sources: Reuters, AP\nCouncil minutes https://town.example/m/3\n"
        let document = try readText(text)
        #expect(
            outline(document) == [
                ["paragraph", "The vote was close, the clerk said on Friday evening.", "-"], ["heading", "Sources:", "-"],
                ["sources-section", "Reuters, AP", "-"], ["sources-section", "Council minutes https://town.example/m/3", "-"],
            ])
        #expect(document.links.map { $0.url ?? "-" } == ["-", "https://town.example/m/3"])
        let prose = try readText("The vote was close.\n\nSources said the count took hours.")
        #expect(outline(prose).map { $0[0] } == ["paragraph", "paragraph"])
        let reporting = try readText(
            "The vote was close.\n\n"
                + "Sources: two officials who were in the room said the count had taken more than four hours to finish.\nMore.")
        #expect(!reporting.blocks.contains { $0.kind == .heading || $0.kind == .sourcesSection }, "\(outline(reporting))")
    }

    @Test("configured sources headings open the section, with or without a colon")
    func configuredSourcesHeading() throws {
        var options = TextReader.Options()
        options.sourcesHeadings = ["Further reading"]
        let text =
            "Tides rose higher than forecast on Sunday, the coastguard said.\n\nFURTHER READING\n- Coastguard bulletin https://coast.example.org/b/12\n"
        let document = try readText(text, options: options)
        #expect(document.blocks.map(\.kind) == [.paragraph, .heading, .sourcesSection])
        #expect(document.links.map(\.origin) == [.sourcesSection])
        #expect(document.links.first?.text == "Coastguard bulletin https://coast.example.org/b/12")
        #expect(document.links.first?.url == "https://coast.example.org/b/12")
    }

    @Test("an attribution in its own paragraph marks the post above it and itself as embedded")
    func separatedEmbed() throws {
        let text =
            "Ferry Service Resumes\n\nThe ferry resumed service on Monday after repairs.\n\nBack on the water! pic.twitter.com/Xy12Ab\n\n- Island Ferries (@islandferries) June 2, 2024\n\nPassengers welcomed the news.\n"
        let document = try readText(text)
        #expect(document.blocks.map(\.kind) == [.title, .lede, .embeddedPost, .embeddedPost, .paragraph])
        #expect(document.links.map(\.url) == ["https://pic.twitter.com/Xy12Ab"])
        #expect(document.links.map(\.origin) == [.embed])
    }
}

@Suite("Text reader: canonical text and offsets")
struct TextReaderOffsetTests {
    @Test("CRLF becomes LF, a BOM and trailing spaces go, blank-line runs collapse")
    func normalisation() throws {
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append(Data("\r\n\r\nFirst line.   \r\n\r\n\r\n\r\n  Second line.\t\r\n\r\n".utf8))
        let document = try TextReader().read(Input(id: "n", name: "n.txt", data: data))[0]
        #expect(document.text == "First line.\n\n  Second line.")
        #expect(outline(document) == [["paragraph", "First line.", "-"], ["paragraph", "Second line.", "-"]])
    }

    @Test("block ranges are Unicode scalar offsets, past curly quotes, accents and emoji")
    func scalarOffsets() throws {
        let text = "Café “Owl” Reopens 🦉\n\nThe café’s owner, Zoë, said “we’re back” 🎉 on Friday morning to a queue of regulars.\n"
        let document = try readText(text)
        #expect(document.blocks.map(\.kind) == [.title, .lede])
        let lede = document.blocks[1].range
        // Counted independently: the title's scalars, the newline pair, then the lede's own scalars.
        let titleScalars = "Café “Owl” Reopens 🦉".unicodeScalars.count
        #expect(lede.start == titleScalars + 2)
        #expect(
            lede.end == lede.start
                + "The café’s owner, Zoë, said “we’re back” 🎉 on Friday morning to a queue of regulars.".unicodeScalars.count)
        #expect(document.blocks[0].range == TextRange(start: 0, end: titleScalars))
    }

    @Test("every block range is trimmed, inside the text, ordered and free of list markers")
    func rangeInvariants() throws {
        for name in ["harbour-bridge.txt", "storm-outage.txt"] {
            let document = try readText(try Fixtures.text(name))
            var previousEnd = 0
            for block in document.blocks {
                let text = document.text(in: block.range)
                #expect(block.range.start >= previousEnd && block.range.end <= document.length)
                #expect(!text.isEmpty && text.first?.isWhitespace == false && text.last?.isWhitespace == false)
                #expect(!(block.kind == .listItem && (text.hasPrefix("-") || text.hasPrefix("•"))))
                previousEnd = block.range.end
            }
        }
    }

    @Test("invalid UTF-8 throws E410, naming the input and the byte offset")
    func invalidUTF8() throws {
        let input = Input(id: "bad", name: "bad.txt", data: Data([0x48, 0x69, 0x20, 0xC3, 0x28]))
        let error = try #require(throws: ComponentError.self) { try TextReader().read(input) }
        #expect(error.code == "E410")
        #expect(error.message == "input 'bad.txt' is not valid UTF-8 (bad byte at offset 3); convert it to UTF-8 and read it again")
    }

    @Test("an input larger than maxBytes throws E413 before it is decoded")
    func inputOverMaxBytes() throws {
        var options = TextReader.Options()
        options.maxBytes = 16
        let error = try #require(throws: ComponentError.self) { try readText("Seventeen bytes!!", options: options, name: "big.txt") }
        #expect(error.code == "E413")
        #expect(
            error.message
                == "input 'big.txt' has 17 bytes, more than the limit of 16; raise the 'maxBytes' option if it really is one article")
        #expect(try readText("Sixteen bytes!!!", options: options).text == "Sixteen bytes!!!")
        #expect(TextReader.Options().maxBytes == 64 << 20)
    }

    @Test("a maxBytes that is not positive is refused with E414", arguments: [0, -1])
    func maxBytesMustBePositive(value: Int) throws {
        var options = TextReader.Options()
        options.maxBytes = value
        let error = try #require(throws: ComponentError.self) { try TextReader(options: options) }
        #expect(error.code == "E414")
        #expect(error.option == "maxBytes")
    }

    @Test("a maxBytes above the most scalars a document can hold is refused with E414")
    func maxBytesAboveDocumentLimit() throws {
        var options = TextReader.Options()
        options.maxBytes = 2_147_483_648
        let error = try #require(throws: ComponentError.self) { try TextReader(options: options) }
        #expect(error.code == "E414")
        #expect(error.option == "maxBytes")
        #expect(
            error.message == "'maxBytes' is '2147483648', more than the largest document Dossier can hold (2147483647); split the input")
        options.maxBytes = 2_147_483_647
        #expect(throws: Never.self) { try TextReader(options: options) }
    }

    @Test("NUL bytes are binary data, refused with E415 at their offset")
    func nulBytesAreBinary() throws {
        let input = Input(
            id: "bin", name: "image.txt", data: Data([0x89, 0x50, 0x4E, 0x47]) + Data("Some words here".utf8) + Data([0, 0, 7]))
        let error = try #require(throws: ComponentError.self) { try TextReader().read(input) }
        #expect(error.code == "E415")
        #expect(
            error.message
                == "input 'image.txt' holds a NUL byte at offset 19, so it is binary data, not text; check that the right file was given")
    }

    @Test(
        "UTF-16 without a byte-order mark is recognised and refused with E416",
        arguments: [(false, "little-endian", "LE"), (true, "big-endian", "BE")])
    func utf16WithoutBOM(bigEndian: Bool, order: String, flag: String) throws {
        let units = Array("A short article.\nIt has two lines.\n".utf16)
        let bytes = units.flatMap { bigEndian ? [UInt8($0 >> 8), UInt8($0 & 0xFF)] : [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let error = try #require(throws: ComponentError.self) { try TextReader().read(Input(id: "u", name: "wide.txt", data: Data(bytes))) }
        #expect(error.code == "E416")
        #expect(
            error.message
                == "input 'wide.txt' looks like UTF-16 (\(order)) without a byte-order mark; convert it to UTF-8 (for example 'iconv -f UTF-16\(flag) -t UTF-8') and read it again"
        )
    }

    @Test("UTF-16 with a byte-order mark is decoded like UTF-8", arguments: [false, true])
    func utf16WithBOM(bigEndian: Bool) throws {
        let text = "Zoë’s bridge 🚲\r\nreopens on Monday, officials say."
        let units = [UInt16(0xFEFF)] + Array(text.utf16)
        let bytes = units.flatMap { bigEndian ? [UInt8($0 >> 8), UInt8($0 & 0xFF)] : [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let document = try #require(try TextReader().read(Input(id: "u", name: "wide.txt", data: Data(bytes))).first)
        #expect(document.text == "Zoë’s bridge 🚲\nreopens on Monday, officials say.")
    }

    @Test("UTF-16 after a byte-order mark that does not decode throws E417")
    func invalidUTF16() throws {
        // A high surrogate followed by a letter, little-endian.
        let input = Input(id: "u", name: "wide.txt", data: Data([0xFF, 0xFE, 0x41, 0x00, 0x00, 0xD8, 0x41, 0x00]))
        let error = try #require(throws: ComponentError.self) { try TextReader().read(input) }
        #expect(error.code == "E417")
        #expect(error.message.contains("byte offset 4"))
    }

    @Test("normalising in place keeps the canonical text of awkward spacing")
    func inPlaceNormalisation() throws {
        let document = try readText("\n\n  Title here  \r\n\r\n\r\n\n  indented line\t\n\tnext\rlast line   \n\n")
        #expect(document.text == "  Title here\n\n  indented line\n\tnext\nlast line")
        #expect(Array(document.scalars) == Array(document.text.unicodeScalars))
    }

    @Test(
        "normalising in place moves out-of-line scalars with their lines, beside one- and two-byte units",
        arguments: [("and a longer tail of plain words, written out so that few scalars are wide", 1, 7), ("Київ", 2, 5)])
    func inPlaceNormalisationOutOfLine(tail: String, width: Int, outOfLine: Int) throws {
        let document = try readText(
            "\n\n  🚲 Title “here” 𠀋  \r\n\r\n\r\n\n  indented 𝐀𝑏 line\t\n\tnext 😀\rlast line \(tail)   \n\n")
        #expect(document.text == "  🚲 Title “here” 𠀋\n\n  indented 𝐀𝑏 line\n\tnext 😀\nlast line \(tail)")
        #expect(document.scalars.width == width)
        #expect(document.scalars.outOfLineCount == outOfLine)
        #expect(Array(document.scalars) == Array(document.text.unicodeScalars))
        #expect(document.scalars.string(in: 0..<document.length) == document.text)
    }

    @Test(
        "the text is decoded straight into the narrowest width, with a byte-order mark dropped",
        arguments: [
            ("Plain title\n\nA line of text.", 1), ("\u{FEFF}Café title\n\nSeñor Núñez ÿ.", 1),
            ("Київ title\n\nA — line.", 2), ("Bike 🚲 title\n\nNotes 𝄞.", 2), ("🚲🚲\n\n𝄞𝄞 𝄞.", 4),
            ("It’s a title\n\nA “quoted” line — 🚲 — with plenty of plain words after it, so that it stays narrow.", 1),
            // White space above U+00FF (trimmed at a line's end) and C1 controls take two bytes.
            ("A title\u{2003}here\n\nA “quoted” line — with plenty of plain words after it, so that it stays narrow.", 2),
            ("A title\n\nA “quoted” line\u{85} with plenty of plain words after it, so that it stays narrow.", 2),
        ])
    func decodedAtNarrowestWidth(text: String, width: Int) throws {
        let document = try readText(text)
        #expect(document.scalars.width == width)
        #expect(Array(document.scalars) == Array(document.text.unicodeScalars))
        #expect(document.text == text.replacingOccurrences(of: "\u{FEFF}", with: ""))
    }

    @Test("UTF-16 with a byte-order mark widens only as far as its text needs")
    func utf16Widths() throws {
        let cyrillic = Array(repeating: "Київ", count: 80).joined(separator: " ") + "\n\nAbc."
        let spaced = "Plain\u{2003}words, “quoted”, of a text long enough to keep its few wide scalars out of line.\n\nAbc."
        // A few scalars above U+00FF stay out of line beside one byte a scalar; hundreds, or white
        // space among them, take two bytes.
        for (text, width) in [("Plain\n\nAbc.", 1), ("Київ\n\nAbc.", 1), ("🚲 bike\n\nAbc.", 1), (cyrillic, 2), (spaced, 2)] {
            var data = Data([0xFF, 0xFE])
            for unit in text.utf16 { data.append(contentsOf: [UInt8(unit & 0xFF), UInt8(unit >> 8)]) }
            let document = try #require(try TextReader(options: TextReader.Options()).read(Input(id: "u", name: "u.txt", data: data)).first)
            #expect(document.text == text)
            #expect(document.scalars.width == width)
        }
    }

    @Test("empty and whitespace-only inputs throw E411", arguments: ["", "   \n\t\n", "\u{FEFF}"])
    func emptyInput(text: String) throws {
        let error = try #require(throws: ComponentError.self) { try readText(text) }
        #expect(error.code == "E411")
        #expect(error.message == "the article is empty")
    }
}

@Suite("Text reader: contract")
struct TextReaderContractTests {
    @Test(
        "sniff accepts plain UTF-8 and rejects NUL bytes, markup, JSON and invalid UTF-8",
        arguments: [
            (Data("Plain words here.\n".utf8), true),
            (Data("Ünïcödé text, cut mid-sequence: \u{00E9}".utf8).dropLast(), true),
            (Data("a\u{0}b".utf8), false),
            (Data("  <!DOCTYPE html><p>x</p>".utf8), false),
            (Data("{\"title\": \"x\"}".utf8), false),
            (Data([0x41, 0xFF, 0x41, 0x41, 0x41, 0x41]), false),
            (Data(), false),
        ])
    func sniff(head: Data, expected: Bool) {
        #expect(TextReader.sniff(head) == expected)
    }

    @Test("the identity is as registered (options help: ReaderConformanceTests)")
    func identity() throws {
        #expect(TextReader.id == "text")
        #expect(TextReader.fileExtensions == ["txt", "text"])
    }

    @Test("an empty sources heading is refused with the option named")
    func emptySourcesHeading() throws {
        var options = TextReader.Options()
        options.sourcesHeadings = ["Sources", " "]
        let error = try #require(throws: ComponentError.self) { try TextReader(options: options) }
        #expect(error.option == "sourcesHeadings")
    }
}

@Suite("Text reader: a published date from a date line near the top")
struct TextReaderPublishedTests {
    @Test(
        "a line that holds only a date, with what it dates and a time, gives the published date",
        arguments: [
            ("December 5, 2025", "2025-12-05"),
            ("Published: 5 Dec 2025, 10:30 GMT", "2025-12-05"),
            ("Updated Friday, December 5, 2025 at 9:15 a.m. ET", "2025-12-05"),
            ("2025-12-05", "2025-12-05"),
        ])
    func dateLine(line: String, expected: String) throws {
        let document = try readText("Harbour Fire Trial Opens\n\nBy Anna Lund\n\(line)\n\nTomas Brekke denied arson on Monday.\n")
        #expect(document.metadata.published == expected)
        #expect(document.metadata.authors == ["Anna Lund"])
    }

    @Test("a sentence that names a date, or a date line deep in the body, gives none")
    func notADateLine() throws {
        let sentence = try readText("Harbour Fire Trial Opens\n\nThe vote on December 5, 2025 was close.\n\nIt passed.\n")
        #expect(sentence.metadata.published == nil)
        let deep = try readText(
            "Harbour Fire Trial Opens\n\nThe vote was close.\n\nIt passed.\n\nThe mayor spoke.\n\nShe left.\n\nDecember 5, 2025\n")
        #expect(deep.metadata.published == nil)
    }
}

@Suite("Text reader: a headline that asks")
struct TextReaderQuestionTitleTests {
    @Test("a one-line question opening the article is its title; a question that opens a paragraph is not")
    func questionHeadline() throws {
        let asked = try readText(
            "Is the town's ferry ban working?\n\nThe ban on late sailings began in March. Ridership fell by a tenth.\n")
        #expect(asked.metadata.title == "Is the town's ferry ban working?")
        #expect(asked.blocks.first?.kind == .title)
        let opening = try readText(
            "Is the ferry ban working? Nobody in Kestrel seems to know, and the council will not say.\n\nThe ban began in March.\n")
        #expect(opening.metadata.title == nil)
        let two = try readText("Why now? What changed?\n\nThe ban began in March.\n")
        #expect(two.metadata.title == nil)
    }
}
