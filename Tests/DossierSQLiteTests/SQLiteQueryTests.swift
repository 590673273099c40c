import DossierCore
import DossierTestSupport
import Foundation
import GRDB
import Testing

/// Runs every query `Docs/SQLite.md` shows against a database built here, so the documentation
/// stays true to the schema, and checks the answers of the ones the issue asks for.
@Suite("The queries of Docs/SQLite.md")
struct SQLiteQueryTests {
    static let documentation = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Docs/SQLite.md")

    /// The fenced `sql` blocks of the page, in order.
    static func queries() throws -> [String] {
        let text = try String(contentsOf: documentation, encoding: .utf8)
        var queries: [String] = []
        var current: [Substring]?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil, line == "```sql" {
                current = []
            } else if current != nil, line == "```" {
                queries.append(current!.joined(separator: "\n"))
                current = nil
            } else {
                current?.append(line)
            }
        }
        return queries
    }

    /// Three articles from two outlets on three days; the second outlet's article quotes a
    /// different person and backs every claim.
    static func corpus() -> [Document] {
        [
            SQLiteCorpus.document("courier-1", published: "2025-03-14T09:30:00Z"),
            SQLiteCorpus.document("courier-2", published: "2025-01-02T08:00:00Z"),
            SQLiteCorpus.document("gazette-1", publisher: "Riverton Gazette", published: "2025-02-01T12:00:00Z") { document in
                let sources = document.annotations.sources.map { Reference<SourceAnnotation>(to: $0) }
                document.annotations.claims = document.annotations.claims.map { claim in
                    var claim = claim
                    if claim.support.isEmpty { claim.support = [.init(source: sources[1], via: .attribution)] }
                    return claim
                }
                document.annotations.entities = document.annotations.entities.map { entity in
                    var entity = entity
                    if entity.name == "Lena Ortiz" { entity.name = "Lena Ortiz-Vega" }
                    return entity
                }
            },
        ]
    }

    @Test("every documented query runs and answers")
    func everyQueryRuns() async throws {
        let folder = try SQLiteCorpus.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try await SQLiteCorpus.run(Self.corpus(), into: folder)
        #expect(run.summary.allSucceeded, "\(run.diagnostics)")
        let queries = try Self.queries()
        #expect(queries.count == 9)
        let answers = try SQLiteCorpus.read(folder.appendingPathComponent("corpus.sqlite")) { db in
            try queries.map { try Row.fetchAll(db, sql: $0) }
        }
        for (query, rows) in zip(queries, answers) { #expect(!rows.isEmpty, "no rows from:\n\(query)") }

        // Most cited: the survey backs c3 and c4 in all three articles.
        #expect(answers[0].first?["name"] as String? == "Riverton Transport Office traffic survey")
        #expect(answers[0].first?["citations"] as Int? == 6 && answers[0].first?["articles"] as Int? == 3)
        // Unsourced per outlet: the Courier leaves c2 unsourced in both articles; the Gazette sources everything.
        let outlets = Dictionary(uniqueKeysWithValues: answers[1].map { ($0["outlet"] as String, $0["unsourced"] as Int) })
        #expect(outlets == ["The Riverton Courier": 2, "Riverton Gazette": 0])
        // Lena Ortiz's quotes, oldest first; the Gazette's speaker is someone else.
        #expect(
            answers[2].map { $0["published"] as String } == [
                "2025-01-02T08:00:00Z", "2025-01-02T08:00:00Z", "2025-03-14T09:30:00Z", "2025-03-14T09:30:00Z",
            ])
        #expect(answers[2].first?["text"] as String? == "the cheapest road-safety scheme we will ever buy.")
        // Full text: 'collisions' (c2) and 'traffic' (c4) in each article.
        #expect(Set(answers[3].map { $0["id"] as String }) == ["c2", "c4"] && answers[3].count == 6)
        #expect(answers[3].first { $0["id"] as String == "c2" }?["claimant"] as String? != nil)
        // Words per outlet, through the metrics view: the sample story is 142 words in each article.
        let words = Dictionary(
            uniqueKeysWithValues: answers[7].map { ($0["outlet"] as String, [$0["articles"] as Int, $0["average_words"] as Int]) })
        #expect(words == ["The Riverton Courier": [2, 142], "Riverton Gazette": [1, 142]])
        // Mentions through their view, with the text cut from the article's.
        let named = answers[8].filter { $0["name"] as String == "Joe Whitaker" }
        #expect(named.map { [$0["form"] as String, $0["example"] as String] } == [["name", "Joe Whitaker"]])
        #expect(named.first?["mentions"] as Int? == 3)
    }
}
