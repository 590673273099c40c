import Foundation

/// Encodes an `Encodable` value straight into a `JSONValue`, with no JSON text in between.
///
/// `JSONValue(encoding:)` once ran `JSONEncoder` and then `JSONDecoder` over its bytes; for the
/// layers the document writer has no fast path for (entities, quotes, dates, claims, sources and
/// every third-party layer), that round trip was three quarters of the `json` exporter's time.
/// This encoder gives the same value the round trip gave: object keys sorted as `JSONDecoder`
/// returned them, a whole double below 10¹⁶ as `.int` (JSONEncoder writes `1.0` as `1`, which
/// decodes as an integer), a `Float` by its shortest decimal form, `URL` as its absolute string,
/// `Data` as Base64 and `Decimal` as a number, as `JSONEncoder`'s default strategies write them.
/// `JSONValueEncoderTests` checks it against the round trip.
struct JSONValueEncoder {
    /// The value of `value`.
    static func encode(_ value: some Encodable) throws -> JSONValue {
        let root = Slot()
        try root.store(value, codingPath: [])
        return root.value
    }

    /// One value being built: a leaf, an object or an array.
    fileprivate final class Slot {
        enum Content {
            case leaf(JSONValue)
            case object([(String, Slot)])
            case array([Slot])
        }

        var content: Content = .leaf(.null)

        var value: JSONValue {
            switch content {
            case .leaf(let v): return v
            case .array(let slots): return .array(slots.map(\.value))
            case .object(let pairs):
                // Sorted as `JSONDecoder` handed keys to `JSONValue.init(from:)`; a key set twice keeps
                // the last. Objects are small and mostly written in key order already: an insertion
                // sort, stable, then duplicates dropped, without a dictionary per object.
                var sorted = pairs
                for i in sorted.indices.dropFirst() {
                    var j = i
                    let item = sorted[i]
                    while j > 0 && item.0 < sorted[j - 1].0 {
                        sorted[j] = sorted[j - 1]
                        j -= 1
                    }
                    sorted[j] = item
                }
                var result: [(key: String, value: JSONValue)] = []
                result.reserveCapacity(sorted.count)
                for (n, (k, s)) in sorted.enumerated() where n + 1 == sorted.count || sorted[n + 1].0 != k {
                    result.append((k, s.value))
                }
                return .object(result)
            }
        }

        func store<T: Encodable>(_ value: T, codingPath: [any CodingKey]) throws {
            if let leaf = Self.special(value) {
                content = .leaf(leaf)
                return
            }
            try value.encode(to: ValueEncoder(slot: self, codingPath: codingPath))
        }

        /// Values `JSONEncoder` writes its own way rather than through their `Encodable` conformance.
        static func special(_ value: some Encodable) -> JSONValue? {
            switch value {
            case let v as JSONValue: return v
            case let v as String: return .string(v)
            case let v as Bool: return .bool(v)
            case let v as Int: return .int(v)
            case let v as Double: return number(v)
            case let v as URL: return .string(v.absoluteString)
            case let v as Data: return .string(v.base64EncodedString())
            case let v as Decimal: return number(NSDecimalNumber(decimal: v).doubleValue)
            default: return nil
            }
        }

        static func number(_ d: Double) -> JSONValue {
            if d.isFinite, d == d.rounded(), abs(d) < 1e16 { return .int(Int(d)) }
            return .double(d)
        }

        static func integer<I: BinaryInteger>(_ v: I) -> JSONValue {
            if let i = Int(exactly: v) { return .int(i) }
            return .double(Double(v))
        }

        func object() -> Slot {
            if case .object = content { return self }
            content = .object([])
            return self
        }

        func child(forKey key: String) -> Slot {
            let s = Slot()
            if case .object(var pairs) = content {
                content = .leaf(.null)  // let go of the array's buffer so the append does not copy it
                pairs.append((key, s))
                content = .object(pairs)
            }
            return s
        }

        func appended() -> Slot {
            let s = Slot()
            if case .array(var items) = content {
                content = .leaf(.null)
                items.append(s)
                content = .array(items)
            } else {
                content = .array([s])
            }
            return s
        }

        var count: Int {
            if case .array(let items) = content { return items.count }
            return 0
        }
    }

    fileprivate struct ValueEncoder: Encoder {
        let slot: Slot
        let codingPath: [any CodingKey]
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            KeyedEncodingContainer(Keyed<Key>(slot: slot.object(), codingPath: codingPath))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            if case .array = slot.content {} else { slot.content = .array([]) }
            return Unkeyed(slot: slot, codingPath: codingPath)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer { Single(slot: slot, codingPath: codingPath) }
    }

    fileprivate struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let slot: Slot
        let codingPath: [any CodingKey]

