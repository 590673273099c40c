import DossierCore

/// One Markdown brief being written: the document, the exporter's options and the bytes so far.
///
/// Every section writes into one buffer: text from the article is escaped straight from the
/// document's scalars, cells and lines go in as they are made, and nothing is built as a string to
/// be joined afterwards (the brief was a seventh of the default pipeline when it was). What a
/// section writes, and in which order, is what `MarkdownExporter` documents; the sections about
/// claims and findings are in `MarkdownBrief+Claims.swift`.
struct MarkdownBrief: ~Copyable {
    let d: Document
    /// The document's scalars, held once rather than read through `d` for every range.
    let s: ScalarBuffer
    let options: MarkdownExporter.Options
    var out: MarkdownBuffer
    /// The layers, each read once: every read of `d.annotations` looks the layer up by name and
    /// casts it, which the sections used to do a dozen times a brief.
    let sentences: [Sentence], entities: [Entity], dates: [DateMention], quotes: [Quote]
    let claims: [ClaimAnnotation], sources: [SourceAnnotation], findings: [Finding], metrics: [Metric]
    /// Entities and quotes by id, made when a claim or a quote first needs one.
    var entityIndex: AnnotationIndex<Entity>?, quoteIndex: AnnotationIndex<Quote>?

    init(_ document: Document, options: MarkdownExporter.Options) {
        d = document
        s = document.scalars
        self.options = options
        let a = document.annotations
        (sentences, entities, dates, quotes) = (a.sentences, a.entities, a.dates, a.quotes)
        (claims, sources, findings, metrics) = (a.claims, a.sources, a.findings, a.metrics)
        // A brief runs to about the length of its article; more room is one more doubling.
        out = MarkdownBuffer(capacity: 4096 + document.length)
    }

    /// Writes the whole brief to `out`: the header, then each section with something in it, a
    /// blank line before each (a section with nothing to show writes nothing).
    mutating func render() {
        header()
        claimsSection()
        findingsSection()
        quotesSection()
        entitiesSection()
        sourcesSection()
        metricsSection()
        structureSection()
        datesSection()
        if options.includeProvenance { provenanceSection() }
        out.raw("\n")
    }

    // MARK: Sections

    private mutating func header() {
        out.raw("# ")
        if let title = d.metadata.title {
            out.text(title)
        } else if let block = d.blocks.first(where: { $0.kind == .title }) {
            text(block.range)
        } else {
            out.text(d.id)
        }
        let m = d.metadata
        var facts = Separated(" · ")
        if !m.authors.isEmpty {
            facts.next(&out, opening: "\n\n")
            out.raw("By ")
            var names = Separated(", ")
            for author in m.authors {
                names.next(&out)
                out.text(author)
            }
        }
        if let publisher = m.publisher {
            facts.next(&out, opening: "\n\n")
            out.text(publisher)
        }
        if let published = m.published {
            facts.next(&out, opening: "\n\n")
            out.raw("published ")
            out.text(published)
        }
        if let modified = m.modified, modified != m.published {
            facts.next(&out, opening: "\n\n")
            out.raw("updated ")
            out.text(modified)
        }
        if let url = m.url {
            facts.next(&out, opening: "\n\n")
            link(url)
        }
        out.raw("\n\n_Document ")
        out.text(d.id)
        if let origin = d.origin {
            out.raw(" from ")
            out.text(origin)
        }
        out.raw("_")
        // The lede is what a checker reads first; without one, the first paragraph stands in.
        if let lede = d.blocks.first(where: { $0.kind == .lede }) ?? d.blocks.first(where: { $0.kind == .paragraph }) {
            out.raw("\n\n> ")
            text(lede.range)
        }
    }

