public import DossierCore
public import Foundation

/// The `json` reader: Dossier's own document JSON, or generic article JSON through a field mapping.
///
/// A top-level object with `"format": "dossier"` is read with `Document(jsonData:)`, so what the
/// `json` exporter wrote comes back exactly, annotations and all. Anything else is generic
/// article JSON: one object, an array of objects, or a wrapper such as `{"articles": […]}`
/// (see `Options.itemsPath`); each object becomes a document through `Options.fields` (see
/// `ArticleFields`), with a `title` block, a lede and paragraphs. Items of an array that are
/// themselves Dossier documents are read as such. Ids come from the mapped id field, else the
/// input's id, with `-1`, `-2`, … (the item's 1-based position) for arrays.
///
/// An item that cannot be read is skipped and the others are returned; the input fails only when
/// no item can be read (`readReport` lists what was skipped). Error codes: `E450` empty input or
/// no articles, `E451` not valid JSON (syntax, truncated, not UTF-8, nested deeper than
/// Foundation's limit of 512), `E452` JSON that holds no article objects where expected, `E453` a
/// Dossier document that does not read back (its `E70x` reason in the message), `E454` an article
/// with no title or text under the mapped fields, `E455` an unusable option, `E456` an HTML body
/// libxml2 cannot read whole (nested more than 256 elements deep), `E457` a number too large for
/// a double, `E458` an HTML body with an element of more than 256 attributes, `E462` an input
/// larger than `Options.maxBytes`.
public struct JSONReader: Reader {
    public static let id = "json"
    public static let summary =
        "reads Dossier document JSON losslessly, or article JSON (objects, arrays, wrappers) through a field mapping"
    public static let fileExtensions = ["json"]

    /// The stable error codes of the `json` and `jsonl` readers.
    public enum ErrorCode {
        /// The input is empty or holds no articles.
        public static let empty = "E450"
        /// The input is not valid JSON.
        public static let invalidJSON = "E451"
        /// The JSON holds something other than article objects where they were expected.
        public static let notArticles = "E452"
        /// A Dossier document that cannot be read back.
        public static let invalidDossierDocument = "E453"
        /// An article with no title or text under the mapped fields.
        public static let noText = "E454"
        /// An option value is unusable.
        public static let badOption = "E455"
        /// An HTML body that libxml2 cannot read whole, such as one nested more than 256 deep.
        public static let unreadableHTML = "E456"
        /// A number too large for a double, such as `1e400`.
        public static let numberOutOfRange = "E457"
        /// An HTML body with an element of more than 256 attributes, which libxml2 reads in quadratic time.
        public static let overAttributedHTML = "E458"
        /// A failure record (`"format": "dossier-error"`) that an earlier run wrote in a failed
        /// article's place, read back as if it were an article.
        public static let failureRecord = "E459"
        /// An input larger than the `json` reader's `maxBytes`.
        public static let tooLarge = "E462"
    }

    /// Keys tried, in order, for the array of articles when `itemsPath` is empty.
    static let wrapperKeys = ["articles", "items", "data", "results", "entries", "posts", "documents", "stories"]

    /// The options the reader was created with.
    public let options: Options

    /// Creates the reader with the default options, which cannot fail.
    public init() {
        options = Options()
    }

    /// Throws when a path in `itemsPath` or `fields` has an empty segment, or `maxBytes` is not
    /// positive; creates nothing, for `dossier lint` and `dossier plan`.
    public static func validate(_ options: Options) throws {
        try options.fields.validate()
        try MaxBytes.validate(options.maxBytes, code: ErrorCode.badOption, example: 64 << 20, withinDocument: false)
        if !options.itemsPath.isEmpty, options.itemsPath.split(separator: ".", omittingEmptySubsequences: false).contains(where: \.isEmpty)
        {
            throw ComponentError(
                code: ErrorCode.badOption,
                "the items path '\(options.itemsPath)' has an empty segment; write dotted keys such as 'response.docs'",
                option: "itemsPath")
        }
    }

    /// Creates the reader; throws what `validate` throws.
    public init(options: Options) throws {
        try Self.validate(options)
        self.options = options
    }

    /// Whether `head` opens with `{` after whitespace and an optional byte-order mark.
    ///
    /// A top-level array is left to the extension: `[` also opens many plain-text and Markdown
    /// files. Input that looks like JSON Lines (see `JSONLinesReader.sniff`) is left to `jsonl`,
    /// whichever reader `auto` asks first.
    public static func sniff(_ head: Data) -> Bool {
        var bytes = head[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        let first = bytes.first { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) }
        return first == UInt8(ascii: "{") && !JSONLinesReader.sniff(head)
    }

    public func read(_ input: Input) throws -> [Document] {
        let (result, total) = try readWithTotal(input)
        return try result.documentsOrThrow(total: total, unit: "item", name: input.name)
    }

