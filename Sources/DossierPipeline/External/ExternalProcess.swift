import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One running external program: its pipes, and one exchange at a time of a request line for an
/// answer line, within a deadline.
///
/// Blocking calls only: `ExternalWorker` runs them on a serial dispatch queue of its own, never on
/// the Swift concurrency pool. Reads and writes go through `poll(2)` on non-blocking descriptors,
/// so a program that stops reading its input, or stops answering, cannot hang the run past the
/// deadline; the program's standard error is drained while waiting (so a chatty program never
/// blocks on a full pipe) and its last few kilobytes kept for the diagnostic.
final class ExternalProcess: @unchecked Sendable {
    /// How an exchange ended other than with a line.
    enum Failure: Error {
        /// No line came before the deadline.
        case timedOut
        /// The program closed its output or its input: it exited, or is exiting.
        case ended
        /// A line longer than the limit.
        case lineTooLong
        /// A system call failed.
        case system(String)
    }

    /// The longest answer line accepted, against a program that writes without end.
    static let maxLineBytes = 64 << 20
    /// How much of the program's standard error is kept.
    static let stderrTail = 4096

    let process: Process
    private let input: Int32
    private let output: Int32
    private var errors: Int32
    private var buffer: [UInt8] = []
    /// The exchange in progress: the request line and how much of it the program has taken, and
    /// how much of `buffer` is known to hold no newline.
    private var request: [UInt8] = []
    private var written = 0
    private var searched = 0
    /// Where reads land, kept from one exchange to the next.
    private var chunk = [UInt8](repeating: 0, count: 1 << 16)
    private var stderrBytes: [UInt8] = []
    private let exited = DispatchSemaphore(value: 0)
    private var closed = false

    /// Starts `executable` with `arguments` in `directory` (the current one when nil), its
    /// environment the current one plus `environment`.
    init(executable: String, arguments: [String], directory: String?, environment: [String: String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory, isDirectory: true) }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        let exited = self.exited
        process.terminationHandler = { _ in exited.signal() }
        try process.run()
        self.process = process
        Self.running.withLock { $0[process.processIdentifier] = process }
        // Foundation closes the child's ends after spawning; these are the parent's, owned here
        // from now on (duplicated, so that the FileHandles' own closing cannot close them twice).
        input = dup(stdin.fileHandleForWriting.fileDescriptor)
        output = dup(stdout.fileHandleForReading.fileDescriptor)
        errors = dup(stderr.fileHandleForReading.fileDescriptor)
        try? stdin.fileHandleForWriting.close()
        try? stdout.fileHandleForReading.close()
        try? stderr.fileHandleForReading.close()
        for fd in [input, output, errors] {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
    }

    deinit { terminate(grace: 0) }

    /// The programs started and not yet stopped, by process id, for a run that exits at once.
    static let running = Locked([Int32: Process]())

    /// Kills every program still running, without waiting: for a run about to exit at once (a
    /// second signal), whose programs would otherwise go on until they next read their input.
    static func killAll() {
        // A program that already ended (and was reaped) is skipped: its id may be another's now.
        for (pid, process) in running.withLock({ $0 }) where process.isRunning { kill(pid, SIGKILL) }
    }

    /// Kills the program at once, from any thread: an exchange blocked reading its answer then
    /// fails, which frees the worker's queue.
    func killNow() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    /// The program's process id.
    var pid: Int32 { process.processIdentifier }

    /// Writes `request` (nothing for the handshake) and reads the next line, without its newline,
    /// before `deadline`, spinning first for up to `spin` nanoseconds (see `receive`).
    func exchange(_ request: [UInt8], deadline: DispatchTime, spin: UInt64 = 0) throws(Failure) -> [UInt8] {
        send(request)
        return try finish(deadline: deadline, spin: spin)
    }

    /// Goes on with the exchange `send` started until its line comes (or `deadline` passes).
    func finish(deadline: DispatchTime, spin: UInt64 = 0) throws(Failure) -> [UInt8] {
        while true {
            if let line = try receive(until: deadline, deadline: deadline, spin: spin) { return line }
        }
    }

    /// Starts an exchange: `request` is written as the program takes it, while `receive` waits.
    func send(_ request: [UInt8]) {
        self.request = request
        written = 0
        searched = 0
    }

