/// Why a document could not be written as, or read back from, its canonical JSON.
///
/// Codes are stable so scripts and the error catalogue can refer to them:
/// `E701` the bytes are not JSON or do not have the document layout, `E702` not a Dossier
/// document, `E703` unsupported version, `E704` unsupported offset unit, `E705` a range outside
/// the text, `E706` an item's `text` differs from what its range covers, `E707` the text is
/// missing, `E708` a value JSON cannot hold.
public struct DocumentJSONError: Error, CustomStringConvertible {
    /// A stable code, such as `E703`.
    public var code: String
    /// What went wrong and how to fix it: lowercase, no final period, user values in single quotes.
    public var message: String
    /// Where in the JSON the problem lies, such as `layers.quotes[2].start`; `nil` for the whole document.
    public var path: String?
    /// The error this one wraps, such as the `DecodingError` Foundation reported.
    public var underlying: (any Error)?

    /// Creates an error.
    public init(code: String, _ message: String, path: String? = nil, underlying: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.path = path
        self.underlying = underlying
    }

    /// The one-line form: `layers.quotes[2]: message`.
    public var description: String {
        guard let path, !path.isEmpty else { return message }
        return "\(path): \(message)"
    }
}
