import DossierCore
import Foundation
import Testing

/// The values a long article holds one of per line (ranges, blocks, claims) are kept small; their
/// public properties and wire forms are those of the plain structs they replaced.
@Suite("Compact values")
struct CompactValueTests {
    private func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    private func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }

    @Test("a range holds two 32-bit offsets, and an optional range fits in 12 bytes")
    func rangeLayout() {
        #expect(MemoryLayout<TextRange>.stride == 8)
        #expect(MemoryLayout<TextRange?>.stride == 12)
        #expect(TextRange.maxOffset == 2_147_483_647)
    }

    @Test("a range at the largest offsets reads, writes and round-trips unchanged")
    func rangeAtLargeOffsets() throws {
        var range = TextRange(start: 2_147_483_000, end: TextRange.maxOffset)
        #expect(range.start == 2_147_483_000)
        #expect(range.end == 2_147_483_647)
        #expect(range.count == 647)
        #expect(try json(range) == #"{"end":2147483647,"start":2147483000}"#)
        #expect(try decode(TextRange.self, json(range)) == range)
        range.start = -5
        range.end = 1 << 30
        #expect(range.description == "[-5, 1073741824)")
        #expect(TextRange(start: 1, end: 3) < TextRange(start: 2, end: 2))
        #expect(TextRange(start: 2, end: 3) < TextRange(start: 2, end: 4))
    }

    @Test("an offset beyond 2^31 - 1 is refused with E705 rather than trapping", arguments: [2_147_483_648, -3_000_000_000])
    func rangeBeyondLimit(offset: Int) throws {
        let error = try #require(throws: DocumentJSONError.self) {
            try decode(TextRange.self, #"{"start": 0, "end": \#(offset)}"#)
        }
        #expect(error.code == "E705")
        #expect(
            error.message
                == "offset \(offset) is beyond the largest Dossier supports (2147483647); a document holds at most 2^31 - 1 scalars")
        let sentence = try #require(throws: DocumentJSONError.self) {
            try decode(Sentence.self, #"{"id": "s1", "start": \#(offset), "end": 4, "producer": {"component": "x", "version": "1"}}"#)
        }
        #expect(sentence.code == "E705")
    }

    @Test("a block takes 48 bytes and keeps its wire form with and without level and label")
    func blockLayoutAndWireForm() throws {
        #expect(MemoryLayout<Block>.stride == 48)
        let bare = Block(kind: .listItem, range: TextRange(start: 3, end: 9))
        #expect(bare.level == nil)
        #expect(try json(bare) == #"{"kind":"list-item","range":{"end":9,"start":3}}"#)
        let full = Block(kind: .heading, range: TextRange(start: 0, end: 4), level: 2, label: "Key Points")
        #expect(try json(full) == #"{"kind":"heading","label":"Key Points","level":2,"range":{"end":4,"start":0}}"#)
        for block in [bare, full, Block(kind: .paragraph, range: TextRange(start: 0, end: 1), level: 0)] {
            #expect(try decode(Block.self, json(block)) == block)
        }
        var changed = full
        changed.level = nil
        #expect(changed.level == nil && changed != full)
        changed.level = Block.maxLevel
        #expect(changed.level == 2_147_483_647)
        #expect(throws: DecodingError.self) {
            try decode(Block.self, #"{"kind":"heading","range":{"end":4,"start":0},"level":2147483648}"#)
        }
    }
}
