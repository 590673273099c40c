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
    /// A problem with an input as a whole or with one of its lines, reported as its own failure;
    /// `record` names the line when it is one (a line too long), nil for an input as a whole.
    case failure(Diagnostic, bytes: Int, record: Runner.Record? = nil)

    /// The bytes of data the item holds while it waits in the channel.
    var dataBytes: Int {
        switch self {
        case .bytes(_, _, let data): data.count
        case .line(let work): work.data.count
        case .whole, .failure: 0
        }
    }

    /// The name progress shows for it.
    var name: String {
        switch self {
        case .whole(let source): source.name
        case .bytes(_, let name, _): name
        case .line(let work): "\(work.inputName):\(work.number)"
        case .failure(let diagnostic, _, _): diagnostic.article ?? ""
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
///
/// Full means `capacity` items, or `byteBudget` bytes of data in the items (one item always fits,
/// whatever its size), so that streamed lines take bounded memory. A blocked sender is woken only
/// once the buffer has drained to half of both, not after every item: waking the input thread for
/// each small article cost more than reading it.
final class WorkChannel: @unchecked Sendable {
    private struct State {
        var buffer: [WorkItem] = []
        var head = 0
        var finished = false
        var cancelled = false
        /// Tasks waiting for an item, first come first served.
        var waiters: [Waiter] = []
        /// The position in input order of the next item handed out.
        var nextIndex = 0
        /// A task waiting to learn whether any input is left (`waitForInputOrEnd`).
        var watcher: CheckedContinuation<Bool, Never>?
        /// The data held by the buffered items.
        var bytes = 0
        /// Whether the sender waits for room.
        var senderWaiting = false

        /// Takes every task waiting out of the state, to tell them that no item will come.
        mutating func takeWaiting() -> Waiting {
            defer {
                waiters = []
                watcher = nil
            }
            return Waiting(waiters: waiters, watcher: watcher)
        }
    }

    private typealias Waiter = CheckedContinuation<(index: Int, item: WorkItem)?, Never>

    /// The tasks waiting on the channel when it finished or was cancelled.
    private struct Waiting {
        var waiters: [Waiter] = []
        var watcher: CheckedContinuation<Bool, Never>?

        /// Tells them that no item will come.
        func end() {
            for waiter in waiters { waiter.resume(returning: nil) }
            watcher?.resume(returning: false)
        }
    }

    // A condition variable rather than a DispatchSemaphore: libdispatch traps when a semaphore
    // is released below its initial count, which a cancelled run would do.
    private let condition = NSCondition()
    private var state = State()
    private let capacity: Int
    private let byteBudget: Int

    init(capacity: Int, byteBudget: Int = 1 << 20) {
        self.capacity = max(1, capacity)
        self.byteBudget = max(0, byteBudget)
    }

    private func locked<R>(_ body: (inout State) -> R) -> R {
        condition.lock()
        defer { condition.unlock() }
        return body(&state)
    }

    var isCancelled: Bool { locked { $0.cancelled } }

    /// Hands over one item, waiting for room; false when the channel was cancelled.
    func send(_ item: WorkItem) -> Bool {
        let size = item.dataBytes
        condition.lock()
        while !state.cancelled && state.waiters.isEmpty && isFull(adding: size) {
            state.senderWaiting = true
            condition.wait()
        }
        state.senderWaiting = false
        if state.cancelled {
            condition.unlock()
            return false
        }
        if !state.waiters.isEmpty {
            let waiter = state.waiters.removeFirst()
            let index = state.nextIndex
            state.nextIndex += 1
            condition.unlock()
            waiter.resume(returning: (index, item))
            return true
        }
        state.buffer.append(item)
        state.bytes += size
        let watcher = state.watcher
        state.watcher = nil
        condition.unlock()
        watcher?.resume(returning: true)
        return true
    }

    /// Whether an item of `size` bytes must wait for room.
    private func isFull(adding size: Int) -> Bool {
        let count = state.buffer.count - state.head
        return count >= capacity || (count > 0 && state.bytes + size > byteBudget)
    }

    /// No more items will come.
    func finish() {
        let waiting = locked { s in
            s.finished = true
            // Waiters and the watcher wait only while the buffer is empty.
            return s.head == s.buffer.count ? s.takeWaiting() : Waiting()
        }
        waiting.end()
    }

    /// Stops the channel: the sender's next `send` returns false and `next` returns nil.
    func cancel() {
        let waiting = locked { s in
            s.cancelled = true
            return s.takeWaiting()
        }
        condition.broadcast()
        waiting.end()
    }

    /// Makes a task waiting in `waitForInputOrEnd` return true at once, so that it looks again.
    func wakeWatcher() {
        let watcher = locked { s in
            defer { s.watcher = nil }
            return s.watcher
        }
        watcher?.resume(returning: true)
    }

    /// Waits until an item is there to take (true) or none will come: the input is exhausted or
    /// the channel (or the task) is cancelled (false). Takes nothing; at most one task may wait.
    func waitForInputOrEnd() async -> Bool {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
                let answer: Bool? = locked { s in
                    if s.cancelled { return false }
                    if s.head < s.buffer.count { return true }
                    if s.finished { return false }
                    s.watcher = continuation
                    return nil
                }
                if let answer { continuation.resume(returning: answer) }
            }
        } onCancel: {
            cancel()
        }
    }

    /// The next item and its position in input order (from 0), or nil when the input is
    /// exhausted or the channel (or the task) is cancelled. Several tasks may wait at once; they
    /// are served in the order they came.
    func next() async -> (index: Int, item: WorkItem)? {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: Waiter) in
                var wake = false
                let result: (index: Int, item: WorkItem)?? = locked { s in
                    if s.cancelled { return .some(nil) }
                    if s.head < s.buffer.count {
                        let item = s.buffer[s.head]
                        s.head += 1
                        s.bytes -= item.dataBytes
                        wake = s.senderWaiting && (s.buffer.count - s.head) * 2 <= capacity && s.bytes * 2 <= byteBudget
                        if s.head > 64 && s.head * 2 > s.buffer.count {
                            s.buffer.removeFirst(s.head)
                            s.head = 0
                        }
                        defer { s.nextIndex += 1 }
                        return .some((s.nextIndex, item))
                    }
                    if s.finished { return .some(nil) }
                    s.waiters.append(continuation)
                    return .none
                }
                if case .some(let item) = result {
                    if wake { condition.signal() }
                    continuation.resume(returning: item)
                }
            }
        } onCancel: {
            cancel()
        }
    }
}
