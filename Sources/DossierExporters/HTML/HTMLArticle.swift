import DossierCore

/// Renders one document as an `<article>` element: its header with the figures at a glance, its
/// text with every layer highlighted, and a side panel of claims, findings, quotes, sources, names
/// and metrics. Sections whose layer is empty are left out.
struct HTMLArticle {
    let document: Document
    let maxClaims: Int
    /// Prefix of every `id` in the article, so that several articles fit one page.
    let key: String
    private var highlighter: HTMLHighlighter
    private let segments: [Segment]
    /// Highlight index of each claim, quote and finding by annotation id, for links into the text.
    private var highlightOf: [String: Int] = [:]

    /// A run of text written as one element.
    private struct Segment {
        var range: Range<Int>
        var kind: BlockKind
        var level: Int?
        var label: String?
    }

    /// The finding the `claims` analyzer adds for each unsourced claim.
    static let unsourcedKind = "claims.unsourced"

    init(_ document: Document, maxClaims: Int) {
        self.document = document
        self.maxClaims = maxClaims
        key = "d-" + HTMLPage.token(document.id)
        segments = Self.segments(of: document)
        var highlights: [HTMLHighlighter.Highlight] = []
        var highlightOf: [String: Int] = [:]
        let key = key
        let a = document.annotations
        func add(_ range: TextRange, rank: Int, layer: String, classes: String, title: String, id: String?) {
            add(range, rank: rank, resume: "<mark class=\"hl hl-\(layer)\(classes)\" title=\"\(HTMLBuffer.escaped(title))\">", id: id)
        }
        /// `resume` is the opening tag; the first piece adds the `id`.
        func add(_ range: TextRange, rank: Int, resume: String, id: String?) {
            var open = String(resume.dropLast())
            if let id {
                open += " id=\"\(key)-t-\(HTMLPage.token(id))\""
                highlightOf[id] = highlights.count
            }
            highlights.append(.init(range: range, rank: rank, open: open + ">", resume: resume))
        }
        for c in a.claims {
            var title = "claim \(c.id), check-worthiness \(HTMLFigures.score(c.checkWorthiness)), \(c.kind.rawValue)"
            if c.isUnsourced { title += ", unsourced" }
            add(c.range, rank: 0, layer: "claims", classes: c.isUnsourced ? " unsourced" : "", title: title, id: c.id)
        }
        for q in a.quotes {
            var title = "quote (\(q.kind.rawValue))"
            if let speaker = a.resolve(q.speaker) {
                title += " by \(speaker.name)"
            } else if q.isAnonymous {
                title += " by an unnamed source"
            }
            add(q.range, rank: 1, layer: "quotes", classes: " q-" + HTMLPage.token(q.kind.rawValue), title: title, id: q.id)
        }
        for s in a.sources {
            guard let range = s.range else { continue }
            add(range, rank: 2, layer: "sources", classes: "", title: "source: \(s.name) (\(s.kind.rawValue))", id: nil)
        }
        for e in a.entities {
            // One tag for every mention of the entity.
            let tag =
                "<mark class=\"hl hl-entities e-\(HTMLPage.token(e.kind.rawValue))\" title=\"\(HTMLBuffer.escaped("\(e.name) (\(e.kind.rawValue))"))\">"
            for m in e.mentions { add(m.range, rank: 3, resume: tag, id: nil) }
        }
        // An unsourced claim is marked as a claim; its finding would outline the same words again.
        for f in a.findings where f.kind != Self.unsourcedKind {
            guard let range = f.range else { continue }
            let vague = f.kind == "sources.vague-attribution" ? " vague" : ""
            add(
                range, rank: 4, layer: "findings", classes: " sev-\(f.severity.rawValue)\(vague)",
                title: "\(f.severity.rawValue): \(f.message)", id: f.id)
        }
        self.highlightOf = highlightOf
        highlighter = HTMLHighlighter(highlights: highlights, segments: segments.map(\.range))
    }

