import DossierCore
import DossierExporters
import DossierTestSupport
import DossierTesting
import Foundation
import Testing

@Suite("The csv exporter")
struct CSVExporterTests {
    /// The sample story with fields that break naive CSV: a title with a comma, quotes, CRLF, a
    /// bare CR and a formula; an author with a quote; a claim whose text crosses a line break.
    static func hostile(_ id: String) -> Document {
        Corpus.document(id) { document in
            document.metadata.title = "Bridge, \"closed\"\r\nfor cars\rtoday =1+1"
            document.metadata.authors = ["Ana \"AK\" Kovač", "Zoë, Brandt"]
        }
    }

    static func table(_ data: Data) throws -> (header: [String], rows: [[String: String]]) {
        let records = try RFC4180.parse(data)
        let header = try #require(records.first)
        for record in records { #expect(record.count == header.count, "a record with \(record.count) fields: \(record)") }
        return (header, records.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) })
    }

    @Test("every table reads back with a strict RFC 4180 parser: one header, one row per item, fields exactly as in the document")
    func tablesReadBack() async throws {
        let folder = try Corpus.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let documents = [Self.hostileDocument("one"), Self.hostileDocument("two")]
        let exporters = CSVTable.allCases.map { "  - csv: { as: \($0.rawValue), table: \($0.rawValue), to: out/\($0.rawValue).csv }\n" }
        let run = try await Corpus.run(exporters.joined(), documents, in: folder)
        #expect(run.summary.allSucceeded, "\(run.diagnostics)")
        let a = SampleDocuments.full.annotations
        let expectedRows: [CSVTable: Int] = [
            .articles: 1, .claims: a.claims.count + 1, .sources: a.sources.count, .entities: a.entities.count,
            .quotes: a.quotes.count, .findings: a.findings.count,
        ]
        for table in CSVTable.allCases {
            let data = try Data(contentsOf: folder.appendingPathComponent("out/\(table.rawValue).csv"))
            let (header, rows) = try Self.table(data)
            #expect(header == table.columns)
            #expect(rows.count == 2 * expectedRows[table]!, "\(table)")
            #expect(rows.map { $0["article_id"] } == rows.indices.map { $0 < rows.count / 2 ? "one" : "two" }, "\(table)")
        }

        let (_, articles) = try Self.table(try Data(contentsOf: folder.appendingPathComponent("out/articles.csv")))
        #expect(articles[0]["title"] == "Bridge, \"closed\"\r\nfor cars\rtoday =1+1")
        #expect(articles[0]["authors"] == "Ana \"AK\" Kovač;Zoë, Brandt")
        #expect(articles[0]["claims"] == "\(a.claims.count + 1)")
        #expect(articles[0]["unsourced_claims"] == "\(a.claims.filter(\.support.isEmpty).count + 1)")

        let (_, claims) = try Self.table(try Data(contentsOf: folder.appendingPathComponent("out/claims.csv")))
        let crossing = try #require(claims.first { $0["claim_id"] == "c-lines" })
        #expect(crossing["text"] == Self.crossingText)
        #expect(crossing["unsourced"] == "true" && crossing["source_ids"] == "")
        let c4 = try #require(claims.first { $0["claim_id"] == "c4" })
        #expect(c4["source_ids"] == "src1;src2" && c4["check_worthiness"] == "0.84" && c4["unsourced"] == "false")
        #expect(c4["text"] == "Cycle traffic rose 40% after a 2023 trial")
        let c3 = try #require(claims.first { $0["claim_id"] == "c3" })
        #expect(c3["claimant"] == "Joe Whitaker" && c3["claimant_id"] == "e4" && c3["attribution"] == "Joe Whitaker")

        let (_, sources) = try Self.table(try Data(contentsOf: folder.appendingPathComponent("out/sources.csv")))
        #expect(sources.first { $0["source_id"] == "src1" }?["cited_by"] == "2")
        let (_, quotes) = try Self.table(try Data(contentsOf: folder.appendingPathComponent("out/quotes.csv")))
        #expect(quotes.first?["speaker"] == "Lena Ortiz")
        #expect(quotes.contains { $0["text"] == "We counted every crash, and the numbers speak for themselves 🚲," })
    }

    static let crossingText = "Shop owners say deliveries | parking will *suffer*.\nWhat the council says"

    /// The hostile story, plus a claim whose text crosses a line break.
    static func hostileDocument(_ id: String) -> Document {
        var document = hostile(id)
        let start = SampleDocuments.range(of: "Shop owners say").start
        let end = SampleDocuments.range(of: "What the council says").end
        document.annotations.claims.append(
            ClaimAnnotation(
                id: "c-lines", range: TextRange(start: start, end: end), checkWorthiness: 0.5,
                producer: Provenance(component: "claims", version: "1")))
        return document
    }

    @Test("rows are quoted only where RFC 4180 asks, end in CRLF, and the header comes once on a shared target")
    func quotingAndHeader() throws {
        var options = CSVExporter.Options()
        options.table = .articles
        let exporter = CSVExporter(options: options)
        let row = String(decoding: try exporter.export(Self.hostileDocument("x")), as: UTF8.self)
        #expect(
            row.hasPrefix("x,\"Bridge, \"\"closed\"\"\r\nfor cars\rtoday =1+1\",\"Ana \"\"AK\"\" Kovač;Zoë, Brandt\",The Riverton Courier,")
        )
        #expect(row.hasSuffix("\r\n"))

        let output = MemoryOutput(kind: .sharedFile(path: "/nowhere/articles.csv"))
        var sink = try exporter.makeSink(for: output, context: .standalone(exporter: "csv"))
        for id in ["a", "b", "c"] { try sink.write(try exporter.export(Corpus.document(id)), for: Corpus.document(id)) }
        try sink.finish()
        let records = try RFC4180.parse(output.stream)
        #expect(records.count == 4 && records[0] == CSVTable.articles.columns && records.dropFirst().map { $0[0] } == ["a", "b", "c"])

        let perArticle = MemoryOutput(kind: .perArticle(folder: "/nowhere"))
        var each = try exporter.makeSink(for: perArticle, context: .standalone(exporter: "csv"))
        for id in ["a", "b"] {
            perArticle.beginArticle()
            try each.write(try exporter.export(Corpus.document(id)), for: Corpus.document(id))
        }
        #expect(try perArticle.files.map { try RFC4180.parse($0).count } == [2, 2])
    }

    @Test("guardFormulas prefixes a quote to text a spreadsheet would run, and only then")
    func formulas() throws {
        var options = CSVExporter.Options()
        options.guardFormulas = true
        let document = Corpus.document("=HYPERLINK(\"x\")") { $0.metadata.publisher = "@evil" }
        let records = try RFC4180.parse(try CSVExporter(options: options).export(document))
        #expect(records[0][0] == "'=HYPERLINK(\"x\")" && records[0][3] == "'@evil")
        let plain = try RFC4180.parse(try CSVExporter().export(document))
        #expect(plain[0][0] == "=HYPERLINK(\"x\")" && plain[0][3] == "@evil")
    }

    @Test("with append, a second run adds its rows after the first run's without a second header; without it, the file is replaced")
    func appendAcrossRuns() async throws {
        let folder = try Corpus.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let exporter = "  - csv: { table: claims, append: true, to: claims.csv }\n"
        _ = try await Corpus.run(exporter, [Corpus.document("one")], in: folder)
        let second = try await Corpus.run(exporter, [Corpus.document("two"), Corpus.document("three")], in: folder)
        #expect(second.summary.allSucceeded, "\(second.diagnostics)")
        let (header, rows) = try Self.table(try Data(contentsOf: folder.appendingPathComponent("claims.csv")))
        #expect(header == CSVTable.claims.columns)
        let n = SampleDocuments.full.annotations.claims.count
        #expect(
            rows.map { $0["article_id"]! } == Array(repeating: "one", count: n) + Array(repeating: "two", count: n)
                + Array(repeating: "three", count: n))
        #expect(Corpus.files(in: folder) == ["claims.csv"], "a temporary file was left behind")

        _ = try await Corpus.run("  - csv: { table: claims, to: claims.csv }\n", [Corpus.document("four")], in: folder)
        let (_, replaced) = try Self.table(try Data(contentsOf: folder.appendingPathComponent("claims.csv")))
        #expect(Set(replaced.map { $0["article_id"]! }) == ["four"])
    }

    @Test("appending to a file whose first line is another header is refused (E271) and the old file is left whole")
    func appendRefusesAnotherTable() async throws {
        let folder = try Corpus.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("data.csv")
        _ = try await Corpus.run("  - csv: { table: quotes, to: data.csv }\n", [Corpus.document("one")], in: folder)
        let before = try Data(contentsOf: path)
        let run = try await Corpus.run("  - csv: { table: claims, append: true, to: data.csv }\n", [Corpus.document("two")], in: folder)
        #expect(!run.summary.allSucceeded)
        let problem = try #require(run.diagnostics.first { $0.code == "E271" })
        #expect(problem.message.contains("cannot append the 'claims' table to '\(path.path)'"), "\(problem.message)")
        #expect(try Data(contentsOf: path) == before)
        #expect(Corpus.files(in: folder) == ["data.csv"])
    }

    @Test("a file edited by hand that lost its last line break still gets whole records after it")
    func appendAfterMissingLineBreak() async throws {
        let folder = try Corpus.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("articles.csv")
        let header = String(decoding: CSVExporter().header, as: UTF8.self)
        try Data((header + "old" + String(repeating: ",", count: CSVTable.articles.columns.count - 1)).utf8).write(to: path)
        _ = try await Corpus.run("  - csv: { append: true, to: articles.csv }\n", [Corpus.document("new")], in: folder)
        let (_, rows) = try Self.table(try Data(contentsOf: path))
        #expect(rows.map { $0["article_id"] } == ["old", "new"])
    }

    @Test("the csv exporter passes the exporter conformance checks for every table")
    func conformance() {
        for table in CSVTable.allCases {
            var options = CSVExporter.Options()
            options.table = table
            let problems = ExporterConformance.check(
                CSVExporter.self, documents: [SampleDocuments.full, SampleDocuments.minimal], options: options)
            #expect(problems.isEmpty, "\(table): \(problems)")
        }
    }
}
