/// A day of the proleptic Gregorian calendar, with the arithmetic relative dates need.
///
/// Days are counted from 1970-01-01 with Howard Hinnant's `days_from_civil` algorithm, so adding
/// days, finding a weekday and finding an ISO week are integer arithmetic without Foundation's
/// calendars (which depend on the machine's locale and time zone).
struct CivilDate: Hashable, Comparable, Sendable {
    var year: Int
    var month: Int
    var day: Int

    init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date `days` after 1970-01-01.
    init(days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = doy - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// Days since 1970-01-01.
    var days: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The ISO weekday: 1 for Monday through 7 for Sunday.
    var weekday: Int {
        let w = (days + 3) % 7  // 1970-01-01 was a Thursday
        return (w < 0 ? w + 7 : w) + 1
    }

    static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    static func length(ofMonth month: Int, in year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Whether the fields name a real day.
    static func isValid(year: Int, month: Int, day: Int) -> Bool {
        month >= 1 && month <= 12 && day >= 1 && day <= length(ofMonth: month, in: year)
    }

    func adding(days n: Int) -> CivilDate { CivilDate(days: days + n) }

    /// The same day `n` months later (or earlier), clamped to the end of a shorter month.
    func adding(months n: Int) -> CivilDate {
        let total = year * 12 + (month - 1) + n
        let y = total >= 0 ? total / 12 : (total - 11) / 12
        let m = total - y * 12 + 1
        return CivilDate(year: y, month: m, day: min(day, Self.length(ofMonth: m, in: y)))
    }

    /// The ISO 8601 week-numbering year and week that hold this day.
    var isoWeek: (year: Int, week: Int) {
        // The week belongs to the year that holds its Thursday.
        let thursday = adding(days: 4 - weekday)
        let first = CivilDate(year: thursday.year, month: 1, day: 1)
        return (thursday.year, (thursday.days - first.days) / 7 + 1)
    }

    static func < (a: CivilDate, b: CivilDate) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

    /// `2025-12-14`.
    var iso: String { "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))" }

    /// `2025-12`.
    var isoMonth: String { "\(Self.pad(year, 4))-\(Self.pad(month, 2))" }

    /// `2025-W50`.
    var isoWeekString: String {
        let (y, w) = isoWeek
        return "\(Self.pad(y, 4))-W\(Self.pad(w, 2))"
    }

    static func pad(_ n: Int, _ width: Int) -> String {
        let digits = String(n)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// Parses the date at the start of an ISO 8601 string (`2025-12-14`, `2025-12-14T09:30:00Z`);
    /// nil when it does not start with a valid calendar date.
    static func parse(isoPrefix text: String) -> CivilDate? {
        let u = Array(text.utf8.prefix(11))
        guard u.count >= 10, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-") else { return nil }
        if u.count == 11, u[10] != UInt8(ascii: "T"), u[10] != UInt8(ascii: " "), u[10] != UInt8(ascii: "t") { return nil }
        func number(_ r: Range<Int>) -> Int? {
            var n = 0
            for k in r {
                guard u[k] >= 0x30, u[k] <= 0x39 else { return nil }
                n = n * 10 + Int(u[k] - 0x30)
            }
            return n
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10), isValid(year: y, month: m, day: d) else { return nil }
        return CivilDate(year: y, month: m, day: d)
    }
}