    /// Goes on with the exchange `send` started: the next line, without its newline, once it has
    /// come; nil when `until` passes first (the exchange can go on with another call); `timedOut`
    /// when `deadline` passes. With `spin` set it first checks for a while without sleeping,
    /// yielding the processor between checks: a program that answers within microseconds is then
    /// read without waking this thread from a sleep, which on a virtual machine costs tens of
    /// microseconds each time.
    func receive(until: DispatchTime, deadline: DispatchTime, spin: UInt64 = 0) throws(Failure) -> [UInt8]? {
        let spinEnd = spin > 0 ? DispatchTime.now().uptimeNanoseconds + spin : 0
        while true {
            if let newline = buffer[searched...].firstIndex(of: 0x0A) {
                let line = Array(buffer[..<newline])
                buffer.removeFirst(newline + 1)
                searched = 0
                return line
            }
            searched = buffer.count
            if buffer.count > Self.maxLineBytes { throw .lineTooLong }
            let now = DispatchTime.now().uptimeNanoseconds
            guard deadline.uptimeNanoseconds > now else { throw .timedOut }
            guard until.uptimeNanoseconds > now else { return nil }
            let spinning = now < spinEnd
            let milliseconds =
                spinning ? 0 : Int32(clamping: (min(until.uptimeNanoseconds, deadline.uptimeNanoseconds) - now + 999_999) / 1_000_000)
            var fds = (
                pollfd(fd: output, events: Int16(POLLIN), revents: 0),
                pollfd(fd: errors, events: Int16(POLLIN), revents: 0),
                pollfd(fd: written < request.count ? input : -1, events: Int16(POLLOUT), revents: 0)
            )
            let ready = withUnsafeMutableBytes(of: &fds) { poll($0.baseAddress!.assumingMemoryBound(to: pollfd.self), 3, milliseconds) }
            if ready < 0 {
                if errno == EINTR { continue }
                throw .system("poll failed: \(String(cString: strerror(errno)))")
            }
            if ready == 0 {
                if spinning { sched_yield() }
                continue
            }
            if fds.1.revents != 0 { drainErrors() }
            if fds.2.revents & Int16(POLLOUT | POLLERR | POLLHUP) != 0 {
                let n = Self.writeIgnoringSIGPIPE(input, request, from: written)
                if n < 0 {
                    if errno == EAGAIN || errno == EINTR { continue }
                    // EPIPE: the program closed its input; its exit shows as the end of its output.
                    if errno == EPIPE { throw .ended }
                    throw .system("writing to the program failed: \(String(cString: strerror(errno)))")
                }
                written += n
            }
            if fds.0.revents != 0 {
                let n = chunk.withUnsafeMutableBytes { read(output, $0.baseAddress, $0.count) }
                if n > 0 {
                    buffer.append(contentsOf: chunk[..<n])
                } else if n == 0 {
                    drainErrors()
                    throw .ended
                } else if errno != EAGAIN && errno != EINTR {
                    throw .system("reading from the program failed: \(String(cString: strerror(errno)))")
                }
            }
        }
    }

    /// The end of what the program wrote to its standard error since `clearErrors`, trimmed.
    var errorTail: String {
        drainErrors()
        return String(decoding: stderrBytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Forgets what the program wrote to its standard error so far.
    func clearErrors() { stderrBytes.removeAll(keepingCapacity: true) }

    /// Whatever answer bytes arrived beyond the last line; left over after a timeout, they would
    /// be taken for the next document's answer, so a worker that timed out is never reused.
    var hasPendingOutput: Bool { !buffer.isEmpty }

    private func drainErrors() {
        while errors >= 0 {
            let n = chunk.withUnsafeMutableBytes { read(errors, $0.baseAddress, $0.count) }
            if n > 0 {
                stderrBytes.append(contentsOf: chunk[..<n])
                if stderrBytes.count > Self.stderrTail { stderrBytes.removeFirst(stderrBytes.count - Self.stderrTail) }
            } else if n == 0 {
                close(errors)
                errors = -1
            } else {
                return
            }
        }
    }

    /// How the program ended, once it has: "exited with status 3", "was killed by signal 9"; nil
    /// while it runs (waiting up to `wait` seconds for it to end).
    func exitDescription(wait: Double) -> String? {
        if process.isRunning, exited.wait(timeout: .now() + wait) == .timedOut { return nil }
        exited.signal()
        if process.isRunning { return nil }
        let status = process.terminationStatus
        return process.terminationReason == .uncaughtSignal ? "was killed by signal \(status)" : "exited with status \(status)"
    }

    /// Closes the program's input (a well-behaved program exits at its end), waits up to `grace`
    /// seconds, then kills it. Foundation reaps it, so no zombie is left.
    func terminate(grace: Double) {
        guard !closed else { return }
        closed = true
        close(input)
        if process.isRunning, grace > 0, exited.wait(timeout: .now() + grace) == .success { exited.signal() }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        Self.running.withLock { $0[process.processIdentifier] = nil }
        close(output)
        if errors >= 0 { close(errors) }
        errors = -1
    }

    /// `write(2)` with SIGPIPE blocked on this thread, so that a program that closed its input
    /// gives EPIPE instead of killing this process; a pending SIGPIPE is consumed before the mask
    /// is restored.
    private static func writeIgnoringSIGPIPE(_ fd: Int32, _ bytes: [UInt8], from offset: Int) -> Int {
        var block = sigset_t()
        var previous = sigset_t()
        sigemptyset(&block)
        sigaddset(&block, SIGPIPE)
        pthread_sigmask(SIG_BLOCK, &block, &previous)
        let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
        let saved = errno
        if n < 0 && saved == EPIPE {
            var none = timespec(tv_sec: 0, tv_nsec: 0)
            _ = sigtimedwait(&block, nil, &none)
        }
        pthread_sigmask(SIG_SETMASK, &previous, nil)
        errno = saved
        return n
    }
}
