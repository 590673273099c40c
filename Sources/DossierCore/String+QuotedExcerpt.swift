extension String {
    /// The longest run of a user's value a message quotes, in Unicode scalars.
    package static let quotedExcerptLimit = 80

    /// The text as a message quotes it: in single quotes, on one line (`\n` and `\t` escaped), and
    /// when longer than 80 scalars cut short with an ellipsis and followed by its full length.
    ///
    /// A 10,000-character id is quoted as `'aaaa…' (10000 characters)`, so one bad value cannot
    /// turn a one-line message into kilobytes.
    package var quotedExcerpt: String {
        var text = self
        if text.hasSuffix("\n") { text.removeLast() }
        let scalars = text.unicodeScalars
        var out = ""
        var taken = 0
        for scalar in scalars {
            if taken == Self.quotedExcerptLimit { break }
            switch scalar {
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(scalar)
            }
            taken += 1
        }
        guard taken < scalars.count else { return "'\(out)'" }
        return "'\(out)…' (\(scalars.count) characters)"
    }
}
