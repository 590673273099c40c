import GRDB

/// The corpus database's tables, created and upgraded by GRDB's migrator.
///
/// Every table of an article's items is keyed by `(article_id, id)`, with the article's id as a
/// foreign key that cascades, so a program that enforces foreign keys removes all of an article's
/// rows by deleting it (the sink, which does not, deletes them table by table: `ArticleWriter`).
/// `claims_fts` is an external-content FTS5 index over the claims' text,
/// filled by the sink after each batch's inserts (in the same transaction) and emptied of deleted
/// claims by a trigger. Migrations are named and recorded by GRDB (`grdb_migrations`), so a
/// later version adds one without touching the data; a database migrated by a newer Dossier
/// than this one is refused rather than written with an older idea of its tables.
enum CorpusSchema {
    /// The migrations, in order.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("dossier-1") { db in
            for statement in version1 { try db.execute(sql: statement) }
        }
        migrator.registerMigration("dossier-2") { db in
            for statement in version2 { try db.execute(sql: statement) }
        }
        migrator.registerMigration("dossier-3") { db in
            for statement in version3 { try db.execute(sql: statement) }
        }
        migrator.registerMigration("dossier-4") { db in
            for statement in version4 { try db.execute(sql: statement) }
        }
        migrator.registerMigration("dossier-5") { db in
            for statement in version5 { try db.execute(sql: statement) }
        }
        return migrator
    }

    /// The tables of the first version, one statement each (also shown in `Docs/SQLite.md`).
    static let version1: [String] = [
        """
        CREATE TABLE articles (
            id TEXT PRIMARY KEY NOT NULL,
            content_hash TEXT NOT NULL,
            title TEXT, authors TEXT, publisher TEXT, published TEXT, modified TEXT, url TEXT, language TEXT, origin TEXT,
            length INTEGER NOT NULL,
            text TEXT,
            written_at TEXT NOT NULL
        )
        """,
        "CREATE INDEX articles_publisher ON articles(publisher)",
        "CREATE INDEX articles_published ON articles(published)",
        """
        CREATE TABLE entities (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            id TEXT NOT NULL,
            kind TEXT NOT NULL, name TEXT NOT NULL, role TEXT, producer TEXT NOT NULL,
            PRIMARY KEY (article_id, id)
        ) WITHOUT ROWID
        """,
        "CREATE INDEX entities_name ON entities(name)",
        """
        CREATE TABLE mentions (
            article_id TEXT NOT NULL, entity_id TEXT NOT NULL,
            start INTEGER NOT NULL, end INTEGER NOT NULL, form TEXT NOT NULL, text TEXT,
            FOREIGN KEY (article_id, entity_id) REFERENCES entities(article_id, id) ON DELETE CASCADE
        )
        """,
        "CREATE INDEX mentions_entity ON mentions(article_id, entity_id)",
        """
        CREATE TABLE sources (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            id TEXT NOT NULL,
            name TEXT NOT NULL, kind TEXT NOT NULL, url TEXT, entity_id TEXT, platform TEXT, handle TEXT, date TEXT,
            start INTEGER, end INTEGER, text TEXT, producer TEXT NOT NULL,
            PRIMARY KEY (article_id, id),
            FOREIGN KEY (article_id, entity_id) REFERENCES entities(article_id, id)
        ) WITHOUT ROWID
        """,
        "CREATE INDEX sources_url ON sources(url)",
        "CREATE INDEX sources_name ON sources(name)",
        """
        CREATE TABLE quotes (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            id TEXT NOT NULL,
            kind TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT,
            speaker_id TEXT, anonymous INTEGER NOT NULL, cue TEXT, producer TEXT NOT NULL,
            PRIMARY KEY (article_id, id),
            FOREIGN KEY (article_id, speaker_id) REFERENCES entities(article_id, id)
        ) WITHOUT ROWID
        """,
        "CREATE INDEX quotes_speaker ON quotes(article_id, speaker_id)",
        """
        CREATE TABLE claims (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            id TEXT NOT NULL,
            start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL,
            kind TEXT NOT NULL, check_worthiness REAL NOT NULL, claimant_kind TEXT NOT NULL, claimant_id TEXT, quote_id TEXT,
            attribution TEXT, reasons TEXT, producer TEXT NOT NULL,
            PRIMARY KEY (article_id, id),
            FOREIGN KEY (article_id, claimant_id) REFERENCES entities(article_id, id),
            FOREIGN KEY (article_id, quote_id) REFERENCES quotes(article_id, id)
        )
        """,
        "CREATE INDEX claims_check_worthiness ON claims(check_worthiness)",
        """
        CREATE TABLE claim_sources (
            article_id TEXT NOT NULL, claim_id TEXT NOT NULL, source_id TEXT NOT NULL, via TEXT NOT NULL,
            PRIMARY KEY (article_id, claim_id, source_id),
            FOREIGN KEY (article_id, claim_id) REFERENCES claims(article_id, id) ON DELETE CASCADE,
            FOREIGN KEY (article_id, source_id) REFERENCES sources(article_id, id) ON DELETE CASCADE
        ) WITHOUT ROWID
        """,
        "CREATE INDEX claim_sources_source ON claim_sources(article_id, source_id)",
        """
        CREATE TABLE findings (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            id TEXT NOT NULL,
            kind TEXT NOT NULL, severity TEXT NOT NULL, message TEXT NOT NULL, cue TEXT,
            start INTEGER, end INTEGER, text TEXT, producer TEXT NOT NULL,
            PRIMARY KEY (article_id, id)
        ) WITHOUT ROWID
        """,
        "CREATE INDEX findings_kind ON findings(kind)",
        """
        CREATE TABLE metrics (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            id TEXT NOT NULL,
            name TEXT NOT NULL, value REAL NOT NULL, unit TEXT, producer TEXT NOT NULL,
            PRIMARY KEY (article_id, id)
        ) WITHOUT ROWID
        """,
        "CREATE INDEX metrics_name ON metrics(name)",
        "CREATE VIRTUAL TABLE claims_fts USING fts5(text, content='claims', content_rowid='rowid')",
        "CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN INSERT INTO claims_fts(rowid, text) VALUES (new.rowid, new.text); END",
        claimsIndexDeleteTrigger,
    ]

    /// Takes a deleted claim out of the full-text index (an external-content index holds no copy
    /// of the text, so it is told which words to remove).
    static let claimsIndexDeleteTrigger = """
        CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
            INSERT INTO claims_fts(claims_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
        END
        """

    /// The second version: claims enter the full-text index in one statement per batch
    /// (`ArticleWriter.indexClaims`) instead of through a trigger per row, which cost a third of
    /// SQLite's time for the inserts; deletions still go through their trigger.
    /// Every claim a version 1 database holds is indexed already, by the trigger.
    static let version2: [String] = ["DROP TRIGGER claims_fts_insert"]

    /// The third version: fewer rows and fewer indexes for SQLite to maintain, the same questions
    /// answered (`Docs/SQLite.md`, "Schema").
    ///
    /// - An entity's mentions are one JSON array in `entities.mentions` (`[start, end, form]` each,
    ///   with the mention's text as a fourth element only when the article's text is not stored),
    ///   and an article's metrics one JSON array in `articles.metrics` (the metrics layer's wire
    ///   form: `{"id", "name", "producer", "unit"?, "value"}`), instead of a row each: mentions and
    ///   metrics were half of all rows. Views named `mentions` and `metrics` give the old tables'
    ///   columns, so queries over them read as before; a mention's text is cut from the article's.
    /// - The secondary indexes no documented query uses are dropped: on `sources(url)`,
    ///   `sources(name)`, `claims(check_worthiness)`, `findings(kind)`, and those on
    ///   `(article_id, …)` of `quotes` and `claim_sources`, whose primary keys already start with
    ///   the article (what a foreign key's check or cascade looks up).
    ///
    /// Existing rows move into the new columns, in the order they were written; a database that
    /// stored no article text keeps its mentions' text in the arrays.
    static let version3: [String] = [
        "ALTER TABLE entities ADD COLUMN mentions TEXT",
        """
        UPDATE entities SET mentions = (
            SELECT json_group_array(CASE WHEN t.stored THEN json_array(t.start, t.end, t.form)
                                         ELSE json_array(t.start, t.end, t.form, t.text) END)
            FROM (SELECT m.start, m.end, m.form, m.text,
                         (SELECT a.text IS NOT NULL FROM articles a WHERE a.id = m.article_id) AS stored
                  FROM mentions m WHERE m.article_id = entities.article_id AND m.entity_id = entities.id ORDER BY m.rowid) t)
        WHERE EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = entities.article_id AND m.entity_id = entities.id)
        """,
        "ALTER TABLE articles ADD COLUMN metrics TEXT",
        """
        UPDATE articles SET metrics = (
            SELECT json_group_array(CASE WHEN t.unit IS NULL
                                         THEN json_object('id', t.id, 'name', t.name, 'producer', t.producer, 'value', t.value)
                                         ELSE json_object('id', t.id, 'name', t.name, 'producer', t.producer, 'unit', t.unit, 'value', t.value) END)
            FROM (SELECT * FROM metrics m WHERE m.article_id = articles.id ORDER BY length(m.id), m.id) t)
        WHERE EXISTS (SELECT 1 FROM metrics m WHERE m.article_id = articles.id)
        """,
        "DROP TABLE mentions",
        "DROP TABLE metrics",
        "DROP INDEX sources_url",
        "DROP INDEX sources_name",
        "DROP INDEX claims_check_worthiness",
        "DROP INDEX findings_kind",
        "DROP INDEX quotes_speaker",
        "DROP INDEX claim_sources_source",
        mentionsView,
        metricsView,
    ]

    /// The fourth version: the content hash is XXH64 over the stored rows (`RowsHash`), no longer
    /// FNV-1a over the first schema's rows (`ContentHash`), which cost a fifth of rendering them.
    /// The tables do not change. The articles a database holds keep their first hash until a run
    /// meets them again and finds them unchanged by it (`ArticleWriter.write`); a partial index
    /// holds exactly those articles, so a run tells at once whether it must compute first hashes.
    /// The migration is also what keeps an older Dossier, which knows only the first hash, from
    /// writing to the database (`E276`).
    static let version4: [String] = ["CREATE INDEX articles_first_hash ON articles(id) WHERE \(firstHash)"]

    /// The fifth version: a source's, quote's or finding's text is no longer stored a second time
    /// when the article's text is (it was a tenth of the bytes written, and copying it into SQLite's
    /// pages, the WAL and back a share of the writer's time), and the full-text index keeps no
    /// table of its rows' sizes (`columnsize=0`; ranking by `rank` still works, from the text).
    ///
    /// - The tables become `source_rows`, `quote_rows` and `finding_rows`, whose `text` is NULL
    ///   where the article's text is stored; views named `sources`, `quotes` and `findings` give
    ///   the old tables' columns, the text cut from the article's (as `mentions` does), so queries
    ///   read as before. An article stored without its text keeps the spans' text in the rows.
    ///   Existing rows lose their text only where the cut gives exactly the same.
    /// - `articles.metrics` holds the metrics in runs of one producer, `[[producer, [id, name,
    ///   value, unit?], …], …]`, not an object per metric with its keys and producer (`ArticleRows`);
    ///   the `metrics` view reads the new form. Existing arrays become a run per metric.
    /// - The fingerprint is taken over the new rows, written `xxh64-5:`: those `dossier-4` wrote
    ///   (`xxh64:`) stay until a run meets the article again and finds it unchanged by the rows as
    ///   `dossier-4` encoded them (`ArticleRows.Form.fourth`); a partial index holds them.
    static let version5: [String] =
        [
            "ALTER TABLE sources RENAME TO source_rows",
            "ALTER TABLE quotes RENAME TO quote_rows",
            "ALTER TABLE findings RENAME TO finding_rows",
        ]
        + ["source_rows", "quote_rows", "finding_rows"].map { table in
            """
            UPDATE \(table) SET text = NULL
            WHERE start IS NOT NULL AND text IS NOT NULL
              AND text = \(articleCut(table))
            """
        }
        + [
            sourcesView, quotesView, findingsView,
            """
            UPDATE articles SET metrics = (
                SELECT json_group_array(json_array(
                    json_extract(m.value, '$.producer'),
                    CASE WHEN json_extract(m.value, '$.unit') IS NULL
                         THEN json_array(json_extract(m.value, '$.id'), json_extract(m.value, '$.name'), json_extract(m.value, '$.value'))
                         ELSE json_array(json_extract(m.value, '$.id'), json_extract(m.value, '$.name'), json_extract(m.value, '$.value'),
                                         json_extract(m.value, '$.unit')) END))
                FROM json_each(articles.metrics) m)
            WHERE metrics IS NOT NULL
            """,
            "DROP VIEW metrics",
            metricsViewFifth,
            "DROP TRIGGER claims_fts_delete",
            "DROP TABLE claims_fts",
            "CREATE VIRTUAL TABLE claims_fts USING fts5(text, content='claims', content_rowid='rowid', columnsize=0)",
            "INSERT INTO claims_fts(claims_fts) VALUES ('rebuild')",
            claimsIndexDeleteTrigger,
            "CREATE INDEX articles_fourth_hash ON articles(id) WHERE \(fourthHash)",
        ]

    /// The text of `text` from scalar `start` to `end`, clamped as `Document.text(in:)` clamps
    /// (offsets are Unicode scalars, as SQLite's `substr` counts characters); NULL without a start.
    static func cut(_ text: String, start: String, end: String) -> String {
        "substr(\(text), max(\(start), 0) + 1, max(\(end) - max(\(start), 0), 0))"
    }

    /// The text a row of `alias` (with `article_id`, `start` and `end`) covers, cut from its
    /// article's by a subquery.
    static func articleCut(_ alias: String) -> String {
        "(SELECT \(cut("a.text", start: "\(alias).start", end: "\(alias).end")) FROM articles a WHERE a.id = \(alias).article_id)"
    }

    /// The text of a row of `alias`: stored, or cut from its article's by a subquery, which SQLite
    /// runs only for a query that reads the column (a join would cost every query over the view a
    /// lookup of the article).
    static func spanText(_ alias: String) -> String { "coalesce(\(alias).text, \(articleCut(alias)))" }

    /// The sources, with their text: stored, or cut from the article's.
    static let sourcesView = """
        CREATE VIEW sources (article_id, id, name, kind, url, entity_id, platform, handle, date, start, end, text, producer) AS
        SELECT s.article_id, s.id, s.name, s.kind, s.url, s.entity_id, s.platform, s.handle, s.date, s.start, s.end, \(spanText("s")),
               s.producer
        FROM source_rows s
        """

    /// The quotes, with their text: stored, or cut from the article's.
    static let quotesView = """
        CREATE VIEW quotes (article_id, id, kind, start, end, text, speaker_id, anonymous, cue, producer) AS
        SELECT q.article_id, q.id, q.kind, q.start, q.end, \(spanText("q")), q.speaker_id, q.anonymous, q.cue, q.producer
        FROM quote_rows q
        """

    /// The findings, with their text: stored, or cut from the article's.
    static let findingsView = """
        CREATE VIEW findings (article_id, id, kind, severity, message, cue, start, end, text, producer) AS
        SELECT f.article_id, f.id, f.kind, f.severity, f.message, f.cue, f.start, f.end, \(spanText("f")), f.producer
        FROM finding_rows f
        """

    /// The condition an article stored under the fingerprint of `dossier-4` meets, as the partial
    /// index `articles_fourth_hash` and the queries that use it spell it.
    static let fourthHash = "substr(content_hash, 1, \(RowsHash.fourthPrefix.count)) = '\(RowsHash.fourthPrefix)'"

    /// The condition an article stored under the first content hash meets, as the partial index
    /// `articles_first_hash` and the queries that use it spell it.
    static let firstHash = "substr(content_hash, 1, \(ContentHash.prefix.count)) = '\(ContentHash.prefix)'"

    /// Every mention of every entity, one row each, with the text its range covers: from the
    /// array when it holds one, else cut from the article's text (offsets are Unicode scalars, as
    /// SQLite's `substr` counts characters; clamped to the text as `Document.text(in:)` clamps).
    static let mentionsView = """
        CREATE VIEW mentions (article_id, entity_id, start, end, form, text) AS
        SELECT e.article_id, e.id, json_extract(m.value, '$[0]'), json_extract(m.value, '$[1]'), json_extract(m.value, '$[2]'),
               coalesce(json_extract(m.value, '$[3]'),
                        \(cut("a.text", start: "json_extract(m.value, '$[0]')", end: "json_extract(m.value, '$[1]')")))
        FROM entities e, json_each(e.mentions) m
        JOIN articles a ON a.id = e.article_id
        """

    /// Every metric of every article, one row each, from the arrays of `dossier-5`: a run per
    /// producer, its first element the producer, then a metric each.
    static let metricsViewFifth = """
        CREATE VIEW metrics (article_id, id, name, value, unit, producer) AS
        SELECT a.id, json_extract(m.value, '$[0]'), json_extract(m.value, '$[1]'), CAST(json_extract(m.value, '$[2]') AS REAL),
               json_extract(m.value, '$[3]'), json_extract(r.value, '$[0]')
        FROM articles a, json_each(a.metrics) r, json_each(r.value) m
        WHERE m.key > 0
        """

    /// Every metric of every article, one row each, from the arrays of `dossier-3` (replaced in `dossier-5`).
    static let metricsView = """
        CREATE VIEW metrics (article_id, id, name, value, unit, producer) AS
        SELECT a.id, json_extract(m.value, '$.id'), json_extract(m.value, '$.name'), CAST(json_extract(m.value, '$.value') AS REAL),
               json_extract(m.value, '$.unit'), json_extract(m.value, '$.producer')
        FROM articles a, json_each(a.metrics) m
        """
}
