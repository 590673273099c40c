public import DossierCore
public import Foundation

/// An output target that keeps what a sink writes in memory: one stream, or one file per article.
///
/// For testing a sink without a pipeline: make the sink with `Exporter.makeSink(for:context:)`
/// over a `MemoryOutput`, call `beginArticle()` before each write on a per-article output, then
/// read `stream`, `files` and `batchFiles`.
public final class MemoryOutput: ExportOutput {
    public let kind: ExportOutputKind
    /// What was written to standard output or the shared file.
    public private(set) var stream = Data()
    /// The files of a per-article output, one per `beginArticle()`, in order.
    public private(set) var files: [Data] = []
    /// Files of the batch written beside the target, by name.
    public private(set) var batchFiles: [String: Data] = [:]
    public var temporaryPath: String? { nil }
    /// The path `beginArticle(path:)` gave the current article's file.
    public private(set) var articlePath: String?

    /// Creates an empty output of `kind`.
    public init(kind: ExportOutputKind) { self.kind = kind }

    /// Starts the file of the next article on a per-article output, at `path` relative to the
    /// target's folder when given (what `articlePath` then says).
    public func beginArticle(path: String? = nil) {
        files.append(Data())
        articlePath = path
    }

    public func write(_ data: Data) throws {
        if kind.isPerArticle {
            if files.isEmpty { files.append(Data()) }
            files[files.count - 1].append(data)
        } else {
            stream.append(data)
        }
    }

    public func write(_ data: Data, toFileNamed name: String) throws { batchFiles[name, default: Data()].append(data) }
}
