import Foundation

/// What an analyzer is told about the run it is part of, passed to every call.
///
/// One value rather than a growing list of arguments (the way swift-log's `LogEvent` replaced
/// its handler's parameters): what the engine tells analyzers can grow here without breaking
/// a single conformer.
public struct AnalysisContext: Sendable {
    /// The pipeline's name.
    public var pipeline: String
    /// The name the pipeline gives this analyzer (its id unless it was given another).
    public var component: String
    private let log: WarningLog?
    private let stopping: (@Sendable () -> Bool)?

    /// Creates a context; warnings go to `warnings` when given, and are dropped otherwise;
    /// `isCancelled` tells when the run no longer wants results, beside the task's own cancellation.
    public init(pipeline: String = "", component: String = "", warnings: WarningLog? = nil, isCancelled: (@Sendable () -> Bool)? = nil) {
        self.pipeline = pipeline
        self.component = component
        self.log = warnings
        self.stopping = isCancelled
    }

    /// Reports something the user should know that does not fail the document, such as a part
    /// of it that was skipped; it reaches the run's diagnostics as a warning naming the article.
    ///
    /// - Parameters:
    ///   - message: what happened and what the user can do, lowercase, without a final period.
    ///   - code: a stable code of the analyzer's own, `W` and three digits.
    ///   - range: where in the document text the problem lies, if anywhere.
    ///   - document: the document it concerns, so that the warning names the article.
    public func warn(_ message: String, code: String = "W400", range: TextRange? = nil, document: Document? = nil) {
        log?.add(ComponentError(code: code, message, range: range), component: component, document: document?.id)
    }

    /// Whether the run no longer wants the result: it was interrupted, or the article ran past its
    /// time budget. A long analysis should check this between steps and stop.
    public var isCancelled: Bool { Task.isCancelled || (stopping?() ?? false) }

    /// Throws `CancellationError` when `isCancelled`.
    public func checkCancellation() throws {
        if isCancelled { throw CancellationError() }
    }
}

/// Collects the warnings analyzers report through their contexts, from any thread.
public final class WarningLog: @unchecked Sendable {
    /// One warning: what the component said, which component, and about which document.
    public struct Entry: Sendable {
        /// What was reported.
        public var error: ComponentError
        /// The component's name in the pipeline.
        public var component: String
        /// The document's id, when the warning is about one.
        public var document: String?
    }

    private let lock = NSLock()
    private var entries: [Entry] = []

    /// Creates an empty log.
    public init() {}

    /// Adds a warning.
    public func add(_ error: ComponentError, component: String, document: String?) {
        lock.lock()
        entries.append(Entry(error: error, component: component, document: document))
        lock.unlock()
    }

    /// Takes every warning collected so far, leaving the log empty.
    public func drain() -> [Entry] {
        lock.lock()
        defer { lock.unlock() }
        let taken = entries
        entries = []
        return taken
    }
}