    private mutating func structureSection() {
        let blocks = d.blocks
        guard !blocks.isEmpty || !sentences.isEmpty else { return }
        // One walk over the blocks: the kinds in order of first appearance with their counts (a
        // document has few, so a list beats a dictionary), and where the headings, list items and
        // embedded posts are.
        var counts: [(kind: BlockKind, count: Int)] = []
        var (headings, items, posts): ([Int], [Int], [Int]) = ([], [], [])
        for i in blocks.indices {
            let kind = blocks[i].kind
            if let at = counts.firstIndex(where: { $0.kind == kind }) {
                counts[at].count += 1
            } else {
                counts.append((kind, 1))
            }
            if kind == .heading {
                headings.append(i)
            } else if kind == .listItem {
                items.append(i)
            } else if kind == .embeddedPost {
                posts.append(i)
            }
        }
        out.raw("\n\n## Structure\n\n- Length: ")
        out.number(d.length)
        out.raw(" characters (Unicode scalars)")
        if !sentences.isEmpty {
            out.raw("\n- Sentences: ")
            out.number(sentences.count)
        }
        var sections = Separated("; ")
        for i in headings {
            sections.next(&out, opening: "\n- Sections: ")
            text(blocks[i].range)
        }
        if !counts.isEmpty {
            out.raw("\n\n")
            tableHead("Block", "Count")
            for (kind, count) in counts {
                out.raw("\n| ")
                out.text(kind.rawValue)
                out.raw(" | ")
                out.number(count)
                out.raw(" |")
            }
        }
        // List items are where news sites put "story highlights": the article's own summary of its claims.
        var labels: [String] = []
        for i in items {
            let label = blocks[i].label ?? "List items"
            if !labels.contains(label) { labels.append(label) }
        }
        for label in labels {
            out.raw("\n\n**")
            out.text(label)
            out.raw("**\n")
            var shown = 0
            var more = 0
            for i in items where (blocks[i].label ?? "List items") == label {
                // A brief is read in a minute: a long list is cut, its length said.
                guard shown < Self.listItemsShown else {
                    more += 1
                    continue
                }
                shown += 1
                out.raw("\n- ")
                text(blocks[i].range)
            }
            if more > 0 { moreLine(more, of: "item") }
        }
        var embedded = Separated("\n>\n")
        for i in posts {
            embedded.next(&out, opening: "\n\n**Embedded posts**\n\n")
            out.raw("> ")
            text(blocks[i].range)
        }
    }

    private mutating func quotesSection() {
        let quotes = quotes
        guard !quotes.isEmpty else { return }
        let order = Self.documentOrder(quotes, by: \.range)
        out.raw("\n\n## Who said what")
        var speech = Separated("\n")
        var unshown = 0
        for q in order.lazy.map({ quotes[$0] }) where q.isSpeech {
            guard speech.count < Self.quotesShown else {
                unshown += 1
                continue
            }
            speech.next(&out, opening: "\n\n")
            out.raw("- ")
            if let entity = entity(q.speaker) {
                out.raw("**")
                out.text(entity.name)
                out.raw("**")
                if let role = entity.role {
                    out.raw(", ")
                    out.text(role)
                }
            } else if let range = q.speakerRange {
                if q.isAnonymous {
                    out.raw("_Unnamed source_: ")
                } else if Finding.isVagueAttribution(range, in: findings) {
                    out.raw("_Vague_: ")
                }
                text(range)
            } else {
                out.raw(q.isAnonymous ? "_Unnamed source_" : "_Unattributed_")
            }
            var notes = Separated(", ")
            if let cue = q.cue {
                notes.next(&out, opening: " (")
                out.text(cue)
            }
            if q.kind != .direct {
                notes.next(&out, opening: " (")
                out.raw(q.kind == .indirect ? "reported" : "partial quote")
            }
            if notes.started { out.raw(")") }
            out.raw(": ")
            if q.kind == .indirect { text(q.range) } else { quoted(q.range) }
        }
        if unshown > 0 { moreLine(unshown, of: "quote") }
        var terms = Separated(", ")
        var unshownTerms = 0
        for q in order.lazy.map({ quotes[$0] }) where !q.isSpeech {
            guard terms.count < Self.listItemsShown else {
                unshownTerms += 1
                continue
            }
            terms.next(&out, opening: "\n\nQuoted terms, not speech: ")
            quoted(q.range)
            if q.kind == .title {
                out.raw(" (title)")
            } else if q.kind != .scare {
                out.raw(" (\(q.kind))")
            }
        }
        if unshownTerms > 0 {
            out.raw(" and ")
            out.number(unshownTerms)
            out.raw(" more")
        }
    }

