import DossierCore
import DossierPipeline
import Foundation

/// Small components written for the pipeline tests, so that planning and running can be checked
/// without depending on what the built-in analyzers find.

/// Reads any bytes as one document whose text is the bytes as UTF-8.
struct RawReader: Reader {
    static let id = "raw"
    static let summary = "Reads bytes as text"
    static let fileExtensions = ["raw"]
    init(options: NoOptions) {}
    func read(_ input: Input) throws -> [Document] {
        guard let text = String(data: input.data, encoding: .utf8) else { throw ComponentError(code: "E410", "not UTF-8") }
        return [Document(id: input.id, text: text)]
    }
}

/// Provides `sentences`: one per line; throws on a line that says FAIL.
struct LineAnalyzer: Analyzer {
    struct Options: ComponentOptions {
        var failOn = "FAIL"
        var delayMilliseconds = 0
        /// Waits (a suspended task, no thread held) rather than sleeps.
        var waitMilliseconds = 0
        var slowOn = ""
        init() {}
        static let help = [
            "failOn": "throw on a line equal to this", "delayMilliseconds": "sleep before answering",
            "waitMilliseconds": "wait before answering, holding no thread",
            "slowOn": "sleep only when the text holds this (empty: always)",
        ]
    }
    static let id = "lines"
    static let summary = "One sentence per line"
    static let provides: Set<LayerID> = [.sentences]
    let options: Options
    static func validate(_ options: Options) throws {
        if options.delayMilliseconds < 0 { throw ComponentError("'delayMilliseconds' must not be negative", option: "delayMilliseconds") }
    }
    init(options: Options) throws {
        self.options = options
    }
    func analyze(_ document: Document, context: AnalysisContext) async throws -> Annotations {
        let slow = options.slowOn.isEmpty || document.text.contains(options.slowOn)
        if slow && options.delayMilliseconds > 0 { usleep(UInt32(options.delayMilliseconds * 1000)) }
        if slow && options.waitMilliseconds > 0 { try? await Task.sleep(for: .milliseconds(options.waitMilliseconds)) }
        var result = Annotations()
        var start = 0
        for line in document.text.split(separator: "\n", omittingEmptySubsequences: false) {
            let count = line.unicodeScalars.count
            if line == options.failOn { throw ComponentError("found '\(line)'", range: TextRange(start: start, end: start + count)) }
            if count > 0 { result.sentences.append(Sentence(range: TextRange(start: start, end: start + count))) }
            start += count + 1
        }
        return result
    }
}

/// Requires `sentences`, provides `metrics`: the sentence count.
struct CountAnalyzer: Analyzer {
    static let id = "count"
    static let summary = "Counts sentences"
    static let requires: Set<LayerID> = [.sentences]
    static let provides: Set<LayerID> = [.metrics]
    init(options: NoOptions) {}
    func analyze(_ document: Document, context: AnalysisContext) throws -> Annotations {
        var result = Annotations()
        result.metrics.append(Metric(name: "sentences", value: Double(document.annotations.sentences.count)))
        return result
    }
}

/// Provides `findings` and needs nothing: independent of the others.
struct ShoutAnalyzer: Analyzer {
    static let id = "shout"
    static let summary = "Flags capitals"
    static let provides: Set<LayerID> = [.findings]
    init(options: NoOptions) {}
    func analyze(_ document: Document, context: AnalysisContext) throws -> Annotations {
        var result = Annotations()
        if document.text.contains("!") { result.findings.append(Finding(kind: "shout", message: "exclamation")) }
        return result
    }
}

/// Declares `metrics` but writes `claims`: the runner must refuse it.
struct SneakyAnalyzer: Analyzer {
    static let id = "sneaky"
    static let summary = "Writes what it did not declare"
    static let provides: Set<LayerID> = [.metrics]
    init(options: NoOptions) {}
    func analyze(_ document: Document, context: AnalysisContext) throws -> Annotations {
        var result = Annotations()
        result.claims.append(ClaimAnnotation(id: "c1", range: TextRange(start: 0, end: 1), checkWorthiness: 1))
        return result
    }
}

