import Foundation

/// Decodes a component's options from wherever the pipeline wrote them.
///
/// The registry stays independent of any configuration format: the YAML pipeline loader supplies
/// one that keeps line and column in its errors, and a Swift caller can supply one over a value.
public protocol OptionsDecoder: Sendable {
    /// Decodes the options as `type`.
    func decode<T: Decodable>(_ type: T.Type) throws -> T
}

/// Options that are already values: for building pipelines in Swift without a file.
public struct ValueOptionsDecoder: OptionsDecoder {
    /// The options, encoded.
    public var value: JSONValue

    /// Creates a decoder over `value`; an empty object gives every default.
    public init(_ value: JSONValue = .object([])) { self.value = value }

    /// Creates a decoder over an options value.
    public init(options: some Encodable) throws { self.value = try JSONValue(encoding: options) }

    /// Decodes `type`, filling keys the value leaves out from the defaults when `type` is
    /// `ComponentOptions`.
    public func decode<T: Decodable>(_ type: T.Type) throws -> T {
        var merged = value
        if let optionsType = T.self as? any ComponentOptions.Type {
            merged = value.merged(over: try JSONValue(encoding: optionsType.init()))
        }
        let data = try JSONEncoder().encode(merged)
        return try JSONDecoder().decode(T.self, from: data)
    }
}
