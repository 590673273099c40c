/// The first fingerprint of an article's rows, stored until schema `dossier-4`: FNV-1a (64 bits)
/// over the first schema's encoding of them (`ArticleRows`: each value with its type and length),
/// with the byte count. Still computed for an article that a database holds under it, so that an
/// upgraded database recognises its unchanged articles; `RowsHash` is the fingerprint stored now.
///
/// It tells a re-run whether an article changed, not whether anyone tampered with it: two
/// different versions of one article id share a fingerprint with a chance of about 2⁻⁶⁴. It is
/// written as `fnv1a64:<16 hex digits>:<bytes>` so a stronger hash can follow without confusion.
/// The bytes are fed as they are made, in pieces; the fingerprint is the same as over them whole.
struct ContentHash {
    /// The prefix of the stored fingerprint.
    static let prefix = "fnv1a64:"

    private var state: UInt64 = 0xcbf2_9ce4_8422_2325
    private var count = 0

    mutating func add(_ byte: UInt8) {
        state = (state ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        count += 1
    }

    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        var state = self.state
        for byte in bytes {
            state ^= UInt64(byte)
            state &*= 0x0000_0100_0000_01B3
        }
        self.state = state
        count += bytes.count
    }

    var value: String { RowsHash.written(Self.prefix, state, count: count) }
}
