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
    public func segment(_ scalars: ScalarBuffer, in range: Range<Int>) -> [TextRange] {
        // One switch on the width per span, then a scanner specialised for that width's code units.
        switch scalars.width {
        case 1: scalars.withUnits(as: UInt8.self) { segment(ScalarUnits($0), in: range) }
        case 2: scalars.withUnits(as: UInt16.self) { segment(ScalarUnits($0), in: range) }
        default: scalars.withUnits(as: UInt32.self) { segment(ScalarUnits($0), in: range) }
        }
    }

    /// The sentences within `range` of any random-access collection of scalars indexed from 0,
    /// such as `[Unicode.Scalar]`, as offsets into it.
    public func segment<Scalars: RandomAccessCollection<Unicode.Scalar>>(_ scalars: Scalars, in range: Range<Int>) -> [TextRange]
    where Scalars.Index == Int {
        let clamped = max(0, min(range.lowerBound, scalars.count))..<max(0, min(range.upperBound, scalars.count))
        var scanner = SentenceScanner(scalars: scalars, range: clamped, table: table)
        return scanner.run().map(TextRange.init)
    }

    /// The sentences of `text`, each trimmed of surrounding whitespace.
    public func segment(_ text: String) -> [String] {
        let scalars = ScalarBuffer(text)
        return segment(scalars, in: 0..<scalars.count).map { String(scalars: scalars[$0.offsets]) }
    }
}
