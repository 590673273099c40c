/// The lists a framing lexicon entry belongs to, one bit a list, so that a word in two lists
/// ("literally" is an intensifier and a clickbait hook) carries both.
struct FramingCategory: OptionSet, Sendable, Hashable {
    let rawValue: UInt16

    /// Hype and drama: "shocking", "stunning reversal", "bold".
    static let sensational = FramingCategory(rawValue: 1 << 0)
    /// Verbs that judge what they report: "slams", "admitted".
    static let loadedVerb = FramingCategory(rawValue: 1 << 1)
    /// Labels that take a side: "regime", "so-called".
    static let loadedLabel = FramingCategory(rawValue: 1 << 2)
    /// Force without information: "extremely", "utterly".
    static let intensifier = FramingCategory(rawValue: 1 << 3)
    /// Softening and distance: "could", "reportedly".
    static let hedge = FramingCategory(rawValue: 1 << 4)
    /// Certainty: "clearly", "undeniably".
    static let booster = FramingCategory(rawValue: 1 << 5)
    /// The writer's evaluation: "should", "disgraceful".
    static let opinion = FramingCategory(rawValue: 1 << 6)
    /// Headline pattern: addressing the reader.
    static let secondPerson = FramingCategory(rawValue: 1 << 7)
    /// Headline pattern: pointing at withheld content ("this", "here's why").
    static let forwardReference = FramingCategory(rawValue: 1 << 8)
    /// Headline pattern: "best", "of all time".
    static let superlative = FramingCategory(rawValue: 1 << 9)
    /// Headline pattern: a promised feeling ("will make you cry").
    static let hook = FramingCategory(rawValue: 1 << 10)
    /// The noun after a listicle's number ("things", "reasons").
    static let listicleNoun = FramingCategory(rawValue: 1 << 11)
    /// Function words, left out of a headline's content words.
    static let functionWord = FramingCategory(rawValue: 1 << 12)
    /// Never reported: an exception that wins over the other lists.
    static let ignored = FramingCategory(rawValue: 1 << 13)

    /// The categories that raise a finding wherever they occur, most specific first.
    static let reported: [(FramingCategory, kind: String, label: String)] = [
        (.loadedVerb, "framing.loaded-verb", "loaded verb"),
        (.sensational, "framing.sensational", "sensational language"),
        (.loadedLabel, "framing.loaded-label", "loaded label"),
        (.intensifier, "framing.intensifier", "intensifier"),
    ]

    /// The categories that raise a finding in the headline only.
    static let headlinePatterns: [(FramingCategory, kind: String, label: String)] = [
        (.secondPerson, "framing.clickbait.second-person", "addresses the reader"),
        (.forwardReference, "framing.clickbait.forward-reference", "points at what it withholds"),
        (.superlative, "framing.clickbait.superlative", "superlative"),
        (.hook, "framing.clickbait.emotional-hook", "emotional hook"),
    ]

    /// Every category that raises a finding.
    static let anyReported: FramingCategory = [.loadedVerb, .sensational, .loadedLabel, .intensifier]
}
