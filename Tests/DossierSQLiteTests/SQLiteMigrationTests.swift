import DossierTestSupport
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
                try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier") == ["dossier-1", "dossier-2"])
            #expect(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger'") == ["claims_fts_delete"])
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM claims_fts WHERE claims_fts MATCH 'ferry'") == 1)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM claims_fts WHERE claims_fts MATCH 'collisions'") == 2)
        }
        // FTS5's own check that the index holds every claim once and nothing else (it throws otherwise).
        try Self.checkIndex(at: path)
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
