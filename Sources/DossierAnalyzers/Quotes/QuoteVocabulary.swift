/// The words the quote rules look for, kept as data: reporting verbs and the small closed classes
/// around them, hashed once into `WordTable`s.
///
/// Every list is plain English news usage, not tuned to any one article. Add reporting verbs with
/// the analyzer's `extraCues` option rather than here when they are specific to one outlet.
struct QuoteVocabulary: Sendable {
    /// How a reporting verb may be used.
    struct CueUse: OptionSet, Sendable {
        let rawValue: UInt16
        /// Attributes quoted words next to it (`“…,” she said`, `He added: “…”`).
        static let direct = CueUse(rawValue: 1)
        /// Introduces reported speech without quotation marks (`she said that …`).
        static let indirect = CueUse(rawValue: 2)
        /// Attributes a quoted fragment inside the writer's sentence (`called it “a tax”`).
        static let partial = CueUse(rawValue: 4)
        /// `according`, which is a cue only before `to`.
        static let according = CueUse(rawValue: 8)
        /// `call`, `calls`, `called`: reported speech only before `for`.
        static let callFor = CueUse(rawValue: 16)
        /// `tell`, `told`: the listener follows the verb before the reported clause.
        static let listener = CueUse(rawValue: 32)
        /// `urging`, `warning`: reported speech only right after a named speaker (`with Merz urging …`),
        /// or after a comma for those that are also `afterComma`.
        static let participle = CueUse(rawValue: 64)
        /// A verb that reports only a clause `that` opens, or one before it (`thatVerbs`,
        /// `remindingVerbs`).
        static let needsThat = CueUse(rawValue: 128)
        /// `accused X of …`: the charge is reported after `of` (`accusingVerbs`).
        static let accusing = CueUse(rawValue: 256)
        /// `…, saying the savings were too small`: after a comma, reports a clause said by the
        /// subject of the clause before it (`clauseParticiples`).
        static let afterComma = CueUse(rawValue: 512)
    }

    /// Word classes, as bits of one table's values.
    enum WordClass {
        static let determiner: UInt16 = 1
        static let pronoun: UInt16 = 2
        static let skipBeforeCue: UInt16 = 4
        static let clauseStop: UInt16 = 8
        static let anonymousHead: UInt16 = 16
        static let anonymousMarker: UInt16 = 32
        static let speakerStop: UInt16 = 64
        static let titleNoun: UInt16 = 128
        static let scareMarker: UInt16 = 256
        static let smallWord: UInt16 = 512
        static let preposition: UInt16 = 1024
        static let elision: UInt16 = 2048
        static let passive: UInt16 = 4096
        static let headCut: UInt16 = 8192
        static let signNoun: UInt16 = 16384
    }

    /// Reporting verbs that attribute quoted words and reported speech.
    static let speechVerbs: [String] = [
        "say", "says", "said", "tell", "tells", "told", "add", "adds", "added", "warn", "warns", "warned",
        "argue", "argues", "argued", "claim", "claimed", "insist", "insists", "insisted", "stress", "stresses",
        "stressed", "note", "noted", "write", "writes", "wrote", "tweet", "tweeted", "posted",
        "announce", "announces", "announced", "stated", "explain", "explains", "explained",
        "acknowledge", "acknowledges", "acknowledged", "admit", "admits", "admitted", "confirm", "confirms",
        "confirmed", "deny", "denies", "denied", "suggest", "suggests", "suggested", "predict", "predicts",
        "predicted", "maintain", "maintains", "maintained", "assert", "asserts", "asserted", "emphasise",
        "emphasises", "emphasised", "emphasize", "emphasizes", "emphasized", "declare", "declares", "declared",
        "promise", "promises", "promised", "vow", "vows", "vowed", "pledge", "pledges", "pledged", "urge",
        "urges", "urged", "concede", "concedes", "conceded", "contend", "contends", "contended", "recall",
        "recalls", "recalled", "reply", "replies", "replied", "respond", "responds", "responded", "answered",
        "ask", "asks", "asked", "allege", "alleges", "alleged", "warned", "complain", "complains", "complained",
        "conclude", "concludes", "concluded", "reiterate", "reiterates", "reiterated", "signal", "signals",
        "signaled", "signalled", "indicate", "indicates", "indicated", "criticise", "criticises", "criticised",
        "criticize", "criticizes", "criticized", "critique", "critiques", "critiqued", "condemn", "condemns",
        "condemned", "beg", "begs", "begged", "implore", "implores", "implored",
    ]

