public import Foundation

/// Renders a document into bytes (JSON, Markdown, HTML and so on) and writes them through a sink.
///
/// Two steps with one job each. `export(_:context:)` renders one article; the runner calls it for
/// many articles at once, so it must not depend on the order they come in. `makeSink(for:context:)`
/// opens the writer of one output target, which sees every rendering in input order and can write
/// what a batch needs once: a header, separators, a footer, an index page. The default sink
/// (`StreamSink` with nothing around the renderings) writes each rendering as it is, so a simple
/// exporter implements `export` alone. Where the bytes go (a file per article, one file for all,
/// standard output) is the pipeline's business, set by `to:` in the pipeline file.
public protocol Exporter: Component {
    /// The layers this exporter reads; the planner refuses a pipeline where none provides them.
    static var requires: Set<LayerID> { get }
    /// The extension of the files it writes, without the dot, for default output paths.
    static var fileExtension: String { get }
    /// Whether its sink writes its one target file itself, in place (a database with transactions
    /// of its own), rather than appending bytes through the pipeline's atomic files.
    ///
    /// False by default. When true, the pipeline neither assembles the file aside nor renames it:
    /// the sink opens `ExportOutputKind.sharedFile(path:)` itself, keeps it consistent on failure
    /// (a transaction rolled back, not a file removed), and `ExportOutput.write` is refused. Such an
    /// exporter needs one file path: `dossier lint` refuses standard output and per-article
    /// templates for it (`E236`). Outputs over inputs are still refused (`E470`).
    static var writesInPlace: Bool { get }
    /// Whether this exporter's sink on `output` answers each failed article in the output itself
    /// (`ExportSink.write(failure:)`), as the `jsonl` exporter does with `failures: lines`. False
    /// by default. A failure a sink answers is part of the output, so it does not fail the run's
    /// exit status (`RunSummary.outputIsComplete`); it is still reported on standard error.
    func writesFailures(to output: ExportOutputKind) -> Bool
    /// Renders one document; `context` names the run and takes warnings.
    func export(_ document: Document, context: ExportContext) throws -> Data
    /// Opens the sink that writes this exporter's renderings to `output`, once per output target.
    func makeSink(for output: any ExportOutput, context: ExportContext) throws -> any ExportSink
}

extension Exporter {
    public static var requires: Set<LayerID> { [] }
    public static var writesInPlace: Bool { false }
    public func writesFailures(to output: ExportOutputKind) -> Bool { false }

    /// The default sink: each rendering written as it is, in input order.
    public func makeSink(for output: any ExportOutput, context: ExportContext) throws -> any ExportSink {
        StreamSink(output)
    }

    /// Renders one document outside a run (warnings dropped), for tests and callers that want bytes.
    public func export(_ document: Document) throws -> Data {
        try export(document, context: .standalone(exporter: Self.id))
    }
}
