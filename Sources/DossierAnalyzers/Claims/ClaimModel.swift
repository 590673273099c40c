import Foundation

/// The check-worthiness model: a logistic regression over the named features and hashed word and
/// character n-grams, fitted by `scripts/claims-train.py` on ClaimBuster's training split and
/// shipped as `Resources/claims/checkworthiness.txt`.
struct ClaimModel: Sendable {
    /// The number of hash buckets of the n-gram features (a power of two).
    var buckets: Int
    var bias: Double
    /// The default threshold: a claim scoring at least this is check-worthy.
    var threshold: Double
    /// One weight per `ClaimFeature`, by raw value.
    var named: [Double]
    /// One weight per bucket.
    var hashed: [Float]

    /// The shipped model, read once; `nil` when the file is missing or unreadable.
    static let shared: ClaimModel? = {
        guard let url = Bundle.module.url(forResource: "checkworthiness", withExtension: "txt", subdirectory: "Resources/claims"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return nil }
        return ClaimModel(text: text)
    }()

    /// Reads the model file: `buckets N`, `bias B`, `threshold T`, `feature NAME W` lines and
    /// `w BUCKET W` lines for the non-zero n-gram weights; `#` starts a comment.
    init?(text: String) {
        var buckets = 0
        var bias = 0.0
        var threshold = 0.5
        var named = [Double](repeating: 0, count: ClaimFeature.allCases.count)
        var pairs: [(Int, Float)] = []
        let names = Dictionary(uniqueKeysWithValues: ClaimFeature.allCases.map { ($0.name, $0.rawValue) })
        for line in text.split(whereSeparator: \.isNewline) {
            if line.hasPrefix("#") { continue }
            let f = line.split(separator: " ")
            guard f.count >= 2 else { continue }
            switch f[0] {
            case "buckets": buckets = Int(f[1]) ?? 0
            case "bias": bias = Double(f[1]) ?? 0
            case "threshold": threshold = Double(f[1]) ?? 0.5
            case "feature" where f.count == 3: if let i = names[String(f[1])] { named[i] = Double(f[2]) ?? 0 }
            case "w" where f.count == 3: if let b = Int(f[1]), let w = Float(f[2]) { pairs.append((b, w)) }
            default: continue
            }
        }
        guard buckets > 0, buckets & (buckets - 1) == 0 else { return nil }
        var hashed = [Float](repeating: 0, count: buckets)
        for (b, w) in pairs where b >= 0 && b < buckets { hashed[b] = w }
        self.buckets = buckets
        self.bias = bias
        self.threshold = threshold
        self.named = named
        self.hashed = hashed
    }

    /// The probability and the log-odds contribution of each named feature present.
    func score(_ vector: ClaimFeatureVector) -> (probability: Double, contributions: [(ClaimFeature, Double)]) {
        var z = bias
        var contributions: [(ClaimFeature, Double)] = []
        for feature in ClaimFeature.allCases where vector.named[feature.rawValue] != 0 {
            let c = named[feature.rawValue] * Double(vector.named[feature.rawValue])
            z += c
            contributions.append((feature, c))
        }
        let mask = buckets - 1
        var sum: Float = 0
        // In the vector's order, as before: the sum of floats depends on it.
        hashed.withUnsafeBufferPointer { weights in
            vector.buckets.withUnsafeBufferPointer { buckets in
                for b in buckets { sum += weights[Int(b) & mask] }
            }
        }
        z += Double(sum * vector.bucketValue)
        return (1 / (1 + exp(-z)), contributions)
    }
}
