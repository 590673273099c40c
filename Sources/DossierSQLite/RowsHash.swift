/// The content hash of an article's rows since schema `dossier-4`: XXH64 (seed 0) over the bytes
/// the sink stores (`ArticleRows.bytes`), written as `xxh64-5:<16 hex digits>:<bytes>` over the rows
/// stored since `dossier-5`, and as `xxh64:<16 hex digits>:<bytes>` over those `dossier-4` stored
/// (which kept the text of every source, quote and finding: `ArticleRows.Form`).
///
/// It replaced FNV-1a over the first schema's rows (`ContentHash`), which fed a byte at a time
/// through a multiply (about 4 cycles a byte, 17 KB an article: a fifth of rendering the rows)
/// over bytes built for the hash alone; XXH64 takes 32 bytes a step in four independent lanes,
/// over bytes that are built anyway. Like the first, it tells a re-run whether an article
/// changed, not whether anyone tampered with it. The algorithm is Yann Collet's XXH64, so the
/// value can be checked with any of its implementations (`xxhash.xxh64(rows).hexdigest()`).
enum RowsHash {
    /// The prefix of the fingerprint stored now, over the rows of `dossier-5`.
    static let prefix = "xxh64-5:"
    /// The prefix of the fingerprint `dossier-4` stored, over its rows.
    static let fourthPrefix = "xxh64:"

    /// The fingerprint of `bytes`: `<prefix><16 hex digits>:<byte count>`.
    static func fingerprint(of bytes: UnsafeRawBufferPointer, prefix: String = prefix) -> String {
        written(prefix, xxh64(bytes), count: bytes.count)
    }

    /// A fingerprint as the database stores it, this one and the first alike:
    /// `<prefix><16 hex digits>:<byte count>`.
    static func written(_ prefix: String, _ value: UInt64, count: Int) -> String {
        let hex = String(value, radix: 16)
        return prefix + String(repeating: "0", count: 16 - hex.count) + hex + ":\(count)"
    }

    private static let p1: UInt64 = 11_400_714_785_074_694_791
    private static let p2: UInt64 = 14_029_467_366_897_019_727
    private static let p3: UInt64 = 1_609_587_929_392_839_161
    private static let p4: UInt64 = 9_650_029_242_287_828_579
    private static let p5: UInt64 = 2_870_177_450_012_600_261

    /// XXH64 of `bytes` with seed 0.
    static func xxh64(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let count = bytes.count
        guard let base = bytes.baseAddress else { return avalanche(p5) }
        func word(_ offset: Int) -> UInt64 { UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) }
        var offset = 0
        var h: UInt64
        if count >= 32 {
            var v1 = p1 &+ p2
            var v2 = p2
            var v3: UInt64 = 0
            var v4 = 0 &- p1
            while offset &+ 32 <= count {
                v1 = round(v1, word(offset))
                v2 = round(v2, word(offset &+ 8))
                v3 = round(v3, word(offset &+ 16))
                v4 = round(v4, word(offset &+ 24))
                offset &+= 32
            }
            h = v1.rotated(1) &+ v2.rotated(7) &+ v3.rotated(12) &+ v4.rotated(18)
            for v in [v1, v2, v3, v4] { h = (h ^ round(0, v)) &* p1 &+ p4 }
        } else {
            h = p5
        }
        h &+= UInt64(count)
        while offset &+ 8 <= count {
            h ^= round(0, word(offset))
            h = h.rotated(27) &* p1 &+ p4
            offset &+= 8
        }
        if offset &+ 4 <= count {
            h ^= UInt64(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt32.self))) &* p1
            h = h.rotated(23) &* p2 &+ p3
            offset &+= 4
        }
        while offset < count {
            h ^= UInt64(base.load(fromByteOffset: offset, as: UInt8.self)) &* p5
            h = h.rotated(11) &* p1
            offset &+= 1
        }
        return avalanche(h)
    }

    private static func round(_ acc: UInt64, _ input: UInt64) -> UInt64 { (acc &+ input &* p2).rotated(31) &* p1 }

    private static func avalanche(_ value: UInt64) -> UInt64 {
        var h = value
        h ^= h >> 33
        h &*= p2
        h ^= h >> 29
        h &*= p3
        h ^= h >> 32
        return h
    }
}

extension UInt64 {
    fileprivate func rotated(_ n: UInt64) -> UInt64 { self << n | self >> (64 - n) }
}
