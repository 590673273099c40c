import DossierCore

/// An article's key figures, shown at the top of its report and in the index of a batch.
///
/// Each is nil when the layer it counts is absent, so a report of a document that was only read
/// says "not analysed" rather than a misleading 0.
struct HTMLFigures {
    /// Words, from the `words` metric.
    var words: Int?
    /// Claims, and how many of them nothing in the article backs.
    var claims: Int?
    var unsourced: Int?
    /// The highest check-worthiness of any claim.
    var topScore: Double?
    /// Sources cited.
    var sources: Int?
    /// Quotes that are speech (not scare quotes or titles).
    var quotes: Int?
    /// Findings other than unsourced claims.
    var findings: Int?
    /// The headline's clickbait score, from the `framing.clickbait` metric.
    var clickbait: Double?

    /// The figures of `document`.
    init(_ document: Document) {
        let a = document.annotations
        let layers = a.nonEmptyLayers
        words = a.metrics.first { $0.name == "words" }.map { Int($0.value.rounded()) }
        if layers.contains(.claims) {
            claims = a.claims.count
            unsourced = a.claims.filter(\.isUnsourced).count
            topScore = a.claims.map(\.checkWorthiness).max()
        }
        if layers.contains(.sources) { sources = a.sources.count }
        if layers.contains(.quotes) { quotes = a.quotes.filter(\.isSpeech).count }
        // Unsourced claims are counted above; their findings would count them twice.
        if layers.contains(.findings) { findings = a.findings.filter { $0.kind != HTMLArticle.unsourcedKind }.count }
        clickbait = a.metrics.first { $0.name == "framing.clickbait" }?.value
    }

    /// The labels of `rows`, in order.
    static let labels = [
        "Words", "Claims", "Unsourced claims", "Top check-worthiness", "Sources", "Quotes", "Findings", "Headline clickbait",
    ]

    /// The figures as (label, value shown, value to sort by) rows, in the order of `labels`.
    var rows: [(label: String, shown: String?, sortKey: Double?)] {
        let values: [(String?, Double?)] = [
            (words.map(String.init), words.map(Double.init)),
            (claims.map(String.init), claims.map(Double.init)),
            (unsourced.map(String.init), unsourced.map(Double.init)),
            (topScore.map(Self.score), topScore),
            (sources.map(String.init), sources.map(Double.init)),
            (quotes.map(String.init), quotes.map(Double.init)),
            (findings.map(String.init), findings.map(Double.init)),
            (clickbait.map(Self.score), clickbait),
        ]
        return zip(Self.labels, values).map { ($0, $1.0, $1.1) }
    }

    /// A score with two decimals, the way every report and brief shows it.
    static func score(_ value: Double) -> String {
        guard value.isFinite else { return "\(value)" }
        let hundredths = Int((value * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = abs(hundredths)
        let fraction = magnitude % 100
        return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