    private mutating func entitiesSection() {
        // One entity per referent, but a component that does not merge mentions may give one
        // entity per mention: those are grouped by name so a count stays true either way.
        // Names in order of first appearance, each with its group; the dictionary is asked once per entity.
        let all = entities
        guard !all.isEmpty else { return }
        var order: [String: Int] = [:]
        order.reserveCapacity(all.count)
        // Each group by the position of its first entity, which gives its name and kind.
        var groups: [(first: Int, roles: [String], mentions: Int)] = []
        for i in Self.documentOrder(all, by: \.range) {
            let at: Int
            if let known = order[all[i].name] {
                at = known
            } else {
                at = groups.count
                order[all[i].name] = at
                groups.append((i, [], 0))
            }
            groups[at].mentions += all[i].mentions.count
            for role in all[i].roles {
                let phrase = role.phrase
                if !groups[at].roles.contains(phrase) { groups[at].roles.append(phrase) }
            }
        }
        out.raw("\n\n## People and organisations")
        var actors = false
        for g in groups where all[g.first].kind == .person || all[g.first].kind == .organization {
            if !actors {
                out.raw("\n\n")
                tableHead("Name", "Kind", "Role", "Mentions")
                actors = true
            }
            out.raw("\n| ")
            out.text(all[g.first].name)
            out.raw(" | ")
            out.raw(all[g.first].kind.rawValue)
            out.raw(" | ")
            if g.roles.count == 1 {
                out.text(g.roles[0])
            } else if g.roles.count > 1 {
                // `envoys` says nothing `US envoys` does not: keep the fullest wording of a role.
                let lowered = g.roles.map { $0.lowercased() }
                var roles = Separated("; ")
                for (i, role) in g.roles.enumerated()
                where !g.roles.indices.contains(where: { g.roles[$0] != role && lowered[$0].hasSuffix(" " + lowered[i]) }) {
                    roles.next(&out)
                    out.text(role)
                }
            }
            out.raw(" | ")
            out.number(g.mentions)
            out.raw(" |")
        }
        var others = Separated("\n")
        let lists: [(Entity.Kind, StaticString)] = [(.location, "- Places: "), (.group, "- Groups: "), (.misc, "- Other names: ")]
        for (kind, label) in lists {
            var names = Separated(", ")
            for g in groups where all[g.first].kind == kind {
                if !names.started { others.next(&out, opening: "\n\n") }
                names.next(&out, opening: label)
                out.text(all[g.first].name)
            }
        }
        var rest = Separated(", ")
        for g in groups where !Entity.Kind.builtIn.contains(all[g.first].kind) {
            if !rest.started { others.next(&out, opening: "\n\n") }
            rest.next(&out, opening: "- Other kinds: ")
            out.text(all[g.first].name)
            out.raw(" (\(all[g.first].kind))")
        }
    }

