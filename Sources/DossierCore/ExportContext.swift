/// What an exporter is told besides the document: which pipeline and instance it runs in, where
/// its warnings go, and whether the run is stopping.
///
/// One value rather than a growing list of parameters, so that a field added later (the run's
/// options, a clock, a logger) reaches every exporter without changing `export`'s signature (the
/// same reasoning as swift-log's `LogEvent`, SLG-0005). The runner makes one per article and
/// exporter for `export`, and one per output target for `makeSink`.
public struct ExportContext: Sendable {
    /// The name of the pipeline being run.
    public var pipeline: String
    /// The name this exporter goes by in the pipeline: its id, or the instance name it was given.
    public var exporter: String
    /// The article being rendered, as diagnostics name it; nil in a sink's context, which serves
    /// every article.
    public var article: String?
    /// Whether what `export` returns goes through this exporter's own sink in this run.
    ///
    /// An exporter whose sink can render a document at write time (streaming it in chunks, as the
    /// `json` exporter does for large documents) may return less from `export` when this is true;
    /// when false (a test, a caller using `export` on its own) it must return the whole rendering.
    public var rendersThroughSink: Bool
    private let report: @Sendable (Diagnostic) -> Void
    private let cancelled: @Sendable () -> Bool

    /// Creates a context; `warn` receives each warning, already naming the exporter and article.
    public init(
        pipeline: String, exporter: String, article: String? = nil, rendersThroughSink: Bool = false,
        warn: @escaping @Sendable (Diagnostic) -> Void = { _ in }, isCancelled: @escaping @Sendable () -> Bool = { Task.isCancelled }
    ) {
        self.pipeline = pipeline
        self.exporter = exporter
        self.article = article
        self.rendersThroughSink = rendersThroughSink
        self.report = warn
        self.cancelled = isCancelled
    }

    /// A context for rendering outside a run (tests, a caller that wants bytes): warnings are
    /// dropped, cancellation is the current task's.
    public static func standalone(exporter: String) -> ExportContext {
        ExportContext(pipeline: "", exporter: exporter)
    }

    /// Adds a warning to the run's diagnostics, naming this exporter and the article.
    ///
    /// A warning does not fail the article; throw from `export` for that. Use a code from your
    /// component's own range and word it like every Dossier message: lowercase, the user's value
    /// in single quotes, how to fix it.
    public func warn(_ message: String, code: String) {
        report(Diagnostic(.warning, code: code, message, article: article, component: exporter))
    }

    /// Whether the run is stopping (interrupted, or this article ran out of time): long work may
    /// end early by throwing `CancellationError`, which fails the article, not the run.
    public var isCancelled: Bool { cancelled() }

    /// Throws `CancellationError` when the run is stopping.
    public func checkCancellation() throws {
        if cancelled() { throw CancellationError() }
    }
}
