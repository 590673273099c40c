/// Words and phrases grouped in categories, matched against `TextToken`s by hash.
///
/// A lexicon file has one entry a line under `[category]` headers; `#` starts a comment. An
/// entry may be a phrase (`according to`), matched as a run of tokens. Matching is
/// case-insensitive and allocation-free: an entry is a sequence hash of its tokens' hashes.
/// There is no stemming, so a file lists every inflected form it wants matched.
struct Lexicon: Sendable {
    /// The category names, in the order of their bits.
    private(set) var categories: [String] = []
    private var table = HashMap64()
    /// A bit per 2^14th of the hashes of entries' first words: most words begin no entry, and one
    /// bit test answers them where a probe of the table (a miss, often several slots) cost more.
    private var firstWords = [UInt64](repeating: 0, count: Self.firstWordBits / 64)
    /// The most tokens in any entry.
    private(set) var longest = 1

    /// An empty lexicon.
    init() {}

    /// The bit of a category, adding the category when it is new.
    mutating func bit(of category: String) -> UInt32 {
        if let i = categories.firstIndex(of: category) { return 1 << UInt32(i) }
        precondition(categories.count < 31, "a lexicon holds at most 31 categories")
        categories.append(category)
        return 1 << UInt32(categories.count - 1)
    }

    /// Adds an entry to a category; entries without a word are ignored.
    mutating func add(_ entry: String, to category: String) {
        let tokens = TextTokenizer.tokens(of: entry)
        guard !tokens.isEmpty else { return }
        var h = Self.seed
        for (n, t) in tokens.enumerated() {
            // Every shorter run of the entry's tokens is marked as leading on to a longer entry.
            if n > 0 { table[h] |= Self.longer }
            h = Self.combine(h, t.hash)
            if n == 0 {
                let bit = Self.firstWordBit(h)
                firstWords[bit >> 6] |= 1 << UInt64(bit & 63)
            }
        }
        table[h] |= bit(of: category)
        longest = max(longest, tokens.count)
    }

    /// Removes an entry from every category.
    mutating func remove(_ entry: String) {
        let tokens = TextTokenizer.tokens(of: entry)
        var h = Self.seed
        for t in tokens { h = Self.combine(h, t.hash) }
        // A longer entry may still start with this one.
        table[h] &= Self.longer
    }

    /// Adds entries, each to the category of the last `[category]` line before it.
    mutating func load(_ entries: [String]) {
        var category = "default"
        for line in entries {
            if line.hasPrefix("[") && line.hasSuffix("]") {
                category = String(line.dropFirst().dropLast())
                _ = bit(of: category)
                continue
            }
            add(line, to: category)
        }
    }

    /// Reads a lexicon shipped in the package's `Resources/<folder>/<name>.txt`; `nil` when it is missing.
    static func resource(_ name: String, folder: String) -> Lexicon? {
        guard let entries = ResourceList.entries(name, folder: folder) else { return nil }
        var lexicon = Lexicon()
        lexicon.load(entries)
        return lexicon
    }

    /// The longest entry starting at `tokens[i]`: its categories and length in tokens, or `(0, 0)`.
    ///
    /// The search stops as soon as no longer entry starts with the tokens read so far (the `longer`
    /// bit), so most words cost one probe rather than one per word of the longest entry.
    @inline(__always)
    func match(_ tokens: UnsafeBufferPointer<TextToken>, at i: Int) -> (categories: UInt32, length: Int) {
        guard i < tokens.count else { return (0, 0) }
        let first = Self.firstWordBit(Self.combine(Self.seed, tokens[i].hash))
        let starts = firstWords.withUnsafeBufferPointer { $0[first >> 6] >> UInt64(first & 63) & 1 != 0 }
        guard starts else { return (0, 0) }
        var h = Self.seed
        var best: (UInt32, Int) = (0, 0)
        var k = i
        while k < tokens.count && k - i < longest {
            h = Self.combine(h, tokens[k].hash)
            k += 1
            let v = table[h]
            let c = v & ~Self.longer
            if c != 0 { best = (c, k - i) }
            if v & Self.longer == 0 { break }
        }
        return best
    }

    /// The categories of the single word whose hash is `hash`.
    @inline(__always)
    func categories(ofWord hash: UInt64) -> UInt32 { table[Self.combine(Self.seed, hash)] & ~Self.longer }

    /// The size of `firstWords`, in bits.
    private static let firstWordBits = 1 << 14

    /// The bit of `firstWords` for the sequence hash of one word: the top bits, as the table's
    /// slot takes the low ones.
    @inline(__always)
    private static func firstWordBit(_ h: UInt64) -> Int { Int(truncatingIfNeeded: h >> 50) }

    /// The value bit (above every category's) of a run of tokens that begins a longer entry.
    private static let longer: UInt32 = 1 << 31

    static let seed: UInt64 = 0x2545_F491_4F6C_DD1D

    @inline(__always)
    static func combine(_ sequence: UInt64, _ word: UInt64) -> UInt64 {
        (sequence ^ word) &* 0x9E37_79B9_7F4A_7C15 &+ 0x632B_E59B_D9B4_E019
    }
}
