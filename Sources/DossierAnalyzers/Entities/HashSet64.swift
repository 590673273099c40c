/// A set of 64-bit word hashes with open addressing: the keys are already well mixed hashes, so a
/// lookup is a mask and a compare or two, without `Hasher`'s SipHash.
struct HashSet64: Sendable, ExpressibleByArrayLiteral {
    private var slots: [UInt64]
    private var mask: Int
    private(set) var count = 0

    /// An empty set.
    init() {
        slots = [UInt64](repeating: 0, count: 8)
        mask = 7
    }

    init(arrayLiteral elements: UInt64...) {
        self.init(elements)
    }

    /// A set of `elements`.
    init(_ elements: some Sequence<UInt64>) {
        self.init()
        for e in elements { insert(e) }
    }

    // 0 marks an empty slot, so a key of 0 is stored as 1.
    @inline(__always) private static func key(_ k: UInt64) -> UInt64 { k == 0 ? 1 : k }

    /// Whether `element` is in the set.
    @inline(__always) func contains(_ element: UInt64) -> Bool {
        let k = Self.key(element)
        return slots.withUnsafeBufferPointer { s in
            var i = Int(truncatingIfNeeded: k >> 3) & mask
            while true {
                let v = s[i]
                if v == k { return true }
                if v == 0 { return false }
                i = (i + 1) & mask
            }
        }
    }

    /// Adds `element`.
    mutating func insert(_ element: UInt64) {
        if (count + 1) * 2 > slots.count { grow() }
        let k = Self.key(element)
        var i = Int(truncatingIfNeeded: k >> 3) & mask
        while slots[i] != 0 {
            if slots[i] == k { return }
            i = (i + 1) & mask
        }
        slots[i] = k
        count += 1
    }

    /// Adds every element of `other`.
    mutating func formUnion(_ other: HashSet64) {
        for k in other.slots where k != 0 { insert(k) }
    }

    /// The stored keys, in no order (a key of 0 is stored, and listed, as 1).
    var elements: [UInt64] { slots.filter { $0 != 0 } }

    /// Whether the set has no element.
    var isEmpty: Bool { count == 0 }

    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count * 2)
        mask = slots.count - 1
        count = 0
        for k in old where k != 0 { insert(k) }
    }
}
