import Foundation

/// The items of one layer behind a type-erased face, so that `Annotations` can hold built-in and
/// third-party layers in one store and the runner can check and stamp any of them.
protocol LayerItems: Sendable {
    var count: Int { get }
    /// The prefix of the ids the runner assigns.
    var idPrefix: String { get }
    /// The annotation type, or nil for a layer held as plain JSON.
    var itemType: (any Annotation.Type)? { get }
    func forEachID(_ body: (String) -> Void)
    func forEachRange(_ body: (TextRange) -> Void)
    func forEachReference(_ body: (_ from: String, _ id: String, _ layer: LayerID?) -> Void)
    /// Whether `id` is the id of the item at the position its number names, as the runner numbers
    /// them (`idPrefix` and 1, 2, …): true proves the layer holds it; false says nothing.
    func holdsInPlace(_ id: String) -> Bool
    /// Sets every producer to `provenance` (unless nil), and every empty id to the prefix and the
    /// next number.
    mutating func stamp(_ provenance: Provenance?, nextNumber: inout Int)
    /// Removes the items the instance named `instance` produced; returns their ids.
    mutating func removeAll(producedBy instance: String) -> [String]
    /// Removes the items that point at any of `ids`; returns the ids of those removed.
    mutating func removeAll(pointingAt ids: Set<String>) -> [String]
    /// The items as plain JSON, each its type's wire form.
    func jsonValues() throws -> [JSONValue]
    /// The items as plain JSON, each with the range whose text Dossier JSON repeats beside it.
    func wireItems() throws -> [(value: JSONValue, covered: TextRange?)]
    /// Appends `other`'s items, converting them through JSON when they are of another type.
    mutating func append(_ other: any LayerItems) throws
    func isEqual(to other: any LayerItems) -> Bool
}

/// The items of a layer whose type is known.
struct TypedItems<Item: Annotation>: LayerItems {
    var items: [Item]

    var count: Int { items.count }
    var idPrefix: String { Item.idPrefix }
    var itemType: (any Annotation.Type)? { Item.self }

    // These run through the existential on every step's result. Unspecialised, reading one field
    // copies the whole item (retaining every string and array in it), so the built-in layers the
    // standard analyzers write get specialised versions, which the generic entry dispatches to
    // (claims, sources, findings and metrics too: unspecialised, checking the references of a
    // claims result copied every claim, about 2% of the default pipeline).

    @_specialize(where Item == Sentence)
    @_specialize(where Item == Entity)
    @_specialize(where Item == DateMention)
    @_specialize(where Item == Quote)
    @_specialize(where Item == ClaimAnnotation)
    @_specialize(where Item == SourceAnnotation)
    @_specialize(where Item == Finding)
    @_specialize(where Item == Metric)
    func forEachID(_ body: (String) -> Void) {
        items.withUnsafeBufferPointer { buffer in for i in buffer.indices { body(buffer[i].id) } }
    }
    @_specialize(where Item == Sentence)
    @_specialize(where Item == Entity)
    @_specialize(where Item == DateMention)
    @_specialize(where Item == Quote)
    @_specialize(where Item == ClaimAnnotation)
    @_specialize(where Item == SourceAnnotation)
    @_specialize(where Item == Finding)
    @_specialize(where Item == Metric)
    func forEachRange(_ body: (TextRange) -> Void) {
        items.withUnsafeBufferPointer { buffer in for i in buffer.indices { buffer[i].forEachRange(body) } }
    }
    @_specialize(where Item == Sentence)
    @_specialize(where Item == Entity)
    @_specialize(where Item == DateMention)
    @_specialize(where Item == Quote)
    @_specialize(where Item == ClaimAnnotation)
    @_specialize(where Item == SourceAnnotation)
    @_specialize(where Item == Finding)
    @_specialize(where Item == Metric)
    func forEachReference(_ body: (_ from: String, _ id: String, _ layer: LayerID?) -> Void) {
        items.withUnsafeBufferPointer { buffer in
            for i in buffer.indices { buffer[i].forEachReference { body(buffer[i].id, $0, $1) } }
        }
    }

    @_specialize(where Item == Sentence)
    @_specialize(where Item == Entity)
    @_specialize(where Item == DateMention)
    @_specialize(where Item == Quote)
    @_specialize(where Item == ClaimAnnotation)
    @_specialize(where Item == SourceAnnotation)
    @_specialize(where Item == Finding)
    @_specialize(where Item == Metric)
    func holdsInPlace(_ id: String) -> Bool {
        guard let n = Annotations.numberedPosition(of: id, prefix: Item.idPrefix), n < items.count else { return false }
        return items.withUnsafeBufferPointer { $0[n].id == id }
    }

    @_specialize(where Item == Sentence)
    @_specialize(where Item == Entity)
    @_specialize(where Item == DateMention)
    @_specialize(where Item == Quote)
    @_specialize(where Item == ClaimAnnotation)
    @_specialize(where Item == SourceAnnotation)
    @_specialize(where Item == Finding)
    @_specialize(where Item == Metric)
    mutating func stamp(_ provenance: Provenance?, nextNumber: inout Int) {
        items.withUnsafeMutableBufferPointer { buffer in
            for i in buffer.indices {
                if let provenance { buffer[i].producer = provenance }
                if buffer[i].id.isEmpty {
                    buffer[i].id = Item.idPrefix + String(nextNumber)
                    nextNumber += 1
                }
            }
        }
    }

