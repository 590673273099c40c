public import DossierCore

/// Documents written by us for tests: an invented council story with every layer populated, and
/// the same story as a reader alone would leave it.
///
/// The text is deliberately awkward: curly quotes, an emoji, a two-scalar flag, a combining mark
/// (so characters, UTF-16 units and scalars all count differently) and Markdown's special
/// characters, which exporters must escape.
public enum SampleDocuments {
    /// The story's blocks, one per line, in document order.
    static let lines: [(BlockKind, String, Int?, String?)] = [
        (.title, "Riverton council votes to close the Old Mill Bridge to cars", nil, nil),
        (.byline, "By Ana Kovač and Zoe\u{0308} Brandt", nil, nil),
        (
            .lede,
            "The Riverton city council voted 7–2 on Thursday to make the Old Mill Bridge “car-free” from June, a move Mayor Lena Ortiz called “the cheapest road-safety scheme we will ever buy.”",
            nil, nil
        ),
        (.listItem, "The bridge closes to cars on 1 June 2025.", 1, "Highlights"),
        (.listItem, "Cycle traffic rose 40% after a 2023 trial, the council says.", 1, "Highlights"),
        (.listItem, "Shop owners say deliveries | parking will *suffer*.", 1, "Highlights"),
        (.heading, "What the council says", 2, nil),
        (
            .paragraph,
            "Ortiz said the trial cut collisions on the bridge by half. “We counted every crash, and the numbers speak for themselves 🚲,” she said.",
            nil, nil
        ),
        (
            .paragraph,
            "Councillor Joe Whitaker, who voted against, warned that the closure would push 3,000 cars a day onto Quay Street. A 2024 survey by the Riverton Transport Office found Quay Street already “at capacity”.",
            nil, nil
        ),
        (.embeddedPost, "Finally, safe crossings for our kids 🇳🇱 #Riverton — @RivertonCycles", nil, nil),
        (.sourcesSection, "Riverton Transport Office: Quay Street traffic survey, 2024", nil, "Sources"),
        (.sourcesSection, "Minutes of the council meeting of 13 March 2025", nil, "Sources"),
    ]

    /// The article text: the lines joined by line breaks, which belong to no block.
    public static let text = lines.map(\.1).joined(separator: "\n")

    /// The scalar range of the `occurrence`-th appearance of `needle` in the story (1-based).
    public static func range(of needle: String, occurrence: Int = 1) -> TextRange {
        let hay = Array(text.unicodeScalars)
        let pin = Array(needle.unicodeScalars)
        var seen = 0
        if pin.count <= hay.count {
            for start in 0...(hay.count - pin.count) where Array(hay[start..<start + pin.count]) == pin {
                seen += 1
                if seen == occurrence { return TextRange(start: start, end: start + pin.count) }
            }
        }
        preconditionFailure("sample text has no occurrence \(occurrence) of '\(needle)'")
    }

    static var blocks: [Block] {
        var offset = 0
        return lines.map { kind, line, level, label in
            let count = line.unicodeScalars.count
            defer { offset += count + 1 }
            return Block(kind: kind, range: TextRange(start: offset, end: offset + count), level: level, label: label)
        }
    }

    static let metadata = Metadata(
        title: "Riverton council votes to close the Old Mill Bridge to cars", authors: ["Ana Kovač", "Zoe\u{0308} Brandt"],
        publisher: "The Riverton Courier", published: "2025-03-14T09:30:00Z", modified: "2025-03-14T11:05:00Z",
        url: "https://courier.example/2025/03/14/old-mill-bridge", language: "en")

