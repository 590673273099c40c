extension TextRange {
    /// Reads a range written flat as two optional integer keys, as Dossier JSON writes optional
    /// ranges: both or neither. One without the other is a decoding error (E705).
    public init?<Key: CodingKey>(flatFrom container: KeyedDecodingContainer<Key>, start: Key, end: Key) throws {
        let s = try container.decodeIfPresent(Int.self, forKey: start)
        let e = try container.decodeIfPresent(Int.self, forKey: end)
        switch (s, e) {
        case (nil, nil): return nil
        case (let s?, let e?): try self.init(checkedStart: s, end: e, codingPath: container.codingPath)
        default:
            throw DocumentJSONError(
                code: "E705", "'start' and 'end' must be given together or not at all", path: DocumentJSON.path(container.codingPath))
        }
    }
}