    // MARK: Segments

    /// The runs of text to write: the blocks in order (clamped to the text, overlaps trimmed). What
    /// lies between blocks is what the reader left out of them (line breaks, list bullets), so it
    /// is not written. A document without blocks is written line by line, blank lines left out.
    private static func segments(of d: Document) -> [Segment] {
        let count = d.length
        var out: [Segment] = []
        var position = 0
        for block in d.blocks {
            let start = min(max(block.range.start, position), count)
            let end = min(max(block.range.end, start), count)
            guard start < end else { continue }
            out.append(Segment(range: start..<end, kind: block.kind, level: block.level, label: block.label))
            position = end
        }
        guard out.isEmpty else { return out }
        var lineStart = 0
        for i in 0...count where i == count || d.scalars[i] == "\n" {
            var s = lineStart
            var e = i
            while s < e && d.scalars[s].properties.isWhitespace { s += 1 }
            while e > s && d.scalars[e - 1].properties.isWhitespace { e -= 1 }
            if s < e { out.append(Segment(range: s..<e, kind: .paragraph)) }
            lineStart = i + 1
        }
        return out
    }

    // MARK: Rendering

    /// Writes the `<article>` element, between the markers the sink looks for.
    mutating func render(into out: inout HTMLBuffer) {
        let d = document
        out.raw(bytes: HTMLPage.articleStart)
        out.raw("<article class=\"dossier\" id=\"\(key)\"")
        if let lang = d.metadata.language.flatMap(HTMLPage.languageTag) { out.raw(" lang=\"\(lang)\"") }
        out.raw(" aria-labelledby=\"\(key)-title\">\n")
        let titleSegment = segments.firstIndex { $0.kind == .title }
        header(titleSegment: titleSegment, into: &out)
        out.raw("<div class=\"columns\">\n<section class=\"text\" aria-labelledby=\"\(key)-text\">\n")
        out.raw("<h2 id=\"\(key)-text\" class=\"visually-hidden\">Article text</h2>\n")
        toggles(into: &out)
        out.raw("<div class=\"body\">\n")
        body(skipping: titleSegment, into: &out)
        out.raw("</div>\n</section>\n")
        panel(into: &out)
        out.raw("</div>\n</article>\n")
        out.raw(bytes: HTMLPage.articleEnd)
    }

    private mutating func header(titleSegment: Int?, into out: inout HTMLBuffer) {
        let d = document
        let m = d.metadata
        out.raw("<header class=\"article-head\">\n<h1 id=\"\(key)-title\">")
        if let titleSegment {
            highlighter.write(segment: titleSegment, of: d.scalars, into: &out)
        } else {
            out.text(m.title ?? d.id)
        }
        out.raw("</h1>\n")
        var facts: [(inout HTMLBuffer) -> Void] = []
        if !m.authors.isEmpty { facts.append { $0.text("By " + m.authors.joined(separator: ", ")) } }
        if let publisher = m.publisher { facts.append { $0.text(publisher) } }
        if let published = m.published {
            facts.append {
                $0.raw("published <time datetime=\"")
                $0.text(published)
                $0.raw("\">")
                $0.text(published)
                $0.raw("</time>")
            }
        }
        if let modified = m.modified, modified != m.published {
            facts.append {
                $0.raw("updated <time datetime=\"")
                $0.text(modified)
                $0.raw("\">")
                $0.text(modified)
                $0.raw("</time>")
            }
        }
        if let url = m.url { facts.append { HTMLPage.link(url, text: url, into: &$0) } }
        if !facts.isEmpty {
            out.raw("<p class=\"meta\">")
            for (i, fact) in facts.enumerated() {
                if i > 0 { out.raw(" · ") }
                fact(&out)
            }
            out.raw("</p>\n")
        }
        out.raw("<p class=\"trace\">Document <code>")
        out.text(d.id)
        out.raw("</code>")
        if let origin = d.origin {
            out.raw(" from <code>")
            out.text(origin)
            out.raw("</code>")
        }
        out.raw("</p>\n")
        let rows = HTMLFigures(d).rows.filter { $0.shown != nil }
        if !rows.isEmpty {
            out.raw("<section aria-labelledby=\"\(key)-glance\">\n<h2 id=\"\(key)-glance\" class=\"visually-hidden\">At a glance</h2>\n")
            out.raw("<dl class=\"figures\">\n")
            for row in rows {
                out.raw("<div><dt>")
                out.text(row.label)
                out.raw("</dt><dd>")
                out.text(row.shown ?? "")
                out.raw("</dd></div>\n")
            }
            out.raw("</dl>\n</section>\n")
        }
        out.raw("</header>\n")
    }

