/// What every reader produces and every analyzer and exporter can rely on: text, structure, metadata.
public protocol Article: Sendable {
    /// An identifier unique within a run, used in output paths and diagnostics.
    var id: String { get }
    /// The canonical text; every range indexes into it by Unicode scalar.
    var text: String { get }
    /// The structure of the text, in document order.
    var blocks: [Block] { get }
    /// What is known about the article besides its text.
    var metadata: Metadata { get }
}
