public import DossierCore

extension YAMLNode {
    /// Builds a node from a JSON value, every node at `location`.
    ///
    /// Used to lay option defaults under what the user wrote (see `merged(over:)`), so the location
    /// is usually where the defaults come from, such as `<default>:1:1`. JSON strings become
    /// double-quoted scalars, so they stay strings; other JSON scalars become plain scalars that
    /// resolve back to the same value.
    public init(_ value: JSONValue, at location: SourceLocation) {
        switch value {
        case .null:
            self.init(scalar: "null", at: location)
        case .bool(let flag):
            self.init(scalar: flag ? "true" : "false", at: location)
        case .int(let number):
            self.init(scalar: String(number), at: location)
        case .double(let number):
            let text: String
            if number.isNaN { text = ".nan" } else if number.isInfinite { text = number < 0 ? "-.inf" : ".inf" } else { text = "\(number)" }
            self.init(scalar: text, at: location)
        case .string(let text):
            self.init(scalar: text, style: .doubleQuoted, at: location)
        case .array(let items):
            self.init(.sequence(items.map { YAMLNode($0, at: location) }), at: location)
        case .object(let pairs):
            self.init(
                .mapping(
                    pairs.map {
                        (key: YAMLNode(scalar: $0.key, style: .doubleQuoted, at: location), value: YAMLNode($0.value, at: location))
                    }),
                at: location
            )
        }
    }

    /// The node as JSON, resolving plain scalars with the core schema.
    ///
    /// Plain scalars become null, booleans, integers (when they fit in `Int`) or numbers where the
    /// core schema says so, and strings otherwise; quoted and block scalars are always strings.
    /// A mapping key that is not a scalar is written as its JSON text.
    public var jsonValue: JSONValue {
        switch content {
        case .scalar(let text, _):
            if isNull { return .null }
            if let flag = bool { return .bool(flag) }
            if let number = int { return .int(number) }
            if let number = double { return .double(number) }
            return .string(text)
        case .sequence(let items):
            return .array(items.map(\.jsonValue))
        case .mapping(let pairs):
            return .object(pairs.map { (key: $0.key.scalar ?? $0.key.jsonValue.description, value: $0.value.jsonValue) })
        }
    }
}
