extension Array where Element == ClaimAnnotation {
    /// The claims most check-worthy first, ties in the order given (the layer's order), so that
    /// every output that ranks claims ranks them alike and stably.
    public func rankedByCheckWorthiness() -> [ClaimAnnotation] { checkWorthinessOrder().map { self[$0] } }

    /// The positions of the claims in the order of `rankedByCheckWorthiness()`, for code that reads
    /// the ranked claims field by field: a claim taken whole is a copy of a dozen counted
    /// references. The scores are read out once and their positions sorted.
    public func checkWorthinessOrder() -> [Int] {
        let scores = map(\.checkWorthiness)
        return scores.indices.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
    }
}
