import DossierCore
import Foundation

/// One unit of the runner's work, in input order.
enum WorkItem: Sendable {
    /// An input read whole: a file, bytes in memory, or standard input.
    case whole(InputSource)
    /// Bytes already read from standard input under its id and name.
    case bytes(id: String, name: String, Data)
    /// One line of an input streamed line by line.
    case line(LineWork)
    /// A problem with an input as a whole or with one of its lines, reported as its own failure.
    case failure(Diagnostic, bytes: Int)

    /// The name progress shows for it.
    var name: String {
        switch self {
        case .whole(let source): source.name
        case .bytes(_, let name, _): name
        case .line(let work): "\(work.inputName):\(work.number)"
        case .failure(let diagnostic, _): diagnostic.article ?? ""
        }
    }
}

/// One line of a streamed input and the reader that reads it.
struct LineWork: Sendable {
    var reader: Pipeline.ReaderStep
    var data: Data
    /// The 1-based line number.
    var number: Int
    /// Its position among the input's non-blank lines, for `input#n` names.
    var position: Int
    var inputID: String
    var inputName: String
}

/// A bounded hand-off from the input thread, which may block in `read(2)`, to the runner's
/// tasks, which must not: `send` blocks the thread while the buffer is full (backpressure), and
/// `next` suspends the task while it is empty. Cancelling makes both return at once. (Unchecked:
/// `state` is only touched under `condition`'s lock.)
final class WorkChannel: @unchecked Sendable {
    private struct State {
        var buffer: [WorkItem] = []
        var head = 0
        var finished = false
        var cancelled = false
        var waiter: CheckedContinuation<WorkItem?, Never>?
    }

    // A condition variable rather than a DispatchSemaphore: libdispatch traps when a semaphore
    // is released below its initial count, which a cancelled run would do.
    private let condition = NSCondition()
    private var state = State()
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    private func locked<R>(_ body: (inout State) -> R) -> R {
        condition.lock()
        defer { condition.unlock() }
        return body(&state)
    }

    var isCancelled: Bool { locked { $0.cancelled } }

    /// Hands over one item, waiting for room; false when the channel was cancelled.
    func send(_ item: WorkItem) -> Bool {
        condition.lock()
        while !state.cancelled && state.waiter == nil && state.buffer.count - state.head >= capacity { condition.wait() }
        if state.cancelled {
            condition.unlock()
            return false
        }
        if let waiter = state.waiter {
            state.waiter = nil
            condition.unlock()
            waiter.resume(returning: item)
            return true
        }
        state.buffer.append(item)
        condition.unlock()
        return true
    }

    /// No more items will come.
    func finish() {
        let waiter = locked { s in
            s.finished = true
            defer { s.waiter = nil }
            return s.head == s.buffer.count ? s.waiter : nil
        }
        waiter?.resume(returning: nil)
    }

    /// Stops the channel: the sender's next `send` returns false and `next` returns nil.
    func cancel() {
        let waiter = locked { s in
            s.cancelled = true
            defer { s.waiter = nil }
            return s.waiter
        }
        condition.broadcast()
        waiter?.resume(returning: nil)
    }

    /// The next item, or nil when the input is exhausted or the channel (or the task) is cancelled.
    func next() async -> WorkItem? {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<WorkItem?, Never>) in
                let result: WorkItem?? = locked { s in
                    if s.cancelled { return .some(nil) }
                    if s.head < s.buffer.count {
                        let item = s.buffer[s.head]
                        s.head += 1
                        if s.head > 64 && s.head * 2 > s.buffer.count {
                            s.buffer.removeFirst(s.head)
                            s.head = 0
                        }
                        return .some(item)
                    }
                    if s.finished { return .some(nil) }
                    s.waiter = continuation
                    return .none
                }
                if case .some(let item) = result {
                    condition.signal()
                    continuation.resume(returning: item)
                }
            }
        } onCancel: {
            cancel()
        }
    }
}
