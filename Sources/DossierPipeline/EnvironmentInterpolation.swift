import Foundation

/// `${NAME}` substitution in parsed pipeline values.
///
/// Substitution happens on scalar values after parsing, never on raw text, so a variable's value
/// cannot change the structure of the file. `${NAME:-fallback}` uses `fallback` when `NAME` is
/// unset or empty, and `$$` writes a literal `$`. A `${` without its `}` is an error, not text.
struct EnvironmentInterpolation: Sendable {
    /// Why a value could not be interpolated.
    enum Failure: Error {
        /// A reference to a variable that is not set and has no fallback.
        case missing(name: String)
        /// A `${` with no `}` after it; `reference` is the text from `${` to the end of the value.
        case unterminated(reference: String)
        /// `${}` or `${:-fallback}`: a reference without a variable name.
        case emptyName
    }

    var environment: [String: String]

    /// Whether `value` refers to any variable, so its interpolated form must never be shown.
    static func refersToVariables(_ value: String) -> Bool { value.contains("${") }

    /// The value with every reference replaced.
    func apply(_ value: String) throws(Failure) -> String {
        var used: [String: String] = [:]
        return try apply(value, used: &used)
    }

    /// The value with every reference replaced, adding each variable it took a value from to `used`.
    func apply(_ value: String, used: inout [String: String]) throws(Failure) -> String {
        guard value.contains("$") else { return value }
        var out = ""
        var i = value.startIndex
        while i < value.endIndex {
            let c = value[i]
            let next = value.index(after: i)
            if c == "$", next < value.endIndex, value[next] == "$" {
                out.append("$")
                i = value.index(after: next)
            } else if c == "$", next < value.endIndex, value[next] == "{" {
                guard let close = value[next...].firstIndex(of: "}") else {
                    throw .unterminated(reference: String(value[i...]))
                }
                let body = value[value.index(after: next)..<close]
                let name: Substring
                var fallback: Substring?
                if let sep = body.range(of: ":-") {
                    name = body[..<sep.lowerBound]
                    fallback = body[sep.upperBound...]
                } else {
                    name = body
                }
                if name.isEmpty { throw .emptyName }
                if let v = environment[String(name)], !(v.isEmpty && fallback != nil) {
                    out += v
                    used[String(name)] = v
                } else if let fallback {
                    out += fallback
                } else {
                    throw .missing(name: String(name))
                }
                i = value.index(after: close)
            } else {
                out.append(c)
                i = next
            }
        }
        return out
    }
}

extension EnvironmentInterpolation.Failure {
    /// The stable code: `E230` for an unset variable, `E235` for a malformed reference.
    var code: String {
        if case .missing = self { return "E230" }
        return "E235"
    }

    /// What went wrong, naming the variable and never a value.
    var message: String {
        switch self {
        case .missing(let name):
            return "environment variable '\(name)' is not set; set it or write '${\(name):-fallback}'"
        case .unterminated(let reference):
            return "\(reference.quotedExcerpt) has no closing '}'; write '${NAME}', or '$$' for a literal '$'"
        case .emptyName:
            return "'${}' names no variable; write '${NAME}', or '$$' for a literal '$'"
        }
    }
}
