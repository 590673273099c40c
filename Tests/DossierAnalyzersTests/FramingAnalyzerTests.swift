import DossierCore
import DossierReaders
import DossierTesting
import Foundation
import Testing

@testable import DossierAnalyzers

@Suite("Framing analyzer")
struct FramingAnalyzerTests {
    /// A sober body of more than forty words about a harbour vote, written for these tests.
    static let body = [
        "The town council of Lundhaven voted seven to two on Tuesday against the harbour plan that the port authority had proposed in March.",
        "Council members said the plan would have raised ferry fees and moved the fish market to the north quay.",
        "The port authority said it would study the vote and present a revised plan to the council in the autumn.",
    ]

    /// An article built block by block: a headline, optional story highlights under their
    /// heading, and paragraphs; sentences from the `sentences` analyzer.
    func article(
        headline: String?, highlights: [String] = [], paragraphs: [String] = body, metadataTitle: String? = nil
    ) throws
        -> Document
    {
        var text = ""
        var blocks: [Block] = []
        func append(_ part: String, _ kind: BlockKind, label: String? = nil) {
            if !text.isEmpty { text += "\n\n" }
            let start = text.unicodeScalars.count
            text += part
            blocks.append(Block(kind: kind, range: TextRange(start: start, end: text.unicodeScalars.count), label: label))
        }
        if let headline { append(headline, .title) }
        if !highlights.isEmpty {
            append("Story highlights", .heading)
            for item in highlights { append(item, .listItem, label: "Story highlights") }
        }
        for p in paragraphs { append(p, .paragraph) }
        var document = Document(id: "t", text: text, blocks: blocks, metadata: Metadata(title: metadataTitle))
        document.annotations.sentences = try SentenceAnalyzer().analyze(document, context: AnalysisContext()).sentences
        return document
    }

    func analyze(_ document: Document, options: FramingAnalyzer.Options = FramingAnalyzer.Options()) throws -> Annotations {
        let analyzer = try FramingAnalyzer(options: options)
        return try analyzer.analyze(document, context: AnalysisContext())
    }

    /// The findings of a kind as (covered text, cue) pairs.
    func found(_ kind: String, in annotations: Annotations, _ document: Document) -> [(text: String?, cue: String?)] {
        annotations.findings.filter { $0.kind == kind }.map { f in (f.range.map { document.text(in: $0) }, f.cue) }
    }

    func paragraphs(_ paragraphs: String..., options: FramingAnalyzer.Options = FramingAnalyzer.Options()) throws -> (Document, Annotations)
    {
        let document = try article(headline: nil, paragraphs: paragraphs)
        return (document, try analyze(document, options: options))
    }

    func metric(_ name: String, _ annotations: Annotations) -> Double? { annotations.metrics.first { $0.name == name }?.value }

    // MARK: Sensational and loaded language

    @Test("sensational words and loaded verbs in the headline and body, with the entry that matched")
    func sensationalAndLoaded() throws {
        let document = try article(
            headline: "Council Slams Harbour Plan In Stunning Reversal",
            paragraphs: ["The council shockingly voted against the plan, and the mayor blasted the port authority."] + Self.body)
        let a = try analyze(document)
        let loaded = found("framing.loaded-verb", in: a, document)
        #expect(loaded.map(\.text) == ["Slams", "blasted"])
        #expect(loaded.map(\.cue) == ["slam", "blast"])
        let sensational = found("framing.sensational", in: a, document)
        #expect(sensational.map(\.text) == ["Stunning Reversal", "shockingly"])
        #expect(sensational.map(\.cue) == ["stunning reversal", "shocking"])
        // The headline's are more severe than the body's.
        let severities = a.findings.filter { $0.kind == "framing.loaded-verb" }.map(\.severity)
        #expect(severities == [.warning, .notice])
        let message = try #require(a.findings.first { $0.kind == "framing.loaded-verb" && $0.severity == .notice }?.message)
        #expect(message.contains("'blasted'") && message.contains("'blast'"))
    }

