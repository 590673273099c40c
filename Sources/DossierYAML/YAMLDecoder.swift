/// Decodes `Decodable` values from `YAMLNode`s, keeping the position of every problem.
///
/// Plain scalars resolve with the YAML 1.2 core schema: `5` decodes as an integer, a number or the
/// string `"5"`; quoted scalars are only strings, so `"5"` decoded as `Int` is an error. A null
/// node or a missing key decodes as nil for optionals. A null node is not an empty mapping or list
/// (types such as `JSONValue` probe for containers, and would read null as `{}`), so the error
/// suggests `{}` or `[]`. A property of type `YAMLNode` receives the node itself, marks
/// and all, for decoding later.
///
/// Every failure is a `YAMLDecodingError` at the offending node, including `DecodingError`s thrown
/// by a type's own `init(from:)`, such as an enum given a raw value it does not have.
public struct YAMLDecoder: Sendable {
    /// Values handed to every `init(from:)` through `Decoder.userInfo`.
    public var userInfo: [CodingUserInfoKey: any Sendable]

    /// Creates a decoder.
    public init(userInfo: [CodingUserInfoKey: any Sendable] = [:]) {
        self.userInfo = userInfo
    }

    /// Decodes a value of `type` from `node`.
    ///
    /// - Throws: `YAMLDecodingError`.
    public func decode<T: Decodable>(_ type: T.Type, from node: YAMLNode) throws -> T {
        try NodeDecoder.decode(type, from: node, at: [], userInfo: userInfo)
    }
}
