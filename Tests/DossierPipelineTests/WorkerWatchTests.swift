import DossierCore
import Testing

@testable import DossierPipeline

/// The run's watcher and its workers: an article that runs out of time as the last worker ends
/// must still be reported. (Seen in CI on a loaded machine: the watcher took the worker's end,
/// found every worker left held by the abandoned article and ended the run, with the expiry's
/// event still queued; the article's failure and a later article's results were left out of the
/// summary.)
@Suite("Worker watch")
struct WorkerWatchTests {
    static func expired(_ index: Int) -> WorkerWatch.Event {
        .expired(([], 0, [Diagnostic(code: "E474", "ran out of time")], []), index: index, name: "b.raw")
    }

    @Test("an expiry counted while the watcher takes a worker's end is still there to deliver")
    func expiryBehindTheEnd() async {
        let watch = WorkerWatch(workers: 2)
        // The first worker ends (no input left) while the second is held by a slow article.
        watch.post(.ended)
        watch.expire(Self.expired(1))
        // The watcher takes the end first: every worker left is held, so the run may end...
        guard case .ended = await watch.next() else {
            Issue.record("the end comes first")
            return
        }
        #expect(watch.workerEnded())
        // ...but the expiry queued behind it is taken and delivered, not dropped.
        let left = watch.takeQueued()
        #expect(left.count == 1)
        guard case .expired(let result, let index, _)? = left.first else {
            Issue.record("the expiry is queued")
            return
        }
        #expect(index == 1)
        #expect(result.warnings.map(\.code) == ["E474"])
        #expect(watch.takeQueued().isEmpty)
    }

    @Test("a worker is counted as held only together with its event")
    func heldWithItsEvent() async {
        let watch = WorkerWatch(workers: 1)
        watch.expire(Self.expired(0))
        #expect(watch.allHeld)
        guard case .expired = await watch.next() else {
            Issue.record("the expiry is the next event")
            return
        }
    }
}
