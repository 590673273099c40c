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
/// which should exit at once. `stop()` gives the signals back their default behaviour.
final class SignalTrap: @unchecked Sendable {
    private let sources: [any DispatchSourceSignal]
    private let signals: [Int32]
    private let count = Locked(0)

    /// The signals a run handles.
    static let handled: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    init(first: @escaping @Sendable (Int32) -> Void, again: @escaping @Sendable (Int32) -> Void) {
        signals = Self.handled
        let queue = DispatchQueue(label: "dossier-signals")
        var made: [any DispatchSourceSignal] = []
        let count = self.count
        for number in Self.handled {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                let n = count.withLock { c in
                    c += 1
                    return c
                }
                if n == 1 { first(number) } else { again(number) }
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
        for source in sources { source.cancel() }
        for number in signals { signal(number, SIG_DFL) }
    }
}