    /// Every item in order, so the runner reports each skipped one as a failed article of its own.
    ///
    /// Throws only for problems with the whole input: empty, not JSON, no articles where the items
    /// path points, or no item that could be read.
    public func readEach(_ input: Input) throws -> [Result<Document, ComponentError>] {
        let (result, total) = try readWithTotal(input)
        _ = try result.documentsOrThrow(total: total, unit: "item", name: input.name)
        return result.outcomes
    }

    /// The documents read and every item skipped, with its position and error.
    ///
    /// Throws only for problems with the whole input: empty, not JSON, or no articles where the
    /// items path points.
    public func readReport(_ input: Input) throws -> JSONReadResult {
        try readWithTotal(input).result
    }

    private func readWithTotal(_ input: Input) throws -> (result: JSONReadResult, total: Int) {
        try MaxBytes.check(
            input, maxBytes: options.maxBytes, code: ErrorCode.tooLarge,
            advice: "write a large collection as JSON Lines (one article a line, read a line at a time) or raise the 'maxBytes' option")
        guard input.data.contains(where: { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) }) else {
            throw ComponentError(code: ErrorCode.empty, "input '\(input.name)' is empty; a JSON article file holds an object or an array")
        }
        let root = try JSONTree.parse(input.data, what: "input '\(input.name)'")
        if let object = root as? [String: Any], Self.isDossierDocument(object) {
            return (JSONReadResult(documents: [try Self.dossierDocument(input.data, what: "input '\(input.name)'")], skipped: []), 1)
        }
        let (items, isList) = try items(in: root, name: input.name)
        let mapper = ArticleMapper(fields: options.fields, detectHTML: options.detectHTML)
        var result = JSONReadResult(documents: [], skipped: [])
        for (index, item) in items.enumerated() {
            let position = index + 1
            let label = isList ? "item \(position) of '\(input.name)'" : "input '\(input.name)'"
            do {
                guard let object = item as? [String: Any] else {
                    throw ComponentError(code: ErrorCode.notArticles, "\(label) is \(Self.kind(of: item)), not an article object")
                }
                if Self.isDossierDocument(object) {
                    let data = try JSONSerialization.data(withJSONObject: object)
                    result.add(try Self.dossierDocument(data, what: label))
                } else {
                    result.add(
                        try mapper.document(
                            from: object, fallbackID: isList ? "\(input.id)-\(position)" : input.id, origin: input.name,
                            provenance: Self.provenance))
                }
            } catch let error as ComponentError {
                let message = error.message.hasPrefix(label) ? error.message : "\(label): \(error.message)"
                result.skip(.init(position: position, error: ComponentError(code: error.code, message)))
            }
        }
        return (result, items.count)
    }

    /// The article items of `root` and whether they came from a list.
    private func items(in root: Any, name: String) throws -> ([Any], Bool) {
        if !options.itemsPath.isEmpty {
            switch JSONTree.value(at: options.itemsPath, in: root) {
            case let array as [Any]: return (array, true)
            case let object as [String: Any]: return ([object], false)
            case nil:
                let keys =
                    (root as? [String: Any]).map { $0.keys.sorted().map { "'\($0)'" }.joined(separator: ", ") } ?? "none (it is a list)"
                throw ComponentError(
                    code: ErrorCode.notArticles,
                    "input '\(name)' has nothing at the items path '\(options.itemsPath)'; its top-level keys are \(keys)",
                    option: "itemsPath")
            case let other?:
                throw ComponentError(
                    code: ErrorCode.notArticles,
                    "the items path '\(options.itemsPath)' of '\(name)' holds \(Self.kind(of: other)), not a list of articles",
                    option: "itemsPath")
            }
        }
        if let array = root as? [Any] { return (array, true) }
        if let object = root as? [String: Any] {
            for key in Self.wrapperKeys { if let array = object[key] as? [Any] { return (array, true) } }
            return ([object], false)
        }
        return ([root], false)
    }

    /// Whether an object says it is a Dossier document.
    static func isDossierDocument(_ object: [String: Any]) -> Bool {
        (object["format"] as? String) == DocumentJSON.format
    }

    /// Whether `object` is the failure record an earlier run wrote in a failed article's place.
    static func isFailureRecord(_ object: [String: Any]) -> Bool {
        (object["format"] as? String) == ArticleFailure.format
    }

    /// A Dossier document read from `data`, with its `DocumentJSONError` turned into `E453`.
    static func dossierDocument(_ data: Data, what: String) throws -> Document {
        do {
            return try Document(jsonData: data)
        } catch let error as DocumentJSONError {
            throw ComponentError(
                code: ErrorCode.invalidDossierDocument, "\(what) is a Dossier document that cannot be read: \(error.code) \(error)")
        } catch {
            throw ComponentError(code: ErrorCode.invalidDossierDocument, "\(what) is a Dossier document that cannot be read: \(error)")
        }
    }

    /// How a JSON value is named in messages: `a list`, `a string`, …
    static func kind(of value: Any) -> String {
        switch value {
        case is [Any]: "a list"
        case is [String: Any]: "an object"
        case is String: "a string"
        case is NSNull: "null"
        case is NSNumber: "a number"
        default: "a value"
        }
    }
}
