/// Word endings that hint at a kind of name (`-ville` a place, `-enko` a surname), each packed into
/// an integer a byte a scalar, so that a word's ending is tested with a mask and a compare rather
/// than a scalar-by-scalar walk per ending.
struct WordEndings: Sendable {
    /// Each ending packed with its last scalar in the low byte, and its length in scalars.
    private let endings: [(packed: UInt64, count: Int)]
    /// The most scalars in an ending (at most 8).
    let longest: Int

    /// Endings in lowercase ASCII, of one to eight letters.
    init(_ words: [String]) {
        endings = words.map { word in
            let values = word.unicodeScalars.map(\.value)
            precondition(!values.isEmpty && values.count <= 8 && values.allSatisfy { $0 < 0x80 }, "an ending is 1 to 8 ASCII letters")
            var packed: UInt64 = 0
            for (n, v) in values.reversed().enumerated() { packed |= UInt64(v) << UInt64(8 * n) }
            return (packed, values.count)
        }
        longest = endings.map(\.count).max() ?? 0
    }

    /// Whether a word of `length` scalars, whose last `available` lowercased scalars are `packed`
    /// (all of them ASCII), ends in one of the endings with more than one scalar before it.
    @inline(__always)
    func matches(_ packed: UInt64, available: Int, length: Int) -> Bool {
        for e in endings where e.count <= available && length > e.count + 1 {
            let mask: UInt64 = e.count == 8 ? ~0 : (1 << UInt64(8 * e.count)) - 1
            if packed & mask == e.packed { return true }
        }
        return false
    }
}
