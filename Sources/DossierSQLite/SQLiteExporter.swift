public import DossierCore
public import Foundation

/// Writes a corpus into an SQLite database through GRDB: articles (with their metrics), entities
/// (with their mentions), quotes, claims, sources, the links between claims and sources and
/// findings, with foreign keys, indexes, views giving mentions and metrics a row each, and a
/// full-text index over the claims.
///
/// Runs append to the same database. Each article is stored under its id with a hash of its
/// content: re-running an unchanged article leaves its rows alone, and a changed article replaces
/// all of them. The database is written in place, in transactions (see `SQLiteSink`), so it needs
/// one file path: `to: out/corpus.sqlite`. Standard output and a file per article are refused
/// when the pipeline is checked (`E236`). The schema and queries are in `Docs/SQLite.md`.
///
/// Rendering, which runs for many articles at once, builds the article's rows (as bytes) and
/// their content hash; the sink, which sees articles one at a time in input order, compares the
/// hash with the stored one and binds the rows to its inserts.
public struct SQLiteExporter: Exporter {
    /// How the database is written.
    public struct Options: ComponentOptions, Hashable {
        /// Articles per transaction (fewer when their rows pass 32 MiB first).
        public var batchSize: Int = 1000
        /// Store each article's text in `articles.text`.
        public var includeText: Bool = true
        /// Write every entity's mentions to `entities.mentions` (the `mentions` view); false leaves them NULL.
        public var mentions: Bool = true
        /// Write the metrics layer to `articles.metrics` (the `metrics` view); false leaves it NULL.
        public var metrics: Bool = true

        /// Creates the default options.
        public init() {}

        /// One line of help per option key.
        public static var help: [String: String] {
            [
                "batchSize":
                    "articles written per transaction, 1 to 100000, fewer when their rows pass 32 MiB: larger is faster, and a failure rolls back only the batch it happens in",
                "includeText":
                    "store each article's text in articles.text; claims keep their own text either way, sources, quotes, findings and mentions cut theirs from it unless it is left out",
                "mentions":
                    "write every entity's mentions to entities.mentions (the mentions view); false leaves them out and writes faster",
                "metrics": "write the metrics layer to articles.metrics (the metrics view); false leaves it out and writes faster",
            ]
        }
    }

    /// The id pipelines name this exporter by.
    public static let id = "sqlite"
    /// One line saying what it does.
    public static let summary =
        "a corpus database (SQLite, WAL): articles, entities, mentions, quotes, claims, sources, claim_sources, findings, metrics, full-text search over claims; runs append, unchanged articles are skipped"
    /// The extension of the files it writes.
    public static let fileExtension = "sqlite"
    /// The sink opens the database itself and keeps it consistent with transactions.
    public static let writesInPlace = true

    /// The options this exporter was created with.
    public let options: Options

    /// A `batchSize` outside 1 to 100,000 is refused (`E275`).
    public static func validate(_ options: Options) throws {
        guard (1...100_000).contains(options.batchSize) else {
            throw ComponentError(
                code: "E275", "'batchSize' is '\(options.batchSize)' but must be between 1 and 100000", option: "batchSize")
        }
    }

    /// Creates the exporter; throws what `validate` throws.
    public init(options: Options = Options()) throws {
        try Self.validate(options)
        self.options = options
    }

    /// The article's rows, encoded once, after their content hash (what the sink compares with
    /// the stored one) and a NUL byte: the sink inserts these bytes as they are.
    public func export(_ document: Document, context: ExportContext) throws -> Data {
        var rows = ArticleRows(document, options: options)
        return rows.rendered()
    }

    /// Opens the database at the target's path; refuses standard output and per-article targets.
    public func makeSink(for output: any ExportOutput, context: ExportContext) throws -> any ExportSink {
        guard case .sharedFile(let path) = output.kind else {
            throw Diagnostic(
                code: "E236",
                "exporter '\(context.exporter)' writes one database file in place, so it cannot write to "
                    + "\(output.kind == .standardOutput ? "standard output" : "a file per article"); give it one file path, such as 'to: out/corpus.sqlite'",
                component: context.exporter)
        }
        return try SQLiteSink(path: path, options: options)
    }
}
