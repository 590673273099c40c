import DossierCore

extension Runner {
    /// One article after another (`jobs` 1), with the same time budget, cancellation and order as
    /// `runConcurrently`, but with one task doing all the work: a worker takes the items from the
    /// channel and processes and delivers each in turn, and this task only watches it.
    ///
    /// The time budget needs the worker to be a task apart from the run's own: an article that
    /// runs out of time is reported at once (here, from the worker's event), its work abandoned
    /// and the run ended without it when no input is left, while the worker, which cannot be
    /// stopped, holds the one job slot until that work really ends. A task per article racing its
    /// deadline gave the same, but the hand-back from each article's task to the loop's woke a
    /// thread per article: about a tenth of the CPU time of the four standard analyzers on news.
    func runInTurn(_ channel: WorkChannel, assigner: IDAssigner?, emitter: Emitter) async {
        let turn = Turn()
        let worker = Task {
            await work(channel, assigner: assigner, emitter: emitter, turn: turn)
            turn.post(.ended)
        }
        await withTaskCancellationHandler {
            while true {
                switch await turn.next() {
                case .ended:
                    return
                case .expired(let result, let index, let name):
                    await emitter.deliver(result, at: index, name: name)
                    // The worker holds an abandoned article. The run ends without it when no input
                    // is left; otherwise the next article waits for the slot.
                    if await !channel.waitForInputOrEnd(), turn.holdsExpired { return }
                case .cancelled:
                    if turn.holdsExpired { return }
                }
            }
        } onCancel: {
            worker.cancel()
            turn.post(.cancelled)
            channel.wakeWatcher()
        }
    }

    /// The worker of `runInTurn`: every item in turn, each against its deadline.
    private func work(_ channel: WorkChannel, assigner: IDAssigner?, emitter: Emitter, turn: Turn) async {
        var index = 0
        while let item = await channel.next() {
            if Task.isCancelled { break }
            let i = index
            index += 1
            let waitingForTurn = Locked(false)
            // What exporters see as `ExportContext.isCancelled`: the run was interrupted or this
            // article ran out of time.
            let stopping = Locked(false)
            guard let timeout = articleTimeout else {
                let result = await withTaskCancellationHandler {
                    await process(item, index: i, assigner: assigner, waitingForTurn: waitingForTurn, stopping: stopping)
                } onCancel: {
                    stopping.withLock { $0 = true }
                }
                await emitter.deliver(result, at: i, name: item.name)
                continue
            }
            // Whichever of the work and the deadline comes first takes the article's turn.
            let taken = Locked(false)
            let timer = Self.deadlines.schedule(after: timeout) {
                // The budget is the article's own: time spent waiting for an earlier one is not counted.
                waitingForTurn.withLock { $0 }
            } expired: {
                guard
                    taken.withLock({ t in
                        defer { t = true }
                        return !t
                    })
                else { return }
                stopping.withLock { $0 = true }
                turn.expire(.expired(Self.expired(item, after: timeout), index: i, name: item.name))
                channel.wakeWatcher()
                if let assigner { Task { await assigner.skip(i) } }
            }
            let result = await withTaskCancellationHandler {
                await process(item, index: i, assigner: assigner, waitingForTurn: waitingForTurn, stopping: stopping)
            } onCancel: {
                stopping.withLock { $0 = true }
            }
            timer.cancel()
            let mine = taken.withLock { t in
                defer { t = true }
                return !t
            }
            turn.end()
            if mine { await emitter.deliver(result, at: i, name: item.name) }
        }
    }
}

/// What the worker of `runInTurn` tells the run's task, and whether it holds an article whose
/// time ran out.
final class Turn: Sendable {
    enum Event: Sendable {
        /// The worker took every item.
        case ended
        /// The article at `index` ran out of time; `result` is its failure.
        case expired(Runner.ItemResult, index: Int, name: String)
        /// The run was cancelled.
        case cancelled
    }

    private struct State {
        var events: [Event] = []
        var waiter: CheckedContinuation<Event, Never>?
        /// The worker's article ran out of time and its work has not ended.
        var holdsExpired = false
    }

    private let state = Locked(State())

    /// Whether the worker is held by an article whose time ran out.
    var holdsExpired: Bool { state.withLock { $0.holdsExpired } }

    /// The worker's article ran out of time.
    func expire(_ event: Event) {
        state.withLock { $0.holdsExpired = true }
        post(event)
    }

    /// The worker's article ended, in time or not.
    func end() {
        state.withLock { $0.holdsExpired = false }
    }

    func post(_ event: Event) {
        let waiter = state.withLock { s -> CheckedContinuation<Event, Never>? in
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
