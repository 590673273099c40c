import Dossier
import DossierPipeline
import Foundation

/// What a component's `Options` type asks the decoder for, key by key: found by decoding the
/// options once through a decoder that notes each request and hands back the encoded default.
///
/// The encoded defaults say most of what `dossier list` and `dossier schema` show, but not all:
/// a `Double` whose default is whole encodes as an integer, an optional that starts unset has no
/// default to take a type from, and an enum looks like any string. The type the synthesized
/// `init(from:)` asks for says each of these. The probe goes through the registry's `validate`
/// entry, so it needs nothing beyond what registering gave, and stops before `validate` runs.
struct OptionShapeProbe: OptionsDecoder {
    /// What one key was decoded as.
    struct Shape: Sendable, Equatable {
        /// `bool`, `int`, `number`, `string`, `list` or `mapping`; nil for a type the probe cannot name.
        var typeName: String?
        /// The raw values of an enum, or of a list's enum items, in declaration order.
        var choices: [String]?
        /// For a list: its items' type name, when known.
        var itemTypeName: String?
    }

    /// The shapes by option key; empty when the options could not be probed.
    static func shapes(validate: @Sendable (any OptionsDecoder) throws -> Void, defaults: JSONValue) -> [String: Shape] {
        let probe = OptionShapeProbe(defaults: defaults, found: Locked([:]))
        do {
            try validate(probe)
        } catch is Finished {
            return probe.found.withLock { $0 }
        } catch {}
        return [:]
    }

    /// Thrown once the options decoded, so that the component's `validate` does not run.
    struct Finished: Error {}

    let defaults: JSONValue
    let found: Locked<[String: Shape]>

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        _ = try T(from: TopDecoder(probe: self))
        throw Finished()
    }

    /// The shape of a Swift type, as far as the probe can name it.
    static func shape(of type: Any.Type) -> Shape {
        if let choices = Self.choices(of: type) { return Shape(typeName: "string", choices: choices) }
        if let list = type as? any ProbedList.Type {
            let item = shape(of: list.itemType)
            return Shape(typeName: "list", choices: item.choices, itemTypeName: item.typeName)
        }
        if let optional = type as? any ProbedOptional.Type { return shape(of: optional.wrappedType) }
        switch type {
        case is String.Type, is URL.Type, is LayerID.Type: return Shape(typeName: "string")
        case is Bool.Type: return Shape(typeName: "bool")
        case is Double.Type, is Float.Type, is Decimal.Type: return Shape(typeName: "number")
        case is any FixedWidthInteger.Type: return Shape(typeName: "int")
        case is JSONValue.Type: return Shape()
        case is any ProbedDictionary.Type: return Shape(typeName: "mapping")
        default: return Shape()
        }
    }

    /// The raw values of a `CaseIterable` enum with raw values, in declaration order.
    static func choices(of type: Any.Type) -> [String]? {
        guard let iterable = type as? any CaseIterable.Type, type is any RawRepresentable.Type else { return nil }
        func values<C: CaseIterable>(_: C.Type) -> [String] {
            C.allCases.compactMap { ($0 as? any RawRepresentable).map { "\($0.rawValue)" } }
        }
        let result = values(iterable)
        return result.isEmpty ? nil : result
    }

    fileprivate func note(_ type: Any.Type, forKey key: String) {
        let shape = Self.shape(of: type)
        found.withLock { $0[key] = shape }
    }

    /// The default of `key` decoded as `T`: what the real decoder would hand back for an entry
    /// that leaves the key out.
    fileprivate func value<T: Decodable>(_ type: T.Type, forKey key: any CodingKey) throws -> T {
        guard let value = defaults[key.stringValue] else {
            throw DecodingError.keyNotFound(key, DecodingError.Context(codingPath: [key], debugDescription: "no default"))
        }
        let data = try JSONEncoder().encode(JSONValue.array([value]))
        return try JSONDecoder().decode([T].self, from: data)[0]
    }
}

