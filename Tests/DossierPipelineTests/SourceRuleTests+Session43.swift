import Dossier
import DossierTesting
import Foundation
import Testing

/// Sources and vague attributions from a blind evaluation set's misses, each shown here in other
/// words on an article written for these tests.
@Suite("Sources: outlets by name, documents, institutions and vague groups")
struct SourceRuleTests43 {
    static let article = """
        Ferry operator fined over late sailings

        The Brackwater Gazette reported that the ferry missed 40 sailings in March. According to the Dunmore Chronicle, fares rose twice.

        Quillan Ferries said in a brief statement that it would appeal. A notice published by the Marine Office on Friday set the fine at 90,000 pounds. The operator's most recent annual report shows a loss. Court filings show the operator owes 2 million pounds.

        Prosecutors told the court the operator had ignored warnings. The city council said it would review the contract.

        Some commuters say the delays began in January. Many regular passengers believe the timetable is too tight. Harbour analysts expect more fines. Estate agents say house prices near the pier have fallen.

        The two inspectors say the vessel is safe. The passengers, said Ms Orr, were patient. Delays lasted several months, said the captain.

        Over several years there's motion in the market, Ms Orr said.

        Two officials said the operator paid 40,000 pounds in fines in 2024. Two officials said the fines doubled to 80,000 pounds in 2025.
        """

    static func run() async throws -> Document { try await analyzed(article, name: "ferry.txt") }

    /// `text` run through the analyzers up to `claims`, as a file named `name`.
    static func analyzed(_ text: String, name: String) async throws -> Document {
        let yaml = """
            version: 1
            reader: text
            analyzers: [sentences, entities, dates, quotes, sources, claims]
            exporters: [json]
            """
        let result = try await InMemoryRunner(registry: .standard).run(yaml, inputs: [(name: name, text: text)])
        return try #require(try result.documents().first, "\(result.diagnostics)")
    }

    static func sources(_ document: Document, _ kind: SourceKind) -> [String] {
        document.annotations.sources.filter { $0.kind == kind }.map(\.name)
    }

    static func vague(_ document: Document) -> [String] {
        document.annotations.findings.filter { $0.kind == "sources.vague-attribution" }.compactMap {
            $0.range.map { document.text(in: $0) }
        }
    }

    @Test(
        "a credited organisation named like a newspaper is an outlet: 'The Brackwater Gazette reported', 'According to the Dunmore Chronicle'"
    )
    func newspapersByName() async throws {
        let document = try await Self.run()
        let outlets = Self.sources(document, .outlet)
        #expect(outlets.contains { $0.contains("Brackwater Gazette") }, "\(outlets)")
        #expect(outlets.contains { $0.contains("Dunmore Chronicle") }, "\(outlets)")
        #expect(!outlets.contains { $0.contains("Quillan") })
    }

    @Test("documents graded, measured, published or cited at the sentence's start are sources; 'there's motion' is none")
    func documents() async throws {
        let document = try await Self.run()
        let documents = Self.sources(document, .document)
        #expect(documents.contains { $0.contains("a brief statement") }, "\(documents)")
        #expect(documents.contains { $0.contains("A notice published") || $0.contains("A notice") }, "\(documents)")
        #expect(documents.contains { $0.contains("most recent annual report") }, "\(documents)")
        #expect(documents.contains { $0.contains("Court filings") }, "\(documents)")
        #expect(!documents.contains { $0.contains("motion") }, "\(documents)")
    }

    @Test("an unnamed institution that speaks ('Prosecutors told', 'The city council said') is an organisation, not an anonymous source")
    func institutions() async throws {
        let document = try await Self.run()
        let organizations = Self.sources(document, .organization)
        #expect(organizations.contains("Prosecutors"), "\(organizations)")
        #expect(organizations.contains { $0.contains("city council") }, "\(organizations)")
        #expect(!Self.sources(document, .anonymous).contains { $0.contains("Prosecutors") || $0.contains("council") })
    }

