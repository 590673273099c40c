/// One value of a CSV record, before quoting.
///
/// Text, integers, decimals, booleans and a missing value (an empty field) are all it takes to
/// write Dossier's tables; numbers are written the way Swift prints them (`0.91`, `142.0`), which
/// every CSV reader and spreadsheet parses as a number.
enum CSVField: Equatable {
    case text(String)
    case integer(Int)
    case decimal(Double)
    case boolean(Bool)
    case missing

    /// Text, or a missing value when nil.
    static func optional(_ value: String?) -> CSVField { value.map(CSVField.text) ?? .missing }

    /// Text for a list: the items joined by `;`, a missing value when empty.
    static func list(_ items: [String]) -> CSVField { items.isEmpty ? .missing : .text(items.joined(separator: ";")) }
}

/// Writes records as RFC 4180 says: fields separated by commas, records ended by CRLF, a field
/// quoted when it holds a comma, a double quote, CR or LF, and a double quote inside a quoted
/// field doubled.
struct CSVWriter {
    /// Whether a text field that a spreadsheet would run as a formula (starting with `=`, `+`,
    /// `-`, `@`, a tab or CR) gets a leading `'`, as OWASP advises for CSV files opened in Excel.
    var guardsFormulas = false

    /// The record's bytes, ending in CRLF.
    func record(_ fields: [CSVField], into out: inout [UInt8]) {
        for (n, field) in fields.enumerated() {
            if n > 0 { out.append(UInt8(ascii: ",")) }
            switch field {
            case .text(let text): append(text, to: &out)
            case .integer(let value): out.append(contentsOf: String(value).utf8)
            case .decimal(let value): out.append(contentsOf: (value.isFinite ? String(value) : "").utf8)
            case .boolean(let value): out.append(contentsOf: (value ? "true" : "false").utf8)
            case .missing: break
            }
        }
        out.append(UInt8(ascii: "\r"))
        out.append(UInt8(ascii: "\n"))
    }

    /// A text field, quoted only when it must be.
    private func append(_ text: String, to out: inout [UInt8]) {
        let guarded = guardsFormulas && Self.looksLikeFormula(text)
        var needsQuotes = false
        for byte in text.utf8 where byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == 0x0D || byte == 0x0A {
            needsQuotes = true
            break
        }
        if !needsQuotes {
            if guarded { out.append(UInt8(ascii: "'")) }
            out.append(contentsOf: text.utf8)
            return
        }
        out.append(UInt8(ascii: "\""))
        if guarded { out.append(UInt8(ascii: "'")) }
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\"") { out.append(byte) }
            out.append(byte)
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func looksLikeFormula(_ text: String) -> Bool {
        guard let first = text.utf8.first else { return false }
        return first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-") || first == UInt8(ascii: "@")
            || first == 0x09 || first == 0x0D
    }
}