    /// The checkboxes that show and hide each layer, for the layers the document has.
    private func toggles(into out: inout HTMLBuffer) {
        let a = document.annotations
        let counts: [String: Int] = [
            "claims": a.claims.count, "quotes": a.quotes.count, "entities": a.entities.reduce(0) { $0 + $1.mentions.count },
            "sources": a.sources.filter { $0.range != nil }.count,
            "findings": a.findings.filter { $0.range != nil && $0.kind != Self.unsourcedKind }.count,
        ]
        let present = HTMLAssets.layers.filter { (counts[$0.id] ?? 0) > 0 }
        guard !present.isEmpty else { return }
        out.raw("<fieldset class=\"layers\">\n<legend>Highlight</legend>\n")
        for (id, label) in present {
            out.raw(
                "<label><input type=\"checkbox\" data-layer=\"\(id)\" checked> <span class=\"swatch sw-\(id)\" aria-hidden=\"true\"></span>"
            )
            out.raw("\(label) (\(counts[id] ?? 0))</label>\n")
        }
        out.raw("</fieldset>\n")
    }

    /// The text, block by block: list items and sources-section entries grouped into lists.
    private mutating func body(skipping titleSegment: Int?, into out: inout HTMLBuffer) {
        var openList: (kind: BlockKind, label: String?)?
        func closeList(_ out: inout HTMLBuffer) {
            if openList != nil { out.raw("</ul>\n") }
            openList = nil
        }
        for (index, segment) in segments.enumerated() where index != titleSegment {
            if segment.kind == .listItem || segment.kind == .sourcesSection {
                if openList?.kind != segment.kind || openList?.label != segment.label {
                    closeList(&out)
                    if segment.kind == .sourcesSection {
                        out.raw("<h3>")
                        out.text(segment.label ?? "Sources")
                        out.raw("</h3>\n")
                    } else if let label = segment.label,
                        index == 0 || segments[index - 1].kind != .heading
                            || document.text(in: TextRange(segments[index - 1].range)) != label
                    {
                        // A heading that says the same already introduces the list.
                        out.raw("<p class=\"list-label\">")
                        out.text(label)
                        out.raw("</p>\n")
                    }
                    out.raw(segment.kind == .sourcesSection ? "<ul class=\"listed-sources\">\n" : "<ul>\n")
                    openList = (segment.kind, segment.label)
                }
                out.raw("<li>")
                highlighter.write(segment: index, of: document.scalars, into: &out)
                out.raw("</li>\n")
                continue
            }
            closeList(&out)
            let (open, close): (String, String)
            switch segment.kind {
            case .heading:
                let level = min(6, max(3, (segment.level ?? 1) + 1))
                (open, close) = ("<h\(level)>", "</h\(level)>")
            case .lede: (open, close) = ("<p class=\"lede\">", "</p>")
            case .byline: (open, close) = ("<p class=\"byline\">", "</p>")
            case .dateline: (open, close) = ("<p class=\"dateline\">", "</p>")
            case .caption: (open, close) = ("<p class=\"caption\">", "</p>")
            case .title: (open, close) = ("<p class=\"lede\">", "</p>")
            case .blockQuote: (open, close) = ("<blockquote><p>", "</p></blockquote>")
            case .embeddedPost: (open, close) = ("<blockquote class=\"post\"><p>", "</p></blockquote>")
            case .paragraph: (open, close) = ("<p>", "</p>")
            default: (open, close) = ("<p class=\"block-\(HTMLPage.token(segment.kind.rawValue))\">", "</p>")
            }
            out.raw(open)
            highlighter.write(segment: index, of: document.scalars, into: &out)
            out.raw(close + "\n")
        }
        closeList(&out)
    }

