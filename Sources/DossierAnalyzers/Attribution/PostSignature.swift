import DossierCore

/// The signature line of an embedded social post, as platforms' embed code prints it:
/// `— Author Name (@handle) December 15, 2025`.
struct PostSignature {
    /// The author's name as written.
    var author: TextRange
    /// The handle without its `@`.
    var handle: TextRange?
    /// The date as written.
    var date: TextRange?
    /// Where the signature ends.
    var end: Int

    /// Finds the signature in `range`: the last dash that opens a line or follows a space, the
    /// name after it, an optional `(@handle)` and an optional date to the end of the line.
    static func parse<U: FixedWidthInteger & UnsignedInteger>(_ units: ScalarBuffer.Units<U>, in range: TextRange) -> PostSignature? {
        func v(_ i: Int) -> UInt32 { UInt32(truncatingIfNeeded: units[i]) }
        let end = min(range.end, units.count)
        var dash = -1
        var i = end - 1
        while i >= range.start {
            let c = v(i)
            if c == 0x2014 || c == 0x2013 || (c == 0x2D && i + 1 < end && v(i + 1) == 0x20) {
                if i == range.start || v(i - 1) == 0x0A || v(i - 1) == 0x20 {
                    dash = i
                    break
                }
            }
            i -= 1
        }
        guard dash >= 0 else { return nil }
        var lineEnd = dash
        while lineEnd < end && v(lineEnd) != 0x0A { lineEnd += 1 }
        var s = dash + 1
        while s < lineEnd && v(s) == 0x20 { s += 1 }
        var open = s
        while open < lineEnd && v(open) != 0x28 { open += 1 }
        var authorEnd = open
        while authorEnd > s && v(authorEnd - 1) == 0x20 { authorEnd -= 1 }
        guard authorEnd > s else { return nil }
        var signature = PostSignature(author: TextRange(start: s, end: authorEnd), handle: nil, date: nil, end: lineEnd)
        var rest = open
        if open < lineEnd, open + 1 < lineEnd, v(open + 1) == 0x40 {
            var h = open + 2
            while h < lineEnd && v(h) != 0x29 && v(h) != 0x20 { h += 1 }
            if h > open + 2 { signature.handle = TextRange(start: open + 2, end: h) }
            rest = h < lineEnd && v(h) == 0x29 ? h + 1 : h
        } else if open < lineEnd {
            return nil  // A bracket that is not a handle: not a signature.
        }
        while rest < lineEnd && v(rest) == 0x20 { rest += 1 }
        var dateEnd = lineEnd
        while dateEnd > rest && (v(dateEnd - 1) == 0x20 || v(dateEnd - 1) == 0x0D) { dateEnd -= 1 }
        if dateEnd > rest { signature.date = TextRange(start: rest, end: dateEnd) }
        signature.end = dateEnd > rest ? dateEnd : (signature.handle.map { $0.end + 1 } ?? authorEnd)
        signature.end = min(signature.end, lineEnd)
        return signature
    }

    static let months = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    ]

    /// `December 15, 2025` or `15 December 2025` as `2025-12-15`; `nil` for anything else.
    static func isoDate(_ text: String) -> String? {
        let words = text.lowercased().split { $0 == " " || $0 == "," || $0 == "." }
        guard words.count == 3 else { return nil }
        var month: Int?
        var day: Int?
        var year: Int?
        for w in words {
            if let m = months.firstIndex(where: { $0 == w || ($0.hasPrefix(w) && w.count >= 3) }) {
                month = m + 1
            } else if let n = Int(w) {
                if n > 31 { year = n } else { day = n }
            }
        }
        guard let month, let day, let year, (1...31).contains(day) else { return nil }
        return "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }

    /// The platform the post's links or handle point at.
    static func platform(of urls: [String], handle: String?) -> String? {
        let hosts: [(String, String)] = [
            ("twitter.com", "X"), ("x.com", "X"), ("t.co/", "X"), ("bsky.app", "Bluesky"), ("instagram.com", "Instagram"),
            ("facebook.com", "Facebook"), ("threads.net", "Threads"), ("tiktok.com", "TikTok"), ("youtube.com", "YouTube"),
            ("youtu.be", "YouTube"), ("linkedin.com", "LinkedIn"), ("truthsocial.com", "Truth Social"), ("t.me", "Telegram"),
        ]
        for url in urls {
            let lower = url.lowercased()
            for (host, name) in hosts where lower.contains("//" + host) || lower.contains("." + host) { return name }
        }
        return nil
    }
}
