/// A JSON value as the `jsonld` exporter builds it: strings, arrays and objects whose keys keep
/// the order they were given in, so output is deterministic and reads `@type` first.
///
/// Written by `write(into:pretty:)` straight into bytes. Foundation's `JSONSerialization` took
/// more than half of a default pipeline's time with the exporter (type casts of `Any` values and
/// sorting keys), for output this small writer gives in one pass.
indirect enum JSONLDValue {
    case string(String)
    case array([JSONLDValue])
    case object([(String, JSONLDValue)])

    /// Appends the value as JSON, indented by two spaces a level when `pretty`.
    func write(into out: inout [UInt8], pretty: Bool, depth: Int = 0) {
        switch self {
        case .string(let text): Self.write(string: text, into: &out)
        case .array(let items):
            guard !items.isEmpty else { return out.append(contentsOf: Array("[]".utf8)) }
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                Self.newline(into: &out, pretty: pretty, depth: depth + 1)
                item.write(into: &out, pretty: pretty, depth: depth + 1)
            }
            Self.newline(into: &out, pretty: pretty, depth: depth)
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            guard !members.isEmpty else { return out.append(contentsOf: Array("{}".utf8)) }
            out.append(UInt8(ascii: "{"))
            for (i, (key, value)) in members.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                Self.newline(into: &out, pretty: pretty, depth: depth + 1)
                Self.write(string: key, into: &out)
                out.append(UInt8(ascii: ":"))
                if pretty { out.append(UInt8(ascii: " ")) }
                value.write(into: &out, pretty: pretty, depth: depth + 1)
            }
            Self.newline(into: &out, pretty: pretty, depth: depth)
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func newline(into out: inout [UInt8], pretty: Bool, depth: Int) {
        guard pretty else { return }
        out.append(UInt8(ascii: "\n"))
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
    }

    /// A JSON string. Beyond what JSON requires (`"`, `\`, control characters), `<` is written
    /// `\u003c` so the JSON cannot close a `<script>` element it is pasted into, and U+2028 and
    /// U+2029 are escaped for JavaScript parsers older than ES2019.
    static func write(string: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for scalar in string.unicodeScalars {
            let v = scalar.value
            switch v {
            case 0x22: out.append(contentsOf: [0x5C, 0x22])
            case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0..<0x20, 0x3C, 0x7F, 0x2028, 0x2029:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: [0x5C, UInt8(ascii: "u")])
                for shift in [12, 8, 4, 0] { out.append(hex[Int(v >> UInt32(shift) & 0xF)]) }
            case 0..<0x80: out.append(UInt8(v))
            case 0x80..<0x800: out.append(contentsOf: [UInt8(0xC0 | v >> 6), UInt8(0x80 | v & 0x3F)])
            case 0x800..<0x1_0000:
                out.append(contentsOf: [UInt8(0xE0 | v >> 12), UInt8(0x80 | v >> 6 & 0x3F), UInt8(0x80 | v & 0x3F)])
            default:
                out.append(contentsOf: [
                    UInt8(0xF0 | v >> 18), UInt8(0x80 | v >> 12 & 0x3F), UInt8(0x80 | v >> 6 & 0x3F), UInt8(0x80 | v & 0x3F),
                ])
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
