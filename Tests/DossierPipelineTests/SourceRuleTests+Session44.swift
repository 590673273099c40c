import Dossier
import DossierTesting
import Foundation
import Testing

/// Anonymous sources described again, and unnamed speakers tied to the body they speak for, on an
/// article written for these tests.
@Suite("Sources: anonymous sources referred back to, speakers of a body")
struct SourceRuleTests44 {
    static let article = """
        Port authority delays dredging contract

        A senior port official, who was not authorized to discuss the contract publicly, said the tender had been reopened twice. "We are not ready," the official said. The official spoke on condition of anonymity because the talks continue.

        Three dock workers who load grain at the north quay, speaking on condition of anonymity because they feared for their jobs, described cranes standing idle for a week.

        "The schedule is realistic," a spokeswoman for Brannock Dredging said. Researchers at the University of Calloway said silt levels had doubled since 2021. "Dredging costs rose 40 percent in 2024," the spokeswoman said.

        Some members of the harbour board say the delay is costly. Two officials at the Treasury said the budget was fixed at 12 million pounds.
        """

    static func run() async throws -> Document { try await SourceRuleTests43.analyzed(article, name: "port.txt") }

    static func names(_ document: Document, _ kind: SourceKind) -> [String] {
        document.annotations.sources.filter { $0.kind == kind }.map(\.name)
    }

    @Test("'the official', after 'A senior port official, who was not authorized …', is the same anonymous source, not a second")
    func backReferences() async throws {
        let document = try await Self.run()
        let anonymous = Self.names(document, .anonymous)
        #expect(anonymous.filter { $0.localizedCaseInsensitiveContains("official") && !$0.contains("Treasury") }.count == 1, "\(anonymous)")
        #expect(anonymous.contains { $0.hasPrefix("A senior port official") }, "\(anonymous)")
        #expect(!anonymous.contains { $0.hasPrefix("the official") || $0.hasPrefix("The official") }, "\(anonymous)")
        // The quote of `the official` rests on the source first described.
        let source = try #require(document.annotations.sources.first { $0.name.hasPrefix("A senior port official") })
        let claim = try #require(document.annotations.claims.first { document.text(in: $0.range).contains("We are not ready") })
        #expect(claim.support.contains { $0.source.id == source.id }, "\(claim.support)")
    }

    @Test("a marker of anonymity far from its subject: 'Three dock workers who load grain …, speaking on condition of anonymity'")
    func subjectOfTheMarker() async throws {
        let document = try await Self.run()
        let anonymous = Self.names(document, .anonymous)
        #expect(anonymous.contains { $0.hasPrefix("Three dock workers") }, "\(anonymous)")
    }

    @Test("a spokeswoman for a named firm and researchers at a named university speak for it; officials at the Treasury stay anonymous")
    func speakersOfABody() async throws {
        let document = try await Self.run()
        let anonymous = Self.names(document, .anonymous)
        let organizations = Self.names(document, .organization)
        #expect(!anonymous.contains { $0.contains("spokeswoman") || $0.contains("Researchers") }, "\(anonymous)")
        #expect(organizations.contains { $0.contains("spokeswoman for Brannock Dredging") }, "\(organizations)")
        #expect(anonymous.contains { $0.contains("officials at the Treasury") }, "\(anonymous)")
        #expect(!organizations.contains { $0.contains("members of the harbour board") }, "\(organizations)")
        // `the spokeswoman` quoted later rests on her firm, or on the spokeswoman first named with it.
        let claim = try #require(document.annotations.claims.first { document.text(in: $0.range).contains("Dredging costs rose") })
        let firm = document.annotations.sources.filter { $0.name.contains("Brannock Dredging") }.map(\.id)
        #expect(claim.support.contains { firm.contains($0.source.id) }, "\(claim.support)")
    }

    @Test(
        "'Housing charities warn', 'Many in the community believe' and 'It's understood' are vague; 'Brannock's critics argue' names whose critics"
    )
    func moreVagueForms() async throws {
        let text = """
            Dredging Row

            Housing charities warn that the queues will grow. Many in the community believe the port is finished. It's understood the board met twice. Brannock's critics argue the tender was rigged.
            """
        let document = try await SourceRuleTests43.analyzed(text, name: "row.txt")
        let vague = SourceRuleTests43.vague(document)
        #expect(vague.contains("Housing charities warn"), "\(vague)")
        #expect(vague.contains("Many in the community believe"), "\(vague)")
        #expect(vague.contains { $0.hasPrefix("It's understood") || $0.hasPrefix("It’s understood") }, "\(vague)")
        #expect(!vague.contains { $0.contains("critics") }, "\(vague)")
    }
}