    /// Verbs that report only a clause opened by `that` after them (`the report found that …`,
    /// `the Treasury estimates that …`, `the Courier reported that …`; not `found a body`, `an
    /// estimated 40,000`, `reported a loss`), or before
    /// them (`…, the report found.`); no quotation is theirs. `deny` and `admit` are not among
    /// them: `denied any wrongdoing` reports the speaker's position. `state` and `states` are
    /// here, `stated` among the speech verbs: they are more often the noun (`and state agencies`,
    /// `in all states`).
    static let thatVerbs: [String] = [
        "found", "finds", "estimate", "estimates", "estimated", "recommend", "recommends", "recommended", "accepted", "accepts",
        "reported", "reports", "state", "states", "bemoan", "bemoans", "bemoaned", "lament", "laments",
        // `testified that …`, `pointed out that …`, `revealed that …`, `observed that …`, `the judge ruled that …`.
        "testified", "testifies", "testify", "pointed", "points", "revealed", "reveals", "disclosed", "discloses",
        "observed", "observes", "ruled",
        // `the Tax Foundation projected in May that …`, `Andrew claims that …` (`claims`, `projects`
        // and `forecasts` are more often nouns: `territorial claims in …`, `on several late
        // projects, said …`; only `claims` is taken, and only before `that`).
        "projected", "forecasted", "claims",
    ]

    /// Verbs with a listener before the clause they report, which `that` opens: `reminded jurors
    /// that they must not …`, `assured investors that …`.
    static let remindingVerbs: [String] = [
        "remind", "reminds", "reminded", "assure", "assures", "assured", "inform", "informs", "informed",
    ]

    /// `accused the minister of hiding …`: the charge is reported after `of`.
    static let accusingVerbs: [String] = ["accuse", "accuses", "accused"]

    /// Participles that report speech when a named speaker stands right before them
    /// (`with the minister urging restraint`); elsewhere they are too often not speech (`warning signs`).
    static let participles: [String] = [
        "urging", "warning", "insisting", "arguing", "claiming", "saying", "stressing", "noting", "demanding",
        "criticising", "criticizing", "calling", "describing", "accusing", "denying", "promising", "vowing",
    ]

    /// Participles that, after a comma, report a clause of their own, said by the subject of the
    /// clause before the comma: `X rejected the plan, saying the savings were too small`, `she
    /// said, adding that …`. Not `urging`, `calling`, `vowing`: what follows them is an appeal, a
    /// name or a plan, not a clause.
    static let clauseParticiples: [String] = [
        "saying", "adding", "warning", "insisting", "arguing", "claiming", "stressing", "noting", "denying",
        "explaining", "suggesting", "acknowledging", "admitting", "predicting", "asserting", "alleging",
        "complaining", "conceding", "contending", "maintaining", "telling",
    ]

    /// Verbs that attribute quoted words but rarely introduce reported speech without them.
    static let quotationVerbs: [String] = [
        "saying", "continued", "continues", "quipped", "joked", "jokes", "exclaimed", "shouted", "yelled",
        "remarked", "commented", "observed", "lamented", "boasted", "reports", "reported", "reporting",
        "began", "recounted", "mused", "sighed", "laughed", "agreed", "cautioned", "countered", "retorted",
        "wrote", "writing", "telling", "adding", "posting", "tweeting", "tells", "chimed", "piped",
        // A document's words: `…,” the statement read.`
        "read", "reads",
    ]

    /// Verbs that attribute a quoted fragment inside the writer's sentence.
    static let partialVerbs: [String] = [
        "call", "calls", "called", "calling", "describe", "describes", "described", "describing", "label",
        "labels", "labelled", "labeled", "brand", "brands", "branded", "term", "terms", "termed", "dismiss", "dismisses",
        "dismissed",
    ]

