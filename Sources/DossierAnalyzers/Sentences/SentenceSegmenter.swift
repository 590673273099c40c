public import DossierCore

/// Splits English text into sentences with a rule-based scanner over Unicode scalars.
///
/// The rules cover abbreviations (`Mr.`, `U.S.`, `e.g.`, `Inc.`), initials (`J. R. R. Tolkien`),
/// numbers and decimals, ellipses, quotes and brackets after a terminator, runs of `?` and `!`,
/// e-mail addresses and URLs, flattened numbered or bulleted lists, and line breaks. A value is
/// immutable and `Sendable`, so one segmenter can serve many tasks at once.
///
/// ```swift
/// let segmenter = SentenceSegmenter()
/// segmenter.segment("Mr. Lee arrived at 9 a.m. on Monday. He left early.")
/// // ["Mr. Lee arrived at 9 a.m. on Monday.", "He left early."]
/// ```
public struct SentenceSegmenter: Sendable {
    let table: AbbreviationTable

    /// Creates a segmenter.
    ///
    /// - Parameter extraAbbreviations: more abbreviations that may end a sentence but usually do
    ///   not, such as `Approx` or `Dept.`; case and a final period are ignored.
    public init(extraAbbreviations: [String] = []) {
        table = AbbreviationTable(extra: extraAbbreviations)
    }

    /// The sentences within `range` of `scalars`, as offsets into `scalars`.
    ///
    /// Each range is trimmed of surrounding whitespace; sentences never extend outside `range`.
    /// Text without any terminator is one sentence.
    public func segment(_ scalars: [Unicode.Scalar], in range: Range<Int>) -> [TextRange] {
        let clamped = max(0, min(range.lowerBound, scalars.count))..<max(0, min(range.upperBound, scalars.count))
        var scanner = SentenceScanner(scalars: scalars, range: clamped, table: table)
        return scanner.run().map(TextRange.init)
    }

    /// The sentences of `text`, each trimmed of surrounding whitespace.
    public func segment(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return segment(scalars, in: 0..<scalars.count).map { String(scalars: scalars[$0.offsets]) }
    }
}
