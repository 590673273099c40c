internal import DossierCore

/// Builds `YAMLDecodingError`s in the house style.
enum DecodingProblem {
    /// The path as strings: keys by name, list indices as decimal numbers.
    static func strings(_ path: [any CodingKey]) -> [String] {
        path.map { $0.intValue.map(String.init) ?? $0.stringValue }
    }

    /// The name of the value at `path` as shown in messages: its key, with any list indices after
    /// it (`keywords[2]`); empty at the root.
    static func name(_ path: [any CodingKey]) -> String {
        var suffix = ""
        for key in path.reversed() {
            if let index = key.intValue, key.stringValue == String(index) || key.stringValue.hasPrefix("Index ") {
                suffix = "[\(index)]" + suffix
            } else {
                return key.stringValue + suffix
            }
        }
        return suffix
    }

    /// ` for 'name'`, or nothing at the root.
    static func subject(_ path: [any CodingKey]) -> String {
        let name = name(path)
        return name.isEmpty ? "" : " for '\(name)'"
    }

    static func mismatch(
        expected: String, node: YAMLNode, path: [any CodingKey], wouldResolve: ((YAMLNode) -> Bool)? = nil
    ) -> YAMLDecodingError {
        var message = "expected \(expected)\(subject(path)), found \(node.kindDescription)"
        if let wouldResolve, let text = node.scalar, node.style != .plain, node.tag == nil,
            wouldResolve(YAMLNode(scalar: text, at: node.location))
        {
            message += "; remove the quotes"
        } else if node.isNull {
            switch expected {
            case "a string": message += "; write the text, in quotes if it is 'null' or '~'"
            case "a mapping": message += "; write '{}' for an empty mapping"
            case "a list": message += "; write '[]' for an empty list"
            default: break
            }
        }
        return YAMLDecodingError(code: YAMLDecodingError.Code.typeMismatch, message, at: node.location, codingPath: strings(path))
    }

    static func outOfRange(node: YAMLNode, path: [any CodingKey], type: Any.Type, range: String) -> YAMLDecodingError {
        YAMLDecodingError(
            code: YAMLDecodingError.Code.invalidValue,
            "\((node.sourceText ?? node.scalar ?? "").quotedExcerpt) is out of range\(subject(path)) (\(type)); use a value from \(range)",
            at: node.location, codingPath: strings(path)
        )
    }

    static func missingKey(_ key: any CodingKey, in mapping: YAMLNode, path: [any CodingKey]) -> YAMLDecodingError {
        var message = "missing required option '\(key.stringValue)'"
        let parent = name(path)
        if !parent.isEmpty { message += " in '\(parent)'" }
        return YAMLDecodingError(code: YAMLDecodingError.Code.missingKey, message, at: mapping.location, codingPath: strings(path + [key]))
    }

    /// A `DecodingError` thrown by a type's own `init(from:)` while decoding `node` at `path`,
    /// as a `YAMLDecodingError` located at the node its coding path leads to.
    static func translate(
        _ error: DecodingError, decoding type: Any.Type, from node: YAMLNode, at path: [any CodingKey]
    ) -> YAMLDecodingError {
        let context: DecodingError.Context
        switch error {
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .keyNotFound(_, let c), .dataCorrupted(let c): context = c
        @unknown default:
            return YAMLDecodingError(
                code: YAMLDecodingError.Code.invalidValue, "\(error)", at: node.location, codingPath: strings(path), underlying: error)
        }
        let (target, targetPath) = locate(context.codingPath, from: node, at: path)
        var result: YAMLDecodingError
        switch error {
        case .keyNotFound(let key, _):
            result = missingKey(key, in: target, path: targetPath)
        case .typeMismatch(let expected, _), .valueNotFound(let expected, _):
            result = mismatch(expected: "a value of type \(expected)", node: target, path: targetPath)
        default:
            var message: String
            if let text = target.sourceText ?? target.scalar {
                message = "\(text.quotedExcerpt) is not a valid value\(subject(targetPath))"
            } else {
                message = "\(target.kindDescription) is not a valid value\(subject(targetPath))"
            }
            if targetPath.count == path.count, let values = validValues(of: type) {
                message += "; use one of " + values.map { "'\($0)'" }.joined(separator: ", ")
            } else if !(type is any RawRepresentable.Type), !context.debugDescription.isEmpty {
                message += ": " + lowercasedFirst(context.debugDescription)
            }
            result = YAMLDecodingError(
                code: YAMLDecodingError.Code.invalidValue, message, at: target.location, codingPath: strings(targetPath))
        }
        result.underlying = error
        return result
    }

    /// Follows the part of `errorPath` below `path` down from `node`, as far as it leads.
    private static func locate(_ errorPath: [any CodingKey], from node: YAMLNode, at path: [any CodingKey]) -> (YAMLNode, [any CodingKey]) {
        guard errorPath.count >= path.count,
            zip(errorPath, path).allSatisfy({ $0.stringValue == $1.stringValue && $0.intValue == $1.intValue })
        else { return (node, path) }
        var current = node
        var currentPath = path
        for key in errorPath.dropFirst(path.count) {
            if let index = key.intValue, let items = current.sequence, items.indices.contains(index) {
                current = items[index]
            } else if let value = current[key.stringValue] {
                current = value
            } else {
                // A key the type looked for and did not find: stay at the mapping, name the key.
                return (current, currentPath + [key])
            }
            currentPath.append(key)
        }
        return (current, currentPath)
    }

    /// The raw values of an enum that is `CaseIterable` and `RawRepresentable`, in declaration order.
    private static func validValues(of type: Any.Type) -> [String]? {
        guard let iterable = type as? any CaseIterable.Type else { return nil }
        return rawValues(of: iterable)
    }

    private static func rawValues<T: CaseIterable>(of type: T.Type) -> [String]? {
        let values = T.allCases.compactMap { value -> String? in
            guard let raw = value as? any RawRepresentable else { return nil }
            return "\(raw.rawValue)"
        }
        return values.isEmpty ? nil : values
    }

    private static func lowercasedFirst(_ text: String) -> String {
        var text = text
        if text.hasSuffix(".") { text.removeLast() }
        guard let first = text.first else { return text }
        return first.lowercased() + text.dropFirst()
    }
}
