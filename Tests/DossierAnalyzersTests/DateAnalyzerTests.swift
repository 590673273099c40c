import DossierAnalyzers
import DossierCore
import DossierTesting
import Testing

@Suite("Date analyzer")
struct DateAnalyzerTests {
    /// One expected mention: its text, kind, value and (for relative ones) anchor.
    struct Case: Sendable, CustomTestStringConvertible {
        var sentence: String
        var published: String?
        var text: String
        var kind: DateMention.Kind
        var value: String?
        var anchor: String?
        var testDescription: String { sentence }

        init(_ sentence: String, published: String? = "2025-12-14", _ text: String, _ value: String?, anchor: String? = nil) {
            self.init(sentence, published: published, text, .point, value, anchor: anchor)
        }

        init(
            _ sentence: String, published: String? = "2025-12-14", _ text: String, _ kind: DateMention.Kind, _ value: String?,
            anchor: String? = nil
        ) {
            self.sentence = sentence
            self.published = published
            self.text = text
            self.kind = kind
            self.value = value
            self.anchor = anchor
        }
    }

    static func mentions(
        _ text: String, published: String? = "2025-12-14", options: DateAnalyzer.Options = .init()
    ) throws
        -> [(text: String, mention: DateMention)]
    {
        let document = Document(id: "t", text: text, metadata: Metadata(published: published))
        let dates = try DateAnalyzer(options: options).analyze(document, context: AnalysisContext()).dates
        return dates.map { (document.text(in: $0.range), $0) }
    }

    static func check(_ c: Case) throws {
        let found = try mentions(c.sentence, published: c.published)
        #expect(found.count == 1, "\(found.map(\.text))")
        let first = try #require(found.first)
        #expect(first.text == c.text)
        #expect(first.mention.kind == c.kind)
        #expect(first.mention.value == c.value)
        #expect(first.mention.anchor == c.anchor)
    }

    // 2025-12-14 is a Sunday.
    static let absolute: [Case] = [
        Case("The port reopened on December 14, 2025, after repairs.", "December 14, 2025", "2025-12-14"),
        Case("Talks in Varnholm ended 14 December 2025 without a deal.", "14 December 2025", "2025-12-14"),
        Case("The ledger is dated 2025-12-14 in the archive.", "2025-12-14", "2025-12-14"),
        Case("A filing dated 12/14/2025 was found.", "12/14/2025", "2025-12-14"),
        Case("A filing dated 14/12/2025 was found.", "14/12/2025", "2025-12-14"),
        Case("Mayor Elsa Brandt took office in March 2024 amid protests.", "March 2024", "2024-03"),
        Case("The bridge was built in 1998 by the county.", "1998", "1998"),
        Case("Prices climbed in 2024, the report found.", "2024", "2024"),
        Case("Tolls doubled during the 1990s across the region.", "1990s", "199"),
        Case("The ferry left at 10:30 a.m. sharp.", "10:30 a.m.", "T10:30"),
        Case("The vote closes at 3 pm on the island.", "3 pm", "T15:00"),
        Case("Crowds gathered at noon outside the hall.", "noon", "T12:00"),
        Case("The council met on Monday, Dec. 8, 2025, in closed session.", "Monday, Dec. 8, 2025", "2025-12-08"),
        Case("Tessa Morrow was born on Jan. 3, 1961 in Ostby.", "Jan. 3, 1961", "1961-01-03"),
    ]

    @Test("absolute forms need no anchor", arguments: absolute)
    func absoluteForms(_ c: Case) throws { try Self.check(c) }

    static let relative: [Case] = [
        Case("The council met on Tuesday to discuss the levy.", "Tuesday", "2025-12-09", anchor: "2025-12-14"),
        // `Today` opening a sentence is the day, as `USA Today` after a capitalised word is not.
        Case("Today the harbour is quiet.", "Today", "2025-12-14", anchor: "2025-12-14"),
        Case("The council will meet on Tuesday to discuss the levy.", "Tuesday", "2025-12-16", anchor: "2025-12-14"),
        Case("Officials said the plant will reopen next Tuesday.", "next Tuesday", "2025-12-16", anchor: "2025-12-14"),
        Case("The plant closed last Friday for inspection.", "last Friday", "2025-12-12", anchor: "2025-12-14"),
        Case("The board resigned last week over the audit.", "last week", "2025-W49", anchor: "2025-12-14"),
        Case("Auditors arrive next month in the capital.", "next month", "2026-01", anchor: "2025-12-14"),
        Case("Sales rose last year across the chain.", "last year", "2024", anchor: "2025-12-14"),
        Case("The mine was sold earlier this year to a rival.", "earlier this year", "2025", anchor: "2025-12-14"),
        Case("The ferry sank yesterday near the cape.", "yesterday", "2025-12-13", anchor: "2025-12-14"),
        Case("The market is closed today for the holiday.", "today", "2025-12-14", anchor: "2025-12-14"),
        Case("The verdict is due tomorrow, lawyers believe.", "tomorrow", "2025-12-15", anchor: "2025-12-14"),
        Case("The strike began in March and spread north.", "March", "2025-03", anchor: "2025-12-14"),
        Case("The museum opened in March, its director said.", published: "2025-02-10", "March", "2024-03", anchor: "2025-02-10"),
        Case("The museum will open in March, its director said.", published: "2025-02-10", "March", "2025-03", anchor: "2025-02-10"),
        Case("The dam failed on Dec. 15 after days of rain.", published: "2026-01-05", "Dec. 15", "2025-12-15", anchor: "2026-01-05"),
        Case("The summit will be held on Jan 20th in Ostby.", "Jan 20th", "2026-01-20", anchor: "2025-12-14"),
        Case("The levee broke two weeks ago in the storm.", "two weeks ago", "2025-11-30", anchor: "2025-12-14"),
        Case("Residents were evacuated three years ago.", "three years ago", "2022", anchor: "2025-12-14"),
        Case("Power failed last night in the old town.", "last night", "2025-12-13", anchor: "2025-12-14"),
    ]

