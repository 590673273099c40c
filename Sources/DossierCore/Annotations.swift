import Foundation

/// The annotation layers of a document, or the part of them one analyzer adds: an open store
/// keyed by layer, where built-in and third-party layers live side by side.
///
/// Reach a layer by its annotation type, `annotations[Stance.self]`, or for the built-in ones by
/// name, `annotations.sentences`; both read and write in place without copying the layer. A layer
/// read from Dossier JSON whose type this program does not know is kept as plain JSON
/// (`json(of:)`), written back unchanged, and decoded when it is first reached by its type.
///
/// An analyzer returns an `Annotations` value holding only the layers it declared in `provides`;
/// the runner checks it (layers, ranges, ids, references), gives every annotation its id and the
/// analyzer's provenance, and merges it into the document, replacing what the same analyzer
/// wrote there before.
public struct Annotations: Hashable, Sendable {
    private var store: [LayerID: any LayerItems] = [:]

    /// Creates empty layers.
    public init() {}

    /// The items of the layer `type` lives in; empty when the layer is absent.
    ///
    /// A layer held as plain JSON (read from a file by a program that did not know its type) is
    /// decoded as `type` here; if its items do not decode as `type`, this reads as empty and
    /// `decode(_:)` says why.
    public subscript<Item: Annotation>(_ type: Item.Type) -> [Item] {
        get { (try? decode(type)) ?? [] }
        _modify {
            // The layer is modified where it lies in the store: removing and reinserting it would
            // hash its name twice for every write.
            if let index = store.index(forKey: Item.layer) {
                var items = Self.take(&store.values[index], as: type)
                defer { store.values[index] = TypedItems(items: items) }
                yield &items
            } else {
                var items: [Item] = []
                defer { store[Item.layer] = TypedItems(items: items) }
                yield &items
            }
        }
        set { store[Item.layer] = TypedItems(items: newValue) }
    }

    /// The items of the layer `type` lives in, decoding a layer held as plain JSON; throws the
    /// decoding error when its items are not `type`'s wire form.
    public func decode<Item: Annotation>(_ type: Item.Type) throws -> [Item] {
        guard let layer = store[Item.layer] else { return [] }
        if let typed = layer as? TypedItems<Item> { return typed.items }
        return try TypedItems<Item>.decode(layer.jsonValues())
    }

    /// The items of `layer` as `type`, leaving an empty layer in its place so that the items are
    /// uniquely referenced and can be modified without a copy.
    private static func take<Item: Annotation>(_ layer: inout any LayerItems, as type: Item.Type) -> [Item] {
        let items: [Item]
        if let typed = layer as? TypedItems<Item> {
            items = typed.items
        } else {
            items = (try? TypedItems<Item>.decode(layer.jsonValues())) ?? []
        }
        layer = TypedItems<Item>(items: [])
        return items
    }

    // MARK: Built-in layers

    /// Sentence boundaries.
    public var sentences: [Sentence] {
        get { self[Sentence.self] }
        _modify { yield &self[Sentence.self] }
    }
    /// Named entities with their roles.
    public var entities: [Entity] {
        get { self[Entity.self] }
        _modify { yield &self[Entity.self] }
    }
    /// Dates and times mentioned.
    public var dates: [DateMention] {
        get { self[DateMention.self] }
        _modify { yield &self[DateMention.self] }
    }
    /// What people are reported as saying.
    public var quotes: [Quote] {
        get { self[Quote.self] }
        _modify { yield &self[Quote.self] }
    }
    /// Check-worthy claims.
    public var claims: [ClaimAnnotation] {
        get { self[ClaimAnnotation.self] }
        _modify { yield &self[ClaimAnnotation.self] }
    }
    /// Sources the article cites.
    public var sources: [SourceAnnotation] {
        get { self[SourceAnnotation.self] }
        _modify { yield &self[SourceAnnotation.self] }
    }
    /// Observations such as framing.
    public var findings: [Finding] {
        get { self[Finding.self] }
        _modify { yield &self[Finding.self] }
    }
    /// Numeric measures.
    public var metrics: [Metric] {
        get { self[Metric.self] }
        _modify { yield &self[Metric.self] }
    }
    /// Links between annotations added by later analyzers.
    public var relations: [Relation] {
        get { self[Relation.self] }
        _modify { yield &self[Relation.self] }
    }

    // MARK: Any layer

    /// The layers present, built-in or not, sorted by name.
    public var layers: [LayerID] { store.keys.sorted() }

