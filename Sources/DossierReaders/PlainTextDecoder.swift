import DossierCore
import Foundation

/// Decodes input bytes and normalises their line structure into the canonical text.
enum PlainTextDecoder {
    /// One non-empty line of the canonical text.
    struct Line {
        /// The offset of the first non-space scalar.
        var start: Int
        /// The offset just past the last non-space scalar.
        var end: Int
        /// The number of leading spaces (a tab counts as four).
        var indent: Int
        /// Which paragraph the line belongs to; blank lines separate paragraphs.
        var paragraph: Int
    }

    /// Decodes strict UTF-8, dropping a byte-order mark.
    ///
    /// - Parameter allowTruncatedEnd: accept a sequence cut off at the end, as in a sniffed head.
    static func decode(_ data: Data, name: String, allowTruncatedEnd: Bool = false) throws -> [Unicode.Scalar] {
        let bytes = [UInt8](data)
        var offset = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(bytes.count - offset)
        var iterator = bytes[offset...].makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                scalars.append(Unicode.UTF8.decode(encoded))
                offset += encoded.count
            case .emptyInput:
                return scalars
            case .error(let length):
                if allowTruncatedEnd, bytes.count - offset < 4, length > 0 { return scalars }
                throw ComponentError(
                    code: "E410",
                    "input '\(name)' is not valid UTF-8 (bad byte at offset \(offset)); convert it to UTF-8 and read it again")
            }
        }
    }

    /// Normalises line breaks and spacing, returning the canonical scalars and their non-empty lines.
    static func normalise(_ input: [Unicode.Scalar]) -> (scalars: [Unicode.Scalar], lines: [Line]) {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(input.count)
        var lines: [Line] = []
        var paragraph = 0
        var pendingBlank = false
        var i = 0
        while i < input.count {
            // One raw line: up to \n, \r\n or \r.
            var end = i
            while end < input.count, input[end] != "\n", input[end] != "\r" { end += 1 }
            let next = end < input.count && input[end] == "\r" && end + 1 < input.count && input[end + 1] == "\n" ? end + 2 : end + 1
            var start = i
            var indent = 0
            while start < end, input[start].properties.isWhitespace {
                indent += input[start] == "\t" ? 4 : 1
                start += 1
            }
            var stop = end
            while stop > start, input[stop - 1].properties.isWhitespace { stop -= 1 }
            if stop == start {
                pendingBlank = !lines.isEmpty
            } else {
                if !lines.isEmpty {
                    if pendingBlank {
                        out.append("\n")
                        paragraph += 1
                    }
                    out.append("\n")
                }
                pendingBlank = false
                out.append(contentsOf: input[i..<start])
                let lineStart = out.count
                out.append(contentsOf: input[start..<stop])
                lines.append(Line(start: lineStart, end: out.count, indent: indent, paragraph: paragraph))
            }
            i = next
        }
        return (out, lines)
    }
}
