public import DossierCore

/// What the `json` and `jsonl` readers read from one input: the documents, and the items or
/// lines they had to skip.
///
/// `Reader.read` can only return documents or throw, and one bad line in a file of thousands
/// should not cost the rest. So `read` returns the good documents and throws only when nothing
/// could be read; callers that want to report what was skipped call `readReport` instead and
/// get every problem with its position.
public struct JSONReadResult: Sendable {
    /// An item or line that could not be read.
    public struct Skipped: Sendable, CustomStringConvertible {
        /// The 1-based line (for `jsonl`) or item index (for a JSON array).
        public var position: Int
        /// Why, with a stable code.
        public var error: ComponentError

        /// Creates a record of a skipped item.
        public init(position: Int, error: ComponentError) {
            self.position = position
            self.error = error
        }

        /// `E451: line 3 of 'feed.jsonl' is not valid JSON: …`.
        public var description: String { "\(error.code ?? "error"): \(error.message)" }
    }

    /// The documents read, in input order.
    public var documents: [Document]
    /// What was skipped, in input order.
    public var skipped: [Skipped]
    /// Every item or line in input order, read or not: what `readEach(_:)` hands the runner.
    public var outcomes: [Result<Document, ComponentError>] = []

    /// Creates a result.
    public init(documents: [Document], skipped: [Skipped]) {
        self.documents = documents
        self.skipped = skipped
        self.outcomes = documents.map { .success($0) } + skipped.map { .failure($0.error) }
    }

    /// Records a document read.
    mutating func add(_ document: Document) {
        documents.append(document)
        outcomes.append(.success(document))
    }

    /// Records an item or line skipped.
    mutating func skip(_ skipped: Skipped) {
        self.skipped.append(skipped)
        outcomes.append(.failure(skipped.error))
    }

    /// The documents, or the reason none could be read.
    ///
    /// `total` is how many items or lines were tried, and `unit` names them (`line`, `item`), for
    /// the message.
    func documentsOrThrow(total: Int, unit: String, name: String) throws -> [Document] {
        if !documents.isEmpty { return documents }
        guard let first = skipped.first else {
            throw ComponentError(code: JSONReader.ErrorCode.empty, "input '\(name)' holds no articles")
        }
        if skipped.count == 1 { throw first.error }
        throw ComponentError(
            code: first.error.code,
            "none of the \(total) \(unit)s of '\(name)' could be read; the first problem: \(first.error.message)")
    }
}
