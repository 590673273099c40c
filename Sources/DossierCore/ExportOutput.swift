public import Foundation

/// Where a sink writes: one output target of one exporter, opened by the pipeline.
///
/// The pipeline owns the files behind it and keeps every promise of `Docs/Reliability.md`: a
/// per-article file is written aside and renamed only when all of that article's files were
/// written; a shared file is assembled aside for the whole run and renamed over the old one after
/// the sink's `finish`; nothing is renamed when the run is interrupted or a write fails. A sink
/// never opens the final path itself.
public protocol ExportOutput: AnyObject {
    /// What kind of target this is.
    var kind: ExportOutputKind { get }
    /// Appends bytes: to the file of the article being written on a per-article target (its sink's
    /// `write` is running), to the one shared file, or to standard output. Refused for an exporter
    /// that writes its file in place (`Exporter.writesInPlace`), whose sink opens the file itself.
    func write(_ data: Data) throws
    /// For a shared file: the path of the temporary file being assembled, which replaces the target
    /// when the run finishes. A sink that must write the file with a library of its own (SQLite)
    /// writes there and closes it before its `finish` returns; nil for other kinds, and for an
    /// exporter that writes its file in place (`Exporter.writesInPlace`), which opens the
    /// `sharedFile` path itself.
    var temporaryPath: String? { get }
    /// Writes a file of the batch beside the target (an index page, a manifest): `name` is a plain
    /// file name in the target's folder. It is assembled aside and renamed into place only when
    /// the run finishes, like a shared file; calling again with the same name appends.
    func write(_ data: Data, toFileNamed name: String) throws
    /// On a per-article target, while the sink's `write` runs: the current article's file as a
    /// path relative to the target's folder (where `write(_:toFileNamed:)` puts batch files), so
    /// that an index page written beside can link to it. Nil for other kinds, outside `write`,
    /// and for outputs that cannot say (the default).
    var articlePath: String? { get }
}

extension ExportOutput {
    /// Nil: an output that does not know its articles' paths.
    public var articlePath: String? { nil }
}

/// The kinds of output target.
public enum ExportOutputKind: Hashable, Sendable {
    /// Standard output, one stream for the run.
    case standardOutput
    /// One file for every article, at this absolute path.
    case sharedFile(path: String)
    /// A file per article (the template has `{id}` or `{index}`), under this absolute folder.
    case perArticle(folder: String)

    /// Whether each article gets a file of its own.
    public var isPerArticle: Bool {
        if case .perArticle = self { return true }
        return false
    }
}
