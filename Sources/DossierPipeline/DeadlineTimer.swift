import Dispatch

/// A one-shot timer on a dispatch queue that fires `expired` after `duration`, unless cancelled,
/// and re-arms for another `duration` while `postpone()` says so.
final class DeadlineTimer: Sendable {
    private let cancelled = Locked(false)

    init(
        after duration: Duration, queue: DispatchQueue, postpone: @escaping @Sendable () -> Bool,
        expired: @escaping @Sendable () -> Void
    ) {
        let nanoseconds = Int(duration.components.seconds) * 1_000_000_000 + Int(duration.components.attoseconds / 1_000_000_000)
        let interval = DispatchTimeInterval.nanoseconds(max(1, nanoseconds))
        let cancelled = self.cancelled
        @Sendable func arm() {
            queue.asyncAfter(deadline: .now() + interval) {
                if cancelled.withLock({ $0 }) { return }
                if postpone() { return arm() }
                expired()
            }
        }
        arm()
    }

    /// Stops the timer; `expired` is not called after this returns.
    func cancel() { cancelled.withLock { $0 = true } }
}