    private mutating func sourcesSection() {
        let mark = out.count
        out.raw("\n\n## Sources cited")
        if !sources.isEmpty {
            var backs: [String: [String]] = [:]
            for claim in claims { for s in claim.support { backs[s.source.id, default: []].append(claim.id) } }
            out.raw("\n\n")
            tableHead("Id", "Source", "Kind", "Address", "Backs")
            for source in sources.prefix(Self.sourcesShown) {
                out.raw("\n| ")
                out.text(source.id)
                out.raw(" | ")
                out.text(source.name)
                out.raw(" | ")
                out.raw(source.kind.rawValue)
                out.raw(" | ")
                if let url = source.url { link(url) }
                out.raw(" | ")
                var ids = Separated(", ")
                for id in backs[source.id] ?? [] {
                    ids.next(&out)
                    out.text(id)
                }
                out.raw(" |")
            }
            if sources.count > Self.sourcesShown {
                out.raw("\n")
                moreLine(sources.count - Self.sourcesShown, of: "source")
            }
        }
        // References the reader found that no source accounts for are exactly what a checker must chase by hand.
        let urls = Set(sources.compactMap(\.url))
        let ranges = sources.compactMap(\.range)
        func matched(_ url: String?, _ range: TextRange?) -> Bool {
            if let url, urls.contains(url) { return true }
            if let range { return ranges.contains { $0.overlaps(range) } }
            return false
        }
        var candidates = Separated("\n")
        let opening: StaticString =
            sources.isEmpty ? "\n\nReferences the article gives:\n\n" : "\n\nReferences not matched to a source:\n\n"
        let origins: [(Link.Origin, label: StaticString)] = [
            (.sourcesSection, "- Sources section: "), (.embed, "- Embedded post: "), (.hyperlink, "- Link: "),
        ]
        var unshown = 0
        for (origin, label) in origins {
            for link in d.links where link.origin == origin && !matched(link.url, link.range) {
                guard candidates.count < Self.listItemsShown else {
                    unshown += 1
                    continue
                }
                candidates.next(&out, opening: opening)
                out.raw(label)
                out.text(link.text)
                if let url = link.url {
                    out.raw(" — ")
                    self.link(url)
                }
            }
            // A sources-section entry the reader kept as a block but not as a link still counts.
            if origin == .sourcesSection {
                for block in d.blocks
                where block.kind == .sourcesSection && !matched(nil, block.range)
                    && !d.links.contains(where: { $0.range.map(block.range.overlaps) ?? false })
                {
                    guard candidates.count < Self.listItemsShown else {
                        unshown += 1
                        continue
                    }
                    candidates.next(&out, opening: opening)
                    out.raw(label)
                    text(block.range)
                }
            }
        }
        if unshown > 0 { moreLine(unshown, of: "reference") }
        if sources.isEmpty && !candidates.started { out.rewind(to: mark) }
    }

    private mutating func metricsSection() {
        guard !metrics.isEmpty else { return }
        out.raw("\n\n## Metrics\n\n")
        tableHead("Metric", "Value", "Unit")
        for metric in metrics {
            out.raw("\n| ")
            out.text(metric.name)
            out.raw(" | ")
            out.raw(MarkdownExporter.number(metric.value))
            out.raw(" | ")
            if let unit = metric.unit { out.text(unit) }
            out.raw(" |")
        }
    }

    /// The most list items shown under one label, and the most dates: a brief is read in a
    /// minute, and the JSON output holds every one.
    static let listItemsShown = 30
    static let datesShown = 60
    static let findingsShownPerKind = 10
    static let quotesShown = 60
    static let sourcesShown = 40

    /// The line that closes a list cut short: `- … and 12 more items`.
    private mutating func moreLine(_ count: Int, of noun: String) {
        out.raw("\n- … and ")
        out.number(count)
        out.raw(count == 1 ? " more \(noun)" : " more \(noun)s")
    }

    private mutating func datesSection() {
        let dates = dates
        guard !dates.isEmpty else { return }
        out.raw("\n\n## Dates\n")
        let order = Self.documentOrder(dates, by: \.range)
        for date in order.prefix(Self.datesShown).lazy.map({ dates[$0] }) {
            out.raw("\n- ")
            text(date.range)
            out.raw(" → ")
            if let value = date.value {
                out.text(value)
            } else {
                out.raw("_unresolved_")
                if let unresolved = date.unresolved {
                    out.raw(" (")
                    out.text(unresolved)
                    out.raw(")")
                }
            }
            if date.kind != .point { out.raw(" (\(date.kind))") }
        }
        if order.count > Self.datesShown { moreLine(order.count - Self.datesShown, of: "date") }
    }

