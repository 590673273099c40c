import Foundation

/// Normalises the dates feeds write (RFC 822 in RSS, RFC 3339 in Atom) to ISO 8601.
enum FeedDate {
    /// The date as ISO 8601 in UTC, or the original text when it cannot be read.
    static func iso8601(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        // A bare date stays a date: inventing midnight UTC would invent precision.
        if trimmed.count == 10,
            trimmed.unicodeScalars.enumerated().allSatisfy({ i, c in i == 4 || i == 7 ? c == "-" : ("0"..."9").contains(c) })
        {
            return trimmed
        }
        for format in formats {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(secondsFromGMT: 0)
            formatter.dateFormat = format
            if let date = formatter.date(from: trimmed) {
                let out = ISO8601DateFormatter()
                out.formatOptions = [.withInternetDateTime]
                return out.string(from: date)
            }
        }
        return trimmed
    }

    private static let formats = [
        "EEE, dd MMM yyyy HH:mm:ss Z", "EEE, d MMM yyyy HH:mm:ss Z", "EEE, dd MMM yyyy HH:mm:ss zzz", "EEE, d MMM yyyy HH:mm:ss zzz",
        "dd MMM yyyy HH:mm:ss Z", "EEE, dd MMM yyyy HH:mm Z", "yyyy-MM-dd'T'HH:mm:ssXXXXX", "yyyy-MM-dd'T'HH:mm:ss.SSSXXXXX",
        "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd",
    ]
}
