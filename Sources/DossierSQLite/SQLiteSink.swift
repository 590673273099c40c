public import DossierCore
public import Foundation
import GRDB

/// The `sqlite` exporter's sink: the corpus database, opened once per run and written in input
/// order, `batchSize` articles per transaction, fewer when their rows reach `batchBytes` first.
///
/// The database is written in place (`SQLiteExporter.writesInPlace`), not assembled aside and
/// renamed: a corpus grows run after run, and copying it for each run would cost more than the
/// run. Consistency comes from SQLite's transactions instead. Articles wait in memory until a
/// batch is full, then one transaction writes them all, on GRDB's writer queue while the pipeline
/// goes on (at most one batch in flight, so memory stays at two batches); a failure rolls that
/// transaction back, so the database holds whole articles only: every batch committed before the
/// failure, nothing of the failed one. The failure is thrown by the next `write` or by `finish`.
/// `discard` (an interrupted run) drops the waiting batch the same way.
public final class SQLiteSink: ExportSink {
    /// What a run did to the database, article by article.
    public struct Statistics: Sendable, Hashable {
        /// Articles the database did not hold.
        public var inserted = 0
        /// Articles it held with other content, whose rows were replaced.
        public var replaced = 0
        /// Articles it held with the same content, left as they were.
        public var unchanged = 0

        /// Creates statistics.
        public init(inserted: Int = 0, replaced: Int = 0, unchanged: Int = 0) {
            self.inserted = inserted
            self.replaced = replaced
            self.unchanged = unchanged
        }
    }

    /// The page size of a database the sink creates, in bytes.
    static let pageSize = 16_384
    /// The most memory the sink's connection keeps pages in, in KiB.
    static let cacheKiB = 16_384
    /// The most bytes of rendered rows a batch holds before it is written, whatever `batchSize`
    /// says: so that a batch of long articles takes memory in proportion to the batch, not to
    /// `batchSize` times the longest article.
    static let batchBytes = 32 << 20

    /// The database file.
    public let path: String
    /// What this run did so far (committed batches only).
    public private(set) var statistics = Statistics()
    private var queue: DatabaseQueue?
    private let writer: ArticleWriter
    private let batchSize: Int
    private let batchBytes: Int
    /// The bytes of rendered rows waiting in `pending`.
    private var pendingBytes = 0
    private let options: SQLiteExporter.Options
    /// Whether the database holds articles under a fingerprint an earlier schema wrote (the first
    /// content hash, `ContentHash`, before `dossier-4`; XXH64 over the rows of `dossier-4`): then
    /// each waiting article keeps its document, so that the writer can compute that fingerprint
    /// for an article stored under it.
    private let holdsEarlierHashes: Bool
    /// Each waiting article's id and rendering (its hash, a NUL, its rows: see `SQLiteExporter.export`),
    /// and its document when the database holds earlier fingerprints.
    private var pending: [(id: String, rendered: Data, document: Document?)] = []
    /// The batch being written on the database's queue, if any, and how it ended.
    private var inFlight: DispatchGroup?
    private let outcome = BatchOutcome()

    /// Opens (creating when needed) the database at `path` and brings its tables up to date.
    public convenience init(path: String, options: SQLiteExporter.Options) throws {
        try self.init(path: path, options: options, batchBytes: Self.batchBytes)
    }

    /// Opens the database with another limit on a batch's bytes (for tests).
    init(path: String, options: SQLiteExporter.Options, batchBytes: Int) throws {
        self.path = path
        batchSize = options.batchSize
        self.batchBytes = batchBytes
        self.options = options
        let stamp = ISO8601DateFormatter()
        stamp.formatOptions = [.withInternetDateTime]
        writer = ArticleWriter(writtenAt: stamp.string(from: Date()))
        do {
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            var configuration = Configuration()
            configuration.journalMode = .wal
            // The foreign keys are declared, for readers and for programs that write with them on,
            // but not enforced on this connection: checking each row's parents was a quarter of
            // SQLite's work, and the rows can only reference their own article's items (`ArticleRows`
            // writes NULL for anything else). A changed article's rows are deleted table by table
            // (`ArticleWriter`) instead of by the cascade.
            configuration.foreignKeysEnabled = false
            configuration.label = "dossier-sqlite"
            configuration.prepareDatabase { db in
                // Pages of 16 KiB rather than SQLite's 4 KiB, for a new database (one that has tables keeps
                // its own: SQLite only changes it on VACUUM): an article's text and metrics fit on one page
                // instead of a chain of overflow pages, and the WAL and its checkpoints move a quarter as
                // many pages, which took about a third off the kernel's time for the writes (Performance.md).
                try db.execute(sql: "PRAGMA page_size = \(Self.pageSize)")
                // In WAL mode NORMAL keeps the database consistent on a crash; only the last commits may be lost on power failure.
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
                // A page cache of 16 MiB (SQLite's default is 2 MiB): the pages a batch's inserts revisit (the
                // right edges of the tables and indexes, the full-text index's) stay in memory rather than
                // being read back from the WAL (a copy in the kernel each); about a point of the run's CPU
                // for 16 MB more, whatever the size of the database (Performance.md).
                try db.execute(sql: "PRAGMA cache_size = -\(Self.cacheKiB)")
            }
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            let migrator = CorpusSchema.migrator
            if try queue.read({ try migrator.hasBeenSuperseded($0) }) {
                throw Diagnostic(
                    code: "E276",
                    "the database '\(path)' was written by a newer version of Dossier; write to a new file, or upgrade Dossier")
            }
            try migrator.migrate(queue)
            holdsEarlierHashes = try queue.read { db in
                // Through the partial indexes of migrations `dossier-4` and `dossier-5`, which hold exactly those articles.
                try Bool.fetchOne(
                    db,
                    sql: """
                        SELECT EXISTS (SELECT 1 FROM articles WHERE \(CorpusSchema.firstHash))
                            OR EXISTS (SELECT 1 FROM articles WHERE \(CorpusSchema.fourthHash))
                        """) ?? false
            }
            self.queue = queue
        } catch let diagnostic as Diagnostic {
            throw diagnostic
        } catch {
            throw Diagnostic(
                code: "E276", "cannot open the database '\(path)': \(Self.describe(error)); check the path, or write to a new file")
        }
    }

