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
        // Each file is split into lines once, however many diagnostics point into it.
        var split: [String: [Substring]] = [:]
        return diagnostics.map { d in
            guard let file = d.location?.file, let text = sources[file] else { return render(d, lines: nil) }
            if split[file] == nil { split[file] = text.split(separator: "\n", omittingEmptySubsequences: false) }
            return render(d, lines: split[file])
        }.joined(separator: "\n")
    }

    /// One diagnostic with its source excerpt.
    public func render(_ d: Diagnostic) -> String {
        let lines = d.location.flatMap { sources[$0.file] }.map { $0.split(separator: "\n", omittingEmptySubsequences: false) }
        return render(d, lines: lines)
    }

    /// One diagnostic, its source excerpt taken from the file's `lines`.
    private func render(_ d: Diagnostic, lines fileLines: [Substring]?) -> String {
        var lines: [String] = []
        let severity = paint(d.severity.rawValue + "[\(d.code)]", d.severity == .error ? "1;31" : d.severity == .warning ? "1;33" : "1;36")
        var head = ""
        if let loc = d.location { head += paint("\(loc):", "1") + " " }
        head += "\(severity): "
        // An article id comes from the data and may be any length: show its start and its length.
        if let article = d.article { head += Self.shortened(article) + ": " }
        if let component = d.component { head += Self.shortened(component) + ": " }
        lines.append(head + d.message)
        if let loc = d.location, let fileLines, let line = Self.line(loc.line, of: fileLines) {
            let gutter = String(loc.line)
            let pad = String(repeating: " ", count: gutter.count)
            let all = Array(line.unicodeScalars)
            let col = max(0, min(loc.column - 1, all.count))
            // A long line is cut to a window around the caret, so one line of YAML cannot flood the terminal.
            let window = Self.window(count: all.count, column: col)
            let cutStart = window.lowerBound > 0
            let cutEnd = window.upperBound < all.count
            var shown = String.UnicodeScalarView()
            shown.append(contentsOf: all[window])
            lines.append("\(pad) |")
            lines.append("\(gutter) | " + (cutStart ? "…" : "") + String(shown) + (cutEnd ? "…" : ""))
            let scalars = Array(all[window])
            let local = col - window.lowerBound
            var indent = cutStart ? " " : ""
            for s in scalars[0..<local] { indent.append(s == "\t" ? "\t" : " ") }
            let width = Self.tokenWidth(scalars, from: local)
            lines.append("\(pad) | " + indent + paint("^" + String(repeating: "~", count: max(0, width - 1)), "1;32"))
        }
        for note in d.notes { lines.append("  = " + note) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The most scalars of one source line an excerpt shows.
    static let windowWidth = 120

    /// The part of a line of `count` scalars to show around `column` (0-based): all of a short line;
    /// of a long one, 40 scalars before the caret and the rest of the window after it.
    static func window(count: Int, column: Int) -> Range<Int> {
        guard count > windowWidth else { return 0..<count }
        let start = max(0, min(column - 40, count - windowWidth))
        return start..<min(count, start + windowWidth)
    }

    /// `text` if short; otherwise its first 80 scalars, an ellipsis and its length.
    static func shortened(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard scalars.count > String.quotedExcerptLimit else { return text }
        return String(String.UnicodeScalarView(scalars.prefix(String.quotedExcerptLimit))) + "… (\(scalars.count) characters)"
    }

    private func paint(_ s: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s
    }

    /// Line `number` (1-based) of a file split into `lines`, without a trailing `\r`.
    static func line(_ number: Int, of lines: [Substring]) -> String? {
        guard number >= 1 && number <= lines.count else { return nil }
        let line = lines[number - 1]
        return String(line.hasSuffix("\r") ? line.dropLast() : line)
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
