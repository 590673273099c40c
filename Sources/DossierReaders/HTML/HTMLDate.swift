/// Normalises the date strings pages carry to ISO 8601, keeping only the precision they give.
///
/// `2019-11-18T12:34:56.000+0000` becomes `2019-11-18T12:34:56+00:00`, `Nov. 18, 2019` and
/// `Mon, 18 Nov 2019 12:34:56 GMT` become `2019-11-18` (a time without a reliable zone is dropped
/// rather than guessed); anything unrecognised is returned trimmed but unchanged, so nothing the
/// page said is lost.
enum HTMLDate {
    static func normalise(_ raw: String) -> String {
        let text = raw.trimmingWhitespace()
        guard !text.isEmpty else { return text }
        if let iso = iso(text) { return iso }
        if let named = withMonthName(text) { return named }
        return text
    }

    /// The calendar date (`YYYY-MM-DD`) of a normalised string, when it has one.
    static func day(_ normalised: String) -> String? {
        let s = Array(normalised.utf8)
        guard s.count >= 10, digits(s, 0, 4) != nil, s[4] == UInt8(ascii: "-"), digits(s, 5, 2) != nil, s[7] == UInt8(ascii: "-"),
            digits(s, 8, 2) != nil
        else { return nil }
        return String(normalised.prefix(10))
    }

    private static func digits(_ s: [UInt8], _ at: Int, _ count: Int) -> Int? {
        guard at + count <= s.count else { return nil }
        var value = 0
        for k in at..<at + count {
            guard s[k] >= 0x30, s[k] <= 0x39 else { return nil }
            value = value * 10 + Int(s[k] - 0x30)
        }
        return value
    }

    private static func pad(_ v: Int, _ width: Int) -> String {
        let s = String(v)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }

    private static func iso(_ text: String) -> String? {
        let s = Array(text.utf8)
        guard let year = digits(s, 0, 4), s.count >= 10, s[4] == UInt8(ascii: "-") || s[4] == UInt8(ascii: "/"),
            let month = digits(s, 5, 2), s[7] == s[4], let day = digits(s, 8, 2), (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        var out = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
        var i = 10
        guard i < s.count, s[i] == UInt8(ascii: "T") || s[i] == UInt8(ascii: " "), let hour = digits(s, i + 1, 2), i + 3 < s.count,
            s[i + 3] == UInt8(ascii: ":"), let minute = digits(s, i + 4, 2)
        else { return out }
        i += 6
        var second = 0
        if i < s.count, s[i] == UInt8(ascii: ":"), let sec = digits(s, i + 1, 2) {
            second = sec
            i += 3
        }
        if i < s.count, s[i] == UInt8(ascii: ".") || s[i] == UInt8(ascii: ",") {
            i += 1
            while i < s.count, s[i] >= 0x30, s[i] <= 0x39 { i += 1 }
        }
        out += "T\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2))"
        while i < s.count, s[i] == UInt8(ascii: " ") { i += 1 }
        if i < s.count, s[i] == UInt8(ascii: "Z") {
            out += "Z"
        } else if i < s.count, s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-"), let zh = digits(s, i + 1, 2) {
            let sign = s[i] == UInt8(ascii: "+") ? "+" : "-"
            var j = i + 3
            if j < s.count, s[j] == UInt8(ascii: ":") { j += 1 }
            let zm = digits(s, j, 2) ?? 0
            out += "\(sign)\(pad(zh, 2)):\(pad(zm, 2))"
        }
        return out
    }

    private static let months = [
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11,
        "dec": 12,
    ]

    /// `March 11, 2015`, `11 March 2015`, `Wed, 11 Mar 2015 15:46:00 GMT`: day, month name and year in either order.
    private static func withMonthName(_ text: String) -> String? {
        let words = text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        var month: Int?
        var day: Int?
        var year: Int?
        for (k, word) in words.enumerated() {
            if month == nil, word.count >= 3, let m = months[String(word.prefix(word.count == 4 && word == "sept" ? 4 : 3))],
                word.count <= 9
            {
                month = m
                // The day is the number right before or right after the month name.
                if k + 1 < words.count, let d = Int(words[k + 1]), (1...31).contains(d) {
                    day = d
                } else if k > 0, let d = Int(words[k - 1]), (1...31).contains(d) {
                    day = d
                }
            } else if year == nil, word.count == 4, let y = Int(word), (1900...2100).contains(y) {
                year = y
            }
        }
        guard let month, let day, let year else { return nil }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var scalars = Substring(self).unicodeScalars
        while let f = scalars.first, f.properties.isWhitespace { scalars.removeFirst() }
        while let l = scalars.last, l.properties.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