    static let links: [Link] = [
        Link(url: "https://courier.example/2023/trial", text: "a 2023 trial", range: range(of: "a 2023 trial"), origin: .hyperlink),
        Link(
            url: "https://transport.riverton.example/quay-street-2024.pdf",
            text: "Riverton Transport Office: Quay Street traffic survey, 2024",
            range: range(of: "Riverton Transport Office: Quay Street traffic survey, 2024"), origin: .sourcesSection),
        Link(
            url: nil, text: "Minutes of the council meeting of 13 March 2025",
            range: range(of: "Minutes of the council meeting of 13 March 2025"), origin: .sourcesSection),
        Link(
            url: "https://social.example/@RivertonCycles/112233", text: "@RivertonCycles", range: range(of: "@RivertonCycles"),
            origin: .embed),
        Link(url: "https://courier.example/img/bridge.jpg", text: "The Old Mill Bridge at dusk", range: nil, origin: .image),
    ]

    static func sentences(_ producer: Provenance) -> [Sentence] {
        [
            "The Riverton city council voted 7–2 on Thursday to make the Old Mill Bridge “car-free” from June, a move Mayor Lena Ortiz called “the cheapest road-safety scheme we will ever buy.”",
            "Ortiz said the trial cut collisions on the bridge by half.",
            "“We counted every crash, and the numbers speak for themselves 🚲,” she said.",
            "Councillor Joe Whitaker, who voted against, warned that the closure would push 3,000 cars a day onto Quay Street.",
            "A 2024 survey by the Riverton Transport Office found Quay Street already “at capacity”.",
        ].map { Sentence(range: range(of: $0), producer: producer) }
    }

    /// The story as a reader leaves it: blocks, metadata and links, no annotations.
    public static var read: Document {
        Document(
            id: "riverton-bridge", text: text, blocks: blocks, metadata: metadata, links: links,
            origin: "articles/riverton-bridge.html", reader: Provenance(component: "html", version: "1.0.0"))
    }

    /// The story after sentence splitting only, the least an exporter must make useful.
    public static var minimal: Document {
        var document = read
        document.annotations.sentences = sentences(Provenance(component: "sentences", version: "1.0.0"))
        document.annotations.assignMissingIDs()
        return document
    }

