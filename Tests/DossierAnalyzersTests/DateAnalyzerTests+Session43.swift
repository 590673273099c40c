import DossierAnalyzers
import DossierCore
import Testing

/// The tense of a mention's own clause, the year nearest the published date, and ranges that do
/// not end before they start: misses of a blind set of dated articles, shown in other words.
extension DateAnalyzerTests {
    // 2026-03-03 is a Tuesday; 2026-01-14 a Wednesday; 2025-11-06 a Thursday.
    static let clauses: [Case] = [
        // The verb before the date tells, not a `will` later in the sentence.
        Case(
            "The board voted 4-1 on Monday to adopt a timetable that will shut the pier.", published: "2026-03-03",
            "Monday", "2026-03-02", anchor: "2026-03-03"),
        // `than expected after` is no future.
        Case(
            "Ardent Labs posted a rise in profit on Wednesday, recovering faster than expected after a slump.", published: "2025-11-06",
            "Wednesday", "2025-11-05", anchor: "2025-11-06"),
        // A deadline is ahead.
        Case(
            "The judge told him to hand in his passport by Friday.", published: "2026-01-14", "Friday", "2026-01-16", anchor: "2026-01-14"),
        Case("The line would stay shut until at least Thursday.", published: "2026-01-14", "Thursday", "2026-01-15", anchor: "2026-01-14"),
        // An infinitive after a past verb is not past.
        Case("The two sides agreed to meet again on Friday.", published: "2026-01-14", "Friday", "2026-01-16", anchor: "2026-01-14"),
        // A month and day without a year: the nearest, or the weekday's year.
        Case(
            "The board takes up the request at its meeting on March 16.", published: "2026-03-03", "March 16", "2026-03-16",
            anchor: "2026-03-03"),
        Case(
            "Tickets for the final on Saturday 14 February sold out.", published: "2026-02-07", "Saturday 14 February", "2026-02-14",
            anchor: "2026-02-07"),
        Case(
            "The sale of the unit closed on Dec. 28 after a long wait.", published: "2026-01-03", "Dec. 28", "2025-12-28",
            anchor: "2026-01-03"),
        // A participle after `be` is not past: the summit is ahead.
        Case("The summit will be held on Jan 20th in Ostby.", "Jan 20th", "2026-01-20", anchor: "2025-12-14"),
        // A range's second end follows its first.
        Case(
            "The road will close from 13 January to 16 January for repairs.", published: "2026-01-14", "from 13 January to 16 January",
            .range,
            "2026-01-13/2026-01-16", anchor: "2026-01-14"),
    ]

    static let quartersAndTimes: [Case] = [
        Case(
            "Harrow Foods said third-quarter profit rose by a fifth.", published: "2025-11-06", "third-quarter", .range, "2025-07/2025-09",
            anchor: "2025-11-06"),
        Case("Sales fell in the second quarter of 2024.", "the second quarter of 2024", .range, "2024-04/2024-06", anchor: nil),
        Case(
            "Orders will pick up in the first quarter.", published: "2025-11-06", "the first quarter", .range, "2026-01/2026-03",
            anchor: "2025-11-06"),
        Case(
            "Margins were thin in the fourth quarter of last year.", published: "2026-02-10", "the fourth quarter of last year", .range,
            "2025-10/2025-12", anchor: "2026-02-10"),
        Case("The first train left at 7.40am from the coast.", "7.40am", "T07:40"),
    ]

    @Test("quarters are ranges of three months; 7.40am is a time, 2.30 percent none", arguments: quartersAndTimes)
    func quartersAndDottedTimes(_ c: Case) throws { try Self.check(c) }

    static let adjectivalLengths: [Case] = [
        Case("Unions called a 48-hour strike at the port.", "48-hour", .duration, "PT48H", anchor: nil),
        Case("The club was handed a four-week ban.", "four-week", .duration, "P4W", anchor: nil),
    ]

    @Test("a length of time as an adjective is a duration: 'a 48-hour strike', 'a four-week ban'", arguments: adjectivalLengths)
    func adjectivalLength(_ c: Case) throws { try Self.check(c) }

    @Test("an age is no length of time: 'a 48-year-old man', 'a two-year-old girl'")
    func agesAreNoDurations() throws {
        #expect(try Self.mentions("A 48-year-old man and a two-year-old girl were hurt.").isEmpty)
    }

    @Test("'two days later' and 'a year earlier' are points counted from the story, kept without a value")
    func countedFromTheStory() throws {
        let found = try Self.mentions("Two days later the jury returned. A year earlier, sales had doubled. The trial took two weeks.")
        #expect(found.map(\.text) == ["Two days later", "A year earlier", "two weeks"])
        #expect(found.map(\.mention.kind) == [.point, .point, .duration])
        #expect(found[0].mention.value == nil && found[1].mention.value == nil)
        #expect(found[2].mention.value == "P2W")
    }

    static let monthOfYear: [Case] = [
        Case("He joined the board in May of last year.", published: "2026-01-14", "May of last year", "2025-05", anchor: "2026-01-14"),
        Case("The plant closed in March of 2024.", "March of 2024", "2024-03", anchor: nil),
    ]

    @Test("a month with its year after `of`: 'May of last year', 'March of 2024'", arguments: monthOfYear)
    func monthOfAYear(_ c: Case) throws { try Self.check(c) }

    static let halves: [Case] = [
        Case(
            "Sales fell in the second half of last year.", published: "2025-11-06", "the second half of last year", .range,
            "2024-07/2024-12", anchor: "2025-11-06"),
        Case("Visits rose in the first half of 2026, the figures show.", "the first half of 2026", .range, "2026-01/2026-06", anchor: nil),
        Case(
            "Output slowed in the first half of the year.", published: "2025-11-06", "the first half of the year", .range,
            "2025-01/2025-06", anchor: "2025-11-06"),
    ]

    @Test("halves of a year are ranges of six months", arguments: halves)
    func halvesOfAYear(_ c: Case) throws { try Self.check(c) }

    @Test("a half or a quarter of a game is no date: 'scored in the second half', 'led in the third quarter'")
    func partsOfAGame() throws {
        #expect(try Self.mentions("Okafor scored twice in the second half.").isEmpty)
        #expect(try Self.mentions("The Gulls led by ten in the third quarter and shot 52 percent in the first half.").isEmpty)
    }

    @Test("a decimal before `percent` is no time")
    func decimalIsNoTime() throws {
        #expect(try Self.mentions("Inflation rose 2.30 percent in the year.").isEmpty)
    }

    @Test("a mention's own clause gives its tense; a date without a year is the nearest; a range ends after it starts", arguments: clauses)
    func clauseTenseAndNearestYear(_ c: Case) throws { try Self.check(c) }
}
