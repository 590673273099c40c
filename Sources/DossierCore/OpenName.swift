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

/// The byte that stands for a name that is none of its type's built-in ones (see
/// `OpenName.code(among:)`); its holder keeps the string elsewhere.
let customNameCode: UInt8 = .max

extension OpenName {
    /// This name as a byte: its index among `builtIn` (at most 255 names), or `customNameCode`
    /// when it is none of them. Blocks and claims hold their kinds so: 1 byte instead of 16 for the
    /// names nearly every value has.
    func code(among builtIn: [Self]) -> UInt8 {
        guard let index = builtIn.firstIndex(of: self) else { return customNameCode }
        return UInt8(index)
    }

    /// The built-in name whose `code(among:)` is `code`, or nil for `customNameCode`.
    static func named(_ code: UInt8, among builtIn: [Self]) -> Self? {
        code == customNameCode ? nil : builtIn[Int(code)]
    }
}
