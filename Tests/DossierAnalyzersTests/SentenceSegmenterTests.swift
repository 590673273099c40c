import DossierAnalyzers
import DossierCore
import Testing

@Suite("Sentence segmenter rules")
struct SentenceSegmenterTests {
    let segmenter = SentenceSegmenter()

    @Test(
        "plain terminators and runs of them",
        arguments: [
            ("The tide turned. Boats left the quay.", ["The tide turned.", "Boats left the quay."]),
            ("Is the road open? Nobody knows yet.", ["Is the road open?", "Nobody knows yet."]),
            ("Watch out!! The rail is loose.", ["Watch out!!", "The rail is loose."]),
            ("Really?! The mayor agreed.", ["Really?!", "The mayor agreed."]),
            ("No terminator at all", ["No terminator at all"]),
        ])
    func terminators(text: String, expected: [String]) {
        #expect(segmenter.segment(text) == expected)
    }

    @Test(
        "titles, Latin and company abbreviations",
        arguments: [
            ("Mr. Osei and Mrs. Lund met Dr. Park at noon.", ["Mr. Osei and Mrs. Lund met Dr. Park at noon."]),
            ("Gen. Ruiz briefed Sen. Abbot and Gov. Tam.", ["Gen. Ruiz briefed Sen. Abbot and Gov. Tam."]),
            ("Bring tools, e.g. a spanner, i.e. anything useful.", ["Bring tools, e.g. a spanner, i.e. anything useful."]),
            ("She bought flour, eggs, etc. and left.", ["She bought flour, eggs, etc. and left."]),
            ("He sued Lake Pumps Inc. The case is pending.", ["He sued Lake Pumps Inc.", "The case is pending."]),
            ("He sued Lake Pumps Inc. in May.", ["He sued Lake Pumps Inc. in May."]),
            ("The U.S. Navy sent a ship. It docked at dawn.", ["The U.S. Navy sent a ship.", "It docked at dawn."]),
            ("Exports to the U.K. fell. However, imports rose.", ["Exports to the U.K. fell.", "However, imports rose."]),
            ("The talks opened on Jan. 4 in Oslo.", ["The talks opened on Jan. 4 in Oslo."]),
            ("It was Spurs vs. Rovers on Sunday.", ["It was Spurs vs. Rovers on Sunday."]),
            (
                "The ferry leaves at 7 a.m. and returns at 9 p.m. every day.",
                ["The ferry leaves at 7 a.m. and returns at 9 p.m. every day."]
            ),
            ("The shop closes at 5 p.m. The café stays open.", ["The shop closes at 5 p.m.", "The café stays open."]),
            // AP style: a weekday or a time zone after the time goes on the clause.
            (
                "Power came back at 10 a.m. Sunday, the utility said. The vote is at 6 p.m. ET on Monday.",
                ["Power came back at 10 a.m. Sunday, the utility said.", "The vote is at 6 p.m. ET on Monday."]
            ),
            ("Walk down Harbour St. The office is on the left.", ["Walk down Harbour St.", "The office is on the left."]),
            ("It is approx. four miles.", ["It is approx. four miles."]),
        ])
    func abbreviations(text: String, expected: [String]) {
        #expect(segmenter.segment(text) == expected)
    }

    @Test(
        "initials and the pronoun I",
        arguments: [
            ("J. R. R. Tolkien wrote it.", ["J. R. R. Tolkien wrote it."]),
            ("They met George W. Bush in Texas.", ["They met George W. Bush in Texas."]),
            ("It was just Ana and I. Then the rain came.", ["It was just Ana and I.", "Then the rain came."]),
            ("She needed vitamin D. Her doctor agreed.", ["She needed vitamin D.", "Her doctor agreed."]),
        ])
    func initials(text: String, expected: [String]) {
        #expect(segmenter.segment(text) == expected)
    }

    @Test(
        "numbers, money, decimals and numbered references",
        arguments: [
            ("Pi is about 3.14 in most sums.", ["Pi is about 3.14 in most sums."]),
            ("It cost $1.5 billion. Taxpayers paid.", ["It cost $1.5 billion.", "Taxpayers paid."]),
            ("See p. 12 and No. 4 for details.", ["See p. 12 and No. 4 for details."]),
            ("Turnout was 61.5%. That is a record.", ["Turnout was 61.5%.", "That is a record."]),
        ])
    func numbers(text: String, expected: [String]) {
        #expect(segmenter.segment(text) == expected)
    }

