import DossierCore
import Foundation
import Mustache

/// The values a template sees for one document: plain dictionaries, lists, strings, numbers and
/// booleans built from the document, documented in `Docs/Templates.md`.
///
/// It is a view made for templates, not the raw JSON: references are followed (a claim's
/// `claimant` is the entity's name, its `sources` the sources themselves), every range's text is
/// filled in, numbers come formatted as well as raw, and each list has a `has…` flag, so that a
/// template needs no logic beyond sections. A missing value is present as `Missing`, which
/// renders as nothing and is false in a section, so `{{#url}}…{{/url}}` shows only when there is
/// one, and a name never falls through to an outer value of the same name (a finding without a
/// range must not show the article's `text`).
enum TemplateContext {
    static func make(_ document: Document, pipeline: String, exporter: String) -> [String: Any] {
        let a = document.annotations
        let m = document.metadata
        func text(_ range: TextRange?) -> String? { range.map { document.text(in: $0) } }
        let entities = AnnotationIndex(a.entities)
        let quotes = AnnotationIndex(a.quotes)
        let sourcesByID = AnnotationIndex(a.sources)

        func entity(_ e: Entity) -> [String: Any] {
            compact([
                "id": e.id, "kind": e.kind.rawValue, "name": e.name, "role": e.role, "mentions": e.mentions.count,
                "mentionTexts": e.mentions.map { document.text(in: $0.range) },
            ])
        }
        var citedBy: [String: [String]] = [:]
        for claim in a.claims {
            for id in Set(claim.support.map(\.source.id)) { citedBy[id, default: []].append(claim.id) }
        }
        func source(_ s: SourceAnnotation, via: String? = nil) -> [String: Any] {
            compact([
                "id": s.id, "name": s.name, "kind": s.kind.rawValue, "url": s.url, "text": text(s.range), "platform": s.platform,
                "handle": s.handle, "date": s.date, "entity": entities.resolve(s.entity)?.name, "via": via,
                "citedBy": citedBy[s.id]?.count ?? 0, "citedByClaims": citedBy[s.id] ?? [],
            ])
        }
        let claims: [[String: Any]] = a.claims.map { c in
            let sources = c.support.compactMap { support in sourcesByID[id: support.source.id].map { source($0, via: support.via.rawValue) }
            }
            let quote = quotes.resolve(c.quote)
            return compact([
                "id": c.id, "text": document.text(in: c.range), "start": c.range.start, "end": c.range.end, "kind": c.kind.rawValue,
                "score": c.checkWorthiness, "scoreText": String(format: "%.2f", c.checkWorthiness),
                "scorePercent": Int((c.checkWorthiness * 100).rounded()), "claimantKind": c.claimantKind.rawValue,
                "claimant": entities.resolve(c.claimant).map(entity),
                "quote": quote.map { compact(["id": $0.id, "text": document.text(in: $0.range), "kind": $0.kind.rawValue]) },
                "reasons": c.reasons.map {
                    ["feature": $0.feature, "description": $0.description, "weight": number($0.weight, decimals: 2)]
                },
                "hasReasons": !c.reasons.isEmpty, "sources": sources, "hasSources": !sources.isEmpty, "unsourced": sources.isEmpty,
                "hedges": c.hedges.map { document.text(in: $0) }, "boosters": c.boosters.map { document.text(in: $0) },
                "attribution": text(c.attribution),
            ])
        }
        let quoteList: [[String: Any]] = a.quotes.map { q in
            compact([
                "id": q.id, "text": document.text(in: q.range), "kind": q.kind.rawValue, "isSpeech": q.isSpeech,
                "speaker": entities.resolve(q.speaker).map(entity), "speakerText": text(q.speakerRange),
                "anonymous": q.isAnonymous, "cue": q.cue,
            ])
        }
        let findings: [[String: Any]] = a.findings.map { f in
            compact([
                "id": f.id, "kind": f.kind, "severity": f.severity.rawValue, "message": f.message, "cue": f.cue, "text": text(f.range),
                "isWarning": f.severity == .warning,
            ])
        }
        let metrics: [[String: Any]] = a.metrics.map { metric in
            compact(["name": metric.name, "value": number(metric.value, decimals: 2), "rawValue": metric.value, "unit": metric.unit])
        }
        var metric: [String: Any] = [:]
        for item in a.metrics { metric[key(item.name)] = number(item.value, decimals: 2) }
        let people = a.entities.filter { $0.kind == .person }.map(entity)
        let organizations = a.entities.filter { $0.kind == .organization }.map(entity)
        let places = a.entities.filter { $0.kind == .location }.map(entity)
        let unsourced = claims.filter { $0["unsourced"] as? Bool == true }

        return compact([
            "id": document.id, "title": m.title ?? document.blocks(of: .title).first.map { document.text(in: $0.range) },
            "text": document.text, "length": document.length, "origin": document.origin,
            "metadata": compact([
                "title": m.title, "authors": m.authors, "authorList": m.authors.isEmpty ? nil : m.authors.joined(separator: ", "),
                "publisher": m.publisher, "published": m.published, "modified": m.modified, "url": m.url, "language": m.language,
            ]),
            "paragraphs": document.blocks.filter { $0.kind == .paragraph || $0.kind == .lede }.map { document.text(in: $0.range) },
            "sentenceCount": a.sentences.count,
            "claims": claims, "hasClaims": !claims.isEmpty, "claimCount": claims.count,
            "unsourcedClaims": unsourced, "unsourcedClaimCount": unsourced.count,
            "sources": a.sources.map { source($0) }, "hasSources": !a.sources.isEmpty,
            "quotes": quoteList, "hasQuotes": !quoteList.isEmpty,
            "entities": a.entities.map(entity), "hasEntities": !a.entities.isEmpty,
            "people": people, "organizations": organizations, "places": places,
            "findings": findings, "hasFindings": !findings.isEmpty,
            "metrics": metrics, "hasMetrics": !metrics.isEmpty, "metric": metric,
            "dates": a.dates.map { compact(["text": document.text(in: $0.range), "value": $0.value]) }, "hasDates": !a.dates.isEmpty,
            "pipeline": pipeline, "exporter": exporter,
        ])
    }

    /// A dictionary whose nil values are `Missing`, so that `{{#key}}` is false for them and the
    /// lookup stops there.
    private static func compact(_ values: [String: Any?]) -> [String: Any] {
        values.mapValues { $0 ?? Missing() }
    }

    /// A value the document does not have: renders as nothing, false in a section.
    struct Missing: MustacheCustomRenderable {
        var renderText: String { "" }
        var isNull: Bool { true }
    }

    /// `142` for a whole number, else at most `decimals` decimals without trailing zeros.
    static func number(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        var text = String(format: "%.\(decimals)f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// A metric name as a Mustache key: `readability.flesch` is `readability_flesch`, since a dot
    /// in a tag walks into a value.
    static func key(_ name: String) -> String {
        String(name.map { $0 == "." || $0 == "-" ? "_" : $0 })
    }
}