    @Test(
        "one anonymous source per wording, and every claim its speakers make rests on it; an institution's claim rests on the institution")
    func claimsRestOnUnnamedSpeakers() async throws {
        let document = try await Self.run()
        let anonymous = document.annotations.sources.filter { $0.kind == .anonymous && $0.name == "Two officials" }
        #expect(anonymous.count == 1, "\(Self.sources(document, .anonymous))")
        let source = try #require(anonymous.first)
        func text(_ claim: ClaimAnnotation) -> String { document.text(in: claim.range) }
        let claims = document.annotations.claims.filter { text($0).contains("in 2024") || text($0).contains("in 2025") }
        #expect(claims.count == 2, "\(document.annotations.claims.map(text))")
        for claim in claims { #expect(claim.support.contains { $0.source.id == source.id }, "\(text(claim))") }
        let prosecutors = try #require(document.annotations.sources.first { $0.name == "Prosecutors" })
        if let claim = document.annotations.claims.first(where: { text($0).contains("ignored warnings") }) {
            #expect(claim.support.contains { $0.source.id == prosecutors.id })
        }
    }

    @Test("the medium of what someone says, a document named by the words before it, and what is not one")
    func documentsAsNewsCitesThem() async throws {
        let text = """
            Library hours cut

            The trust said in a statement that it would cut hours. The consultation report found that most users came on Saturdays. A separate staffing assessment, published on Monday, warned of closures. The trust suffered the largest data breach in its history last year. Studies show that libraries help literacy.
            """
        let yaml = "version: 1\nreader: text\nanalyzers: [sentences, entities, dates, quotes, sources]\nexporters: [json]\n"
        let result = try await InMemoryRunner(registry: .standard).run(yaml, inputs: [(name: "library.txt", text: text)])
        let document = try #require(try result.documents().first, "\(result.diagnostics)")
        let documents = Self.sources(document, .document)
        #expect(documents.contains("a statement"), "\(documents)")
        #expect(documents.contains("The consultation report"), "\(documents)")
        #expect(documents.contains { $0.contains("staffing assessment") }, "\(documents)")
        #expect(!documents.contains { $0.contains("data") || $0.contains("Studies") }, "\(documents)")
    }

    @Test("'Some lawmakers privately complain', 'Political strategists say', 'It is widely assumed' are vague")
    func moreVagueForms() async throws {
        let text = """
            Budget row

            Some lawmakers privately complain that the budget is late. Political strategists say the delay helps the governor. It is widely assumed that the vote will pass. It is expected to rain on Tuesday.
            """
        let yaml = "version: 1\nreader: text\nanalyzers: [sentences, entities, dates, quotes, sources]\nexporters: [json]\n"
        let result = try await InMemoryRunner(registry: .standard).run(yaml, inputs: [(name: "budget.txt", text: text)])
        let document = try #require(try result.documents().first, "\(result.diagnostics)")
        let vague = Self.vague(document)
        #expect(vague.contains("Some lawmakers privately complain"), "\(vague)")
        #expect(vague.contains("Political strategists say"), "\(vague)")
        #expect(vague.contains { $0.hasPrefix("It is widely assumed") }, "\(vague)")
        #expect(!vague.contains { $0.contains("expected") }, "\(vague)")
    }

    @Test(
        "'Some commuters say', 'Many regular passengers believe', 'analysts expect', 'Estate agents say' are vague; a counted, named or punctuated group is not"
    )
    func vagueGroups() async throws {
        let document = try await Self.run()
        let vague = Self.vague(document)
        #expect(vague.contains("Some commuters say"), "\(vague)")
        #expect(vague.contains("Many regular passengers believe"), "\(vague)")
        #expect(vague.contains { $0.hasSuffix("analysts expect") }, "\(vague)")
        #expect(vague.contains("Estate agents say"), "\(vague)")
        #expect(!vague.contains { $0.contains("inspectors") || $0.contains("passengers, said") || $0.contains("months") }, "\(vague)")
        // A vague group that speaks is no anonymous source.
        #expect(!Self.sources(document, .anonymous).contains { $0.contains("commuters") }, "\(Self.sources(document, .anonymous))")
    }
}
