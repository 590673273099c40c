import Dossier
import DossierTesting
import Foundation
import Testing

/// Claims, sources and metrics on an article written for these tests, through the standard
/// registry as a user runs them.
@Suite("Claims, sources and metrics")
struct ClaimsAndSourcesTests {
    static let article = """
        Harbour Authority Raises Port Fees by 12 Percent
        Story Highlights
        - Port fees rise 12 percent from March.
        - Fishing groups say the increase will cost jobs.
        Fees and Finances
        The Norrland Harbour Authority will raise port fees by 12 percent from March 1, 2026, according to the authority's annual report. The increase follows a 4 percent rise in maintenance costs last year.

        “We cannot keep the quays safe on last year’s budget,” said Mara Lindqvist, the authority’s chief executive.

        Critics argue the increase will drive smaller boats to rival ports. Experts say the region lost 300 fishing jobs since 2020.

        A spokesperson for the fishermen’s union, who asked not to be named, said members would protest on Friday.

        Reuters reported that two rival ports cut their fees by a third in 2025.

        I love the smell of the sea in the morning.

        Port fees are going up again and nobody asked us https://t.co/abc123
        — Hallbury Fishers (@hallburyfishers) February 2, 2026

        Sources:
        Norrland Harbour Authority annual report 2025
        """

    static let yaml = """
        version: 1
        reader: text
        analyzers: [sentences, entities, dates, quotes, sources, claims, metrics]
        exporters: [json]
        """

    static func analyzed() async throws -> Document {
        let result = try await InMemoryRunner(registry: .standard).run(yaml, inputs: [(name: "port-fees.txt", text: article)])
        let documents = try result.documents()
        try #require(documents.count == 1, "\(result.diagnostics)")
        return documents[0]
    }

    static func claim(containing fragment: String, in document: Document) -> ClaimAnnotation? {
        document.annotations.claims.first { document.text(in: $0.range).contains(fragment) }
    }

    @Test("a sourced statistic is a quantity claim tied to the document that backs it, by the publication")
    func sourcedQuantity() async throws {
        let d = try await Self.analyzed()
        let c = try #require(Self.claim(containing: "raise port fees by 12 percent", in: d))
        #expect(c.kind == .quantity)
        #expect(c.claimantKind == .publication)
        #expect(c.checkWorthiness >= 0.5)
        #expect(c.reasons.contains { $0.feature == "percent" || $0.feature == "number" })
        let report = try #require(d.annotations.sources.first { $0.kind == .document })
        #expect(d.text(in: report.range!) == "the authority's annual report")
        #expect(c.support.contains { $0.source.id == report.id && $0.via == .attribution })
        #expect(!c.dates.isEmpty)
        #expect(c.attribution.map { d.text(in: $0) }?.contains("annual report") == true)
        #expect(!c.isUnsourced)
    }

    @Test("a quoted claim has its speaker as claimant and as its source")
    func quotedClaim() async throws {
        let d = try await Self.analyzed()
        let c = try #require(Self.claim(containing: "keep the quays safe", in: d))
        #expect(c.claimantKind == .speaker)
        let speaker = try #require(d.annotations.entities.first { $0.id == c.claimant?.id })
        #expect(speaker.name == "Mara Lindqvist")
        let source = try #require(d.annotations.sources.first { $0.entity?.id == speaker.id })
        #expect(source.kind == .person)
        #expect(c.support.contains { $0.source.id == source.id && $0.via == .speaker })
        #expect(c.quote != nil)
    }

    @Test("vague attributions are findings, and a claim resting on one is flagged as vaguely sourced")
    func vagueAttribution() async throws {
        let d = try await Self.analyzed()
        let vague = d.annotations.findings.filter { $0.kind == "sources.vague-attribution" }.compactMap { $0.range.map(d.text(in:)) }
        #expect(vague.contains("Critics argue"))
        #expect(vague.contains("Experts say"))
        let jobs = try #require(Self.claim(containing: "300 fishing jobs", in: d))
        #expect(jobs.isUnsourced)
        #expect(d.annotations.findings.contains { $0.kind == "claims.vaguely-sourced" && $0.range == jobs.range })
    }

