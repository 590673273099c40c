public import Foundation

/// The raw bytes of one input, as handed to a reader.
public struct Input: Sendable {
    /// The id documents read from this input take (or start with, when it holds several).
    public var id: String
    /// Where the bytes came from: a path, or `-` for standard input.
    public var name: String
    /// The bytes.
    public var data: Data

    /// Creates an input.
    public init(id: String, name: String, data: Data) {
        self.id = id
        self.name = name
        self.data = data
    }

    /// The file extension of `name`, lowercased and without the dot; empty when there is none.
    /// A trailing `.gz` is skipped, since the runner has already decompressed the bytes:
    /// `story.html.gz` gives `html`.
    public var fileExtension: String {
        var last = name.split(separator: "/").last.map(String.init) ?? name
        if last.lowercased().hasSuffix(".gz") { last = String(last.dropLast(3)) }
        guard let dot = last.lastIndex(of: "."), dot != last.startIndex else { return "" }
        return last[last.index(after: dot)...].lowercased()
    }
}
