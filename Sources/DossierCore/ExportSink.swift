public import Foundation

/// Writes an exporter's renderings to one output target: opened once per target, used serially in
/// input order, then finished, or discarded.
///
/// Rendering stays apart from writing (as swift-nio keeps `write` apart from `flush`): `export`
/// runs per article, concurrently; the sink sees each rendering in input order, on one task at a
/// time, so it may keep state (a row count, whether a separator is due) without locking. The
/// pipeline calls, in order:
///
/// 1. `Exporter.makeSink(for:context:)`, when the first article is written to the target (a run
///    that writes no article opens no sink and leaves any old file alone);
/// 2. `write(_:for:)` once per article, in input order;
/// 3. `finish()` once, when the run ends; then the pipeline renames the file into place. Or
///    `discard()` once instead, when the run is interrupted or a write to this target failed; then
///    the pipeline removes what was written and any old file stays.
///
/// When `finish` throws, the output is discarded (the old file stays) and `discard` is not called
/// as well: a sink whose `finish` can fail lets go of what it holds before throwing.
///
/// `finish`, `discard` and `write(failure:)` do nothing by default, like NIO's
/// `handlerAdded`/`handlerRemoved`, so a sink implements only what it needs. A thrown error from `write` fails that article on a
/// per-article target and the whole target otherwise (`E408`, the old file stays).
public protocol ExportSink {
    /// Writes one article's rendering (what `export` returned).
    mutating func write(_ rendered: Data, for document: Document) throws
    /// Answers an article that failed, in its place among the renderings: called only on a sink
    /// whose exporter says it writes failures to this target (`Exporter.writesFailures(to:)`),
    /// for each failed record, so that a consumer streaming one line per record gets one for
    /// every record (`Docs/Streaming.md`). A thrown error fails the whole target, as from `write`.
    mutating func write(failure: ArticleFailure) throws
    /// Writes what closes the output (a footer, a closing bracket) after the last article.
    mutating func finish() throws
    /// Lets go of anything held; the pipeline removes what was written. Must not throw.
    mutating func discard()
}

extension ExportSink {
    /// Does nothing by default: failures are reported on standard error, not in the output.
    public mutating func write(failure: ArticleFailure) throws {}
    /// Does nothing by default.
    public mutating func finish() throws {}
    /// Does nothing by default.
    public mutating func discard() {}
}