    @Test("relative forms resolve against the published date, by tense", arguments: relative)
    func relativeForms(_ c: Case) throws { try Self.check(c) }

    static let ranges: [Case] = [
        Case(
            "Repairs lasted between May and July in the harbour.", "between May and July", .range, "2025-05/2025-07", anchor: "2025-12-14"),
        Case("Ms. Ruiz chaired the board from 2019 to 2021.", "from 2019 to 2021", .range, "2019/2021"),
        Case("Ms. Ruiz chaired the board in 2019–2021.", "2019–2021", .range, "2019/2021"),
        Case("The fair runs May 3-5, 2026 in Ostby.", "May 3-5, 2026", .range, "2026-05-03/2026-05-05"),
        Case("The office is open from 9 a.m. to 5 p.m. daily.", "from 9 a.m. to 5 p.m.", .range, "T09:00/T17:00"),
    ]

    @Test("ranges read as ISO 8601 intervals", arguments: ranges)
    func rangeForms(_ c: Case) throws { try Self.check(c) }

    static let durations: [Case] = [
        Case("The trial lasted two weeks in all.", "two weeks", .duration, "P2W"),
        Case("The rebuild took three years to finish.", "three years", .duration, "P3Y"),
        Case("Rescuers searched for 48 hours without rest.", "48 hours", .duration, "PT48H"),
        Case("The feud ran for a decade before the truce.", "a decade", .duration, "P10Y"),
        Case("The repair took a week longer than planned.", "a week", .duration, "P1W"),
        Case("Rents have doubled over the past year in Ostby.", "past year", .duration, "P1Y"),
        Case("The reactor will run for 1.5 years on one load.", "1.5 years", .duration, "P1.5Y"),
    ]

    @Test("durations are a number and a unit", arguments: durations)
    func durationForms(_ c: Case) throws { try Self.check(c) }

    static let nonDates: [String] = [
        "May I ask the minister a question?",
        "Voters may reject the plan in the end.",
        "Thousands joined a march through the centre.",
        "Students march on the ministry every week.",
        "The army sent 2,000 troops to the border.",
        "The army sent 2000 troops to the border.",
        "She won the 1500 metres final.",
        "Call the desk on 555-2024 for tickets.",
        "The fund paid $2024 to each family.",
        "Theresa May spoke to the committee.",
        "The novelist August Wilson wrote ten plays.",
        "He bought the Sunday Times at the kiosk.",
        "The team won 3-1 at home.",
        "Jan Kowalski led the delegation.",
        "Drivers pay $40 a week to park.",
        "They meet twice a month in the hall.",
        "About 9,000 cars a day cross the old bridge.",
        "The clinic serves two meals a day to its patients.",
        "Growth reached 2025 units, up 4%.",
        "The band 30 Seconds to Mars played the arena.",
        // An age, and a newspaper's name.
        "The mayor is 61 years old and the harbour master 44 years old.",
        "A 48-year-old man was arrested.",
        "The coach, via USA Today, denied the report.",
    ]

    @Test("words and numbers that are not dates are left alone", arguments: nonDates)
    func notDates(_ sentence: String) throws {
        let found = try Self.mentions(sentence)
        #expect(found.isEmpty, "\(found.map(\.text))")
    }

    @Test("without a published date, a relative mention keeps no value and says why")
    func noPublishedDate() throws {
        let found = try Self.mentions("The board resigned last week over the audit.", published: nil)
        let mention = try #require(found.first).mention
        #expect(found.first?.text == "last week")
        #expect(mention.value == nil)
        #expect(mention.anchor == nil)
        #expect(mention.unresolved == "no published date to resolve 'last week' against")
        let absolute = try Self.mentions("The port reopened on December 14, 2025.", published: nil)
        #expect(absolute.first?.mention.value == "2025-12-14")
    }

