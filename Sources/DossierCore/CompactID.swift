/// An annotation id, or a reference's, in 8 bytes instead of a string's 16: an id the runner
/// numbered (`d7`: its type's prefix and a number from 1) as the number, the empty id as 0, and
/// any other id as a shared box that holds the string.
///
/// The form is canonical for a prefix, so two ids are equal exactly when their storage is: an id
/// is held as a number exactly when it is the prefix and a decimal from 1 to 2^32 - 1 without
/// leading zeros (`Annotations.numberedPosition(of:prefix:)`); `d07`, `d0` and `x7` are boxed.
/// A document holds one per annotation and per reference: an article of short dated claims holds
/// five a sentence (its sentence, date, claim and finding, and the claim's date reference).
struct CompactID: Hashable, Sendable {
    private enum Storage: Hashable, Sendable {
        case number(UInt32)
        /// An id that is not a number under its prefix.
        case text(BoxedText)
    }

    private var storage: Storage

    /// The empty id, which the runner replaces.
    static let empty = CompactID(storage: .number(0))

    private init(storage: Storage) { self.storage = storage }

    /// `id` as held under `prefix`.
    init(_ id: String, prefix: String) {
        if id.isEmpty {
            storage = .number(0)
        } else if let position = Annotations.numberedPosition(of: id, prefix: prefix), position < Int(UInt32.max) {
            storage = .number(UInt32(position + 1))
        } else {
            storage = .text(BoxedText(id))
        }
    }

    /// The id as a string, under `prefix`: what `init(_:prefix:)` was given.
    func string(prefix: String) -> String {
        switch storage {
        case .number(0): return ""
        case .number(let n):
            // Written straight into the string's storage (small for the ids the runner gives:
            // up to 15 bytes live inline), not built from a string of the number and appended.
            var digits = 1
            var rest = n / 10
            while rest > 0 {
                digits += 1
                rest /= 10
            }
            let p = prefix.utf8.count
            return String(unsafeUninitializedCapacity: p + digits) { buffer in
                var k = 0
                for byte in prefix.utf8 {
                    buffer[k] = byte
                    k += 1
                }
                var m = n
                for j in stride(from: p + digits - 1, through: p, by: -1) {
                    buffer[j] = UInt8(truncatingIfNeeded: m % 10) &+ 0x30
                    m /= 10
                }
                return p + digits
            }
        case .text(let text): return text.value
        }
    }
}

/// A string in a shared box, compared and hashed by its value: what a compact value
/// (`CompactID`, `CompactDateValue`) holds when the string has no compact form, in 8 bytes.
final class BoxedText: Hashable, Sendable {
    let value: String
    init(_ value: String) { self.value = value }
    static func == (a: BoxedText, b: BoxedText) -> Bool { a === b || a.value == b.value }
    func hash(into hasher: inout Hasher) { hasher.combine(value) }
}