    static let determiners: [String] = [
        "the", "a", "an", "one", "two", "three", "four", "five", "several", "some", "many", "most", "his", "her",
        "its", "their", "our", "these", "those", "another", "other", "both", "each", "no", "any",
    ]
    static let pronouns: [String] = ["he", "she", "they", "it", "we", "i", "you"]
    static let skipBeforeCue: [String] = [
        "has", "have", "had", "also", "later", "then", "previously", "again", "once", "repeatedly", "reportedly",
        "publicly", "separately", "further", "recently", "earlier", "would", "will", "did", "does", "do", "simply",
        "flatly", "firmly", "privately", "angrily", "quickly", "often", "always", "never", "just", "already",
        "long", "initially", "originally", "subsequently", "herself", "himself", "themselves", "itself", "has", "quietly",
        "bluntly", "openly", "frequently", "told", "may", "might", "could", "should", "can", "not", "only",
        "instead", "still", "even", "now", "first",
    ]
    static let clauseStops: [String] = [
        "and", "but", "or", "that", "which", "while", "as", "when", "because", "after", "before", "if", "though",
        "although", "so", "where", "what", "whom", "whose", "than", "since", "until", "unless", "whether", "nor",
        "yet", "to", "is", "are", "was", "were", "by", "in", "on", "at", "for", "with", "about", "from", "said",
        "says", "told",
    ]
    static let anonymousHeads: [String] = [
        "spokesperson", "spokesman", "spokeswoman", "spokespeople", "official", "officials", "source", "sources",
        "people", "person", "aide", "aides", "diplomat", "diplomats", "insider", "insiders", "officer", "officers",
        "staffer", "staffers", "someone", "representative", "representatives", "rep", "reps", "ally", "allies", "negotiator",
        "negotiators",
        "adviser", "advisers", "advisor", "advisors", "employee", "employees", "member", "members",
        // One unnamed person, not a crowd: "experts say", "critics argue" are vague attributions.
        "expert", "analyst", "user", "resident", "residents", "witness", "observer", "critic", "supporter", "voter", "police",
        "prosecutors",
        "investigators", "authorities", "researchers", "scientists",
        // People described by what they do or are to someone: `One reviewer dismissed …`, `a neighbour said`.
        "reviewer", "commentator", "reader", "listener", "viewer", "fan", "fans", "neighbour", "neighbor", "neighbours", "neighbors",
        "colleague", "colleagues", "friend", "friends", "relative", "relatives", "customer", "customers", "passenger",
        "passengers", "worker", "workers", "onlooker", "bystander", "users",
        // People by what they are to a place or an institution: `Parents who spoke to the station said …`.
        "parents", "teachers", "students", "families", "patients", "shoppers", "commuters", "locals", "villagers",
        "protesters", "volunteers", "nurses", "doctors", "farmers", "traders", "drivers", "tenants", "pupils",
    ]
    static let anonymousMarkers: [String] = [
        "anonymity", "unnamed", "anonymous", "familiar", "close", "named", "identified", "knowledge", "briefed",
    ]
    static let speakerStops: [String] = [
        "on", "in", "at", "during", "after", "before", "while", "when", "last", "yesterday", "today", "tonight",
        "this", "that", "adding", "and", "but", "as", "earlier", "later", "told", "according", "said", "says",
        "noting", "speaking", "saying", "because", "since", "via", "through", "to", "into",
    ]
    static let titleNouns: [String] = [
        "book", "novel", "film", "movie", "report", "song", "show", "series", "album", "headline", "headlined",
        "titled", "entitled", "documentary", "play", "programme", "program", "podcast", "column", "article",
        "essay", "poem", "study", "episode", "opera", "musical", "exhibition", "painting", "video", "track",
        "single", "memoir", "newsletter", "paper", "editorial", "op-ed", "magazine", "blog", "sitcom", "drama",
        "title",
    ]
    static let scareMarkers: [String] = [
        "so-called", "dubbed", "termed", "nicknamed", "coined", "known", "word", "term", "phrase", "slogan",
        "motto", "label", "nickname", "moniker", "buzzword", "catchphrase", "hashtag", "branded", "labelled",
        "labeled", "self-styled", "self-described", "supposed", "alleged", "quote-unquote", "dub",
        // Words sung, not said: `chanted ‘…’`, `serenading the home bench with ‘…’`.
        "chant", "chants", "chanted", "chanting", "sang", "sing", "singing", "sung", "serenading", "serenaded", "belting", "belted",
    ]
    static let smallWords: [String] = [
        "of", "the", "a", "an", "and", "in", "on", "for", "to", "at", "by", "with", "or", "from", "vs", "nor",
        "but", "as", "is", "into", "upon",
    ]
    static let prepositions: [String] = [
        "in", "on", "at", "during", "after", "before", "to", "with", "for", "of", "by", "from", "about", "over",
        "under", "via", "through", "last", "earlier", "later", "yesterday", "today", "tonight", "repeatedly",
        "again", "previously", "recently", "publicly", "privately", "separately", "also", "it", "so", "this",
        "as", "up", "out", "off", "back", "nothing", "little", "much", "more", "yes", "no", "goodbye", "hello",
        "thanks", "sorry", "amid", "within", "without", "into", "too",
    ]
    static let elisions: [String] = ["em", "til", "cause", "n", "tis", "twas", "bout", "round", "cos", "nuff", "s"]
    static let passives: [String] = ["is", "was", "were", "been", "be", "being", "are", "the", "aforementioned"]
    static let headCuts: [String] = [
        "who", "whom", "close", "familiar", "with", "for", "from", "at", "of", "in", "on", "speaking", "briefed",
        "involved", "said", "told",
    ]

