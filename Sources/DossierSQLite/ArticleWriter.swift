import GRDB
import GRDBSQLite

/// Writes one article's rows inside the sink's open transaction: nothing when the stored version
/// has the same content hash, else the old rows (if any) deleted and the new ones inserted.
///
/// The rows arrive encoded (`ArticleRows`) and are bound straight from those bytes to the cached
/// insert statements through SQLite's C API: no value, argument list or string is built per
/// column, which left the sink's own work to SQLite.
struct ArticleWriter {
    /// What writing an article did.
    enum Outcome {
        case inserted, replaced, unchanged
    }

    var writtenAt: String

    /// The tables of an article's items, children before their parents.
    static let tablesToDelete = ["claim_sources", "claims", "quotes", "sources", "findings", "entities"]

    /// Writes one article; `firstClaim` is set to the rowid of the first claim the batch inserts,
    /// for `indexClaims`.
    func write(id: String, hash: String, rows: UnsafeRawBufferPointer, firstClaim: inout Int64?, in db: Database) throws -> Outcome {
        let stored = try String.fetchOne(db.cachedStatement(sql: "SELECT content_hash FROM articles WHERE id = ?"), arguments: [id])
        if stored == hash { return .unchanged }
        if stored != nil {
            // Table by table, since the sink's connection does not enforce foreign keys (so no cascade);
            // the trigger on `claims` keeps the full-text index in step.
            for table in Self.tablesToDelete {
                try db.cachedStatement(sql: "DELETE FROM \(table) WHERE article_id = ?").execute(arguments: [id])
            }
            try db.cachedStatement(sql: "DELETE FROM articles WHERE id = ?").execute(arguments: [id])
        }
        var statements: [Statement?] = Array(repeating: nil, count: ArticleRows.Table.allCases.count)
        // The text is bound without a copy (`SQLITE_STATIC`): let go of it before the bytes go,
        // whether the article was written or failed.
        defer { for case let statement? in statements { sqlite3_clear_bindings(statement.sqliteStatement) } }
        var reader = Reader(rows)
        precondition(reader.byte() == ArticleRows.version, "rows encoded by another version")
        while !reader.atEnd {
            let marker = reader.byte()
            guard marker >= 0xF0, let table = ArticleRows.Table(rawValue: marker & 0x0F) else {
                preconditionFailure("malformed rows: \(marker) where a row should start")
            }
            let n = Int(table.rawValue)
            let statement = try statements[n] ?? db.cachedStatement(sql: table.insert)
            statements[n] = statement
            let handle = statement.sqliteStatement
            var column: CInt = 1
            while !reader.atEnd && reader.peek() < 0xF0 {
                bind(&reader, to: handle, at: column)
                column += 1
            }
            if table == .articles {
                bind(hash, to: handle, at: column)
                bind(writtenAt, to: handle, at: column + 1)
            }
            let code = sqlite3_step(handle)
            sqlite3_reset(handle)
            guard code == SQLITE_DONE else {
                throw DatabaseError(
                    resultCode: ResultCode(rawValue: code), message: db.sqliteConnection.map { String(cString: sqlite3_errmsg($0)) },
                    sql: statement.sql)
            }
            if table == .claims && firstClaim == nil { firstClaim = db.lastInsertedRowID }
        }
        return stored == nil ? .inserted : .replaced
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
    }
}
