/// Annotation ids keyed by a 64-bit FNV-1a hash of their UTF-8, each with the layer it was found
/// in, for the runner's check of each step's ids and references. After every step it looks up
/// every id the document already holds among the few the step gives or points at, and
/// `Set<String>` and `[String: LayerID]` hashed each of those ids with SipHash (most of the
/// check's time). An id is compared as a string only when its hash matches.
///
/// The ids are kept once, in the order they came, with a two-byte layer code each; the open
/// addressing table holds only an index and 32 bits of the hash per slot. A step that points at
/// an id per annotation (a claim at its date, over an article of dated claims) checks its
/// references in some 35 bytes an id, not the 90 of a table of strings and optional layers.
struct IDTable {
    /// The ids, in the order they were added.
    private var ids: [String] = []
    /// Each id's layer: 0 for none, else 1 + its index in `layerNames`.
    private var layerCodes: [UInt16] = []
    /// The layers recorded so far, each once.
    private var layerNames: [LayerID] = []
    /// Per slot, 0 when empty, else 1 + the index of its id in `ids`.
    private var slots: [UInt32]
    /// Per slot, the high 32 bits of its id's hash, compared before the id itself.
    private var tags: [UInt32]
    private let mask: Int

    /// A table with room for `capacity` ids.
    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: 0, count: size)
        tags = Array(repeating: 0, count: size)
        mask = size - 1
        ids.reserveCapacity(capacity)
        layerCodes.reserveCapacity(capacity)
    }

    /// Adds `id`, without a layer, unless it is there.
    mutating func insert(_ id: String) {
        let h = Self.hash(id)
        let (i, found) = probe(id, h)
        guard !found else { return }
        precondition(ids.count < mask, "more ids than the id table was made for")
        ids.append(id)
        layerCodes.append(0)
        slots[i] = UInt32(truncatingIfNeeded: ids.count)
        tags[i] = UInt32(truncatingIfNeeded: h >> 32)
    }

    /// The layer recorded for `id`, or nil when it has none or is not there.
    func layer(of id: String) -> LayerID? { find(id).flatMap(layer(at:)) }

    /// Records `layer` for `id` when the table holds it, and returns the layer it had before.
    @discardableResult
    mutating func setLayer(_ layer: LayerID, of id: String) -> LayerID? {
        guard let n = find(id) else { return nil }
        defer { layerCodes[n] = code(of: layer) }
        return self.layer(at: n)
    }

    private func layer(at n: Int) -> LayerID? {
        let code = Int(layerCodes[n])
        return code == 0 ? nil : layerNames[code - 1]
    }

    /// The code of `layer`, added to the names the first time it is recorded.
    private mutating func code(of layer: LayerID) -> UInt16 {
        if let i = layerNames.firstIndex(of: layer) { return UInt16(i + 1) }
        precondition(layerNames.count < Int(UInt16.max), "more layers than an id table names")
        layerNames.append(layer)
        return UInt16(layerNames.count)
    }

    /// The index in `ids` of `id`, or nil.
    private func find(_ id: String) -> Int? {
        let (i, found) = probe(id, Self.hash(id))
        return found ? Int(slots[i]) - 1 : nil
    }

    /// Where `id` (whose hash is `h`) is, or the empty slot where it would go.
    private func probe(_ id: String, _ h: UInt64) -> (Int, found: Bool) {
        var i = Int(truncatingIfNeeded: h >> 7) & mask
        let tag = UInt32(truncatingIfNeeded: h >> 32)
        while slots[i] != 0 {
            if tags[i] == tag && ids[Int(slots[i]) - 1] == id { return (i, true) }
            i = (i + 1) & mask
        }
        return (i, false)
    }

    /// FNV-1a over the UTF-8.
    @inline(__always)
    static func hash(_ id: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id.utf8 { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return h
    }
}
