import Foundation

/// `${NAME}` substitution in parsed pipeline values.
///
/// Substitution happens on scalar values after parsing, never on raw text, so a variable's value
/// cannot change the structure of the file. `${NAME:-fallback}` uses `fallback` when `NAME` is
/// unset or empty, and `$$` writes a literal `$`.
struct EnvironmentInterpolation: Sendable {
    /// A reference to a variable that is not set and has no fallback.
    struct Missing: Error {
        var name: String
    }

    var environment: [String: String]

    /// The value with every reference replaced.
    func apply(_ value: String) throws(Missing) -> String {
        guard value.contains("$") else { return value }
        var out = ""
        var i = value.startIndex
        while i < value.endIndex {
            let c = value[i]
            let next = value.index(after: i)
            if c == "$", next < value.endIndex, value[next] == "$" {
                out.append("$")
                i = value.index(after: next)
            } else if c == "$", next < value.endIndex, value[next] == "{", let close = value[next...].firstIndex(of: "}") {
                let body = value[value.index(after: next)..<close]
                let name: Substring
                var fallback: Substring?
                if let sep = body.range(of: ":-") {
                    name = body[..<sep.lowerBound]
                    fallback = body[sep.upperBound...]
                } else {
                    name = body
                }
                if let v = environment[String(name)], !(v.isEmpty && fallback != nil) {
                    out += v
                } else if let fallback {
                    out += fallback
                } else {
                    throw Missing(name: String(name))
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
