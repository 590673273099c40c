public import DossierCore
public import Foundation

/// Writes a readable brief of a document for a fact-checker: who said what, which claims need
/// checking and whether anything backs them.
///
/// Sections appear only when there is something to put in them, so the brief of a document that
/// has only been read and split into sentences is still useful: title, byline, lede, structure,
/// highlights, embedded posts and the article's own list of sources. Output is deterministic:
/// the same document always gives the same bytes.
public struct MarkdownExporter: Exporter {
    /// What the brief includes.
    public struct Options: ComponentOptions, Hashable {
        /// The most claims to list, most check-worthy first; 0 lists them all.
        public var maxClaims: Int = 20
        /// End the brief with which component produced each layer.
        public var includeProvenance: Bool = false

        /// Creates the default options.
        public init() {}

        /// One line of help per option key.
        public static var help: [String: String] {
            [
                "maxClaims": "the most claims to list, most check-worthy first; 0 lists them all",
                "includeProvenance": "end the brief with a table of which component (and version) produced each layer",
            ]
        }
    }

    /// The id pipelines name this exporter by.
    public static let id = "markdown"
    /// One line saying what it does.
    public static let summary =
        "a Markdown brief for fact-checkers: title, byline, lede, structure and highlights, the article's sources; "
        + "quotes, entities, claims, findings, metrics and dates when analyzers provide them"
    /// The extension of the files it writes.
    public static let fileExtension = "md"

    /// The options this exporter was created with.
    public let options: Options

    /// A negative `maxClaims` is refused; creates nothing, for `dossier lint` and `dossier plan`.
    public static func validate(_ options: Options) throws {
        guard options.maxClaims >= 0 else {
            throw ComponentError(
                code: "E240", "'maxClaims' is '\(options.maxClaims)' but must be 0 (list every claim) or more", option: "maxClaims")
        }
    }

    /// Creates the exporter; throws what `validate` throws.
    public init(options: Options = Options()) throws {
        try Self.validate(options)
        self.options = options
    }

    /// Renders one document as a Markdown brief.
    public func export(_ document: Document, context: ExportContext) throws -> Data {
        Data(render(document).utf8)
    }

    /// The brief as a string, for callers that want text rather than bytes.
    public func render(_ document: Document) -> String {
        var sections: [String] = [header(document)]
        let parts: [String?] = [
            claims(document), findings(document), quotes(document), entities(document), sources(document), metrics(document),
            structure(document), dates(document), options.includeProvenance ? provenance(document) : nil,
        ]
        sections += parts.compactMap { $0 }
        return sections.joined(separator: "\n\n") + "\n"
    }

    // MARK: Sections

    private func header(_ d: Document) -> String {
        let title = d.metadata.title ?? d.blocks(of: .title).first.map { d.text(in: $0.range) } ?? d.id
        var lines = ["# \(Self.escape(title))"]
        var facts: [String] = []
        let m = d.metadata
        if !m.authors.isEmpty { facts.append("By " + m.authors.map(Self.escape).joined(separator: ", ")) }
        if let publisher = m.publisher { facts.append(Self.escape(publisher)) }
        if let published = m.published { facts.append("published \(Self.escape(published))") }
        if let modified = m.modified, modified != m.published { facts.append("updated \(Self.escape(modified))") }
        if let url = m.url { facts.append(Self.link(url)) }
        if !facts.isEmpty { lines.append(facts.joined(separator: " · ")) }
        var trace = "Document \(Self.escape(d.id))"
        if let origin = d.origin { trace += " from \(Self.escape(origin))" }
        lines.append("_\(trace)_")
        // The lede is what a checker reads first; without one, the first paragraph stands in.
        if let lede = d.blocks(of: .lede).first ?? d.blocks(of: .paragraph).first {
            lines.append("> " + Self.escape(d.text(in: lede.range)))
        }
        return lines.joined(separator: "\n\n")
    }

