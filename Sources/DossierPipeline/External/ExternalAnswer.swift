import DossierCore
import Foundation

/// One answer line of an external program, checked the way every kind of program's is: a JSON
/// object (else E726), for the document or input it was sent (`id`, else E726), its `warnings`
/// handed on, and its own `error` turned into E728. What is left, the kind's own field
/// (`layers`, `output`, `articles`), is the caller's to read.
enum ExternalAnswer {
    /// The answer object, or the error that fails this article or input.
    /// - Parameters:
    ///   - what: what was sent, for messages: "document" or "input".
    ///   - failing: what the program could not do, for E728: "analyze the article", …
    static func parse(
        _ line: [UInt8], id expected: String, program: ExternalProgram, what: String, failing: String, warn: (String) -> Void
    ) throws(ComponentError) -> JSONValue {
        let shown = String(decoding: line.prefix(200), as: UTF8.self)
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(line)), case .object = value else {
            throw ComponentError(
                code: "E726",
                "\(program.label) answered with a line that is not a JSON object ('\(shown)'); write one answer object per line, "
                    + "and anything else to standard error")
        }
        guard case .string(let id)? = value["id"], id == expected else {
            throw ComponentError(
                code: "E726",
                "\(program.label) answered for \(value["id"].map { "'\($0.description)'" } ?? "no \(what)") instead of '\(expected)'; "
                    + "answer each \(what), in order, with its 'id'")
        }
        if case .array(let warnings)? = value["warnings"] {
            for case .string(let warning) in warnings { warn(warning) }
        }
        if let error = value["error"] {
            let message = if case .string(let s) = error { s } else { error.description }
            throw ComponentError(code: "E728", "\(program.label) could not \(failing): \(message)")
        }
        return value
    }
}
