import DossierCore
import DossierPipeline
import DossierTestSupport
import DossierTesting
import Foundation
import GRDB
import Testing

@testable import DossierSQLite

@Suite("The sqlite exporter")
struct SQLiteExporterTests {
    /// What checking the pipeline `yaml` reports (nothing when it passes).
    static func lint(_ yaml: String) throws -> LintReport? {
        let loader = PipelineLoader(registry: try SQLiteCorpus.registry(), environment: [:])
        do {
            _ = try loader.check(text: yaml, file: "p.yaml")
            return nil
        } catch {
            return error
        }
    }

    @Test(
        "every layer lands in its table (mentions and metrics through their views), with foreign keys that hold, WAL mode and a full-text index over claims"
    )
    func tables() async throws {
        let folder = try SQLiteCorpus.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try await SQLiteCorpus.run([SQLiteCorpus.document("one"), SQLiteCorpus.document("two")], into: folder)
        #expect(run.summary.allSucceeded, "\(run.diagnostics)")
        #expect(run.summary.written == [folder.appendingPathComponent("corpus.sqlite").path])
        let a = SampleDocuments.full.annotations
        try SQLiteCorpus.read(folder.appendingPathComponent("corpus.sqlite")) { (db: Database) throws in
            let counts: [(String, Int)] = [
                ("articles", 1), ("entities", a.entities.count), ("mentions", a.entities.map(\.mentions.count).reduce(0, +)),
                ("sources", a.sources.count), ("quotes", a.quotes.count), ("claims", a.claims.count),
                ("claim_sources", a.claims.map(\.support.count).reduce(0, +)), ("findings", a.findings.count),
                ("metrics", a.metrics.count),
            ]
            for (table, perArticle) in counts {
                #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") == 2 * perArticle, "\(table)")
            }
            #expect(try String.fetchOne(db, sql: "PRAGMA journal_mode") == "wal")
            // A new database gets pages of 16 KiB (SQLite's default is 4 KiB): an article's row fits on one.
            #expect(try Int.fetchOne(db, sql: "PRAGMA page_size") == 16_384)
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
            #expect(try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok")
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_list(claim_sources)").count == 4)
            let row = try #require(try Row.fetchOne(db, sql: "SELECT * FROM claims WHERE article_id = 'one' AND id = 'c3'"))
            #expect(row["text"] as String? == "the closure would push 3,000 cars a day onto Quay Street")
            #expect(row["claimant_id"] as String? == "e4" && row["check_worthiness"] as Double? == 0.78)
            let article = try #require(try Row.fetchOne(db, sql: "SELECT * FROM articles WHERE id = 'two'"))
            #expect(article["title"] as String? == SampleDocuments.full.metadata.title)
            #expect(article["text"] as String? == SampleDocuments.text)
            #expect(
                try String.fetchAll(
                    db, sql: "SELECT c.id FROM claims_fts JOIN claims c ON c.rowid = claims_fts.rowid WHERE claims_fts MATCH 'collisions'")
                    == ["c2", "c2"])
        }
    }

    @Test("re-running unchanged articles writes nothing: same rows, same rowids, same written_at")
    func rerunIsNoOp() async throws {
        let folder = try SQLiteCorpus.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let documents = [SQLiteCorpus.document("one"), SQLiteCorpus.document("two")]
        _ = try await SQLiteCorpus.run(documents, into: folder)
        let path = folder.appendingPathComponent("corpus.sqlite")
        let snapshot = "SELECT article_id || '/' || id || '@' || rowid FROM claims ORDER BY 1"
        let before = try SQLiteCorpus.read(path) { (db: Database) throws in
            (try String.fetchAll(db, sql: snapshot), try String.fetchAll(db, sql: "SELECT written_at FROM articles ORDER BY id"))
        }
        try await Task.sleep(for: .milliseconds(1100))  // so a rewrite would change written_at
        let again = try await SQLiteCorpus.run(documents, into: folder)
        #expect(again.summary.allSucceeded, "\(again.diagnostics)")
        let after = try SQLiteCorpus.read(path) { (db: Database) throws in
            (try String.fetchAll(db, sql: snapshot), try String.fetchAll(db, sql: "SELECT written_at FROM articles ORDER BY id"))
        }
        #expect(after.0 == before.0 && after.1 == before.1)

        // The sink says so too.
        let output = MemoryOutput(kind: .sharedFile(path: path.path))
        let exporter = try SQLiteExporter()
        let sink = try #require(try exporter.makeSink(for: output, context: .standalone(exporter: "sqlite")) as? SQLiteSink)
        for document in documents + [SQLiteCorpus.document("three")] { try sink.write(try exporter.export(document), for: document) }
        try sink.finish()
        #expect(sink.statistics == .init(inserted: 1, replaced: 0, unchanged: 2))
    }

    @Test(
        "an article with more rows of a table than one insert statement takes is written whole: every row in order, every claim searchable, a second batch's too"
    )
    func manyRowsPerTable() throws {
        let folder = try SQLiteCorpus.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("corpus.sqlite")
        // Ten copies of each claim (with its sources) and finding: 40 claims, 30 links, 30 findings.
        func crowded(_ id: String) -> Document {
            SQLiteCorpus.document(id) { document in
                let a = document.annotations
                document.annotations.claims = (0..<10).flatMap { n in
                    a.claims.map { claim in
                        var copy = claim
                        copy.id = "\(claim.id)x\(n)"
                        return copy
                    }
                }
                document.annotations.findings = (0..<10).flatMap { n in
                    a.findings.map { finding in
                        var copy = finding
                        copy.id = "\(finding.id)x\(n)"
                        return copy
                    }
                }
                document.annotations.relations = []
            }
        }
        let documents = [crowded("one"), SQLiteCorpus.document("two"), crowded("three")]
        #expect(documents[0].annotations.claims.count > 2 * ArticleWriter.rowsPerInsert)
        let exporter = try SQLiteExporter(
            options: {
                var o = SQLiteExporter.Options()
                o.batchSize = 2
                return o
            }())
        let sink = try #require(
            try exporter.makeSink(for: MemoryOutput(kind: .sharedFile(path: path.path)), context: .standalone(exporter: "sqlite"))
                as? SQLiteSink)
        for document in documents { try sink.write(try exporter.export(document), for: document) }
        try sink.finish()
        #expect(sink.statistics == .init(inserted: 3, replaced: 0, unchanged: 0))

        try SQLiteCorpus.read(path) { (db: Database) throws in
            for document in documents {
                let id = document.id
                let a = document.annotations
                #expect(
                    try String.fetchAll(db, sql: "SELECT id FROM claims WHERE article_id = ? ORDER BY rowid", arguments: [id])
                        == a.claims.map(\.id))
                #expect(
                    try String.fetchAll(db, sql: "SELECT text FROM claims WHERE article_id = ? ORDER BY rowid", arguments: [id])
                        == a.claims.map { document.text(in: $0.range) })
                #expect(
                    try Set(String.fetchAll(db, sql: "SELECT id FROM findings WHERE article_id = ?", arguments: [id]))
                        == Set(a.findings.map(\.id)))
                #expect(
                    try Int.fetchOne(db, sql: "SELECT count(*) FROM claim_sources WHERE article_id = ?", arguments: [id])
                        == a.claims.map(\.support.count).reduce(0, +))
                #expect(
                    try Int.fetchOne(
                        db,
                        sql:
                            "SELECT count(*) FROM claims_fts JOIN claims c ON c.rowid = claims_fts.rowid WHERE claims_fts MATCH 'collisions' AND c.article_id = ?",
                        arguments: [id]) == a.claims.filter { document.text(in: $0.range).contains("collisions") }.count)
            }
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
            #expect(try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok")
        }
        try SQLiteMigrationTests.checkIndex(at: path)
    }

    @Test("a changed article replaces all its rows, full-text index included; the others are untouched")
    func changedArticleReplaces() async throws {
        let folder = try SQLiteCorpus.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try await SQLiteCorpus.run([SQLiteCorpus.document("one"), SQLiteCorpus.document("two")], into: folder)
        let changed = SQLiteCorpus.document("one") { document in
            document.annotations.claims.removeAll { $0.id == "c2" }
            document.annotations.relations.removeAll { $0.to == "c2" }
            document.metadata.title = "A new title"
        }
        let run = try await SQLiteCorpus.run([changed], into: folder)
        #expect(run.summary.allSucceeded, "\(run.diagnostics)")
        try SQLiteCorpus.read(folder.appendingPathComponent("corpus.sqlite")) { (db: Database) throws in
            #expect(
                try String.fetchAll(db, sql: "SELECT title FROM articles ORDER BY id") == [
                    "A new title", SampleDocuments.full.metadata.title!,
                ])
            #expect(try String.fetchAll(db, sql: "SELECT article_id || '/' || id FROM claims WHERE id = 'c2'") == ["two/c2"])
            #expect(
                try String.fetchAll(
                    db,
                    sql:
                        "SELECT c.article_id FROM claims_fts JOIN claims c ON c.rowid = claims_fts.rowid WHERE claims_fts MATCH 'collisions'"
                )
                    == ["two"])
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM claims_fts WHERE claims_fts MATCH 'collisions'") == 1)
            // The old rows are gone from every table, not only replaced where the new article has rows.
            let a = SampleDocuments.full.annotations
            let counts: [(String, Int)] = [
                ("entities", a.entities.count), ("mentions", a.entities.map(\.mentions.count).reduce(0, +)),
                ("sources", a.sources.count), ("quotes", a.quotes.count), ("claims", a.claims.count - 1),
                ("claim_sources", a.claims.filter { $0.id != "c2" }.map(\.support.count).reduce(0, +)),
                ("findings", a.findings.count), ("metrics", a.metrics.count),
            ]
            for (table, expected) in counts {
                #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table) WHERE article_id = 'one'") == expected, "\(table)")
            }
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
        }
    }

    @Test("a failing article rolls back its whole batch: the database keeps every earlier batch, whole, and stays consistent")
    func failureLeavesConsistentDatabase() throws {
        let folder = try SQLiteCorpus.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("corpus.sqlite")
        var options = SQLiteExporter.Options()
        options.batchSize = 2
        let exporter = try SQLiteExporter(options: options)
        let sink = try #require(
            try exporter.makeSink(for: MemoryOutput(kind: .sharedFile(path: path.path)), context: .standalone(exporter: "sqlite"))
                as? SQLiteSink)
        let error = try #require(try Self.writeWithFailingThird(to: sink, exporter: exporter))
        #expect(error.code == "E277")
        #expect(error.message.contains("writing 2 articles from 'c' to 'd'") && error.message.contains("rolled back"), "\(error.message)")
        try SQLiteCorpus.read(path) { (db: Database) throws in
            #expect(try String.fetchAll(db, sql: "SELECT id FROM articles ORDER BY id") == ["a", "b"])
            #expect(try Int.fetchOne(db, sql: "SELECT count(DISTINCT article_id) FROM claims") == 2)
            #expect(try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok")
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
        }
    }

    @Test("a batch also closes when its rows reach the byte limit, whatever batchSize says: a failure then rolls back only that batch")
    func batchClosesAtByteLimit() throws {
        let folder = try SQLiteCorpus.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("corpus.sqlite")
        var options = SQLiteExporter.Options()
        options.batchSize = 100
        // A limit below one article's rows: every article is a batch of its own.
        let sink = try SQLiteSink(path: path.path, options: options, batchBytes: 1)
        let error = try #require(try Self.writeWithFailingThird(to: sink, exporter: try SQLiteExporter(options: options)))
        #expect(error.code == "E277" && error.message.contains("writing 'c'"), "\(error.message)")
        try SQLiteCorpus.read(path) { (db: Database) throws in
            #expect(try String.fetchAll(db, sql: "SELECT id FROM articles ORDER BY id") == ["a", "b"])
            #expect(try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok")
        }
    }

    /// Writes the articles `a`, `b`, `c` and `d` through `sink`, `c` with two claims of one id (the
    /// primary key refuses the second), and returns the failure thrown. A batch is written while
    /// the pipeline goes on, so its failure comes from the next write or from `finish`.
    static func writeWithFailingThird(to sink: SQLiteSink, exporter: SQLiteExporter) throws -> Diagnostic? {
        let bad = SQLiteCorpus.document("c") { document in
            document.annotations.claims.append(document.annotations.claims[0])
        }
        do {
            for document in [SQLiteCorpus.document("a"), SQLiteCorpus.document("b"), bad, SQLiteCorpus.document("d")] {
                try sink.write(try exporter.export(document), for: document)
            }
            try sink.finish()
        } catch let error as Diagnostic {
            return error
        }
        return nil
    }

    @Test("an interrupted batch is discarded, and what was committed before stays")
    func discardKeepsCommitted() throws {
        let folder = try SQLiteCorpus.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("corpus.sqlite")
        var options = SQLiteExporter.Options()
        options.batchSize = 2
        let exporter = try SQLiteExporter(options: options)
        let sink = try SQLiteSink(path: path.path, options: options)
        for id in ["a", "b", "c"] {
            let document = SQLiteCorpus.document(id)
            try sink.write(try exporter.export(document), for: document)
        }
        sink.discard()
        #expect(try SQLiteCorpus.read(path) { try String.fetchAll($0, sql: "SELECT id FROM articles ORDER BY id") } == ["a", "b"])
    }

    @Test(
        "lint refuses standard output and per-article paths for a database (E236), at the 'to:' value",
        arguments: [
            ("to: stdout", "standard output"), ("to: 'out/{id}.sqlite'", "'out/{id}.sqlite'"), ("batchSize: 10", "standard output"),
        ])
    func lintRefusesStreams(_ options: String, _ shown: String) throws {
        let report = try Self.lint("version: 1\nreader: json\nexporters:\n  - sqlite: { \(options) }\n")
        let problem = try #require(report?.diagnostics.first { $0.code == "E236" }, "\(String(describing: report?.diagnostics))")
        #expect(problem.message.hasPrefix("exporter 'sqlite' writes one file in place (a database), so it cannot write to \(shown);"))
        #expect(problem.location?.line == 4)
    }

    @Test("mentions and metrics can be left out; every other table is written as before")
    func mentionsAndMetricsAreOptional() async throws {
        let folder = try SQLiteCorpus.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try await SQLiteCorpus.run(
            [SQLiteCorpus.document("one")], into: folder, options: "to: corpus.sqlite, mentions: false, metrics: false")
        #expect(run.summary.allSucceeded, "\(run.diagnostics)")
        let a = SampleDocuments.full.annotations
        try SQLiteCorpus.read(folder.appendingPathComponent("corpus.sqlite")) { (db: Database) throws in
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM mentions") == 0)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM metrics") == 0)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM entities") == a.entities.count)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM claims") == a.claims.count)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM findings") == a.findings.count)
        }
        // Turning them back on changes the rows, so the article is rewritten with them.
        let again = try await SQLiteCorpus.run([SQLiteCorpus.document("one")], into: folder)
        #expect(again.summary.allSucceeded, "\(again.diagnostics)")
        try SQLiteCorpus.read(folder.appendingPathComponent("corpus.sqlite")) { (db: Database) throws in
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM mentions") == a.entities.reduce(0) { $0 + $1.mentions.count })
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM metrics") == a.metrics.count)
        }
    }

    @Test(
        "mentions and metrics read through their views as rows, with or without the article's text stored; metrics keep their order and producers across runs of producers"
    )
    func mentionsAndMetricsViews() throws {
        let expectedMentions = SampleDocuments.full.annotations.entities.flatMap { entity in
            entity.mentions.map { "\(entity.id) \($0.range.start) \($0.form.rawValue) \(SampleDocuments.full.text(in: $0.range))" }
        }.sorted()
        for includeText in [true, false] {
            let folder = try SQLiteCorpus.folder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let document = SQLiteCorpus.document("one") { document in
                // Names JSON has to escape, and a value it cannot hold.
                document.annotations.metrics.append(Metric(id: "m90", name: "odd \"name\"\\\n", value: .nan, unit: "\u{1}"))
                // Another producer between two metrics of the first: three runs.
                let first = document.annotations.metrics[0].producer
                var other = Metric(id: "m91", name: "other", value: 2.5)
                other.producer = Provenance(component: "other", version: "2.0.0", name: "mine")
                document.annotations.metrics.append(other)
                var last = Metric(id: "m92", name: "last", value: 7)
                last.producer = first
                document.annotations.metrics.append(last)
            }
            // Through the sink: the document JSON (and so a run's reader) refuses a NaN.
            var options = SQLiteExporter.Options()
            options.includeText = includeText
            let exporter = try SQLiteExporter(options: options)
            let sink = try SQLiteSink(path: folder.appendingPathComponent("corpus.sqlite").path, options: options)
            try sink.write(try exporter.export(document), for: document)
            try sink.finish()
            try SQLiteCorpus.read(folder.appendingPathComponent("corpus.sqlite")) { (db: Database) throws in
                let mentions = try String.fetchAll(
                    db, sql: "SELECT entity_id || ' ' || start || ' ' || form || ' ' || text FROM mentions WHERE article_id = 'one'")
                #expect(mentions.sorted() == expectedMentions, "includeText: \(includeText)")
                #expect(try String.fetchOne(db, sql: "SELECT text FROM articles") == (includeText ? SampleDocuments.text : nil))
                let odd = try #require(try Row.fetchOne(db, sql: "SELECT * FROM metrics WHERE id = 'm90'"))
                #expect(odd["name"] as String? == "odd \"name\"\\\n" && odd["unit"] as String? == "\u{1}")
                #expect(odd["value"] as Double? == nil)
                let words = try #require(try Row.fetchOne(db, sql: "SELECT * FROM metrics WHERE name = 'words'"))
                #expect(words["value"] as Double? == 142 && words["unit"] as String? == "words")
                #expect(try String.fetchOne(db, sql: "SELECT typeof(value) FROM metrics WHERE name = 'words'") == "real")
                #expect(
                    try String.fetchAll(db, sql: "SELECT id || ' ' || producer || ' ' || coalesce(value, 'null') FROM metrics")
                        == document.annotations.metrics.map {
                            "\($0.id) \($0.producer.description) \($0.value.isFinite ? "\($0.value)" : "null")"
                        })
                let article = try #require(try String.fetchOne(db, sql: "SELECT metrics FROM articles"))
                #expect(article.components(separatedBy: #"["mine (other@2.0.0)","#).count == 2)
            }
        }
    }

    @Test("a batchSize outside 1 to 100000 is a lint error at the value (E275)")
    func batchSizeRange() throws {
        let report = try Self.lint("version: 1\nreader: json\nexporters:\n  - sqlite: { batchSize: 0, to: c.sqlite }\n")
        let problem = try #require(report?.diagnostics.first { $0.code == "E275" }, "\(String(describing: report?.diagnostics))")
        #expect(problem.location?.column == 26)
    }

    @Test("a file that is not a database is refused when the run opens it (E276), and left as it was")
    func notADatabase() async throws {
        let folder = try SQLiteCorpus.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("corpus.sqlite")
        let junk = Data(String(repeating: "not a database\n", count: 100).utf8)
        try junk.write(to: path)
        let run = try await SQLiteCorpus.run([SQLiteCorpus.document("one")], into: folder)
        #expect(!run.summary.allSucceeded)
        let problem = try #require(run.diagnostics.first { $0.code == "E276" }, "\(run.diagnostics)")
        #expect(problem.message.hasPrefix("cannot open the database '\(path.path)'"), "\(problem.message)")
        #expect(try Data(contentsOf: path) == junk)
    }

    @Test("a database that is one of the run's inputs is refused before anything is written (E470)")
    func neverOverwritesAnInput() async throws {
        let folder = try SQLiteCorpus.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in.json")
        let original = try SQLiteCorpus.document("story").jsonData()
        try original.write(to: input)
        let pipeline = try PipelineLoader(registry: SQLiteCorpus.registry(), environment: [:]).load(
            text: "version: 1\nreader: json\nexporters:\n  - sqlite: { to: in.json }\n", file: "p.yaml")
        let run = await InMemoryRunner(registry: try SQLiteCorpus.registry(), outputDirectory: folder.path).run(
            pipeline, inputs: [.file(input.path)])
        #expect(run.diagnostics.contains { $0.code == "E470" }, "\(run.diagnostics)")
        #expect(try Data(contentsOf: input) == original)
    }
}
