/// Finds something in a document and returns it as annotation layers.
///
/// The planner orders analyzers by `requires` and `provides`; the runner refuses an analyzer that
/// returns a layer it did not declare in `provides`.
public protocol Analyzer: Component {
    /// The layers that must be present before this analyzer runs.
    static var requires: Set<LayerID> { get }
    /// The layers this analyzer writes.
    static var provides: Set<LayerID> { get }
    /// Analyzes a snapshot of the document and returns what it adds.
    func analyze(_ document: Document) throws -> Annotations
}

extension Analyzer {
    public static var requires: Set<LayerID> { [] }
}
