import Dispatch

/// A one-shot timer that fires `expired` after `duration`, unless cancelled, and re-arms for
/// another `duration` while `postpone()` says so. Made by `DeadlineScheduler.schedule`.
final class DeadlineTimer: Sendable {
    let id: Int
    private let scheduler: DeadlineScheduler

    init(id: Int, scheduler: DeadlineScheduler) {
        self.id = id
        self.scheduler = scheduler
    }

    /// Stops the timer; `expired` is not called after this returns.
    func cancel() { scheduler.cancel(id) }
}