    mutating func removeAll(producedBy instance: String) -> [String] {
        // Most runs meet a layer its analyzer has not written yet: look before building anything.
        let any = items.withUnsafeBufferPointer { buffer in buffer.indices.contains { buffer[$0].producer.instance == instance } }
        guard any else { return [] }
        var removed: [String] = []
        items.removeAll { item in
            guard item.producer.instance == instance else { return false }
            removed.append(item.id)
            return true
        }
        return removed
    }

    mutating func removeAll(pointingAt ids: Set<String>) -> [String] {
        var removed: [String] = []
        items.removeAll { item in
            var hit = false
            item.forEachReference { id, _ in hit = hit || ids.contains(id) }
            if hit { removed.append(item.id) }
            return hit
        }
        return removed
    }

    func jsonValues() throws -> [JSONValue] { try items.map { try JSONValue(encoding: $0) } }

    func wireItems() throws -> [(value: JSONValue, covered: TextRange?)] {
        try items.map { (try JSONValue(encoding: $0), $0.coveredRange) }
    }

    mutating func append(_ other: any LayerItems) throws {
        if let same = other as? TypedItems<Item> {
            // Into an empty layer (the findings of the first analyzer to report any), take the
            // array as it is: appending would copy it, and hold both copies at once.
            if items.isEmpty { items = same.items } else { items += same.items }
        } else {
            items += try Self.decode(other.jsonValues())
        }
    }

    func isEqual(to other: any LayerItems) -> Bool {
        if let same = other as? TypedItems<Item> { return items == same.items }
        return (try? jsonValues() == other.jsonValues()) ?? false
    }

    /// Items from their wire form.
    static func decode(_ values: [JSONValue]) throws -> [Item] {
        let data = try JSONEncoder().encode(values)
        return try JSONDecoder().decode([Item].self, from: data)
    }
}

/// The items of a layer read from JSON whose type this program does not know: kept as they were
/// read, written back unchanged, and still checked by the conventions every layer follows (`id`,
/// flat `start`/`end`, `producer`).
struct RawItems: LayerItems {
    var items: [JSONValue]
    let layer: LayerID

    var count: Int { items.count }
    var idPrefix: String { layer.rawValue + "-" }
    var itemType: (any Annotation.Type)? { nil }

    func forEachID(_ body: (String) -> Void) {
        for item in items { if case .string(let id)? = item["id"] { body(id) } }
    }

    func forEachRange(_ body: (TextRange) -> Void) {
        for item in items { if let range = Self.range(of: item) { body(range) } }
    }

    func forEachReference(_ body: (_ from: String, _ id: String, _ layer: LayerID?) -> Void) {}

    func holdsInPlace(_ id: String) -> Bool { false }

    mutating func stamp(_ provenance: Provenance?, nextNumber: inout Int) {
        for i in items.indices {
            guard case .object(var pairs) = items[i] else { continue }
            if let provenance {
                var producer: [(key: String, value: JSONValue)] = [("component", .string(provenance.component))]
                if let name = provenance.name { producer.append(("name", .string(name))) }
                producer.append(("version", .string(provenance.version)))
                Self.set("producer", .object(producer), in: &pairs)
            }
            var hasID = false
            if case .string(let id)? = items[i]["id"] { hasID = !id.isEmpty }
            if !hasID {
                Self.set("id", .string(idPrefix + String(nextNumber)), in: &pairs)
                nextNumber += 1
            }
            items[i] = .object(pairs)
        }
    }

    mutating func removeAll(producedBy instance: String) -> [String] {
        var removed: [String] = []
        items.removeAll { item in
            let mine: Bool
            if case .string(let name)? = item["producer"]?["name"] {
                mine = name == instance
            } else if case .string(let c)? = item["producer"]?["component"] {
                mine = c == instance
            } else {
                mine = false
            }
            if mine, case .string(let id)? = item["id"] { removed.append(id) }
            return mine
        }
        return removed
    }

    func jsonValues() throws -> [JSONValue] { items }

    mutating func removeAll(pointingAt ids: Set<String>) -> [String] { [] }

    func wireItems() throws -> [(value: JSONValue, covered: TextRange?)] { items.map { ($0, Self.range(of: $0)) } }

    mutating func append(_ other: any LayerItems) throws { items += try other.jsonValues() }

    func isEqual(to other: any LayerItems) -> Bool { (try? items == other.jsonValues()) ?? false }

    /// The flat `start`/`end` range of a plain-JSON item, when it has one.
    static func range(of item: JSONValue) -> TextRange? {
        guard case .int(let start)? = item["start"], case .int(let end)? = item["end"] else { return nil }
        return TextRange(start: start, end: end)
    }

    private static func set(_ key: String, _ value: JSONValue, in pairs: inout [(key: String, value: JSONValue)]) {
        if let i = pairs.firstIndex(where: { $0.key == key }) { pairs[i].value = value } else { pairs.append((key, value)) }
    }
}
