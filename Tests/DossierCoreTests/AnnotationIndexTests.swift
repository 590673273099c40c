import DossierCore
import Testing

@Suite("Annotation index and claim ranking")
struct AnnotationIndexTests {
    static func claim(_ id: String, _ score: Double) -> ClaimAnnotation {
        ClaimAnnotation(id: id, range: TextRange(start: 0, end: 1), checkWorthiness: score)
    }

    @Test("an index finds what Annotations.resolve finds: the first annotation with the id, or nothing")
    func index() {
        let r = TextRange(start: 0, end: 4)
        let layer = [
            Entity(id: "e1", range: r, kind: .person, name: "First"), Entity(id: "e2", range: r, kind: .location, name: "Second"),
            Entity(id: "e1", range: r, kind: .misc, name: "Duplicate"),
        ]
        var annotations = Annotations()
        annotations.entities = layer
        let index = AnnotationIndex<Entity>(layer)
        for id in ["e1", "e2", "e9"] {
            #expect(index[id: id] == annotations.resolve(Reference<Entity>(id)))
            #expect(index.resolve(Reference<Entity>(id)) == annotations.resolve(Reference<Entity>(id)))
        }
        #expect(index[id: "e1"]?.name == "First")
        #expect(index.resolve(nil) == nil)
    }

    @Test("claims rank most check-worthy first, ties in the order given")
    func ranking() {
        let claims = [Self.claim("a", 0.5), Self.claim("b", 0.9), Self.claim("c", 0.5), Self.claim("d", 0.9), Self.claim("e", 0.1)]
        #expect(claims.rankedByCheckWorthiness().map(\.id) == ["b", "d", "a", "c", "e"])
        #expect([ClaimAnnotation]().rankedByCheckWorthiness().isEmpty)
    }
}
