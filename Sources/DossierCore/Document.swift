/// An article with everything the pipeline has learned about it.
///
/// The text is fixed when the document is created; blocks, metadata and links come from the
/// reader, and annotation layers are added by analyzers. A document is a value: analyzers see a
/// snapshot and return what they add.
public struct Document: Article, Hashable {
    /// An identifier unique within a run, used in output paths and diagnostics.
    public var id: String
    /// The canonical text; every range indexes into it by Unicode scalar.
    ///
    /// Built from `scalars` when asked for: analyzers read the scalars, and most runs need the
    /// text as a string only once, when a document is written, so holding both would build a
    /// copy of every article that nothing reads.
    public var text: String { String(scalars: scalars) }
    /// The text as Unicode scalars, for constant-time access by offset, stored at the narrowest
    /// width that holds them (one byte each for ASCII and Latin-1 text).
    public let scalars: ScalarBuffer
    /// The structure, in document order.
    public var blocks: [Block]
    /// Title, authors, dates and the rest.
    public var metadata: Metadata
    /// Candidate sources found by the reader.
    public var links: [Link]
    /// The annotation layers added by analyzers.
    public var annotations: Annotations
    /// Where the article came from: a path, `-` for standard input, or a URL.
    public var origin: String?
    /// The reader that made the document.
    public var reader: Provenance?

    /// Creates a document with the given text and structure and no annotations.
    public init(
        id: String, text: String, blocks: [Block] = [], metadata: Metadata = Metadata(), links: [Link] = [],
        annotations: Annotations = Annotations(), origin: String? = nil, reader: Provenance? = nil
    ) {
        self.init(
            id: id, scalars: ScalarBuffer(text), blocks: blocks, metadata: metadata, links: links,
            annotations: annotations, origin: origin, reader: reader)
    }

    /// Creates a document from text already held as a scalar buffer, sharing it rather than
    /// decoding the text into another; readers that build their text scalar by scalar use it.
    public init(
        id: String, scalars: ScalarBuffer, blocks: [Block] = [], metadata: Metadata = Metadata(), links: [Link] = [],
        annotations: Annotations = Annotations(), origin: String? = nil, reader: Provenance? = nil
    ) {
        self.id = id
        self.scalars = scalars
        self.blocks = blocks
        self.metadata = metadata
        self.links = links
        self.annotations = annotations
        self.origin = origin
        self.reader = reader
    }

    /// Creates a document from text held as an array of Unicode scalars, stored at the narrowest width.
    public init(
        id: String, scalars: [Unicode.Scalar], blocks: [Block] = [], metadata: Metadata = Metadata(), links: [Link] = [],
        annotations: Annotations = Annotations(), origin: String? = nil, reader: Provenance? = nil
    ) {
        self.init(
            id: id, scalars: ScalarBuffer(scalars), blocks: blocks, metadata: metadata, links: links,
            annotations: annotations, origin: origin, reader: reader)
    }

    /// The number of Unicode scalars in the text.
    public var length: Int { scalars.count }

    /// The text of `range`, clamped to the document.
    public func text(in range: TextRange) -> String {
        let lower = min(max(range.start, 0), scalars.count)
        let upper = min(max(range.end, lower), scalars.count)
        return scalars.string(in: lower..<upper)
    }

    /// The blocks of one kind, in document order.
    public func blocks(of kind: BlockKind) -> [Block] { blocks.filter { $0.kind == kind } }

    /// The block that contains `range`, if any.
    public func block(containing range: TextRange) -> Block? {
        blocks.first { $0.range.contains(range) }
    }

    public static func == (lhs: Document, rhs: Document) -> Bool {
        lhs.id == rhs.id && lhs.text == rhs.text && lhs.blocks == rhs.blocks && lhs.metadata == rhs.metadata
            && lhs.links == rhs.links && lhs.annotations == rhs.annotations && lhs.origin == rhs.origin && lhs.reader == rhs.reader
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(text)
    }
}