    private func structure(_ d: Document) -> String? {
        guard !d.blocks.isEmpty || !d.annotations.sentences.isEmpty else { return nil }
        var out = ["## Structure"]
        var facts = ["- Length: \(d.length) characters (Unicode scalars)"]
        if !d.annotations.sentences.isEmpty { facts.append("- Sentences: \(d.annotations.sentences.count)") }
        let headings = d.blocks(of: .heading)
        if !headings.isEmpty {
            facts.append("- Sections: " + headings.map { Self.escape(d.text(in: $0.range)) }.joined(separator: "; "))
        }
        out.append(facts.joined(separator: "\n"))
        if !d.blocks.isEmpty {
            var kinds: [BlockKind] = []
            var counts: [BlockKind: Int] = [:]
            for block in d.blocks {
                if counts[block.kind] == nil { kinds.append(block.kind) }
                counts[block.kind, default: 0] += 1
            }
            out.append(Self.table(["Block", "Count"], kinds.map { [Self.escape($0.rawValue), "\(counts[$0]!)"] }))
        }
        // List items are where news sites put "story highlights": the article's own summary of its claims.
        var labels: [String] = []
        var items: [String: [String]] = [:]
        for item in d.blocks(of: .listItem) {
            let label = item.label ?? "List items"
            if items[label] == nil { labels.append(label) }
            items[label, default: []].append("- " + Self.escape(d.text(in: item.range)))
        }
        for label in labels { out.append("**\(Self.escape(label))**\n\n" + items[label]!.joined(separator: "\n")) }
        let posts = d.blocks(of: .embeddedPost)
        if !posts.isEmpty {
            out.append("**Embedded posts**\n\n" + posts.map { "> " + Self.escape(d.text(in: $0.range)) }.joined(separator: "\n>\n"))
        }
        return out.joined(separator: "\n\n")
    }

    private func quotes(_ d: Document) -> String? {
        let all = d.annotations.quotes.sorted { $0.range < $1.range }
        guard !all.isEmpty else { return nil }
        let entities = AnnotationIndex(d.annotations.entities)
        let speech = all.filter(\.isSpeech).map { q -> String in
            var speaker = "_Unattributed_"
            if let entity = entities.resolve(q.speaker) {
                speaker = "**\(Self.escape(entity.name))**" + (entity.role.map { ", " + Self.escape($0) } ?? "")
            } else if let range = q.speakerRange {
                speaker = (q.isAnonymous ? "_Unnamed source_: " : "") + Self.escape(d.text(in: range))
            } else if q.isAnonymous {
                speaker = "_Unnamed source_"
            }
            var notes: [String] = []
            if let cue = q.cue { notes.append(Self.escape(cue)) }
            if q.kind != .direct { notes.append(q.kind == .indirect ? "reported" : "partial quote") }
            let words = Self.escape(d.text(in: q.range))
            return "- \(speaker)" + (notes.isEmpty ? "" : " (\(notes.joined(separator: ", ")))") + ": "
                + (q.kind == .indirect ? words : Self.quoted(words))
        }
        let terms = all.filter { !$0.isSpeech }.map { q in
            Self.quoted(Self.escape(d.text(in: q.range))) + (q.kind == .title ? " (title)" : q.kind == .scare ? "" : " (\(q.kind))")
        }
        var out = ["## Who said what"]
        if !speech.isEmpty { out.append(speech.joined(separator: "\n")) }
        if !terms.isEmpty { out.append("Quoted terms, not speech: " + terms.joined(separator: ", ")) }
        return out.joined(separator: "\n\n")
    }

    private func entities(_ d: Document) -> String? {
        // One entity per referent, but a component that does not merge mentions may give one
        // entity per mention: those are grouped by name so a count stays true either way.
        // Names in order of first appearance, each with its group; the dictionary is asked once per entity.
        var names: [String] = []
        var order: [String: Int] = [:]
        var list: [(kind: Entity.Kind, roles: [String], mentions: Int)] = []
        for e in d.annotations.entities.sorted(by: { $0.range < $1.range }) {
            let at: Int
            if let known = order[e.name] {
                at = known
            } else {
                at = list.count
                order[e.name] = at
                names.append(e.name)
                list.append((e.kind, [], 0))
            }
            list[at].mentions += e.mentions.count
            for role in e.roles where !list[at].roles.contains(role.phrase) { list[at].roles.append(role.phrase) }
        }
        guard !names.isEmpty else { return nil }
        var out = ["## People and organisations"]
        // By index into `names` and `list`, which run in step.
        let actors = list.indices.filter { list[$0].kind == .person || list[$0].kind == .organization }
        if !actors.isEmpty {
            out.append(
                Self.table(
                    ["Name", "Kind", "Role", "Mentions"],
                    actors.map { i in
                        let g = list[i]
                        // `envoys` says nothing `US envoys` does not: keep the fullest wording of a role.
                        let roles = g.roles.filter { role in
                            !g.roles.contains { $0 != role && $0.lowercased().hasSuffix(" " + role.lowercased()) }
                        }
                        return [Self.escape(names[i]), g.kind.rawValue, Self.escape(roles.joined(separator: "; ")), "\(g.mentions)"]
                    }))
        }
        var others: [String] = []
        for (kind, label) in [(Entity.Kind.location, "Places"), (.group, "Groups"), (.misc, "Other names")] {
            let these = list.indices.filter { list[$0].kind == kind }
            if !these.isEmpty { others.append("- \(label): " + these.map { Self.escape(names[$0]) }.joined(separator: ", ")) }
        }
        let known: [Entity.Kind] = [.person, .organization, .location, .group, .misc]
        let rest = list.indices.filter { !known.contains(list[$0].kind) }
        if !rest.isEmpty {
            others.append("- Other kinds: " + rest.map { "\(Self.escape(names[$0])) (\(list[$0].kind))" }.joined(separator: ", "))
        }
        if !others.isEmpty { out.append(others.joined(separator: "\n")) }
        return out.joined(separator: "\n\n")
    }