    @Test("an unnamed source, an outlet, an embedded post and a listed source are found with their details")
    func sourceKinds() async throws {
        let d = try await Self.analyzed()
        let sources = d.annotations.sources
        let anonymous = try #require(sources.first { $0.kind == .anonymous })
        #expect(anonymous.name.contains("spokesperson"))
        #expect(anonymous.isAnonymous)
        #expect(sources.contains { $0.kind == .outlet && $0.name == "Reuters" })
        let post = try #require(sources.first { $0.kind == .socialPost })
        #expect(post.name == "Hallbury Fishers")
        #expect(post.handle == "@hallburyfishers")
        #expect(post.date == "2026-02-02")
        #expect(post.platform == "X")
        #expect(post.url == "https://t.co/abc123")
        let listed = try #require(sources.first { $0.kind == .listed })
        #expect(listed.name == "Norrland Harbour Authority annual report 2025")
        let reuters = try #require(Self.claim(containing: "rival ports cut their fees", in: d))
        #expect(reuters.support.contains { s in sources.first { $0.id == s.source.id }?.kind == .outlet })
    }

    @Test("a personal remark and a heading are not claims")
    func notClaims() async throws {
        let d = try await Self.analyzed()
        #expect(Self.claim(containing: "smell of the sea", in: d) == nil)
        #expect(Self.claim(containing: "Fees and Finances", in: d) == nil)
    }

