import DossierCore

/// The bytes of an HTML page being written, with the escaping every piece of text goes through.
///
/// Text from the article or its annotations is written with `text(_:)` or `scalars(_:_:)`, which
/// escape the five characters that could open markup or end an attribute (`& < > " '`) and
/// replace control characters, which HTML forbids, with U+FFFD; so one escaping serves element
/// content and quoted attribute values alike. Markup the exporter writes itself goes through
/// `raw(_:)`. The article text is copied straight from the document's code units, without a
/// `String` per run.
struct HTMLBuffer {
    /// The page so far, as UTF-8.
    private(set) var bytes: [UInt8] = []

    /// Creates a buffer with room for `capacity` bytes.
    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    /// Writes markup as it is.
    mutating func raw(_ markup: StaticString) {
        markup.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Writes markup as it is; never pass text that came from the document.
    mutating func raw(_ markup: String) { bytes.append(contentsOf: markup.utf8) }

    /// Writes bytes as they are (a rendering made by this exporter).
    mutating func raw(bytes more: some Sequence<UInt8>) { bytes.append(contentsOf: more) }

    /// Writes text, escaped for element content and quoted attribute values.
    mutating func text(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            // Bytes as they are, but for the ASCII ones that need escaping and C1 controls
            // (U+0080 to U+009F, UTF-8 C2 80 to C2 9F), which valid UTF-8 lets us spot by byte.
            var i = 0
            while i < utf8.count {
                let b = utf8[i]
                if b < 0x80 {
                    append(UInt32(b))
                } else if b == 0xC2 && i + 1 < utf8.count && utf8[i + 1] < 0xA0 {
                    replacement()
                    i += 1
                } else {
                    bytes.append(b)
                }
                i += 1
            }
        }
    }

    /// `text` escaped as `text(_:)` would write it, for markup built ahead as a string.
    static func escaped(_ text: String) -> String {
        var buffer = HTMLBuffer(capacity: text.utf8.count)
        buffer.text(text)
        return String(decoding: buffer.bytes, as: UTF8.self)
    }

    /// Writes an integer in decimal.
    mutating func number(_ value: Int) { raw(String(value)) }

    /// Writes the article's scalars in `range`, escaped: one switch on the buffer's width, then
    /// a loop over its code units.
    mutating func scalars(_ buffer: ScalarBuffer, _ range: Range<Int>) {
        guard !range.isEmpty else { return }
        switch buffer.width {
        case 1: buffer.withUnsafeUnits(as: UInt8.self) { units in for i in range { append(UInt32(units[i])) } }
        // Read through the view, which gives an out-of-line scalar's value for its marker unit.
        case 2: buffer.withUnits(as: UInt16.self) { units in for i in range { append(units[i]) } }
        default: buffer.withUnsafeUnits(as: UInt32.self) { units in for i in range { append(units[i]) } }
        }
    }

    /// Appends one scalar as UTF-8, escaped.
    @inline(__always)
    private mutating func append(_ v: UInt32) {
        if v < 0x80 {
            switch v {
            case 0x26: raw("&amp;")
            case 0x3C: raw("&lt;")
            case 0x3E: raw("&gt;")
            case 0x22: raw("&quot;")
            case 0x27: raw("&#39;")
            case 0x09, 0x0A, 0x0D: bytes.append(UInt8(v))
            case 0..<0x20, 0x7F: replacement()
            default: bytes.append(UInt8(v))
            }
        } else if v < 0x800 {
            // C1 controls (U+0080 to U+009F) are as forbidden as C0 ones.
            if v < 0xA0 { return replacement() }
            bytes.append(UInt8(0xC0 | v >> 6))
            bytes.append(UInt8(0x80 | v & 0x3F))
        } else if v < 0x1_0000 {
            bytes.append(UInt8(0xE0 | v >> 12))
            bytes.append(UInt8(0x80 | v >> 6 & 0x3F))
            bytes.append(UInt8(0x80 | v & 0x3F))
        } else {
            bytes.append(UInt8(0xF0 | v >> 18))
            bytes.append(UInt8(0x80 | v >> 12 & 0x3F))
            bytes.append(UInt8(0x80 | v >> 6 & 0x3F))
            bytes.append(UInt8(0x80 | v & 0x3F))
        }
    }

    private mutating func replacement() { bytes.append(contentsOf: [0xEF, 0xBF, 0xBD]) }
}
