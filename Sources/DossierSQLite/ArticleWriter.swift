import GRDB
import GRDBSQLite

/// Writes one article's rows inside the sink's open transaction: nothing when the stored version
/// has the same content hash, else the old rows (if any) deleted and the new ones inserted.
///
/// The rows arrive encoded (`ArticleRows`) and are bound straight from those bytes to cached
/// insert statements through SQLite's C API: no value, argument list or string is built per
/// column, which left the sink's own work to SQLite. An article's rows of one table go in with
/// one statement of up to `rowsPerInsert` `VALUES` tuples rather than a statement each: SQLite
/// then opens the table and its indexes once for all of them, which took a fifth off its
/// instructions for the inserts (`Docs/Performance.md`).
struct ArticleWriter {
    /// What writing an article did.
    enum Outcome {
        case inserted, replaced, unchanged
    }

    /// The most rows one insert statement takes; an article's rows of a table beyond that go in
    /// several statements. Above about ten rows a statement SQLite saves little more, and each
    /// row count is a statement of its own in the cache.
    static let rowsPerInsert = 16

    var writtenAt: String

    /// The tables of an article's items, children before their parents.
    static let tablesToDelete = ["claim_sources", "claims", "quote_rows", "source_rows", "finding_rows", "entities"]

    /// The prepared statements of one batch, by table and row count: looked up by number rather
    /// than by their SQL, which is long for many rows.
    struct Statements {
        private var inserts: [Statement?] = Array(
            repeating: nil, count: ArticleRows.Table.allCases.count * (ArticleWriter.rowsPerInsert + 1))
        fileprivate var storedHash: Statement?

        fileprivate mutating func insert(_ table: ArticleRows.Table, rows: Int, in db: Database) throws -> Statement {
            let n = Int(table.rawValue) * (ArticleWriter.rowsPerInsert + 1) + rows
            if let statement = inserts[n] { return statement }
            let statement = try db.cachedStatement(sql: table.insert(rows: rows))
            inserts[n] = statement
            return statement
        }

        fileprivate mutating func stored(in db: Database) throws -> Statement {
            if let storedHash { return storedHash }
            let statement = try db.cachedStatement(sql: "SELECT content_hash FROM articles WHERE id = ?")
            storedHash = statement
            return statement
        }
    }

    /// Writes one article; `firstClaim` is set to the rowid of the first claim the batch inserts,
    /// for `indexClaims`.
    ///
    /// `earlierHash` computes the article's fingerprint in the form of a stored one that an earlier
    /// schema wrote (`ContentHash` before `dossier-4`, `RowsHash.fourthPrefix` before `dossier-5`),
    /// or nil for a form it does not know: when the stored fingerprint is such and matches, the
    /// article is unchanged (the migrations brought its rows up to date), and only its hash is
    /// (its rows, rowids and `written_at` stay), so the next run recognises it by the current hash.
    func write(
        id: String, hash: String, rows: UnsafeRawBufferPointer, earlierHash: ((String) -> String?)? = nil,
        firstClaim: inout Int64?, statements: inout Statements, in db: Database
    ) throws -> Outcome {
        let stored = try storedHash(of: id, statements: &statements, in: db)
        if stored == hash { return .unchanged }
        if let stored, let earlierHash, stored == earlierHash(stored) {
            try db.cachedStatement(sql: "UPDATE articles SET content_hash = ? WHERE id = ?").execute(arguments: [hash, id])
            return .unchanged
        }
        if stored != nil {
            // Table by table, since the sink's connection does not enforce foreign keys (so no cascade);
            // the trigger on `claims` keeps the full-text index in step.
            for table in Self.tablesToDelete {
                try db.cachedStatement(sql: "DELETE FROM \(table) WHERE article_id = ?").execute(arguments: [id])
            }
            try db.cachedStatement(sql: "DELETE FROM articles WHERE id = ?").execute(arguments: [id])
        }

        // Where each row starts, by table: rows are encoded parents first, but an article's
        // claim_sources rows follow each claim's, and go in after all the claims.
        var starts = Array(repeating: [Int](), count: ArticleRows.Table.allCases.count)
        var reader = Reader(rows)
        precondition(reader.byte() == ArticleRows.version, "rows encoded by another version")
        while !reader.atEnd {
            let marker = reader.peek()
            guard marker >= 0xF0, let table = ArticleRows.Table(rawValue: marker & 0x0F) else {
                preconditionFailure("malformed rows: \(marker) where a row should start")
            }
            starts[Int(table.rawValue)].append(reader.offset)
            reader.skipRow()
        }

        var used: [SQLiteStatement] = []
        // The text is bound without a copy (`SQLITE_STATIC`): let go of it before the bytes go,
        // whether the article was written or failed.
        defer { for handle in used { sqlite3_clear_bindings(handle) } }
        for table in ArticleRows.Table.allCases {
            let rowStarts = starts[Int(table.rawValue)]
            let expected = table.encodedValues
            var next = 0
            while next < rowStarts.count {
                let count = min(Self.rowsPerInsert, rowStarts.count - next)
                let statement = try statements.insert(table, rows: count, in: db)
                let handle = statement.sqliteStatement
                used.append(handle)
                var column: CInt = 1
                for start in rowStarts[next..<(next + count)] {
                    reader.offset = start + 1
                    var values = 0
                    while !reader.atEnd && reader.peek() < 0xF0 {
                        bind(&reader, to: handle, at: column)
                        column += 1
                        values += 1
                    }
                    // A row with a value too many or too few would shift every later row's values.
                    precondition(values == expected, "malformed rows: \(values) values for a row of \(table.name)")
                    if table == .articles {
                        bind(hash, to: handle, at: column)
                        bind(writtenAt, to: handle, at: column + 1)
                        column += 2
                    }
                }
                let code = sqlite3_step(handle)
                sqlite3_reset(handle)
                guard code == SQLITE_DONE else {
                    throw DatabaseError(
                        resultCode: ResultCode(rawValue: code), message: db.sqliteConnection.map { String(cString: sqlite3_errmsg($0)) },
                        sql: statement.sql)
                }
                // One statement's rows take consecutive rowids, each one more than the largest.
                if table == .claims && firstClaim == nil { firstClaim = db.lastInsertedRowID - Int64(count - 1) }
                next += count
            }
        }
        return stored == nil ? .inserted : .replaced
    }

