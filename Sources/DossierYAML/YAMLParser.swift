internal import CYAML
internal import DossierCore

/// Parses YAML text into a `YAMLNode` tree with libyaml's event API.
///
/// One document per text. Anchors and aliases are resolved while parsing (an alias becomes a copy
/// of the node it names, with that node's locations); merge keys (`<<`) get no special treatment.
/// Every node remembers its line and column; every failure is a `YAMLError` with a stable code.
public enum YAMLParser {
    /// Parses the single document in `text`.
    ///
    /// - Parameters:
    ///   - text: the YAML source.
    ///   - file: the name to put in every location, such as the path the user gave.
    ///   - limits: bounds on depth, node count (alias expansions included) and size.
    /// - Returns: the document's root node, or nil when the text holds no document (it is empty or
    ///   only comments). A document holding only `---` is an empty plain scalar, which is null.
    /// - Throws: `YAMLError`.
    public static func parse(_ text: String, file: String, limits: YAMLLimits = .default) throws(YAMLError) -> YAMLNode? {
        let bytes = Array(text.utf8)
        if let maxBytes = limits.maxBytes, bytes.count > maxBytes {
            throw YAMLError(
                code: YAMLError.Code.limitExceeded,
                "the file has \(bytes.count) bytes, more than the limit of \(maxBytes); split it or raise the 'maxBytes' limit",
                at: SourceLocation(file: file, line: 1, column: 1)
            )
        }
        let result: Result<YAMLNode?, YAMLError> = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(YAMLError) -> YAMLNode? in try parse(buffer, text: text, file: file, limits: limits) }
        }
        return try result.get()
    }

    private static func parse(
        _ buffer: UnsafeBufferPointer<UInt8>, text: String, file: String, limits: YAMLLimits
    ) throws(YAMLError) -> YAMLNode? {
        // Heap-allocated so libyaml's structures never move while it holds pointers into them.
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else {
            throw YAMLError(
                code: YAMLError.Code.syntax, "out of memory while starting the YAML parser",
                at: SourceLocation(file: file, line: 1, column: 1))
        }
        defer { yaml_parser_delete(parser) }
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, buffer.baseAddress ?? UnsafePointer(bitPattern: 1), buffer.count)

        let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
        defer { event.deallocate() }

        var builder = TreeBuilder(file: file, limits: limits)
        var documents = 0
        while true {
            guard yaml_parser_parse(parser, event) == 1 else {
                var error = syntaxError(parser.pointee, text: text, file: file)
                error.partial = builder.partialRoot()
                throw error
            }
            defer { yaml_event_delete(event) }
            let location = SourceLocation(
                file: file, line: Int(event.pointee.start_mark.line) + 1, column: Int(event.pointee.start_mark.column) + 1
            )
            let end = SourceLocation(file: file, line: Int(event.pointee.end_mark.line) + 1, column: Int(event.pointee.end_mark.column) + 1)
            switch event.pointee.type {
            case YAML_STREAM_END_EVENT:
                return builder.root
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    throw YAMLError(
                        code: YAMLError.Code.multipleDocuments,
                        "a second document starts here, but only one is allowed; remove this '---' and what follows, or use one file per document",
                        at: location
                    )
                }
            case YAML_SCALAR_EVENT:
                let data = event.pointee.data.scalar
                let value = String(decoding: UnsafeBufferPointer(start: data.value, count: data.length), as: UTF8.self)
                try builder.scalar(
                    value, style: style(data.style), tag: string(data.tag), anchor: string(data.anchor), at: location, end: end
                )
            case YAML_ALIAS_EVENT:
                try builder.alias(string(event.pointee.data.alias.anchor) ?? "", at: location)
            case YAML_SEQUENCE_START_EVENT:
                let data = event.pointee.data.sequence_start
                try builder.startCollection(isMapping: false, tag: string(data.tag), anchor: string(data.anchor), at: location)
            case YAML_MAPPING_START_EVENT:
                let data = event.pointee.data.mapping_start
                try builder.startCollection(isMapping: true, tag: string(data.tag), anchor: string(data.anchor), at: location)
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                try builder.endCollection(at: end)
            default:
                break
            }
        }
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    private static func style(_ style: yaml_scalar_style_t) -> YAMLNode.ScalarStyle {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }
}
