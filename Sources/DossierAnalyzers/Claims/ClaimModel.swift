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

    /// The shipped model, read once; `nil` when the file is missing, unreadable or fitted on
    /// another extractor's features.
    static let shared: ClaimModel? = {
        guard let url = Bundle.module.url(forResource: "checkworthiness", withExtension: "txt", subdirectory: "Resources/claims"),
            let data = try? Data(contentsOf: url)
        else { return nil }
        return data.withUnsafeBytes { ClaimModel(bytes: $0.bindMemory(to: UInt8.self)) }
    }()

    /// Reads the model file: `extractor V`, `buckets N`, `bias B`, `threshold T`, `feature NAME W`
    /// lines and `w BUCKET W` lines for the non-zero n-gram weights; `#` starts a comment. `nil`
    /// unless `extractor` is `ClaimFeatureExtractor.version`: weights fitted on other features
    /// would score without complaint, and wrongly.
    init?(text: String) {
        var text = text
        guard let model = text.withUTF8({ ClaimModel(bytes: $0) }) else { return nil }
        self = model
    }

    /// Reads the model file from its UTF-8 bytes, as `init(text:)` does.
    ///
    /// Parsed in place, without a string per line or field: splitting the 65,536 weight lines into
    /// substrings took 2.5% of the default pipeline's samples in a bench of 14 MB.
    init?(bytes: UnsafeBufferPointer<UInt8>) {
        var version = -1
        var buckets = 0
        var bias = 0.0
        var threshold = 0.5
        var named = [Double](repeating: 0, count: ClaimFeature.allCases.count)
        var pairs: [(Int, Float)] = []
        pairs.reserveCapacity(1 << 16)
        var reader = ClaimModelReader(bytes: bytes)
        while let keyword = reader.nextLine() {
            switch keyword {
            case .extractor: version = reader.integer() ?? -1
            case .buckets: buckets = reader.integer() ?? 0
            case .bias: bias = reader.decimal() ?? 0
            case .threshold: threshold = reader.decimal() ?? 0.5
            case .feature:
                let name = reader.word()
                if let feature = ClaimFeature.named(name), let w = reader.decimal() { named[feature.rawValue] = w }
            case .weight:
                if let b = reader.integer(), let w = reader.decimal() { pairs.append((b, Float(w))) }
            case .other: continue
            }
        }
        guard version == ClaimFeatureExtractor.version, buckets > 0, buckets & (buckets - 1) == 0 else { return nil }
        var hashed = [Float](repeating: 0, count: buckets)
        for (b, w) in pairs where b >= 0 && b < buckets { hashed[b] = w }
        self.buckets = buckets
        self.bias = bias
        self.threshold = threshold
        self.named = named
        self.hashed = hashed
    }

    /// The probability that the sentence of `vector` is check-worthy.
    ///
    /// Without the named features' contributions, which only a claim needs (`contributions`): most
    /// sentences score below the threshold, and an array of them per sentence was a third of this.
    func score(_ vector: ClaimFeatureVector) -> Double {
        var z = bias
        for feature in ClaimFeature.allCases where vector.named[feature.rawValue] != 0 {
            z += named[feature.rawValue] * Double(vector.named[feature.rawValue])
        }
        let mask = buckets - 1
        // Four running sums, so that each addition does not wait on the one before (one sum was a
        // chain of a load and an add per bucket); the result depends on the vector's order, which
        // the extractor fixes, and not on anything else.
        var sums: (Float, Float, Float, Float) = (0, 0, 0, 0)
        hashed.withUnsafeBufferPointer { weights in
            vector.buckets.withUnsafeBufferPointer { buckets in
                var k = 0
                while k + 4 <= buckets.count {
                    sums.0 += weights[Int(buckets[k]) & mask]
                    sums.1 += weights[Int(buckets[k + 1]) & mask]
                    sums.2 += weights[Int(buckets[k + 2]) & mask]
                    sums.3 += weights[Int(buckets[k + 3]) & mask]
                    k += 4
                }
                while k < buckets.count {
                    sums.0 += weights[Int(buckets[k]) & mask]
                    k += 1
                }
            }
        }
        z += Double(((sums.0 + sums.1) + (sums.2 + sums.3)) * vector.bucketValue)
        return 1 / (1 + exp(-z))
    }

    /// The log-odds contribution of each named feature present, in `ClaimFeature` order.
    func contributions(_ vector: ClaimFeatureVector) -> [(ClaimFeature, Double)] {
        ClaimFeature.allCases.filter { vector.named[$0.rawValue] != 0 }.map { ($0, named[$0.rawValue] * Double(vector.named[$0.rawValue])) }
    }
}
