/// What the first pass of the quote rules, and the tokens, need to know of a scalar, as bits, for the scalars
/// below U+2070 (Latin, Greek, Cyrillic and other alphabets, and general punctuation: nearly all
/// of news text).
///
/// The first pass classifies 64 scalars at a time through this table (`ScalarClasses`), then
/// reads words and marks out of bit masks. The table is built from the scanner's own predicates,
/// so that both ways of scanning agree.
enum QuoteScanClass {
    /// A letter that starts or continues a word (`QuoteScanner.isLetter`).
    static let letter: UInt8 = 1
    /// An ASCII digit, which continues a word but does not start one.
    static let digit: UInt8 = 2
    /// An apostrophe or hyphen, which continues a word when a letter follows it.
    static let joiner: UInt8 = 4
    /// A quotation mark or apostrophe (`QuoteScanner.isQuoteMark`).
    static let mark: UInt8 = 8
    /// A scalar the table does not describe: the pass reads it one scalar at a time.
    static let unknown: UInt8 = 16
    /// A space (`QuoteScanner.isSpace`), which tokens leave out.
    static let space: UInt8 = 32

    /// How many scalars the table covers: U+0000 to U+206F.
    static let limit: UInt32 = 0x2070

    /// The classes of the scalars below `limit`.
    static let table: [UInt8] = (0..<limit).map { c in
        typealias S = QuoteScanner<UInt32>
        var bits: UInt8 = 0
        if S.isLetter(c) { bits |= letter }
        if S.isDigit(c) { bits |= digit }
        if c == 0x27 || c == 0x2019 || c == 0x2D { bits |= joiner }
        if S.isQuoteMark(c) { bits |= mark }
        if S.isSpace(c) { bits |= space }
        return bits
    }
}