        mutating func encodeNil(forKey key: Key) throws { slot.child(forKey: key.stringValue).content = .leaf(.null) }
        mutating func encode(_ value: Bool, forKey key: Key) throws { slot.child(forKey: key.stringValue).content = .leaf(.bool(value)) }
        mutating func encode(_ value: String, forKey key: Key) throws {
            slot.child(forKey: key.stringValue).content = .leaf(.string(value))
        }
        mutating func encode(_ value: Double, forKey key: Key) throws {
            slot.child(forKey: key.stringValue).content = .leaf(Slot.number(value))
        }
        mutating func encode(_ value: Float, forKey key: Key) throws {
            slot.child(forKey: key.stringValue).content = .leaf(Slot.number(Double("\(value)") ?? Double(value)))
        }
        mutating func encode(_ value: Int, forKey key: Key) throws { slot.child(forKey: key.stringValue).content = .leaf(.int(value)) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            try slot.child(forKey: key.stringValue).store(value, codingPath: codingPath + [key])
        }

        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy keyType: NestedKey.Type, forKey key: Key
        )
            -> KeyedEncodingContainer<NestedKey>
        {
            KeyedEncodingContainer(Keyed<NestedKey>(slot: slot.child(forKey: key.stringValue).object(), codingPath: codingPath + [key]))
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            let child = slot.child(forKey: key.stringValue)
            child.content = .array([])
            return Unkeyed(slot: child, codingPath: codingPath + [key])
        }

        mutating func superEncoder() -> any Encoder { ValueEncoder(slot: slot.child(forKey: "super"), codingPath: codingPath) }
        mutating func superEncoder(forKey key: Key) -> any Encoder {
            ValueEncoder(slot: slot.child(forKey: key.stringValue), codingPath: codingPath + [key])
        }
    }

    fileprivate struct Unkeyed: UnkeyedEncodingContainer {
        let slot: Slot
        let codingPath: [any CodingKey]
        var count: Int { slot.count }

        mutating func encodeNil() throws { slot.appended().content = .leaf(.null) }
        mutating func encode(_ value: Bool) throws { slot.appended().content = .leaf(.bool(value)) }
        mutating func encode(_ value: String) throws { slot.appended().content = .leaf(.string(value)) }
        mutating func encode(_ value: Double) throws { slot.appended().content = .leaf(Slot.number(value)) }
        mutating func encode(_ value: Float) throws { slot.appended().content = .leaf(Slot.number(Double("\(value)") ?? Double(value))) }
        mutating func encode(_ value: Int) throws { slot.appended().content = .leaf(.int(value)) }
        mutating func encode<T: Encodable>(_ value: T) throws { try slot.appended().store(value, codingPath: codingPath) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            KeyedEncodingContainer(Keyed<NestedKey>(slot: slot.appended().object(), codingPath: codingPath))
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let child = slot.appended()
            child.content = .array([])
            return Unkeyed(slot: child, codingPath: codingPath)
        }

        mutating func superEncoder() -> any Encoder { ValueEncoder(slot: slot.appended(), codingPath: codingPath) }
    }

    fileprivate struct Single: SingleValueEncodingContainer {
        let slot: Slot
        let codingPath: [any CodingKey]

        mutating func encodeNil() throws { slot.content = .leaf(.null) }
        mutating func encode(_ value: Bool) throws { slot.content = .leaf(.bool(value)) }
        mutating func encode(_ value: String) throws { slot.content = .leaf(.string(value)) }
        mutating func encode(_ value: Double) throws { slot.content = .leaf(Slot.number(value)) }
        mutating func encode(_ value: Float) throws { slot.content = .leaf(Slot.number(Double("\(value)") ?? Double(value))) }
        mutating func encode(_ value: Int) throws { slot.content = .leaf(.int(value)) }
        mutating func encode(_ value: Int8) throws { slot.content = .leaf(Slot.integer(value)) }
        mutating func encode(_ value: Int16) throws { slot.content = .leaf(Slot.integer(value)) }
        mutating func encode(_ value: Int32) throws { slot.content = .leaf(Slot.integer(value)) }
        mutating func encode(_ value: Int64) throws { slot.content = .leaf(Slot.integer(value)) }
        mutating func encode(_ value: UInt) throws { slot.content = .leaf(Slot.integer(value)) }
        mutating func encode(_ value: UInt8) throws { slot.content = .leaf(Slot.integer(value)) }
        mutating func encode(_ value: UInt16) throws { slot.content = .leaf(Slot.integer(value)) }
        mutating func encode(_ value: UInt32) throws { slot.content = .leaf(Slot.integer(value)) }
        mutating func encode(_ value: UInt64) throws { slot.content = .leaf(Slot.integer(value)) }
        mutating func encode<T: Encodable>(_ value: T) throws { try slot.store(value, codingPath: codingPath) }
    }
}
