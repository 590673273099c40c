/// Annotation ids keyed by a 64-bit FNV-1a hash of their UTF-8, each with the layer it was found
/// in, for the runner's check of each step's ids and references. After every step it looks up
/// every id the document already holds among the few the step gives or points at, and
/// `Set<String>` and `[String: LayerID]` hashed each of those ids with SipHash (most of the
/// check's time). An id is compared as a string only when its hash matches.
struct IDTable {
    private var hashes: [UInt64]
    private var ids: [String]
    private var layers: [LayerID?]
    private let mask: Int

    /// A table with room for `capacity` ids.
    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        hashes = Array(repeating: 0, count: size)
        ids = Array(repeating: "", count: size)
        layers = Array(repeating: nil, count: size)
        mask = size - 1
    }

    /// Adds `id`, without a layer, unless it is there.
    mutating func insert(_ id: String) {
        let h = Self.hash(id)
        let (i, found) = probe(id, h)
        guard !found else { return }
        hashes[i] = h
        ids[i] = id
    }

    /// The layer recorded for `id`, or nil when it has none or is not there.
    func layer(of id: String) -> LayerID? { find(id).flatMap { layers[$0] } }

    /// Records `layer` for `id` when the table holds it, and returns the layer it had before.
    @discardableResult
    mutating func setLayer(_ layer: LayerID, of id: String) -> LayerID? {
        guard let i = find(id) else { return nil }
        defer { layers[i] = layer }
        return layers[i]
    }

    private func find(_ id: String) -> Int? {
        let (i, found) = probe(id, Self.hash(id))
        return found ? i : nil
    }

    /// Where `id` (whose hash is `h`) is, or the empty slot where it would go.
    private func probe(_ id: String, _ h: UInt64) -> (Int, found: Bool) {
        var i = Int(truncatingIfNeeded: h >> 7) & mask
        while hashes[i] != 0 {
            if hashes[i] == h && ids[i] == id { return (i, true) }
            i = (i + 1) & mask
        }
        return (i, false)
    }

    /// FNV-1a over the UTF-8, never 0 (0 marks an empty slot).
    @inline(__always)
    static func hash(_ id: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id.utf8 { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return h | 1
    }
}
