/// The hashes of the function words the entity recognizer tests for, computed once per process.
struct FunctionWords: Sendable {
    static let shared = FunctionWords()

    let the = WordHash.word("the")
    let a = WordHash.word("a")
    let an = WordHash.word("an")
    let and = WordHash.word("and")
    let of = WordHash.word("of")
    let `for` = WordHash.word("for")
    let whose = WordHash.word("whose")
    let on = WordHash.word("on")
    /// Place heads that are also surnames: after a given name they end a person's name (`Lauren
    /// Hill`, `Kieran Vale`), where `County`, `Street` or `River` do not (`Bartholomew County`).
    let surnamePlaceHeads: HashSet64 = HashSet64(
        ["hill", "hills", "vale", "fen", "downs", "moor", "moors", "ridge", "hollow", "cove", "park", "meadows"].map(WordHash.word))
    /// Place heads that also end the names of football clubs (`Ipswich Town`, `Port Vale`; not
    /// `County`, which names far more counties than clubs), and the words that make a sentence
    /// one about a match, where such a name is the club's (none that is common outside sport:
    /// `penalty`, `draw`, `match`, `fans`, `promotion`).
    let clubPlaceHeads: HashSet64 = HashSet64(["town", "vale"].map(WordHash.word))
    let sportsWords: HashSet64 = HashSet64(
        [
            "beat", "beaten", "drew", "defeated", "goal", "goals", "scored", "scorer", "striker", "midfielder", "defender",
            "goalkeeper", "league", "fixture", "kick-off", "equaliser", "equalizer", "relegation", "stoppage-time", "half-time",
            "derby", "play-off", "play-offs", "semi-final", "quarter-final", "squad",
        ].map(WordHash.word))
    let saint = WordHash.word("st")
    /// `the force`: a police force, whose name holds one of `policeHeads`.
    let force = WordHash.word("force")
    let policeHeads: HashSet64 = HashSet64(["police", "constabulary"].map(WordHash.word))
    /// Kinds of place that `of` and a name follow: `the village of Pell Crossing`.
    let settlements: HashSet64 = HashSet64(
        [
            "village", "town", "city", "county", "province", "state", "region", "district", "island", "township", "borough", "parish",
            "municipality", "hamlet", "suburb", "port",
        ].map(WordHash.word))
    /// Months that are also given names: `June Hargis` after `Hargis` names a person.
    let givenMonths: HashSet64 = HashSet64(["april", "may", "june"].map(WordHash.word))
    let at = WordHash.word("at")
    let to = WordHash.word("to")
    /// Kinds of storm whose names follow them: `Hurricane Sandy` is an event, not a person.
    let stormKinds: HashSet64 = HashSet64(["hurricane", "typhoon", "cyclone"].map(WordHash.word))
    /// Positions in American football that stand in capitals before a name, with no period.
    let positions: HashSet64 = HashSet64(["qb", "rb", "wr", "ol", "dl", "lb", "cb", "dt"].map(WordHash.word))
    let said = WordHash.word("said")
    let says = WordHash.word("says")
    let told = WordHash.word("told")
    let administration = WordHash.word("administration")
    let presidency = WordHash.word("presidency")
    let he = WordHash.word("he")
    let she = WordHash.word("she")
    let his = WordHash.word("his")
    let her = WordHash.word("her")
    let him = WordHash.word("him")
    let connectors: HashSet64 = HashSet64(
        ["de", "van", "von", "der", "den", "da", "di", "del", "della", "la", "le", "bin", "al", "du", "dos", "das", "ibn", "y"].map(
            WordHash.word))
    let locationPrepositions: HashSet64 = HashSet64(
        ["in", "at", "from", "to", "near", "across", "into", "throughout", "outside", "inside", "visited", "visit", "toward", "towards"]
            .map(
                WordHash.word))
    /// The prepositions that name an organisation after a title: "director of", "fellow at", "analyst with".
    let affiliationPrepositions: HashSet64 = HashSet64(["of", "at", "with", "for"].map(WordHash.word))
    let determiners: HashSet64 = HashSet64(["the", "a", "an", "its", "his", "her", "their", "our"].map(WordHash.word))
    /// Possessive pronouns: a title after one is someone's, whose name the pronoun does not give.
    let possessivePronouns: HashSet64 = HashSet64(["his", "her", "their", "its", "our", "my", "your"].map(WordHash.word))

