import DossierCore
import Foundation

/// JSON parsed with Foundation, and the questions the article mapping asks of it.
///
/// `JSONSerialization` rather than `JSONDecoder` into `JSONValue`: it is several times faster on
/// large dumps, and the mapping only needs to look values up. Foundation refuses nesting deeper
/// than 512 with an error rather than overflowing the stack, so no depth pre-check is needed
/// (the tests hold it to that).
enum JSONTree {
    /// Parses `data` as a JSON array or object; `what` names the input in messages.
    static func parse(_ data: Data, what: String) throws -> Any {
        do {
            return try JSONSerialization.jsonObject(with: data, options: [])
        } catch {
            // Foundation gives no position for these two, and calls a lone surrogate the end of the file.
            let debug = ((error as NSError).userInfo["NSDebugDescription"] as? String) ?? ""
            if debug.contains("surrogate") || debug.contains("no high character"), let (offset, escape) = loneSurrogate(in: data) {
                let (line, column) = lineAndColumn(ofByte: offset, in: data)
                throw ComponentError(
                    code: JSONReader.ErrorCode.invalidJSON,
                    "\(what) is not valid JSON: the escape '\(escape)' at line \(line), column \(column) is a lone surrogate, half of a"
                        + " UTF-16 pair without its other half; write the character itself or both halves of its pair")
            }
            if debug.contains("not representable"), let (offset, number) = outOfRangeNumber(in: data) {
                let (line, column) = lineAndColumn(ofByte: offset, in: data)
                throw ComponentError(
                    code: JSONReader.ErrorCode.numberOutOfRange,
                    "\(what) holds the number '\(number)' at line \(line), column \(column), which is out of range (a double holds at"
                        + " most about 1.8e308); write it as a string or as a smaller number")
            }
            throw ComponentError(code: JSONReader.ErrorCode.invalidJSON, "\(what) is not valid JSON: \(describe(error, in: data))")
        }
    }