    // MARK: The side panel

    private func panel(into out: inout HTMLBuffer) {
        out.raw("<aside class=\"panel\" aria-label=\"Evidence\">\n")
        claims(into: &out)
        findings(into: &out)
        quotes(into: &out)
        sources(into: &out)
        entities(into: &out)
        metrics(into: &out)
        out.raw("</aside>\n")
    }

    /// A link to where annotation `id` is highlighted in the text, around `text`; the text alone
    /// when it is not shown there.
    private func textLink(_ id: String, _ text: String, into out: inout HTMLBuffer) {
        if let h = highlightOf[id], highlighter.written.contains(h) {
            out.raw("<a href=\"#\(key)-t-\(HTMLPage.token(id))\">")
            out.text(text)
            out.raw("</a>")
        } else {
            out.text(text)
        }
    }

    private func sectionHead(_ name: String, _ title: String, into out: inout HTMLBuffer) {
        out.raw("<section aria-labelledby=\"\(key)-\(name)\">\n<h2 id=\"\(key)-\(name)\">")
        out.text(title)
        out.raw("</h2>\n")
    }

    private func claims(into out: inout HTMLBuffer) {
        let d = document
        let all = d.annotations.claims
        guard !all.isEmpty else { return }
        let sources = AnnotationIndex(d.annotations.sources)
        let ranked = all.rankedByCheckWorthiness()
        let shown = maxClaims == 0 ? ranked : Array(ranked.prefix(maxClaims))
        let unsourced = all.filter(\.isUnsourced).count
        sectionHead("claims", "Claims", into: &out)
        out.raw("<p class=\"summary\">")
        out.text("\(all.count) \(all.count == 1 ? "claim" : "claims"), \(unsourced) with nothing in the article behind them")
        out.text(shown.count < all.count ? "; the \(shown.count) most check-worthy are listed." : "; most check-worthy first.")
        out.raw("</p>\n<ol class=\"claims\">\n")
        for c in shown {
            let token = HTMLPage.token(c.id)
            out.raw("<li class=\"claim-row\(c.isUnsourced ? " unsourced" : "")\" id=\"\(key)-claim-\(token)\">\n<p class=\"claim-head\">")
            out.raw("<span class=\"score\" title=\"check-worthiness\">\(HTMLFigures.score(c.checkWorthiness))</span> <span class=\"kind\">")
            out.text(c.kind.rawValue)
            out.raw("</span>")
            if c.isUnsourced { out.raw(" <span class=\"badge\">unsourced</span>") }
            let vague = c.isUnsourced ? c.attribution : nil
            if vague != nil { out.raw(" <span class=\"badge vague\">vague attribution</span>") }
            out.raw(" <code>")
            out.text(c.id)
            out.raw("</code></p>\n<p class=\"claim-text\">")
            textLink(c.id, MarkdownExporter.clipped(d.text(in: c.range), 240), into: &out)
            out.raw("</p>\n<dl class=\"claim-facts\">\n<dt>Claimant</dt><dd>")
            switch c.claimantKind {
            case .speaker:
                if let e = d.annotations.resolve(c.claimant) {
                    out.text(e.name + (e.role.map { ", " + $0 } ?? ""))
                } else {
                    out.text("a speaker")
                }
            case .anonymous: out.text("an unnamed source")
            case .publication: out.text("the publication")
            default: out.text(c.claimantKind.rawValue)
            }
            out.raw("</dd>\n")
            if !c.reasons.isEmpty {
                out.raw("<dt>Why</dt><dd><ul class=\"reasons\">")
                for r in c.reasons {
                    out.raw(r.weight > 0 ? "<li class=\"up\">+ " : "<li class=\"down\">− ")
                    out.text(r.description)
                    out.raw("</li>")
                }
                out.raw("</ul></dd>\n")
            }
            out.raw("<dt>Sources</dt><dd>")
            if c.support.isEmpty {
                out.text(c.claimantKind == .speaker ? "the speaker's own words; no other source" : "none in the article")
            } else {
                out.raw("<ul>")
                for s in c.support {
                    out.raw("<li>")
                    if let source = sources[id: s.source.id] {
                        out.raw("<a href=\"#\(key)-src-\(HTMLPage.token(source.id))\">")
                        out.text(source.name)
                        out.raw("</a> (")
                        out.text(source.kind.rawValue)
                        if s.via != .unspecified { out.text(", via " + s.via.rawValue) }
                        out.raw(")")
                    } else {
                        out.text(s.source.id)
                    }
                    out.raw("</li>")
                }
                out.raw("</ul>")
            }
            out.raw("</dd>\n")
            if let vague {
                out.raw("<dt>Attribution</dt><dd>“")
                out.text(d.text(in: vague))
                out.raw("” does not say who</dd>\n")
            }
            out.raw("</dl>\n</li>\n")
        }
        out.raw("</ol>\n</section>\n")
    }

