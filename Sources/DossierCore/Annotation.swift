/// One item of an annotation layer: a sentence, an entity, a quote, or a third party's own kind.
///
/// A layer is declared by one type conforming to this protocol, in one file: the type names its
/// layer, and its `Codable` conformance is its wire form in Dossier JSON. Built-in and third-party
/// layers go through the same door: `document.annotations[Stance.self]` reads a custom layer the
/// way `document.annotations.sentences` reads a built-in one, the JSON exporter writes it, the JSON
/// reader reads it back, and a program that does not know the type sees it as plain JSON.
///
/// Every annotation has an `id`, unique within its document, so that others can point at it with
/// a `Reference`. Leave `id` empty and the runner gives it one (`idPrefix` and a number); set it
/// yourself only when your own annotations point at each other in the same result.
public protocol Annotation: Codable, Hashable, Sendable {
    /// The layer this kind of annotation lives in; one type per layer.
    static var layer: LayerID { get }
    /// What ids the runner gives this kind start with, such as `e` for `e1`, `e2`; by default
    /// the layer's name and a hyphen.
    static var idPrefix: String { get }
    /// The annotation's id within its document; empty until the runner assigns one.
    var id: String { get set }
    /// The component that produced it; the runner sets it.
    var producer: Provenance { get set }
    /// The span the annotation is about, whose text Dossier JSON repeats beside it; nil when it
    /// has none (a metric, a source only listed at the end).
    var coveredRange: TextRange? { get }
    /// Calls `body` with every text range the annotation holds, so the runner can check them all
    /// (E406). The default visits `coveredRange`.
    func forEachRange(_ body: (TextRange) -> Void)
    /// Calls `body` with the id of every annotation this one points at, and the layer it must be
    /// in (nil for any), so the runner can check that each exists (E492). The default visits none.
    func forEachReference(_ body: (_ id: String, _ layer: LayerID?) -> Void)
}

extension Annotation {
    public static var idPrefix: String { layer.rawValue + "-" }
    public func forEachRange(_ body: (TextRange) -> Void) {
        if let coveredRange { body(coveredRange) }
    }
    public func forEachReference(_ body: (_ id: String, _ layer: LayerID?) -> Void) {}
}