    /// The layers that hold at least one annotation.
    public var nonEmptyLayers: Set<LayerID> { Set(store.compactMap { $0.value.count > 0 ? $0.key : nil }) }

    /// Whether a layer other than `layers` holds an annotation; the cheap question the runner
    /// asks of every result before it builds `nonEmptyLayers` to say which.
    public func hasAnnotations(outside layers: [LayerID]) -> Bool {
        for (layer, items) in store where items.count > 0 && !layers.contains(layer) { return true }
        return false
    }

    /// Whether any of `layers` holds an annotation.
    public func hasAnnotations(in layers: [LayerID]) -> Bool {
        for layer in layers where count(of: layer) > 0 { return true }
        return false
    }

    /// The ids of every annotation in every layer.
    public var allIDs: Set<String> {
        var ids: Set<String> = []
        for (_, items) in store { items.forEachID { ids.insert($0) } }
        return ids
    }

    /// How many annotations `layer` holds.
    public func count(of layer: LayerID) -> Int { store[layer]?.count ?? 0 }

    /// The items of `layer` as plain JSON, each in its type's wire form (without the covered
    /// `text` the JSON writer adds); nil when the layer is absent.
    public func json(of layer: LayerID) throws -> [JSONValue]? { try store[layer]?.jsonValues() }

    /// Sets `layer` to items given as plain JSON, such as what an external program returned; each
    /// should follow the conventions every layer does (`id`, flat `start`/`end`, `producer`).
    public mutating func setJSON(_ items: [JSONValue], of layer: LayerID) {
        store[layer] = RawItems(items: items, layer: layer)
    }

    /// The annotation `reference` points at, when it is in the document.
    public func resolve<Item: Annotation>(_ reference: Reference<Item>?) -> Item? {
        guard let id = reference?.id else { return nil }
        return self[Item.self].first { $0.id == id }
    }

    /// The relations of `kind` that start at `annotation`.
    public func relations(_ kind: String, from annotation: some Annotation) -> [Relation] {
        relations.filter { $0.kind == kind && $0.from == annotation.id }
    }

    /// The relations of `kind` that point at `annotation`.
    public func relations(_ kind: String, to annotation: some Annotation) -> [Relation] {
        relations.filter { $0.kind == kind && $0.to == annotation.id }
    }

    // MARK: What the runner does

    /// Sets the producer of every annotation to `provenance` and gives every annotation without
    /// an id one: its type's prefix and the next number not used in that layer here or in
    /// `existing` (the document it will be merged into).
    ///
    /// Ids in `retired` (those of annotations a re-run just replaced) are not given again, so a
    /// reference left pointing at a replaced annotation dangles visibly instead of silently
    /// pointing at a new one.
    public mutating func stamp(_ provenance: Provenance, after existing: Annotations = Annotations(), retired: Set<String> = []) {
        number(provenance, after: existing, retired: retired)
    }

    /// Gives every annotation without an id one, as `stamp` does, leaving producers alone: for
    /// documents read from files that predate ids.
    public mutating func assignMissingIDs() { number(nil, after: Annotations(), retired: []) }

    private mutating func number(_ provenance: Provenance?, after existing: Annotations, retired: Set<String>) {
        // Each layer is stamped where it lies in the store, without removing and reinserting it.
        var index = store.startIndex
        while index != store.endIndex {
            let layer = store.keys[index]
            let prefix = store.values[index].idPrefix
            var highest = Self.highestNumber(in: store.values[index], prefix: prefix)
            if let other = existing.store[layer] { highest = max(highest, Self.highestNumber(in: other, prefix: prefix)) }
            for id in retired { highest = max(highest, Self.number(id, prefix: prefix)) }
            var next = highest + 1
            store.values[index].stamp(provenance, nextNumber: &next)
            store.formIndex(after: &index)
        }
    }

    private static func highestNumber(in items: any LayerItems, prefix: String) -> Int {
        var highest = 0
        items.forEachID { highest = max(highest, number($0, prefix: prefix)) }
        return highest
    }

    /// The number of an id the runner gave (`prefix` and digits), or 0.
    private static func number(_ id: String, prefix: String) -> Int {
        guard id.hasPrefix(prefix), let n = Int(id.dropFirst(prefix.count)) else { return 0 }
        return n
    }

    /// Appends every layer of `other` to the matching layer here.
    public mutating func merge(_ other: Annotations) {
        for (layer, items) in other.store {
            // Appended where it lies in the store; `append` leaves the layer unchanged when it throws.
            guard let index = store.index(forKey: layer) else {
                store[layer] = items
                continue
            }
            if (try? store.values[index].append(items)) == nil {
                // Two types claim one layer and their wire forms disagree: keep both as JSON.
                let values = ((try? store.values[index].jsonValues()) ?? []) + ((try? items.jsonValues()) ?? [])
                store.values[index] = RawItems(items: values, layer: layer)
            }
        }
    }

