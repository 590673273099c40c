/// The shipped model and word lists of the `claims` analyzer, read once per process.
struct ClaimVocabulary: Sendable {
    /// The number of n-gram hash buckets the model is fitted with.
    static let buckets = 1 << 16

    let model: ClaimModel
    let extractor: ClaimFeatureExtractor

    /// The shipped model and lists; `nil` when any is missing.
    static let shared: ClaimVocabulary? = {
        guard let model = ClaimModel.shared, let extractor = trainingExtractor else { return nil }
        return ClaimVocabulary(model: model, extractor: extractor)
    }()

    /// The feature extractor alone, which needs the word lists but not the model (for fitting one).
    static let trainingExtractor: ClaimFeatureExtractor? = {
        guard let cues = Lexicon.resource("cues", folder: "claims"), let hedges = Lexicon.resource("hedges", folder: "lexicons") else {
            return nil
        }
        return ClaimFeatureExtractor(cues: cues, hedges: hedges, buckets: buckets)
    }()
}