    @Test("'bold' as a typeface is not sensational; a bold plan is")
    func boldTypeface() throws {
        let (d1, a1) = try paragraphs("The notice was printed in bold type on the door of the town hall.")
        #expect(found("framing.sensational", in: a1, d1).isEmpty)
        let (d2, a2) = try paragraphs("The mayor unveiled a bold plan for the harbour.")
        #expect(found("framing.sensational", in: a2, d2).map(\.text) == ["bold"])
    }

    @Test("literal uses are no framing: a historic building, a blast furnace, destroyed by fire, treated for shock")
    func literalUses() throws {
        let (d1, a1) = try paragraphs(
            "The historic building on Quay Street was destroyed by fire, and two firefighters were treated for shock. The blast furnace at the plant will close."
        )
        #expect(found("framing.sensational", in: a1, d1).isEmpty)
        #expect(found("framing.loaded-verb", in: a1, d1).isEmpty)
        let (d2, a2) = try paragraphs("The hapless minister torpedoed his own bill in a frantic last-ditch vote.")
        #expect(found("framing.sensational", in: a2, d2).compactMap(\.text) == ["hapless", "frantic", "last-ditch"])
        #expect(found("framing.loaded-verb", in: a2, d2).compactMap(\.text) == ["torpedoed"])
    }

    @Test("'pleaded guilty' is a plea in court, not a loaded verb; 'pleaded with' the council is one")
    func pleadedGuilty() throws {
        let (d1, a1) = try paragraphs("A Lindvik man pleaded guilty on Monday, and his brother pleaded not guilty.")
        #expect(found("framing.loaded-verb", in: a1, d1).isEmpty)
        let (d2, a2) = try paragraphs("Residents pleaded with the council to keep the ferry.")
        #expect(found("framing.loaded-verb", in: a2, d2).map(\.text) == ["pleaded"])
    }

    @Test("after an article or a possessive a loaded verb is a noun: 'assault with a hammer', 'all the rage'")
    func loadedVerbAsNoun() throws {
        let (d1, a1) = try paragraphs("He was charged with assault with a hammer. Tote bags are all the rage in Lindvik.")
        #expect(found("framing.loaded-verb", in: a1, d1).isEmpty)
        let (d2, a2) = try paragraphs("Critics hammer the plan every week.")
        #expect(found("framing.loaded-verb", in: a2, d2).map(\.text) == ["hammer"])
    }

    @Test("a sober report raises no finding")
    func soberReport() throws {
        let document = try article(headline: "Council votes against harbour plan")
        let a = try analyze(document)
        #expect(a.findings.isEmpty, "\(a.findings.map(\.message))")
        #expect(try #require(metric("framing.clickbait", a)) < 0.5)
    }

    @Test("intensifiers and loaded labels")
    func intensifiersAndLabels() throws {
        let (document, a) = try paragraphs("The regime called the extremely narrow vote a so-called victory for the council.")
        #expect(found("framing.loaded-label", in: a, document).map(\.cue) == ["regime", "so-called"])
        #expect(found("framing.intensifier", in: a, document).map(\.text) == ["extremely"])
        #expect(a.findings.first { $0.kind == "framing.intensifier" }?.severity == .info)
    }

    @Test("loaded words in quotation marks are someone else's: severity info, or nothing when 'quoted' is off")
    func quotedWords() throws {
        let text = "“This is a shocking betrayal of the harbour,” the fishermen’s spokesperson said."
        let (document, a) = try paragraphs(text)
        let f = try #require(a.findings.first { $0.kind == "framing.sensational" })
        #expect(document.text(in: try #require(f.range)) == "shocking")
        #expect(f.severity == .info && f.message.contains("quoted"))
        var options = FramingAnalyzer.Options()
        options.quoted = false
        let (_, b) = try paragraphs(text, options: options)
        #expect(b.findings.isEmpty)
    }

    @Test("words in capitals and exclamation marks in the publication's words, not in quotations or acronyms")
    func shoutingAndExclamation() throws {
        let (document, a) = try paragraphs(
            "Residents were told to LEAVE NOW before the storm reached NATO and EU offices!",
            "“Get out!” the harbour master shouted.")
        #expect(found("framing.shouting", in: a, document).map(\.text) == ["LEAVE NOW"])
        #expect(found("framing.exclamation", in: a, document).map(\.text) == ["!"])
    }