    /// Words after which a lone capitalised word opening a sentence may be a name: verbs that
    /// follow a subject, other than those in "-ed" (auxiliaries, modals, reporting verbs, common
    /// irregular past tenses: "Velkor has", "Tesmar said", "Brakvik rose"), and the conjunctions
    /// of a list of names ("Wistron and Global Lighting").
    let subjectVerbs: HashSet64 = HashSet64(
        [
            "and", "or", "is", "was", "are", "were", "be", "has", "had", "have", "will", "would", "could", "can", "may", "might", "should",
            "must", "shall", "did", "does", "do", "says", "said", "told", "tells", "also", "then", "still", "now", "rose",
            "fell", "won", "lost", "made", "makes", "took", "takes", "gave", "went", "came", "saw", "began", "grew", "became",
            "left", "sold", "bought", "built", "kept", "held", "met", "ran", "paid", "spent", "sent", "put", "cut", "hit",
            "led", "wrote", "writes", "drove", "chose", "stood", "brought", "thought", "found", "knew", "got", "gets", "hopes",
            "wants", "plans", "warns", "argues", "claims", "insists", "adds", "notes", "denies", "declines", "agrees", "thinks",
            "believes", "expects", "reports", "announces",
        ].map(WordHash.word))
    /// Reporting verbs in `-ed`, which follow a subject and, unlike other participles, no noun they
    /// describe (`the singer admitted`, not `a lawyer based in`).
    let reportedVerbs: HashSet64 = HashSet64(
        [
            "admitted", "added", "insisted", "claimed", "explained", "recalled", "noted", "stated", "warned", "argued", "confirmed",
            "revealed", "denied", "replied", "responded", "acknowledged", "conceded", "stressed", "suggested", "remarked",
        ].map(WordHash.word))
    /// Second words of a firm's two-word name whose first word is the firm's own (`Norvane Lines`,
    /// `Baltwave Analytics`): the first word alone later is the firm.
    let brandSuffixes: HashSet64 = HashSet64(
        [
            "lines", "analytics", "airways", "airlines", "athletic", "group", "holdings", "inc", "ltd", "corp", "plc", "llc",
            "partners", "capital", "motors", "media", "labs", "systems", "technologies", "insights", "shipping", "freight",
            "logistics", "foods", "pharmaceuticals", "therapeutics", "energy", "industries", "ventures", "entertainment",
            "records", "studios", "telecom", "software", "brands", "hotels", "rovers", "wanderers", "united", "research",
        ].map(WordHash.word))
    /// Last words of a firm's name besides `brandSuffixes`, whose first word is the firm's own
    /// (`Northfield Packaging`), not a place it is named after.
    let firmEndings: HashSet64 = HashSet64(["company", "corporation", "co", "packaging"].map(WordHash.word))
    /// Words for a firm that name no person's trade.
    private static let firms = [
        "company", "firm", "business", "carrier", "airline", "lender", "insurer", "retailer", "manufacturer", "automaker",
        "carmaker", "chipmaker", "conglomerate", "broadcaster", "startup", "utility", "chain",
    ]
    /// Words for a firm of any name, which "the company" or "the carrier" refers back to: the
    /// firms, and the words that are people's trades too.
    let firmNouns = HashSet64((firms + ["maker", "publisher", "operator", "developer", "supplier"]).map(WordHash.word))
    /// The words that mark the name after them as a firm's (`the research firm Corvane Insight`,
    /// `the charity Fuel Fairness`, `the practice Varga Lund`): the firms, not `developer` or
    /// `publisher`, and bodies that are no firm but are named like one.
    let firmNames = HashSet64(
        (firms + [
            "bank", "charity", "consultancy", "practice", "studio", "partnership", "agency", "foundation", "label", "newspaper",
            "magazine", "network", "band", "club", "union", "group", "nonprofit", "organisation", "organization", "outlet",
        ]).map(WordHash.word))
    /// `, who is also president of …`: the relative clause that describes as an appositive does.
    let who = WordHash.word("who")
    let relativeBe: HashSet64 = HashSet64(["is", "was"].map(WordHash.word))
    let relativeAdverbs: HashSet64 = HashSet64(["also", "now", "currently", "still", "then"].map(WordHash.word))
    /// `, who served as treasurer of …`, `, who works as a lab technician`: verbs of holding a post,
    /// before `as`.
    let relativeServe: HashSet64 = HashSet64(
        ["serves", "served", "works", "worked", "acts", "acted", "serving", "working"].map(WordHash.word))
    /// `has served as`, `had worked as`.
    let relativeHave: HashSet64 = HashSet64(["has", "had", "have"].map(WordHash.word))
    let asWord = WordHash.word("as")
    let by = WordHash.word("by")
    let another = WordHash.word("another")
    let that = WordHash.word("that")
    /// `said`, `says`, `told`, `tells`: reporting verbs after which a pronoun opens the clause reported.
    let saidForms: HashSet64 = HashSet64(
        ["said", "says", "say", "told", "tells", "thinks", "believes", "felt", "feels"].map(WordHash.word))
    /// Last words of a public body's name, which `the company` or `the firm` never means.
    let publicBodyHeads: HashSet64 = HashSet64(
        [
            "police", "constabulary", "council", "ministry", "department", "court", "government", "parliament", "assembly",
            "commission", "committee", "authority", "university", "school", "college", "hospital", "army", "navy", "party",
            "senate", "congress", "embassy", "service", "office", "agency", "tribunal", "inquiry", "board",
        ].map(WordHash.word))
    /// Words for a settlement or an area before `of` and its name (`the port town of Saltmere`).
    let settlementNouns: HashSet64 = HashSet64(
        [
            "town", "city", "village", "hamlet", "port", "suburb", "borough", "parish", "district", "province", "county", "region",
            "island", "islands", "valley", "municipality", "commune", "township", "state", "republic", "kingdom",
        ].map(WordHash.word))
    /// Participles of asking that open a sentence before their agent (`Asked by Haddow whether …,`);
    /// the quotes analyzer reads the same words.
    static let askingParticiples = [
        "asked", "questioned", "pressed", "challenged", "quizzed", "interviewed", "cross-examined", "prompted", "invited",
    ]
    let askingParticiples: HashSet64 = HashSet64(Self.askingParticiples.map(WordHash.word))
    /// Nouns for a person, not a trade, that an apposition after a lone first name gives
    /// (`Dev, a teenager who …`, `Marta, a retired nurse`).
    let personNouns: HashSet64 = HashSet64(
        [
            "teenager", "man", "woman", "pensioner", "retiree", "resident", "student", "mother", "father", "grandmother",
            "grandfather", "volunteer", "schoolteacher", "nurse", "widow", "widower", "neighbour", "neighbor", "parent",
            "shopper", "commuter", "customer", "passenger", "worker", "farmer", "fan", "voter", "owner",
        ].map(WordHash.word))
    /// Words of tenure before a title set off by a comma before a name (`a new treasurer, …`).
    let tenureWords: HashSet64 = HashSet64(["new", "current", "incoming", "outgoing", "newly-appointed"].map(WordHash.word))
    /// `the singer of the Lantern Moths`, `a co-founder of Tessaly Robotics`: words for a member or
    /// a founder of a band or a firm, before `of` and its name.
    let memberWords: HashSet64 = HashSet64(
        [
            "singer", "drummer", "guitarist", "bassist", "frontman", "frontwoman", "vocalist", "keyboardist", "founder", "co-founder",
            "cofounder", "founders", "co-founders", "bandmate", "bandmates",
        ].map(WordHash.word))
    /// The words after the firm's word that end its appositive (`Static Bloom, the music magazine
    /// that …`, `Norvane, the retailer based in …`).
    let firmFollowers: HashSet64 = HashSet64(["that", "which", "based", "in", "of", "whose", "founded", "owned"].map(WordHash.word))
    /// `his former employer, Quickmere Parcel,`: a firm named after the word, not before it.
    let employer = WordHash.word("employer")
    /// The words that follow `Name, 34,` when 34 is an age: an article, `of`, `from`, `who`, a verb.
    let afterAge: HashSet64 = HashSet64(
        [
            "a", "an", "the", "of", "from", "who", "whose", "and", "said", "says", "told", "tells", "was", "is", "has", "had",
            "added", "died", "described", "explained", "recalled", "admitted", "denies", "denied", "pleaded", "appeared",
        ].map(WordHash.word))
    let smallWords: HashSet64 = HashSet64(
        ["the", "a", "an", "and", "of", "to", "for", "in", "on", "at", "with", "by", "vs", "or", "as"].map(WordHash.word))
    /// Words that open a clause or a phrase, which no title's modifiers hold (`a town where the mayor`).
    let clauseWords: HashSet64 = HashSet64(
        [
            "the", "a", "an", "and", "or", "of", "to", "for", "in", "on", "at", "with", "by", "from", "as", "who", "whom", "whose",
            "which", "where", "when", "that", "his", "her", "its", "their", "our", "is", "was", "are", "were", "has", "had", "have",
        ].map(WordHash.word))
    /// `Jr`, `Sr`, `II`: after a surname, which they do not replace.
    let generationalSuffixes: HashSet64 = HashSet64(["jr", "sr", "ii", "iii", "iv"].map(WordHash.word))
    /// Letters after a name that are no part of it (`Rachel Thornbury KC`, `Anna Berg MP`).
    let postNominals: HashSet64 = HashSet64(["kc", "qc", "mp", "mep", "msp", "obe", "mbe", "cbe", "frs", "phd"].map(WordHash.word))
    let united = WordHash.word("united")
    let or = WordHash.word("or")
    let et = WordHash.word("et")
    let al = WordHash.word("al")
    let placeEndings = WordEndings(EntityRecognizer.placeEndingWords)
    /// Endings of nouns for what a person does (`geriatrician`, `biostatistician`; not `mechanic`):
    /// after a name, `, a forklift operator`, `, a physical therapist who …` says who the person is.
    let occupationEndings = WordEndings(["ian", "ist", "er", "or", "ee", "man", "dent", "tant", "dant", "gent", "ient"])
    /// Words with those endings that name no one (`a quarter`, `a committee`, `an incident`).
    let notOccupations: HashSet64 = HashSet64(
        [
            "number", "matter", "order", "water", "paper", "power", "center", "centre", "corner", "summer", "winter", "letter",
            "chapter", "quarter", "border", "error", "factor", "sector", "floor", "door", "color", "colour", "motor", "mirror",
            "honor", "honour", "labor", "labour", "favor", "favour", "flavor", "humor", "rumor", "tumor", "manner", "dinner",
            "weather", "river", "silver", "tower", "computer", "container", "cancer", "fever", "answer", "wonder", "danger",
            "shelter", "chamber", "character", "never", "other", "another", "either", "neither", "together", "whether", "rather",
            "later", "after", "under", "over", "ever", "however", "whatever", "former", "latter", "meter", "metre", "liter",
            "litre", "theater", "theatre", "register", "filter", "cluster", "disaster", "poster", "proper", "upper", "super",
            "offer", "lower", "newer", "older", "younger", "bigger", "larger", "smaller", "higher", "better", "earlier",
            "further", "tractor", "reactor", "elevator", "indicator", "calculator", "radiator", "generator", "refrigerator",
            "ventilator", "committee", "coffee", "degree", "free", "three", "agree", "guarantee", "decree", "spree",
            "pedigree", "human", "woman", "twist", "wrist", "exist", "assist", "insist", "resist", "consist", "persist",
            "checklist", "playlist", "shortlist", "incident", "accident", "evident", "confident", "trident", "strident",
            "precedent", "important", "distant", "constant", "instant", "reluctant", "resultant", "hesitant", "blatant",
            "pollutant", "extant", "urgent", "intelligent", "diligent", "contingent", "stringent", "detergent", "negligent",
            "emergent", "tangent", "ancient", "efficient", "sufficient", "convenient", "proficient", "salient", "lenient",
            "transient", "gradient", "ingredient", "nutrient", "coefficient", "deficient", "resilient", "obedient",
            "expedient", "quotient", "member",
        ].map(WordHash.word))
    let surnameEndings = WordEndings(EntityRecognizer.surnameEndingWords)
}
