public import DossierCore

/// Renders diagnostics the way compilers do: a headline, the source line, and a caret under the
/// column, with a tilde run under the rest of the offending word.
public struct DiagnosticRenderer: Sendable {
    /// File texts by path.
    public var sources: [String: String]
    /// Whether to use ANSI colours.
    public var color: Bool

    /// Creates a renderer.
    public init(sources: [String: String], color: Bool = false) {
        self.sources = sources
        self.color = color
    }

    /// All diagnostics, each followed by its source excerpt, separated by blank lines.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(render).joined(separator: "\n")
    }

    /// One diagnostic with its source excerpt.
    public func render(_ d: Diagnostic) -> String {
        var lines: [String] = []
        let severity = paint(d.severity.rawValue + "[\(d.code)]", d.severity == .error ? "1;31" : d.severity == .warning ? "1;33" : "1;36")
        var head = ""
        if let loc = d.location { head += paint("\(loc):", "1") + " " }
        head += "\(severity): "
        if let article = d.article { head += "\(article): " }
        if let component = d.component { head += "\(component): " }
        lines.append(head + d.message)
        if let loc = d.location, let text = sources[loc.file], let line = Self.line(loc.line, of: text) {
            let gutter = String(loc.line)
            let pad = String(repeating: " ", count: gutter.count)
            lines.append("\(pad) |")
            lines.append("\(gutter) | \(line)")
            let scalars = Array(line.unicodeScalars)
            let col = max(0, min(loc.column - 1, scalars.count))
            var indent = ""
            for s in scalars[0..<col] { indent.append(s == "\t" ? "\t" : " ") }
            let width = Self.tokenWidth(scalars, from: col)
            lines.append("\(pad) | " + indent + paint("^" + String(repeating: "~", count: max(0, width - 1)), "1;32"))
        }
        for note in d.notes { lines.append("  = " + note) }
        return lines.joined(separator: "\n") + "\n"
    }

    private func paint(_ s: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s
    }

    static func line(_ number: Int, of text: String) -> String? {
        var n = 1
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if n == number { return String(line.hasSuffix("\r") ? line.dropLast() : line) }
            n += 1
        }
        return nil
    }

    /// The width of the word starting at `column`: up to whitespace or YAML punctuation.
    static func tokenWidth(_ scalars: [Unicode.Scalar], from column: Int) -> Int {
        guard column < scalars.count else { return 1 }
        if scalars[column] == "\"" || scalars[column] == "'" {
            let quote = scalars[column]
            var j = column + 1
            while j < scalars.count, scalars[j] != quote { j += 1 }
            return min(j, scalars.count - 1) - column + 1
        }
        var j = column
        while j < scalars.count, !" \t:,[]{}#".unicodeScalars.contains(scalars[j]) { j += 1 }
        return max(1, j - column)
    }
}