    private func findings(into out: inout HTMLBuffer) {
        let d = document
        guard !d.annotations.findings.isEmpty else { return }
        // Unsourced claims are marked in the claims list; here they are counted, not repeated.
        let unsourced = d.annotations.findings.filter { $0.kind == Self.unsourcedKind }.count
        let ordered = d.annotations.findings.enumerated().filter { $0.element.kind != Self.unsourcedKind }.sorted {
            $0.element.severity != $1.element.severity ? $0.element.severity > $1.element.severity : $0.offset < $1.offset
        }.map(\.element)
        sectionHead("findings", "Framing and findings", into: &out)
        out.raw("<ul class=\"findings\">\n")
        if unsourced > 0 {
            out.raw("<li class=\"sev-warning\"><span class=\"sev\">warning</span> ")
            out.text("\(unsourced) check-worthy \(unsourced == 1 ? "claim has" : "claims have") no source in the article ")
            out.raw("(marked <span class=\"badge\">unsourced</span> in the claims list) <code>")
            out.text(Self.unsourcedKind)
            out.raw("</code></li>\n")
        }
        for f in ordered {
            out.raw("<li class=\"sev-\(f.severity.rawValue)\"><span class=\"sev\">\(f.severity.rawValue)</span> ")
            out.text(f.message)
            if let range = f.range {
                out.raw(": “")
                textLink(f.id, MarkdownExporter.clipped(d.text(in: range), 160), into: &out)
                out.raw("”")
            }
            out.raw(" <code>")
            out.text(f.kind)
            out.raw("</code></li>\n")
        }
        out.raw("</ul>\n</section>\n")
    }

