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

    func acquire() -> ExternalWorker {
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

    func release(_ worker: ExternalWorker) {
        condition.lock()
        idle.append(worker)
        condition.signal()
        condition.unlock()
    }
}