    /// Removes from `layers` what the instance named `instance` wrote (see
    /// `Provenance.instance`), so that running it again replaces its results instead of adding a
    /// second copy; returns the ids removed.
    @discardableResult
    public mutating func removeAll(producedBy instance: String, in layers: Set<LayerID>) -> Set<String> {
        var removed: Set<String> = []
        for layer in layers {
            guard let items = store[layer], items.count > 0 else { continue }
            var changed = items
            let ids = changed.removeAll(producedBy: instance)
            guard !ids.isEmpty else { continue }
            removed.formUnion(ids)
            store[layer] = changed
        }
        return removed
    }

    /// The first range of any annotation that is not a well-formed span of a text of `length`
    /// scalars (negative, reversed, or past the end), or nil when every one is.
    ///
    /// The runner checks every annotation an analyzer returns with this, so a component's bad
    /// range fails that article (E406) instead of trapping later, in an exporter or the batch.
    public func firstInvalidRange(length: Int) -> TextRange? {
        // Almost every result is well formed: look in any order first, and sort the layers (to
        // name the first bad range in layer order) only when there is one.
        var any = false
        for (_, items) in store where !any {
            items.forEachRange { r in if r.start < 0 || r.start > r.end || r.end > length { any = true } }
        }
        guard any else { return nil }
        var bad: TextRange?
        for layer in store.keys.sorted() where bad == nil {
            store[layer]!.forEachRange { r in
                if bad == nil && (r.start < 0 || r.start > r.end || r.end > length) { bad = r }
            }
        }
        return bad
    }

    /// A problem with ids and references, found by `firstReferenceProblem(against:)`.
    public struct ReferenceProblem: Hashable, Sendable, CustomStringConvertible {
        /// What is wrong.
        public enum Kind: Hashable, Sendable {
            /// An id given to two annotations.
            case duplicateID
            /// A reference to an id that is in no layer.
            case missingTarget
            /// A reference to an annotation in another layer than the reference's type names.
            case wrongLayer
        }

        /// What is wrong.
        public var kind: Kind
        /// The problem in words, to follow "an annotation …" or a component's name.
        public var message: String

        public var description: String { message }
    }

    /// The first problem with ids and references when `self` (an analyzer's result, already
    /// stamped) is merged into `existing`: an id given twice, or a reference to an annotation that
    /// is in neither, or in another layer than the reference's type says.
    public func firstReferenceProblem(against existing: Annotations) -> ReferenceProblem? {
        // The runner asks this after every step, and most steps return annotations without ids
        // of their own and without references: then there is nothing to check, and indexing the
        // whole document's ids (thousands of strings) would cost more than the step itself.
        var given = 0
        var references = 0
        for (_, items) in store {
            items.forEachID { if !$0.isEmpty { given += 1 } }
            items.forEachReference { _, _, _ in references += 1 }
        }
        guard given > 0 || references > 0 else { return nil }
        // Most results give no ids of their own and point only at annotations the runner numbered
        // in order ("d7" is the seventh date): each such reference is checked where its number puts
        // it, with no table (which cost a table's 35 bytes a reference, the claims step's peak over
        // an article of dated claims, and a pass over every id the document holds, for every step).
        // The document's ids are unique (every step's were checked), so an id found there exists
        // and is in that layer; anything else is left to the table below, which also names it.
        if given == 0 && referencesAreInPlace(in: existing) { return nil }
        // The ids given here and those pointed at, in a table that looks an id up by a cheap hash
        // (every id the document already holds is looked up in it), with the layer each is in.
        var table = IDTable(capacity: given + references)
        for (_, items) in store {
            if given > 0 { items.forEachID { if !$0.isEmpty { table.insert($0) } } }
            items.forEachReference { _, id, _ in table.insert(id) }
        }
        var problem: ReferenceProblem?
        // Only the existing ids that could matter: those given again here, or pointed at.
        for (layer, items) in existing.store {
            items.forEachID { table.setLayer(layer, of: $0) }
        }
        if given > 0 {
            // An id given here has a layer already when the document holds it or an earlier
            // annotation here was given it.
            for layer in store.keys.sorted() {
                store[layer]!.forEachID { id in
                    guard problem == nil, !id.isEmpty else { return }
                    if table.setLayer(layer, of: id) != nil {
                        problem = ReferenceProblem(
                            kind: .duplicateID,
                            message:
                                "gave the id '\(id)' to two annotations; ids must be unique in a document (leave 'id' empty to get one)")
                    }
                }
            }
            guard problem == nil else { return problem }
        }
        for layer in store.keys.sorted() {
            store[layer]!.forEachReference { from, id, target in
                guard problem == nil else { return }
                guard let found = table.layer(of: id) else {
                    problem = ReferenceProblem(kind: .missingTarget, message: "'\(from)' points at '\(id)', which is not in the document")
                    return
                }
                if let target, found != target {
                    problem = ReferenceProblem(
                        kind: .wrongLayer,
                        message: "'\(from)' points at '\(id)' in layer '\(found)', but the reference must be to layer '\(target)'")
                }
            }
        }
        return problem
    }

