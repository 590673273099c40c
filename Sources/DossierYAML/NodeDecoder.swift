internal import DossierCore

/// The `Decoder` for one node; also its single-value container.
final class NodeDecoder: Decoder, SingleValueDecodingContainer {
    let node: YAMLNode
    let codingPath: [any CodingKey]
    let sendableUserInfo: [CodingUserInfoKey: any Sendable]
    var userInfo: [CodingUserInfoKey: Any] { sendableUserInfo }

    init(node: YAMLNode, codingPath: [any CodingKey], userInfo: [CodingUserInfoKey: any Sendable]) {
        self.node = node
        self.codingPath = codingPath
        self.sendableUserInfo = userInfo
    }

    /// Decodes `type` from `node`, turning any `DecodingError` the type's own `init(from:)` throws
    /// into a `YAMLDecodingError` at the node it concerns.
    static func decode<T: Decodable>(
        _ type: T.Type, from node: YAMLNode, at path: [any CodingKey], userInfo: [CodingUserInfoKey: any Sendable]
    ) throws -> T {
        if T.self == YAMLNode.self, let node = node as? T { return node }
        do {
            return try T(from: NodeDecoder(node: node, codingPath: path, userInfo: userInfo))
        } catch let error as DecodingError {
            throw DecodingProblem.translate(error, decoding: T.self, from: node, at: path)
        }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        if node.mapping == nil {
            throw DecodingProblem.mismatch(expected: "a mapping", node: node, path: codingPath)
        }
        return KeyedDecodingContainer(NodeKeyedContainer<Key>(node: node, codingPath: codingPath, userInfo: sendableUserInfo))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard let items = node.sequence else { throw DecodingProblem.mismatch(expected: "a list", node: node, path: codingPath) }
        return NodeUnkeyedContainer(node: node, items: items, codingPath: codingPath, userInfo: sendableUserInfo)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    // MARK: SingleValueDecodingContainer

    func decodeNil() -> Bool { node.isNull }
    func decode(_ type: Bool.Type) throws -> Bool { try Unbox.bool(node, codingPath) }
    func decode(_ type: String.Type) throws -> String { try Unbox.string(node, codingPath) }
    func decode(_ type: Double.Type) throws -> Double { try Unbox.double(node, codingPath) }
    func decode(_ type: Float.Type) throws -> Float { try Unbox.float(node, codingPath) }
    func decode(_ type: Int.Type) throws -> Int { try Unbox.integer(node, codingPath) }
    func decode(_ type: Int8.Type) throws -> Int8 { try Unbox.integer(node, codingPath) }
    func decode(_ type: Int16.Type) throws -> Int16 { try Unbox.integer(node, codingPath) }
    func decode(_ type: Int32.Type) throws -> Int32 { try Unbox.integer(node, codingPath) }
    func decode(_ type: Int64.Type) throws -> Int64 { try Unbox.integer(node, codingPath) }
    func decode(_ type: UInt.Type) throws -> UInt { try Unbox.integer(node, codingPath) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try Unbox.integer(node, codingPath) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try Unbox.integer(node, codingPath) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try Unbox.integer(node, codingPath) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try Unbox.integer(node, codingPath) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try Self.decode(type, from: node, at: codingPath, userInfo: sendableUserInfo)
    }
}

/// Reads primitives from scalar nodes with the core schema.
enum Unbox {
    static func bool(_ node: YAMLNode, _ path: [any CodingKey]) throws -> Bool {
        guard let value = node.bool else {
            throw DecodingProblem.mismatch(expected: "a boolean (true or false)", node: node, path: path, wouldResolve: { $0.bool != nil })
        }
        return value
    }

    static func string(_ node: YAMLNode, _ path: [any CodingKey]) throws -> String {
        guard let text = node.scalar, !node.isNull else {
            throw DecodingProblem.mismatch(expected: "a string", node: node, path: path)
        }
        return text
    }

    static func double(_ node: YAMLNode, _ path: [any CodingKey]) throws -> Double {
        guard let value = node.double else {
            throw DecodingProblem.mismatch(expected: "a number", node: node, path: path, wouldResolve: { $0.double != nil })
        }
        return value
    }

    static func float(_ node: YAMLNode, _ path: [any CodingKey]) throws -> Float {
        let value = try double(node, path)
        let narrowed = Float(value)
        if value.isFinite && !narrowed.isFinite {
            throw DecodingProblem.outOfRange(
                node: node, path: path, type: Float.self, range: "\(-Float.greatestFiniteMagnitude) to \(Float.greatestFiniteMagnitude)")
        }
        return narrowed
    }

    static func integer<T: FixedWidthInteger>(_ node: YAMLNode, _ path: [any CodingKey]) throws -> T {
        switch node.integerLiteral {
        case .integer(let literal)?:
            if let value = literal.value(as: T.self) { return value }
        case .tooLarge?:
            break
        case nil:
            throw DecodingProblem.mismatch(expected: "an integer", node: node, path: path, wouldResolve: { $0.integerLiteral != nil })
        }
        throw DecodingProblem.outOfRange(node: node, path: path, type: T.self, range: "\(T.min) to \(T.max)")
    }
}
