/// The shapes of a word list: for each pair of first two letters (ASCII, either case; one more
/// slot for any other scalar, or for no second letter), a bit for each length (longer than 15
/// shares bit 15). A scanner asks it before hashing a word, so that most words of a text, which
/// have no listed word's shape (`the`, `with`, `their`), cost one table read instead of a multiply
/// per scalar. Used for the reporting verbs of `quotes` and the trigger words of `dates`.
struct WordShapes: Sendable {
    private var bits = [UInt16](repeating: 0, count: 27 * 27)

    init() {}

    /// Notes the shape of `word`, counted in Unicode scalars.
    mutating func insert(_ word: String) {
        var scalars = word.unicodeScalars.makeIterator()
        guard let first = scalars.next() else { return }
        let second = scalars.next()
        var length = second == nil ? 1 : 2
        while scalars.next() != nil { length += 1 }
        bits[Self.index(first.value, second?.value)] |= 1 << min(length, 15)
    }

    /// Whether a listed word may start with `first` and `second` (either case; nil for a word of
    /// one scalar) and have `length` scalars: false means none does.
    @inline(__always) func mayHold(first: UInt32, second: UInt32?, length: Int) -> Bool {
        bits[Self.index(first, second)] & (1 << min(length, 15)) != 0
    }

    @inline(__always) private static func index(_ first: UInt32, _ second: UInt32?) -> Int {
        // Only ASCII letters have a slot of their own: the scanners fold no other scalar to one.
        @inline(__always) func slot(_ c: UInt32) -> Int {
            let x = (c | 0x20) &- 0x61
            return c < 0x80 && x < 26 ? Int(x) : 26
        }
        return slot(first) * 27 + (second.map(slot) ?? 26)
    }
}
