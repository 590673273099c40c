/// Turns an article id, which comes from untrusted article data, into one safe path component.
///
/// The result never holds a path separator, a NUL or another control character, never starts
/// with a dot (so it is never `.`, `..` or a hidden file, and never one of the writer's own
/// temporary names), is never empty, and is at most `maximumBytes` of UTF-8: a longer id keeps
/// its first part and ends in a hash of the whole, so two long ids that share a prefix stay apart.
/// Everything else, letters of any script included, is kept as it is.
public enum SafeFileName {
    /// The longest component produced, in UTF-8 bytes; leaves room under the common 255-byte
    /// file-name limit for an extension and a `-N` suffix.
    public static let maximumBytes = 120

    /// The safe component for `id`.
    public static func component(_ id: String) -> String {
        let long = id.utf8.count > maximumBytes
        // A long id keeps a prefix and gains '-' and 16 hex digits of the whole id's hash.
        let budget = long ? maximumBytes - 17 : maximumBytes
        var scalars = String.UnicodeScalarView()
        var bytes = 0
        for (n, s) in id.unicodeScalars.enumerated() {
            let unsafe = s == "/" || s == "\\" || s.value < 0x20 || (0x7F...0x9F).contains(s.value) || (n == 0 && s == ".")
            let c: Unicode.Scalar = unsafe ? "_" : s
            let width = UTF8.width(c)
            if bytes + width > budget { break }
            bytes += width
            scalars.append(c)
        }
        if scalars.isEmpty && !long { return "_" }
        return long ? String(scalars) + "-" + hexHash(id) : String(scalars)
    }

    /// A 64-bit FNV-1a hash of the UTF-8 bytes of `text`, as 16 hex digits.
    static func hexHash(_ text: String) -> String {
        let hex = String(fnv1a(text), radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// A 64-bit FNV-1a hash of the UTF-8 bytes of `text`.
    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        return hash
    }
}