    @Test("a headline set wholly in capitals is house style, not shouting")
    func capitalHeadline() throws {
        let document = try article(headline: "COUNCIL VOTES AGAINST HARBOUR PLAN")
        #expect(try analyze(document).findings.filter { $0.kind == "framing.shouting" }.isEmpty)
    }

    // MARK: Headline clickbait

    @Test(
        "clickbait patterns in the headline",
        arguments: [
            ("Why Your Ferry Fare Is About To Change", "framing.clickbait.second-person", "Your"),
            ("This Harbour Cat Has A Job Now", "framing.clickbait.forward-reference", "This"),
            ("Here's Why The Ferry Was Late", "framing.clickbait.forward-reference", "Here's"),
            ("17 Things Only Ferry Commuters Understand", "framing.clickbait.listicle", "17 Things"),
            ("Twelve Reasons To Love The North Quay", "framing.clickbait.listicle", "Twelve Reasons"),
            ("Is The Harbour Plan Dead?", "framing.clickbait.question", "Is The Harbour Plan Dead?"),
            ("The Best Harbour Walk Of All Time", "framing.clickbait.superlative", "Best"),
            ("This Ferry Captain Will Make You Cry", "framing.clickbait.emotional-hook", "Will Make You"),
        ])
    func headlinePattern(_ headline: String, _ kind: String, _ text: String) throws {
        let document = try article(headline: headline)
        let a = try analyze(document)
        #expect(found(kind, in: a, document).map(\.text).contains(text), "\(a.findings.map { ($0.kind, $0.message) })")
    }

    @Test("not clickbait patterns: a time phrase, a casualty count, a plain statement")
    func headlinePatternNegatives() throws {
        for headline in ["This Week In The Harbour Council", "3 Injured As Ferry Hits Pier", "Council votes against harbour plan"] {
            let document = try article(headline: headline)
            let kinds = try analyze(document).findings.map(\.kind).filter { $0.hasPrefix("framing.clickbait") }
            #expect(kinds.isEmpty, "\(headline): \(kinds)")
        }
    }

    @Test("the clickbait score is a metric in [0, 1], flagged at the threshold, and blind to letter case")
    func clickbaitScore() throws {
        let bait = try article(headline: "17 Things Only Ferry Commuters Will Understand")
        let a = try analyze(bait)
        let score = try #require(metric("framing.clickbait", a))
        #expect(score >= 0.5 && score <= 1)
        #expect(a.findings.contains { $0.kind == "framing.clickbait" && $0.severity == .warning })
        var strict = FramingAnalyzer.Options()
        strict.clickbaitThreshold = 1
        #expect(try !analyze(bait, options: strict).findings.contains { $0.kind == "framing.clickbait" })

        let model = ClickbaitModel.shipped
        #expect(model.score("council delays vote on harbour budget") == model.score("Council Delays Vote On Harbour Budget"))
        #expect(model.score("Council delays vote on harbour budget") < 0.5)
    }

    @Test("a headline known only from metadata is scored, its findings without ranges")
    func metadataHeadline() throws {
        let document = try article(headline: nil, metadataTitle: "You Won't Believe What The Council Did")
        let a = try analyze(document)
        #expect(metric("framing.clickbait", a) != nil)
        let hooks = a.findings.filter { $0.kind == "framing.clickbait.emotional-hook" }
        #expect(hooks.map(\.cue) == ["you won't believe"])
        #expect(hooks.allSatisfy { $0.range == nil })
    }

    // MARK: Hedges, boosters, opinion

