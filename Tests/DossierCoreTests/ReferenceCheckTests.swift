import Testing

@testable import DossierCore

/// `Annotations.firstReferenceProblem(against:)`, which the runner asks after every step: it
/// checks a reference to an id the runner numbered where the number puts it, and looks anything
/// else up in a table keyed by a hash of their UTF-8 (`IDTable`).
@Suite("Reference check")
struct ReferenceCheckTests {
    /// A document's annotations: `count` sentences and entities, stamped as the runner does.
    private func existing(_ count: Int) -> Annotations {
        var a = Annotations()
        a.sentences = (0..<count).map { Sentence(range: TextRange(start: $0, end: $0 + 1)) }
        a.entities = (0..<count).map { Entity(range: TextRange(start: $0, end: $0 + 1), kind: .person, name: "P\($0)") }
        a.stamp(Provenance(component: "test", version: "1"))
        return a
    }

    private func quotes(speakers: [String]) -> Annotations {
        var a = Annotations()
        a.quotes = speakers.enumerated().map {
            Quote(range: TextRange(start: $0.offset, end: $0.offset + 1), kind: .direct, speaker: Reference($0.element))
        }
        return a
    }

    @Test("references to annotations the document holds, among many, are no problem")
    func resolved() {
        let document = existing(3000)
        #expect(quotes(speakers: ["e1", "e1500", "e3000"]).firstReferenceProblem(against: document) == nil)
        #expect(Annotations().firstReferenceProblem(against: document) == nil)
    }

    @Test("a reference to an id no layer holds is a missing target, named by the id")
    func missing() throws {
        let problem = try #require(quotes(speakers: ["e2", "e3001"]).firstReferenceProblem(against: existing(3000)))
        #expect(problem.kind == .missingTarget)
        #expect(problem.message.contains("'e3001'"))
    }

    @Test("a reference into another layer than its type names is a wrong layer")
    func wrongLayer() throws {
        let problem = try #require(quotes(speakers: ["s7"]).firstReferenceProblem(against: existing(10)))
        #expect(problem.kind == .wrongLayer)
        #expect(problem.message.contains("'s7' in layer 'sentences'"))
    }

    @Test("an id given twice, in the result or again beside the document's, is a duplicate")
    func duplicates() throws {
        var twice = Annotations()
        twice.relations = [Relation(id: "x", kind: "k", from: "s1", to: "s2"), Relation(id: "x", kind: "k", from: "s2", to: "s3")]
        let inResult = try #require(twice.firstReferenceProblem(against: existing(5)))
        #expect(inResult.kind == .duplicateID)
        #expect(inResult.message.contains("'x'"))

        var again = Annotations()
        again.relations = [Relation(id: "e4", kind: "k", from: "s1", to: "s2")]
        let withDocument = try #require(again.firstReferenceProblem(against: existing(5)))
        #expect(withDocument.kind == .duplicateID)
        #expect(withDocument.message.contains("'e4'"))
    }

    @Test("a result may point at annotations it gives ids to itself")
    func ownTargets() {
        var a = Annotations()
        a.entities = [Entity(id: "mine", range: TextRange(start: 0, end: 1), kind: .person, name: "A")]
        a.quotes = [Quote(range: TextRange(start: 0, end: 1), kind: .direct, speaker: Reference("mine"))]
        #expect(a.firstReferenceProblem(against: existing(100)) == nil)
    }

    @Test("ids that differ only past where a short hash would look, or in non-ASCII, stay apart")
    func similarIDs() throws {
        var document = Annotations()
        document.entities = ["é1", "e1", "person-0000000000000000000001"].map {
            Entity(id: $0, range: TextRange(start: 0, end: 1), kind: .person, name: $0)
        }
        #expect(quotes(speakers: ["é1", "e1", "person-0000000000000000000001"]).firstReferenceProblem(against: document) == nil)
        let problem = try #require(quotes(speakers: ["person-0000000000000000000002"]).firstReferenceProblem(against: document))
        #expect(problem.kind == .missingTarget)
    }

    @Test("references to ids numbered in order, or out of order, or like a number, resolve only to the id itself")
    func inPlace() throws {
        // In place, as the runner numbers them: found where their numbers point.
        #expect(quotes(speakers: ["e1", "e2999", "e3000"]).firstReferenceProblem(against: existing(3000)) == nil)
        // Out of order ("e1" is second): not where the number points, found all the same.
        var shuffled = Annotations()
        shuffled.entities = ["e2", "e1", "e3"].map { Entity(id: $0, range: TextRange(start: 0, end: 1), kind: .person, name: $0) }
        #expect(quotes(speakers: ["e1", "e2", "e3"]).firstReferenceProblem(against: shuffled) == nil)
        // A number written another way is another id: "e01" and "e+1" are not "e1".
        for id in ["e01", "e+1", "e1 ", "E1"] {
            let problem = try #require(quotes(speakers: [id]).firstReferenceProblem(against: existing(5)))
            #expect(problem.kind == .missingTarget)
        }
        // The item at the position holds another id: a custom one, not the reference's.
        var custom = existing(3)
        custom.entities[1].id = "chancellor"
        #expect(quotes(speakers: ["chancellor", "e1", "e3"]).firstReferenceProblem(against: custom) == nil)
        let problem = try #require(quotes(speakers: ["e2"]).firstReferenceProblem(against: custom))
        #expect(problem.kind == .missingTarget)
    }

    @Test("the position a numbered id names: the prefix, then a number from 1 with no leading zero")
    func numberedPositions() {
        #expect(Annotations.numberedPosition(of: "d7", prefix: "d") == 6)
        #expect(Annotations.numberedPosition(of: "src12", prefix: "src") == 11)
        #expect(Annotations.numberedPosition(of: "d1000000", prefix: "d") == 999_999)
        for id in ["d", "d0", "d07", "dx", "d-1", "s7", "d7x", "d1234567890123456789", "", "é7"] {
            #expect(Annotations.numberedPosition(of: id, prefix: "d") == nil, "\(id)")
        }
    }

    @Test("the id table keeps each id once with its layer, over many ids and more layers than a byte would name")
    func idTable() {
        var table = IDTable(capacity: 5000)
        for n in 0..<5000 { table.insert("d\(n)") }
        table.insert("d7")
        #expect(table.layer(of: "d7") == nil && table.layer(of: "d5000") == nil)
        #expect(table.setLayer(.dates, of: "d7") == nil)
        #expect(table.setLayer(.claims, of: "d7") == .dates)
        #expect(table.setLayer(.dates, of: "nowhere") == nil && table.layer(of: "nowhere") == nil)
        for n in 0..<300 { table.setLayer(LayerID(rawValue: "custom-\(n)"), of: "d\(n + 1000)") }
        #expect(table.layer(of: "d1299") == LayerID(rawValue: "custom-299"))
        #expect(table.layer(of: "d1000") == LayerID(rawValue: "custom-0") && table.layer(of: "d7") == .claims)
        #expect((0..<5000).allSatisfy { n in (1000..<1300).contains(n) || n == 7 || table.layer(of: "d\(n)") == nil })
    }
}
