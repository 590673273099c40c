import Dispatch
import DossierPipeline
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Catches SIGINT, SIGTERM and SIGHUP while a run is going, so that the run can stop cleanly.
///
/// Signals are delivered through dispatch sources, so the handler runs as ordinary code on a
/// queue, not in a signal handler, and may lock, allocate and print. The first signal calls
/// `first` (the run stops taking input and finishes what is open); a second one calls `again`,
/// which should exit at once. When the run has not ended `grace` seconds after the first signal
/// (an article stuck in a library's C code, or a program that does not answer, cannot be
/// interrupted), `late` is called, which should exit at once too: a supervisor's SIGTERM then
/// stops the run in bounded time. `stop()` gives the signals back their default behaviour.
final class SignalTrap: @unchecked Sendable {
    private let sources: [any DispatchSourceSignal]
    private let signals: [Int32]
    private let count = Locked(0)
    private let stopped = Locked(false)

    /// How long a run may take to finish what is open after the first signal.
    static let grace = 10.0

    /// The signals a run handles.
    static let handled: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    init(
        grace: Double = SignalTrap.grace, first: @escaping @Sendable (Int32) -> Void, again: @escaping @Sendable (Int32) -> Void,
        late: @escaping @Sendable (Int32) -> Void
    ) {
        signals = Self.handled
        let queue = DispatchQueue(label: "dossier-signals")
        var made: [any DispatchSourceSignal] = []
        let count = self.count
        let stopped = self.stopped
        for number in Self.handled {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                let n = count.withLock { c in
                    c += 1
                    return c
                }
                guard n == 1 else { return again(number) }
                first(number)
                queue.asyncAfter(deadline: .now() + grace) {
                    if !stopped.withLock({ $0 }) { late(number) }
                }
            }
            source.resume()
            made.append(source)
        }
        sources = made
    }

    /// The conventional exit status for a run ended by `signal`: 128 + its number (130 for
    /// SIGINT, 143 for SIGTERM, 129 for SIGHUP).
    static func status(for signal: Int32) -> Int32 { 128 + signal }

    func stop() {
        stopped.withLock { $0 = true }
        for source in sources { source.cancel() }
        for number in signals { signal(number, SIG_DFL) }
    }
}
