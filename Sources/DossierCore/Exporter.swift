public import Foundation

/// Renders a document into bytes: JSON, Markdown, HTML and so on.
///
/// Where the bytes go (a file per article, one file for all, standard output) is the pipeline's
/// business, set by `to:` in the pipeline file; the exporter only renders.
public protocol Exporter: Component {
    /// The layers this exporter reads; the planner refuses a pipeline where none provides them.
    static var requires: Set<LayerID> { get }
    /// The extension of the files it writes, without the dot, for default output paths.
    static var fileExtension: String { get }
    /// Renders one document.
    func export(_ document: Document) throws -> Data
}

extension Exporter {
    public static var requires: Set<LayerID> { [] }
}
