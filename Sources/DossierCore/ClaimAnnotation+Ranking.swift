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

    /// The first `limit` positions of `checkWorthinessOrder()`, found in one pass that holds only
    /// them: a brief that lists the 20 most check-worthy claims of an article of 100,000 needs no
    /// array of every score and every position (1.6 MB) to sort.
    public func checkWorthinessOrder(first limit: Int) -> [Int] {
        guard limit < count else { return checkWorthinessOrder() }
        guard limit > 0 else { return [] }
        // Most check-worthy first; a later claim enters only with a higher score than the last
        // held, and goes after every held one with its score, as the stable sort puts it.
        var top: [(score: Double, position: Int)] = []
        top.reserveCapacity(limit + 1)
        for i in indices {
            let score = self[i].checkWorthiness
            if top.count == limit && !(score > top[limit - 1].score) { continue }
            var j = top.count
            while j > 0 && top[j - 1].score < score { j -= 1 }
            top.insert((score, i), at: j)
            if top.count > limit { top.removeLast() }
        }
        return top.map(\.position)
    }
}
