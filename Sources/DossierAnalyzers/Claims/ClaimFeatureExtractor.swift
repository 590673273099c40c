import DossierCore

/// Computes a sentence's `ClaimFeatureVector` from its tokens, without allocating per token: the
/// cue lexicons set the named features, and every word adds its unigram, the bigram with the word
/// before, and (from three scalars on) the character 4-grams of the word padded with spaces,
/// hashed into buckets. Digits fold to `0`, so `4.1 percent` and `7.3 percent` share their n-grams.
///
/// 4-grams alone do as well as all 2- to 5-grams did, in cross-validation on the training split,
/// at a third of the grams (Performance.md, "Claims, branch claims-s23"). A word of two scalars has
/// one 4-gram, itself padded, which its unigram already says.
struct ClaimFeatureExtractor {
    let cues: Lexicon
    let hedges: Lexicon
    let bucketMask: UInt32
    private let bits:
        (
            percent: UInt32, money: UInt32, numberWord: UInt32, comparison: UInt32, causation: UInt32,
            prediction: UInt32, rule: UInt32, opinion: UInt32, firstPerson: UInt32, secondPerson: UInt32, attribution: UInt32,
            hedge: UInt32, booster: UInt32
        )
    /// The sentence's distinct buckets as they are found, copied into the vector at the end.
    private var scratch: [UInt32] = []
    /// A bit per bucket, set while one sentence's buckets are made distinct and cleared after.
    private var seen: [UInt64]

    init(cues: Lexicon, hedges: Lexicon, buckets: Int) {
        var cues = cues
        var hedges = hedges
        bits = (
            cues.bit(of: "percent"), cues.bit(of: "money"), cues.bit(of: "number-word"), cues.bit(of: "comparison"),
            cues.bit(of: "causation"), cues.bit(of: "prediction"), cues.bit(of: "rule"), cues.bit(of: "opinion"),
            cues.bit(of: "first-person"), cues.bit(of: "second-person"), cues.bit(of: "attribution"),
            hedges.bit(of: "hedge"), hedges.bit(of: "booster")
        )
        self.cues = cues
        self.hedges = hedges
        bucketMask = UInt32(buckets - 1)
        seen = [UInt64](repeating: 0, count: max(1, buckets / 64))
    }

    /// The version of the features, which a model file names in its `extractor` line: a model is
    /// only read by the extractor it was fitted on. 2: character 4-grams (1: 2- to 5-grams).
    static let version = 2

    /// The shortest word that adds character 4-grams.
    static let shortestGrammed = 3

    /// Hedge and booster ranges found while extracting.
    struct Markers {
        var hedges: [TextRange] = []
        var boosters: [TextRange] = []
    }