    @Test("hedges, boosters and opinion words per 1,000 of the publication's words; quoted words are not counted")
    func densities() throws {
        // 15 words of the writer's own ("We might leave" is quoted): two hedges, one booster, one opinion word.
        let (_, a) = try paragraphs(
            "The plan could reportedly double fees. Officials clearly disagree. The council should wait.",
            "“We might leave,” one said.")
        #expect(metric("framing.hedges", a) == 133.3)
        #expect(metric("framing.boosters", a) == 66.7)
        #expect(metric("framing.opinion", a) == 66.7)
        #expect(a.metrics.first { $0.name == "framing.hedges" }?.unit == "per 1000 words")
        #expect(metric("framing.clickbait", a) == nil)
    }

    // MARK: Support

    @Test("a headline whose content words are mostly absent from the body is unsupported")
    func unsupportedHeadline() throws {
        let document = try article(headline: "Mayor Resigns Over Secret Casino Deal")
        let a = try analyze(document)
        let f = try #require(a.findings.first { $0.kind == "framing.unsupported-headline" })
        #expect(f.severity == .warning)
        #expect(f.message.contains("'Casino'"))
        #expect(document.text(in: try #require(f.range)) == "Mayor Resigns Over Secret Casino Deal")
    }

    @Test("the words a highlight lacks are named as written, after other highlights and wider scalars earlier in the text")
    func missingWordsAsWritten() throws {
        let document = try article(
            headline: nil,
            highlights: ["The council voted against the harbour plan — “again”", "Divers found gold coins beneath the lighthouse"])
        let a = try analyze(document)
        let f = try #require(a.findings.first { $0.kind == "framing.unsupported-highlight" })
        #expect(f.message.hasSuffix("not found: 'Divers', 'found', 'gold', 'coins', 'beneath', 'lighthouse'"), "\(f.message)")
    }

    @Test("a headline kept in the metadata alone is checked too, its missing words named from the title")
    func unsupportedMetadataTitle() throws {
        let document = try article(headline: nil, metadataTitle: "Café Owner Wins Lottery Jackpot Twice")
        let a = try analyze(document)
        let f = try #require(a.findings.first { $0.kind == "framing.unsupported-headline" })
        #expect(f.range == nil)
        #expect(f.message.contains("'Café'") && f.message.contains("'Jackpot'"), "\(f.message)")
    }

    @Test("inflected forms support a headline: 'votes' and 'voted', 'Fees' and 'fee'")
    func supportedHeadline() throws {
        let document = try article(headline: "Council Votes Against Harbour Plan, Ferry Fees")
        #expect(try analyze(document).findings.allSatisfy { !$0.kind.hasPrefix("framing.unsupported") })
    }

    @Test("each story highlight is checked against the body")
    func highlights() throws {
        let document = try article(
            headline: nil,
            highlights: ["The council voted against the harbour plan", "Divers found gold coins beneath the lighthouse"])
        let a = try analyze(document)
        let unsupported = found("framing.unsupported-highlight", in: a, document)
        #expect(unsupported.map(\.text) == ["Divers found gold coins beneath the lighthouse"])
    }

    @Test("a list far longer than a highlights box is body text past its first items")
    func longHighlightList() throws {
        // Forty items under the highlights heading, none of whose words the paragraphs hold; the
        // last sixteen share no content word with the first twenty-four either.
        let items = (1...40).map {
            $0 <= 24 ? "Divers found \($0) gold coins beneath the lighthouse" : "Bakers sold \($0) warm loaves near the station"
        }
        let document = try article(headline: nil, highlights: items)
        let unsupported = found("framing.unsupported-highlight", in: try analyze(document), document)
        #expect(unsupported.count == FramingRole.maximumHighlights)
        #expect(unsupported.last?.text == items[FramingRole.maximumHighlights - 1])
    }

    @Test("a short body supports nothing and contradicts nothing")
    func shortBody() throws {
        let document = try article(headline: "Mayor Resigns Over Secret Casino Deal", paragraphs: ["The harbour is quiet."])
        #expect(try analyze(document).findings.allSatisfy { !$0.kind.hasPrefix("framing.unsupported") })
    }

    // MARK: Options