    /// Nouns of written words that a colon and a quotation follow: `a hand-lettered sign: “…”`.
    static let signNouns: [String] = [
        "sign", "signs", "banner", "banners", "placard", "placards", "poster", "posters", "plaque", "inscription", "billboard",
        "notice", "graffiti", "sticker", "t-shirt",
    ]

    /// Reporting verbs by hash, with how each may be used.
    let cues: WordTable
    /// The shapes of the reporting verbs, so that the first pass hashes only words that may be one
    /// (`the`, `and`, `with` are not hashed).
    private let cueShapes: WordShapes
    /// Closed-class words by hash, with their classes as bits.
    let classes: WordTable

    /// Whether a reporting verb of `length` scalars (at least 2) may start with the scalars
    /// `first` and `second` (either case): false means none does.
    @inline(__always) func mayBeCue(_ first: UInt32, _ second: UInt32, length: Int) -> Bool {
        cueShapes.mayHold(first: first, second: second, length: length)
    }

    /// Builds the tables, adding `extraCues` as verbs that attribute both quotations and reported speech.
    init(extraCues: [String] = []) {
        var cueEntries: [(String, UInt16)] = []
        let speech = CueUse.direct.union(.indirect).union(.partial).rawValue
        for verb in Self.speechVerbs + extraCues { cueEntries.append((verb, speech)) }
        for verb in Self.quotationVerbs { cueEntries.append((verb, CueUse.direct.union(.partial).rawValue)) }
        for verb in Self.partialVerbs { cueEntries.append((verb, CueUse.partial.rawValue)) }
        for verb in Self.thatVerbs { cueEntries.append((verb, CueUse.indirect.union(.needsThat).rawValue)) }
        for verb in Self.accusingVerbs { cueEntries.append((verb, CueUse.indirect.union(.accusing).rawValue)) }
        for verb in ["call", "calls", "called", "calling"] { cueEntries.append((verb, CueUse.callFor.rawValue)) }
        for verb in ["tell", "tells", "told", "telling"] { cueEntries.append((verb, CueUse.listener.rawValue)) }
        for verb in Self.remindingVerbs { cueEntries.append((verb, CueUse.indirect.union(.listener).union(.needsThat).rawValue)) }
        for verb in Self.participles { cueEntries.append((verb, CueUse.participle.rawValue)) }
        for verb in Self.clauseParticiples { cueEntries.append((verb, CueUse.participle.union(.afterComma).rawValue)) }
        cueEntries.append(("according", CueUse.according.rawValue))
        cues = WordTable(cueEntries)
        var shapes = WordShapes()
        for (verb, _) in cueEntries {
            let lower = verb.lowercased()
            if lower.unicodeScalars.count >= 2 { shapes.insert(lower) }
        }
        cueShapes = shapes

        typealias C = WordClass
        var classEntries: [(String, UInt16)] = []
        func add(_ words: [String], _ bit: UInt16) { for w in words { classEntries.append((w, bit)) } }
        add(Self.determiners, C.determiner)
        add(Self.pronouns, C.pronoun)
        add(Self.skipBeforeCue, C.skipBeforeCue)
        add(Self.clauseStops, C.clauseStop)
        add(Self.anonymousHeads, C.anonymousHead)
        add(Self.anonymousMarkers, C.anonymousMarker)
        add(Self.speakerStops, C.speakerStop)
        add(Self.titleNouns, C.titleNoun)
        add(Self.scareMarkers, C.scareMarker)
        add(Self.smallWords, C.smallWord)
        add(Self.prepositions, C.preposition)
        add(Self.elisions, C.elision)
        add(Self.passives, C.passive)
        add(Self.headCuts, C.headCut)
        add(Self.signNouns, C.signNoun)
        classes = WordTable(classEntries)
    }
}