    /// Whether every reference here names a layer of `existing` and an id that the item at the
    /// position its number gives has: `LayerItems.holdsInPlace`.
    private func referencesAreInPlace(in existing: Annotations) -> Bool {
        var inPlace = true
        // Results point at few layers, most often one after another: look each up once per run.
        var lastLayer: LayerID?
        var lastItems: (any LayerItems)?
        for (_, items) in store where inPlace {
            items.forEachReference { _, id, target in
                guard inPlace else { return }
                guard let target else {
                    inPlace = false
                    return
                }
                if target != lastLayer {
                    lastLayer = target
                    lastItems = existing.store[target]
                }
                inPlace = lastItems?.holdsInPlace(id) ?? false
            }
        }
        return inPlace
    }

    /// The position an id the runner numbered names: `prefix` and a number from 1 without leading
    /// zeros ("d7" is at 6), or nil for any other id. Reads the UTF-8 as it is, with no substring.
    static func numberedPosition(of id: String, prefix: String) -> Int? {
        let utf8 = id.utf8
        let prefixUTF8 = prefix.utf8
        let p = prefixUTF8.count
        // 18 digits stay below Int.max.
        guard utf8.count > p, utf8.count - p <= 18 else { return nil }
        // By index over the two views, with no iterator or slice: the runner and every compact id
        // (`CompactID`) read ids through here.
        var i = utf8.startIndex
        for byte in prefixUTF8 {
            guard utf8[i] == byte else { return nil }
            i = utf8.index(after: i)
        }
        var n = 0
        while i != utf8.endIndex {
            let digit = utf8[i] &- 0x30
            guard digit < 10, n > 0 || digit > 0 else { return nil }
            n = n * 10 + Int(digit)
            i = utf8.index(after: i)
        }
        return n - 1
    }

    /// Removes every annotation that points at one of `ids`, and then those that pointed at the
    /// ones removed, and so on; returns how many went, by layer. The runner uses it when a re-run
    /// replaced annotations that results of other analyzers pointed at: those results are stale.
    @discardableResult
    public mutating func removeAll(pointingAt ids: Set<String>) -> [LayerID: Int] {
        var gone: [LayerID: Int] = [:]
        var targets = ids
        while !targets.isEmpty {
            var next: Set<String> = []
            for layer in Array(store.keys) {
                guard var items = store.removeValue(forKey: layer) else { continue }
                let removed = items.removeAll(pointingAt: targets)
                store[layer] = items
                if !removed.isEmpty {
                    gone[layer, default: 0] += removed.count
                    next.formUnion(removed)
                }
            }
            targets = next
        }
        return gone
    }

    /// The ids that references in these layers point at but that are not among them.
    public var danglingReferences: [String] {
        var ids: Set<String> = []
        for (_, items) in store { items.forEachID { ids.insert($0) } }
        var dangling: [String] = []
        for layer in store.keys.sorted() {
            store[layer]!.forEachReference { _, id, _ in if !ids.contains(id) { dangling.append(id) } }
        }
        return dangling
    }

    /// The type-erased items of one layer, for the JSON writer.
    func items(of layer: LayerID) -> (any LayerItems)? { store[layer] }

    public static func == (lhs: Annotations, rhs: Annotations) -> Bool {
        let l = lhs.store.filter { $0.value.count > 0 }
        let r = rhs.store.filter { $0.value.count > 0 }
        guard Set(l.keys) == Set(r.keys) else { return false }
        return l.allSatisfy { key, items in items.isEqual(to: r[key]!) }
    }

    public func hash(into hasher: inout Hasher) {
        for layer in nonEmptyLayers.sorted() {
            hasher.combine(layer)
            hasher.combine(store[layer]!.count)
        }
    }
}