    @Test("options add entries with their forms, and 'notFraming' overrides the shipped lists")
    func options() throws {
        var options = FramingAnalyzer.Options()
        options.extraSensational = ["earth-shaking"]
        options.extraLoadedVerbs = ["pillory, pillories, pilloried"]
        options.notFraming = ["bold", "stunning turn"]
        let (document, a) = try paragraphs(
            "In an earth-shaking vote, the council pilloried the bold plan after a stunning turn of events.", options: options)
        #expect(found("framing.sensational", in: a, document).map(\.cue) == ["earth-shaking"])
        #expect(found("framing.loaded-verb", in: a, document).map { [$0.text, $0.cue] } == [["pilloried", "pillory"]])
        let (d2, b) = try paragraphs("In an earth-shaking vote, the council pilloried the bold plan after a stunning turn of events.")
        #expect(found("framing.sensational", in: b, d2).map(\.cue) == ["bold", "stunning turn"])
    }

    @Test(
        "option validation",
        arguments: [
            (FramingAnalyzer.Options.with(extraSensational: [""]), "E600"),
            (FramingAnalyzer.Options.with(extraLoadedVerbs: ["pillory, "]), "E600"),
            (FramingAnalyzer.Options.with(extraSensational: ["wow!"]), "E601"),
            (FramingAnalyzer.Options.with(extraSensational: ["-edgy"]), "E601"),
            (FramingAnalyzer.Options.with(extraSensational: ["one two three four five six seven"]), "E602"),
            (FramingAnalyzer.Options.with(extraSensational: ["Bold"], notFraming: ["bold"]), "E603"),
            (FramingAnalyzer.Options.with(clickbaitThreshold: 1.5), "E604"),
            (FramingAnalyzer.Options.with(minimumSupport: -0.1), "E605"),
        ])
    func validation(_ options: FramingAnalyzer.Options, _ code: String) {
        #expect {
            try FramingAnalyzer.validate(options)
        } throws: { error in
            (error as? ComponentError)?.code == code && ((error as? ComponentError)?.message.contains("'") ?? false)
        }
    }

    @Test("valid options pass validation")
    func validOptions() throws {
        try FramingAnalyzer.validate(
            .with(extraSensational: ["jaw-dropping", "over the moon", "won’t stop"], notFraming: ["bold move"], clickbaitThreshold: 0.7))
    }

    @Test("a document in another language is left alone")
    func otherLanguage() throws {
        var document = try article(headline: "Council Slams Harbour Plan")
        document.metadata.language = "de-AT"
        let a = try analyze(document)
        #expect(a.findings.isEmpty && a.metrics.isEmpty)
    }

    @Test("reads an article through the text reader: title, highlights and body")
    func throughTextReader() throws {
        let text = """
            Council Slams Harbour Plan

            Story highlights
            - The council voted against the harbour plan
            - Divers found gold coins beneath the lighthouse

            \(Self.body.joined(separator: " "))
            """
        var document = try TextReader().read(Input(id: "t", name: "t.txt", data: Data(text.utf8)))[0]
        document.annotations.sentences = try SentenceAnalyzer().analyze(document, context: AnalysisContext()).sentences
        let a = try analyze(document)
        #expect(found("framing.loaded-verb", in: a, document).map(\.text) == ["Slams"])
        #expect(found("framing.unsupported-highlight", in: a, document).map(\.text) == ["Divers found gold coins beneath the lighthouse"])
    }

    @Test("passes the analyzer conformance checks")
    func conformance() async throws {
        let document = try article(headline: "Council Slams Harbour Plan In Stunning Reversal", highlights: ["Divers found gold coins"])
        let problems = await AnalyzerConformance.check(FramingAnalyzer.self, documents: [document])
        #expect(problems.isEmpty, "\(problems)")
    }
}

extension FramingAnalyzer.Options {
    static func with(
        extraSensational: [String] = [], extraLoadedVerbs: [String] = [], notFraming: [String] = [], clickbaitThreshold: Double = 0.5,
        minimumSupport: Double = 0.5
    ) -> Self {
        var options = Self()
        options.extraSensational = extraSensational
        options.extraLoadedVerbs = extraLoadedVerbs
        options.notFraming = notFraming
        options.clickbaitThreshold = clickbaitThreshold
        options.minimumSupport = minimumSupport
        return options
    }
}