    /// Adds the article to the batch; writes the batch when it is full.
    public func write(_ rendered: Data, for document: Document) throws {
        pending.append((document.id, rendered, holdsEarlierHashes ? document : nil))
        pendingBytes += rendered.count
        if pending.count >= batchSize || pendingBytes >= batchBytes { try flush() }
    }

    /// Writes the last batch, waits for it, and closes the database.
    public func finish() throws {
        do {
            try flush()
            try settle()
            try queue?.close()
            queue = nil
        } catch {
            discard()
            throw error
        }
    }

    /// Drops the waiting batch, lets a batch already handed to the database end (it commits or
    /// rolls back whole), and closes the database: committed batches stay.
    public func discard() {
        pending.removeAll()
        pendingBytes = 0
        inFlight?.wait()
        inFlight = nil
        try? queue?.close()
        queue = nil
    }

    /// Hands every waiting article to the database's writer queue, to be written in one
    /// transaction while the pipeline goes on with the next articles. At most one batch is in
    /// flight: the previous one is waited for first, and its failure thrown here.
    private func flush() throws {
        guard !pending.isEmpty else { return }
        try settle()
        guard let queue else { throw Diagnostic(code: "E277", "the database '\(path)' is already closed") }
        let batch = pending
        pending.removeAll(keepingCapacity: true)
        pendingBytes = 0
        let writer = writer
        let options = options
        let outcome = outcome
        let path = path
        let done = DispatchGroup()
        done.enter()
        queue.asyncWrite(
            { db in
                var counts = Statistics()
                var firstClaim: Int64?
                var statements = ArticleWriter.Statements()
                for (id, rendered, document) in batch {
                    let outcome = try rendered.withUnsafeBytes { bytes in
                        let split = bytes.firstIndex(of: 0) ?? bytes.count
                        let hash = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[..<split]), as: UTF8.self)
                        let rows = UnsafeRawBufferPointer(rebasing: bytes[min(split + 1, bytes.count)...])
                        return try writer.write(
                            id: id, hash: hash, rows: rows,
                            earlierHash: document.map { document in { stored in Self.earlierHash(stored, of: document, options: options) }
                            },
                            firstClaim: &firstClaim, statements: &statements, in: db)
                    }
                    switch outcome {
                    case .inserted: counts.inserted += 1
                    case .replaced: counts.replaced += 1
                    case .unchanged: counts.unchanged += 1
                    }
                }
                try ArticleWriter.indexClaims(from: firstClaim, in: db)
                return counts
            },
            completion: { _, result in
                let first = batch.first?.id ?? ""
                let last = batch.last?.id ?? ""
                outcome.record(
                    result.mapError { error in
                        let span = batch.count == 1 ? "'\(first)'" : "\(batch.count) articles from '\(first)' to '\(last)'"
                        return Diagnostic(
                            code: "E277",
                            "writing \(span) to '\(path)' failed: \(Self.describe(error)); that transaction was rolled back, "
                                + "so the database holds only the articles committed before it") as any Error
                    })
                done.leave()
            })
        inFlight = done
    }

    /// Waits for the batch in flight, if any, and throws its failure.
    private func settle() throws {
        guard let done = inFlight else { return }
        done.wait()
        inFlight = nil
        switch outcome.take() {
        case .success(let counts)?:
            statistics.inserted += counts.inserted
            statistics.replaced += counts.replaced
            statistics.unchanged += counts.unchanged
        case .failure(let error)?: throw error
        case nil: break
        }
    }

    /// The fingerprint of `document` in the form `stored` was written in by an earlier schema, or
    /// nil for a form that is not one of those.
    static func earlierHash(_ stored: String, of document: Document, options: SQLiteExporter.Options) -> String? {
        if stored.hasPrefix(ContentHash.prefix) { return ArticleRows(document, options: options, legacy: true).legacyHash }
        if stored.hasPrefix(RowsHash.fourthPrefix) { return ArticleRows(document, options: options, form: .fourth).hash }
        return nil
    }

    fileprivate static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? "\(error.resultCode)" }
        return "\(error)"
    }
}

/// How the batch in flight ended, set on the database's queue and read by the sink.
private final class BatchOutcome: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<SQLiteSink.Statistics, any Error>?

    func record(_ result: Result<SQLiteSink.Statistics, any Error>) {
        lock.withLock { self.result = result }
    }

    func take() -> Result<SQLiteSink.Statistics, any Error>? {
        lock.withLock {
            defer { result = nil }
            return result
        }
    }
}
