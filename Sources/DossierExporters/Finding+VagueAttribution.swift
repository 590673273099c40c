import DossierCore

extension Finding {
    /// Whether `range` (a quotation's speaker, `Few` in `Few argue …`) overlaps a vague attribution
    /// the `sources` analyzer found: the briefs mark such a speaker as vague, not as a name.
    static func isVagueAttribution(_ range: TextRange, in findings: [Finding]) -> Bool {
        findings.contains { $0.kind == "sources.vague-attribution" && ($0.range?.overlaps(range) ?? false) }
    }
}