    private mutating func provenanceSection() {
        out.raw("\n\n## Provenance\n\n")
        var rows = false
        func row(_ layer: String) {
            if !rows { tableHead("Layer", "Produced by") }
            rows = true
            out.raw("\n| ")
            out.raw(layer)
            out.raw(" | ")
        }
        if let reader = d.reader {
            row("reader")
            out.text(reader.description)
            out.raw(" |")
        }
        let layers: [(LayerID, [Provenance])] = [
            (.sentences, Self.distinctProducers(sentences)), (.entities, Self.distinctProducers(entities)),
            (.dates, Self.distinctProducers(dates)), (.quotes, Self.distinctProducers(quotes)),
            (.claims, Self.distinctProducers(claims)), (.sources, Self.distinctProducers(sources)),
            (.findings, Self.distinctProducers(findings)), (.metrics, Self.distinctProducers(metrics)),
        ]
        for (layer, seen) in layers where !seen.isEmpty {
            row(layer.rawValue)
            var names = Separated(", ")
            for p in seen {
                names.next(&out)
                if p == .unstamped { out.raw("unstamped") } else { out.text(p.description) }
            }
            out.raw(" |")
        }
        if !rows { out.raw("Nothing recorded.") }
    }

    // MARK: Pieces

    /// The positions of `ranges` in document order, ties in the order given: the order a stable
    /// sort of the annotations by range gives, without moving (or, to compare them, copying) the
    /// annotations themselves. A layer in order (as the analyzers write theirs) is its own order,
    /// with no array of positions, nor of ranges to sort them by: 16 bytes an annotation of a long
    /// article.
    static func documentOrder<Item>(_ items: [Item], by key: (Item) -> TextRange) -> DocumentOrder {
        let count = items.count
        func range(_ i: Int) -> TextRange { key(items[i]) }
        var inOrder = true
        var i = 1
        while inOrder && i < count {
            inOrder = !(range(i) < range(i - 1))
            i += 1
        }
        if inOrder { return DocumentOrder(count: count, sorted: nil) }
        let ranges = items.indices.map(range)
        return DocumentOrder(count: count, sorted: ranges.indices.sorted { ranges[$0] < ranges[$1] })
    }

    /// The positions of a layer's annotations in document order (see `documentOrder(_:by:)`).
    struct DocumentOrder: RandomAccessCollection {
        let count: Int
        let sorted: [Int]?
        var startIndex: Int { 0 }
        var endIndex: Int { count }
        subscript(i: Int) -> Int { sorted?[i] ?? i }
    }

    /// The producers of a layer, each once, in order of first appearance: read in place, with no
    /// array of every annotation's producer.
    static func distinctProducers<Item: Annotation>(_ items: [Item]) -> [Provenance] {
        var seen: [Provenance] = []
        for i in items.indices where seen.last != items[i].producer && !seen.contains(items[i].producer) {
            seen.append(items[i].producer)
        }
        return seen
    }

    /// The entity `reference` points at, if the layer has it (the first with its id).
    mutating func entity(_ reference: Reference<Entity>?) -> Entity? {
        guard let id = reference?.id else { return nil }
        // A few dozen ids are walked faster than they are hashed into an index; past that, an index.
        // By position, not `first(where:)`, which copies every entity it passes.
        guard entities.count > 64 else { return entities.indices.first { entities[$0].id == id }.map { entities[$0] } }
        if entityIndex == nil { entityIndex = AnnotationIndex(entities) }
        return entityIndex![id: id]
    }

