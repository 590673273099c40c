extension String {
    /// The text as quoted in a message: on one line, and cut short when it is long.
    var excerpt: String {
        var text = self
        if text.hasSuffix("\n") { text.removeLast() }
        text = text.replacingAll("\n", with: "\\n").replacingAll("\t", with: "\\t")
        let limit = 60
        guard text.unicodeScalars.count > limit else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.prefix(limit))) + "…"
    }

    /// The text with every `target` replaced, without Foundation.
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        out.reserveCapacity(utf8.count)
        for character in self {
            if character == target { out += replacement } else { out.append(character) }
        }
        return out
    }
}
