import DossierCore
import Foundation

/// Writes exporters' bytes where the pipeline says, in the order articles are handed to it.
///
/// Used serially by the runner, so it needs no locking. Every file is written aside under a
/// hidden temporary name and renamed into place (`AtomicFile`), so a reader of the output never
/// sees half a file and a failure leaves the old file as it was:
///
/// - an article's own files (`to: out/{id}.json`) are all written aside first and renamed only
///   when every one of them was written whole, so a failed article replaces none of its files;
/// - a file shared by all articles (`to: out/all.jsonl`) is assembled aside for the whole run and
///   renamed over the old file by `finish`; a failed write, or an interrupted run, discards it
///   and the old file stays.
///
/// Ids come from article data, so each is made a safe file name (`SafeFileName`) before it is
/// placed in a path, the final path is checked to stay in its target's folder, no path is written
/// twice in one run, and no output may replace one of the run's inputs.
final class OutputWriter {
    private let pipeline: Pipeline
    private let base: URL
    private let standardOutput: @Sendable (Data) -> Void
    private let temporaryFiles: TemporaryFiles
    private let inputs: Locked<Set<FileIdentity>>
    private var index = 0
    /// Final paths written in this run, to refuse a second write to the same one.
    private var usedPaths: Set<String> = []
    /// Shared files being assembled, by final path, in the order they were opened.
    private var shared: [String: AtomicFile] = [:]
    private var sharedOrder: [String] = []
    /// Shared files whose write failed; later articles skip them.
    private var failedShared: Set<String> = []
    private(set) var written: [String] = []
    /// Problems with outputs as a whole (not one article's), in the order they happened.
    private(set) var outputProblems: [Diagnostic] = []
    /// Per exporter, the same for every article, so worked out once: the final path of a shared
    /// output, and the folder a per-article output must stay in.
    private var sharedPaths: [String?] = []
    private var roots: [String?] = []

    init(
        pipeline: Pipeline, base: String?, standardOutput: @escaping @Sendable (Data) -> Void, temporaryFiles: TemporaryFiles,
        inputs: Locked<Set<FileIdentity>>
    ) {
        self.pipeline = pipeline
        self.base = URL(fileURLWithPath: base ?? FileManager.default.currentDirectoryPath, isDirectory: true).standardizedFileURL
        self.standardOutput = standardOutput
        self.temporaryFiles = temporaryFiles
        self.inputs = inputs
        sharedPaths = pipeline.exporters.map { step in step.target.isPerArticle ? nil : finalPath(step, id: "", index: 0) }
        roots = pipeline.exporters.map { step in
            guard step.target.isPerArticle, let folder = step.target.fixedFolder else { return nil }
            return url(folder.isEmpty ? "." : folder).path
        }
    }

    /// Checks, before anything runs, that no shared output file is one of the inputs.
    func prepare() throws(Diagnostic) {
        for (step, shared) in zip(pipeline.exporters, sharedPaths) {
            guard let path = shared else { continue }
            if isInput(path) {
                throw Diagnostic(
                    code: "E470", "output '\(path)' of exporter '\(step.info.id)' is one of the run's inputs; write it elsewhere with 'to:'",
                    at: step.location)
            }
        }
    }

    /// Writes one article's outputs; throws a diagnostic naming the article when they cannot be
    /// written, in which case none of its own files was replaced.
    func write(_ document: Document, outputs: [Data]) throws(Diagnostic) {
        index += 1
        let safeID = SafeFileName.component(document.id)
        let article = document.id
        // First everything that can fail, so that a failure leaves this article's files unwritten.
        var pending: [AtomicFile] = []
        var paths: Set<String> = []
        do throws(Diagnostic) {
            for (n, (step, data)) in zip(pipeline.exporters, outputs).enumerated() where step.target.isPerArticle {
                guard let path = finalPath(step, id: safeID, index: index) else { continue }
                try check(path, of: step, root: roots[n], article: article)
                guard paths.insert(path).inserted else {
                    throw Diagnostic(code: "E472", "two exporters would write '\(path)'; give them different 'to:' paths", article: article)
                }
                let file: AtomicFile
                do {
                    file = try AtomicFile(path: path, registry: temporaryFiles)
                    pending.append(file)
                    try file.write(data)
                } catch {
                    throw Diagnostic(code: "E408", error.description, article: article)
                }
            }
            for file in pending {
                do { try file.commit(sync: false) } catch { throw Diagnostic(code: "E408", error.description, article: article) }
                written.append(file.path)
            }
        } catch {
            pending.forEach { $0.discard() }
            throw error
        }
        usedPaths.formUnion(paths.map(Self.key))
        for (n, (step, data)) in zip(pipeline.exporters, outputs).enumerated() {
            if case .stdout = step.target {
                standardOutput(data)
            } else if let path = sharedPaths[n] {
                append(data, to: path, of: step)
            }
        }
    }