    private func claims(_ d: Document) -> String? {
        let all = d.annotations.claims
        guard !all.isEmpty else { return nil }
        let sources = AnnotationIndex(d.annotations.sources)
        let (entities, quotes) = (AnnotationIndex(d.annotations.entities), AnnotationIndex(d.annotations.quotes))
        let ranked = all.rankedByCheckWorthiness()
        let shown = options.maxClaims == 0 ? ranked : Array(ranked.prefix(options.maxClaims))
        let unsourced = all.filter(\.isUnsourced).count
        var summary = "\(all.count) \(all.count == 1 ? "claim" : "claims"), \(unsourced) with nothing in the article behind them"
        if shown.count < all.count { summary += "; the \(shown.count) most check-worthy are listed" }
        let rows = shown.map { c -> [String] in
            var backing = c.support.map { s -> String in
                let name = sources[id: s.source.id].map { "\($0.name) (\($0.kind.rawValue))" } ?? s.source.id
                return Self.escape(Self.clipped(name, 60)) + (s.via == .unspecified ? "" : " via \(s.via.rawValue)")
            }.joined(separator: "; ")
            if c.isUnsourced {
                let vague = c.attribution.map { " — \"" + Self.escape(d.text(in: $0)) + "\"" } ?? ""
                backing = "**unsourced**" + (c.attribution != nil && c.support.isEmpty ? vague : "")
            }
            let claimant: String
            switch c.claimantKind {
            case .speaker:
                // The entity's name, or the speaker as the article words it ("the council").
                let wording = quotes.resolve(c.quote)?.speakerRange.map { d.text(in: $0) }
                claimant = (entities.resolve(c.claimant)?.name ?? wording).map(Self.escape) ?? "a speaker"
            case .anonymous: claimant = "unnamed source"
            default: claimant = "the publication"
            }
            let why = c.reasons.prefix(3).map { ($0.weight > 0 ? "+ " : "− ") + $0.description }.joined(separator: "; ")
            return [
                Self.escape(c.id), Self.score(c.checkWorthiness), Self.escape(Self.clipped(d.text(in: c.range), 180)), c.kind.rawValue,
                claimant, Self.escape(why), backing,
            ]
        }
        return "## Check-worthy claims\n\n\(summary).\n\n"
            + Self.table(["Id", "Score", "Claim", "Kind", "Claimant", "Why", "Sources"], rows)
    }

    /// `text` cut to `limit` characters at a word boundary, with an ellipsis when cut.
    static func clipped(_ text: String, _ limit: Int) -> String {
        // Scalars, not characters: counting graphemes walks the whole text, and a clip is approximate anyway.
        guard text.unicodeScalars.count > limit else { return text }
        let cut = Substring(text.unicodeScalars.prefix(limit))
        return (cut.lastIndex(of: " ").map { String(cut[..<$0]) } ?? String(cut)) + "…"
    }

