import DossierCore
import Foundation

/// Writes exporters' bytes where the pipeline says, in the order articles are handed to it.
///
/// Used only from the runner's collecting loop, so it needs no locking. Per-article files are
/// written atomically; a file shared by all articles is written aside and moved into place by
/// `finish`, so a reader of the output never sees half a file.
final class OutputWriter {
    private let pipeline: Pipeline
    private let base: URL
    private let standardOutput: @Sendable (Data) -> Void
    private var usedIDs: Set<String> = []
    private var index = 0
    /// Shared files being assembled: final path → handle on the temporary file.
    private var shared: [String: (temporary: URL, handle: FileHandle)] = [:]
    private var sharedOrder: [String] = []
    private(set) var written: [String] = []

    init(pipeline: Pipeline, base: String?, standardOutput: @escaping @Sendable (Data) -> Void) {
        self.pipeline = pipeline
        self.base = URL(fileURLWithPath: base ?? FileManager.default.currentDirectoryPath, isDirectory: true)
        self.standardOutput = standardOutput
    }

    /// Writes one article's outputs; throws a diagnostic naming the article when a file cannot be written.
    func write(_ document: Document, outputs: [Data]) throws(Diagnostic) {
        index += 1
        var id = document.id
        var n = 2
        while usedIDs.contains(id) {
            id = "\(document.id)-\(n)"
            n += 1
        }
        usedIDs.insert(id)
        // First everything that can fail, so that a failure leaves this article's files unwritten.
        var perArticle: [(URL, Data)] = []
        for (step, data) in zip(pipeline.exporters, outputs) {
            guard case .path = step.target, step.target.isPerArticle else { continue }
            let path = step.target.path(id: id, index: index, pipeline: pipeline.name, exporter: step.info.id, ext: step.info.fileExtensions.first ?? "out")!
            perArticle.append((url(path), data))
        }
        var done: [URL] = []
        for (target, data) in perArticle {
            do {
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: target, options: .atomic)
                done.append(target)
            } catch {
                for url in done { try? FileManager.default.removeItem(at: url) }
                throw Diagnostic(code: "E408", "cannot write '\(target.path)': \((error as NSError).localizedDescription)", article: document.id)
            }
        }
        written += done.map(\.path)
        for (step, data) in zip(pipeline.exporters, outputs) {
            switch step.target {
            case .stdout:
                standardOutput(data)
            case .path where !step.target.isPerArticle:
                let path = step.target.path(id: id, index: index, pipeline: pipeline.name, exporter: step.info.id, ext: step.info.fileExtensions.first ?? "out")!
                try append(data, to: path, article: document.id)
            default:
                break
            }
        }
    }

    private func url(_ path: String) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path) : base.appendingPathComponent(path)
    }

    private func append(_ data: Data, to path: String, article: String) throws(Diagnostic) {
        do {
            if shared[path] == nil {
                let final = url(path)
                try FileManager.default.createDirectory(at: final.deletingLastPathComponent(), withIntermediateDirectories: true)
                let temporary = final.deletingLastPathComponent().appendingPathComponent(".\(final.lastPathComponent).dossier-\(ProcessInfo.processInfo.processIdentifier)")
                guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
                    throw CocoaError(.fileWriteNoPermission)
                }
                shared[path] = (temporary, try FileHandle(forWritingTo: temporary))
                sharedOrder.append(path)
            }
            try shared[path]!.handle.write(contentsOf: data)
        } catch {
            throw Diagnostic(code: "E408", "cannot write '\(path)': \((error as NSError).localizedDescription)", article: article)
        }
    }

    /// Moves every shared file into place.
    func finish() throws(Diagnostic) {
        for path in sharedOrder {
            guard let (temporary, handle) = shared.removeValue(forKey: path) else { continue }
            let final = url(path)
            do {
                try handle.close()
                if FileManager.default.fileExists(atPath: final.path) { _ = try FileManager.default.replaceItemAt(final, withItemAt: temporary) } else {
                    try FileManager.default.moveItem(at: temporary, to: final)
                }
                written.append(final.path)
            } catch {
                throw Diagnostic(code: "E408", "cannot write '\(final.path)': \((error as NSError).localizedDescription)")
            }
        }
    }

    /// Removes temporary files left by a failed `finish`.
    func discard() {
        for (_, entry) in shared {
            try? entry.handle.close()
            try? FileManager.default.removeItem(at: entry.temporary)
        }
        shared.removeAll()
    }
}
