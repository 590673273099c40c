internal import DossierCore

extension YAMLNode: Decodable {
    /// Receives the node itself when decoded by `YAMLDecoder`, so a property of type `YAMLNode`
    /// keeps raw YAML (with its locations) to decode later, once its type is known.
    ///
    /// From any other decoder, the value is read as JSON and every node gets the location
    /// `<decoded>:1:1`.
    public init(from decoder: any Decoder) throws {
        if let decoder = decoder as? NodeDecoder {
            self = decoder.node
            return
        }
        self.init(try JSONValue(from: decoder), at: SourceLocation(file: "<decoded>", line: 1, column: 1))
    }
}