    /// The byte offset and text of the first `\\uXXXX` escape that is half a surrogate pair alone.
    static func loneSurrogate(in data: Data) -> (Int, String)? {
        data.withUnsafeBytes { raw -> (Int, String)? in
            let bytes = raw.bindMemory(to: UInt8.self)
            func unit(at i: Int) -> UInt16? {
                guard i + 6 <= bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else { return nil }
                return UInt16(String(decoding: bytes[(i + 2)..<(i + 6)], as: UTF8.self), radix: 16)
            }
            var inString = false
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                if !inString {
                    if byte == UInt8(ascii: "\"") { inString = true }
                    i += 1
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                    i += 1
                } else if byte == UInt8(ascii: "\\") {
                    guard let u = unit(at: i) else {
                        i += 2
                        continue
                    }
                    if (0xD800...0xDBFF).contains(u), let low = unit(at: i + 6), (0xDC00...0xDFFF).contains(low) {
                        i += 12
                    } else if (0xD800...0xDFFF).contains(u) {
                        return (i, String(decoding: bytes[i..<(i + 6)], as: UTF8.self))
                    } else {
                        i += 6
                    }
                } else {
                    i += 1
                }
            }
            return nil
        }
    }

    /// The byte offset and text of the first number outside strings too large for a double.
    static func outOfRangeNumber(in data: Data) -> (Int, String)? {
        data.withUnsafeBytes { raw -> (Int, String)? in
            let bytes = raw.bindMemory(to: UInt8.self)
            func isNumberByte(_ b: UInt8) -> Bool {
                (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b) || b == UInt8(ascii: "-") || b == UInt8(ascii: "+")
                    || b == UInt8(ascii: ".") || b == UInt8(ascii: "e") || b == UInt8(ascii: "E")
            }
            var inString = false
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                if inString {
                    if byte == UInt8(ascii: "\\") {
                        i += 2
                        continue
                    }
                    if byte == UInt8(ascii: "\"") { inString = false }
                    i += 1
                } else if byte == UInt8(ascii: "\"") {
                    inString = true
                    i += 1
                } else if byte == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                    var end = i
                    while end < bytes.count, isNumberByte(bytes[end]) { end += 1 }
                    let token = String(decoding: bytes[i..<end], as: UTF8.self)
                    if let value = Double(token), !value.isFinite { return (i, token.count > 40 ? String(token.prefix(40)) + "…" : token) }
                    i = end
                } else {
                    i += 1
                }
            }
            return nil
        }
    }

    /// Foundation's explanation, with its character offset turned into a line and column.
    static func describe(_ error: any Error, in data: Data) -> String {
        let debug = ((error as NSError).userInfo["NSDebugDescription"] as? String) ?? "\(error)"
        var message = debug.trimmingCharacters(in: CharacterSet(charactersIn: ". "))
        message = message.prefix(1).lowercased() + message.dropFirst()
        if message.contains("unexpected end of file") {
            return "it ends in the middle of a value (truncated?); complete or remove the last value"
        }
        if let found = message.range(of: #"character \d+"#, options: String.CompareOptions.regularExpression),
            let offset = Int(message[found].dropFirst("character ".count))
        {
            let (line, column) = lineAndColumn(ofByte: offset, in: data)
            message.replaceSubrange(found, with: "line \(line), column \(column)")
        }
        return message
    }

    /// The 1-based line and column (in bytes) of byte `offset`.
    static func lineAndColumn(ofByte offset: Int, in data: Data) -> (Int, Int) {
        var line = 1
        var column = 1
        for byte in data.prefix(offset) {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (line, column)
    }

    // MARK: Paths

    /// The value at dotted `path` in `value`, or nil when any step is missing.
    static func value(at path: String, in value: Any) -> Any? {
        self.value(at: path.split(separator: ".", omittingEmptySubsequences: false).map(String.init), in: value)
    }

    /// The value at the path `segments` in `value`, or nil when any step is missing.
    ///
    /// A number segment indexes an array; any other segment applied to an array maps over its
    /// elements, dropping those that lack it. Paths of one key, the common case, take a direct
    /// lookup: a dump of half a million articles asks this dozens of times per article.
    static func value(at segments: [String], in value: Any) -> Any? {
        if segments.count == 1, let object = value as? [String: Any] {
            guard let child = object[segments[0]], !(child is NSNull) else { return nil }
            return child
        }
        var current: [Any] = [value]
        var fannedOut = false
        for segment in segments {
            var next: [Any] = []
            for item in current {
                if let object = item as? [String: Any] {
                    if let child = object[segment], !(child is NSNull) { next.append(child) }
                } else if let array = item as? [Any] {
                    if let index = Int(segment) {
                        if array.indices.contains(index) { next.append(array[index]) }
                    } else {
                        fannedOut = true
                        for element in array {
                            if let object = element as? [String: Any], let child = object[segment], !(child is NSNull) {
                                next.append(child)
                            }
                        }
                    }
                }
            }
            current = next
            if current.isEmpty { return nil }
        }
        return fannedOut ? current : current.first
    }

    /// The value as text: a string trimmed, or a number as written; nil for empty or other kinds.
    static func text(_ value: Any?) -> String? {
        switch value {
        case let string as String:
            let trimmed = string.trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.isEmpty ? nil : trimmed
        case let number as NSNumber:
            return number.stringValue
        default:
            return nil
        }
    }

    /// A name: text, or the `name` of an object.
    static func name(_ value: Any?) -> String? {
        if let object = value as? [String: Any] { return text(object["name"]) }
        return text(value)
    }

    /// Names: one, a list of them, or objects with a `name`; a leading `By ` is dropped.
    static func names(_ value: Any?) -> [String] {
        let items = (value as? [Any]) ?? (value.map { [$0] } ?? [])
        return items.compactMap { item in
            guard var name = self.name(item) else { return nil }
            if name.hasPrefix("By ") || name.hasPrefix("by ") { name = String(name.dropFirst(3)).trimmingCharacters(in: .whitespaces) }
            return name.isEmpty ? nil : name
        }
    }
}
