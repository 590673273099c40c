import Foundation

/// Resolves the addresses readers find against the article's own address.
///
/// Relative links such as `/2025/03/report.pdf` are useless once the article leaves its site, so
/// readers resolve them against `Metadata.url`. An address that is already absolute, or that
/// Foundation cannot parse, is kept exactly as written: a reader records evidence, it does not
/// repair it.
struct URLResolver {
    /// The base address, when the article has a usable one.
    let base: URL?

    /// Creates a resolver; a nil, empty or relative `base` resolves nothing.
    init(base: String?) {
        if let base, let url = URL(string: base), url.scheme != nil { self.base = url } else { self.base = nil }
    }

    /// The address `raw` resolved against the base; nil when `raw` is empty or only spaces.
    func resolve(_ raw: String) -> String? {
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        guard let base, !Self.hasScheme(trimmed) else { return trimmed }
        return URL(string: trimmed, relativeTo: base)?.absoluteURL.absoluteString ?? trimmed
    }

    /// Whether `text` starts with a URI scheme such as `https:` or `mailto:` (RFC 3986, section 3.1).
    private static func hasScheme(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":"), colon != text.startIndex else { return false }
        let scheme = text[..<colon]
        guard let first = scheme.unicodeScalars.first, first.isASCIILetter else { return false }
        return scheme.unicodeScalars.allSatisfy { $0.isASCIILetter || ("0"..."9").contains($0) || $0 == "+" || $0 == "-" || $0 == "." }
    }
}

extension Unicode.Scalar {
    /// Whether the scalar is `a`–`z` or `A`–`Z`.
    fileprivate var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}
