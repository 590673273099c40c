/// A map from 64-bit hashes to category bits, open addressing with linear probing.
///
/// The lexicon-driven analyzers look a token sequence up at every token, several times; Swift's
/// `Dictionary` hashes its key again with SipHash on each lookup, which showed as a tenth of
/// the claims analyzer's time. The keys here are hashes already, so a probe is a shift and a mask.
/// A value of 0 means absent: removing an entry clears its value and keeps the slot, so probing
/// past it still works.
struct HashMap64: Sendable {
    private var keys: [UInt64]
    private var values: [UInt32]
    private var mask: Int
    private var used = 0

    /// An empty map.
    init() {
        keys = [UInt64](repeating: 0, count: 16)
        values = [UInt32](repeating: 0, count: 16)
        mask = 15
    }

    // 0 marks an empty slot, so a key of 0 is stored as 1.
    @inline(__always) private static func key(_ k: UInt64) -> UInt64 { k == 0 ? 1 : k }
    @inline(__always) private static func slot(_ k: UInt64, _ mask: Int) -> Int { Int(truncatingIfNeeded: k >> 7) & mask }

    /// The value of `key`; 0 when it is absent.
    @inline(__always) subscript(key: UInt64) -> UInt32 {
        get {
            let k = Self.key(key)
            return keys.withUnsafeBufferPointer { s in
                var i = Self.slot(k, mask)
                while true {
                    let v = s[i]
                    if v == k { return values[i] }
                    if v == 0 { return 0 }
                    i = (i + 1) & mask
                }
            }
        }
        set {
            if (used + 1) * 2 > keys.count { grow() }
            let k = Self.key(key)
            var i = Self.slot(k, mask)
            while keys[i] != 0 && keys[i] != k { i = (i + 1) & mask }
            if keys[i] == 0 {
                keys[i] = k
                used += 1
            }
            values[i] = newValue
        }
    }

    private mutating func grow() {
        let (oldKeys, oldValues) = (keys, values)
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        values = [UInt32](repeating: 0, count: oldKeys.count * 2)
        mask = keys.count - 1
        used = 0
        for (k, v) in zip(oldKeys, oldValues) where k != 0 && v != 0 { self[k] = v }
    }
}
