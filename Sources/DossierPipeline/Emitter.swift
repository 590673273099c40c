import DossierCore
import Foundation

/// Writes results in input order as they arrive out of order, and keeps the run's summary.
///
/// Each item's results leave as soon as every earlier item's have: the writer hands them to the
/// exporters' sinks, the diagnostics (an article's export warnings first) go to `report` (or into
/// the summary when there is none), and progress is told. Being an actor, it is the one task at a
/// time that sinks need.
actor Emitter {
    private let writer: OutputWriter
    private let total: Int?
    private let progress: (@Sendable (RunProgress) -> Void)?
    private let report: (@Sendable (Diagnostic) -> Void)?
    private var waiting: [Int: (Runner.ItemResult, String)] = [:]
    /// Released once for each item written, in input order: the runner's bound on items taken
    /// and not yet written.
    private let written: AsyncSemaphore?
    private var next = 0
    private var summary = RunSummary()

    init(
        pipeline: Pipeline, base: String?, standardOutput: @escaping @Sendable (Data) -> Void, temporaryFiles: TemporaryFiles,
        inputs: Locked<Set<FileIdentity>>, total: Int?, progress: (@Sendable (RunProgress) -> Void)?,
        report: (@Sendable (Diagnostic) -> Void)?, written: AsyncSemaphore? = nil
    ) {
        self.written = written
        writer = OutputWriter(
            pipeline: pipeline, base: base, standardOutput: standardOutput, temporaryFiles: temporaryFiles, inputs: inputs)
        self.total = total
        self.progress = progress
        self.report = report
    }

    /// Takes the results of item `index`; writes them and any later ones already waiting.
    func deliver(_ result: Runner.ItemResult, at index: Int, name: String) {
        waiting[index] = (result, name)
        while let ((results, bytes, warnings, records), name) = waiting.removeValue(forKey: next) {
            summary.bytesRead += bytes
            warnings.forEach(emit)
            for (k, result) in results.enumerated() {
                let record = k < records.count ? records[k] : nil
                switch result {
                case .success(let document, let outputs, let warnings):
                    warnings.forEach(emit)
                    do throws(Diagnostic) {
                        try writer.write(document, outputs: outputs)
                        summary.succeeded += 1
                    } catch {
                        fail(error, record: record)
                    }
                case .failure(let diagnostic):
                    fail(diagnostic, record: record)
                }
            }
            flushOutputProblems()
            next += 1
            written?.release()
            summary.inputs = next
            // A streamed file yields more items than there were inputs: then the total is unknown.
            progress?(RunProgress(finished: next, total: total.flatMap { next <= $0 ? $0 : nil }, failed: summary.failed, current: name))
        }
    }

    /// Checks the outputs before anything runs; false (with the problem recorded) when the run
    /// must not start.
    func prepare() -> Bool {
        do throws(Diagnostic) {
            try writer.prepare()
            return true
        } catch {
            refuse(error)
            return false
        }
    }

    /// Records a problem that stopped the run before it began.
    func refuse(_ diagnostic: Diagnostic) {
        summary.refused = true
        summary.failed += 1
        emit(diagnostic)
    }

    /// Counts and reports a failed article, and answers it in the outputs that write failures
    /// (in its place in input order) when it is a record of its own.
    private func fail(_ diagnostic: Diagnostic, record: Runner.Record?) {
        summary.failed += 1
        emit(diagnostic)
        if let record,
            writer.write(failure: ArticleFailure(id: record.id, input: record.input, line: record.line, diagnostic: diagnostic))
        {
            summary.answered += 1
        }
    }

    private func emit(_ diagnostic: Diagnostic) {
        if diagnostic.severity == .error { summary.errorCount += 1 }
        if let report { report(diagnostic) } else { summary.diagnostics.append(diagnostic) }
    }

    private var reportedProblems = 0
    private func flushOutputProblems() {
        writer.takeSinkWarnings().forEach(emit)
        let problems = writer.outputProblems
        while reportedProblems < problems.count {
            let problem = problems[reportedProblems]
            reportedProblems += 1
            if problem.severity == .error { summary.outputFailures += 1 }
            emit(problem)
        }
    }

    /// The summary so far.
    func summary(seconds: Double) -> RunSummary {
        var s = summary
        s.seconds = seconds
        s.written = writer.written
        return s
    }

    /// Finishes the sinks and moves shared files into place (or discards both when `keep` is
    /// false) and closes the summary.
    func finish(keep: Bool, interrupted: Bool, seconds: Double) -> RunSummary {
        writer.finish(keep: keep)
        writer.discard()
        flushOutputProblems()
        summary.interrupted = interrupted
        return summary(seconds: seconds)
    }
}