/// Returns a range past the end of the text.
struct OverrunAnalyzer: Analyzer {
    static let id = "overrun"
    static let summary = "Returns a range past the text"
    static let provides: Set<LayerID> = [.dates]
    init(options: NoOptions) {}
    func analyze(_ document: Document, context: AnalysisContext) throws -> Annotations {
        var result = Annotations()
        result.dates.append(DateMention(range: TextRange(start: 0, end: document.length + 5), value: nil))
        return result
    }
}

/// Returns a reversed range, as a careless plug-in might, on articles that say REVERSE.
struct ReversedAnalyzer: Analyzer {
    static let id = "reversed"
    static let summary = "Returns a range that ends before it starts"
    static let provides: Set<LayerID> = [.dates]
    init(options: NoOptions) {}
    func analyze(_ document: Document, context: AnalysisContext) throws -> Annotations {
        var result = Annotations()
        if document.text.contains("REVERSE") { result.dates.append(DateMention(range: TextRange(start: 3, end: 1), value: nil)) }
        return result
    }
}

/// Two analyzers that need each other's layers.
struct ChickenAnalyzer: Analyzer {
    static let id = "chicken"
    static let summary = "Needs eggs"
    static let requires: Set<LayerID> = ["eggs"]
    static let provides: Set<LayerID> = ["chickens"]
    init(options: NoOptions) {}
    func analyze(_ document: Document, context: AnalysisContext) throws -> Annotations { Annotations() }
}

struct EggAnalyzer: Analyzer {
    static let id = "egg"
    static let summary = "Needs chickens"
    static let requires: Set<LayerID> = ["chickens"]
    static let provides: Set<LayerID> = ["eggs"]
    init(options: NoOptions) {}
    func analyze(_ document: Document, context: AnalysisContext) throws -> Annotations { Annotations() }
}

/// Writes the id, the sentence count and the metrics, one line.
struct SummaryExporter: Exporter {
    static let id = "summary"
    static let summary = "One line per article"
    static let fileExtension = "txt"
    init(options: NoOptions) {}
    func export(_ document: Document, context: ExportContext) throws -> Data {
        let metrics = document.annotations.metrics.map { "\($0.name)=\(Int($0.value))@\($0.producer.component)" }.joined(separator: ",")
        return Data("\(document.id) sentences=\(document.annotations.sentences.count) \(metrics)\n".utf8)
    }
}

/// Needs `quotes`, which nothing in the test registry provides.
struct QuoteExporter: Exporter {
    static let id = "quote-list"
    static let summary = "Needs quotes"
    static let fileExtension = "txt"
    static let requires: Set<LayerID> = [.quotes]
    init(options: NoOptions) {}
    func export(_ document: Document, context: ExportContext) throws -> Data { Data() }
}

func testRegistry() throws -> Registry {
    var registry = Registry()
    try registry.register(reader: RawReader.self)
    try registry.register(reader: MultiReader.self)
    for analyzer: any Analyzer.Type in [
        LineAnalyzer.self, CountAnalyzer.self, ShoutAnalyzer.self, SneakyAnalyzer.self, OverrunAnalyzer.self, ReversedAnalyzer.self,
        ChickenAnalyzer.self, EggAnalyzer.self,
    ] {
        try register(analyzer, in: &registry)
    }
    try registry.register(exporter: SummaryExporter.self)
    try registry.register(exporter: QuoteExporter.self)
    return registry
}

private func register<A: Analyzer>(_ type: A.Type, in registry: inout Registry) throws {
    try registry.register(analyzer: type)
}

/// A fresh temporary folder, removed by the caller.
func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Collects what a run writes to standard output.
final class OutputCapture: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func append(_ d: Data) {
        lock.lock()
        data.append(d)
        lock.unlock()
    }
    var text: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: data, as: UTF8.self)
    }
}

