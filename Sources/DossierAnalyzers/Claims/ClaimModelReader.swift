/// Reads the lines of a claims model file from its UTF-8 bytes, field by field, without making a
/// string of any line, field or number.
struct ClaimModelReader {
    /// The first field of a line.
    enum Keyword {
        case extractor, buckets, bias, threshold, feature, weight, other
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Moves to the next line that is neither blank nor a comment and reads its keyword; `nil` at
    /// the end. What the previous line had left unread is skipped.
    mutating func nextLine() -> Keyword? {
        while position < bytes.count {
            // At the start of a line only when the previous call consumed a newline or at offset 0.
            if position > 0 && bytes[position - 1] != 0x0A {
                while position < bytes.count && bytes[position] != 0x0A { position += 1 }
                position += 1
                continue
            }
            skipSpaces()
            guard position < bytes.count else { return nil }
            if bytes[position] == 0x0A {
                position += 1
                continue
            }
            if bytes[position] == 0x23 {  // #
                while position < bytes.count && bytes[position] != 0x0A { position += 1 }
                position += 1
                continue
            }
            let start = position
            while position < bytes.count && !Self.isSeparator(bytes[position]) { position += 1 }
            return Self.keyword(UnsafeBufferPointer(rebasing: bytes[start..<position]))
        }
        return nil
    }

    /// The next field as a string (a feature's name).
    mutating func word() -> String {
        skipSpaces()
        let start = position
        while position < bytes.count && !Self.isSeparator(bytes[position]) { position += 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
    }

    /// The next field as an integer; `nil` when it is not one.
    mutating func integer() -> Int? {
        skipSpaces()
        let start = position
        var negative = false
        if position < bytes.count && bytes[position] == 0x2D {
            negative = true
            position += 1
        }
        var value = 0
        var digits = 0
        while position < bytes.count, bytes[position] &- 0x30 < 10 {
            let (times, overflow) = value.multipliedReportingOverflow(by: 10)
            guard !overflow else {
                skipField(from: start)
                return nil
            }
            value = times + Int(bytes[position] &- 0x30)
            digits += 1
            position += 1
        }
        guard digits > 0, atFieldEnd else {
            skipField(from: start)
            return nil
        }
        return negative ? -value : value
    }

    /// The next field as a decimal number (`-0.01234`, `1.5e-3`); `nil` when it is not one.
    ///
    /// The same value as `Double(String)`: a number of at most 15 significant digits and a power of
    /// ten within 10^22 is one correctly rounded multiplication or division of two exact doubles
    /// (every weight the fitting script writes); anything else goes through `Double(String)`.
    mutating func decimal() -> Double? {
        skipSpaces()
        let start = position
        var negative = false
        if position < bytes.count && (bytes[position] == 0x2D || bytes[position] == 0x2B) {
            negative = bytes[position] == 0x2D
            position += 1
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var significant = 0
        var scale = 0
        while position < bytes.count, bytes[position] &- 0x30 < 10 {
            if mantissa != 0 || bytes[position] != 0x30 { significant += 1 }
            if significant <= 19 { mantissa = mantissa &* 10 &+ UInt64(bytes[position] &- 0x30) } else { scale += 1 }
            digits += 1
            position += 1
        }
        if position < bytes.count && bytes[position] == 0x2E {  // .
            position += 1
            while position < bytes.count, bytes[position] &- 0x30 < 10 {
                if mantissa != 0 || bytes[position] != 0x30 { significant += 1 }
                if significant <= 19 {
                    mantissa = mantissa &* 10 &+ UInt64(bytes[position] &- 0x30)
                    scale -= 1
                }
                digits += 1
                position += 1
            }
        }
        guard digits > 0 else {
            skipField(from: start)
            return nil
        }
        if position < bytes.count && (bytes[position] | 0x20) == 0x65 {  // e, E
            position += 1
            var exponentNegative = false
            if position < bytes.count && (bytes[position] == 0x2D || bytes[position] == 0x2B) {
                exponentNegative = bytes[position] == 0x2D
                position += 1
            }
            var exponent = 0
            var exponentDigits = 0
            while position < bytes.count, bytes[position] &- 0x30 < 10 {
                exponent = min(exponent * 10 + Int(bytes[position] &- 0x30), 100_000)
                exponentDigits += 1
                position += 1
            }
            guard exponentDigits > 0 else {
                skipField(from: start)
                return nil
            }
            scale += exponentNegative ? -exponent : exponent
        }
        guard atFieldEnd else {
            skipField(from: start)
            return nil
        }
        if significant <= 15 && abs(scale) <= 22 {
            let m = Double(mantissa)
            let value = scale < 0 ? m / Self.powersOfTen[-scale] : m * Self.powersOfTen[scale]
            return negative ? -value : value
        }
        return Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self))
    }

    /// 10^0 through 10^22, each exact as a double.
    private static let powersOfTen: [Double] = (0...22).map { n in (0..<n).reduce(1.0) { x, _ in x * 10 } }

    private var atFieldEnd: Bool { position == bytes.count || Self.isSeparator(bytes[position]) }

    /// Moves past a field that did not parse, from its start.
    private mutating func skipField(from start: Int) {
        position = start
        while position < bytes.count && !Self.isSeparator(bytes[position]) { position += 1 }
    }

    private mutating func skipSpaces() {
        while position < bytes.count && (bytes[position] == 0x20 || bytes[position] == 0x09 || bytes[position] == 0x0D) { position += 1 }
    }

    private static func isSeparator(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A }

    private static func keyword(_ field: UnsafeBufferPointer<UInt8>) -> Keyword {
        switch field.count {
        case 1 where field[0] == 0x77: return .weight  // w
        case 4 where field.elementsEqual("bias".utf8): return .bias
        case 7 where field.elementsEqual("buckets".utf8): return .buckets
        case 7 where field.elementsEqual("feature".utf8): return .feature
        case 9 where field.elementsEqual("extractor".utf8): return .extractor
        case 9 where field.elementsEqual("threshold".utf8): return .threshold
        default: return .other
        }
    }
}
