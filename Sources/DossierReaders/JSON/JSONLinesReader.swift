public import DossierCore
public import Foundation

/// The `jsonl` reader: one article per line, as generic article JSON or Dossier document JSON.
///
/// Each non-blank line is read like one object of the `json` reader, with the same field mapping;
/// a line with `"format": "dossier"` is read with `Document(jsonData:)`. Lines may end in `\n` or
/// `\r\n`, the last one may lack its line break, blank lines are ignored, and a line may be of
/// any length. Ids come from the mapped id field, else `<input id>-<line number>`, so an id does
/// not change when an earlier line is fixed or removed; a mapped document's `origin` is
/// `<input name>:<line number>`.
///
/// A bad line does not sink the file: it is skipped and the other lines are read. The line
/// numbers of skipped lines can be seen as gaps in the origins, and `readReport` returns every
/// skipped line with its error. The file fails only when no line can be read (with the first
/// problem and the count), or at the first bad line when `skipBadLines` is false. Error codes
/// are the `json` reader's (`JSONReader.ErrorCode`), each message naming the line.
public struct JSONLinesReader: LineReader {
    public static let id = "jsonl"
    public static let summary = "reads one article per line (JSON Lines): article objects through a field mapping, or Dossier document JSON"
    public static let fileExtensions = ["jsonl", "ndjson"]

    /// The options the reader was created with.
    public let options: Options

    /// Creates the reader with the default options, which cannot fail.
    public init() {
        options = Options()
    }

    /// Throws when a path in `fields` has an empty segment; creates nothing, for `dossier lint` and `dossier plan`.
    public static func validate(_ options: Options) throws {
        try options.fields.validate()
    }

    /// Creates the reader; throws what `validate` throws.
    public init(options: Options) throws {
        try Self.validate(options)
        self.options = options
    }

    /// Whether `head` looks like JSON Lines: its first line is a whole object on one line (it
    /// opens with `{` and closes with `}`) and the next non-blank line opens another.
    ///
    /// A single-line object is left to the `json` reader, and so is pretty-printed JSON, whose
    /// first line (`{`) does not close. The lines themselves are not parsed, so a stream whose
    /// first line is broken is still taken as JSON Lines, and that line fails alone. The runner
    /// hands sniffers the input up to its second line break (at most 1 MiB), so a long first line
    /// is seen whole.
    public static func sniff(_ head: Data) -> Bool {
        let lines = Self.lines(of: head)
        guard lines.count >= 2, firstNonBlank(lines[1].data) == UInt8(ascii: "{") else { return false }
        let first = lines[0].data
        let last = first.last { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }
        return firstNonBlank(first) == UInt8(ascii: "{") && last == UInt8(ascii: "}")
    }

    private static func firstNonBlank(_ data: Data) -> UInt8? {
        data.first { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }
    }

    public func read(_ input: Input) throws -> [Document] {
        let (result, total) = try readWithTotal(input)
        return try result.documentsOrThrow(total: total, unit: "line", name: input.name)
    }

    /// Every line in order, so the runner reports each skipped one as a failed article of its own;
    /// throws only when none could be read.
    public func readEach(_ input: Input) throws -> [Result<Document, ComponentError>] {
        let (result, total) = try readWithTotal(input)
        _ = try result.documentsOrThrow(total: total, unit: "line", name: input.name)
        return result.outcomes
    }

    /// The documents read and every line skipped, with its line number and error.
    public func readReport(_ input: Input) throws -> JSONReadResult {
        try readWithTotal(input).result
    }

    private func readWithTotal(_ input: Input) throws -> (result: JSONReadResult, total: Int) {
        let mapper = ArticleMapper(fields: options.fields, detectHTML: options.detectHTML)
        var result = JSONReadResult(documents: [], skipped: [])
        var total = 0
        for (number, line) in Self.lines(of: input.data) {
            total += 1
            do {
                result.add(try read(line: line, number: number, inputID: input.id, inputName: input.name, mapper: mapper))
            } catch let error as ComponentError {
                if !options.skipBadLines { throw error }
                result.skip(.init(position: number, error: error))
            }
        }
        if total == 0 {
            throw ComponentError(
                code: JSONReader.ErrorCode.empty, "input '\(input.name)' is empty; a JSON Lines file holds one JSON object per line")
        }
        return (result, total)
    }

    /// Reads one line, the way `read(_:)` reads each line of a whole input; the runner calls this
    /// to stream a file or standard input line by line.
    public func read(line: Data, number: Int, inputID: String, inputName: String) throws -> Document {
        try read(
            line: line, number: number, inputID: inputID, inputName: inputName,
            mapper: ArticleMapper(fields: options.fields, detectHTML: options.detectHTML))
    }

    private func read(line: Data, number: Int, inputID: String, inputName: String, mapper: ArticleMapper) throws -> Document {
        let label = "line \(number) of '\(inputName)'"
        do {
            let root = try JSONTree.parse(line, what: label)
            guard let object = root as? [String: Any] else {
                throw ComponentError(
                    code: JSONReader.ErrorCode.notArticles, "\(label) is \(JSONReader.kind(of: root)), not an article object")
            }
            if JSONReader.isDossierDocument(object) {
                return try JSONReader.dossierDocument(line, what: label)
            }
            if JSONReader.isFailureRecord(object) {
                let error = object["error"] as? [String: Any]
                let cause = [error?["code"] as? String, error?["message"] as? String].compactMap { $0 }.joined(separator: ": ")
                throw ComponentError(
                    code: JSONReader.ErrorCode.failureRecord,
                    "\(label) is the failure record of an earlier run (\(cause.isEmpty ? "no cause given" : "'\(cause.prefix(200))'")), not an article; run that record again from its input"
                )
            }
            return try mapper.document(
                from: object, fallbackID: "\(inputID)-\(number)", origin: "\(inputName):\(number)", provenance: Self.provenance)
        } catch let error as ComponentError {
            throw error.message.hasPrefix(label) ? error : ComponentError(code: error.code, "\(label): \(error.message)")
        }
    }

    /// The id the line's article has or would have had: a Dossier document's `id`, the mapped id
    /// field, else `<input id>-<line number>` as for an article without one (a line that is not
    /// a JSON object included, so that every failed line is still named).
    public func recordID(line: Data, number: Int, inputID: String) -> String? {
        let fallback = "\(inputID)-\(number)"
        guard let object = (try? JSONTree.parse(line, what: "")) as? [String: Any] else { return fallback }
        if JSONReader.isDossierDocument(object) || JSONReader.isFailureRecord(object) {
            return (object["id"] as? String) ?? fallback
        }
        return ArticleMapper(fields: options.fields, detectHTML: options.detectHTML).id(of: object) ?? fallback
    }

    /// The non-blank lines of `data` with their 1-based numbers, without line breaks (`\n` or
    /// `\r\n`) and without a byte-order mark on the first.
    static func lines(of data: Data) -> [(number: Int, data: Data)] {
        var lines: [(Int, Data)] = []
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            let bytes = buffer.bindMemory(to: UInt8.self)
            var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            var number = 1
            while start <= bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != 0x0A { end += 1 }
                var stop = end
                if stop > start, bytes[stop - 1] == 0x0D { stop -= 1 }
                let isBlank = bytes[start..<stop].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
                if !isBlank { lines.append((number, Data(bytes[start..<stop]))) }
                number += 1
                start = end + 1
            }
        }
        return lines
    }
}
