public import Foundation

/// A reader whose format holds one article per line, such as JSON Lines, so that the runner can
/// stream an input of any length instead of reading it whole.
///
/// The runner reads such an input line by line (files and standard input alike), in bounded
/// memory, and hands each non-blank line to `read(line:number:inputID:inputName:)` as soon as it
/// arrives; each line then runs, succeeds or fails on its own. `read(_:)` and `readEach(_:)` are
/// still used for inputs that arrive whole, such as bytes in memory or a decompressed `.gz` file.
public protocol LineReader: Reader {
    /// Reads the article on one line.
    ///
    /// - Parameters:
    ///   - line: the line's bytes, without its line break.
    ///   - number: its 1-based line number in the input, for fallback ids and messages.
    ///   - inputID: the id of the input the line belongs to (a file's stem, `stdin`).
    ///   - inputName: the input's name for messages: a path, or `-` for standard input.
    func read(line: Data, number: Int, inputID: String, inputName: String) throws -> Document

    /// The id the article on `line` has, or would have had: asked only when the line failed, so
    /// that a failure record in the output names the record it answers (`ArticleFailure.id`).
    /// Nil by default (and when the line gives no id), and then the failure has no id.
    func recordID(line: Data, number: Int, inputID: String) -> String?
}

extension LineReader {
    public func recordID(line: Data, number: Int, inputID: String) -> String? { nil }
}
