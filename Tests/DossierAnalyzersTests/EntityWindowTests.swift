import DossierCore
import DossierReaders
import Foundation
import Testing

@testable import DossierAnalyzers

/// A long article is read by the entity recognizer in windows, so its tokens take bounded memory;
/// these tests use windows of a few hundred scalars on articles of our own.
@Suite("Entity windows")
struct EntityWindowTests {
    /// Paragraphs that each name their people in full, so no coreference crosses a paragraph.
    static let paragraphs = [
        "Mara Lindqvist, the chief executive of Norrland Bank, said on Monday that the harbour loan would be repaid early.",
        "The mayor of Vellmar, Jonas Brandt, told reporters the bridge would reopen in spring.",
        "Engineers from the Vellmar Harbour Authority inspected the cables before the council met.",
        "Mara Lindqvist said the bank had set aside funds for the repairs.",
        "Jonas Brandt met Mara Lindqvist at the town hall in Vellmar.",
        "Residents in Vellmar said the ferry had been crowded for weeks.",
    ]

    func document(repeating times: Int) throws -> Document {
        var text = "Harbour Loan Talks\n\n"
        for round in 0..<times {
            for (i, p) in Self.paragraphs.enumerated() where (round + i) % 7 != 6 { text += p + "\n\n" }
        }
        var document = try TextReader().read(Input(id: "w", name: "w.txt", data: Data(text.utf8)))[0]
        document.annotations.sentences = try SentenceAnalyzer().analyze(document, context: AnalysisContext()).sentences
        return document
    }

    @Test("windows cover the text in order, end at sentence ends and keep to the limit")
    func windowsCoverTheText() throws {
        let document = try document(repeating: 8)
        let limit = 400
        let windows = TextWindows.windows(of: document, limit: limit)
        #expect(windows.count > 5)
        #expect(windows.first?.lowerBound == 0)
        #expect(windows.last?.upperBound == document.length)
        let ends = Set(document.annotations.sentences.map(\.range.end))
        for (k, window) in windows.enumerated() {
            #expect(!window.isEmpty && window.count <= limit)
            if k > 0 { #expect(window.lowerBound == windows[k - 1].upperBound) }
            if k < windows.count - 1 { #expect(ends.contains(window.upperBound), "window \(k) ends inside a sentence") }
        }
        // An article within the limit is one window.
        #expect(TextWindows.windows(of: document, limit: document.length) == [0..<document.length])
    }

    @Test("a sentence longer than the window is cut at the window's end")
    func longSentenceIsCut() throws {
        let words = (0..<200).map { $0 % 25 == 0 ? "Mara Lindqvist" : "harbour" }.joined(separator: " ")
        var document = Document(
            id: "l", text: words + ".", blocks: [Block(kind: .paragraph, range: TextRange(start: 0, end: words.count + 1))])
        document.annotations.sentences = try SentenceAnalyzer().analyze(document, context: AnalysisContext()).sentences
        let windows = TextWindows.windows(of: document, limit: 300)
        #expect(windows.count == (document.length + 299) / 300)
        let entities = try EntityAnalyzer(options: .init()).entities(of: document, windowLimit: 300)
        for entity in entities {
            for mention in entity.mentions { #expect(mention.range.start >= 0 && mention.range.end <= document.length) }
        }
        // Names cut by a window's edge are lost at most at the edges; most of the eight remain, as one person.
        let people = entities.filter { $0.name == "Mara Lindqvist" }
        #expect(people.count == 1)
        #expect((people.first?.mentions.count ?? 0) >= 6)
    }

    @Test("an entity named in several windows is one entity with every mention, and its roles once")
    func windowsJoinByName() throws {
        let document = try document(repeating: 8)
        let analyzer = try EntityAnalyzer(options: .init())
        let whole = analyzer.entities(of: document)
        let windowed = analyzer.entities(of: document, windowLimit: 400)
        #expect(TextWindows.windows(of: document, limit: 400).count > 5)
        func byName(_ entities: [Entity]) -> [String: Entity] {
            Dictionary(entities.map { ("\($0.kind.rawValue) \($0.name)", $0) }, uniquingKeysWith: { a, _ in a })
        }
        let w = byName(windowed)
        #expect(windowed.count == w.count, "one entity per kind and name")
        for person in ["Mara Lindqvist", "Jonas Brandt"] {
            let key = "person \(person)"
            let named = try #require(w[key])
            let full = try #require(byName(whole)[key])
            // Every full-name mention the whole-document pass finds is found in the windows too.
            let fullNames = Set(full.mentions.filter { $0.form == .name }.map(\.range))
            #expect(fullNames.isSubset(of: Set(named.mentions.map(\.range))))
            #expect(named.mentions.map(\.range.start) == named.mentions.map(\.range.start).sorted())
            let roles = named.roles.map { "\($0.affiliation ?? "") \($0.title)" }
            #expect(roles.count == Set(roles).count, "roles once: \(roles)")
        }
        let lindqvist = try #require(w["person Mara Lindqvist"])
        #expect(lindqvist.roles.contains { $0.title == "chief executive" })
        // In order of first mention, as the recognizer gives them.
        let starts = windowed.map(\.range.start)
        #expect(starts == starts.sorted())
    }
}
