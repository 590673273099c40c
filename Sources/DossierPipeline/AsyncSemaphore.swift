/// A counting semaphore for tasks: `acquire` suspends, never blocks a thread.
///
/// A lock rather than an actor: the runner's window is acquired and released for every article
/// when several jobs run, and each call into an actor from the task pool is a hop to the actor and
/// back, which cost more than reading a small article.
final class AsyncSemaphore: Sendable {
    private struct State {
        var available: Int
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    private let state: Locked<State>

    init(_ count: Int) {
        state = Locked(State(available: count))
    }

    func acquire() async {
        let taken = state.withLock { s in
            guard s.available > 0 else { return false }
            s.available -= 1
            return true
        }
        if taken { return }
        await withCheckedContinuation { continuation in
            // A release may have come between the two looks.
            let taken = state.withLock { s in
                guard s.available > 0 else {
                    s.waiters.append(continuation)
                    return false
                }
                s.available -= 1
                return true
            }
            if taken { continuation.resume() }
        }
    }

    func release() {
        let waiter = state.withLock { s -> CheckedContinuation<Void, Never>? in
            guard !s.waiters.isEmpty else {
                s.available += 1
                return nil
            }
            return s.waiters.removeFirst()
        }
        waiter?.resume()
    }
}
