public import DossierCore
public import DossierPipeline
public import Foundation

/// Runs a pipeline on texts held in memory and hands back what it wrote to standard output, for
/// testing components together the way a user's pipeline runs them.
///
/// ```swift
/// var registry = Registry.standard
/// try registry.register(analyzer: MyAnalyzer.self)
/// let run = try await InMemoryRunner(registry: registry).run("""
///     version: 1
///     reader: text
///     analyzers: [sentences, my-analyzer]
///     exporters: [json]
///     """, inputs: [("story.txt", "A title\n\nA body.")])
/// #expect(run.summary.allSucceeded)
/// let documents = try run.documents()   // the json exporter's output, read back
/// ```
///
/// Exporters without a `to:` write to standard output, which the runner captures; an exporter
/// with a file path writes files as in a real run (in `outputDirectory`). Nothing is read from
/// or written to the process's own standard streams.
public struct InMemoryRunner: Sendable {
    /// What one run gave.
    public struct Result: Sendable {
        /// Everything the exporters wrote to standard output, in input order.
        public var output: Data
        /// The run's summary, with every diagnostic.
        public var summary: RunSummary

        /// `output` as UTF-8 text.
        public var text: String { String(decoding: output, as: UTF8.self) }
        /// Every diagnostic of the run, errors and warnings.
        public var diagnostics: [Diagnostic] { summary.diagnostics }

        /// The documents in `output`, when it is what the `json` exporter writes to standard
        /// output (documents one after another, pretty or one per line).
        public func documents() throws -> [Document] {
            try JSONDocumentStream.split(output).map { try Document(jsonData: $0) }
        }
    }

    /// The components the pipeline may name.
    public var registry: Registry
    /// How many articles run at once.
    public var jobs: Int
    /// Where relative output paths go; a fresh temporary folder when nil.
    public var outputDirectory: String?

    /// Creates a runner over `registry`.
    public init(registry: Registry, jobs: Int = 1, outputDirectory: String? = nil) {
        self.registry = registry
        self.jobs = jobs
        self.outputDirectory = outputDirectory
    }

    /// Loads the pipeline `yaml` (throwing its `LintReport` when it has errors) and runs it on
    /// `inputs`, each a file name (whose extension `reader: auto` uses) and its text.
    public func run(_ yaml: String, inputs: [(name: String, text: String)]) async throws -> Result {
        let pipeline = try PipelineLoader(registry: registry, environment: [:]).load(text: yaml, file: "pipeline.yaml")
        return await run(pipeline, inputs: inputs.map { .data(name: $0.name, Data($0.text.utf8)) })
    }

    /// Runs a loaded pipeline on `inputs`.
    public func run(_ pipeline: Pipeline, inputs: [InputSource]) async -> Result {
        let captured = Locked(Data())
        let runner = Runner(
            pipeline: pipeline, jobs: jobs, outputDirectory: outputDirectory,
            standardOutput: { data in captured.withLock { $0.append(data) } })
        let summary = await runner.run(inputs)
        return Result(output: captured.withLock { $0 }, summary: summary)
    }
}

/// Splits concatenated JSON documents (pretty or one per line) at their top-level object ends.
enum JSONDocumentStream {
    static func split(_ data: Data) -> [Data] {
        var parts: [Data] = []
        var depth = 0
        var inString = false
        var escaped = false
        var start: Data.Index?
        for i in data.indices {
            let byte = data[i]
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"):
                if depth == 0 { start = i }
                depth += 1
            case UInt8(ascii: "}"):
                depth -= 1
                if depth == 0, let s = start { parts.append(data[s...i]) }
            default: break
            }
        }
        return parts
    }
}
