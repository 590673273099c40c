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

    @Test("a block takes 24 bytes and keeps its wire form with and without level and label")
    func blockLayoutAndWireForm() throws {
        #expect(MemoryLayout<Block>.stride == 24)
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

    @Test("a block's kind of a reader's own and its label read back, compare and hash by value, whatever their storage")
    func blockNames() throws {
        let builtIn: [BlockKind] = [
            .title, .lede, .heading, .paragraph, .listItem, .blockQuote, .embeddedPost, .sourcesSection, .caption, .byline, .dateline,
        ]
        for kind in builtIn + ["sidebar", "", "Paragraph"] {
            let block = Block(kind: kind, range: TextRange(start: 0, end: 2), label: kind == .caption ? "Photos" : nil)
            #expect(block.kind == kind)
            #expect(try decode(Block.self, json(block)) == block)
        }
        var block = Block(kind: "sidebar", range: TextRange(start: 0, end: 2), label: "Key Points")
        #expect(try json(block) == #"{"kind":"sidebar","label":"Key Points","range":{"end":2,"start":0}}"#)
        block.kind = .paragraph
        #expect(block.kind == .paragraph && block.label == "Key Points")
        let same = Block(kind: .paragraph, range: TextRange(start: 0, end: 2), label: "Key" + " Points")
        #expect(block == same && block.hashValue == same.hashValue)
        block.label = nil
        #expect(block.label == nil && block != same)
        #expect(block == Block(kind: .paragraph, range: TextRange(start: 0, end: 2)))
        block.kind = "sidebar"
        #expect(block.kind.rawValue == "sidebar" && block != Block(kind: .paragraph, range: TextRange(start: 0, end: 2)))
        // A copy shares its label until one of them changes it.
        var copy = same
        copy.label = "Highlights"
        #expect(same.label == "Key Points" && copy.label == "Highlights" && copy.kind == .paragraph)
    }

    private static let producer = Provenance(component: "claims", version: "1.0.0")

    private static var fullClaim: ClaimAnnotation {
        var claim = ClaimAnnotation(
            id: "c1", range: TextRange(start: 0, end: 40), checkWorthiness: 0.5, kind: .quantity, claimant: "e1", quote: "q1",
            actors: ["e2"], dates: ["d1"], reasons: [.init(feature: "number", description: "names a number", weight: 0.7)],
            hedges: [TextRange(start: 1, end: 2)], boosters: [TextRange(start: 3, end: 4)], attribution: TextRange(start: 5, end: 9),
            producer: producer)
        claim.support = [.init(source: "src1", via: .attribution)]
        return claim
    }

    @Test("a claim's wire form is unchanged with every field empty and with every field set")
    func claimWireForm() throws {
        let bare = ClaimAnnotation(id: "c2", range: TextRange(start: 2, end: 8), checkWorthiness: 0.25, producer: Self.producer)
        #expect(
            try json(bare)
                == #"{"actors":[],"boosters":[],"checkWorthiness":0.25,"claimantKind":"publication","dates":[],"end":8,"hedges":[],"id":"c2","kind":"fact","producer":{"component":"claims","version":"1.0.0"},"reasons":[],"start":2,"support":[]}"#
        )
        #expect(
            try json(Self.fullClaim)
                == #"{"actors":["e2"],"attribution":{"end":9,"start":5},"boosters":[{"end":4,"start":3}],"checkWorthiness":0.5,"claimant":"e1","claimantKind":"speaker","dates":["d1"],"end":40,"hedges":[{"end":2,"start":1}],"id":"c1","kind":"quantity","producer":{"component":"claims","version":"1.0.0"},"quote":"q1","reasons":[{"description":"names a number","feature":"number","weight":0.7}],"start":0,"support":[{"source":"src1","via":"attribution"}]}"#
        )
        #expect(try decode(ClaimAnnotation.self, json(bare)) == bare)
        #expect(try decode(ClaimAnnotation.self, json(Self.fullClaim)) == Self.fullClaim)
    }

    @Test("a claim is a value: changing a copy leaves the original, and emptied fields compare equal to empty ones")
    func claimIsAValue() {
        #expect(MemoryLayout<ClaimAnnotation>.stride == 56)
        let original = Self.fullClaim
        var copy = original
        copy.dates.append("d2")
        copy.actors = []
        copy.attribution = nil
        #expect(original.dates == ["d1"] && original.actors == ["e2"] && original.attribution == TextRange(start: 5, end: 9))
        #expect(copy.dates == ["d1", "d2"] && copy.actors.isEmpty && copy.attribution == nil)
        #expect(copy != original)

        let plain = ClaimAnnotation(range: TextRange(start: 0, end: 3), checkWorthiness: 0.1)
        var emptied = plain
        emptied.hedges = [TextRange(start: 0, end: 1)]
        emptied.quote = "q9"
        #expect(emptied != plain)
        emptied.hedges.removeAll()
        emptied.quote = nil
        #expect(emptied == plain)
        #expect(Set([emptied, plain]).count == 1)
    }

    @Test("a date mention takes 48 bytes; mentions moved from one another share their anchor and reason and compare by value")
    func dateNotes() throws {
        #expect(MemoryLayout<DateMention>.stride == 48)
        let first = DateMention(range: TextRange(start: 0, end: 6), value: nil, unresolved: "no published date")
        let moved = first.moved(to: TextRange(start: 10, end: 16), kind: .range, value: nil)
        #expect(moved.unresolved == "no published date" && moved.anchor == nil && moved.kind == .range && moved.id.isEmpty)
        #expect(moved == DateMention(range: TextRange(start: 10, end: 16), kind: .range, value: nil, unresolved: "no " + "published date"))
        var changed = moved
        changed.unresolved = nil
        changed.anchor = "2026-03-02"
        changed.value = "2026-03-01"
        #expect(moved.unresolved == "no published date" && moved.anchor == nil)
        #expect(changed.anchor == "2026-03-02" && changed.unresolved == nil && changed != moved)
        var custom = changed
        custom.kind = "season"
        #expect(custom.kind == "season" && custom.anchor == "2026-03-02" && changed.kind == .range)
        let back = custom.moved(to: TextRange(start: 1, end: 2), kind: .point, value: "2026")
        #expect(back.kind == .point && back.anchor == "2026-03-02")
        #expect(back == DateMention(range: TextRange(start: 1, end: 2), value: "2026", anchor: "2026-03-02"))
        for mention in [first, moved, changed, custom, back] {
            #expect(try decode(DateMention.self, json(mention)) == mention)
        }
        #expect(Set([moved, first.moved(to: TextRange(start: 10, end: 16), kind: .range, value: nil)]).count == 1)
        var plain = custom
        plain.kind = .point
        plain.anchor = nil
        #expect(plain == DateMention(range: TextRange(start: 10, end: 16), value: "2026-03-01"))
    }

    @Test("a claim's first date is held apart from the later ones: every way of setting the dates reads back")
    func claimDates() throws {
        let plain = ClaimAnnotation(range: TextRange(start: 0, end: 3), checkWorthiness: 0.1)
        var claim = plain
        claim.dates.append("d1")
        #expect(claim.dates == ["d1"] && claim != plain)
        claim.dates += ["d2", "d3"]
        #expect(claim.dates == ["d1", "d2", "d3"])
        let three = claim
        claim.dates = ["d4"]
        #expect(claim.dates == ["d4"] && three.dates == ["d1", "d2", "d3"])
        #expect(claim != ClaimAnnotation(range: TextRange(start: 0, end: 3), checkWorthiness: 0.1, dates: ["d5"]))
        #expect(claim == ClaimAnnotation(range: TextRange(start: 0, end: 3), checkWorthiness: 0.1, dates: ["d4"]))
        claim.dates.removeAll()
        #expect(claim.dates.isEmpty && claim == plain && Set([claim, plain]).count == 1)
        var references: [String] = []
        three.forEachReference { id, layer in if layer == .dates { references.append(id) } }
        #expect(references == ["d1", "d2", "d3"])
        #expect(try decode(ClaimAnnotation.self, json(three)) == three)
    }

    @Test("a finding takes 32 bytes; findings moved from one another share their texts and compare by value")
    func findingTexts() throws {
        #expect(MemoryLayout<Finding>.stride == 32)
        let first = Finding(kind: "claims.unsourced", message: "no source", severity: .notice, range: TextRange(start: 0, end: 4))
        let moved = first.moved(to: TextRange(start: 5, end: 9), severity: .warning)
        #expect(moved.kind == "claims.unsourced" && moved.message == "no source" && moved.cue == nil)
        #expect(moved.range == TextRange(start: 5, end: 9) && moved.severity == .warning && moved.id.isEmpty)
        #expect(
            moved == Finding(kind: "claims.unsourced", message: "no " + "source", severity: .warning, range: TextRange(start: 5, end: 9)))
        var changed = moved
        changed.cue = "listicle"
        changed.message = "other"
        #expect(moved.cue == nil && moved.message == "no source" && changed.cue == "listicle" && changed.message == "other")
        #expect(changed != moved && Set([moved, first.moved(to: TextRange(start: 5, end: 9), severity: .warning)]).count == 1)
        #expect(try decode(Finding.self, json(changed)) == changed)
        // The severity and the range are each the finding's own, and no range is not an empty one.
        var severe = changed
        severe.severity = .info
        #expect(severe.severity == .info && changed.severity == .warning && severe != changed)
        severe.severity = .warning
        #expect(severe == changed)
        var nowhere = first.moved(to: nil, severity: .notice)
        #expect(nowhere.range == nil && nowhere != first.moved(to: TextRange(start: 0, end: 0), severity: .notice))
        #expect(
            try json(nowhere)
                == #"{"id":"","kind":"claims.unsourced","message":"no source","producer":{"component":"","version":""},"severity":"notice"}"#
        )
        #expect(try decode(Finding.self, json(nowhere)) == nowhere)
        nowhere.range = TextRange(start: 0, end: 0)
        #expect(nowhere.range == TextRange(start: 0, end: 0))
    }

    private static let ids = [
        "", "d7", "d1", "d07", "d0", "d", "x7", "dd7", "d-1", "d+1", "d7x", "D7", "c7", "d4294967295", "d4294967296",
        "d99999999999999999999", "é1", "d\u{0}", "an id of a component's own, longer than fifteen bytes",
    ]

    @Test("an id takes 8 bytes in a sentence, date, claim, finding and reference, and every id reads back as it was given")
    func compactIDs() throws {
        #expect(MemoryLayout<Sentence>.stride == 24)
        #expect(MemoryLayout<Reference<DateMention>>.size == 8 && MemoryLayout<Reference<DateMention>?>.size == 8)
        let range = TextRange(start: 0, end: 2)
        for id in Self.ids {
            let sentence = Sentence(id: id, range: range, producer: Self.producer)
            let date = DateMention(id: id, range: range, value: "2026", producer: Self.producer)
            let claim = ClaimAnnotation(id: id, range: range, checkWorthiness: 0.5, producer: Self.producer)
            let finding = Finding(id: id, kind: "k", message: "m", producer: Self.producer)
            let reference = Reference<DateMention>(id)
            #expect(sentence.id == id && date.id == id && claim.id == id && finding.id == id && reference.id == id)
            #expect(try decode(Sentence.self, json(sentence)).id == id)
            #expect(try decode(DateMention.self, json(date)) == date)
            #expect(try decode(ClaimAnnotation.self, json(claim)) == claim)
            #expect(try decode(Finding.self, json(finding)) == finding)
            #expect(try decode(Reference<DateMention>.self, json(reference)) == reference)
            // Equal to the same id built another way, hashed alike, and to no other id.
            let rebuilt = String(id.unicodeScalars)
            #expect(Reference<DateMention>(rebuilt) == reference && Set([Reference<DateMention>(rebuilt), reference]).count == 1)
            #expect(Sentence(id: rebuilt, range: range, producer: Self.producer) == sentence)
            for other in Self.ids where other != id {
                #expect(Reference<DateMention>(other) != reference)
                #expect(DateMention(id: other, range: range, value: "2026", producer: Self.producer) != date)
            }
            var renamed = claim
            renamed.id = "c12"
            #expect(renamed.id == "c12" && claim.id == id)
        }
        // The same id under another layer's prefix is the same id too.
        #expect(Reference<Entity>("d7").id == "d7" && Reference<Entity>("e7").id == "e7")
        var claim = ClaimAnnotation(range: range, checkWorthiness: 0.5, dates: ["d3", "d07", "x"])
        #expect(claim.dates == ["d3", "d07", "x"])
        claim.dates = [Reference("d" + "3")]
        #expect(claim == ClaimAnnotation(range: range, checkWorthiness: 0.5, dates: ["d3"]))
    }

    @Test("a date's value reads back as given, whether packed in a word, held as a day's digits or boxed")
    func compactDateValues() throws {
        let values = [
            "", "2025", "2025-12", "2025-W50", "P2W", "T15:00", "12345678", "123456789", "2025-12-14", "0000-00-00", "9999-99-99",
            "2025-1x-14", "2025/12/14", "2025-12-14T10:00", "2025-05/2025-07", "Ä", "a\u{0}b", "2025-12-1\u{0}",
        ]
        for value in values {
            let mention = DateMention(id: "d1", range: TextRange(start: 0, end: 4), value: value, producer: Self.producer)
            #expect(mention.value == value)
            #expect(try decode(DateMention.self, json(mention)) == mention)
            #expect(
                mention
                    == DateMention(
                        id: "d1", range: TextRange(start: 0, end: 4), value: String(value.unicodeScalars), producer: Self.producer))
            for other in values where other != value {
                var changed = mention
                changed.value = other
                #expect(changed != mention && changed.value == other)
            }
        }
        var mention = DateMention(range: TextRange(start: 0, end: 4), value: nil)
        #expect(mention.value == nil && mention != DateMention(range: TextRange(start: 0, end: 4), value: ""))
        mention.value = "2026-03-01"
        #expect(mention.value == "2026-03-01")
    }

    @Test(
        "a claim's score reads back bit for bit, whether held in thousandths or boxed",
        arguments: [
            0, 0.001, 0.5, 0.589, 0.75, 1, 65.534, 65.535, 1.0 / 3, 0.1 + 0.2, -0.0, -0.001, 1e-9, 2, 1000, -5, .infinity, .nan,
        ])
    func claimScores(score: Double) throws {
        let claim = ClaimAnnotation(id: "c1", range: TextRange(start: 0, end: 3), checkWorthiness: score, producer: Self.producer)
        #expect(claim.checkWorthiness.bitPattern == score.bitPattern)
        var changed = ClaimAnnotation(range: TextRange(start: 0, end: 3), checkWorthiness: 0.25, hedges: [TextRange(start: 0, end: 1)])
        changed.checkWorthiness = score
        #expect(changed.checkWorthiness.bitPattern == score.bitPattern && changed.hedges.count == 1)
        changed.checkWorthiness = 0.25
        changed.hedges = []
        #expect(changed == ClaimAnnotation(range: TextRange(start: 0, end: 3), checkWorthiness: 0.25))
        if score.isFinite { #expect(try decode(ClaimAnnotation.self, json(claim)).checkWorthiness.bitPattern == score.bitPattern) }
    }

    @Test("the first claims by check-worthiness are those a full sort puts first, ties in layer order")
    func firstByCheckWorthiness() {
        var generator = SystemRandomNumberGenerator()
        for round in 0..<50 {
            let count = round % 10 == 0 ? round / 10 : Int.random(in: 1...300, using: &generator)
            let claims = (0..<count).map { _ in
                ClaimAnnotation(range: TextRange(start: 0, end: 1), checkWorthiness: Double(Int.random(in: 0...20, using: &generator)) / 20)
            }
            let full = claims.checkWorthinessOrder()
            for limit in [0, 1, 2, 5, 20, count - 1, count, count + 5] where limit >= 0 {
                #expect(claims.checkWorthinessOrder(first: limit) == Array(full.prefix(limit)))
            }
        }
    }

    @Test("a claim's kind and claimant kind of a component's own read back, round-trip and compare by value")
    func claimNames() throws {
        for kind in ClaimKind.builtIn + ["estimate", ""] {
            for claimantKind: ClaimAnnotation.ClaimantKind in [.publication, .speaker, .anonymous, "agency"] {
                let claim = ClaimAnnotation(
                    range: TextRange(start: 0, end: 3), checkWorthiness: 0.4, kind: kind, claimantKind: claimantKind,
                    producer: Self.producer)
                #expect(claim.kind == kind && claim.claimantKind == claimantKind)
                #expect(try decode(ClaimAnnotation.self, json(claim)) == claim)
            }
        }
        var claim = ClaimAnnotation(range: TextRange(start: 0, end: 3), checkWorthiness: 0.4, kind: "estimate")
        let copy = claim
        claim.kind = .fact
        #expect(claim.kind == .fact && copy.kind == "estimate" && claim != copy)
        #expect(claim == ClaimAnnotation(range: TextRange(start: 0, end: 3), checkWorthiness: 0.4, kind: .fact))
        claim.claimantKind = "agency"
        claim.hedges = [TextRange(start: 0, end: 1)]
        claim.claimantKind = .speaker
        #expect(claim.claimantKind == .speaker && claim.hedges.count == 1 && !claim.isUnsourced)
    }
}