/// Reads articles separated by `---` lines; an article reading BROKEN fails on its own.
struct MultiReader: Reader {
    static let id = "multi"
    static let summary = "Several articles per input"
    static let fileExtensions = ["multi"]
    init(options: NoOptions) {}
    func read(_ input: Input) throws -> [Document] {
        try readEach(input).compactMap { try? $0.get() }
    }
    func readEach(_ input: Input) throws -> [Result<Document, ComponentError>] {
        let text = String(decoding: input.data, as: UTF8.self)
        return text.components(separatedBy: "\n---\n").enumerated().map { n, part in
            part == "BROKEN"
                ? .failure(ComponentError(code: "E499", "item \(n + 1) is broken"))
                : .success(Document(id: "\(input.id)-\(n + 1)", text: part))
        }
    }
}

/// Which `token`s the "expensive" test components were created with, so a test can tell whether
/// lint, plan or a run created one. Each test uses a token of its own, so tests running at the
/// same time do not see each other's.
enum Construction {
    static let tokens = Locked<[String: Int]>([:])
    static func record(_ token: String) { tokens.withLock { $0[token, default: 0] += 1 } }
    static func count(_ token: String) -> Int { tokens.withLock { $0[token] ?? 0 } }
}

/// Stands for an analyzer that loads a model in `init`: records that it was created; validates
/// `threshold` (1 to 10) and `labels` (none empty) without being created.
struct ModelAnalyzer: Analyzer {
    struct Options: ComponentOptions {
        var token = ""
        var threshold = 5
        var labels: [String] = ["person"]
        var failInit = false
        init() {}
    }
    static let id = "model"
    static let summary = "Pretends to load a model"
    static let provides: Set<LayerID> = [.findings]
    static func validate(_ options: Options) throws {
        if !(1...10).contains(options.threshold) {
            throw ComponentError(code: "E240", "'threshold' must be from 1 to 10, not '\(options.threshold)'", option: "threshold")
        }
        if let i = options.labels.firstIndex(of: "") {
            throw ComponentError(code: "E240", "a label cannot be empty", option: "labels[\(i)]")
        }
    }
    init(options: Options) throws {
        Construction.record(options.token)
        if options.failInit { throw ComponentError(code: "E240", "the model file is missing", option: "failInit") }
    }
    func analyze(_ document: Document, context: AnalysisContext) throws -> Annotations { Annotations() }
}

/// Stands for a reader that is costly to create: records that it was created, so a test can tell
/// that `auto` creates a reader only for an input that needs it. Its token is its extension.
struct CostlyReader: Reader {
    static let id = "costly"
    static let summary = "Reads .costly files"
    static let fileExtensions = ["costly"]
    init(options: NoOptions) { Construction.record("costly-reader") }
    func read(_ input: Input) throws -> [Document] { [Document(id: input.id, text: String(decoding: input.data, as: UTF8.self))] }
}

/// Like the example's `tsv-summary`: `columns` must name known columns, checked by `validate` with a
/// did-you-mean and a path to the bad item, so lint points at that item.
struct ColumnsExporter: Exporter {
    struct Options: ComponentOptions {
        var columns = ["id", "title"]
        init() {}
    }
    static let id = "columns"
    static let summary = "Writes chosen columns"
    static let fileExtension = "tsv"
    static let known = ["id", "title", "words"]
    static func validate(_ options: Options) throws {
        for (i, column) in options.columns.enumerated() where !known.contains(column) {
            throw ComponentError("unknown column '\(column)'\(Suggestions.hint(column, among: known))", option: "columns[\(i)]")
        }
    }
    init(options: Options) {}
    func export(_ document: Document, context: ExportContext) throws -> Data { Data("\(document.id)\n".utf8) }
}

/// The test registry with the components that record their creation, and `columns`.
func validationRegistry() throws -> Registry {
    var registry = try testRegistry()
    try registry.register(reader: CostlyReader.self)
    try registry.register(analyzer: ModelAnalyzer.self)
    try registry.register(exporter: ColumnsExporter.self)
    return registry
}
