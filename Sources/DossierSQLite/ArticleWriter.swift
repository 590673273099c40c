import DossierCore
import GRDB

/// Writes one article's rows inside the sink's open transaction: nothing when the stored version
/// has the same content hash, else the old rows (if any) deleted and the new ones inserted.
struct ArticleWriter {
    /// What writing an article did.
    enum Outcome {
        case inserted, replaced, unchanged
    }

    var includeText: Bool
    var writtenAt: String

    func write(_ document: Document, hash: String, in db: Database) throws -> Outcome {
        let stored = try String.fetchOne(
            db.cachedStatement(sql: "SELECT content_hash FROM articles WHERE id = ?"), arguments: [document.id])
        if stored == hash { return .unchanged }
        if stored != nil {
            // Cascades to every row of the article; the trigger keeps the claims' full-text index in step.
            try db.cachedStatement(sql: "DELETE FROM articles WHERE id = ?").execute(arguments: [document.id])
        }
        var statements: [Statement?] = Array(repeating: nil, count: ArticleRows.Table.allCases.count)
        try ArticleRows.forEach(document, includeText: includeText) { table, values in
            let n = Int(table.rawValue)
            let statement = try statements[n] ?? db.cachedStatement(sql: table.insert)
            statements[n] = statement
            try statement.execute(arguments: StatementArguments(table == .articles ? values + [hash, writtenAt] : values))
        }
        return stored == nil ? .inserted : .replaced
    }
}
