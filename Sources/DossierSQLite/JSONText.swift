import DossierCore

/// Compact JSON written into bytes, for the arrays the corpus database keeps in a column
/// (`entities.mentions`, `articles.metrics`): a few per article, built while rendering.
///
/// Commas are placed by the writer: a value or key after another member of the same container
/// is preceded by one. Strings and doubles are written by the document JSON writer's own functions
/// (`JSONByteSink`), so they read exactly as in a document's JSON; a double JSON cannot hold (NaN,
/// an infinity) is `null`.
struct JSONText {
    /// The JSON written so far, as UTF-8.
    private(set) var bytes: [UInt8] = []
    /// Whether the next value follows another member of its container.
    private var needsComma = false

    /// The JSON written so far.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Starts again, keeping the buffer's capacity.
    mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        needsComma = false
    }

    /// Opens an array (`[`) or an object (`{`).
    mutating func open(_ bracket: Unicode.Scalar) {
        separate()
        bytes.append(UInt8(ascii: bracket))
        needsComma = false
    }

    /// Closes an array (`]`) or an object (`}`).
    mutating func close(_ bracket: Unicode.Scalar) {
        bytes.append(UInt8(ascii: bracket))
        needsComma = true
    }

    /// Writes an object's key; its value comes next.
    mutating func key(_ name: String) {
        string(name)
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    mutating func int(_ value: Int) {
        separate()
        bytes.append(contentsOf: String(value).utf8)
        needsComma = true
    }

    mutating func double(_ value: Double) {
        separate()
        if value.isFinite { bytes.writeJSONDouble(value) } else { bytes.append(contentsOf: "null".utf8) }
        needsComma = true
    }

    mutating func string(_ value: String) {
        separate()
        bytes.writeJSONString(value)
        needsComma = true
    }

    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }
}
