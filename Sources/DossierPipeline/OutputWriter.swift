import DossierCore
import Foundation

/// Writes exporters' renderings where the pipeline says, through each exporter's sink, in the
/// order articles are handed to it.
///
/// Used serially by the runner, so it needs no locking. Each exporter's target gets one
/// `TargetOutput` and, when the first article is written to it, one sink (`Exporter.makeSink`).
/// Every file is written aside under a hidden temporary name and renamed into place
/// (`AtomicFile`), so a reader of the output never sees half a file and a failure leaves the old
/// file as it was:
///
/// - an article's own files (`to: out/{id}.json`) are all written aside first, by every
///   per-article sink, and renamed only when every one of them was written whole, so a failed
///   article replaces none of its files; only then do the shared and standard-output sinks see it;
/// - a file shared by all articles (`to: out/all.jsonl`), and any batch file a sink adds beside a
///   target (`write(_:toFileNamed:)`), is assembled aside for the whole run and renamed over the
///   old file by `finish`, after the sinks' own `finish`; a failed write, a failing sink or an
///   interrupted run discards it and the old file stays.
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
    /// Files assembled for the whole run (shared outputs and batch files), by final path, in the
    /// order they were opened, with the exporters writing each.
    private var runFiles: [String: AtomicFile] = [:]
    private var runFileOrder: [String] = []
    private var runFileOwners: [String: Set<Int>] = [:]
    /// Files that failed; later writes to them are refused.
    private var failedFiles: Set<String> = []
    private(set) var written: [String] = []
    /// Problems with outputs as a whole (not one article's), in the order they happened.
    private(set) var outputProblems: [Diagnostic] = []
    /// Warnings sinks add through their context; taken by `takeSinkWarnings`.
    private let sinkWarnings = Locked<[Diagnostic]>([])
    /// Per exporter, the same for every article, so worked out once.
    private var outputs: [TargetOutput] = []
    private var sinks: [(any ExportSink)?] = []
    private var failed: [Bool] = []
    /// Exporters in the order their sinks were opened, for finishing in that order.
    private var opened: [Int] = []
    /// The article being written and the files its per-article sinks have staged, by exporter.
    private var current: (safeID: String, article: String)?
    private var staged: [Int: AtomicFile] = [:]

    init(
        pipeline: Pipeline, base: String?, standardOutput: @escaping @Sendable (Data) -> Void, temporaryFiles: TemporaryFiles,
        inputs: Locked<Set<FileIdentity>>
    ) {
        self.pipeline = pipeline
        self.base = URL(fileURLWithPath: base ?? FileManager.default.currentDirectoryPath, isDirectory: true).standardizedFileURL
        self.standardOutput = standardOutput
        self.temporaryFiles = temporaryFiles
        self.inputs = inputs
        outputs = pipeline.exporters.enumerated().map { n, step in
            let kind: ExportOutputKind
            switch step.target {
            case .stdout: kind = .standardOutput
            case .path where step.target.isPerArticle:
                let folder =
                    step.target.fixedFolder(pipeline: pipeline.name, exporter: step.name, ext: step.info.fileExtensions.first ?? "out")
                    ?? ""
                kind = .perArticle(folder: url(folder.isEmpty ? "." : folder).path)
            case .path: kind = .sharedFile(path: finalPath(step, id: "", index: 0) ?? "")
            }
            return TargetOutput(kind: kind, exporter: n, writer: self)
        }
        sinks = Array(repeating: nil, count: outputs.count)
        failed = Array(repeating: false, count: outputs.count)
    }

    /// Checks, before anything runs, that no shared output file is one of the inputs.
    func prepare() throws(Diagnostic) {
        for (step, output) in zip(pipeline.exporters, outputs) {
            guard case .sharedFile(let path) = output.kind else { continue }
            if isInput(path) {
                throw Diagnostic(
                    code: "E470", "output '\(path)' of exporter '\(step.name)' is one of the run's inputs; write it elsewhere with 'to:'",
                    at: step.location)
            }
        }
    }

    /// The context a sink is opened with.
    private func sinkContext(_ n: Int) -> ExportContext {
        let warnings = sinkWarnings
        return ExportContext(
            pipeline: pipeline.name, exporter: pipeline.exporters[n].name, rendersThroughSink: true,
            warn: { diagnostic in warnings.withLock { $0.append(diagnostic) } })
    }

    /// Warnings sinks added since the last call.
    func takeSinkWarnings() -> [Diagnostic] {
        sinkWarnings.withLock { w in
            defer { w.removeAll() }
            return w
        }
    }

    /// Writes one article's renderings; throws a diagnostic naming the article when its own files
    /// cannot be written, in which case none of them was replaced and no shared output saw it.
    func write(_ document: Document, outputs renderings: [Data]) throws(Diagnostic) {
        index += 1
        current = (SafeFileName.component(document.id), document.id)
        defer {
            current = nil
            staged.removeAll()
        }
        let article = document.id
        // First every per-article sink, so that a failure leaves this article's files unwritten.
        do throws(Diagnostic) {
            for n in outputs.indices where outputs[n].kind.isPerArticle {
                guard var sink = sink(n) else { continue }
                do {
                    try sink.write(renderings[n], for: document)
                } catch let diagnostic as Diagnostic {
                    sinks[n] = sink
                    throw diagnostic
                } catch {
                    sinks[n] = sink
                    throw Diagnostic(
                        code: "E475", "the sink of exporter '\(pipeline.exporters[n].name)' failed: \(error)", article: article,
                        component: pipeline.exporters[n].name)
                }
                sinks[n] = sink
            }
            let files = staged.sorted { $0.key < $1.key }.map(\.value)
            for (k, file) in files.enumerated() {
                do {
                    try file.commit(sync: false)
                } catch {
                    for rest in files[(k + 1)...] { rest.discard() }
                    throw Diagnostic(code: "E408", error.description, article: article)
                }
                written.append(file.path)
            }
        } catch {
            for file in staged.values { file.discard() }
            throw error
        }
        usedPaths.formUnion(staged.values.map { Self.key($0.path) })
        for n in outputs.indices where !outputs[n].kind.isPerArticle {
            _ = writeShared(n) { sink in try sink.write(renderings[n], for: document) }
        }
    }

    /// Hands the open sink of shared or standard-output target `n` to `write`; a throw fails the
    /// whole target (its run files discarded). False when the target has failed, now or before.
    private func writeShared(_ n: Int, _ write: (inout any ExportSink) throws -> Void) -> Bool {
        guard var sink = sink(n) else { return false }
        do {
            try write(&sink)
            sinks[n] = sink
            return true
        } catch {
            // Put back first, so that `fail` discards this very sink.
            sinks[n] = sink
            fail(n, error)
            return false
        }
    }

    /// Answers a failed article on every shared or standard-output target whose exporter writes
    /// failures there (`Exporter.writesFailures(to:)`), in its place in input order; true when at
    /// least one of them wrote it, so that the output holds the failure. A per-article target has
    /// no file for an article that failed, so it gets none.
    func write(failure: ArticleFailure) -> Bool {
        var answered = false
        for n in outputs.indices where !outputs[n].kind.isPerArticle {
            guard pipeline.exporters[n].exporter.writesFailures(to: outputs[n].kind) else { continue }
            if writeShared(n, { sink in try sink.write(failure: failure) }) { answered = true }
        }
        return answered
    }

    /// The open sink of exporter `n`, opening it on first use; nil when its target has failed.
    /// On a per-article target a sink that cannot be opened fails the target, not the article.
    private func sink(_ n: Int) -> (any ExportSink)? {
        guard !failed[n] else { return nil }
        if let sink = sinks[n] { return sink }
        let step = pipeline.exporters[n]
        do {
            // A file written in place (a database) is the sink's own: nothing is assembled aside for it.
            if case .sharedFile(let path) = outputs[n].kind, !step.info.writesInPlace { _ = try runFile(path, of: n) }
            let sink = try step.exporter.makeSink(for: outputs[n], context: sinkContext(n))
            sinks[n] = sink
            opened.append(n)
            return sink
        } catch {
            fail(n, error)
            return nil
        }
    }

    /// Marks exporter `n`'s target failed: its sink is discarded, its run files too (with every
    /// other exporter writing them), and the problem is recorded.
    private func fail(_ n: Int, _ error: any Error) {
        let id = pipeline.exporters[n].name
        let message: String
        let code: String
        switch error {
        case let d as Diagnostic:
            (code, message) = (d.code, d.message)
        case let e as SystemError:
            (code, message) = ("E408", e.description)
        default:
            (code, message) = ("E475", "the sink of exporter '\(id)' failed: \(error)")
        }
        let consequence =
            if outputs[n].kind.isPerArticle {
                "this output writes no more files in this run"
            } else if pipeline.exporters[n].info.writesInPlace {
                "it writes nothing more in this run and keeps what it committed before"
            } else {
                "the output was discarded and any old file is unchanged"
            }
        outputProblems.append(Diagnostic(code: code, "\(message); \(consequence)", component: id))
        var affected: Set<Int> = [n]
        for (path, owners) in runFileOwners where owners.contains(n) {
            runFiles.removeValue(forKey: path)?.discard()
            failedFiles.insert(path)
            affected.formUnion(owners)
        }
        for m in affected {
            failed[m] = true
            sinks[m]?.discard()
            sinks[m] = nil
        }
    }

    // MARK: Writing for TargetOutput

    /// Appends to what exporter `n` writes now: the current article's file, the shared file, or
    /// standard output.
    fileprivate func append(_ data: Data, exporter n: Int) throws {
        switch outputs[n].kind {
        case .standardOutput:
            standardOutput(data)
        case .sharedFile(let path):
            if pipeline.exporters[n].info.writesInPlace {
                let name = pipeline.exporters[n].name
                throw Diagnostic(
                    code: "E476", "exporter '\(name)' writes '\(path)' in place, so its sink cannot also append bytes to it",
                    component: name)
            }
            try runFile(path, of: n).write(data)
        case .perArticle:
            let file = try articleFile(of: n)
            do throws(SystemError) {
                try file.write(data)
            } catch {
                throw Diagnostic(code: "E408", error.description, article: current?.article)
            }
        }
    }

    /// The file of the current article for exporter `n`, staged on first use.
    private func articleFile(of n: Int) throws -> AtomicFile {
        if let file = staged[n] { return file }
        let step = pipeline.exporters[n]
        guard let current else {
            throw Diagnostic(
                code: "E476",
                "exporter '\(step.name)' wrote to its per-article output outside an article; write batch files with 'toFileNamed:'",
                component: step.name)
        }
        let article = current.article
        guard let path = finalPath(step, id: current.safeID, index: index) else {
            throw Diagnostic(code: "E408", "exporter '\(step.name)' has no path for '\(article)'", article: article)
        }
        guard case .perArticle(let root) = outputs[n].kind else { preconditionFailure("not a per-article output") }
        try check(path, of: step, root: root, article: article)
        if staged.values.contains(where: { $0.path == path }) {
            throw Diagnostic(code: "E472", "two exporters would write '\(path)'; give them different 'to:' paths", article: article)
        }
        do {
            let file = try AtomicFile(path: path, registry: temporaryFiles)
            staged[n] = file
            return file
        } catch {
            throw Diagnostic(code: "E408", error.description, article: article)
        }
    }

    /// The file assembled for the whole run at `path`, opened on first use and owned by exporter `n`.
    private func runFile(_ path: String, of n: Int) throws -> AtomicFile {
        runFileOwners[path, default: []].insert(n)
        if let file = runFiles[path] { return file }
        if failedFiles.contains(path) {
            throw Diagnostic(code: "E408", "an earlier write to '\(path)' failed", component: pipeline.exporters[n].name)
        }
        let file = try AtomicFile(path: path, registry: temporaryFiles)
        runFiles[path] = file
        runFileOrder.append(path)
        return file
    }

    /// A batch file named `name` beside exporter `n`'s target.
    fileprivate func appendBatchFile(_ data: Data, named name: String, exporter n: Int) throws {
        let step = pipeline.exporters[n]
        let folder: String
        switch outputs[n].kind {
        case .standardOutput:
            throw Diagnostic(
                code: "E476",
                "exporter '\(step.name)' wrote the batch file '\(name)' but its output is standard output; give it a 'to:' path",
                component: step.name)
        case .sharedFile(let path): folder = (path as NSString).deletingLastPathComponent
        case .perArticle(let root): folder = root
        }
        guard !name.isEmpty, SafeFileName.component(name) == name, name != "." && name != ".." else {
            throw Diagnostic(
                code: "E477",
                "the batch file name '\(name)' of exporter '\(step.name)' is not a plain file name; drop any '/' and leading '.'",
                component: step.name)
        }
        let path = (folder as NSString).appendingPathComponent(name)
        if runFiles[path] == nil {
            if usedPaths.contains(Self.key(path)) || outputs.contains(where: { $0.kind == .sharedFile(path: path) }) {
                throw Diagnostic(
                    code: "E472", "output '\(path)' is already written in this run; it is not overwritten", component: step.name)
            }
            if isInput(path) {
                throw Diagnostic(
                    code: "E470", "output '\(path)' of exporter '\(step.name)' is one of the run's inputs; it is not overwritten",
                    component: step.name)
            }
            usedPaths.insert(Self.key(path))
        }
        try runFile(path, of: n).write(data)
    }

    /// The current article's file for exporter `n`, relative to its target's folder.
    fileprivate func articlePath(exporter n: Int) -> String? {
        guard let current, case .perArticle(let root) = outputs[n].kind,
            let path = finalPath(pipeline.exporters[n], id: current.safeID, index: index)
        else { return nil }
        let prefix = root == "/" ? "/" : root + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : nil
    }

    fileprivate func temporaryPath(exporter n: Int) -> String? {
        guard case .sharedFile(let path) = outputs[n].kind, !pipeline.exporters[n].info.writesInPlace else { return nil }
        return runFiles[path]?.temporaryPath
    }

    // MARK: Paths

    /// The absolute, standardized path an exporter writes for one article.
    private func finalPath(_ step: Pipeline.ExporterStep, id: String, index: Int) -> String? {
        guard
            let path = step.target.path(
                id: id, index: index, pipeline: pipeline.name, exporter: step.name, ext: step.info.fileExtensions.first ?? "out")
        else { return nil }
        return url(path).path
    }

    private func url(_ path: String) -> URL {
        (path.hasPrefix("/") ? URL(fileURLWithPath: path) : base.appendingPathComponent(path)).standardizedFileURL
    }

    /// Refuses a path outside its target's folder, written before in this run, or naming an input.
    private func check(_ path: String, of step: Pipeline.ExporterStep, root: String, article: String) throws(Diagnostic) {
        guard path.hasPrefix(root == "/" ? "/" : root + "/") else {
            throw Diagnostic(code: "E471", "output path '\(path)' would leave the folder '\(root)'; nothing was written", article: article)
        }
        if usedPaths.contains(Self.key(path)) {
            throw Diagnostic(
                code: "E472", "output '\(path)' was already written by an earlier article in this run; it is not overwritten",
                article: article)
        }
        if isInput(path) {
            throw Diagnostic(
                code: "E470", "output '\(path)' of exporter '\(step.name)' is one of the run's inputs; it is not overwritten",
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

    // MARK: Ending the run

    /// Finishes every open sink and moves every run file into place, or, when `keep` is false (an
    /// interrupted run), discards the sinks and files and leaves the old files as they were.
    func finish(keep: Bool) {
        for n in opened where !failed[n] {
            guard var sink = sinks[n] else { continue }
            sinks[n] = nil
            guard keep else {
                sink.discard()
                continue
            }
            do {
                try sink.finish()
                if pipeline.exporters[n].info.writesInPlace, case .sharedFile(let path) = outputs[n].kind { written.append(path) }
            } catch {
                fail(n, error)
            }
        }
        for path in runFileOrder {
            guard let file = runFiles.removeValue(forKey: path) else { continue }
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
        for n in sinks.indices {
            sinks[n]?.discard()
            sinks[n] = nil
        }
        for (_, file) in runFiles { file.discard() }
        runFiles.removeAll()
    }
}

/// One exporter's output target as its sink sees it; every write goes through the writer, which
/// keeps the files atomic and the paths safe. A sink that keeps it past its run gets an error, not
/// a write.
final class TargetOutput: ExportOutput {
    let kind: ExportOutputKind
    private let exporter: Int
    private weak var writer: OutputWriter?

    init(kind: ExportOutputKind, exporter: Int, writer: OutputWriter) {
        self.kind = kind
        self.exporter = exporter
        self.writer = writer
    }

    func write(_ data: Data) throws { try open().append(data, exporter: exporter) }

    var temporaryPath: String? { writer?.temporaryPath(exporter: exporter) }

    var articlePath: String? { writer?.articlePath(exporter: exporter) }

    func write(_ data: Data, toFileNamed name: String) throws {
        try open().appendBatchFile(data, named: name, exporter: exporter)
    }

    private func open() throws -> OutputWriter {
        guard let writer else {
            throw Diagnostic(code: "E476", "a sink wrote to its output after the run ended; write only from 'write' and 'finish'")
        }
        return writer
    }
}
