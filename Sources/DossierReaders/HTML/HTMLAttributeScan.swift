#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finds an element with more attributes than any page has, before libxml2 sees the markup.
///
/// libxml2's HTML parser checks each attribute of a start tag against every earlier one for
/// duplicates, so one element with 200,000 attributes takes minutes. A page never needs hundreds;
/// the readers refuse markup with an element over `limit` (`E436` for pages and feed items,
/// `E458` for HTML inside JSON). The scan is one pass over the bytes with no allocation: text is
/// skipped with `memchr` to the next `<`, comments to `-->`, and the contents of `script` and
/// `style` to their end tag, so a `<` in code is not taken for a tag. Start tags are read as
/// libxml2 reads them: whitespace-separated names, each with an optional `=` and a value that is
/// quoted or runs to whitespace or `>`.
enum HTMLAttributeScan {
    /// The most attributes one element may have. libxml2's cost grows with the square of it, so
    /// a page made of elements at the limit still parses in seconds, not hours.
    static let limit = 256

    /// The byte offset of the first start tag with more than `limit` attributes, or nil.
    static func firstOverLimit(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int = limit) -> Int? {
        let count = bytes.count
        var i = 0
        while i < count {
            // Text: jump to the next '<'.
            guard let open = find(UInt8(ascii: "<"), in: bytes, from: i) else { return nil }
            i = open + 1
            guard i < count else { return nil }
            let first = bytes[i]
            if first == UInt8(ascii: "!") {
                if i + 2 < count, bytes[i + 1] == UInt8(ascii: "-"), bytes[i + 2] == UInt8(ascii: "-") {
                    i = skip(past: "-->", in: bytes, from: i + 3)
                }
                continue
            }
            guard isLetter(first) else { continue }
            // The tag name.
            let nameStart = i
            while i < count, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: ">"), bytes[i] != UInt8(ascii: "/") { i += 1 }
            let rawText = isRawTextElement(bytes, nameStart..<i)
            // The attributes, up to the '>' that closes the tag.
            var attributes = 0
            while i < count {
                let byte = bytes[i]
                if isSpace(byte) || byte == UInt8(ascii: "/") {
                    i += 1
                    continue
                }
                if byte == UInt8(ascii: ">") { break }
                attributes += 1
                if attributes > limit { return open }
                while i < count, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: "="), bytes[i] != UInt8(ascii: ">") { i += 1 }
                while i < count, isSpace(bytes[i]) { i += 1 }
                guard i < count, bytes[i] == UInt8(ascii: "=") else { continue }
                i += 1
                while i < count, isSpace(bytes[i]) { i += 1 }
                guard i < count else { break }
                let quote = bytes[i]
                if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                    guard let end = find(quote, in: bytes, from: i + 1) else { return nil }
                    i = end + 1
                } else {
                    while i < count, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: ">") { i += 1 }
                }
            }
            i += 1
            if let name = rawText { i = skip(pastEndTag: name, in: bytes, from: i) }
        }
        return nil
    }

    /// `script` or `style` when the name in `range` is one of them, whose contents are not markup.
    private static func isRawTextElement(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> StaticString? {
        for name: StaticString in ["script", "style"] where name.utf8CodeUnitCount == range.count {
            var same = true
            for k in 0..<range.count where bytes[range.lowerBound + k] | 0x20 != name.utf8Start[k] {
                same = false
                break
            }
            if same { return name }
        }
        return nil
    }

    /// The offset after the next `</name` (any case), or the end.
    private static func skip(pastEndTag name: StaticString, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var i = start
        let length = name.utf8CodeUnitCount
        while i < bytes.count {
            guard let open = find(UInt8(ascii: "<"), in: bytes, from: i) else { return bytes.count }
            i = open + 1
            guard i + length < bytes.count, bytes[i] == UInt8(ascii: "/") else { continue }
            var same = true
            for k in 0..<length where bytes[i + 1 + k] | 0x20 != name.utf8Start[k] {
                same = false
                break
            }
            if same { return i + 1 + length }
        }
        return bytes.count
    }

    /// The offset after the next `terminator`, or the end.
    private static func skip(past terminator: StaticString, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let length = terminator.utf8CodeUnitCount
        var i = start
        while i + length <= bytes.count {
            guard let hit = find(terminator.utf8Start[0], in: bytes, from: i) else { return bytes.count }
            i = hit
            if i + length <= bytes.count, (0..<length).allSatisfy({ bytes[i + $0] == terminator.utf8Start[$0] }) { return i + length }
            i += 1
        }
        return bytes.count
    }

    /// The offset of the next `byte` at or after `start`, found with `memchr`.
    private static func find(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start < bytes.count, let base = bytes.baseAddress, let hit = memchr(base + start, Int32(byte), bytes.count - start) else {
            return nil
        }
        return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }
}
