public import DossierCore
import DossierPipeline
public import Foundation

/// Article-body extraction against the public benchmark: `DIR/html/*.html.gz` pages, read by a
/// reader chosen by id (`html` by default), and `DIR/ground-truth.json` (`{id: {articleBody}}`).
///
/// The body is the document text without the title, byline and caption blocks: the benchmark's
/// ground truth holds the running text only. Only the reader's `read` is timed, as the peers'
/// script times only the extractor.
public struct ExtractionEvaluation: Sendable {
    /// The blocks the benchmark does not count as body text (its annotators took the story's
    /// running text only).
    public static let nonBodyKinds: Set<BlockKind> = [.title, .byline, .caption]

    /// What a run read and how long the reader took.
    public struct Result: Sendable {
        /// How many pages were read.
        public var pages = 0
        /// Their size after decompression.
        public var bytes = 0
        /// The time spent inside the reader's `read`, in seconds.
        public var seconds = 0.0
        /// The article body found on each page, by page id (empty when the page failed).
        public var bodies: [String: String] = [:]
        /// `id: error` for each page the reader refused.
        public var failures: [String] = []
    }

    /// The reader under evaluation.
    public let reader: any Reader

    /// Evaluates `reader`.
    public init(reader: any Reader) {
        self.reader = reader
    }

    /// Evaluates the reader `readerID` of `registry`, created with its default options.
    public init(registry: Registry, readerID: String = "html") throws {
        reader = try Self.reader(readerID, in: registry)
    }

    /// The reader `id` of `registry` with its default options; `E465` when there is none.
    static func reader(_ id: String, in registry: Registry) throws -> any Reader {
        guard let entry = registry.readers[id] else {
            let known = registry.ids(.reader).map { "'\($0)'" }.joined(separator: ", ")
            throw EvaluationError(code: "E465", "no reader '\(id)' in the registry; register it or choose one of \(known)")
        }
        return try entry.make(ValueOptionsDecoder())
    }

    /// The body text the benchmark scores: every block but titles, bylines and captions.
    public static func articleBody(_ document: Document) -> String {
        document.blocks.filter { !nonBodyKinds.contains($0.kind) }.map { document.text(in: $0.range) }.joined(separator: "\n")
    }

    /// Reads every page of `directory/html` in name order.
    public func run(directory: URL) throws -> Result {
        let htmlDir = directory.appendingPathComponent("html")
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: htmlDir.path).filter { $0.hasSuffix(".html.gz") }.sorted()
        } catch {
            throw EvaluationError(
                code: "E466",
                "cannot list pages in '\(htmlDir.path)': \(error.localizedDescription);"
                    + " give the directory holding html/ and ground-truth.json"
            )
        }
        var result = Result()
        for name in names {
            let id = String(name.dropLast(".html.gz".count))
            let data: Data
            do {
                data = try Gzip.decompress(Data(contentsOf: htmlDir.appendingPathComponent(name)))
            } catch {
                throw EvaluationError(code: "E467", "cannot read '\(name)': \(error); check that it is a gzip-compressed page")
            }
            result.pages += 1
            result.bytes += data.count
            let start = DispatchTime.now().uptimeNanoseconds
            let read = Swift.Result<[Document], any Error> { try reader.read(Input(id: id, name: name, data: data)) }
            result.seconds += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            switch read {
            case .success(let documents): result.bodies[id] = documents.first.map(Self.articleBody) ?? ""
            case .failure(let error):
                result.failures.append("\(id): \(error)")
                result.bodies[id] = ""
            }
        }
        return result
    }

    /// The expected bodies of `directory/ground-truth.json`, by page id.
    public static func groundTruth(in directory: URL) throws -> [String: String] {
        do {
            let url = directory.appendingPathComponent("ground-truth.json")
            return try JSONDecoder().decode([String: [String: String?]].self, from: Data(contentsOf: url)).mapValues {
                ($0["articleBody"] ?? nil) ?? ""
            }
        } catch {
            throw EvaluationError(
                code: "E468", "cannot read ground-truth.json in '\(directory.path)': \(error); it must map ids to {articleBody}")
        }
    }
}
