/// A statement in the article that could be checked against evidence.
///
/// Exporters and later analyzers rely on this protocol rather than on a concrete type, so a custom
/// analyzer may attach richer claim values. Requirements added after the first release have
/// default implementations, so a conformer written against an earlier version still compiles.
public protocol Claim: Sendable {
    /// A stable identifier within the document, such as `c3`.
    var id: String { get }
    /// Where the claim's text lies.
    var range: TextRange { get }
    /// How worth checking the claim is, from 0 (not at all) to 1.
    var checkWorthiness: Double { get }
    /// The ids of the sources in the document that back the claim; empty when it is unsourced.
    var sourceIDs: [String] { get }
    /// What sort of statement it is; `fact` unless the conformer says otherwise.
    var kind: ClaimKind { get }
    /// The id of the entity that makes the claim, when the article names one; `nil` for the
    /// publication's own statements and unnamed sources.
    var claimantID: String? { get }
}

extension Claim {
    public var kind: ClaimKind { .fact }
    public var claimantID: String? { nil }
}
