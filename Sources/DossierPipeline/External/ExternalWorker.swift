import DossierCore
import Foundation

/// One copy of an external program and the serial queue its blocking I/O runs on.
///
/// Started on the first document it is given; after a crash, a timeout or an answer out of step it
/// is killed and started afresh for the next document. A handshake that is wrong (a version, an
/// id, an undeclared layer) will be as wrong the next time, so the program is then refused for the
/// rest of the run, each document failing at once with the same diagnostic.
final class ExternalWorker: @unchecked Sendable {
    /// What every copy of one program shares: a refusal, and how many starts failed in a row.
    struct Shared {
        var refusal: ComponentError?
        var failedStarts = 0
        /// The last handshake a copy stated, for an exporter's header and footer.
        var handshake: ExternalHandshake?
    }

    /// Starts that end before the handshake, in a row, after which the program is refused.
    static let maxFailedStarts = 3

    private let program: ExternalProgram
    private let shared: Locked<Shared>
    private let queue: DispatchQueue
    // Only touched on `queue`.
    private var process: ExternalProcess?
    /// The program while the queue waits for its answer, for `stop` to kill.
    private let waiting = Locked<ExternalProcess?>(nil)

    init(program: ExternalProgram, shared: Locked<Shared>, index: Int) {
        self.program = program
        self.shared = shared
        self.queue = DispatchQueue(label: "dossier.external.\(program.id).\(index)")
    }

    /// How long an exchange waits for its answer on the caller's own thread before it hands the
    /// wait to the worker's queue, and how much of that it spends checking without sleeping.
    /// A program that answers within these is read with no thread woken but the program's: the
    /// hops to the queue and back, and the wake-ups of sleeping threads (tens of microseconds each
    /// on a virtual machine), were most of an external analyzer's cost per article.
    static let quickWait: UInt64 = 2_000_000
    static let quickSpin: UInt64 = ProcessInfo.processInfo.activeProcessorCount > 1 ? 200_000 : 0

