import DossierCore
import DossierTestSupport
import DossierTesting
import Foundation
import GRDB
import Testing

@testable import DossierSQLite

@Suite("The sqlite exporter's schema migrations")
struct SQLiteMigrationTests {
    @Test("a database of the first schema is upgraded: the claims it holds stay searchable, new ones are indexed once")
    func firstSchemaIsUpgraded() async throws {
        let folder = try SQLiteCorpus.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("corpus.sqlite")
        try Self.makeFirstSchemaDatabase(at: path)

        let run = try await SQLiteCorpus.run([SQLiteCorpus.document("one"), SQLiteCorpus.document("two")], into: folder)
        #expect(run.summary.allSucceeded, "\(run.diagnostics)")
        try SQLiteCorpus.read(path) { (db: Database) throws in
            #expect(
                try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier") == [
                    "dossier-1", "dossier-2", "dossier-3", "dossier-4", "dossier-5",
                ])
            #expect(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger'") == ["claims_fts_delete"])
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM claims_fts WHERE claims_fts MATCH 'ferry'") == 1)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM claims_fts WHERE claims_fts MATCH 'collisions'") == 2)
        }
        // FTS5's own check that the index holds every claim once and nothing else (it throws otherwise).
        try Self.checkIndex(at: path)
    }

    @Test(
        "a database the second schema's writer left is migrated in place: every documented query answers as on a new one, and its unchanged articles are not rewritten, only their hashes brought up to date"
    )
    func secondSchemaIsMigrated() async throws {
        let fresh = try SQLiteCorpus.folder()
        let migrated = try SQLiteCorpus.folder()
        defer {
            try? FileManager.default.removeItem(at: fresh)
            try? FileManager.default.removeItem(at: migrated)
        }
        // Written by the release before `dossier-3` (371dcd4) from the documents of `SQLiteQueryTests.corpus()`.
        let fixture = try #require(Bundle.module.url(forResource: "Fixtures/dossier-2", withExtension: "sqlite"))
        let path = migrated.appendingPathComponent("corpus.sqlite")
        try FileManager.default.copyItem(at: fixture, to: path)
        let snapshot = "SELECT article_id || '/' || id || '@' || rowid FROM claims ORDER BY 1"
        let before = try SQLiteCorpus.read(path) { (db: Database) throws in
            (
                try String.fetchAll(db, sql: snapshot),
                try String.fetchAll(db, sql: "SELECT written_at FROM articles ORDER BY id"),
                try String.fetchAll(db, sql: "SELECT content_hash FROM articles ORDER BY id")
            )
        }
        #expect(before.2.allSatisfy { $0.hasPrefix("fnv1a64:") })

        // The same articles again: the migration runs, then every article is found unchanged.
        #expect(try Self.write(SQLiteQueryTests.corpus(), to: path) == .init(inserted: 0, replaced: 0, unchanged: 3))
        let freshHashes = try await Self.expectAnswersAsNew(path, new: fresh)
        try SQLiteCorpus.read(path) { (db: Database) throws in
            #expect(
                try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier") == [
                    "dossier-1", "dossier-2", "dossier-3", "dossier-4", "dossier-5",
                ])
            #expect(try String.fetchAll(db, sql: snapshot) == before.0)
            #expect(try String.fetchAll(db, sql: "SELECT written_at FROM articles ORDER BY id") == before.1)
            // The first hashes matched, so each was replaced by the current one, the same a new database holds.
            #expect(try String.fetchAll(db, sql: "SELECT content_hash FROM articles ORDER BY id") == freshHashes)
            #expect(freshHashes.allSatisfy { $0.hasPrefix(RowsHash.prefix) })
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM articles WHERE \(CorpusSchema.firstHash)") == 0)
            #expect(try String.fetchOne(db, sql: "PRAGMA journal_mode") == "wal")
            // An existing database keeps the page size it was created with: SQLite changes it only on VACUUM.
            #expect(try Int.fetchOne(db, sql: "PRAGMA page_size") == 4096)
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
            #expect(try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok")
        }
        try Self.checkIndex(at: path)
    }

    @Test(
        "a database of the third schema is migrated to the fourth: unchanged articles are recognised by their first hash and left as they were, changed ones replaced, and the next run needs no first hash"
    )
    func thirdSchemaIsMigrated() async throws {
        let folder = try SQLiteCorpus.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("corpus.sqlite")
        let corpus = SQLiteQueryTests.corpus()
        try Self.makeThirdSchemaDatabase(at: path, from: corpus)
        let snapshot = "SELECT article_id || '/' || id || '@' || rowid FROM claims ORDER BY 1"
        let before = try SQLiteCorpus.read(path) { (db: Database) throws in
            (try String.fetchAll(db, sql: snapshot), try String.fetchAll(db, sql: "SELECT id || written_at FROM articles ORDER BY id"))
        }

        // The same three articles, but the second one changed.
        var changed = corpus
        changed[1].metadata.title = "A changed title"
        #expect(try Self.write(changed, to: path) == .init(inserted: 0, replaced: 1, unchanged: 2))
        try SQLiteCorpus.read(path) { (db: Database) throws in
            #expect(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier").last == "dossier-5")
            let written = try String.fetchAll(db, sql: "SELECT id || written_at FROM articles ORDER BY id")
            #expect(written[0] == before.1[0] && written[2] == before.1[2])
            #expect(try String.fetchOne(db, sql: "SELECT title FROM articles WHERE id = 'courier-2'") == "A changed title")
            let claims = try String.fetchAll(db, sql: snapshot)
            #expect(claims.filter { !$0.hasPrefix("courier-2/") } == before.0.filter { !$0.hasPrefix("courier-2/") })
            // The changed article's claims were inserted again, under new rowids.
            #expect(Set(claims.filter { $0.hasPrefix("courier-2/") }).isDisjoint(with: before.0.filter { $0.hasPrefix("courier-2/") }))
            #expect(try String.fetchAll(db, sql: "SELECT content_hash FROM articles").allSatisfy { $0.hasPrefix(RowsHash.prefix) })
            // The partial index holds the articles still under a first hash: none now.
            #expect(
                try Int.fetchOne(db, sql: "SELECT count(*) FROM articles INDEXED BY articles_first_hash WHERE \(CorpusSchema.firstHash)")
                    == 0)
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
            #expect(try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok")
        }
        try Self.checkIndex(at: path)
        // Again: every article is unchanged by its current hash alone.
        #expect(try Self.write(changed, to: path) == .init(inserted: 0, replaced: 0, unchanged: 3))
    }

    @Test(
        "a database of the fourth schema is migrated to the fifth: spans' text is cut from the article's, every documented query answers as on a new database, and unchanged articles are recognised by their dossier-4 fingerprint and left as they were"
    )
    func fourthSchemaIsMigrated() async throws {
        let fresh = try SQLiteCorpus.folder()
        let migrated = try SQLiteCorpus.folder()
        defer {
            try? FileManager.default.removeItem(at: fresh)
            try? FileManager.default.removeItem(at: migrated)
        }
        // Written by the release before `dossier-5` (3e05c74) from the documents of `SQLiteQueryTests.corpus()`,
        // read back from their Dossier JSON (then vacuumed to 4 KiB pages).
        let fixture = try #require(Bundle.module.url(forResource: "Fixtures/dossier-4", withExtension: "sqlite"))
        let path = migrated.appendingPathComponent("corpus.sqlite")
        try FileManager.default.copyItem(at: fixture, to: path)
        let snapshot = "SELECT article_id || '/' || id || '@' || rowid FROM claims ORDER BY 1"
        let before = try SQLiteCorpus.read(path) { (db: Database) throws in
            (
                try String.fetchAll(db, sql: snapshot),
                try String.fetchAll(db, sql: "SELECT id || written_at FROM articles ORDER BY id"),
                try String.fetchAll(db, sql: "SELECT content_hash FROM articles ORDER BY id"),
                try Int.fetchOne(db, sql: "SELECT count(*) FROM quotes WHERE text IS NOT NULL") ?? 0
            )
        }
        #expect(before.2.allSatisfy { $0.hasPrefix(RowsHash.fourthPrefix) && !$0.hasPrefix(RowsHash.prefix) })
        #expect(before.3 > 0)

        let corpus = SQLiteQueryTests.corpus()
        #expect(try Self.write(corpus, to: path) == .init(inserted: 0, replaced: 0, unchanged: 3))
        let freshHashes = try await Self.expectAnswersAsNew(path, new: fresh)
        try SQLiteCorpus.read(path) { (db: Database) throws in
            #expect(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier").last == "dossier-5")
            #expect(try String.fetchAll(db, sql: snapshot) == before.0)
            #expect(try String.fetchAll(db, sql: "SELECT id || written_at FROM articles ORDER BY id") == before.1)
            #expect(try String.fetchAll(db, sql: "SELECT content_hash FROM articles ORDER BY id") == freshHashes)
            #expect(
                try Int.fetchOne(db, sql: "SELECT count(*) FROM articles INDEXED BY articles_fourth_hash WHERE \(CorpusSchema.fourthHash)")
                    == 0)
            // The text is stored once, in the article; the views cut the spans' from it.
            for table in ["source_rows", "quote_rows", "finding_rows"] {
                #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table) WHERE text IS NOT NULL") == 0, "\(table)")
            }
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM quotes WHERE text IS NOT NULL") == before.3)
            #expect(
                try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'view' ORDER BY name") == [
                    "findings", "mentions", "metrics", "quotes", "sources",
                ])
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
            #expect(try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok")
        }
        try Self.checkIndex(at: path)

        // A changed article is replaced; the next run finds all three unchanged by the current hash alone.
        var changed = corpus
        changed[1].metadata.title = "A changed title"
        #expect(try Self.write(changed, to: path) == .init(inserted: 0, replaced: 1, unchanged: 2))
        #expect(try Self.write(changed, to: path) == .init(inserted: 0, replaced: 0, unchanged: 3))
        try Self.checkIndex(at: path)
    }

    /// Writes `documents` to the database at `path` through the exporter's sink, as a run does.
    static func write(_ documents: [Document], to path: URL) throws -> SQLiteSink.Statistics {
        let exporter = try SQLiteExporter()
        let sink = try #require(
            try exporter.makeSink(for: MemoryOutput(kind: .sharedFile(path: path.path)), context: .standalone(exporter: "sqlite"))
                as? SQLiteSink)
        for document in documents { try sink.write(try exporter.export(document), for: document) }
        try sink.finish()
        return sink.statistics
    }

    /// Runs `SQLiteQueryTests.corpus()` into a new database in the folder `new`, and expects the
    /// migrated database at `path` to answer every documented query, and every view and table read
    /// whole, as that one does; returns the new database's content hashes, by article id.
    static func expectAnswersAsNew(_ path: URL, new: URL) async throws -> [String] {
        let run = try await SQLiteCorpus.run(SQLiteQueryTests.corpus(), into: new)
        #expect(run.summary.allSucceeded, "\(run.diagnostics)")
        let queries =
            try SQLiteQueryTests.queries() + [
                "SELECT * FROM sources ORDER BY article_id, id",
                "SELECT * FROM quotes ORDER BY article_id, id",
                "SELECT * FROM findings ORDER BY article_id, id",
                "SELECT * FROM mentions ORDER BY article_id, entity_id, start",
                "SELECT * FROM metrics ORDER BY article_id, id",
                "SELECT article_id, id, name, kind, role, producer FROM entities ORDER BY article_id, id",
                "SELECT c.article_id, c.id FROM claims_fts JOIN claims c ON c.rowid = claims_fts.rowid WHERE claims_fts MATCH 'bridge' ORDER BY rank, 1, 2",
            ]
        func answers(_ path: URL) throws -> [[Row]] {
            try SQLiteCorpus.read(path) { db in try queries.map { try Row.fetchAll(db, sql: $0) } }
        }
        let database = new.appendingPathComponent("corpus.sqlite")
        let expected = try answers(database)
        let got = try answers(path)
        for (n, query) in queries.enumerated() {
            #expect(!expected[n].isEmpty, "no rows from:\n\(query)")
            #expect(got[n] == expected[n], "\(query)")
        }
        return try SQLiteCorpus.read(database) { db in try String.fetchAll(db, sql: "SELECT content_hash FROM articles ORDER BY id") }
    }

    @Test("an article stored under a first hash that no longer matches is replaced, and gets the current hash")
    func changedArticleUnderFirstHash() throws {
        let folder = try SQLiteCorpus.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("corpus.sqlite")
        let document = SQLiteCorpus.document("one")
        try Self.makeThirdSchemaDatabase(at: path, from: [document])
        var changed = document
        changed.annotations.claims.removeLast()
        #expect(try Self.write([changed], to: path) == .init(inserted: 0, replaced: 1, unchanged: 0))
        try SQLiteCorpus.read(path) { (db: Database) throws in
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM claims") == document.annotations.claims.count - 1)
            #expect(try String.fetchOne(db, sql: "SELECT content_hash FROM articles")?.hasPrefix(RowsHash.prefix) == true)
        }
    }

    /// A database as the third schema's writer left it, holding `documents`: the tables are those of
    /// the fourth, so it is written by this version and then given back the first hashes (those
    /// `SQLiteMigrationTests.secondSchemaIsMigrated` checks against a database the release before
    /// `dossier-3` wrote) and the third schema's migrations.
    static func makeThirdSchemaDatabase(at path: URL, from documents: [Document]) throws {
        _ = try write(documents, to: path)
        let options = SQLiteExporter.Options()
        let queue = try DatabaseQueue(path: path.path)
        try queue.write { db in
            for document in documents {
                let legacy = ArticleRows(document, options: options, legacy: true).legacyHash
                let first = try #require(legacy)
                #expect(first.hasPrefix("fnv1a64:"))
                try db.execute(sql: "UPDATE articles SET content_hash = ? WHERE id = ?", arguments: [first, document.id])
            }
            try db.execute(sql: "DROP INDEX articles_first_hash")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'dossier-4'")
        }
        try queue.close()
    }

    @Test("a database that stored no article text keeps its mentions' text through the migration")
    func mentionTextWithoutArticleText() throws {
        let folder = try SQLiteCorpus.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("corpus.sqlite")
        let queue = try DatabaseQueue(path: path.path)
        var old = DatabaseMigrator()
        old.registerMigration("dossier-1") { db in for statement in CorpusSchema.version1 { try db.execute(sql: statement) } }
        old.registerMigration("dossier-2") { db in for statement in CorpusSchema.version2 { try db.execute(sql: statement) } }
        try old.migrate(queue)
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO articles (id, content_hash, length, text, written_at) VALUES ('t', 'h', 9, 'Ada spoke', 'w'), ('n', 'h', 9, NULL, 'w');
                    INSERT INTO entities (article_id, id, kind, name, producer) VALUES ('t', 'e1', 'person', 'Ada', 'p'), ('n', 'e1', 'person', 'Ada', 'p');
                    INSERT INTO mentions (article_id, entity_id, start, end, form, text) VALUES ('t', 'e1', 0, 3, 'name', 'Ada'), ('n', 'e1', 0, 3, 'name', 'Ada');
                    INSERT INTO metrics (article_id, id, name, value, unit, producer) VALUES ('t', 'm1', 'words', 2, 'words', 'p'), ('t', 'm2', 'ease', 0.5, NULL, 'p');
                    """)
        }
        try CorpusSchema.migrator.migrate(queue)
        try queue.read { (db: Database) throws in
            #expect(
                try String.fetchAll(db, sql: "SELECT mentions FROM entities ORDER BY article_id") == [
                    #"[[0,3,"name","Ada"]]"#, #"[[0,3,"name"]]"#,
                ])
            #expect(
                try String.fetchAll(db, sql: "SELECT article_id || ':' || text FROM mentions ORDER BY article_id") == ["n:Ada", "t:Ada"])
            #expect(
                try String.fetchOne(db, sql: "SELECT metrics FROM articles WHERE id = 't'")
                    == #"[["p",["m1","words",2.0,"words"]],["p",["m2","ease",0.5]]]"#
            )
            #expect(
                try String.fetchAll(db, sql: "SELECT name || ':' || value || ':' || coalesce(unit, '-') FROM metrics ORDER BY id") == [
                    "words:2.0:words", "ease:0.5:-",
                ])
        }
        try queue.close()
    }

    /// A database as the first schema left it, with one claim its insert trigger indexed.
    static func makeFirstSchemaDatabase(at path: URL) throws {
        let old = try DatabaseQueue(path: path.path)
        var first = DatabaseMigrator()
        first.registerMigration("dossier-1") { db in for statement in CorpusSchema.version1 { try db.execute(sql: statement) } }
        try first.migrate(old)
        try old.write { db in
            try db.execute(
                sql: "INSERT INTO articles (id, content_hash, length, written_at) VALUES ('old', 'h', 0, '2026-01-01T00:00:00Z')")
            try db.execute(
                sql: """
                    INSERT INTO claims (article_id, id, start, end, text, kind, check_worthiness, claimant_kind, producer)
                    VALUES ('old', 'c1', 0, 0, 'the ferry timetable was cut', 'fact', 0.5, 'publication', 'claims@1')
                    """)
        }
        try old.close()
    }

    static func checkIndex(at path: URL) throws {
        let queue = try DatabaseQueue(path: path.path)
        try queue.write { db in try db.execute(sql: "INSERT INTO claims_fts(claims_fts, rank) VALUES ('integrity-check', 1)") }
        try queue.close()
    }
}
