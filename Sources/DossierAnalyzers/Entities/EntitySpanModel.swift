import Foundation

/// A small linear classifier for candidate names the rules cannot place: it scores a span as
/// none, person, organisation or place from hashed features (its words, first and last word,
/// the words around it and the two before as a pair, its length, a three-letter suffix, its shape,
/// a given-name hit, the head class of its last word, whether it holds only ordinary words, and
/// whether a known place or nationality opens it).
///
/// The weights are fitted on GUM by `scripts/entities-train.py` and shipped as
/// `Resources/entities/span-model.txt`: an intercept line, then one line a feature (the hash in hex,
/// then a weight a class). A feature's hash is `WordHash.combine(WordHash.word(slot), value)`, the
/// same arithmetic the script does in Python, so both sides agree on every key. The model is read
/// once per process; a missing file leaves it empty and the rules alone decide.
struct EntitySpanModel: Sendable {
    /// The classes, in the order of the weights.
    enum Label: Int { case none, person, organization, place }

    /// A feature's key and weights side by side, 32 bytes: a key found brings its weights into
    /// the cache with it, where a table of keys and a table of weights took a second cache miss
    /// for every feature found.
    private struct Slot {
        /// The key, 0 for an empty slot.
        var key: UInt64
        var weights: SIMD4<Float>
    }

    /// The slots, aligned to a cache line so that none lies across two (an array's elements
    /// start 32 bytes into its allocation, and every other slot would); written only while the
    /// model is built.
    private final class WeightTable: @unchecked Sendable {
        let base: UnsafeMutablePointer<Slot>
        let count: Int

        init(count: Int) {
            self.count = count
            base = UnsafeMutableRawPointer.allocate(byteCount: count * MemoryLayout<Slot>.stride, alignment: 64)
                .bindMemory(to: Slot.self, capacity: count)
            base.initialize(repeating: Slot(key: 0, weights: .zero), count: count)
        }

        deinit { base.deallocate() }
    }

    /// The weights by feature key, open addressing: a span looks up a dozen keys, and a
    /// `Dictionary` hashed each one again with SipHash.
    private var table: WeightTable?
    private var mask = 0
    private var intercept = SIMD4<Float>(repeating: 0)

    /// The slot seeds, hashed once: plain values, so that a span reads them without copying the model.
    struct Slots: Sendable {
        let bias = WordHash.word("bias"), word = WordHash.word("w"), first = WordHash.word("first"), last = WordHash.word("last")
        let prev = WordHash.word("prev"), prev2 = WordHash.word("prev2"), next = WordHash.word("next"), next2 = WordHash.word("next2")
        let length = WordHash.word("len"), suffix = WordHash.word("suf"), caps = WordHash.word("caps"), initial = WordHash.word("init")
        let given = WordHash.word("given")
        let pair = WordHash.word("pp"), head = WordHash.word("head"), plain = WordHash.word("plain"), lead = WordHash.word("lead")
        let inner = WordHash.word("inner")
    }

    /// The slot seeds.
    let slots = Slots()

    /// The shipped model, read on first use.
    static let shared = EntitySpanModel(bundle: Bundle.module)

    /// Whether any weights were read.
    var isEmpty: Bool { table == nil }

    /// Reads the weights from `bundle`.
    init(bundle: Bundle) {
        let url = bundle.url(forResource: "span-model", withExtension: "txt", subdirectory: "Resources/entities")
        self.init(text: url.flatMap { try? String(contentsOf: $0, encoding: .utf8) } ?? "")
    }

    /// Reads the weights from the text of a model file.
    init(text: String) {
        var weights: [UInt64: SIMD4<Float>] = [:]
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let fields = line.split(separator: " ")
            guard fields.count == 5 else { continue }
            let values = fields[1...].compactMap { Float($0) }
            guard values.count == 4 else { continue }
            let vector = SIMD4<Float>(values[0], values[1], values[2], values[3])
            if fields[0] == "intercept" {
                intercept = vector
            } else if let key = UInt64(fields[0], radix: 16) {
                weights[key] = vector
            }
        }
        guard !weights.isEmpty else { return }
        // Filled up to 60%: 256 KB for the shipped model; a probe past the first slot is often in
        // the same cache line.
        var size = 16
        while size * 3 < weights.count * 5 { size <<= 1 }
        let table = WeightTable(count: size)
        mask = size - 1
        for (key, vector) in weights {
            let k = Self.stored(key)
            var i = Self.slot(k, mask)
            while table.base[i].key != 0 { i = (i + 1) & mask }
            table.base[i] = Slot(key: k, weights: vector)
        }
        self.table = table
    }

    // 0 marks an empty slot, so a key of 0 is stored as 1 (a key of 1 does not occur: keys are mixed hashes).
    @inline(__always) private static func stored(_ k: UInt64) -> UInt64 { k == 0 ? 1 : k }
    @inline(__always) private static func slot(_ k: UInt64, _ mask: Int) -> Int { Int(truncatingIfNeeded: k >> 11) & mask }

    /// The key of a feature: a slot seed and a value.
    @inline(__always) static func key(_ slot: UInt64, _ value: UInt64) -> UInt64 { WordHash.combine(slot, value) }

    /// The score of a span with the feature keys `features` (from `key(_:_:)`): the intercept plus
    /// their weights, added in the order given.
    ///
    /// The first slot of every key is read before any is compared: the table (a few hundred KB)
    /// is mostly out of the caches by the time a span comes to it, and a lookup whose next read
    /// waited on the previous compare made the reads queue one behind the other.
    func score(_ features: UnsafeBufferPointer<UInt64>) -> SIMD4<Float> {
        var score = intercept
        guard let slots = self.table, !features.isEmpty else { return score }
        let mask = self.mask
        let table = UnsafeBufferPointer(start: slots.base, count: slots.count)
        withExtendedLifetime(slots) {
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: features.count) { first in
                for n in features.indices { first[n] = table[Self.slot(Self.stored(features[n]), mask)].key }
                for n in features.indices {
                    let k = Self.stored(features[n])
                    var i = Self.slot(k, mask)
                    var v = first[n]
                    while v != 0 {
                        if v == k {
                            score += table[i].weights
                            break
                        }
                        i = (i + 1) & mask
                        v = table[i].key
                    }
                }
            }
        }
        return score
    }

    /// The most probable label of a score and its probability (softmax).
    func decide(_ score: SIMD4<Float>) -> (Label, Float) {
        let top = score.max()
        let e = SIMD4<Float>(exp(score[0] - top), exp(score[1] - top), exp(score[2] - top), exp(score[3] - top))
        let sum = e.sum()
        var best = 0
        for k in 1..<4 where e[k] > e[best] { best = k }
        return (Label(rawValue: best) ?? .none, e[best] / sum)
    }
}
