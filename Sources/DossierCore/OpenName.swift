/// A name from an open set, such as a block kind, an entity kind or a layer: a lowercase string
/// that built-in code offers constants for and any component may extend without changing this
/// module.
///
/// Conforming types declare `rawValue` and `init(rawValue:)`; the string literal, the JSON form
/// (the bare string) and the description come from here.
public protocol OpenName: RawRepresentable, Hashable, Sendable, Codable, ExpressibleByStringLiteral, CustomStringConvertible
where RawValue == String {
    /// Creates the name; every string is one.
    init(rawValue: String)
}

extension OpenName {
    public init(stringLiteral value: String) { self.init(rawValue: value) }

    public init(from decoder: any Decoder) throws { self.init(rawValue: try decoder.singleValueContainer().decode(String.self)) }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }
}
