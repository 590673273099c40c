public import Foundation

extension Document {
    /// The version of the canonical JSON layout this build writes and reads.
    ///
    /// The same value as `DocumentJSON.version`, here so callers holding a document need not
    /// know the namespace.
    public static let jsonFormatVersion = DocumentJSON.version

    /// The document as canonical Dossier JSON (see `DocumentJSON` for the layout).
    ///
    /// Keys are sorted, so equal documents give equal bytes. With `includeText: false` the text
    /// and every item's covered `text` are left out, for sharing results without the article;
    /// such a file keeps its ranges and `length` but cannot be read back into a `Document`. With
    /// `newline` the bytes end with `\n`, written into the same buffer rather than appended after.
    public func jsonData(pretty: Bool = true, includeText: Bool = true, newline: Bool = false) throws -> Data {
        try DocumentJSON.encode(self, pretty: pretty, includeText: includeText, newline: newline)
    }

    /// Streams the bytes `jsonData` returns to `consume`, in chunks of about `chunkSize` bytes.
    ///
    /// For writing a document to a file or a pipe without holding its JSON whole: the memory
    /// taken is one chunk. The first error `consume` throws ends the stream and is rethrown.
    public func writeJSON(
        pretty: Bool = true, includeText: Bool = true, newline: Bool = false, chunkSize: Int = 1 << 16,
        to consume: @escaping (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        try DocumentJSON.write(self, pretty: pretty, includeText: includeText, newline: newline, chunkSize: chunkSize, to: consume)
    }

    /// Reads a document back from canonical Dossier JSON.
    ///
    /// Throws a `DocumentJSONError` for another format or version, a range outside the text, or
    /// an item whose `text` differs from what its range covers.
    public init(jsonData: Data) throws {
        self = try DocumentJSON.decode(jsonData)
    }
}
