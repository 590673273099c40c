/// A date mention's ISO 8601 value in 9 bytes instead of a string's 16, with no allocation for the
/// values a news article has: up to 8 ASCII bytes (`2025`, `2025-12`, `2025-W50`, `P2W`, `T15:00`)
/// packed into a word, a day (`2025-12-14`) as its digits, and any other value as a shared box.
///
/// The form is canonical, so two values are equal exactly when their storage is.
struct CompactDateValue: Hashable, Sendable {
    private enum Storage: Hashable, Sendable {
        /// Up to 8 ASCII bytes other than NUL, the first in the lowest byte, zero bytes after.
        case packed(UInt64)
        /// `YYYY-MM-DD` as the number YYYYMMDD.
        case day(UInt32)
        case text(BoxedText)
    }

    private var storage: Storage

    init(_ value: String) {
        let utf8 = value.utf8
        if utf8.count <= 8, !utf8.contains(where: { $0 == 0 || $0 >= 0x80 }) {
            var word: UInt64 = 0
            for (i, byte) in utf8.enumerated() { word |= UInt64(byte) << (8 * UInt64(i)) }
            storage = .packed(word)
        } else if let day = Self.day(utf8) {
            storage = .day(day)
        } else {
            storage = .text(BoxedText(value))
        }
    }

    /// The value as a string: what `init(_:)` was given.
    var string: String {
        switch storage {
        case .packed(let word):
            let count = (64 - word.leadingZeroBitCount + 7) / 8
            return String(unsafeUninitializedCapacity: count) { buffer in
                for i in 0..<count { buffer[i] = UInt8(truncatingIfNeeded: word >> (8 * UInt64(i))) }
                return count
            }
        case .day(let number):
            return String(unsafeUninitializedCapacity: 10) { buffer in
                var n = number
                for i in (0..<10).reversed() {
                    if i == 4 || i == 7 {
                        buffer[i] = 0x2D
                    } else {
                        buffer[i] = UInt8(n % 10) + 0x30
                        n /= 10
                    }
                }
                return 10
            }
        case .text(let text): return text.value
        }
    }

    /// `YYYY-MM-DD` (ASCII digits and hyphens, whatever the numbers) as YYYYMMDD.
    private static func day(_ utf8: String.UTF8View) -> UInt32? {
        guard utf8.count == 10 else { return nil }
        var number: UInt32 = 0
        for (i, byte) in utf8.enumerated() {
            if i == 4 || i == 7 {
                guard byte == 0x2D else { return nil }
            } else {
                let digit = byte &- 0x30
                guard digit < 10 else { return nil }
                number = number * 10 + UInt32(digit)
            }
        }
        return number
    }
}