    private func quotes(into out: inout HTMLBuffer) {
        let d = document
        let speech = d.annotations.quotes.filter(\.isSpeech).sorted { $0.range < $1.range }
        guard !speech.isEmpty else { return }
        sectionHead("quotes", "Who said what", into: &out)
        out.raw("<ul class=\"quotes\">\n")
        for q in speech {
            out.raw("<li><strong>")
            if let e = d.annotations.resolve(q.speaker) {
                out.text(e.name)
            } else if let range = q.speakerRange {
                let vague = !q.isAnonymous && Finding.isVagueAttribution(range, in: d.annotations.findings)
                out.text((q.isAnonymous ? "unnamed source: " : vague ? "vague: " : "") + d.text(in: range))
            } else {
                out.text(q.isAnonymous ? "unnamed source" : "unattributed")
            }
            out.raw("</strong>")
            var notes: [String] = [q.kind.rawValue]
            if let cue = q.cue { notes.insert(cue, at: 0) }
            out.text(" (" + notes.joined(separator: ", ") + "): ")
            textLink(q.id, MarkdownExporter.clipped(d.text(in: q.range), 200), into: &out)
            out.raw("</li>\n")
        }
        out.raw("</ul>\n</section>\n")
    }

    private func sources(into out: inout HTMLBuffer) {
        let d = document
        let sources = d.annotations.sources
        guard !sources.isEmpty else { return }
        var backs: [String: [String]] = [:]
        for claim in d.annotations.claims { for id in claim.sourceIDs { backs[id, default: []].append(claim.id) } }
        sectionHead("sources", "Sources", into: &out)
        out.raw("<ul class=\"sources\">\n")
        for s in sources {
            out.raw("<li id=\"\(key)-src-\(HTMLPage.token(s.id))\">")
            HTMLPage.link(s.url, text: s.name, into: &out)
            out.raw(" <span class=\"kind\">")
            out.text(s.kind.rawValue)
            out.raw("</span>")
            let post = [s.platform, s.handle, s.date].compactMap { $0 }
            if !post.isEmpty { out.text(" " + post.joined(separator: " · ")) }
            if let claims = backs[s.id], !claims.isEmpty {
                out.raw(" · backs ")
                for (i, id) in claims.enumerated() {
                    if i > 0 { out.raw(", ") }
                    out.raw("<a href=\"#\(key)-claim-\(HTMLPage.token(id))\">")
                    out.text(id)
                    out.raw("</a>")
                }
            }
            out.raw("</li>\n")
        }
        out.raw("</ul>\n</section>\n")
    }

    private func entities(into out: inout HTMLBuffer) {
        let entities = document.annotations.entities
        guard !entities.isEmpty else { return }
        sectionHead("entities", "Names", into: &out)
        out.raw("<div class=\"table-wrap\"><table>\n<thead><tr><th scope=\"col\">Name</th><th scope=\"col\">Kind</th>")
        out.raw("<th scope=\"col\">Role</th><th scope=\"col\" class=\"num\">Mentions</th></tr></thead>\n<tbody>\n")
        for e in entities.sorted(by: { $0.range < $1.range }) {
            out.raw("<tr><td>")
            out.text(e.name)
            out.raw("</td><td>")
            out.text(e.kind.rawValue)
            out.raw("</td><td>")
            out.text(e.roles.map(\.phrase).joined(separator: "; "))
            out.raw("</td><td class=\"num\">\(e.mentions.count)</td></tr>\n")
        }
        out.raw("</tbody>\n</table></div>\n</section>\n")
    }

    private func metrics(into out: inout HTMLBuffer) {
        let metrics = document.annotations.metrics
        guard !metrics.isEmpty else { return }
        sectionHead("metrics", "Metrics", into: &out)
        out.raw("<details>\n<summary>All \(metrics.count) metrics</summary>\n<div class=\"table-wrap\"><table>\n")
        out.raw(
            "<thead><tr><th scope=\"col\">Metric</th><th scope=\"col\" class=\"num\">Value</th><th scope=\"col\">Unit</th></tr></thead>\n")
        out.raw("<tbody>\n")
        for m in metrics {
            out.raw("<tr><td>")
            out.text(m.name)
            out.raw("</td><td class=\"num\">")
            out.text(MarkdownExporter.number(m.value))
            out.raw("</td><td>")
            out.text(m.unit ?? "")
            out.raw("</td></tr>\n")
        }
        out.raw("</tbody>\n</table></div>\n</details>\n</section>\n")
    }
}
