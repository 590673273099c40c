/// What sort of statement a claim is: an open set of lowercase names.
///
/// The kind says how a claim would be checked: a quantity against data, a comparison against two
/// figures, a causal claim against evidence of the mechanism, a prediction only later. Analyzers
/// may add kinds of their own.
public struct ClaimKind: OpenName {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// A number, amount, share or statistic ("unemployment fell to 4.1 percent").
    public static let quantity: ClaimKind = "quantity"
    /// A comparison or a ranking ("the largest since 1990", "more than last year").
    public static let comparison: ClaimKind = "comparison"
    /// One thing said to cause or lead to another.
    public static let causation: ClaimKind = "causation"
    /// A statement about what will happen.
    public static let prediction: ClaimKind = "prediction"
    /// What a law, rule, treaty or policy says or requires.
    public static let rule: ClaimKind = "rule"
    /// Words attributed to someone, checkable as "did they say it" and as what they assert.
    public static let quotation: ClaimKind = "quotation"
    /// A statement of fact with none of the marks above.
    public static let fact: ClaimKind = "fact"
    /// A judgement or belief rather than a fact ("I think", "should", evaluative words).
    public static let opinion: ClaimKind = "opinion"
    /// The built-in kinds, in a stable order.
    public static let builtIn: [ClaimKind] = [.quantity, .comparison, .causation, .prediction, .rule, .quotation, .fact, .opinion]
}
