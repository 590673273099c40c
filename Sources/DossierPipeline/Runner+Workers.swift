import DossierCore

extension Runner {
    /// Runs the items of `channel` with `jobs` worker tasks, each taking the next item in input
    /// order, processing it against its time budget and delivering its results; this task only
    /// watches them.
    ///
    /// A worker is a task apart from the run's own so that the time budget can be kept: an
    /// article that runs out of time is reported at once (from the worker's event, here), and its
    /// work abandoned. The worker, which cannot be stopped, holds its job slot until that work
    /// really ends, so runaway articles cannot multiply the load; when every worker left is held
    /// so and no input is left, the run ends without them. A task per article racing its
    /// deadline (as before) gave the same, but each article's hand-back to the task that waited
    /// for it woke a thread: about a tenth of the CPU time of the four standard analyzers on news.
    ///
    /// `window`, when there are several workers, bounds the items taken and not yet written: a
    /// worker takes one of its slots before each item, and the emitter gives it back when the
    /// item is written (in input order), so a slow article holds back at most that many finished
    /// ones.
    func runWorkers(_ channel: WorkChannel, assigner: IDAssigner?, emitter: Emitter, window: AsyncSemaphore?) async {
        let watch = WorkerWatch(workers: jobs)
        let workers = (0..<jobs).map { _ in
            Task {
                await work(channel, assigner: assigner, emitter: emitter, window: window, watch: watch)
                watch.post(.ended)
            }
        }
        await withTaskCancellationHandler {
            watching: while true {
                switch await watch.next() {
                case .ended:
                    // A worker ends when no input is left: the others still working are awaited,
                    // those held by abandoned articles are not.
                    if watch.workerEnded() { break watching }
                case .expired(let result, let index, let name):
                    await emitter.deliver(result, at: index, name: name)
                    // With every worker held by an abandoned article, the run ends when no input
                    // is left; otherwise the next article waits for a slot.
                    if watch.allHeld, await !channel.waitForInputOrEnd(), watch.allHeld { break watching }
                case .cancelled:
                    if watch.allHeld { break watching }
                }
            }
            // An article that ran out of time just as the run's last worker ended (the expiry
            // counted, its event queued behind the worker's end): its failure is delivered now,
            // and with it any later article's results waiting for its turn, instead of leaving
            // both out of the summary.
            for case .expired(let result, let index, let name) in watch.takeQueued() {
                await emitter.deliver(result, at: index, name: name)
            }
        } onCancel: {
            for worker in workers { worker.cancel() }
            watch.post(.cancelled)
            channel.wakeWatcher()
        }
    }

    /// One worker of `runWorkers`: items one after another, each against its deadline.
    private func work(_ channel: WorkChannel, assigner: IDAssigner?, emitter: Emitter, window: AsyncSemaphore?, watch: WorkerWatch) async {
        while true {
            await window?.acquire()
            guard let (i, item) = await channel.next(), !Task.isCancelled else {
                window?.release()
                return
            }
            let waitingForTurn = Locked(false)
            // What exporters see as `ExportContext.isCancelled`: the run was interrupted or this
            // article ran out of time.
            let stopping = Locked(false)
            // Whichever of the work and the deadline comes first takes the article's turn.
            let taken = Locked(false)
            let timer = articleTimeout.map { timeout in
                Self.deadlines.schedule(after: timeout) {
                    // The budget is the article's own: time spent waiting for an earlier one is not counted.
                    waitingForTurn.withLock { $0 }
                } expired: {
                    guard Self.take(taken) else { return }
                    stopping.withLock { $0 = true }
                    watch.expire(.expired(Self.expired(item, after: timeout), index: i, name: item.name))
                    channel.wakeWatcher()
                    if let assigner { Task { await assigner.skip(i) } }
                }
            }
            let result = await withTaskCancellationHandler {
                await process(item, index: i, assigner: assigner, waitingForTurn: waitingForTurn, stopping: stopping)
            } onCancel: {
                stopping.withLock { $0 = true }
            }
            timer?.cancel()
            if Self.take(taken) {
                await emitter.deliver(result, at: i, name: item.name)
            } else {
                watch.release()
            }
        }
    }

    /// Sets `flag` and says whether this call was the first to.
    private static func take(_ flag: Locked<Bool>) -> Bool {
        flag.withLock { taken in
            defer { taken = true }
            return !taken
        }
    }
}

/// What the workers of `Runner.runWorkers` tell the run's task, and how many of them are held by
/// an article whose time ran out.
final class WorkerWatch: Sendable {
    enum Event: Sendable {
        /// A worker found no more input.
        case ended
        /// The article at `index` ran out of time; `result` is its failure.
        case expired(Runner.ItemResult, index: Int, name: String)
        /// The run was cancelled.
        case cancelled
    }

    private struct State {
        var events: [Event] = []
        var waiter: CheckedContinuation<Event, Never>?
        /// Workers not yet ended.
        var live: Int
        /// Workers whose article ran out of time and whose work has not ended.
        var held = 0
    }

    private let state: Locked<State>

    init(workers: Int) {
        state = Locked(State(live: workers))
    }

    /// Whether every worker not yet ended is held by an abandoned article (and one is).
    var allHeld: Bool { state.withLock { $0.held > 0 && $0.held == $0.live } }

    /// A worker's article ran out of time: counted as held and queued in one step, so that the
    /// watcher never sees the worker held without its event being there to take.
    func expire(_ event: Event) {
        post(event, holding: true)
    }

    /// The events not yet taken, removed.
    func takeQueued() -> [Event] {
        state.withLock { s in
            defer { s.events.removeAll() }
            return s.events
        }
    }

    /// A worker's abandoned article ended.
    func release() {
        state.withLock { $0.held -= 1 }
    }

    /// Counts a worker that ended; true when the run need not wait for the others: none is left,
    /// or every one left is held by an abandoned article (no input is left, since one ended).
    func workerEnded() -> Bool {
        state.withLock { s in
            s.live -= 1
            return s.live == 0 || s.held == s.live
        }
    }

    func post(_ event: Event, holding: Bool = false) {
        let waiter = state.withLock { s -> CheckedContinuation<Event, Never>? in
            if holding { s.held += 1 }
            guard let waiter = s.waiter else {
                s.events.append(event)
                return nil
            }
            s.waiter = nil
            return waiter
        }
        waiter?.resume(returning: event)
    }

    /// The next event, waiting for one.
    func next() async -> Event {
        await withCheckedContinuation { continuation in
            let event = state.withLock { s -> Event? in
                guard !s.events.isEmpty else {
                    s.waiter = continuation
                    return nil
                }
                return s.events.removeFirst()
            }
            if let event { continuation.resume(returning: event) }
        }
    }
}
