/// The grouping table of the entity recognizer: name keys (sequence hashes) to the group that
/// owns them, each marked short (a surname or initials, which a full name may take over) or not.
///
/// Open addressing on keys that are already well-mixed hashes: `Dictionary<UInt64, Int>` and
/// `Set<UInt64>` ran SipHash on every lookup, a fifth of the grouping's time. Entries are never
/// removed, so no tombstones are needed.
struct NameKeys {
    private var keys: [UInt64]
    private var groups: [Int]
    private var shortFlags: [Bool]
    private var used: [Bool]
    private var shift: UInt64
    private var count = 0

    /// An empty table with room for `capacity` keys before it grows.
    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        groups = [Int](repeating: 0, count: size)
        shortFlags = [Bool](repeating: false, count: size)
        used = [Bool](repeating: false, count: size)
        shift = UInt64(64 - size.trailingZeroBitCount)
    }

    /// The slot of `key`, or of the empty slot where it would go.
    @inline(__always) private func slot(_ key: UInt64) -> Int {
        let mask = keys.count - 1
        var i = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while used[i] && keys[i] != key { i = (i + 1) & mask }
        return i
    }

    /// The group `key` belongs to (-1 when it is ambiguous), or nil when it is not in the table.
    subscript(key: UInt64) -> Int? {
        let i = slot(key)
        return used[i] ? groups[i] : nil
    }

    /// Whether `key` is in the table as a short key.
    func isShort(_ key: UInt64) -> Bool {
        let i = slot(key)
        return used[i] && shortFlags[i]
    }

    /// Sets the group of `key`, and whether it is short (unchanged when `short` is nil; false for a new key).
    mutating func set(_ key: UInt64, group: Int, short: Bool? = nil) {
        var i = slot(key)
        if !used[i] {
            if (count + 1) * 2 > keys.count {
                grow()
                i = slot(key)
            }
            used[i] = true
            keys[i] = key
            shortFlags[i] = false
            count += 1
        }
        groups[i] = group
        if let short { shortFlags[i] = short }
    }

    private mutating func grow() {
        let old = (keys, groups, shortFlags, used)
        self = NameKeys(capacity: keys.count)
        for i in old.0.indices where old.3[i] { set(old.0[i], group: old.1[i], short: old.2[i]) }
    }
}
