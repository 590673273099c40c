/// A set of lowercase words keyed by a 64-bit FNV-1a hash of their scalars, each with a small
/// value, looked up without building a string.
///
/// The hot loop hashes every word of an article as it passes over it, so the table is a flat
/// open-addressed array rather than a `Dictionary`: one multiply per scalar to hash, one or two
/// probes to look up.
struct WordTable: Sendable {
    private var keys: [UInt64]
    private var values: [UInt16]
    private let mask: Int
    /// For each first scalar (folded; `a` to `z`, then one slot for all others), a bit for each
    /// length in scalars (up to 15; longer words share bit 15) of the words in the table, so a
    /// scan can pass over most words without hashing them.
    private var shapes: [UInt16] = Array(repeating: 0, count: 27)

    /// The hash of the empty word, where every hash starts.
    static let seed: UInt64 = 0xcbf2_9ce4_8422_2325

    /// Builds a table from words (any case; they are lowercased) and their values; a value of 0
    /// is reserved for "absent". Later duplicates combine their values with a bitwise or.
    init(_ entries: [(String, UInt16)]) {
        var size = 16
        while size < entries.count * 4 { size <<= 1 }
        keys = Array(repeating: 0, count: size)
        values = Array(repeating: 0, count: size)
        mask = size - 1
        for (word, value) in entries {
            var h = Self.seed
            var first: UInt32?
            var length = 0
            for scalar in word.lowercased().unicodeScalars {
                let folded = Self.fold(scalar.value)
                h = Self.mix(h, folded)
                first = first ?? folded
                length += 1
            }
            insert(h, value)
            if let first { shapes[Self.slot(first)] |= 1 << min(length, 15) }
        }
    }

    @inline(__always) private static func slot(_ folded: UInt32) -> Int { folded &- 0x61 < 26 ? Int(folded &- 0x61) : 26 }

    /// Whether the table may hold a word of `length` scalars whose first scalar, folded, is
    /// `first`: false means it holds none (the hash of a word decides when true).
    @inline(__always) func mayHold(first: UInt32, length: Int) -> Bool {
        shapes[Self.slot(first)] & (1 << min(length, 15)) != 0
    }

    /// Builds a table where every word has the value 1.
    init(words: [String]) { self.init(words.map { ($0, 1) }) }

    /// Builds a table from keys hashed elsewhere, such as `WordHash` sequence hashes of phrases, and
    /// their values; as with words, 0 means "absent" and duplicates combine with a bitwise or.
    init(hashes entries: [(UInt64, UInt16)]) {
        var size = 16
        while size < entries.count * 4 { size <<= 1 }
        keys = Array(repeating: 0, count: size)
        values = Array(repeating: 0, count: size)
        mask = size - 1
        for (hash, value) in entries { insert(hash, value) }
    }

    private mutating func insert(_ hash: UInt64, _ value: UInt16) {
        let key = hash | 1  // 0 marks an empty slot
        var i = Int(truncatingIfNeeded: hash >> 7) & mask
        while keys[i] != 0 && keys[i] != key { i = (i + 1) & mask }
        keys[i] = key
        values[i] |= value
    }

    /// The value stored for the word whose hash is `hash`, or 0.
    @inline(__always) func value(_ hash: UInt64) -> UInt16 {
        let key = hash | 1
        var i = Int(truncatingIfNeeded: hash >> 7) & mask
        while true {
            let k = keys[i]
            if k == key { return values[i] }
            if k == 0 { return 0 }
            i = (i + 1) & mask
        }
    }

    /// Whether the word whose hash is `hash` is in the table.
    @inline(__always) func contains(_ hash: UInt64) -> Bool { value(hash) != 0 }

    /// Adds one scalar (already folded) to a running hash.
    @inline(__always) static func mix(_ h: UInt64, _ v: UInt32) -> UInt64 { (h ^ UInt64(v)) &* 0x100_0000_01b3 }

    /// Lowercases ASCII and Latin-1 capitals and maps the typographic apostrophe to the straight one,
    /// so that `Said`, `SAID` and `said` hash alike, as do `O’Brien` and `O'Brien`.
    @inline(__always) static func fold(_ v: UInt32) -> UInt32 {
        if v >= 0x41 && v <= 0x5A { return v | 0x20 }
        if v < 0xC0 { return v }
        if v <= 0xDE && v != 0xD7 { return v + 0x20 }
        if v == 0x2019 { return 0x27 }
        return v
    }

    /// The hash of a word given as a string, for building and tests.
    static func hash(_ word: String) -> UInt64 {
        var h = seed
        for scalar in word.unicodeScalars { h = mix(h, fold(scalar.value)) }
        return h
    }
}
