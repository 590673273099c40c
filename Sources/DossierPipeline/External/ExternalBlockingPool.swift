import DossierCore
import Foundation

/// The copies of an external program serving a synchronous component (a reader's `read`, an
/// exporter's `export`), handed to one input at a time each: a caller waits on a condition, not a
/// continuation, and each copy's I/O runs on its own dispatch queue, never on Swift's task pool.
final class ExternalBlockingPool: @unchecked Sendable {
    private let program: ExternalProgram
    private let shared = Locked(ExternalWorker.Shared())
    private let condition = NSCondition()
    private var idle: [ExternalWorker] = []
    private var made = 0

    init(program: ExternalProgram) { self.program = program }

    var handshake: ExternalHandshake? { shared.withLock { $0.handshake } }

    /// Sends `request` to an idle copy, reads its answer line with `read`, and starts that copy
    /// afresh when the answer is unusable (any error but the program's own `error`, E728), since
    /// its later answers may be out of step with what it is sent.
    func exchange<T>(_ request: [UInt8], read: ([UInt8]) throws(ComponentError) -> T) throws(ComponentError) -> T {
        let worker = acquire()
        defer { release(worker) }
        let answered = Result { () throws(ComponentError) in try read(try worker.exchangeNow(request)) }
        if case .failure(let error) = answered, error.code != "E728" { worker.restart() }
        return try answered.get()
    }

    private func acquire() -> ExternalWorker {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let worker = idle.popLast() { return worker }
            if made < max(1, program.processes) {
                made += 1
                return ExternalWorker(program: program, shared: shared, index: made - 1)
            }
            condition.wait()
        }
    }

    private func release(_ worker: ExternalWorker) {
        condition.lock()
        idle.append(worker)
        condition.signal()
        condition.unlock()
    }
}
