import Foundation

/// Decides how a page's bytes are encoded and prepares them for libxml2.
///
/// The order is the one browsers use, simplified: a byte-order mark wins, then a `<meta charset>`
/// or `http-equiv` declaration in the first few kilobytes, then the bytes themselves (valid UTF-8
/// is UTF-8, anything else is taken as windows-1252, the superset of latin-1 that browsers
/// substitute for it). UTF-8 and windows-1252 are converted here, so a stray invalid byte becomes
/// U+FFFD instead of stopping libxml2 half-way; other declared encodings go to libxml2 by name.
struct HTMLEncoding {
    /// The bytes to parse, without a byte-order mark.
    var bytes: [UInt8]
    /// The encoding name to hand to libxml2.
    var name: String
    /// Whether the bytes were converted to UTF-8 here, so libxml2 must ignore the page's own hint.
    var converted: Bool

    /// How far into the page a charset declaration is looked for; HTML requires it in the first 1024
    /// bytes, and real pages put long comments and scripts first.
    static let declarationWindow = 8192

    init(data: Data) {
        var raw = [UInt8](data)
        if raw.starts(with: [0xEF, 0xBB, 0xBF]) {
            raw.removeFirst(3)
            self.init(utf8: raw)
        } else if raw.starts(with: [0xFF, 0xFE]) {
            raw.removeFirst(2)
            self.init(bytes: raw, name: "UTF-16LE", converted: false)
        } else if raw.starts(with: [0xFE, 0xFF]) {
            raw.removeFirst(2)
            self.init(bytes: raw, name: "UTF-16BE", converted: false)
        } else {
            switch Self.declaredCharset(in: raw).map(Self.canonicalName) {
            case "UTF-8"?: self.init(utf8: raw)
            // A page saved again as UTF-8 often keeps its old declaration. Text in a legacy
            // encoding that happens to be valid UTF-8 with multi-byte sequences is vanishingly
            // rare, so valid UTF-8 beats the declaration.
            case _? where Self.isMultibyteUTF8(raw): self.init(bytes: raw, name: "UTF-8", converted: true)
            case "windows-1252"?: self.init(bytes: Self.windows1252ToUTF8(raw), name: "UTF-8", converted: true)
            case let other?: self.init(bytes: raw, name: other, converted: false)
            case nil:
                if Self.isValidUTF8(raw) {
                    self.init(bytes: raw, name: "UTF-8", converted: true)
                } else {
                    self.init(bytes: Self.windows1252ToUTF8(raw), name: "UTF-8", converted: true)
                }
            }
        }
    }

    private init(bytes: [UInt8], name: String, converted: Bool) {
        self.bytes = bytes
        self.name = name
        self.converted = converted
    }

    /// UTF-8 as declared; invalid sequences are replaced rather than trusted.
    private init(utf8 raw: [UInt8]) {
        if Self.isValidUTF8(raw) {
            self.init(bytes: raw, name: "UTF-8", converted: true)
        } else {
            self.init(bytes: Array(String(decoding: raw, as: UTF8.self).utf8), name: "UTF-8", converted: true)
        }
    }

    /// The charset named by a `<meta charset=…>` or `<meta http-equiv content="…; charset=…">`.
    static func declaredCharset(in bytes: [UInt8]) -> String? {
        let head = bytes.prefix(declarationWindow).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        let meta = Array("<meta".utf8)
        let key = Array("charset".utf8)
        var i = 0
        while let m = index(of: meta, in: head, from: i) {
            let end = head[m...].firstIndex(of: UInt8(ascii: ">")) ?? head.count
            if let c = index(of: key, in: head, from: m), c < end {
                var j = c + key.count
                while j < end, head[j] == 0x20 || head[j] == 0x09 || head[j] == 0x0A || head[j] == 0x0D { j += 1 }
                if j < end, head[j] == UInt8(ascii: "=") {
                    j += 1
                    while j < end, head[j] == 0x20 || head[j] == UInt8(ascii: "\"") || head[j] == UInt8(ascii: "'") { j += 1 }
                    var k = j
                    while k < end, head[k] > 0x20, head[k] != UInt8(ascii: "\""), head[k] != UInt8(ascii: "'"),
                        head[k] != UInt8(ascii: ";"),
                        head[k] != UInt8(ascii: "/") || k == j
                    {
                        k += 1
                    }
                    if k > j { return String(decoding: head[j..<k], as: UTF8.self) }
                }
            }
            i = m + meta.count
        }
        return nil
    }

    /// Maps WHATWG labels onto the two encodings converted here, passing others through.
    static func canonicalName(_ label: String) -> String {
        switch label.lowercased() {
        case "utf-8", "utf8", "unicode-1-1-utf-8": "UTF-8"
        // WHATWG: every latin-1 label means windows-1252, and pages declaring ASCII are usually 1252.
        case "iso-8859-1", "iso8859-1", "latin1", "l1", "us-ascii", "ascii", "windows-1252", "cp1252", "x-cp1252", "cp819", "ibm819",
            "iso-ir-100", "csisolatin1", "iso_8859-1":
            "windows-1252"
        case let other: other
        }
    }

    /// Whether `bytes` are well-formed UTF-8 and hold at least one multi-byte sequence.
    static func isMultibyteUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.contains { $0 >= 0x80 } && isValidUTF8(bytes)
    }

    /// Whether `bytes` are well-formed UTF-8 (`String(validating:)` needs a newer macOS than we support).
    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { b in
            let n = b.count
            var i = 0
            while i < n {
                // Eight ASCII bytes at a time, the bulk of every page's markup.
                if i + 8 <= n, UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                    continue
                }
                let lead = b[i]
                // ASCII, the bulk of every page's markup, costs one comparison.
                if lead < 0x80 {
                    i += 1
                    continue
                }
                let count: Int
                var low: UInt8 = 0x80
                var high: UInt8 = 0xBF
                switch lead {
                case 0xC2...0xDF: count = 1
                case 0xE0:
                    count = 2
                    low = 0xA0
                case 0xE1...0xEC, 0xEE...0xEF: count = 2
                case 0xED:
                    count = 2
                    high = 0x9F
                case 0xF0:
                    count = 3
                    low = 0x90
                case 0xF1...0xF3: count = 3
                case 0xF4:
                    count = 3
                    high = 0x8F
                default: return false
                }
                guard i + count < n else { return false }
                guard b[i + 1] >= low, b[i + 1] <= high else { return false }
                for k in stride(from: 2, through: count, by: 1) where b[i + k] & 0xC0 != 0x80 { return false }
                i += count + 1
            }
            return true
        }
    }

    private static func index(of needle: [UInt8], in hay: [UInt8], from start: Int) -> Int? {
        guard needle.count <= hay.count, start <= hay.count - needle.count else { return nil }
        var i = start
        let first = needle[0]
        while i <= hay.count - needle.count {
            if hay[i] == first, hay[i..<i + needle.count].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    /// The 32 code points windows-1252 puts in 0x80–0x9F (zero where the byte is undefined).
    private static let high: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    static func windows1252ToUTF8(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for b in bytes {
            if b < 0x80 {
                out.append(b)
            } else {
                let value = b < 0xA0 ? high[Int(b) - 0x80] : UInt32(b)
                let scalar = Unicode.Scalar(value == 0 ? UInt32(b) : value) ?? "\u{FFFD}"
                UTF8.encode(scalar) { out.append($0) }
            }
        }
        return out
    }
}
