public import DossierCore

/// Renders diagnostics the way compilers do: a headline, the source line, and a caret under the
/// column, with a tilde run under the rest of the offending value; for a run-time problem with a
/// text range, the article's line with the range underlined; then the notes, each with the line
/// it points at.
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
        return diagnostics.map { render($0, split: &split) }.joined(separator: "\n")
    }

    /// One diagnostic with its source excerpt.
    public func render(_ d: Diagnostic) -> String {
        var split: [String: [Substring]] = [:]
        return render(d, split: &split)
    }

    /// The lines of `file`, split once and kept in `split`; nil when its text is not known.
    private func lines(of file: String, split: inout [String: [Substring]]) -> [Substring]? {
        if let lines = split[file] { return lines }
        guard let text = sources[file] else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        split[file] = lines
        return lines
    }

    /// One diagnostic: its headline, the source line (or the article's line) with the offending
    /// value underlined, and its notes, each with its own source line when it has a location.
    private func render(_ d: Diagnostic, split: inout [String: [Substring]]) -> String {
        var lines: [String] = []
        let severity = paint(d.severity.rawValue + "[\(d.code)]", d.severity == .error ? "1;31" : d.severity == .warning ? "1;33" : "1;36")
        var head = ""
        if let loc = d.location { head += paint("\(loc):", "1") + " " }
        head += "\(severity): "
        // An article id comes from the data and may be any length: show its start and its length.
        if let article = d.article { head += Self.shortened(article) + ": " }
        if let component = d.component { head += Self.shortened(component) + ": " }
        lines.append(head + d.message)
        if let loc = d.location, let fileLines = self.lines(of: loc.file, split: &split) {
            lines += sourceExcerpt(at: loc, end: d.end, in: fileLines)
        } else if let excerpt = d.excerpt {
            lines += articleExcerpt(excerpt)
        }
        for note in d.notes {
            guard let loc = note.location else {
                lines.append("  = " + note.message)
                continue
            }
            lines.append("  = " + paint("note:", "1;36") + " " + paint("\(loc):", "1") + " " + note.message)
            if let fileLines = self.lines(of: loc.file, split: &split) { lines += sourceExcerpt(at: loc, end: nil, in: fileLines) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The source line at `loc` with a caret under its column and a tilde run under the rest of
    /// the value: up to `end` when it is on the same line, else to the end of the line for a value
    /// that goes on (a block list), else the word at the column.
    private func sourceExcerpt(at loc: SourceLocation, end: SourceLocation?, in fileLines: [Substring]) -> [String] {
        guard let line = Self.line(loc.line, of: fileLines) else { return [] }
        let gutter = String(loc.line)
        let pad = String(repeating: " ", count: gutter.count)
        let all = Array(line.unicodeScalars)
        let col = max(0, min(loc.column - 1, all.count))
        var width = Self.tokenWidth(all, from: col)
        if let end, end.file == loc.file {
            if end.line == loc.line, end.column > loc.column {
                width = min(end.column, all.count + 1) - 1 - col
            } else if end.line > loc.line {
                width = Self.contentEnd(all) - col
            }
        }
        return excerptLines(gutter: gutter, pad: pad, scalars: all, highlight: col..<(col + max(1, width)), cutStart: false, cutEnd: false)
    }

    /// An article's line with the span underlined, headed by where it is in the text.
    private func articleExcerpt(_ excerpt: Diagnostic.Excerpt) -> [String] {
        let gutter = String(excerpt.line)
        let pad = String(repeating: " ", count: gutter.count)
        let header = "\(pad)--> article text, line \(excerpt.line), scalars \(excerpt.range)"
        return [header]
            + excerptLines(
                gutter: gutter, pad: pad, scalars: Array(excerpt.text.unicodeScalars), highlight: excerpt.highlight,
                cutStart: excerpt.cutStart, cutEnd: excerpt.cutEnd)
    }

    /// A line cut to a window around the highlight, and the caret line under it.
    private func excerptLines(
        gutter: String, pad: String, scalars all: [Unicode.Scalar], highlight: Range<Int>, cutStart: Bool,
        cutEnd: Bool
    ) -> [String] {
        let col = max(0, min(highlight.lowerBound, all.count))
        // A long line is cut to a window around the caret, so one line of YAML cannot flood the terminal.
        let window = Self.window(count: all.count, column: col)
        let startCut = cutStart || window.lowerBound > 0
        let endCut = cutEnd || window.upperBound < all.count
        var shown = String.UnicodeScalarView()
        shown.append(contentsOf: all[window])
        let local = col - window.lowerBound
        var indent = startCut ? " " : ""
        for s in all[window.lowerBound..<(window.lowerBound + local)] { indent.append(s == "\t" ? "\t" : " ") }
        let width = max(1, min(highlight.upperBound, window.upperBound) - col)
        return [
            "\(pad) |",
            "\(gutter) | " + (startCut ? "…" : "") + String(shown) + (endCut ? "…" : ""),
            "\(pad) | " + indent + paint("^" + String(repeating: "~", count: max(0, width - 1)), "1;32"),
        ]
    }

    /// Where a line's content ends: before trailing blanks and a trailing comment.
    static func contentEnd(_ scalars: [Unicode.Scalar]) -> Int {
        var end = scalars.count
        // A ' #' starts a comment outside quotes; good enough for underlining.
        var quote: Unicode.Scalar?
        for (i, s) in scalars.enumerated() {
            if let q = quote {
                if s == q { quote = nil }
            } else if s == "'" || s == "\"" {
                quote = s
            } else if s == "#", i == 0 || scalars[i - 1] == " " || scalars[i - 1] == "\t" {
                end = i
                break
            }
        }
        while end > 0, scalars[end - 1] == " " || scalars[end - 1] == "\t" { end -= 1 }
        return end
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