    /// The story with every annotation layer populated, each by a differently named producer.
    public static var full: Document {
        var document = minimal
        var a = document.annotations
        let ner = Provenance(component: "entities", version: "1.2.0")
        a.entities = [
            Entity(id: "e1", range: range(of: "Riverton city council"), kind: .organization, name: "Riverton City Council", producer: ner),
            Entity(
                id: "e2", kind: .person, name: "Lena Ortiz",
                mentions: [
                    .init(range: range(of: "Lena Ortiz")), .init(range: range(of: "Ortiz", occurrence: 2), form: .alias),
                    .init(range: range(of: "she"), form: .pronoun),
                ],
                roles: [.init(title: "Mayor", range: range(of: "Mayor"))], producer: ner),
            Entity(
                id: "e4", kind: .person, name: "Joe Whitaker", mentions: [.init(range: range(of: "Joe Whitaker"))],
                roles: [.init(title: "Councillor", affiliation: "Riverton")], producer: ner),
            Entity(id: "e5", range: range(of: "Quay Street"), kind: .location, name: "Quay Street", producer: ner),
            Entity(
                id: "e6", range: range(of: "Riverton Transport Office"), kind: .organization, name: "Riverton Transport Office",
                producer: ner),
            Entity(id: "e7", range: range(of: "Old Mill Bridge", occurrence: 2), kind: .misc, name: "Old Mill Bridge", producer: ner),
        ]
        let dates = Provenance(component: "dates", version: "1.0.0")
        a.dates = [
            DateMention(range: range(of: "Thursday"), value: "2025-03-13", anchor: "2025-03-14", producer: dates),
            DateMention(range: range(of: "1 June 2025"), value: "2025-06-01", producer: dates),
            DateMention(range: range(of: "2023"), value: "2023", producer: dates),
            DateMention(range: range(of: "June"), value: nil, unresolved: "a month whose year the text leaves open", producer: dates),
        ]
        let quotes = Provenance(component: "quotes", version: "1.0.0")
        a.quotes = [
            Quote(
                range: range(of: "the cheapest road-safety scheme we will ever buy."), kind: .direct, speaker: "e2",
                speakerRange: range(of: "Lena Ortiz"), cue: "called", cueRange: range(of: "called"), producer: quotes),
            Quote(
                range: range(of: "We counted every crash, and the numbers speak for themselves 🚲,"), kind: .direct, speaker: "e2",
                speakerRange: range(of: "she"), cue: "said", producer: quotes),
            Quote(
                range: range(of: "the closure would push 3,000 cars a day onto Quay Street"), kind: .indirect, speaker: "e4",
                speakerRange: range(of: "Joe Whitaker"), cue: "warned", producer: quotes),
            Quote(range: range(of: "at capacity"), kind: .partial, isAnonymous: true, producer: quotes),
            Quote(range: range(of: "car-free"), kind: .scare, producer: quotes),
        ]
        let claims = Provenance(component: "claims", version: "0.9.1")
        a.claims = [
            ClaimAnnotation(
                id: "c1", range: range(of: "The Riverton city council voted 7–2 on Thursday"), checkWorthiness: 0.35, producer: claims),
            ClaimAnnotation(
                id: "c2", range: range(of: "the trial cut collisions on the bridge by half"), checkWorthiness: 0.91, claimant: "e2",
                producer: claims),
            ClaimAnnotation(
                id: "c3", range: range(of: "the closure would push 3,000 cars a day onto Quay Street"), checkWorthiness: 0.78,
                sources: ["src1"], claimant: "e4", quote: "q3", attribution: range(of: "Joe Whitaker"), producer: claims),
            ClaimAnnotation(
                id: "c4", range: range(of: "Cycle traffic rose 40% after a 2023 trial"), checkWorthiness: 0.84, sources: ["src1", "src2"],
                producer: claims),
        ]
        let sources = Provenance(component: "sources", version: "1.0.0")
        a.sources = [
            SourceAnnotation(
                id: "src1", name: "Riverton Transport Office traffic survey",
                url: "https://transport.riverton.example/quay-street-2024.pdf",
                kind: .document, range: range(of: "Riverton Transport Office: Quay Street traffic survey, 2024"), producer: sources),
            SourceAnnotation(id: "src2", name: "Riverton City Council", kind: .organization, producer: sources),
            SourceAnnotation(
                id: "src3", name: "Lena Ortiz", kind: .person, range: range(of: "Lena Ortiz"), entity: "e2", producer: sources),
            SourceAnnotation(
                id: "src4", name: "Riverton Cycles", url: "https://x.com/rivertoncycles/status/1", kind: .socialPost,
                platform: "X", handle: "@rivertoncycles", date: "2024-06-01", producer: sources),
        ]
        let framing = Provenance(component: "framing", version: "1.0.0")
        a.findings = [
            Finding(
                kind: "framing.scare-quotes", message: "a single word in quotation marks can signal doubt", severity: .notice,
                range: range(of: "“car-free”"), cue: "scare quotes", producer: framing),
            Finding(
                kind: "claims.unsourced", message: "a check-worthy claim cites no source", severity: .warning,
                range: range(of: "the trial cut collisions on the bridge by half"), producer: framing),
            Finding(kind: "balance.speakers", message: "two named speakers, one on each side", severity: .info, producer: framing),
        ]
        let metrics = Provenance(component: "metrics", version: "1.0.0")
        a.metrics = [
            Metric(name: "words", value: 142, unit: "words", producer: metrics),
            Metric(name: "reading-time", value: 42.6, unit: "seconds", producer: metrics),
            Metric(name: "readability.flesch", value: 61.25, producer: metrics),
        ]
        a.relations = [
            Relation(kind: "cites", from: "c3", to: "src1", producer: sources),
            Relation(kind: "about", from: "f2", to: "c2", confidence: 0.8, producer: framing),
        ]
        a.assignMissingIDs()
        document.annotations = a
        return document
    }
}