    /// Fills `vector` (reset first) from `tokens`; records hedges and boosters in `markers`.
    mutating func extract<U: FixedWidthInteger & UnsignedInteger>(
        _ units: ScalarBuffer.Units<U>, tokens: UnsafeBufferPointer<TextToken>, into vector: inout ClaimFeatureVector,
        markers: inout Markers
    ) {
        for i in vector.named.indices { vector.named[i] = 0 }
        vector.buckets.removeAll(keepingCapacity: true)
        var count = 0
        let mask = bucketMask
        var words = 0
        var previous: UInt64 = 0
        var i = 0
        while i < tokens.count {
            let t = tokens[i]
            if t.shape.contains(.digit) { vector.set(.number) }
            if t.shape.contains(.symbol) && UInt32(truncatingIfNeeded: units[t.start]) == 0x3F { vector.set(.question) }
            if !t.shape.contains(.symbol) { words += 1 }
            let m = cues.match(tokens, at: i)
            // A lone all-capitals word is an acronym ("US", "IT"), not the pronoun or verb it folds to.
            if m.length > 0, m.length > 1 || !t.shape.contains(.allCaps) {
                let c = m.categories
                vector.set(.percent, c & bits.percent != 0)
                vector.set(.money, c & bits.money != 0)
                vector.set(.numberWord, c & bits.numberWord != 0)
                vector.set(.comparison, c & bits.comparison != 0)
                vector.set(.causation, c & bits.causation != 0)
                vector.set(.prediction, c & bits.prediction != 0)
                vector.set(.rule, c & bits.rule != 0)
                vector.set(.opinion, c & bits.opinion != 0)
                vector.set(.firstPerson, c & bits.firstPerson != 0)
                vector.set(.secondPerson, c & bits.secondPerson != 0)
                vector.set(.attribution, c & bits.attribution != 0)
            }
            let h = hedges.match(tokens, at: i)
            // A capitalised "May" inside a sentence is the month.
            if h.length > 0, i == 0 || !t.shape.contains(.capitalized) {
                let range = TextRange(start: t.start, end: tokens[i + h.length - 1].end)
                if h.categories & bits.hedge != 0 {
                    vector.set(.hedge)
                    markers.hedges.append(range)
                } else if h.categories & bits.booster != 0 {
                    vector.set(.booster)
                    markers.boosters.append(range)
                }
            }
            // N-grams of the word, digits folded to 0, written through pointers: the arrays' checks
            // and appends were most of the analyzer's time.
            let length = t.end - t.start
            // A unigram, a bigram and `length - 1` character 4-grams.
            let needed = length + 4
            if scratch.count < count + needed { scratch.append(contentsOf: repeatElement(0, count: count + needed + 256 - scratch.count)) }
            let grams = length >= Self.shortestGrammed && !t.shape.contains(.symbol)
            let word = scratch.withUnsafeMutableBufferPointer { out in
                seen.withUnsafeMutableBufferPointer { seen in
                    var word: UInt64 = 0xcbf2_9ce4_8422_2325
                    // The last four scalars of the word padded with a space, 16 bits apart: a 4-gram is
                    // the window itself, with no buffer of scalars and no hash rolled again per gram.
                    var window: UInt64 = 0x20
                    var n = 1
                    for p in t.start..<t.end {
                        var v = WordTable.fold(UInt32(truncatingIfNeeded: units[p]))
                        if v &- 0x30 < 10 { v = 0x30 }
                        if v == 0x2019 { v = 0x27 }
                        word = (word ^ UInt64(v)) &* 0x100_0000_01b3
                        window = window &<< 16 ^ UInt64(v)
                        n += 1
                        if grams && n >= 4 { Self.add(Self.mix(window, 3), mask: mask, seen: seen, out: out, count: &count) }
                    }
                    if grams { Self.add(Self.mix(window &<< 16 ^ 0x20, 3), mask: mask, seen: seen, out: out, count: &count) }
                    Self.add(Self.mix(word, 1), mask: mask, seen: seen, out: out, count: &count)
                    if i > 0 { Self.add(Self.mix(previous &* 31 &+ word, 2), mask: mask, seen: seen, out: out, count: &count) }
                    return word
                }
            }
            previous = word
            i += 1
        }
        vector.set(.short, words < 6)
        vector.set(.long, words > 35)
        // The buckets were kept distinct as they came (`add`); clear their bits for the next sentence.
        vector.buckets.append(contentsOf: scratch[0..<count])
        scratch.withUnsafeBufferPointer { found in
            seen.withUnsafeMutableBufferPointer { seen in
                for n in 0..<count { seen[Int(found[n]) >> 6] = 0 }
            }
        }
        vector.bucketValue = count == 0 ? 0 : 1 / Float(count).squareRoot()
    }

    /// Adds a hash's bucket unless the sentence has it already: distinct buckets in the order first
    /// seen, through a bit per bucket (sorting them was a fifth of the analyzer's time, and keeping
    /// duplicates out as they come halves the appends); the score is a sum, so order does not matter.
    @inline(__always)
    private static func add(
        _ hash: UInt64, mask: UInt32, seen: UnsafeMutableBufferPointer<UInt64>, out: UnsafeMutableBufferPointer<UInt32>,
        count: inout Int
    ) {
        let b = UInt32(truncatingIfNeeded: hash >> 20) & mask
        let bit: UInt64 = 1 << UInt64(b & 63)
        let word = Int(b >> 6)
        // Without a branch: whether a bucket is new is a coin toss the predictor loses. The bucket is
        // written either way (the scratch has room) and counted only when new.
        let bits = seen[word]
        seen[word] = bits | bit
        out[count] = b
        count &+= Int(truncatingIfNeeded: (~bits >> UInt64(b & 63)) & 1)
    }

    @inline(__always)
    private static func mix(_ h: UInt64, _ kind: UInt64) -> UInt64 {
        var x = h ^ (kind &* 0x9E37_79B9_7F4A_7C15)
        x = (x ^ (x >> 33)) &* 0xff51_afd7_ed55_8ccd
        x = (x ^ (x >> 33)) &* 0xc4ce_b9fe_1a85_ec53
        return x ^ (x >> 33)
    }
}
