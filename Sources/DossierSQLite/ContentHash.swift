import Foundation
import GRDB

/// A fingerprint of an article's rows: FNV-1a (64 bits) over their values (each with its type and
/// length), with the byte count.
///
/// It tells a re-run whether an article changed, not whether anyone tampered with it: two
/// different versions of one article id share a fingerprint with a chance of about 2⁻⁶⁴. It is
/// written as `fnv1a64:<16 hex digits>:<bytes>` so a stronger hash can follow without confusion.
struct ContentHash {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325
    private var count = 0

    mutating func add(_ bytes: some Sequence<UInt8>) {
        for byte in bytes {
            state ^= UInt64(byte)
            state &*= 0x0000_0100_0000_01B3
            count += 1
        }
    }

    /// Adds one value, with its type and length, so that no two sequences of values give the same bytes.
    mutating func add(_ value: DatabaseValue) {
        switch value.storage {
        case .null: add(CollectionOfOne(UInt8(0)))
        case .int64(let n):
            add(CollectionOfOne(UInt8(1)))
            add(withUnsafeBytes(of: n.littleEndian) { Array($0) })
        case .double(let x):
            add(CollectionOfOne(UInt8(2)))
            add(withUnsafeBytes(of: x.bitPattern.littleEndian) { Array($0) })
        case .string(let s):
            add(CollectionOfOne(UInt8(3)))
            add(withUnsafeBytes(of: UInt64(s.utf8.count).littleEndian) { Array($0) })
            add(s.utf8)
        case .blob(let data):
            add(CollectionOfOne(UInt8(4)))
            add(withUnsafeBytes(of: UInt64(data.count).littleEndian) { Array($0) })
            add(data)
        }
    }

    var value: String {
        let hex = String(state, radix: 16)
        return "fnv1a64:" + String(repeating: "0", count: 16 - hex.count) + hex + ":\(count)"
    }
}
