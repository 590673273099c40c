import Dispatch

/// Keeps many deadlines with one wake-up on a dispatch queue at a time.
///
/// The runner gives every article a time budget. One `asyncAfter` per article put a timer into
/// libdispatch's manager for each, kept until it fired (two minutes later) even when the article
/// had long finished; at thousands of small articles a second, the timers cost more than the
/// reading. Here the deadlines sit in a heap, a cancelled one is dropped from the table at once
/// (and from the heap when it surfaces or the heap is rebuilt), and only a deadline earlier than
/// the wake-up already asked for asks for another.
final class DeadlineScheduler: Sendable {
    private struct Entry {
        var duration: DispatchTimeInterval
        var postpone: @Sendable () -> Bool
        var expired: @Sendable () -> Void
    }

    private struct State {
        var nextID = 0
        var entries: [Int: Entry] = [:]
        /// (deadline in uptime nanoseconds, id), a min-heap; may hold cancelled ids.
        var heap: [(UInt64, Int)] = []
        /// The earliest wake-up asked of the queue and not yet run.
        var wakeUp: UInt64?
    }

    private let queue: DispatchQueue
    private let state = Locked(State())

    init(queue: DispatchQueue) {
        self.queue = queue
    }

    /// Calls `expired` on the queue once `duration` has passed, unless the timer is cancelled
    /// first; when `postpone()` then says so, waits another `duration` instead.
    func schedule(
        after duration: Duration, postpone: @escaping @Sendable () -> Bool, expired: @escaping @Sendable () -> Void
    ) -> DeadlineTimer {
        let nanoseconds = Int(duration.components.seconds) * 1_000_000_000 + Int(duration.components.attoseconds / 1_000_000_000)
        let interval = DispatchTimeInterval.nanoseconds(max(1, nanoseconds))
        let id = state.withLock { s in
            defer { s.nextID += 1 }
            s.entries[s.nextID] = Entry(duration: interval, postpone: postpone, expired: expired)
            return s.nextID
        }
        add(id, at: DispatchTime.now() + interval)
        return DeadlineTimer(id: id, scheduler: self)
    }

    func cancel(_ id: Int) {
        state.withLock { s in
            guard s.entries.removeValue(forKey: id) != nil else { return }
            // Keep the heap within twice the live deadlines, so finished articles cost no memory.
            if s.heap.count > 64, s.heap.count > 2 * s.entries.count {
                s.heap.removeAll { s.entries[$0.1] == nil }
                Self.heapify(&s.heap)
            }
        }
    }

    private func add(_ id: Int, at deadline: DispatchTime) {
        let time = deadline.uptimeNanoseconds
        let arm = state.withLock { s -> Bool in
            Self.push((time, id), onto: &s.heap)
            guard s.wakeUp.map({ time < $0 }) ?? true else { return false }
            s.wakeUp = time
            return true
        }
        if arm { queue.asyncAfter(deadline: deadline) { self.fire() } }
    }

    /// Runs on the queue: handles every deadline that has passed and asks for the next wake-up.
    private func fire() {
        let now = DispatchTime.now().uptimeNanoseconds
        let due = state.withLock { s -> [(Int, Entry)] in
            if let wakeUp = s.wakeUp, wakeUp <= now { s.wakeUp = nil }
            var due: [(Int, Entry)] = []
            while let top = s.heap.first, top.0 <= now {
                Self.pop(&s.heap)
                if let entry = s.entries[top.1] { due.append((top.1, entry)) }
            }
            return due
        }
        for (id, entry) in due {
            // The budget is the article's own: time spent waiting for an earlier one is not counted.
            if entry.postpone() {
                add(id, at: DispatchTime.now() + entry.duration)
                continue
            }
            // Cancelled meanwhile: `cancel` has returned, so `expired` must not run.
            guard state.withLock({ $0.entries.removeValue(forKey: id) != nil }) else { continue }
            entry.expired()
        }
        let next = state.withLock { s -> UInt64? in
            while let top = s.heap.first, s.entries[top.1] == nil { Self.pop(&s.heap) }
            guard let top = s.heap.first, s.wakeUp.map({ top.0 < $0 }) ?? true else { return nil }
            s.wakeUp = top.0
            return top.0
        }
        if let next { queue.asyncAfter(deadline: DispatchTime(uptimeNanoseconds: next)) { self.fire() } }
    }

    // MARK: Heap

    private static func push(_ item: (UInt64, Int), onto heap: inout [(UInt64, Int)]) {
        heap.append(item)
        var i = heap.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard heap[i].0 < heap[parent].0 else { break }
            heap.swapAt(i, parent)
            i = parent
        }
    }

    private static func pop(_ heap: inout [(UInt64, Int)]) {
        heap.swapAt(0, heap.count - 1)
        heap.removeLast()
        siftDown(&heap, from: 0)
    }

    private static func siftDown(_ heap: inout [(UInt64, Int)], from start: Int) {
        var i = start
        while true {
            let left = 2 * i + 1
            let right = left + 1
            var smallest = i
            if left < heap.count, heap[left].0 < heap[smallest].0 { smallest = left }
            if right < heap.count, heap[right].0 < heap[smallest].0 { smallest = right }
            guard smallest != i else { return }
            heap.swapAt(i, smallest)
            i = smallest
        }
    }

    private static func heapify(_ heap: inout [(UInt64, Int)]) {
        guard heap.count > 1 else { return }
        for i in stride(from: heap.count / 2 - 1, through: 0, by: -1) { siftDown(&heap, from: i) }
    }
}
