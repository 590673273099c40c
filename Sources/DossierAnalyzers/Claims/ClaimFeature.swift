/// The named features of the check-worthiness model: each is one weight in the model file and,
/// when present in a sentence, one possible reason in a claim's `reasons`.
enum ClaimFeature: Int, CaseIterable, Sendable {
    case number, percent, money, numberWord, comparison, causation, prediction, rule, opinion, firstPerson, secondPerson
    case question, entity, person, date, speech, officialSpeaker, attribution, hedge, booster, short, long

    /// The stable name used in the model file and in `reasons`.
    var name: String {
        switch self {
        case .number: "number"
        case .percent: "percent"
        case .money: "money"
        case .numberWord: "number-word"
        case .comparison: "comparison"
        case .causation: "causation"
        case .prediction: "prediction"
        case .rule: "rule"
        case .opinion: "opinion-words"
        case .firstPerson: "first-person"
        case .secondPerson: "second-person"
        case .question: "question"
        case .entity: "names-entity"
        case .person: "names-person"
        case .date: "date"
        case .speech: "speech"
        case .officialSpeaker: "official-speaker"
        case .attribution: "attribution"
        case .hedge: "hedge"
        case .booster: "booster"
        case .short: "short"
        case .long: "long"
        }
    }

    /// The feature of a name in the model file, if any.
    static func named(_ name: String) -> ClaimFeature? { allCases.first { $0.name == name } }

    /// What the feature means, for a reader of `reasons`.
    var description: String {
        switch self {
        case .number: "names a number"
        case .percent: "gives a percentage or share"
        case .money: "names money, a cost or a budget"
        case .numberWord: "counts in words"
        case .comparison: "compares, ranks or reports a change"
        case .causation: "says one thing caused another"
        case .prediction: "predicts"
        case .rule: "refers to a law, rule or agreement"
        case .opinion: "uses opinion or value words"
        case .firstPerson: "speaks in the first person"
        case .secondPerson: "addresses the reader"
        case .question: "is a question"
        case .entity: "names an organisation, place or group"
        case .person: "names a person"
        case .date: "names a date"
        case .speech: "is someone's quoted or reported words"
        case .officialSpeaker: "attributed to an official"
        case .attribution: "says where it comes from"
        case .hedge: "hedged"
        case .booster: "asserted emphatically"
        case .short: "very short"
        case .long: "long"
        }
    }
}