    @Test(
        "flattened lists with numbers, letters and bullets",
        arguments: [
            ("1. Close the gate 2. Lock the shed", ["1. Close the gate", "2. Lock the shed"]),
            ("1) Close the gate. 2) Lock the shed.", ["1) Close the gate.", "2) Lock the shed."]),
            ("a) red b) green c) blue", ["a) red", "b) green", "c) blue"]),
            ("• Tickets sold out • Doors open at six", ["• Tickets sold out", "• Doors open at six"]),
            ("Steps:\n- Fill the tank\n- Check the oil", ["Steps:", "- Fill the tank", "- Check the oil"]),
        ])
    func lists(text: String, expected: [String]) {
        #expect(segmenter.segment(text) == expected)
    }

    @Test(
        "ellipses end a sentence only before a capitalised new one",
        arguments: [
            ("We waited... Nobody came.", ["We waited...", "Nobody came."]),
            ("We waited … and waited.", ["We waited … and waited."]),
            ("He paused… Then he spoke.", ["He paused…", "Then he spoke."]),
            ("The memo said [...] nothing more.", ["The memo said [...] nothing more."]),
            ("It trailed off . . . I think.", ["It trailed off . . . I think."]),
            ("It ended there.... The crowd left.", ["It ended there....", "The crowd left."]),
        ])
    func ellipses(text: String, expected: [String]) {
        #expect(segmenter.segment(text) == expected)
    }

    @Test(
        "quotes and brackets after a terminator",
        arguments: [
            ("He said \"Stop.\" Then he left.", ["He said \"Stop.\"", "Then he left."]),
            ("“Go home,” she said. “Now.” He went.", ["“Go home,” she said.", "“Now.”", "He went."]),
            ("\"Is it safe?\" she asked.", ["\"Is it safe?\" she asked."]),
            ("The plan failed. (See above.) We tried again.", ["The plan failed.", "(See above.)", "We tried again."]),
            ("The pier (built in 1902.) is closed.", ["The pier (built in 1902.) is closed."]),
        ])
    func quotes(text: String, expected: [String]) {
        #expect(segmenter.segment(text) == expected)
    }

    @Test(
        "addresses, domains and brand names with punctuation",
        arguments: [
            ("Write to desk@news.example.org. We reply fast.", ["Write to desk@news.example.org.", "We reply fast."]),
            ("Visit https://example.com/a.b?c=1. It is free.", ["Visit https://example.com/a.b?c=1.", "It is free."]),
            ("The example.com site is down.", ["The example.com site is down."]),
            ("She joined Yahoo! in 2004.", ["She joined Yahoo! in 2004."]),
        ])
    func addresses(text: String, expected: [String]) {
        #expect(segmenter.segment(text) == expected)
    }

    @Test(
        "lowercase starts after a real terminator, and line breaks",
        arguments: [
            ("The vote passed. critics said it was rushed.", ["The vote passed.", "critics said it was rushed."]),
            ("First line ends here.\nsecond line starts lower.", ["First line ends here.", "second line starts lower."]),
            ("A heading without stop\n\nThe body follows.", ["A heading without stop", "The body follows."]),
            ("Wrapped text runs\nacross a line break.", ["Wrapped text runs\nacross a line break."]),
        ])
    func lowercaseAndLineBreaks(text: String, expected: [String]) {
        #expect(segmenter.segment(text) == expected)
    }

    @Test("extra abbreviations keep a period from ending a sentence before a proper noun")
    func extraAbbreviations() {
        let text = "The Harbour Dept. Office is shut. Call later."
        #expect(SentenceSegmenter().segment(text) == ["The Harbour Dept. Office is shut.", "Call later."])
        #expect(SentenceSegmenter().segment("Ask the Bldgs. Office.") == ["Ask the Bldgs.", "Office."])
        #expect(SentenceSegmenter(extraAbbreviations: ["Bldgs."]).segment("Ask the Bldgs. Office.") == ["Ask the Bldgs. Office."])
    }

    @Test("ranges are scalar offsets within the requested span, trimmed of whitespace")
    func rangesInSpan() {
        let text = "xx  “Hi.” 🎉 Bye.  yy"
        let scalars = Array(text.unicodeScalars)
        let ranges = segmenter.segment(scalars, in: 2..<(scalars.count - 2))
        #expect(ranges == [TextRange(start: 4, end: 9), TextRange(start: 10, end: 16)])
        #expect(segmenter.segment(scalars, in: 3..<3).isEmpty)
        #expect(segmenter.segment("   ").isEmpty)
    }
}