    @Test("an embedded post's signature is no claim: the post's words are, without the link that closes them, and a bare link is not")
    func postSignatureIsNoClaim() async throws {
        let article = """
            Harbour Fees Rise

            The Norrland Harbour Authority will raise port fees by 12 percent from March 1, 2026, the authority said on Monday.

            Port fees rise 12 percent in March and 300 boats will pay more https://t.co/abc123
            — Hallbury Fishers (@hallburyfishers) February 2, 2026

            The authority said the money would pay for new quays.
            """
        let result = try await InMemoryRunner(registry: .standard).run(Self.yaml, inputs: [(name: "post.txt", text: article)])
        let d = try #require(try result.documents().first)
        #expect(d.blocks.contains { $0.kind == .embeddedPost }, "the reader keeps the post as a block")
        let texts = d.annotations.claims.map { d.text(in: $0.range) }
        #expect(texts.contains { $0.hasPrefix("Port fees rise 12 percent in March") })
        #expect(
            texts.contains("Port fees rise 12 percent in March and 300 boats will pay more"), "the link closing the post is cut: \(texts)")
        for text in texts {
            #expect(!text.contains("(@") && !text.contains("Hallbury Fishers"), "a signature in a claim: \(text)")
            #expect(!text.hasPrefix("https://"), "a bare link as a claim: \(text)")
        }
    }

    @Test("'Read more' and 'See also' entries are listed sources with their address, and not claims; 'Related' without a colon is prose")
    func readMoreEntries() async throws {
        let text = """
            Ferry fares rise

            The island council said ferry fares will rise by 6 percent in May, the second rise this year.

            Related parties on the mainland said they had not been consulted about the new timetable.

            Read more: Why island ferries cost more to run https://example.org/ferries

            See also — Timetables for the summer season
            """
        let result = try await InMemoryRunner(registry: .standard).run(Self.yaml, inputs: [(name: "ferries.txt", text: text)])
        let d = try #require(try result.documents().first)
        let listed = d.annotations.sources.filter { $0.kind == .listed }
        #expect(listed.map(\.name) == ["Why island ferries cost more to run", "Timetables for the summer season"])
        #expect(listed.first?.url == "https://example.org/ferries")
        // The address belongs to its entry; it is not a second, bare link source.
        #expect(!d.annotations.sources.contains { $0.kind == .link })
        #expect(!d.annotations.claims.contains { d.text(in: $0.range).contains("Read more") || d.text(in: $0.range).contains("See also") })
        #expect(!listed.contains { $0.name.contains("Related parties") })
    }

    @Test("a speaker that is no entity ('the ministry', 'according to the water board') is an organization source and the claimant")
    func unnamedInstitutions() async throws {
        let text = """
            Water prices

            The ministry said household water bills will rise by 9 percent next year.

            According to the water board, leaks cost the region 40 million litres a day.

            Critics say the rise will hit pensioners hardest.
            """
        let result = try await InMemoryRunner(registry: .standard).run(Self.yaml, inputs: [(name: "water.txt", text: text)])
        let d = try #require(try result.documents().first)
        let sources = d.annotations.sources
        let ministry = try #require(sources.first { $0.name == "The ministry" })
        #expect(ministry.kind == .organization)
        #expect(sources.contains { $0.name == "the water board" && $0.kind == .organization })
        #expect(!sources.contains { $0.name.contains("Critics") })
        let bills = try #require(Self.claim(containing: "water bills will rise", in: d))
        #expect(bills.claimantKind == .speaker)
        #expect(bills.support.contains { $0.source.id == ministry.id && $0.via == .speaker })
        #expect(!bills.isUnsourced)
    }

    @Test("metrics count words, claims, the share with a source and sources by kind")
    func metrics() async throws {
        let d = try await Self.analyzed()
        let m = Dictionary(uniqueKeysWithValues: d.annotations.metrics.map { ($0.name, $0.value) })
        #expect(m["words"].map { $0 > 100 && $0 < 200 } == true)
        #expect(m["claims"] == Double(d.annotations.claims.count))
        let share = try #require(m["claims.sourced-share"])
        #expect(share > 0 && share < 1)
        #expect(m["sources.anonymous"] == 1)
        #expect(m["sources.social-post"] == 1)
        #expect(m["readability.grade"].map { $0 > 3 && $0 < 20 } == true)
    }

    @Test("claims and sources round-trip through Dossier JSON")
    func roundTrip() async throws {
        let d = try await Self.analyzed()
        let again = try Document(jsonData: d.jsonData())
        #expect(again.annotations.claims.map(\.support) == d.annotations.claims.map(\.support))
        #expect(again.annotations.claims.map(\.reasons) == d.annotations.claims.map(\.reasons))
        #expect(again.annotations.sources.map(\.handle) == d.annotations.sources.map(\.handle))
    }

    @Test("the outlets option makes a name the shipped list lacks an outlet, and notOutlets takes one out")
    func outletOptions() async throws {
        let text =
            "The Hallbury Press Agency reported that the ferry will stop running in May. Reuters reported that fares rose by a third."
        func kinds(_ options: String) async throws -> [String: SourceKind] {
            let yaml = """
                version: 1
                reader: text
                analyzers:
                  - sentences
                  - entities
                  - quotes
                  - sources: \(options)
                exporters: [json]
                """
            let result = try await InMemoryRunner(registry: .standard).run(yaml, inputs: [(name: "ferry.txt", text: text)])
            let document = try #require(try result.documents().first, "\(result.diagnostics)")
            return Dictionary(document.annotations.sources.map { ($0.name, $0.kind) }, uniquingKeysWith: { first, _ in first })
        }
        let plain = try await kinds("{}")
        #expect(plain["Reuters"] == .outlet)
        #expect(plain["Hallbury Press Agency"] != .outlet)
        let extended = try await kinds("{ outlets: [Hallbury Press Agency], notOutlets: [Reuters] }")
        #expect(extended.contains { $0.key.contains("Hallbury Press Agency") && $0.value == .outlet })
        #expect(extended["Reuters"] != .outlet)
    }
}
