/// The features of one sentence for the check-worthiness model: named feature values and the
/// distinct hash buckets of its word and character n-grams, each worth `bucketValue` (the
/// n-gram part is binary and L2-normalised, as the model was fitted).
struct ClaimFeatureVector: Sendable {
    /// One value per `ClaimFeature`, by raw value.
    var named = [Float](repeating: 0, count: ClaimFeature.allCases.count)
    /// Distinct buckets, in the order the sentence first used them.
    var buckets: [UInt32] = []
    /// The value of every bucket present: one over the square root of their number.
    var bucketValue: Float = 0

    /// Whether a named feature is present.
    func has(_ feature: ClaimFeature) -> Bool { named[feature.rawValue] != 0 }

    /// Sets a named feature.
    mutating func set(_ feature: ClaimFeature, _ on: Bool = true) { if on { named[feature.rawValue] = 1 } }

    /// The vector as one line of SVMlight features (`index:value`, named features first, then
    /// buckets offset by their number), for `scripts/claims-train.py`.
    var svmlight: String {
        var parts: [String] = []
        for (i, v) in named.enumerated() where v != 0 { parts.append("\(i):\(v)") }
        let offset = named.count
        let value = String(bucketValue)
        for b in buckets.sorted() { parts.append("\(offset + Int(b)):\(value)") }
        return parts.joined(separator: " ")
    }
}
