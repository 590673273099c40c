public import DossierCore
import Foundation

/// An analyzer that is a program in any language, speaking JSON Lines over its standard input and
/// output (`Docs/ExternalComponents.md`): a pipeline names it with an `exec:` entry.
///
/// One long-lived copy of the program (or `processes` copies, for concurrency) serves the whole
/// run: it states its handshake, then answers each document line with one result line. Whatever
/// goes wrong with one document (a timeout, a crash, a line that is not JSON, a layer it did not
/// declare) fails that document with a diagnostic naming the program, and the run goes on; a
/// program that crashed or was stopped is started again for the next document.
public struct ExternalAnalyzer: Analyzer {
    public typealias Options = ExternalProgram

    /// The pipeline key that names an external program; not a registered id.
    public static let id = "exec"
    public static let summary = "runs an external program that speaks JSON Lines (see Docs/ExternalComponents.md)"
    /// Declared per program, in the pipeline file or its manifest: the runner and the planner use
    /// the step's `ComponentInfo`, which carries them.
    public static var provides: Set<LayerID> { [] }

    /// The program as declared.
    public let program: ExternalProgram
    private let pool: Pool

    public init(options: ExternalProgram) throws {
        program = options
        pool = Pool(program: options)
    }

    public func analyze(_ document: Document, context: AnalysisContext) async throws -> Annotations {
        let request = try [UInt8](document.jsonData(pretty: false, newline: true))
        let worker = await pool.acquire()
        defer { pool.release(worker) }
        let line = try await worker.exchange(request)
        let result = Result { () throws(ComponentError) in try answer(line, for: document, context: context) }
        if case .failure(let error) = result, error.code != "E727", error.code != "E728" {
            // A program that answers something else than a result may be out of step with the
            // documents it is sent: start it afresh. Its own 'error' leaves it in step.
            worker.restart()
        }
        return try result.get()
    }

    public func shutdown(_ context: AnalysisContext) async {
        await pool.stopAll()
    }

    /// The annotations in one result line: `{"id": …, "layers": {name: [items]}}`, or
    /// `{"id": …, "error": "…"}`, with optional `"warnings": ["…"]`.
    func answer(_ line: [UInt8], for document: Document, context: AnalysisContext) throws(ComponentError) -> Annotations {
        let value = try ExternalAnswer.parse(
            line, id: document.id, program: program, what: "document", failing: "analyze the article",
            warn: { context.warn($0, code: "W720", document: document) })
        var annotations = Annotations()
        guard let layers = value["layers"] else { return annotations }
        guard case .object(let pairs) = layers else {
            throw ComponentError(code: "E726", "\(program.label): 'layers' must be an object of layer names to lists of items")
        }
        let undeclared = pairs.map { LayerID(rawValue: $0.key) }.filter { !program.provides.contains($0) }
        if !undeclared.isEmpty {
            throw ComponentError(
                code: "E727",
                "\(program.label) wrote layer \(ExternalHandshake.list(Set(undeclared))) it does not declare; "
                    + "declare it in 'provides:' (and in its handshake), or stop writing it")
        }
        for (name, items) in pairs {
            guard case .array(let list) = items else {
                throw ComponentError(code: "E726", "\(program.label): layer '\(name)' must be a list of objects")
            }
            var kept: [JSONValue] = []
            kept.reserveCapacity(list.count)
            for item in list {
                guard case .object(let members) = item else {
                    throw ComponentError(code: "E726", "\(program.label): each item of layer '\(name)' must be an object")
                }
                // The covered text is the JSON writer's to add, and the producer the runner's to stamp.
                kept.append(.object(members.filter { $0.key != "text" && $0.key != "producer" }))
            }
            annotations.setJSON(kept, of: LayerID(rawValue: name))
        }
        return annotations
    }

    /// The copies of the program, handed to one document at a time each.
    final class Pool: @unchecked Sendable {
        private struct State {
            var idle: [ExternalWorker] = []
            var all: [ExternalWorker] = []
            var waiting: [CheckedContinuation<ExternalWorker, Never>] = []
        }

        private let program: ExternalProgram
        private let shared = Locked(ExternalWorker.Shared())
        private let state = Locked(State())

        init(program: ExternalProgram) { self.program = program }

        func acquire() async -> ExternalWorker {
            // An idle copy, or room for a new one, without suspending (the usual case).
            if let ready = state.withLock({ take(&$0) }) { return ready }
            return await withCheckedContinuation { continuation in
                let worker: ExternalWorker? = state.withLock { s in
                    if let worker = take(&s) { return worker }
                    s.waiting.append(continuation)
                    return nil
                }
                if let worker { continuation.resume(returning: worker) }
            }
        }

        /// An idle copy, or a new one while there are fewer than `processes`.
        private func take(_ s: inout State) -> ExternalWorker? {
            if let idle = s.idle.popLast() { return idle }
            guard s.all.count < max(1, program.processes) else { return nil }
            let made = ExternalWorker(program: program, shared: shared, index: s.all.count)
            s.all.append(made)
            return made
        }

        func release(_ worker: ExternalWorker) {
            let waiter: CheckedContinuation<ExternalWorker, Never>? = state.withLock { s in
                if !s.waiting.isEmpty { return s.waiting.removeFirst() }
                s.idle.append(worker)
                return nil
            }
            waiter?.resume(returning: worker)
        }

        func stopAll() async {
            for worker in state.withLock({ $0.all }) { await worker.stop() }
        }
    }
}
