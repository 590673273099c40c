extension Array where Element == ClaimAnnotation {
    /// The claims most check-worthy first, ties in the order given (the layer's order), so that
    /// every output that ranks claims ranks them alike and stably. Positions are sorted, not whole
    /// claims.
    public func rankedByCheckWorthiness() -> [ClaimAnnotation] {
        indices.sorted {
            self[$0].checkWorthiness != self[$1].checkWorthiness ? self[$0].checkWorthiness > self[$1].checkWorthiness : $0 < $1
        }
        .map { self[$0] }
    }
}