    /// The content hash stored for the article `id`, if the database holds it.
    private func storedHash(of id: String, statements: inout Statements, in db: Database) throws -> String? {
        let handle = try statements.stored(in: db).sqliteStatement
        defer {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
        }
        bind(id, to: handle, at: 1)
        switch sqlite3_step(handle) {
        case SQLITE_ROW:
            guard let text = sqlite3_column_text(handle, 0) else { return nil }
            return String(cString: text)
        case SQLITE_DONE: return nil
        case let code:
            throw DatabaseError(
                resultCode: ResultCode(rawValue: code), message: db.sqliteConnection.map { String(cString: sqlite3_errmsg($0)) },
                sql: "SELECT content_hash FROM articles WHERE id = ?")
        }
    }

    /// Adds the claims the batch inserted to the full-text index, in one statement.
    ///
    /// A new rowid is one more than the largest in the table, and no claim inserted in a run is
    /// deleted in the same run (article ids are unique in a run), so the batch's claims are
    /// exactly those from the first one's rowid on. One statement instead of a trigger per row
    /// took a third off SQLite's time for the inserts.
    static func indexClaims(from firstClaim: Int64?, in db: Database) throws {
        guard let firstClaim else { return }
        try db.execute(
            sql: "INSERT INTO claims_fts(rowid, text) SELECT rowid, text FROM claims WHERE rowid >= ?", arguments: [firstClaim])
    }

    private func bind(_ reader: inout Reader, to handle: SQLiteStatement, at column: CInt) {
        switch ArticleRows.Tag(rawValue: reader.byte()) {
        case .null: sqlite3_bind_null(handle, column)
        case .integer: sqlite3_bind_int64(handle, column, Int64(bitPattern: reader.uint64()))
        case .double: sqlite3_bind_double(handle, column, Double(bitPattern: reader.uint64()))
        case .text:
            let count = Int(reader.uint64())
            sqlite3_bind_text(handle, column, reader.pointer(advancingBy: count), CInt(count), nil)
        case nil: preconditionFailure("malformed rows: an unknown value tag")
        }
    }

    private func bind(_ text: String, to handle: SQLiteStatement, at column: CInt) {
        // SQLITE_TRANSIENT: SQLite copies the text, which lives only for this call.
        sqlite3_bind_text(handle, column, text, -1, unsafeBitCast(-1, to: sqlite3_destructor_type.self))
    }

    /// Reads the encoded rows front to back.
    private struct Reader {
        let base: UnsafeRawPointer
        let count: Int
        var offset = 0

        init(_ bytes: UnsafeRawBufferPointer) {
            base = bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!
            count = bytes.count
        }

        var atEnd: Bool { offset >= count }

        func peek() -> UInt8 { base.load(fromByteOffset: offset, as: UInt8.self) }

        mutating func byte() -> UInt8 {
            precondition(offset < count, "malformed rows: they end early")
            defer { offset += 1 }
            return base.load(fromByteOffset: offset, as: UInt8.self)
        }

        mutating func uint64() -> UInt64 {
            precondition(offset + 8 <= count, "malformed rows: they end early")
            defer { offset += 8 }
            return UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        }

        mutating func pointer(advancingBy n: Int) -> UnsafePointer<CChar> {
            precondition(offset + n <= count, "malformed rows: they end early")
            defer { offset += n }
            return (base + offset).assumingMemoryBound(to: CChar.self)
        }

        /// Moves past the row that starts here: its marker and every value.
        mutating func skipRow() {
            offset += 1
            while !atEnd && peek() < 0xF0 {
                switch ArticleRows.Tag(rawValue: byte()) {
                case .null: break
                case .integer, .double: offset += 8
                case .text: offset += Int(uint64())
                case nil: preconditionFailure("malformed rows: an unknown value tag")
                }
                precondition(offset <= count, "malformed rows: they end early")
            }
        }
    }
}
