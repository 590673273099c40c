internal import CYAML
internal import DossierCore

extension YAMLParser {
    /// Turns libyaml's error state into a `YAMLError`: its problem and context as the message,
    /// its problem mark as the location, and a hint for the mistakes people make most.
    static func syntaxError(_ parser: yaml_parser_t, text: String, file: String) -> YAMLError {
        let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
        let context = parser.context.map { String(cString: $0) }
        var message = problem
        if let context { message += " " + context }

        let location: SourceLocation
        switch parser.error {
        case YAML_READER_ERROR:
            // The reader reports a byte offset rather than a mark.
            location = Self.location(ofByteOffset: Int(parser.problem_offset), in: text, file: file)
        case YAML_MEMORY_ERROR:
            message = "out of memory while parsing; the file is too large"
            location = SourceLocation(file: file, line: 1, column: 1)
        default:
            location = SourceLocation(
                file: file, line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1
            )
        }
        if let hint = hint(problem: problem, context: context, at: location, in: text) { message += " (\(hint))" }
        return YAMLError(code: YAMLError.Code.syntax, message, at: location)
    }

    private static func hint(problem: String, context: String?, at location: SourceLocation, in text: String) -> String? {
        let line = Self.line(location.line, of: text)
        let character = line.flatMap { line -> Unicode.Scalar? in
            let scalars = line.unicodeScalars
            guard location.column >= 1, location.column <= scalars.count else { return nil }
            return scalars[scalars.index(scalars.startIndex, offsetBy: location.column - 1)]
        }
        if character == "\t" || (problem.contains("tab") && !problem.contains("table")) {
            return "indent with spaces; YAML does not allow tabs for indentation"
        }
        if problem.hasPrefix("found unexpected end of stream") || problem.hasPrefix("found unexpected document indicator") {
            if context?.contains("quoted scalar") == true { return "close the quote" }
            return "a quote or bracket is not closed"
        }
        if problem.hasPrefix("did not find expected ',' or ']'") { return "separate items with ',' and close the list with ']'" }
        if problem.hasPrefix("did not find expected ',' or '}'") { return "separate pairs with ',' and close the mapping with '}'" }
        if problem.hasPrefix("did not find expected key") || problem.hasPrefix("did not find expected '-' indicator") {
            return "check the indentation of this line against the lines above"
        }
        if problem.hasPrefix("mapping values are not allowed") { return "quote the value if it contains ': ', or check the indentation" }
        if problem.hasPrefix("found undefined tag handle") { return "quote the value if it starts with '!'" }
        if problem.hasPrefix("found character that cannot start any token"), let character {
            return "quote the value if it starts with '\(character)'"
        }
        return nil
    }

    /// The text of line `number` (1-based), without its line break.
    private static func line(_ number: Int, of text: String) -> Substring? {
        var current = 1
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == "\n" || text[index] == "\r\n" {
                if current == number { return text[start..<index] }
                current += 1
                start = text.index(after: index)
            }
            index = text.index(after: index)
        }
        return current == number ? text[start...] : nil
    }

    /// The 1-based line and scalar column of a UTF-8 byte offset.
    static func location(ofByteOffset offset: Int, in text: String, file: String) -> SourceLocation {
        var line = 1
        var column = 1
        var consumed = 0
        for scalar in text.unicodeScalars {
            if consumed >= offset { break }
            consumed += UTF8.width(scalar)
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return SourceLocation(file: file, line: line, column: column)
    }
}