    private func sources(_ d: Document) -> String? {
        let sources = d.annotations.sources
        var out = ["## Sources cited"]
        if !sources.isEmpty {
            var backs: [String: [String]] = [:]
            for claim in d.annotations.claims { for id in claim.sourceIDs { backs[id, default: []].append(claim.id) } }
            out.append(
                Self.table(
                    ["Id", "Source", "Kind", "Address", "Backs"],
                    sources.map {
                        [
                            Self.escape($0.id), Self.escape($0.name), $0.kind.rawValue, $0.url.map(Self.link) ?? "",
                            (backs[$0.id] ?? []).map(Self.escape).joined(separator: ", "),
                        ]
                    }))
        }
        // References the reader found that no source accounts for are exactly what a checker must chase by hand.
        let urls = Set(sources.compactMap(\.url))
        let ranges = sources.compactMap(\.range)
        func matched(_ url: String?, _ range: TextRange?) -> Bool {
            if let url, urls.contains(url) { return true }
            if let range { return ranges.contains { $0.overlaps(range) } }
            return false
        }
        var candidates: [String] = []
        let labels: [Link.Origin: String] = [.sourcesSection: "Sources section", .embed: "Embedded post", .hyperlink: "Link"]
        for origin in [Link.Origin.sourcesSection, .embed, .hyperlink] {
            for link in d.links where link.origin == origin && !matched(link.url, link.range) {
                candidates.append("- \(labels[origin]!): " + Self.escape(link.text) + (link.url.map { " — " + Self.link($0) } ?? ""))
            }
            // A sources-section entry the reader kept as a block but not as a link still counts.
            if origin == .sourcesSection {
                for block in d.blocks(of: .sourcesSection)
                where !matched(nil, block.range) && !d.links.contains(where: { $0.range.map(block.range.overlaps) ?? false }) {
                    candidates.append("- \(labels[origin]!): " + Self.escape(d.text(in: block.range)))
                }
            }
        }
        if !candidates.isEmpty {
            out.append(
                (sources.isEmpty ? "References the article gives:" : "References not matched to a source:") + "\n\n"
                    + candidates.joined(separator: "\n"))
        }
        return out.count > 1 ? out.joined(separator: "\n\n") : nil
    }

    private func findings(_ d: Document) -> String? {
        let summary = framingSummary(d)
        guard !d.annotations.findings.isEmpty || summary != nil else { return nil }
        // Most severe first, each severity in document order: one filter per severity rather than a
        // sort that moved whole findings (it was a third of this section).
        let all = d.annotations.findings
        let ordered = Finding.Severity.allCases.sorted(by: >).flatMap { severity in all.filter { $0.severity == severity } }
        func line(_ f: Finding) -> String {
            var line = "- **\(f.severity.rawValue)** \(Self.escape(f.message))"
            if let range = f.range { line += ": " + Self.quoted(Self.escape(Self.clipped(d.text(in: range), 160))) }
            return line + " (\(Self.escape(f.kind)))"
        }
        // What rests on nothing apart from how the piece is framed: a checker reads them for different things.
        let sourcing = ordered.filter { $0.kind.hasPrefix("claims.") || $0.kind.hasPrefix("sources.") }
        let framing = ordered.filter { !($0.kind.hasPrefix("claims.") || $0.kind.hasPrefix("sources.")) }
        var out: [String] = []
        // Unsourced claims are marked in the claims table; here they are counted, not repeated.
        let unsourced = sourcing.filter { $0.kind == "claims.unsourced" }.count
        var lines = sourcing.filter { $0.kind != "claims.unsourced" }.map(line)
        if unsourced > 0 {
            lines.insert(
                "- \(unsourced) check-worthy \(unsourced == 1 ? "claim has" : "claims have") no source in the article (marked **unsourced** above)",
                at: 0)
        }
        if !lines.isEmpty { out.append("## Unsourced and vaguely attributed\n\n" + lines.joined(separator: "\n")) }
        if !framing.isEmpty || summary != nil {
            out.append(
                "## Framing\n\n"
                    + ([summary].compactMap { $0 } + [framing.map(line).joined(separator: "\n")]).filter { !$0.isEmpty }.joined(
                        separator: "\n\n"))
        }
        return out.joined(separator: "\n\n")
    }

    /// One line of the framing analyzer's figures: the headline's clickbait score and the densities.
    private func framingSummary(_ d: Document) -> String? {
        func value(_ name: String) -> Double? { d.annotations.metrics.first { $0.name == name }?.value }
        var parts: [String] = []
        if let score = value("framing.clickbait") {
            parts.append("headline clickbait score \(Self.number(score))")
        }
        let densities = [
            ("hedges", "framing.hedges"), ("boosters", "framing.boosters"), ("opinion words", "framing.opinion"),
            ("loaded words", "framing.loaded"),
        ]
        .compactMap { label, name in value(name).map { "\(Self.number($0)) \(label)" } }
        if !densities.isEmpty { parts.append(densities.joined(separator: ", ") + " per 1,000 words") }
        guard !parts.isEmpty else { return nil }
        let text = parts.joined(separator: "; ")
        return text.prefix(1).uppercased() + text.dropFirst() + "."
    }

    private func metrics(_ d: Document) -> String? {
        guard !d.annotations.metrics.isEmpty else { return nil }
        return "## Metrics\n\n"
            + Self.table(
                ["Metric", "Value", "Unit"],
                d.annotations.metrics.map { [Self.escape($0.name), Self.number($0.value), $0.unit.map(Self.escape) ?? ""] })
    }

