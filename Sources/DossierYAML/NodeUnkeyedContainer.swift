/// Reads a sequence's items in order.
struct NodeUnkeyedContainer: UnkeyedDecodingContainer {
    let node: YAMLNode
    let items: [YAMLNode]
    let codingPath: [any CodingKey]
    let userInfo: [CodingUserInfoKey: any Sendable]
    private(set) var currentIndex = 0

    init(node: YAMLNode, items: [YAMLNode], codingPath: [any CodingKey], userInfo: [CodingUserInfoKey: any Sendable]) {
        self.node = node
        self.items = items
        self.codingPath = codingPath
        self.userInfo = userInfo
    }

    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    /// The next item and its path, moving past it; an error at the list when there is none.
    private mutating func next() throws -> (YAMLNode, [any CodingKey]) {
        guard !isAtEnd else {
            let name = DecodingProblem.name(codingPath)
            throw YAMLDecodingError(
                code: YAMLDecodingError.Code.typeMismatch,
                "expected more than \(items.count) item\(items.count == 1 ? "" : "s") in \(name.isEmpty ? "the list" : "'\(name)'"); add the missing items",
                at: node.location, codingPath: DecodingProblem.strings(codingPath)
            )
        }
        defer { currentIndex += 1 }
        return (items[currentIndex], codingPath + [NodeIndexKey(index: currentIndex)])
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, items[currentIndex].isNull else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool {
        let (n, p) = try next()
        return try Unbox.bool(n, p)
    }
    mutating func decode(_ type: String.Type) throws -> String {
        let (n, p) = try next()
        return try Unbox.string(n, p)
    }
    mutating func decode(_ type: Double.Type) throws -> Double {
        let (n, p) = try next()
        return try Unbox.double(n, p)
    }
    mutating func decode(_ type: Float.Type) throws -> Float {
        let (n, p) = try next()
        return try Unbox.float(n, p)
    }
    mutating func decode(_ type: Int.Type) throws -> Int {
        let (n, p) = try next()
        return try Unbox.integer(n, p)
    }
    mutating func decode(_ type: Int8.Type) throws -> Int8 {
        let (n, p) = try next()
        return try Unbox.integer(n, p)
    }
    mutating func decode(_ type: Int16.Type) throws -> Int16 {
        let (n, p) = try next()
        return try Unbox.integer(n, p)
    }
    mutating func decode(_ type: Int32.Type) throws -> Int32 {
        let (n, p) = try next()
        return try Unbox.integer(n, p)
    }
    mutating func decode(_ type: Int64.Type) throws -> Int64 {
        let (n, p) = try next()
        return try Unbox.integer(n, p)
    }
    mutating func decode(_ type: UInt.Type) throws -> UInt {
        let (n, p) = try next()
        return try Unbox.integer(n, p)
    }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 {
        let (n, p) = try next()
        return try Unbox.integer(n, p)
    }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 {
        let (n, p) = try next()
        return try Unbox.integer(n, p)
    }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 {
        let (n, p) = try next()
        return try Unbox.integer(n, p)
    }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 {
        let (n, p) = try next()
        return try Unbox.integer(n, p)
    }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let (n, p) = try next()
        return try NodeDecoder.decode(type, from: n, at: p, userInfo: userInfo)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let (n, p) = try next()
        return try NodeDecoder(node: n, codingPath: p, userInfo: userInfo).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let (n, p) = try next()
        return try NodeDecoder(node: n, codingPath: p, userInfo: userInfo).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder {
        let (n, p) = try next()
        return NodeDecoder(node: n, codingPath: p, userInfo: userInfo)
    }
}