    @Test("the reference date stands in for a missing published date, and never overrides one")
    func referenceDate() throws {
        let options = DateAnalyzer.Options(referenceDate: "2025-06-04")
        let found = try Self.mentions("The ferry sank yesterday.", published: nil, options: options)
        #expect(found.first?.mention.value == "2025-06-03")
        #expect(found.first?.mention.anchor == "2025-06-04")
        let published = try Self.mentions("The ferry sank yesterday.", published: "2025-12-14T08:00:00Z", options: options)
        #expect(published.first?.mention.value == "2025-12-13")
    }

    @Test("an unreadable published date is named in the reason")
    func unreadablePublished() throws {
        let found = try Self.mentions("The ferry sank yesterday.", published: "last Tuesday")
        #expect(
            found.first?.mention.unresolved == "the published date 'last Tuesday' is not an ISO 8601 date to resolve 'yesterday' against")
    }

    @Test("resolveRelative false keeps relative mentions unresolved, absolute ones resolved")
    func noResolution() throws {
        let options = DateAnalyzer.Options(resolveRelative: false)
        let found = try Self.mentions("The ferry sank yesterday, on December 13, 2025.", options: options)
        #expect(found.map(\.text) == ["yesterday", "December 13, 2025"])
        #expect(found[0].mention.value == nil)
        #expect(found[0].mention.unresolved?.contains("resolveRelative") == true)
        #expect(found[1].mention.value == "2025-12-13")
    }

    @Test(
        "a numeric date both ways could read is unresolved unless dayFirst chooses",
        arguments: [
            (nil, nil), (true, "2025-04-03"), (false, "2025-03-04"),
        ] as [(Bool?, String?)])
    func dayFirst(_ dayFirst: Bool?, _ expected: String?) throws {
        let found = try Self.mentions("A memo dated 03/04/2025 surfaced.", options: DateAnalyzer.Options(dayFirst: dayFirst))
        let mention = try #require(found.first).mention
        #expect(mention.value == expected)
        if dayFirst == nil {
            #expect(mention.unresolved == "'03/04/2025' reads as month/day or day/month; set the option dayFirst to choose")
        }
    }

    @Test("a reference date that is not ISO 8601 is refused, quoting it", arguments: ["14/12/2025", "2025-13-01", "yesterday", ""])
    func badReferenceDate(_ value: String) {
        #expect {
            try DateAnalyzer.validate(DateAnalyzer.Options(referenceDate: value))
        } throws: { error in
            guard let error = error as? ComponentError else { return false }
            return error.code == "E480" && error.option == "referenceDate" && error.message.contains("'\(value)'")
        }
    }

    @Test("mentions come in text order with scalar offsets, past non-ASCII text")
    func offsets() throws {
        let text = "Zoë’s café 🎉 opened on 2 May 2025 and closed in 2026."
        let document = Document(id: "t", text: text)
        let dates = try DateAnalyzer().analyze(document, context: AnalysisContext()).dates
        #expect(dates.map { document.text(in: $0.range) } == ["2 May 2025", "2026"])
        #expect(dates.first?.range == TextRange(start: 23, end: 33))
    }

    @Test("the analyzer passes the conformance check third-party analyzers are held to")
    func conformance() async {
        #expect(DateAnalyzer.id == "dates")
        #expect(DateAnalyzer.provides == [.dates])
        let documents = [
            Document(
                id: "a", text: "The board met on Tuesday. It will meet again next month, from May 3-5.",
                metadata: Metadata(published: "2025-12-14")),
            Document(id: "b", text: "No published date: last week, 12/14/2025 and 48 hours."),
        ]
        let problems = await AnalyzerConformance.check(DateAnalyzer.self, documents: documents)
        #expect(problems.isEmpty, "\(problems)")
        let other = await AnalyzerConformance.check(
            DateAnalyzer.self, documents: documents, options: DateAnalyzer.Options(dayFirst: true, referenceDate: "2025-01-01"))
        #expect(other.isEmpty, "\(other)")
    }

    @Test("the same dates wherever the text falls: the scan reads 64 scalars at a time")
    func blockBoundaries() throws {
        // Numbers and trigger words right after letters, digits, other scripts and a wide scalar,
        // words longer than a trigger, and rules that read past the words that start them.
        let text =
            "On Tuesday, Dec. 16, 2025, from 10:30 a.m. to noon, 48 hours after the 1990s reforms "
            + "(2019-2021) and two weeks ago, Müller3 said March 4 would be Sept. 9 — x2025 and "
            + "Мэр 14 December 2025 🏮 last week, yesterday, 12/14/2025 and midnight Fridayish."
        func shape(_ prefix: String) throws -> [String] {
            try Self.mentions(prefix + text).map { "\($0.text) \($0.mention.kind) \($0.mention.value ?? "-")" }
        }
        let expected = try shape("")
        #expect(expected.count >= 12, "\(expected)")
        for length in 1...70 {
            let filler = String(String(repeating: "Filler words, 12 of them. ", count: 3).prefix(length)) + "\n"
            #expect(try shape(filler) == expected, "after \(length) scalars of filler")
        }
    }
}
