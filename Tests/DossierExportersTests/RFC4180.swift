import Foundation

/// A strict RFC 4180 reader, written for the tests so that the `csv` exporter is checked by a
/// parser that shares no code with it: records end with CRLF, a quoted field may hold commas,
/// CR, LF and doubled quotes, and anything else (a bare quote inside an unquoted field, text
/// after a closing quote, a record without its CRLF) is an error.
enum RFC4180 {
    struct Malformed: Error, CustomStringConvertible {
        var description: String
    }

    /// The records of `data`, each a list of fields.
    static func parse(_ data: Data) throws -> [[String]] {
        let bytes = [UInt8](data)
        var records: [[String]] = []
        var record: [String] = []
        var field: [UInt8] = []
        var i = 0
        func endField() {
            record.append(String(decoding: field, as: UTF8.self))
            field.removeAll()
        }
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "\"") && field.isEmpty {
                i += 1
                while true {
                    guard i < bytes.count else { throw Malformed(description: "a quoted field is never closed") }
                    if bytes[i] == UInt8(ascii: "\"") {
                        if i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "\"") {
                            field.append(UInt8(ascii: "\""))
                            i += 2
                            continue
                        }
                        i += 1
                        break
                    }
                    field.append(bytes[i])
                    i += 1
                }
                guard i < bytes.count, bytes[i] == UInt8(ascii: ",") || bytes[i] == 0x0D else {
                    throw Malformed(description: "text after a closing quote at byte \(i)")
                }
            }
            switch bytes[i] {
            case UInt8(ascii: ","):
                endField()
                i += 1
            case 0x0D:
                guard i + 1 < bytes.count, bytes[i + 1] == 0x0A else { throw Malformed(description: "a bare CR at byte \(i)") }
                endField()
                records.append(record)
                record.removeAll()
                i += 2
            case 0x0A:
                throw Malformed(description: "a bare LF at byte \(i)")
            case UInt8(ascii: "\""):
                throw Malformed(description: "a quote inside an unquoted field at byte \(i)")
            default:
                field.append(bytes[i])
                i += 1
            }
        }
        guard record.isEmpty && field.isEmpty else { throw Malformed(description: "the last record does not end with CRLF") }
        return records
    }
}
