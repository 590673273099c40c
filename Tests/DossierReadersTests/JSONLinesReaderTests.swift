import DossierCore
import DossierReaders
import DossierTestSupport
import Foundation
import Testing

/// Reads `data` with the `jsonl` reader.
func readLines(_ data: Data, options: JSONLinesReader.Options = JSONLinesReader.Options()) throws -> [Document] {
    try JSONLinesReader(options: options).read(Input(id: "feed", name: "feed.jsonl", data: data))
}

/// The `jsonl` reader's report for `text`.
func reportLines(_ text: String) throws -> JSONReadResult {
    try JSONLinesReader().readReport(Input(id: "feed", name: "feed.jsonl", data: Data(text.utf8)))
}

@Suite("JSON Lines reader")
struct JSONLinesReaderTests {
    @Test("article lines and Dossier lines, with blank lines, CRLF and no final line break")
    func mixedLines() throws {
        let dossier = String(decoding: try SampleDocuments.full.jsonData(pretty: false), as: UTF8.self)
        let text =
            "{\"title\": \"Première\", \"text\": \"Un “début” 🌅.\"}\r\n\r\n" + dossier
            + "\n   \n{\"id\": \"z9\", \"headline\": \"Last\", \"body\": \"No newline at the end.\"}"
        let documents = try readLines(Data(text.utf8))
        #expect(documents.map(\.id) == ["feed-1", "riverton-bridge", "z9"])
        #expect(documents[1] == SampleDocuments.full, "a Dossier line reads back losslessly, origin included")
        #expect(documents.map(\.origin) == ["feed.jsonl:1", SampleDocuments.full.origin, "feed.jsonl:5"])
        #expect(documents[0].text == "Première\n\nUn “début” 🌅.")
        #expect(
            documents[0].blocks == [
                Block(kind: .title, range: TextRange(start: 0, end: 8)), Block(kind: .lede, range: TextRange(start: 10, end: 23)),
            ])
        #expect(documents[2].reader == JSONLinesReader.provenance)
    }

    @Test("a broken line is skipped with its line number; the other lines are read")
    func brokenLineSkipped() throws {
        let text = "{\"title\": \"One\"}\n{\"title\": \"Two\", \"text\": \"cut\n[1, 2]\n{\"title\": \"Four\"}\n"
        let report = try reportLines(text)
        #expect(report.documents.map(\.id) == ["feed-1", "feed-4"])
        #expect(report.skipped.map(\.position) == [2, 3])
        #expect(report.skipped.map(\.error.code) == ["E451", "E452"])
        #expect(report.skipped[0].error.message.hasPrefix("line 2 of 'feed.jsonl' is not valid JSON"))
        #expect(report.skipped[1].description == "E452: line 3 of 'feed.jsonl' is a list, not an article object")
        #expect(try readLines(Data(text.utf8)).map(\.origin) == ["feed.jsonl:1", "feed.jsonl:4"], "the gap shows in the origins")
    }

    @Test("a lone surrogate and an out-of-range number on a line are named, with the column in that line")
    func positionedLineErrors() throws {
        let report = try reportLines("{\"title\": \"One\"}\n{\"title\": \"x \\udfff\"}\n{\"title\": \"Three\", \"n\": 9e999}\n")
        #expect(report.documents.map(\.id) == ["feed-1"])
        #expect(report.skipped.map(\.error.code) == ["E451", "E457"])
        #expect(
            report.skipped.map(\.error.message) == [
                "line 2 of 'feed.jsonl' is not valid JSON: the escape '\\udfff' at line 1, column 14 is a lone surrogate, half of a UTF-16 pair without its other half; write the character itself or both halves of its pair",
                "line 3 of 'feed.jsonl' holds the number '9e999' at line 1, column 25, which is out of range (a double holds at most about 1.8e308); write it as a string or as a smaller number",
            ])
    }

    @Test("with skipBadLines off, the first bad line fails the file")
    func strict() {
        var options = JSONLinesReader.Options()
        options.skipBadLines = false
        let error = componentError { try readLines(Data("{\"title\": \"One\"}\n{\"nothing\": 1}\n{oops\n".utf8), options: options) }
        #expect(error?.code == "E454")
        #expect(error?.message.hasPrefix("line 2 of 'feed.jsonl'") == true)
    }

    @Test("when no line can be read the file fails with the count and the first problem")
    func nothingReadable() {
        let error = componentError { try readLines(Data("{bad\n\n{\"a\": 1}\n".utf8)) }
        #expect(error?.code == "E451")
        #expect(
            error?.message.hasPrefix(
                "none of the 2 lines of 'feed.jsonl' could be read; the first problem: line 1 of 'feed.jsonl' is not valid JSON") == true)
        let single = componentError { try readLines(Data("[1]".utf8)) }
        #expect(single?.message == "line 1 of 'feed.jsonl' is a list, not an article object")
    }

    static var invalid: [(String, Data, String)] {
        var junk = Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) })
        junk[0] = 0x00
        return [
            ("empty", Data(), "E450"),
            ("blank lines only", Data("\n \r\n\t\n".utf8), "E450"),
            ("binary junk", junk, "E451"),
            ("invalid UTF-8", Data([0x7B, 0x22, 0x74, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0x22, 0x7D, 0x0A]), "E451"),
            ("truncated object", Data("{\"title\": \"x\", \"te".utf8), "E451"),
            ("10,000 nested lists", Data((String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)).utf8), "E451"),
            (
                "10,000 nested objects",
                Data((String(repeating: "{\"a\":", count: 10_000) + "1" + String(repeating: "}", count: 10_000)).utf8), "E451"
            ),
            ("a broken Dossier line", Data("{\"format\": \"dossier\", \"version\": 7}".utf8), "E453"),
        ]
    }

    @Test("empty, junk, truncated and too-deep files are errors with stable codes", arguments: invalid)
    func invalidInputs(label: String, data: Data, code: String) {
        #expect(componentError { try readLines(data) }?.code == code, "\(label)")
    }

    @Test("a line of several megabytes is read")
    func longLine() throws {
        let body = String(repeating: "Ein sehr langer Satz über Brücken. ", count: 150_000)
        let line = "{\"title\": \"Long\", \"text\": \"\(body)\"}"
        #expect(line.utf8.count > 5_000_000)
        let document = try #require(try readLines(Data(line.utf8)).first)
        #expect(document.length == 4 + 2 + body.unicodeScalars.count - 1)
    }

    @Test("a 50 MB file with a truncated last line: fifty articles and one skipped line")
    func hugeInput() throws {
        var data = hugeArticleDump(lines: true)
        data.append(Data("\n{\"title\": \"cut off".utf8))
        #expect(data.count >= 50 * 1024 * 1024)
        let report = try JSONLinesReader().readReport(Input(id: "feed", name: "feed.jsonl", data: data))
        #expect(report.documents.count == 50)
        #expect(report.skipped.map(\.position) == [51])
    }

    @Test("the field mapping is the json reader's, nested paths included")
    func sharedMapping() throws {
        var options = JSONLinesReader.Options()
        options.fields.title = ["meta.headline"]
        options.fields.authors = ["meta.byline"]
        let document = try #require(
            try readLines(Data(#"{"meta": {"headline": "Nested", "byline": "By Ines Ruiz"}, "text": "Body."}"#.utf8), options: options)
                .first)
        #expect(document.metadata.title == "Nested")
        #expect(document.metadata.authors == ["Ines Ruiz"])
        options.fields.text = ["a..b"]
        #expect(componentError { try JSONLinesReader(options: options) }?.option == "fields.text")
    }

    static let sniffCases: [(String, Bool)] = [
        ("{\"a\": 1}\n{\"a\": 2}\n", true),
        ("\u{FEFF}{\"a\": 1}\r\n\r\n  {\"a\": 2", true),
        ("{\"a\": 1}\n", false),
        ("{\n  \"a\": 1\n}\n", false),
        ("[{\"a\": 1}]\n[{\"a\": 2}]", false),
        ("Plain text\n{not json}", false),
    ]

    @Test("two lines that each open an object, the first whole, are JSON Lines", arguments: sniffCases)
    func sniff(head: String, expected: Bool) {
        #expect(JSONLinesReader.sniff(Data(head.utf8)) == expected)
    }
}