    private func dates(_ d: Document) -> String? {
        guard !d.annotations.dates.isEmpty else { return nil }
        let lines = d.annotations.dates.sorted { $0.range < $1.range }.map {
            "- " + Self.escape(d.text(in: $0.range)) + " → "
                + ($0.value.map(Self.escape) ?? "_unresolved_" + ($0.unresolved.map { " (" + Self.escape($0) + ")" } ?? ""))
                + ($0.kind == .point ? "" : " (\($0.kind))")
        }
        return "## Dates\n\n" + lines.joined(separator: "\n")
    }

    private func provenance(_ d: Document) -> String {
        var rows: [[String]] = []
        if let reader = d.reader { rows.append(["reader", Self.escape(reader.description)]) }
        let a = d.annotations
        let layers: [(LayerID, [Provenance])] = [
            (.sentences, a.sentences.map(\.producer)), (.entities, a.entities.map(\.producer)), (.dates, a.dates.map(\.producer)),
            (.quotes, a.quotes.map(\.producer)), (.claims, a.claims.map(\.producer)), (.sources, a.sources.map(\.producer)),
            (.findings, a.findings.map(\.producer)), (.metrics, a.metrics.map(\.producer)),
        ]
        for (layer, producers) in layers where !producers.isEmpty {
            var seen: [Provenance] = []
            for p in producers where !seen.contains(p) { seen.append(p) }
            rows.append([layer.rawValue, seen.map { $0 == .unstamped ? "unstamped" : Self.escape($0.description) }.joined(separator: ", ")])
        }
        return "## Provenance\n\n" + (rows.isEmpty ? "Nothing recorded." : Self.table(["Layer", "Produced by"], rows))
    }

    // MARK: Formatting

    /// Escapes text from the article so it cannot open emphasis, links, HTML or table cells.
    static func escape(_ text: String) -> String {
        var copy = text
        return copy.withUTF8 { u in
            // Most text needs nothing: find the first byte that might, and return the text itself if none does.
            let first = escapeTable.withUnsafeBufferPointer { table in u.firstIndex { table[Int($0)] != 0 } }
            guard let first else { return text }
            var out: [UInt8] = []
            out.reserveCapacity(u.count + 16)
            out.append(contentsOf: u[..<first])
            var i = first
            while i < u.count {
                let b = u[i]
                switch escapeTable[Int(b)] {
                case 1:
                    out.append(0x5C)
                    out.append(b)
                // A line break would end a table row or a list item early: \n, \r, and U+2028, U+2029 (E2 80 A8/A9).
                case 2: out.append(0x20)
                case 3 where i + 2 < u.count && u[i + 1] == 0x80 && (u[i + 2] == 0xA8 || u[i + 2] == 0xA9):
                    out.append(0x20)
                    i += 2
                default: out.append(b)
                }
                i += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Per UTF-8 byte: 1 escape with a backslash, 2 a line break, 3 the lead byte of U+2028 and U+2029.
    private static let escapeTable: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 256)
        for c in "\\`*_[]<>|#".utf8 { table[Int(c)] = 1 }
        table[0x0A] = 2
        table[0x0D] = 2
        table[0xE2] = 3
        return table
    }()

    /// An autolink when the address can be one, otherwise escaped text.
    static func link(_ url: String) -> String {
        url.unicodeScalars.contains { $0 == "<" || $0 == ">" || $0 == " " || $0 == "|" || $0 == "\n" } ? escape(url) : "<\(url)>"
    }

    static func table(_ header: [String], _ rows: [[String]]) -> String {
        // One string grown in place, not a string per row joined after.
        var out = ""
        var size = 8 * header.count + 4
        for cells in [header] + rows { for cell in cells { size += cell.utf8.count + 3 } }
        out.reserveCapacity(size + 2 * rows.count)
        func row(_ cells: [String]) {
            guard !cells.isEmpty else {
                out += "|  |"
                return
            }
            out += "|"
            for cell in cells {
                out += " "
                out += cell
                out += " |"
            }
        }
        row(header)
        out += "\n|"
        for _ in header { out += " --- |" }
        for cells in rows {
            out += "\n"
            row(cells)
        }
        return out
    }

    /// Wraps text in curly quotes unless its range already took the article's own.
    static func quoted(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, !["“", "\"", "‘", "«"].contains(first) else { return text }
        return "“\(text)”"
    }

    /// `value` with two decimals, as `String(format: "%.2f")` writes it, without Foundation's formatter.
    static func score(_ value: Double) -> String { ClaimAnnotation.scoreText(value) }

    /// Whole numbers without a decimal point, others in Swift's shortest round-tripping form.
    static func number(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }
}
