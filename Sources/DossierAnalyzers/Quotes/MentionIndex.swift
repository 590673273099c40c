import DossierCore

/// The mentions of every entity of a document, sorted by where they start, for finding the entity
/// a speaker's words refer to.
struct MentionIndex {
    /// One mention: plain values only, so that sorting and reading entries retains nothing (a
    /// kind or form string in each entry was retained and released at every move of the sort).
    struct Entry {
        var range: TextRange
        var entity: Int
        var isPerson: Bool
        /// Whether the mention is a pronoun ("he"), which claims do not count as naming anyone.
        var isPronoun: Bool
    }

    let entities: [Entity]
    private(set) var entries: [Entry] = []

    init(_ entities: [Entity]) {
        self.entities = entities
        var count = 0
        for n in entities.indices { count += entities[n].mentions.count }
        entries.reserveCapacity(count)
        // By index: binding each entity would copy it, retaining its every string and array.
        for n in entities.indices where !entities[n].id.isEmpty {
            let isPerson = entities[n].kind == .person
            for m in entities[n].mentions.indices {
                let mention = entities[n].mentions[m]
                entries.append(Entry(range: mention.range, entity: n, isPerson: isPerson, isPronoun: mention.form == .pronoun))
            }
        }
        entries.sort { $0.range < $1.range }
    }

    /// The index of the first entry starting at or after `offset`.
    private func lowerBound(_ offset: Int) -> Int { entries.firstIndex(startingAtOrAfter: offset, by: \.range.start) }

    /// The mentions that overlap `range`, in order.
    func entries(overlapping range: TextRange) -> [Entry] {
        var result: [Entry] = []
        var i = lowerBound(range.start - 200)
        while i < entries.count, entries[i].range.start < range.end {
            if entries[i].range.overlaps(range) { result.append(entries[i]) }
            i += 1
        }
        return result
    }

    /// The entity with a mention overlapping `range`, preferring a person, then the longest overlap.
    func entity(overlapping range: TextRange) -> Int? {
        var best: (entity: Int, score: Int)?
        var i = lowerBound(range.start - 200)
        while i < entries.count, entries[i].range.start < range.end {
            let e = entries[i]
            if e.range.overlaps(range) {
                let overlap = min(e.range.end, range.end) - max(e.range.start, range.start)
                let score = overlap + (e.isPerson ? 10_000 : 0)
                if best == nil || score > best!.score { best = (e.entity, score) }
            }
            i += 1
        }
        return best?.entity
    }

    /// The entity of the nearest mention that ends at or before `offset` and starts at or after
    /// `floor`, among `kinds`, outside the `quoted` ranges (sorted by start), whose entity `fits`:
    /// `“Lund is right,” she said` does not make Lund the speaker.
    func nearest(
        before offset: Int, floor: Int, kinds: Set<Entity.Kind>, outside quoted: [Range<Int>] = [],
        where fits: (Int) -> Bool = { _ in true }
    ) -> Int? {
        nearestEntry(before: offset, floor: floor, kinds: kinds, outside: quoted, where: fits)?.entity
    }

    /// The mention `nearest(before:floor:kinds:outside:where:)` finds, with its range.
    func nearestEntry(
        before offset: Int, floor: Int, kinds: Set<Entity.Kind>, outside quoted: [Range<Int>] = [],
        where fits: (Int) -> Bool = { _ in true }
    ) -> Entry? {
        var i = lowerBound(offset) - 1
        while i >= 0 {
            let e = entries[i]
            if e.range.start < floor { return nil }
            if e.range.end <= offset, kinds.contains(entities[e.entity].kind), !Self.lies(e.range.start, in: quoted), fits(e.entity) {
                return e
            }
            i -= 1
        }
        return nil
    }

    /// The entity of the first person named (not by a pronoun) in `range`, outside the `quoted`
    /// ranges (sorted by start).
    func firstPerson(in range: Range<Int>, outside quoted: [Range<Int>]) -> Int? {
        firstPersonEntry(in: range, outside: quoted)?.entity
    }

    /// The first mention of a person by name (not by a pronoun) in `range`, outside the `quoted`
    /// ranges (sorted by start).
    func firstPersonEntry(in range: Range<Int>, outside quoted: [Range<Int>]) -> Entry? {
        firstNamed(in: range, outside: quoted) { $0.isPerson }
    }

    /// The entity of the first person or organisation named (not by a pronoun) in `range`, outside
    /// the `quoted` ranges (sorted by start).
    func firstPersonOrOrganization(in range: Range<Int>, outside quoted: [Range<Int>]) -> Int? {
        firstNamed(in: range, outside: quoted) { $0.isPerson || entities[$0.entity].kind == .organization }?.entity
    }

    /// The entity of the first organisation named (not by a pronoun) in `range`, outside the
    /// `quoted` ranges (sorted by start).
    func firstOrganization(in range: Range<Int>, outside quoted: [Range<Int>]) -> Int? {
        firstNamed(in: range, outside: quoted) { entities[$0.entity].kind == .organization }?.entity
    }

    private func firstNamed(in range: Range<Int>, outside quoted: [Range<Int>], where fits: (Entry) -> Bool) -> Entry? {
        var i = lowerBound(range.lowerBound)
        while i < entries.count, entries[i].range.start < range.upperBound {
            let entry = entries[i]
            if fits(entry), !entry.isPronoun, !Self.lies(entry.range.start, in: quoted) { return entry }
            i += 1
        }
        return nil
    }

    /// Whether `offset` lies inside one of `ranges`, which are sorted by start and do not overlap.
    static func lies(_ offset: Int, in ranges: [Range<Int>]) -> Bool {
        let k = ranges.firstIndex(startingAtOrAfter: offset + 1, by: \.lowerBound)
        return k > 0 && ranges[k - 1].contains(offset)
    }
}
