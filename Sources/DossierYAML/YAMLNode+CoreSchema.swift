extension YAMLNode {
    /// Tags of the YAML 1.2 core schema, in the full form libyaml reports.
    enum CoreTag {
        static let null = "tag:yaml.org,2002:null"
        static let bool = "tag:yaml.org,2002:bool"
        static let int = "tag:yaml.org,2002:int"
        static let float = "tag:yaml.org,2002:float"
        static let str = "tag:yaml.org,2002:str"
    }

    /// The scalar's text when the core schema may resolve it to `tag`: a plain scalar without a tag,
    /// or any scalar explicitly tagged `tag`.
    private func resolvable(as coreTag: String) -> String? {
        guard case .scalar(let text, let style) = content else { return nil }
        if let tag { return tag == coreTag ? text : nil }
        return style == .plain ? text : nil
    }

    /// Whether the node is null in the core schema: a plain `null`, `Null`, `NULL`, `~` or nothing.
    ///
    /// Quoted scalars are never null: `"null"` is a string.
    public var isNull: Bool {
        guard let text = resolvable(as: CoreTag.null) else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(text)
    }

    /// The value of a plain scalar written `true`, `True`, `TRUE`, `false`, `False` or `FALSE`.
    ///
    /// Nil for anything else, including `yes`, `on` and quoted scalars (YAML 1.2 core schema).
    public var bool: Bool? {
        switch resolvable(as: CoreTag.bool) {
        case "true", "True", "TRUE": true
        case "false", "False", "FALSE": false
        default: nil
        }
    }

    /// The value of a plain integer scalar: decimal with an optional sign, `0x` hex or `0o` octal.
    ///
    /// Nil for anything else, for quoted scalars, and for integers that do not fit in `Int`.
    public var int: Int? {
        guard let text = resolvable(as: CoreTag.int), case .integer(let literal)? = IntegerLiteral(parsing: text) else { return nil }
        return literal.value(as: Int.self)
    }

    /// The value of a plain number scalar: an integer, a decimal such as `1.5`, `.5` or `1e-3`,
    /// or `.inf`, `-.inf`, `.nan` (in any of their core-schema spellings).
    ///
    /// Nil for anything else and for quoted scalars.
    public var double: Double? {
        if let text = resolvable(as: CoreTag.int), let literal = IntegerLiteral(parsing: text) {
            switch literal {
            case .integer(let integer): return integer.doubleValue
            case .tooLarge: break
            }
        }
        guard let text = resolvable(as: CoreTag.float) else { return nil }
        return Self.coreFloat(text)
    }

    /// Parses a core-schema float: `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`,
    /// `[-+]?\.(inf|Inf|INF)` or `\.(nan|NaN|NAN)`.
    static func coreFloat(_ text: String) -> Double? {
        switch text {
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .infinity
        case "-.inf", "-.Inf", "-.INF": return -.infinity
        case ".nan", ".NaN", ".NAN": return .nan
        default: break
        }
        var bytes = Substring(text).utf8[...]
        if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        let isDigit = { (b: UInt8) in b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
        let whole = bytes.prefix(while: isDigit)
        bytes = bytes.dropFirst(whole.count)
        var fraction = 0
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            fraction = bytes.prefix(while: isDigit).count
            bytes = bytes.dropFirst(fraction)
        }
        guard !whole.isEmpty || fraction > 0 else { return nil }
        if let e = bytes.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
            let exponent = bytes.prefix(while: isDigit).count
            guard exponent > 0 else { return nil }
            bytes = bytes.dropFirst(exponent)
        }
        guard bytes.isEmpty else { return nil }
        return Double(text)
    }

    /// The integer a plain scalar spells, whatever its size, for decoding into any integer type.
    var integerLiteral: IntegerLiteral? {
        guard let text = resolvable(as: CoreTag.int) else { return nil }
        return IntegerLiteral(parsing: text)
    }
}

/// An integer as written in YAML: a sign and a magnitude, so every fixed-width type can check range.
enum IntegerLiteral: Equatable {
    /// An integer whose magnitude fits in 64 bits.
    case integer(Value)
    /// A well-formed integer too large for any fixed-width type.
    case tooLarge

    /// A sign and a 64-bit magnitude.
    struct Value: Equatable {
        var isNegative: Bool
        var magnitude: UInt64

        /// The value as `T`, or nil when it is out of `T`'s range.
        func value<T: FixedWidthInteger>(as type: T.Type) -> T? {
            if !isNegative { return T(exactly: magnitude) }
            if magnitude == 0 { return 0 }
            guard T.isSigned else { return nil }
            // -(2^63) has no positive counterpart in Int64, so subtract from -1 in two steps.
            guard let lessOne = T(exactly: magnitude - 1) else { return nil }
            return 0 - lessOne - 1
        }

        var doubleValue: Double { isNegative ? -Double(magnitude) : Double(magnitude) }
    }

    /// Parses decimal (`[-+]?[0-9]+`), hex (`0x[0-9a-fA-F]+`) or octal (`0o[0-7]+`); hex and octal
    /// also accept a sign. Nil when the text is not an integer at all.
    init?(parsing text: String) {
        var bytes = Substring(text).utf8[...]
        var negative = false
        if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            negative = first == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        var radix: UInt64 = 10
        if bytes.count > 2, bytes.first == UInt8(ascii: "0") {
            let marker = bytes[bytes.index(after: bytes.startIndex)]
            if marker == UInt8(ascii: "x") { radix = 16 } else if marker == UInt8(ascii: "o") { radix = 8 }
            if radix != 10 { bytes = bytes.dropFirst(2) }
        }
        guard !bytes.isEmpty else { return nil }
        var magnitude: UInt64 = 0
        var overflow = false
        for byte in bytes {
            let digit: UInt64
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt64(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt64(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt64(byte - UInt8(ascii: "A") + 10)
            default: return nil
            }
            guard digit < radix else { return nil }
            if overflow { continue }
            let (times, o1) = magnitude.multipliedReportingOverflow(by: radix)
            let (plus, o2) = times.addingReportingOverflow(digit)
            if o1 || o2 { overflow = true } else { magnitude = plus }
        }
        self = overflow ? .tooLarge : .integer(Value(isNegative: negative, magnitude: magnitude))
    }
}
