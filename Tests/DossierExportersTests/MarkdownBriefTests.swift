import DossierCore
import DossierExporters
import Testing

/// The brief's escaping and clipping, written straight from the document's scalars: every
/// special character, line breaks, each width a document's text can be stored at, clips next to
/// combining marks, and sections that must not appear when their layer is empty.
@Suite("Markdown brief")
struct MarkdownBriefTests {
    /// A document whose lede and only claim are the whole of `text`.
    private func claimed(_ text: String, id: String = "t") -> Document {
        let all = TextRange(start: 0, end: text.unicodeScalars.count)
        var document = Document(id: id, text: text, blocks: [Block(kind: .lede, range: all)])
        document.annotations.claims = [ClaimAnnotation(id: "c1", range: all, checkWorthiness: 0.5)]
        return document
    }

    /// The brief's line that starts with `prefix`.
    private func line(_ brief: String, _ prefix: String) throws -> Substring {
        try #require(brief.split(separator: "\n", omittingEmptySubsequences: false).first { $0.hasPrefix(prefix) })
    }

    @Test(
        "article text is escaped alike at every scalar width: markup characters get a backslash, line breaks become spaces",
        arguments: [
            // One byte a scalar (ASCII and Latin-1).
            ("Caf\u{E9} | `x` *y* _z_ [a] <b> #c \\ d\ne\rf", 1, "Caf\u{E9} \\| \\`x\\` \\*y\\* \\_z\\_ \\[a\\] \\<b\\> \\#c \\\\ d e f"),
            // Two bytes, with one scalar above U+FFFF kept out of line, and the Unicode line and paragraph separators.
            (
                "Na\u{EF}ve | \u{2028}line\u{2029}para \u{1F600} `end`", 2,
                "Na\u{EF}ve \\|  line para \u{1F600} \\`end\\`"
            ),
            // Four bytes: scalars above U+FFFF are too many to keep out of line.
            ("\u{1F600}|\u{1F601}*\u{1F602}", 4, "\u{1F600}\\|\u{1F601}\\*\u{1F602}"),
        ])
    func escapesAtEveryWidth(text: String, width: Int, escaped: String) throws {
        let document = claimed(text)
        #expect(document.scalars.width == width)
        if width == 2 { #expect(document.scalars.outOfLineCount == 1) }
        let brief = try MarkdownExporter().render(document)
        #expect(try line(brief, "| c1 ") == "| c1 | 0.50 | \(escaped) | fact | the publication |  | **unsourced** |")
        #expect(try line(brief, "> ") == "> \(escaped)")
    }

    @Test("a long list and many dates are cut short in the brief, their length said; a short one is whole")
    func longListsAreCut() throws {
        // 45 list items under one label and 70 dates (each item's "day N", and more), then 3 items under another.
        var text = ""
        var blocks: [Block] = []
        var dates: [DateMention] = []
        for i in 0..<48 {
            if !text.isEmpty { text += "\n" }
            let start = text.unicodeScalars.count
            text += "item \(i) on day \(i)"
            let end = text.unicodeScalars.count
            blocks.append(Block(kind: .listItem, range: TextRange(start: start, end: end), label: i < 45 ? "Key Points" : "Also"))
            if i < 45 || i == 47 {
                dates.append(DateMention(range: TextRange(start: end - "day \(i)".count, end: end), value: "2026-01-\(i % 28 + 1)"))
            }
        }
        for i in 0..<24 { dates.append(DateMention(range: TextRange(start: i, end: i + 1), value: "2026-02-01")) }
        var document = Document(id: "l", text: text, blocks: blocks)
        document.annotations.dates = dates
        let brief = try MarkdownExporter().render(document)
        let lines = brief.split(separator: "\n", omittingEmptySubsequences: false)
        let keyPoints = try #require(lines.firstIndex(of: "**Key Points**"))
        #expect(lines[keyPoints + 2...keyPoints + 31].allSatisfy { $0.hasPrefix("- item ") })
        #expect(lines[keyPoints + 32] == "- … and 15 more items")
        let also = try #require(lines.firstIndex(of: "**Also**"))
        #expect(lines[also + 2...also + 4].map { String($0) } == ["- item 45 on day 45", "- item 46 on day 46", "- item 47 on day 47"])
        #expect(!lines[(also + 5)...].contains { $0.hasPrefix("- … and") && $0.hasSuffix("items") })
        let datesHeading = try #require(lines.firstIndex(of: "## Dates"))
        #expect(lines[datesHeading + 2...datesHeading + 61].allSatisfy { $0.hasPrefix("- ") && $0.contains(" → ") })
        #expect(lines[datesHeading + 62] == "- … and 10 more dates")
    }

    @Test(
        "dates and quotes are listed in document order whatever their layer's order; each layer's producers once, in order of first appearance"
    )
    func documentOrderAndProducers() throws {
        let text = "one two three four five six"
        let first = Provenance(component: "dates", version: "1")
        let second = Provenance(component: "calendar", version: "2")
        func date(_ start: Int, _ end: Int, _ value: String, _ producer: Provenance) -> DateMention {
            DateMention(range: TextRange(start: start, end: end), value: value, producer: producer)
        }
        for reversed in [false, true] {
            var document = Document(id: "o", text: text, blocks: [Block(kind: .paragraph, range: TextRange(start: 0, end: 27))])
            var dates = [date(0, 3, "2026-01-01", first), date(4, 7, "2026-01-02", second), date(8, 13, "2026-01-03", first)]
            dates += [date(8, 13, "2026-01-04", second), date(14, 18, "2026-01-05", second)]
            if reversed { dates.reverse() }
            document.annotations.dates = dates
            var options = MarkdownExporter.Options()
            options.includeProvenance = true
            let brief = try MarkdownExporter(options: options).render(document)
            let lines = brief.split(separator: "\n").filter { $0.hasPrefix("- ") && $0.contains(" → ") }
            // Ties (two dates over "three") keep the layer's order.
            let values = reversed ? ["01", "02", "04", "03", "05"] : ["01", "02", "03", "04", "05"]
            #expect(lines.map { String($0.suffix(2)) } == values)
            let producers = reversed ? "calendar@2, dates@1" : "dates@1, calendar@2"
            #expect(try line(brief, "| dates |") == "| dates | \(producers) |")
        }
    }

    @Test("findings are cut at ten of each kind, quotes at 60, quoted terms at 30 and sources at 40, the rest counted")
    func longFindingsQuotesAndSourcesAreCut() throws {
        // 100 sentences, each a quote (65 speech, 35 quoted terms); "!" findings on 25 of them, loaded words on 3; 45 sources.
        var text = ""
        var quotes: [Quote] = []
        var findings: [Finding] = []
        for i in 0..<100 {
            if !text.isEmpty { text += " " }
            let start = text.unicodeScalars.count
            text += "Words number \(i) here!"
            let range = TextRange(start: start, end: text.unicodeScalars.count)
            quotes.append(Quote(id: "q\(i)", range: range, kind: i < 65 ? .direct : .scare, cue: i < 65 ? "said" : nil))
            if i < 25 {
                findings.append(
                    Finding(id: "f\(i)", kind: "framing.exclamation", message: "exclamation", severity: .notice, range: range))
            }
            if i < 3 { findings.append(Finding(id: "g\(i)", kind: "framing.loaded-verb", message: "loaded", range: range)) }
        }
        var document = Document(
            id: "m", text: text, blocks: [Block(kind: .paragraph, range: TextRange(start: 0, end: text.unicodeScalars.count))])
        document.annotations.quotes = quotes
        document.annotations.findings = findings
        document.annotations.sources = (0..<45).map { SourceAnnotation(id: "s\($0)", name: "Outlet \($0)", kind: .outlet) }
        let brief = try MarkdownExporter().render(document)
        let lines = brief.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.filter { $0.hasSuffix("(framing.exclamation)") }.count == 10)
        #expect(lines.filter { $0.hasSuffix("(framing.loaded-verb)") }.count == 3)
        #expect(lines.contains("- … and 15 more findings of kind framing.exclamation"))
        #expect(!lines.contains { $0.contains("more findings of kind framing.loaded-verb") })
        let said = lines.filter { $0.hasPrefix("- _Unattributed_ (said): ") }
        #expect(said.count == 60)
        #expect(said.last == "- _Unattributed_ (said): “Words number 59 here!”")
        #expect(lines.contains("- … and 5 more quotes"))
        let terms = try line(brief, "Quoted terms, not speech: ")
        #expect(terms.hasSuffix("“Words number 94 here!” and 5 more"))
        #expect(lines.filter { $0.hasPrefix("| s") }.count == 40)
        #expect(lines.contains("- … and 5 more sources"))
    }