/// The options' own decoder: only the keyed container is needed, since options are a mapping.
private struct TopDecoder: Decoder {
    let probe: OptionShapeProbe
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(Keys<Key>(probe: probe))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        throw DecodingError.typeMismatch([Any].self, .init(codingPath: [], debugDescription: "options are a mapping"))
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        throw DecodingError.typeMismatch(Any.self, .init(codingPath: [], debugDescription: "options are a mapping"))
    }

    struct Keys<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let probe: OptionShapeProbe
        var codingPath: [any CodingKey] { [] }
        var allKeys: [Key] {
            guard case .object(let pairs) = probe.defaults else { return [] }
            return pairs.compactMap { Key(stringValue: $0.key) }
        }

        func contains(_ key: Key) -> Bool { probe.defaults[key.stringValue] != nil }
        func decodeNil(forKey key: Key) throws -> Bool { probe.defaults[key.stringValue] == .null }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try generic(type, forKey: key) }
        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try generic(type, forKey: key) }
        func decode(_ type: String.Type, forKey key: Key) throws -> String { try generic(type, forKey: key) }
        func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try generic(type, forKey: key) }
        func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try generic(type, forKey: key) }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try generic(type, forKey: key) }
        func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try generic(type, forKey: key) }
        func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try generic(type, forKey: key) }
        func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try generic(type, forKey: key) }
        func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try generic(type, forKey: key) }
        func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try generic(type, forKey: key) }
        func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try generic(type, forKey: key) }
        func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try generic(type, forKey: key) }
        func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try generic(type, forKey: key) }
        func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try generic(type, forKey: key) }

        private func generic<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            probe.note(T.self, forKey: key.stringValue)
            return try probe.value(T.self, forKey: key)
        }

        // Without these, an optional of a standard type goes through the protocol's default,
        // which asks only `contains` and would never say the type.
        func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try genericIfPresent(type, forKey: key) }
        func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try genericIfPresent(type, forKey: key) }
        func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try genericIfPresent(type, forKey: key) }
        func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? { try genericIfPresent(type, forKey: key) }
        func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try genericIfPresent(type, forKey: key) }
        func decodeIfPresent(_ type: Int8.Type, forKey key: Key) throws -> Int8? { try genericIfPresent(type, forKey: key) }
        func decodeIfPresent(_ type: Int16.Type, forKey key: Key) throws -> Int16? { try genericIfPresent(type, forKey: key) }
        func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { try genericIfPresent(type, forKey: key) }
        func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try genericIfPresent(type, forKey: key) }
        func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws -> UInt? { try genericIfPresent(type, forKey: key) }
        func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws -> UInt8? { try genericIfPresent(type, forKey: key) }
        func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws -> UInt16? { try genericIfPresent(type, forKey: key) }
        func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? { try genericIfPresent(type, forKey: key) }
        func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? { try genericIfPresent(type, forKey: key) }
        func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? { try genericIfPresent(type, forKey: key) }

        private func genericIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
            probe.note(T.self, forKey: key.stringValue)
            guard let value = probe.defaults[key.stringValue], value != .null else { return nil }
            return try probe.value(T.self, forKey: key)
        }

        func nestedContainer<NestedKey: CodingKey>(
            keyedBy type: NestedKey.Type, forKey key: Key
        ) throws -> KeyedDecodingContainer<
            NestedKey
        > {
            throw DecodingError.typeMismatch(type, .init(codingPath: [key], debugDescription: "not probed"))
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            throw DecodingError.typeMismatch([Any].self, .init(codingPath: [key], debugDescription: "not probed"))
        }

        func superDecoder() throws -> any Decoder { TopDecoder(probe: probe) }
        func superDecoder(forKey key: Key) throws -> any Decoder { TopDecoder(probe: probe) }
    }
}

/// An array type, so that the probe can name its items' type.
private protocol ProbedList { static var itemType: Any.Type { get } }
extension Array: ProbedList { fileprivate static var itemType: Any.Type { Element.self } }
extension Set: ProbedList { fileprivate static var itemType: Any.Type { Element.self } }

/// An optional type, so that the probe can look through it.
private protocol ProbedOptional { static var wrappedType: Any.Type { get } }
extension Optional: ProbedOptional { fileprivate static var wrappedType: Any.Type { Wrapped.self } }

/// A dictionary type: a mapping in YAML.
private protocol ProbedDictionary {}
extension Dictionary: ProbedDictionary {}
