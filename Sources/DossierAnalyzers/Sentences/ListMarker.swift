/// A list marker opening a sentence: a bullet, an ordinal such as `2.`, `b)` or `3.)`, or both.
///
/// Runs of list items often arrive flattened onto one line (`1. First 2. Second`). When a sentence
/// opens with a marker, the next marker of the same series starts the next sentence even without
/// any terminal punctuation in between.
struct ListMarker: Equatable {
    enum Ordinal: Equatable {
        case number(Int)
        case letter(UInt32)
    }

    /// The bullet scalar, when the marker has one.
    var bullet: Unicode.Scalar?
    /// The ordinal, when the marker has one.
    var ordinal: Ordinal?
    /// The punctuation after the ordinal: `.`, `)` or `.)`.
    var suffix: String
    /// The offset just past the marker and the spaces after it.
    var end: Int

    /// Whether `next` is the marker that follows this one in the same list.
    func isFollowed(by next: ListMarker) -> Bool {
        if let bullet { return next.bullet == bullet }
        guard next.bullet == nil, next.suffix == suffix else { return false }
        switch (ordinal, next.ordinal) {
        case (.number(let a)?, .number(let b)?): return b == a + 1
        case (.letter(let a)?, .letter(let b)?): return b == a + 1
        default: return false
        }
    }

    /// Parses a marker starting exactly at `i`, or returns nil.
    static func parse<Scalars: RandomAccessCollection<Unicode.Scalar>>(_ s: Scalars, at i: Int, limit: Int) -> ListMarker?
    where Scalars.Index == Int {
        guard i < limit else { return nil }
        var j = i
        var bullet: Unicode.Scalar?
        if ScalarClass.isBullet(s[j]) {
            bullet = s[j]
            j += 1
        } else if ScalarClass.isDashBullet(s[j]), j + 1 < limit, s[j + 1] == " " {
            bullet = s[j]
            j += 1
        }
        if bullet != nil { while j < limit, s[j] == " " || s[j] == "\t" { j += 1 } }

        var ordinal: Ordinal?
        var suffix = ""
        var k = j
        if k < limit, ScalarClass.isDigit(s[k]) {
            var value = 0
            while k < limit, ScalarClass.isDigit(s[k]), k - j < 3 {
                value = value * 10 + Int(s[k].properties.numericValue ?? 0)
                k += 1
            }
            if let (text, after) = Self.suffix(s, at: k, limit: limit), !(k < limit && ScalarClass.isDigit(s[k])) {
                ordinal = .number(value)
                suffix = text
                k = after
            }
        } else if k + 1 < limit, s[k].value >= 0x61, s[k].value <= 0x7A, let (text, after) = Self.suffix(s, at: k + 1, limit: limit) {
            ordinal = .letter(s[k].value)
            suffix = text
            k = after
        }
        if ordinal != nil {
            j = k
        } else if bullet == nil {
            return nil
        }
        while j < limit, s[j] == " " || s[j] == "\t" { j += 1 }
        return ListMarker(bullet: bullet, ordinal: ordinal, suffix: suffix, end: j)
    }

    /// The ordinal's punctuation at `k`, which must be followed by a space, and the offset after it.
    private static func suffix<Scalars: RandomAccessCollection<Unicode.Scalar>>(_ s: Scalars, at k: Int, limit: Int) -> (String, Int)?
    where Scalars.Index == Int {
        var text = ""
        var j = k
        if j < limit, s[j] == "." {
            text = "."
            j += 1
        }
        if j < limit, s[j] == ")" {
            text += ")"
            j += 1
        }
        guard !text.isEmpty, j < limit, s[j] == " " || s[j] == "\t" else { return nil }
        return (text, j)
    }
}
