import DossierCore

extension MarkdownBrief {
    /// The claims table, most check-worthy first, with who makes each claim and what backs it.
    mutating func claimsSection() {
        let all = claims
        guard !all.isEmpty else { return }
        // Positions, not the claims themselves: a claim taken whole is a dozen counted references.
        let shown = options.maxClaims == 0 ? all.checkWorthinessOrder() : all.checkWorthinessOrder(first: options.maxClaims)
        let unsourced = all.indices.count { ClaimAnnotation.isUnsourced(support: all[$0].support, claimantKind: all[$0].claimantKind) }
        out.raw("\n\n## Check-worthy claims\n\n")
        out.number(all.count)
        out.raw(all.count == 1 ? " claim, " : " claims, ")
        out.number(unsourced)
        out.raw(" with nothing in the article behind them")
        if shown.count < all.count {
            out.raw("; the ")
            out.number(shown.count)
            out.raw(" most check-worthy are listed")
        }
        out.raw(".\n\n")
        tableHead("Id", "Score", "Claim", "Kind", "Claimant", "Why", "Sources")
        for i in shown { claimRow(i) }
    }

    /// One row of the claims table: the claim at `i`, read field by field (taken whole, a claim is a
    /// copy of a dozen counted references; a tenth of the claims table's time).
    private mutating func claimRow(_ i: Int) {
        out.raw("\n| ")
        out.text(claims[i].id)
        out.raw(" | ")
        out.raw(ClaimAnnotation.scoreText(claims[i].checkWorthiness))
        out.raw(" | ")
        clippedText(claims[i].range, 180)
        out.raw(" | ")
        out.raw(claims[i].kind.rawValue)
        out.raw(" | ")
        switch claims[i].claimantKind {
        case .speaker:
            // The entity's name, or the speaker as the article words it ("the council").
            if let name = entity(claims[i].claimant)?.name {
                out.text(name)
            } else if let wording = quote(claims[i].quote)?.speakerRange {
                text(wording)
            } else {
                out.raw("a speaker")
            }
        case .anonymous: out.raw("unnamed source")
        default: out.raw("the publication")
        }
        out.raw(" | ")
        var why = Separated("; ")
        for reason in claims[i].reasons.prefix(3) {
            why.next(&out)
            out.raw(reason.weight > 0 ? "+ " : "− ")
            out.text(reason.description)
        }
        out.raw(" | ")
        if ClaimAnnotation.isUnsourced(support: claims[i].support, claimantKind: claims[i].claimantKind) {
            out.raw("**unsourced**")
            if let attribution = claims[i].attribution, claims[i].support.isEmpty {
                out.raw(" — \"")
                text(attribution)
                out.raw("\"")
            }
        } else {
            var backing = Separated("; ")
            for s in claims[i].support {
                backing.next(&out)
                // A claim has a source or two and the article a handful: a walk beats an index.
                let id = s.source.id
                let name = sources.first { $0.id == id }.map { "\($0.name) (\($0.kind.rawValue))" } ?? id
                out.text(MarkdownExporter.clipped(name, 60))
                if s.via != .unspecified {
                    out.raw(" via ")
                    out.raw(s.via.rawValue)
                }
            }
        }
        out.raw(" |")
    }

    /// What rests on nothing (sourcing findings), then how the piece is framed: a checker reads
    /// them for different things.
    mutating func findingsSection() {
        let all = findings
        let figures = framingFigures
        let summary = figures.contains { $0 != nil }
        guard !all.isEmpty || summary else { return }
        out.raw("\n\n")
        // Most severe first, each severity in document order: positions, one walk per severity,
        // rather than a sort that moved whole findings.
        var sourcing: [Int] = []
        var framing: [Int] = []
        var unsourced = 0
        for severity in Finding.Severity.allCases.sorted(by: >) {
            for i in all.indices where all[i].severity == severity {
                // What rests on nothing apart from how the piece is framed: a checker reads them for different things.
                let kind = all[i].kind
                if kind.hasPrefix("claims.") || kind.hasPrefix("sources.") {
                    // Unsourced claims are marked in the claims table; here they are counted, not repeated.
                    if kind == "claims.unsourced" { unsourced += 1 } else { sourcing.append(i) }
                } else {
                    framing.append(i)
                }
            }
        }
        var lines = Separated("\n")
        if unsourced > 0 {
            lines.next(&out, opening: "## Unsourced and vaguely attributed\n\n")
            out.raw("- ")
            out.number(unsourced)
            out.raw(unsourced == 1 ? " check-worthy claim has" : " check-worthy claims have")
            out.raw(" no source in the article (marked **unsourced** above)")
        }
        let sourcingCut = cutPerKind(sourcing)
        for i in sourcingCut.shown {
            lines.next(&out, opening: "## Unsourced and vaguely attributed\n\n")
            line(i)
        }
        moreFindings(sourcingCut.unshown)
        guard !framing.isEmpty || summary else { return }
        if lines.started { out.raw("\n\n") }
        out.raw("## Framing\n\n")
        if summary { framingSummary(figures) }
        var framingLines = Separated("\n")
        let framingCut = cutPerKind(framing)
        for i in framingCut.shown {
            framingLines.next(&out, opening: summary ? "\n\n" : "")
            line(i)
        }
        moreFindings(framingCut.unshown)
    }

