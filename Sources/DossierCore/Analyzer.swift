/// Finds something in documents and returns it as annotation layers.
///
/// The planner orders analyzers by `requires` and `provides`; the runner refuses an analyzer that
/// returns a layer it did not declare in `provides`, checks every range, id and reference it
/// returns, and replaces what the same analyzer wrote before when a document is analyzed again.
///
/// Only `analyze(_:context:)` is required, and it may be written synchronous: a plain
/// `func analyze(_ document: Document, context: AnalysisContext) throws -> Annotations` satisfies
/// it. The lifecycle calls do nothing by default (the way a swift-nio `ChannelHandler`'s do):
///
/// - `prepare(_:)` runs once before the first document: load a model, start a subprocess, open a
///   connection. A failure refuses the run (E490) before any input is read.
/// - `analyze(batch:context:)` receives the documents of one input together (the items of a
///   feed, say), so that a model server can take them in one request; by default it calls
///   `analyze(_:context:)` for each in turn, the way spaCy's `Pipe.pipe` loops over `__call__`.
/// - `shutdown(_:)` runs once after the last document, also when the run fails or is
///   interrupted.
public protocol Analyzer: Component {
    /// The layers that must be present before this analyzer runs.
    static var requires: Set<LayerID> { get }
    /// The layers this analyzer writes.
    static var provides: Set<LayerID> { get }
    /// Gets ready to analyze; called once per run, before the first document.
    func prepare(_ context: AnalysisContext) async throws
    /// Analyzes a snapshot of one document and returns what it adds.
    func analyze(_ document: Document, context: AnalysisContext) async throws -> Annotations
    /// Analyzes several documents; one result per document, in the same order, so that one
    /// document's failure does not fail the others.
    func analyze(batch documents: [Document], context: AnalysisContext) async -> [Result<Annotations, any Error>]
    /// Releases what `prepare` took; called once per run, after the last document.
    func shutdown(_ context: AnalysisContext) async
}

extension Analyzer {
    public static var requires: Set<LayerID> { [] }

    public func prepare(_ context: AnalysisContext) async throws {}

    public func analyze(batch documents: [Document], context: AnalysisContext) async -> [Result<Annotations, any Error>] {
        var results: [Result<Annotations, any Error>] = []
        results.reserveCapacity(documents.count)
        for document in documents {
            do {
                results.append(.success(try await analyze(document, context: context)))
            } catch {
                results.append(.failure(error))
            }
        }
        return results
    }

    public func shutdown(_ context: AnalysisContext) async {}
}