    /// The quote `reference` points at, if the layer has it (the first with its id).
    mutating func quote(_ reference: Reference<Quote>?) -> Quote? {
        guard let id = reference?.id else { return nil }
        guard quotes.count > 64 else { return quotes.indices.first { quotes[$0].id == id }.map { quotes[$0] } }
        if quoteIndex == nil { quoteIndex = AnnotationIndex(quotes) }
        return quoteIndex![id: id]
    }

    /// Writes the text of `range`, clamped to the document as `Document.text(in:)` clamps it, escaped.
    mutating func text(_ range: TextRange) { out.scalars(s, clamped(range)) }

    func clamped(_ range: TextRange) -> Range<Int> {
        let lower = min(max(range.start, 0), s.count)
        return lower..<min(max(range.end, lower), s.count)
    }

    /// Writes the text of `range` escaped and wrapped in curly quotes, unless it starts with a
    /// quotation mark of its own (its range took the article's quotes) or is empty; cut as
    /// `clippedText` cuts it when `limit` is given.
    mutating func quoted(_ range: TextRange, clippedTo limit: Int? = nil) {
        let r = clamped(range)
        // Escaping never turns a scalar into a quotation mark nor one into something else, and a
        // clip keeps the first scalar or leaves only "…": the first scalar of the range decides.
        let wrap: Bool
        switch r.isEmpty ? nil : s[r.lowerBound] {
        case nil, "“", "\"", "‘", "«": wrap = false
        default: wrap = true
        }
        if wrap { out.raw("“") }
        if let limit { clippedText(range, limit) } else { out.scalars(s, r) }
        if wrap { out.raw("”") }
    }

    /// Writes the text of `range` cut to `limit` scalars at a word boundary, with an ellipsis when
    /// cut, escaped: what `MarkdownExporter.clipped` gives for the range's text, without the string.
    mutating func clippedText(_ range: TextRange, _ limit: Int) {
        let r = clamped(range)
        guard r.count > limit else { return out.scalars(s, r) }
        let cut = r.lowerBound + limit
        var space = cut - 1
        while space >= r.lowerBound && s[space] != " " { space -= 1 }
        guard space >= r.lowerBound else {
            out.scalars(s, r.lowerBound..<cut)
            return out.raw("…")
        }
        // The string clip cuts at the last space that is a character of its own. A neighbour below
        // U+0300 (where combining, spacing and prepended marks start) cannot join a space into a
        // larger character; past that, the grapheme rules decide, so the string clip does it.
        let alone = (space == r.lowerBound || s[space - 1].value < 0x300) && s[space + 1].value < 0x300
        guard alone else { return out.text(MarkdownExporter.clipped(d.text(in: range), limit)) }
        out.scalars(s, r.lowerBound..<space)
        out.raw("…")
    }

    /// Writes an autolink when the address can be one, otherwise the address as escaped text.
    mutating func link(_ url: String) {
        if url.utf8.contains(where: { $0 == 0x3C || $0 == 0x3E || $0 == 0x20 || $0 == 0x7C || $0 == 0x0A }) {
            out.text(url)
        } else {
            out.raw("<")
            out.raw(url)
            out.raw(">")
        }
    }

    /// Writes a table's header row and its delimiter row; rows follow, each opening with `\n| `.
    mutating func tableHead(_ names: StaticString...) {
        out.raw("|")
        for name in names {
            out.raw(" ")
            out.raw(name)
            out.raw(" |")
        }
        out.raw("\n|")
        for _ in names { out.raw(" --- |") }
    }
}

/// Writes a separator before every item but the first, and an opening before the first: a list
/// joined in place, which writes nothing when it has no items.
struct Separated {
    var separator: StaticString
    /// The items written.
    private(set) var count = 0
    /// Whether an item has been written.
    var started: Bool { count > 0 }

    init(_ separator: StaticString) { self.separator = separator }

    /// Starts the next item: `opening` before the first, the separator before the others.
    mutating func next(_ out: inout MarkdownBuffer, opening: StaticString = "") {
        out.raw(started ? separator : opening)
        count += 1
    }
}