    @Test("metadata and ids are escaped; an address with a space is text, not an autolink; an unchanged date is not repeated")
    func headerOfADocumentWithNothingElse() throws {
        let metadata = Metadata(
            title: "A *big* [deal] | #1", authors: ["Ann_Lee", "Bo|Ek"], publisher: "The <Post>", published: "2026-01-02",
            modified: "2026-01-02", url: "https://x.example/a b")
        let document = Document(id: "d_1", text: "", metadata: metadata, origin: "feeds/a_b.txt")
        let brief = try MarkdownExporter().render(document)
        #expect(
            brief == """
                # A \\*big\\* \\[deal\\] \\| \\#1

                By Ann\\_Lee, Bo\\|Ek · The \\<Post\\> · published 2026-01-02 · https://x.example/a b

                _Document d\\_1 from feeds/a\\_b.txt_

                """)
    }

    @Test("a document with empty layers and no links gets a header and nothing else, not empty sections")
    func emptyLayersWriteNoSections() throws {
        var document = Document(id: "empty", text: "")
        document.annotations.claims = []
        document.annotations.sources = []
        document.annotations.findings = []
        document.annotations.entities = []
        #expect(try MarkdownExporter().render(document) == "# empty\n\n_Document empty_\n")
        // A link with no source to account for it is the one thing that makes "Sources cited" appear.
        document.links = [Link(url: "https://example.org/x", text: "the [minutes]", range: nil, origin: .hyperlink)]
        #expect(
            try MarkdownExporter().render(document)
                == "# empty\n\n_Document empty_\n\n## Sources cited\n\nReferences the article gives:\n\n- Link: the \\[minutes\\] — <https://example.org/x>\n"
        )
    }

    @Test(
        "a long claim is cut at the last space that is a character of its own, or at 180 scalars when it has none",
        arguments: [
            // Cut at the space before scalar 180.
            (String(repeating: "word ", count: 40), Array(repeating: "word", count: 36).joined(separator: " ") + "…"),
            // The last space before the cut carries a combining accent, so it is not a space character: the one before it is.
            (
                String(repeating: "word ", count: 34) + "x \u{301}" + String(repeating: "y", count: 40),
                Array(repeating: "word", count: 34).joined(separator: " ") + "…"
            ),
            // No space at all.
            (String(repeating: "a", count: 200), String(repeating: "a", count: 180) + "…"),
            // 180 scalars exactly: not cut.
            (String(repeating: "b", count: 180), String(repeating: "b", count: 180)),
        ])
    func clipsClaims(text: String, clipped: String) throws {
        let brief = try MarkdownExporter().render(claimed(text))
        #expect(try line(brief, "| c1 ") == "| c1 | 0.50 | \(clipped) | fact | the publication |  | **unsourced** |")
    }

    @Test("a finding's text is quoted unless it brings its own quotation mark, and an empty range quotes nothing")
    func findingQuotes() throws {
        let text = "“Already quoted,” she said. Plain words here."
        var document = Document(id: "f", text: text)
        let quoted = TextRange(start: 0, end: 17)
        let plain = TextRange(start: 28, end: 45)
        document.annotations.findings = [
            Finding(kind: "framing.a", message: "own | quotes", severity: .warning, range: quoted),
            Finding(kind: "framing.b", message: "plain", severity: .warning, range: plain),
            Finding(kind: "framing.c", message: "empty", severity: .notice, range: TextRange(start: 5, end: 5)),
        ]
        let brief = try MarkdownExporter().render(document)
        #expect(
            brief.hasSuffix(
                """
                ## Framing

                - **warning** own \\| quotes: “Already quoted,” (framing.a)
                - **warning** plain: “Plain words here.” (framing.b)
                - **notice** empty:  (framing.c)

                """))
    }
}