    /// Sends one document line and returns the answer line. The wait starts on the calling thread
    /// (`quickWait`, usually all an answer takes) and goes on, when the answer is slower, on this
    /// worker's queue, so that a slow program never holds one of Swift's pool threads for long.
    func exchange(_ request: [UInt8]) async throws(ComponentError) -> [UInt8] {
        let quick: Result<[UInt8], ComponentError>? = queue.sync { self.sendQuickly(request) }
        if let quick { return try quick.get() }
        let result: Result<[UInt8], ComponentError> = await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: Result { () throws(ComponentError) in try self.send(request) }) }
        }
        return try result.get()
    }

    /// Sends one document line and returns the answer line, blocking the calling thread until the
    /// worker's queue has it (for exporters, whose `export` is synchronous). The queue is not
    /// Swift's task pool, so a caller blocking a pool thread cannot starve it.
    func exchangeNow(_ request: [UInt8]) throws(ComponentError) -> [UInt8] {
        let result: Result<[UInt8], ComponentError> = queue.sync { Result { () throws(ComponentError) in try self.send(request) } }
        return try result.get()
    }

    /// Stops the program, letting it end on its own for up to a second. An exchange still waiting
    /// for its answer is for an article the run has abandoned (its time ran out, or the run was
    /// interrupted): the program is killed at once rather than waited for until its own timeout.
    func stop() async {
        waiting.withLock { $0 }?.killNow()
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            queue.async {
                self.process?.terminate(grace: 1)
                self.process = nil
                continuation.resume()
            }
        }
    }

    private func discard() {
        process?.terminate(grace: 0)
        process = nil
    }

    /// The exchange `sendQuickly` started and left to the queue, with its deadline.
    private var pending: (process: ExternalProcess, deadline: DispatchTime)?

    /// Starts the exchange with a program already running, and waits up to `quickWait` for its
    /// answer: the answer, or the exchange's failure, or nil when the exchange goes on (in
    /// `send`) or has yet to start (the program is not running: starting it is left to `send`).
    private func sendQuickly(_ request: [UInt8]) -> Result<[UInt8], ComponentError>? {
        guard let running = process, shared.withLock({ $0.refusal }) == nil else { return nil }
        running.clearErrors()
        running.send(request)
        let now = DispatchTime.now()
        let deadline = now + program.timeout
        do {
            // A deadline sooner than the quick wait still ends it first (`receive` checks it first).
            let quickEnd = DispatchTime(uptimeNanoseconds: now.uptimeNanoseconds + Self.quickWait)
            if let line = try running.receive(until: quickEnd, deadline: deadline, spin: Self.quickSpin) {
                return .success(line)
            }
        } catch {
            return .failure(failure(error, of: running, answering: true))
        }
        pending = (running, deadline)
        return nil
    }

    private func send(_ request: [UInt8]) throws(ComponentError) -> [UInt8] {
        if let (running, deadline) = pending {
            pending = nil
            // Stopped since (the run ended): the program is gone with the exchange.
            guard process === running else { throw ComponentError(code: "E725", "\(program.label) was stopped before answering") }
            waiting.withLock { $0 = running }
            defer { waiting.withLock { $0 = nil } }
            do {
                return try running.finish(deadline: deadline)
            } catch {
                throw failure(error, of: running, answering: true)
            }
        }
        let running = try started()
        running.clearErrors()
        waiting.withLock { $0 = running }
        defer { waiting.withLock { $0 = nil } }
        do {
            return try running.exchange(request, deadline: .now() + program.timeout, spin: Self.quickSpin)
        } catch {
            throw failure(error, of: running, answering: true)
        }
    }

    /// The running program, started and handshaken when it is not running.
    private func started() throws(ComponentError) -> ExternalProcess {
        if let refusal = shared.withLock({ $0.refusal }) { throw refusal }
        if let process { return process }
        let started: ExternalProcess
        do {
            started = try ExternalProcess(
                executable: program.executable, arguments: program.arguments, directory: program.directory,
                environment: ["DOSSIER_OPTIONS": program.options.description, "DOSSIER_PROTOCOL": String(ExternalProgram.protocolVersion)])
        } catch {
            let refusal = ComponentError(
                code: "E720",
                "\(program.label) could not be started: \(error.localizedDescription); check that '\(program.executable)' runs from a shell"
            )
            shared.withLock { $0.refusal = refusal }
            throw refusal
        }
        let line: [UInt8]
        do {
            line = try started.exchange([], deadline: .now() + program.timeout)
        } catch {
            let reason = failure(error, of: started, answering: false)
            let gaveUp = shared.withLock { state -> Bool in
                state.failedStarts += 1
                return state.failedStarts >= Self.maxFailedStarts
            }
            if gaveUp {
                var refusal = reason
                refusal.notes.append("it failed to start \(Self.maxFailedStarts) times in a row, so it is not started again in this run")
                shared.withLock { $0.refusal = refusal }
            }
            throw reason
        }
        do {
            let handshake = try ExternalHandshake(line: line, program: program)
            shared.withLock { $0.handshake = handshake }
        } catch {
            started.terminate(grace: 0)
            shared.withLock { $0.refusal = error }
            throw error
        }
        shared.withLock { $0.failedStarts = 0 }
        process = started
        return started
    }

    /// The diagnostic for an exchange that ended without a line; the program is killed, so that
    /// the next document starts it afresh.
    private func failure(_ error: ExternalProcess.Failure, of running: ExternalProcess, answering: Bool) -> ComponentError {
        let what = answering ? "answering" : "stating its handshake"
        let tail = running.errorTail
        var message: String
        var code: String
        switch error {
        case .timedOut:
            code = "E724"
            message =
                "\(program.label) did not finish \(what) within \(Self.seconds(program.timeout)), so it was stopped; "
                + "raise 'timeout:' if it needs longer"
        case .ended:
            code = "E725"
            let how = running.exitDescription(wait: 1) ?? "closed its output"
            message = "\(program.label) \(how) before \(what); it is started again for the next article"
        case .lineTooLong:
            code = "E726"
            message =
                "\(program.label) wrote a line longer than \(ExternalProcess.maxLineBytes >> 20) MiB; answer with one line per document"
        case .system(let why):
            code = "E725"
            message = "\(program.label): \(why)"
        }
        var notes: [Diagnostic.Note] = []
        if !tail.isEmpty { notes.append(Diagnostic.Note("its standard error ended with: \(Self.lastLines(tail))")) }
        running.terminate(grace: 0)
        if process === running { process = nil }
        return ComponentError(code: code, message, notes: notes)
    }

    /// Kills the program before the next exchange: its answer was unusable, so its later answers
    /// may be out of step with the documents sent.
    func restart() {
        queue.async { self.discard() }
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }

    /// The last lines of `text`, at most 5 and 600 characters, joined with ' | '.
    static func lastLines(_ text: String) -> String {
        let lines = text.split(separator: "\n").suffix(5).map { $0.trimmingCharacters(in: .whitespaces) }
        let joined = lines.joined(separator: " | ")
        return joined.count > 600 ? "..." + String(joined.suffix(597)) : joined
    }
}
