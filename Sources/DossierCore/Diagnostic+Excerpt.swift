extension Diagnostic {
    /// One line of an article's text with the span a problem concerns, for rendering with a caret
    /// and underline instead of bare offsets.
    ///
    /// Made from the article's scalars and a `TextRange`; a long line is cut to a window around
    /// the span, so one paragraph of a few megabytes cannot flood the terminal.
    public struct Excerpt: Hashable, Sendable {
        /// The text shown: the line, or the part of it around the span, without its line break.
        public var text: String
        /// The 1-based line of the article text it comes from.
        public var line: Int
        /// The highlighted scalars, as 0-based offsets into `text`; empty for an empty range.
        public var highlight: Range<Int>
        /// Whether `text` starts after the line does (an ellipsis goes before it).
        public var cutStart: Bool
        /// Whether `text` ends before the line does (an ellipsis goes after it).
        public var cutEnd: Bool
        /// The range in the article text, in Unicode scalar offsets.
        public var range: TextRange

        /// Creates an excerpt as given.
        public init(text: String, line: Int, highlight: Range<Int>, cutStart: Bool = false, cutEnd: Bool = false, range: TextRange) {
            self.text = text
            self.line = line
            self.highlight = highlight
            self.cutStart = cutStart
            self.cutEnd = cutEnd
            self.range = range
        }

        /// The most scalars of one line an excerpt keeps.
        public static let width = 120

        /// The line of `scalars` that `range` starts on, highlighting the part of `range` on it;
        /// nil when `range` lies outside the text or is reversed.
        public init?<Scalars: RandomAccessCollection<Unicode.Scalar>>(scalars: Scalars, range: TextRange) where Scalars.Index == Int {
            guard range.start >= 0, range.start <= range.end, range.end <= scalars.count else { return nil }
            var lineStart = range.start
            while lineStart > 0, scalars[lineStart - 1] != "\n" { lineStart -= 1 }
            var lineEnd = range.start
            while lineEnd < scalars.count, scalars[lineEnd] != "\n" { lineEnd += 1 }
            var line = 1
            for i in 0..<lineStart where scalars[i] == "\n" { line += 1 }
            let spanStart = range.start - lineStart
            let spanEnd = min(range.end, lineEnd) - lineStart
            let count = lineEnd - lineStart
            // Keep 40 scalars before the span, and as much of the span and after it as fits.
            var from = 0
            if count > Self.width { from = max(0, min(spanStart - 40, count - Self.width)) }
            let to = min(count, from + Self.width)
            var text = String.UnicodeScalarView()
            for i in (lineStart + from)..<(lineStart + to) {
                let s = scalars[i]
                text.append(s == "\t" || s == "\r" ? " " : s)
            }
            let highlight = (spanStart - from)..<max(spanStart - from, min(spanEnd, to) - from)
            self.init(text: String(text), line: line, highlight: highlight, cutStart: from > 0, cutEnd: to < count, range: range)
        }
    }
}
