public import DossierCore
public import Foundation

/// Reads the `hedges` layer: one tab-separated row per hedge, with the article, the cue and the
/// sentence it softens.
///
/// It declares `requires: [Hedge.layer]`, so a pipeline that names it without the `hedges`
/// analyzer is refused by the planner, and reads the layer as `document.annotations[Hedge.self]`.
public struct HedgeListExporter: Exporter {
    public static let id = "hedge-list"
    public static let summary = "One tab-separated row per hedge: article, cue, sentence"
    public static let version = "1.0.0"
    public static let fileExtension = "tsv"
    public static let requires: Set<LayerID> = [Hedge.layer]

    public init(options: NoOptions) {}

    /// The header, once per file or once on standard output.
    public func makeSink(for output: any ExportOutput, context: ExportContext) throws -> any ExportSink {
        StreamSink(output, header: Data("article\thedge\tcue\tsentence\n".utf8))
    }

    /// One row per hedge in the article, following each hedge's reference to its sentence.
    public func export(_ document: Document, context: ExportContext) throws -> Data {
        let annotations = document.annotations
        var rows = ""
        for hedge in annotations[Hedge.self] {
            let sentence = annotations.resolve(hedge.sentence).map { document.text(in: $0.range) } ?? ""
            let cells = [document.id, hedge.id, hedge.cue, sentence].map {
                $0.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ")
            }
            rows += cells.joined(separator: "\t") + "\n"
        }
        return Data(rows.utf8)
    }
}
