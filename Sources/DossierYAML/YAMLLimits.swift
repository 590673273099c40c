/// Bounds on what the parser accepts, so hostile or broken input fails fast.
///
/// The defaults are far above any real pipeline file and far below what could exhaust memory or
/// the stack: an alias bomb or a file of 100 000 `[` is refused with `E002` at the point where the
/// limit is crossed, before the tree is built any further.
public struct YAMLLimits: Sendable, Hashable {
    /// How deeply sequences and mappings may nest.
    public var maxDepth: Int
    /// How many nodes the document may hold, counting each use of an alias as a full copy of the
    /// node it names.
    public var maxNodes: Int
    /// How many bytes of UTF-8 the text may have, or nil for no limit.
    public var maxBytes: Int?

    /// Creates limits.
    public init(maxDepth: Int = 200, maxNodes: Int = 100_000, maxBytes: Int? = nil) {
        self.maxDepth = maxDepth
        self.maxNodes = maxNodes
        self.maxBytes = maxBytes
    }

    /// Depth 200, 100 000 nodes, any size.
    public static let `default` = YAMLLimits()
}