    /// The findings of `positions` the brief lists, the first `findingsShownPerKind` of each kind,
    /// and how many of each kind it leaves out, in the order the kinds first appear. Seventy
    /// "exclamation mark" lines tell a reader no more than ten and a count.
    private func cutPerKind(_ positions: [Int]) -> (shown: [Int], unshown: [(kind: String, count: Int)]) {
        var seen: [String: Int] = [:]
        var unshown: [(kind: String, count: Int)] = []
        var shown: [Int] = []
        for i in positions {
            let kind = findings[i].kind
            let n = seen[kind, default: 0]
            seen[kind] = n + 1
            if n < Self.findingsShownPerKind {
                shown.append(i)
            } else if n == Self.findingsShownPerKind {
                unshown.append((kind, 1))
            } else if let k = unshown.firstIndex(where: { $0.kind == kind }) {
                unshown[k].count += 1
            }
        }
        return (shown, unshown)
    }

    /// One `- … and N more findings of kind K` line for each kind the brief cut.
    private mutating func moreFindings(_ unshown: [(kind: String, count: Int)]) {
        for (kind, more) in unshown {
            out.raw("\n- … and ")
            out.number(more)
            out.raw(more == 1 ? " more finding of kind " : " more findings of kind ")
            out.text(kind)
        }
    }

    /// One finding as a list item: severity, message, the text it is about (clipped), its kind; read field by field, as a finding passed whole is a copy.
    private mutating func line(_ i: Int) {
        out.raw("- **")
        out.raw(findings[i].severity.rawValue)
        out.raw("** ")
        out.text(findings[i].message)
        if let range = findings[i].range {
            out.raw(": ")
            quoted(range, clippedTo: 160)
        }
        out.raw(" (")
        out.text(findings[i].kind)
        out.raw(")")
    }

    /// The framing analyzer's figures: the headline's clickbait score, then the densities of
    /// hedges, boosters, opinion words and loaded words; the first metric of each name.
    private var framingFigures: [Double?] {
        var values: [Double?] = [nil, nil, nil, nil, nil]
        func keep(_ place: Int, _ value: Double) { if values[place] == nil { values[place] = value } }
        // Bytes, not characters: `hasPrefix` compares strings by grapheme, a tenth of this section.
        for metric in metrics where metric.name.utf8.starts(with: "framing.".utf8) {
            switch metric.name {
            case "framing.clickbait": keep(0, metric.value)
            case "framing.hedges": keep(1, metric.value)
            case "framing.boosters": keep(2, metric.value)
            case "framing.opinion": keep(3, metric.value)
            case "framing.loaded": keep(4, metric.value)
            default: break
            }
        }
        return values
    }

    /// Writes one line of the framing analyzer's `figures` (`framingFigures`), a sentence.
    private mutating func framingSummary(_ figures: [Double?]) {
        if let score = figures[0] {
            out.raw("Headline clickbait score ")
            out.raw(MarkdownExporter.number(score))
        }
        let labels: [StaticString] = ["hedges", "boosters", "opinion words", "loaded words"]
        var densities = Separated(", ")
        for (label, value) in zip(labels, figures[1...]) {
            guard let value else { continue }
            let number = MarkdownExporter.number(value)
            if densities.started || figures[0] != nil {
                densities.next(&out, opening: "; ")
                out.raw(number)
            } else {
                // The line opens with this number: its first letter (of `nan` or `inf`) capitalised.
                densities.next(&out)
                out.raw(number.prefix(1).uppercased() + number.dropFirst())
            }
            out.raw(" ")
            out.raw(label)
        }
        if densities.started { out.raw(" per 1,000 words") }
        out.raw(".")
    }
}
