import DossierCore
import Foundation

/// Finds addresses written out in text: `https://…`, `www.…`, and bare `host.tld/path` forms.
enum URLScanner {
    /// One address found in the text.
    struct Match {
        /// Where the address is written.
        var range: Range<Int>
        /// The address as written.
        var text: String
        /// The address with a scheme, so that it can be opened.
        var url: String
        /// The host name, lowercased.
        var host: String
    }

    /// Hosts whose links mark an embedded social-media post.
    static let socialHosts: Set<String> = [
        "t.co", "twitter.com", "x.com", "instagram.com", "instagr.am", "facebook.com", "fb.com", "fb.watch",
        "threads.net", "tiktok.com", "bsky.app", "youtube.com", "youtu.be", "linkedin.com", "mastodon.social",
    ]

    /// Whether `host` is, or is a subdomain of, a social-media host.
    static func isSocial(_ host: String) -> Bool {
        var host = Substring(host)
        while true {
            if socialHosts.contains(String(host)) { return true }
            guard let dot = host.firstIndex(of: ".") else { return false }
            host = host[host.index(after: dot)...]
        }
    }

    /// The addresses within `range` of a scalar buffer, in order: words are found on its code
    /// units, read once at the buffer's width, and only a word with a dot inside is looked at.
    static func scan(_ s: ScalarBuffer, in range: Range<Int>) -> [Match] {
        switch s.width {
        case 1: s.withUnits(as: UInt8.self) { scan(units: $0, of: s, in: range) }
        case 2: s.withUnits(as: UInt16.self) { scan(units: $0, of: s, in: range) }
        default: s.withUnits(as: UInt32.self) { scan(units: $0, of: s, in: range) }
        }
    }

    private static func scan<U: FixedWidthInteger & UnsignedInteger>(
        units: ScalarBuffer.Units<U>, of s: ScalarBuffer, in range: Range<Int>
    ) -> [Match] {
        // Every address has a dot with something after it, and few words have one: so look for
        // such dots, then for the word around each (a maximal run of non-space scalars, as in the
        // generic scan), instead of testing every scalar for a space.
        var matches: [Match] = []
        let lower = range.lowerBound
        let upper = range.upperBound
        var i = lower
        // One-byte text: the next dot by `memchr`.
        let bytes = U.self == UInt8.self ? UnsafeRawPointer(units.raw.baseAddress) : nil
        while i < upper {
            if let bytes {
                guard let dot = memchr(bytes + i, 0x2E, upper - i) else { break }
                i = bytes.distance(to: dot)
            }
            guard units[i] == 0x2E else {
                i += 1
                continue
            }
            guard i + 1 < upper, !isWhiteSpace(UInt32(truncatingIfNeeded: units[i + 1])) else {
                i += 1
                continue
            }
            var start = i
            while start > lower, !isWhiteSpace(UInt32(truncatingIfNeeded: units[start - 1])) { start -= 1 }
            var end = i + 1
            while end < upper, !isWhiteSpace(UInt32(truncatingIfNeeded: units[end])) { end += 1 }
            if let match = match(s, token: start..<end) { matches.append(match) }
            i = end
        }
        return matches
    }

    /// `Unicode.Scalar.isSpace` of a code unit of a scalar buffer.
    @inline(__always) static func isWhiteSpace(_ v: UInt32) -> Bool {
        // The units of a scalar buffer are valid scalar values.
        unsafeBitCast(v, to: Unicode.Scalar.self).isSpace
    }

    /// The addresses within `range` of `s`, in order.
    static func scan<Scalars: RandomAccessCollection<Unicode.Scalar>>(_ s: Scalars, in range: Range<Int>) -> [Match]
    where Scalars.Index == Int {
        var matches: [Match] = []
        var i = range.lowerBound
        while i < range.upperBound {
            while i < range.upperBound, s[i].isSpace { i += 1 }
            var end = i
            while end < range.upperBound, !s[end].isSpace { end += 1 }
            if let match = match(s, token: i..<end) { matches.append(match) }
            i = end
        }
        return matches
    }

    private static func match<Scalars: RandomAccessCollection<Unicode.Scalar>>(_ s: Scalars, token: Range<Int>) -> Match?
    where Scalars.Index == Int {
        // Every address has a dot with something after it; most words have none, and skipping them
        // here avoids building a string per word.
        var hasInnerDot = false
        var k = token.lowerBound
        while k + 1 < token.upperBound {
            if s[k] == "." {
                hasInnerDot = true
                break
            }
            k += 1
        }
        guard hasInnerDot else { return nil }
        var start = token.lowerBound
        while start < token.upperBound, "(<[\"'\u{201C}\u{2018}".unicodeScalars.contains(s[start]) { start += 1 }
        var end = token.upperBound
        var opened = 0
        for k in start..<end where s[k] == "(" { opened += 1 }
        while end > start {
            let c = s[end - 1]
            if ".,;:!?'\"\u{201D}\u{2019}]}>".unicodeScalars.contains(c) || (c == ")" && opened == 0) {
                end -= 1
            } else {
                break
            }
        }
        guard end > start else { return nil }
        // What the checks below ask for in the end, looked for before any string is built: a
        // slash (a scheme's or a path's) or `www.` in front; most dotted words (`U.S.`, `3.5`) have neither.
        func isW(_ c: Unicode.Scalar) -> Bool { c == "w" || c == "W" }
        let www = end - start >= 4 && isW(s[start]) && isW(s[start + 1]) && isW(s[start + 2]) && s[start + 3] == "."
        guard www || s[start..<end].contains("/") else { return nil }
        let text = String(scalars: s[start..<end])
        let lower = text.lowercased()
        let hasScheme = lower.hasPrefix("http://") || lower.hasPrefix("https://")
        // After `http://` or `https://` (seven or eight characters), without a Foundation search.
        let rest = hasScheme ? String(lower.dropFirst(lower.hasPrefix("https://") ? 8 : 7)) : lower
        let hostEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" || $0 == ":" }) ?? rest.endIndex
        let host = String(rest[..<hostEnd])
        guard isHost(host), !text.contains("@") || hasScheme else { return nil }
        // Without a scheme, ask for `www.` or a path, so that prose like `end.Next` or `e.g.` is not an address.
        guard hasScheme || lower.hasPrefix("www.") || (hostEnd < rest.endIndex && rest[hostEnd] == "/") else { return nil }
        return Match(range: start..<end, text: text, url: hasScheme ? text : "https://" + text, host: host)
    }

    /// Whether `host` is dot-separated labels of letters, digits and hyphens ending in a top-level domain.
    private static func isHost(_ host: String) -> Bool {
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, let tld = labels.last, tld.count >= 2, tld.allSatisfy(\.isLetter) else { return false }
        return labels.allSatisfy { label in
            !label.isEmpty && label.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }
        }
    }
}
