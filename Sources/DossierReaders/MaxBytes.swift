import DossierCore
import Foundation

/// The `maxBytes` option of the `text`, `markdown`, `json` and `feed` readers: one check of its
/// value and one of an input's size, so that each reader says the same thing under its own code.
enum MaxBytes {
    /// Throws `code` when `value` is not positive (suggesting `example` bytes instead), or, when
    /// `withinDocument`, larger than the most scalars a document can hold.
    static func validate(_ value: Int, code: String, example: Int, withinDocument: Bool) throws {
        if value <= 0 {
            throw ComponentError(
                code: code, "'maxBytes' must be positive, not '\(value)'; use a size such as \(example) (\(example >> 20) MB)",
                option: "maxBytes")
        }
        if withinDocument, value > TextRange.maxOffset {
            throw ComponentError(
                code: code,
                "'maxBytes' is '\(value)', more than the largest document Dossier can hold (\(TextRange.maxOffset)); split the input",
                option: "maxBytes")
        }
    }

    /// Throws `code` when `input` is larger than `maxBytes`; `advice` ends the message.
    static func check(_ input: Input, maxBytes: Int, code: String, advice: String) throws {
        guard input.data.count <= maxBytes else {
            throw ComponentError(
                code: code, "input '\(input.name)' has \(input.data.count) bytes, more than the limit of \(maxBytes); \(advice)")
        }
    }
}