    /// The absolute, standardized path an exporter writes for one article.
    private func finalPath(_ step: Pipeline.ExporterStep, id: String, index: Int) -> String? {
        guard
            let path = step.target.path(
                id: id, index: index, pipeline: pipeline.name, exporter: step.info.id, ext: step.info.fileExtensions.first ?? "out")
        else { return nil }
        return url(path).path
    }

    private func url(_ path: String) -> URL {
        (path.hasPrefix("/") ? URL(fileURLWithPath: path) : base.appendingPathComponent(path)).standardizedFileURL
    }

    /// Refuses a path outside its target's folder, written before in this run, or naming an input.
    private func check(_ path: String, of step: Pipeline.ExporterStep, root: String?, article: String) throws(Diagnostic) {
        if let root {
            guard path.hasPrefix(root == "/" ? "/" : root + "/") else {
                throw Diagnostic(code: "E471", "output path '\(path)' would leave the folder '\(root)'; nothing was written", article: article)
            }
        }
        if usedPaths.contains(Self.key(path)) {
            throw Diagnostic(
                code: "E472", "output '\(path)' was already written by an earlier article in this run; it is not overwritten",
                article: article)
        }
        if isInput(path) {
            throw Diagnostic(
                code: "E470", "output '\(path)' of exporter '\(step.info.id)' is one of the run's inputs; it is not overwritten",
                article: article)
        }
    }

    private func isInput(_ path: String) -> Bool {
        guard let identity = FileIdentity(path: path) else { return false }
        return inputs.withLock { $0.contains(identity) }
    }

    /// How paths are compared for "written twice": exactly on Linux; case-insensitively on macOS,
    /// whose file systems usually are.
    private static func key(_ path: String) -> String {
        #if os(macOS)
        path.lowercased()
        #else
        path
        #endif
    }

    private func append(_ data: Data, to path: String, of step: Pipeline.ExporterStep) {
        guard !failedShared.contains(path) else { return }
        do throws(SystemError) {
            if shared[path] == nil {
                shared[path] = try AtomicFile(path: path, registry: temporaryFiles)
                sharedOrder.append(path)
            }
            try shared[path]!.write(data)
        } catch {
            shared.removeValue(forKey: path)?.discard()
            failedShared.insert(path)
            outputProblems.append(
                Diagnostic(code: "E408", "\(error.description); the output was discarded and any old file is unchanged", component: step.info.id))
        }
    }

    /// Moves every shared file into place, or, when `keep` is false (an interrupted run),
    /// discards them all and leaves the old files as they were.
    func finish(keep: Bool) {
        for path in sharedOrder {
            guard let file = shared.removeValue(forKey: path) else { continue }
            guard keep else {
                file.discard()
                outputProblems.append(
                    Diagnostic(.warning, code: "W470", "the run was interrupted: '\(path)' was not replaced; any old file is unchanged"))
                continue
            }
            do {
                try file.commit(sync: true)
                written.append(path)
            } catch {
                outputProblems.append(Diagnostic(code: "E408", "\(error.description); any old file is unchanged"))
            }
        }
    }

    /// Removes every temporary file still open.
    func discard() {
        for (_, file) in shared { file.discard() }
        shared.removeAll()
    }
}
