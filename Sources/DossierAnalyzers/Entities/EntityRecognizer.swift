import DossierCore

/// Finds the entities of one document: candidate names from runs of capitalised words, classified
/// by gazetteers, head words, titles and context; roles from titles, premodifiers and appositions;
/// then one entity per referent, with later short names, acronyms, definite descriptions and
/// pronouns joined to it.
///
/// Every word of the text is tokenised once (offsets and a case-folded hash, no strings); the rest
/// of the work looks only at capitalised runs and the few words around them.
struct EntityRecognizer {
    /// Names given in the pipeline's options, which win over the shipped lists.
    struct Overrides: Sendable {
        var people: HashSet64 = []
        var organizations: HashSet64 = []
        var places: HashSet64 = []
        var groups: HashSet64 = []
        var notNames: HashSet64 = []
        var longest = 0

        /// Whether no list is given.
        var isEmpty: Bool { people.isEmpty && organizations.isEmpty && places.isEmpty && groups.isEmpty && notNames.isEmpty }
    }

    /// The word tables, behind one reference.
    ///
    /// The scanner's mutating methods call many non-mutating helpers, and Swift passes `self` to
    /// each as a copy of the whole struct; with the tables stored inline that was some 900 bytes
    /// copied per call, most of the scanner's time. The properties below read through it.
    private final class Tables: Sendable {
        let gazetteer: Gazetteer
        let model: EntitySpanModel
        let overrides: Overrides
        let placeEndings: WordEndings, surnameEndings: WordEndings
        let words: FunctionWords
        let classes: WordClasses

        init(gazetteer: Gazetteer, model: EntitySpanModel, overrides: Overrides, words w: FunctionWords) {
            self.gazetteer = gazetteer
            classes = gazetteer.classes
            self.model = model
            self.overrides = overrides
            words = w
            (placeEndings, surnameEndings) = (w.placeEndings, w.surnameEndings)
        }
    }

    private let tables: Tables
    var gazetteer: Gazetteer { tables.gazetteer }
    var overrides: Overrides { tables.overrides }
    var placeEndings: WordEndings { tables.placeEndings }
    var surnameEndings: WordEndings { tables.surnameEndings }
    // The function-word sets are small enough to stay in the cache: the lowercase words are asked
    // about them, not the larger `WordClasses` table.
    var connectors: HashSet64 { tables.words.connectors }
    var locationPrepositions: HashSet64 { tables.words.locationPrepositions }
    var determiners: HashSet64 { tables.words.determiners }
    var smallWords: HashSet64 { tables.words.smallWords }
    var affiliationPrepositions: HashSet64 { tables.words.affiliationPrepositions }
    let resolvePronouns: Bool

    // Function words, hashed once per process (FunctionWords.shared), read through `tables`.
    var the: UInt64 { tables.words.the }
    var a: UInt64 { tables.words.a }
    var an: UInt64 { tables.words.an }
    var and: UInt64 { tables.words.and }
    var of: UInt64 { tables.words.of }
    var at: UInt64 { tables.words.at }
    var said: UInt64 { tables.words.said }
    var says: UInt64 { tables.words.says }
    var told: UInt64 { tables.words.told }
    var he: UInt64 { tables.words.he }
    var she: UInt64 { tables.words.she }
    var his: UInt64 { tables.words.his }
    var her: UInt64 { tables.words.her }
    var him: UInt64 { tables.words.him }
    var united: UInt64 { tables.words.united }

    /// One name the scanner found, before mentions are grouped into entities.
    struct Candidate {
        var first: Int
        var end: Int
        var kind: Kind
        var confident: Bool
        var roles: [Entity.Role] = []
        var roleHeads: [UInt64] = []
        var sentence: Int
    }

    /// A sentence's tokens, whether it reads as a headline, and whether it opens its block: 12
    /// bytes, not the 24 of a `(Range<Int>, Bool)`, one per sentence of the document.
    struct TokenSpan {
        private var lower: Int32
        private var upper: Int32
        var headline: Bool
        var opensBlock: Bool

        init(_ range: Range<Int>, headline: Bool, opensBlock: Bool = true) {
            lower = Int32(range.lowerBound)
            upper = Int32(range.upperBound)
            self.headline = headline
            self.opensBlock = opensBlock
        }

        /// The tokens' indices.
        var range: Range<Int> { Int(lower)..<Int(upper) }
    }

    /// A referent being built.
    struct Group {
        var kind: Kind
        var confident: Bool
        var mentions: [(first: Int, end: Int, form: Entity.Mention.Form, sentence: Int)] = []
        var extra: [(range: TextRange, form: Entity.Mention.Form)] = []
        var roles: [Entity.Role] = []
        var roleHeads: Set<UInt64> = []
        var fullest: (first: Int, end: Int) = (0, 0)
        /// Mentions placed only by weak cues or the model, per kind (person, organisation, place, misc):
        /// an unsure referent takes the kind most of its mentions got.
        var votes = SIMD4<Int32>(repeating: 0)
    }

    /// The kinds the recognizer gives, as a byte: `Entity.Kind` is a string, and the rules compare
    /// and copy kinds for every candidate and group (a string compare and a retain each time).
    enum Kind: UInt8 {
        // Person to misc in the order of `Group.votes`.
        case person, organization, location, misc, group

        /// The entity kind written out.
        var entityKind: Entity.Kind {
            switch self {
            case .person: .person
            case .organization: .organization
            case .location: .location
            case .misc: .misc
            case .group: .group
            }
        }
    }

    @inline(__always) private static func voteIndex(_ kind: Kind) -> Int? { kind == .group ? nil : Int(kind.rawValue) }

    // MARK: Per-document state

    private var tokens: [EntityToken] = []
    private var sentences: [TokenSpan] = []
    private var lowercaseBloom: [UInt64] = []
    private var bloomMask: UInt64 = 0
    /// The tokens that are "the" or a pronoun (he, his, him, she, her), in order: found in the
    /// bloom filter's pass, so that nominals and pronouns do not walk every token again.
    private var referenceWords: [Int32] = []
    private var candidates: [Candidate] = []
    /// The last words of the people named so far in full ("Young" of "Tom Young"): such a word
    /// opening a sentence before a comma or a reporting verb is the surname, not an ordinary word.
    private var surnames: Set<UInt64> = []
    private var pendingRole: (start: Int, role: Entity.Role, head: UInt64)?
    private var scalars = ScalarBuffer()
    /// The span model's feature keys of the span at hand, kept to reuse the storage.
    private var featureKeys: [UInt64] = []

    /// A recognizer of the shipped lists and the names in `overrides`. Without such names the
    /// tables are built once per process and shared, not built again for every article.
    init(overrides: Overrides, resolvePronouns: Bool) {
        tables =
            overrides.isEmpty
            ? Self.shippedTables
            : Tables(gazetteer: .shared, model: .shared, overrides: overrides, words: FunctionWords.shared)
        self.resolvePronouns = resolvePronouns
    }

    private static let shippedTables = Tables(
        gazetteer: .shared, model: .shared, overrides: Overrides(), words: FunctionWords.shared)

    // MARK: Lookups

    @inline(__always) private func sequence(_ first: Int, _ end: Int) -> UInt64 {
        var h = WordHash.sequenceSeed
        for i in first..<end { h = WordHash.combine(h, tokens[i].hash) }
        return h
    }

    @inline(__always) private func single(_ hash: UInt64) -> UInt64 { WordHash.combine(WordHash.sequenceSeed, hash) }

    /// The single-word lists that hold the word whose hash is `hash` (`WordClasses`).
    @inline(__always) private func classes(_ hash: UInt64) -> WordClasses.Classes { tables.classes.classes(hash) }

    /// Whether the word whose hash is `hash` is in any of the lists `classes`.
    @inline(__always) private func isA(_ hash: UInt64, _ classes: WordClasses.Classes) -> Bool {
        self.classes(hash).rawValue & classes.rawValue != 0
    }

    private mutating func isNotName(_ i: Int) -> Bool {
        isA(tokens[i].hash, .notName) || overrides.notNames.contains(single(tokens[i].hash))
    }

    /// Whether the article writes the word in lowercase somewhere: a Bloom filter with two bits a
    /// word, from the hash's low and high halves. With one bit, and 16 bits a token, a word an
    /// article never writes in lowercase read as one it does (a sentence-initial name lost: "Tesmar"
    /// after "met") about one time in 70 on the 137 news bodies of the extraction set (one in 34 on
    /// the worst), from their counts of tokens and distinct lowercase words; two bits in 32 a
    /// token make that about one in 3,800.
    private mutating func seenLowercase(_ hash: UInt64) -> Bool {
        let first = hash & bloomMask
        let second = (hash >> 32) & bloomMask
        return lowercaseBloom[Int(first >> 6)] & (1 << (first & 63)) != 0
            && lowercaseBloom[Int(second >> 6)] & (1 << (second & 63)) != 0
    }

    /// The end of a title starting at `i` (modifiers then a title, up to four words), or nil.
    private mutating func titleEnd(at i: Int, limit: Int) -> Int? {
        // The small set, not `WordClasses`: titles are looked for before lowercase words too.
        guard gazetteer.titleWords.contains(tokens[i].hash) else { return nil }
        // The longest reading wins: "chief executive" over "chief".
        var best: Int?
        var m = i
        while m < limit {
            var length = min(4, limit - m)
            while length >= 1 {
                if gazetteer.titles.contains(sequence(m, m + length)) {
                    best = max(best ?? 0, m + length)
                    break
                }
                length -= 1
            }
            guard gazetteer.titleModifiers.contains(tokens[m].hash), m - i < 3 else { break }
            m += 1
        }
        return best
    }

    private mutating func text(_ first: Int, _ end: Int) -> String {
        scalars.string(in: Int(tokens[first].start)..<Int(tokens[end - 1].end))
    }

    private mutating func range(_ first: Int, _ end: Int) -> TextRange {
        TextRange(start: Int(tokens[first].start), end: Int(tokens[end - 1].end))
    }

    private mutating func scalar(_ i: Int) -> UInt32 { scalars[Int(tokens[i].start)].value }

    /// Whether the token at `i` is `the` in lowercase.
    private func isLowercaseThe(_ i: Int) -> Bool { tokens[i].isLowercaseWord && tokens[i].hash == the }

    /// Whether the token at `i` is `a`, `an` or `the` in lowercase.
    private func isLowercaseArticle(_ i: Int) -> Bool {
        tokens[i].isLowercaseWord && (tokens[i].hash == the || tokens[i].hash == a || tokens[i].hash == an)
    }

    // MARK: Entry

    /// The entities of `document`, or of the part of it in `window` (scalar offsets): the
    /// sentences that overlap it, each cut to the window. The ranges are the document's.
    mutating func recognize(_ document: Document, in window: Range<Int>? = nil) -> [Entity] {
        let window = (window ?? 0..<document.length).clamped(to: 0..<document.length)
        scalars = document.scalars
        tokens.removeAll(keepingCapacity: true)
        sentences.removeAll(keepingCapacity: true)
        candidates.removeAll(keepingCapacity: true)
        surnames.removeAll(keepingCapacity: true)
        stretches.removeAll(keepingCapacity: true)
        unplacedOpeners.removeAll(keepingCapacity: true)
        tokens.reserveCapacity(window.count / 5)
        tokenizeSentences(document, in: window)
        buildBloom()
        for s in sentences.indices where !sentences[s].headline {
            scanSentence(s)
        }
        dropAddressesAndHandles(document.links)
        spreadListKinds()
        var groups = group()
        for (t, s) in unplacedOpeners {
            if let g = headlineKeys[sequence(t, t + 1)], g >= 0 { groups[g].mentions.append((t, t + 1, .name, s)) }
        }
        for s in sentences.indices where sentences[s].headline {
            scanHeadline(sentences[s].range, sentence: s, groups: &groups)
        }
        for stretch in stretches {
            scanHeadline(stretch.range, sentence: stretch.sentence, groups: &groups)
        }
        mergeShortForms(&groups)
        typeLoneWords(&groups)
        addNominals(&groups)
        if resolvePronouns { addPronouns(&groups) }
        return entities(from: groups)
    }

    private mutating func tokenizeSentences(_ document: Document, in window: Range<Int>) {
        // Kinds compared directly: a set of kinds would hash a string per sentence.
        func isHeading(_ kind: BlockKind) -> Bool { kind == .title || kind == .heading }
        let sentenceLayer = document.annotations.sentences
        let blocks = document.blocks
        let whole = window.count == document.length
        // Each span is tokenized as it is found, with no array of spans beside the tokens (24
        // bytes a sentence, as much again as the spans themselves, at the recognizer's peak).
        if !sentenceLayer.isEmpty {
            // Sentences and blocks are both in order: find the window's first of each, then walk
            // them together.
            var s = whole ? 0 : sentenceLayer.firstIndex(startingAtOrAfter: window.lowerBound + 1, by: \.range.end)
            var blockIndex = whole ? 0 : blocks.firstIndex(startingAtOrAfter: window.lowerBound + 1, by: \.range.end)
            if whole { sentences.reserveCapacity(sentenceLayer.count) }
            var lastBlock = -1
            while s < sentenceLayer.count, sentenceLayer[s].range.start < window.upperBound {
                let sentence = sentenceLayer[s]
                s += 1
                while blockIndex < blocks.count && blocks[blockIndex].range.end <= sentence.range.start { blockIndex += 1 }
                let inHeading =
                    blockIndex < blocks.count && isHeading(blocks[blockIndex].kind) && blocks[blockIndex].range.contains(sentence.range)
                tokenize(sentence.range.offsets.clamped(to: window), inHeading: inHeading, opensBlock: blockIndex != lastBlock)
                lastBlock = blockIndex
            }
        } else if !blocks.isEmpty {
            if whole { sentences.reserveCapacity(blocks.count) }
            var b = whole ? 0 : blocks.firstIndex(startingAtOrAfter: window.lowerBound + 1, by: \.range.end)
            while b < blocks.count, blocks[b].range.start < window.upperBound {
                tokenize(blocks[b].range.offsets.clamped(to: window), inHeading: isHeading(blocks[b].kind))
                b += 1
            }
        } else {
            tokenize(window, inHeading: false)
        }
    }

    private mutating func tokenize(_ span: Range<Int>, inHeading: Bool, opensBlock: Bool = true) {
        let start = tokens.count
        EntityTokenizer.tokenize(scalars, range: span, into: &tokens)
        let r = start..<tokens.count
        sentences.append(TokenSpan(r, headline: inHeading || looksLikeHeadline(r), opensBlock: opensBlock))
    }

    /// Title case: at least three content words, nearly all capitalised, as headlines and
    /// section titles are written; such a line yields only names already known.
    private mutating func looksLikeHeadline(_ r: Range<Int>) -> Bool {
        var content = 0
        var capitalized = 0
        var last = r.upperBound - 1
        while last >= r.lowerBound && !tokens[last].has(.word) { last -= 1 }
        // A line that ends in a period is a sentence, whatever its case.
        if r.upperBound > r.lowerBound, last < r.upperBound - 1, scalar(r.upperBound - 1) == 0x2E { return false }
        for i in r where tokens[i].has(.word) && !tokens[i].has(.digit) {
            let h = tokens[i].hash
            // Words capitalised in any sentence (months, weekdays, `I`) and handles (`@RobertLund_`)
            // say nothing of the line's case: a post's signature is no headline.
            let start = Int(tokens[i].start)
            if isNotName(i) || (start > 0 && (scalars[start - 1].value == 0x40 || scalars[start - 1].value == 0x23)) { continue }
            if !tokens[i].has(.capitalized)
                && (h == the || h == a || h == an || h == and || h == of
                    || gazetteer.commonWords.contains(h) && scalars[Int(tokens[i].start)].value < 0x80
                        && tokens[i].end - tokens[i].start <= 4)
            {
                continue
            }
            content += 1
            if tokens[i].has(.capitalized) { capitalized += 1 }
        }
        return content >= 3 && capitalized * 10 >= content * 9
    }

    private mutating func buildBloom() {
        var bits = 4096
        while bits < tokens.count * 32 { bits <<= 1 }
        bloomMask = UInt64(bits - 1)
        lowercaseBloom = [UInt64](repeating: 0, count: bits / 64)
        let (the, he, his, him, she, her) = (self.the, self.he, self.his, self.him, self.she, self.her)
        var found = referenceWords
        referenceWords = []
        found.removeAll(keepingCapacity: true)
        let mask = bloomMask
        // Without a branch on the token: whether it is a lowercase word, or one of the six words,
        // is as good as random, and such branches were mispredicted on a tenth of the tokens.
        // Each token's index is written, and kept by counting it, 64 at a time.
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: 64) { pending in
            var count = 0
            lowercaseBloom.withUnsafeMutableBufferPointer { bloom in
                tokens.withUnsafeBufferPointer { tokens in
                    for i in tokens.indices {
                        let token = tokens[i]
                        let h = token.hash
                        let bit = h & mask
                        let second = (h >> 32) & mask
                        let lowercase = UInt64(token.isLowercaseWord ? 1 : 0)
                        bloom[Int(bit >> 6)] |= lowercase << (bit & 63)
                        bloom[Int(second >> 6)] |= lowercase << (second & 63)
                        let listed =
                            (h == the ? 1 : 0) | (h == he ? 1 : 0) | (h == his ? 1 : 0) | (h == him ? 1 : 0)
                            | (h == she ? 1 : 0) | (h == her ? 1 : 0)
                        pending[count] = Int32(truncatingIfNeeded: i)
                        count &+= listed & (token.has(.word) ? 1 : 0)
                        if count == 64 {
                            found.append(contentsOf: pending)
                            count = 0
                        }
                    }
                }
            }
            found.append(contentsOf: pending[..<count])
        }
        referenceWords = found
    }

    // MARK: Sentences

    private mutating func scanSentence(_ s: Int) {
        let r = sentences[s].range
        var t = r.lowerBound
        pendingRole = nil
        while t < r.upperBound {
            let token = tokens[t]
            guard token.isCapitalizedWord else {
                t += 1
                continue
            }
            // `Minister of State for Disaster Management and Relief Farhana Rouf Chowdhury`: an
            // office named in full before the person, which the title-cased stretch below would
            // take for a headline. Asked before the words no name opens (`Deputy`) are skipped.
            if let (nameStart, nameEnd) = longTitleName(from: t, limit: r.upperBound) {
                let role = Entity.Role(title: text(t, nameStart), range: range(t, nameStart))
                processRun(nameStart, nameEnd, sentence: s, personCue: true, title: (role, tokens[nameStart - 1].hash))
                t = nameEnd
                continue
            }
            let givenMonth = isGivenMonth(t, sentenceStart: r.lowerBound, limit: r.upperBound)
            // `Mr`, `Ms`, `Dr` are no names by themselves, but before a name without a period (`Ms
            // Carrick`, British style) they mark a person as `Mr.` does.
            let honorificBeforeName = t + 1 < r.upperBound && tokens[t + 1].isCapitalizedWord && isA(token.hash, .honorific)
            if !givenMonth && !honorificBeforeName && isNotName(t) {
                t += 1
                continue
            }
            // A title-cased stretch inside a sentence ("… Offers to Drop Ukraine Bid in Peace Deal") is a
            // headline quoted in the text: only names already known are taken from it.
            let stretch = titleCaseStretch(from: t, limit: r.upperBound, sentenceStart: r.lowerBound)
            if stretch > t {
                stretches.append((t..<stretch, s))
                t = stretch
                continue
            }
            var start = t
            var personCue = givenMonth
            // `Gov. Delia Marchetti`, `Det. Sgt. Ann Roe`: an abbreviated office is the person's role.
            if let (e, head) = officeTitle(from: t, limit: r.upperBound) {
                let end = runEnd(from: e, limit: r.upperBound)
                processRun(e, end, sentence: s, personCue: true, title: (Entity.Role(title: text(t, e), range: range(t, e)), head))
                t = end
                continue
            }
            // An honorific (Mr, Dr, Gen.) marks a person and is not part of the name.
            if isA(token.hash, .honorific) {
                var n = t + 1
                if n < r.upperBound && scalar(n) == 0x2E { n += 1 }
                if n < r.upperBound && tokens[n].isCapitalizedWord {
                    if token.hash == tables.words.saint {
                        // "St. Louis", "St Petersburg" name places as often as saints: the abbreviation
                        // stays in the name and gives no person cue.
                        let end = runEnd(from: n, limit: r.upperBound)
                        processRun(t, end, sentence: s, personCue: false)
                        t = end
                        continue
                    }
                    start = n
                    personCue = true
                }
            }
            // `the European Union Gordon Sondland`: a listed name of two words or more, then a given
            // name and a surname, are two names.
            var end = runEnd(from: start, limit: r.upperBound)
            if end - start >= 4,
                let k = ((start + 2)..<(end - 1)).first(where: {
                    isA(tokens[$0].hash, [.maleName, .femaleName]) && isA(sequence(start, $0), [.organizationPhrase, .placePhrase])
                })
            {
                processRun(start, k, sentence: s, personCue: false)
                start = k
                personCue = true
                end = runEnd(from: start, limit: r.upperBound)
            }
            // `Republican Gov. Delia Marchetti`, `State Sen. Ann Lowe`: the run stops at the
            // abbreviation's period; the words before it are the office's affiliation.
            // `Browns QB Baker Mayfield`: a position in capitals inside the run stands for the office.
            let office =
                end - start >= 3
                ? ((start + 1)..<(end - 1)).first { tokens[$0].has(.allCaps) && tables.words.positions.contains(tokens[$0].hash) }
                    ?? end - 1 : end - 1
            if end - start >= 2, let (e, head) = officeTitle(from: office, limit: r.upperBound) {
                var m = start
                while m < office && isA(tokens[m].hash, .titleModifier) { m += 1 }
                var title = text(office, e)
                if m > start { title = text(start, m) + " " + title }
                let role = Entity.Role(title: title, affiliation: m < office ? text(m, office) : nil, range: range(start, e))
                if m < office && isKnownName(m) { processRun(m, office, sentence: s, personCue: false) }
                let nameEnd = runEnd(from: e, limit: r.upperBound)
                processRun(e, nameEnd, sentence: s, personCue: true, title: (role, head))
                t = nameEnd
                continue
            }
            processRun(start, end, sentence: s, personCue: personCue)
            t = end
        }
    }

    /// Whether the month at `i` is a given name: `June` before a surname the article has given a
    /// person, or after `Lyle and` (`Lyle and June Hargis`).
    private mutating func isGivenMonth(_ i: Int, sentenceStart: Int, limit: Int) -> Bool {
        guard tables.words.givenMonths.contains(tokens[i].hash), i + 1 < limit, tokens[i + 1].isCapitalizedWord, !isNotName(i + 1)
        else { return false }
        if surnames.contains(tokens[i + 1].hash) { return true }
        return i - 2 >= sentenceStart && tokens[i - 1].isLowercaseWord && tokens[i - 1].hash == and && tokens[i - 2].isCapitalizedWord
            && !isNotName(i - 2)
    }

    /// The abbreviated offices from `i` (`Gov.`, `Lt. Gov.`, `Det. Sgt.`), each with its period,
    /// when a capitalised word follows them: where that word starts, and the hash of the last
    /// office's title word (`governor`).
    private mutating func officeTitle(from i: Int, limit: Int) -> (Int, UInt64)? {
        // Every abbreviation of office is an honorific: the class table spares the other words
        // the dictionary.
        guard isA(tokens[i].hash, .honorific) else { return nil }
        var n = i
        var head: UInt64?
        while n + 1 < limit, let title = gazetteer.officeAbbreviations[tokens[n].hash], tokens[n].isCapitalizedWord {
            if scalar(n + 1) == 0x2E {
                n += 2
            } else if tokens[n].has(.allCaps), tables.words.positions.contains(tokens[n].hash) {
                // `Browns QB Baker Mayfield`: a position in capitals takes no period.
                n += 1
            } else {
                break
            }
            head = title
        }
        guard let head, n < limit, tokens[n].isCapitalizedWord else { return nil }
        return (n, head)
    }

    /// The end of a title-cased stretch from `start` (four or more capitalised words, two of them
    /// ordinary words), or `start` when there is none. A word that opens the sentence is capitalised
    /// for that reason alone: it does not count as an ordinary word ("The New Jersey Department of …").
    private mutating func titleCaseStretch(from start: Int, limit: Int, sentenceStart: Int) -> Int {
        var e = start
        var caps = 0
        var ordinary = 0
        while e < limit {
            let token = tokens[e]
            if token.isCapitalizedWord {
                caps += 1
                // Title words are not ordinary here ("Interior Minister Wolfgang Peschorn" after the
                // article wrote "the interior minister"): the stretch is a titled name, not a headline.
                if (isA(token.hash, .commonWord) || seenLowercase(token.hash)) && !isKnownName(e)
                    && !isInitialPosition(e, sentenceStart: sentenceStart) && !isA(token.hash, [.titleWord, .titleModifier])
                {
                    ordinary += 1
                }
                e += 1
                continue
            }
            if token.isLowercaseWord && smallWords.contains(token.hash) && e + 1 < limit && tokens[e + 1].isCapitalizedWord {
                e += 1
                continue
            }
            break
        }
        guard caps >= 4 && ordinary >= 2 else { return start }
        // A name built on a head word ("Amateur Hockey Association of Canada", "Tarn Valley Rowing
        // Club") is title-cased because it is a name, not a quoted headline.
        var last = e - 1
        while last > start && !tokens[last].isCapitalizedWord { last -= 1 }
        if isA(tokens[last].hash, .organizationHead) { return start }
        for i in start..<(e - 1)
        where tokens[i + 1].isLowercaseWord && (tokens[i + 1].hash == of || tokens[i + 1].hash == tables.words.for)
            && isA(tokens[i].hash, .organizationHead)
        {
            return start
        }
        return e
    }

    /// The name after an office written out in title case with its body (`Minister of State for
    /// Disaster Management and Relief Farhana Rouf Chowdhury`): a title at `start`, then capitalised
    /// words joined by `of`, `for`, `and` or `the` (at least one of them), and at the end the person:
    /// from a given name among the last four words, or else up to three capitalised words that are
    /// no English words, two at least. Nil for anything else, which the ordinary rules read
    /// (`Health Minister Paulo Reyes`).
    private mutating func longTitleName(from start: Int, limit: Int) -> (Int, Int)? {
        guard let officeEnd = titleEnd(at: start, limit: limit) else { return nil }
        var e = officeEnd
        var connectors = 0
        while e < limit {
            if tokens[e].isCapitalizedWord {
                // A second title after a connector is a second person's (`Senator Dino Melaye and
                // Senator Ben Murray-Bruce`): the office ends before it.
                if tokens[e - 1].isLowercaseWord, titleEnd(at: e, limit: limit) != nil {
                    e -= 1
                    connectors -= 1
                    break
                }
                e += 1
            } else if tokens[e].isLowercaseWord && smallWords.contains(tokens[e].hash) && e + 1 < limit && tokens[e + 1].isCapitalizedWord {
                connectors += 1
                e += 1
            } else if tokens[e].isLowercaseWord && (tokens[e].hash == tables.words.to || tokens[e].hash == of) && e + 2 < limit
                && isLowercaseThe(e + 1) && tokens[e + 2].isCapitalizedWord
            {
                // `Ambassador to the European Union Gordon Sondland`.
                connectors += 1
                e += 2
            } else {
                break
            }
        }
        guard connectors > 0 else { return nil }
        // The name: from a given name of the shipped lists among the last four words, or else back
        // from the end over up to three words that are no English words.
        var nameStart = e
        var given: Int?
        var k = e - 1
        while k > officeEnd, k >= e - 4, tokens[k].isCapitalizedWord {
            if isA(tokens[k].hash, [.maleName, .femaleName]) { given = k }
            k -= 1
        }
        if let given {
            nameStart = given
        } else {
            while nameStart > officeEnd, e - nameStart < 3, tokens[nameStart - 1].isCapitalizedWord,
                !isA(tokens[nameStart - 1].hash, [.englishWord, .commonWord]), !seenLowercase(tokens[nameStart - 1].hash)
            {
                nameStart -= 1
            }
        }
        // Two words of name at least, after at least one word of the office's body.
        guard e - nameStart >= 2, nameStart - officeEnd >= 2, tokens[nameStart - 1].isCapitalizedWord else { return nil }
        return (nameStart, e)
    }

    /// The end of a run of capitalised words starting at `start`, with connectors between them.
    private mutating func runEnd(from start: Int, limit: Int) -> Int {
        var e = start + 1
        // Whether the run holds an organisation head and its complement ("Chamber of Commerce",
        // "Center for …"): a further "of", "for" or "and" then belongs to the name.
        var headPhrase = false
        while e < limit {
            let n = tokens[e]
            if n.isCapitalizedWord && !isNotName(e) {
                e += 1
                continue
            }
            if e + 1 < limit && tokens[e + 1].isCapitalizedWord && !isNotName(e + 1) {
                if n.has(.ampersand) || (n.isLowercaseWord && connectors.contains(n.hash)) {
                    e += 2
                    continue
                }
                if n.hash == of && n.isLowercaseWord {
                    // A listed name that holds `of`: `House of Representatives`, `Bank of England`.
                    var k = e + 2
                    while k < limit && tokens[k].isCapitalizedWord && k - start < 6 { k += 1 }
                    if isA(sequence(start, k), [.organizationPhrase, .placePhrase]) {
                        e = k
                        continue
                    }
                    let before = tokens[e - 1].hash
                    if isA(before, .organizationHead) || isA(before, .placeHead)
                        || isA(before, .title) || before == united
                        || headPhrase
                    {
                        if isA(before, .organizationHead) { headPhrase = true }
                        e += 2
                        continue
                    }
                }
                // `Health and Human Services`, `Citizenship and Immigration Services`, `Food and
                // Drug Administration`: `and` between a word or two and a name an organisation head
                // ends, all ordinary English words (not two firms: `SBI and ICICI Bank`, `Gannett and
                // GateHouse Media`), or a listed name.
                if n.hash == and && n.isLowercaseWord && e - start <= 2 && tokens[e + 1].hash != the {
                    var k = e + 1
                    while k < limit && tokens[k].isCapitalizedWord && !isNotName(k) && k - e <= 3 { k += 1 }
                    func ordinary(_ i: Int) -> Bool { isA(tokens[i].hash, .englishWord) && !isKnownName(i) }
                    if isA(sequence(start, k), .organizationPhrase)
                        || (isA(tokens[k - 1].hash, .organizationHead) && (start..<e).allSatisfy(ordinary)
                            && ((e + 1)..<(k - 1)).allSatisfy(ordinary))
                    {
                        headPhrase = true
                        e = k
                        continue
                    }
                }
                // `Commission on Human Rights`, `Joint Committee on Intelligence and Security`.
                if n.isLowercaseWord
                    && (((n.hash == tables.words.for || n.hash == tables.words.on) && isA(tokens[e - 1].hash, .organizationHead))
                        || (n.hash == and && headPhrase && !isKnownName(e + 1)))
                {
                    headPhrase = true
                    e += 2
                    continue
                }
            }
            if n.hash == of && n.isLowercaseWord && e + 2 < limit && isLowercaseThe(e + 1) && tokens[e + 2].isCapitalizedWord
                && isA(tokens[e - 1].hash, .organizationHead)
            {
                e += 3
                continue
            }
            // A name that ends in its possessive ("Moody's said", "at McDonald's") keeps it, and
            // ends there; not the surname of a person named in full before ("Michael McDonald
            // ... McDonald's cameo").
            if n.has(.possessive), gazetteer.possessiveOrganizations.contains(sequence(start, e)),
                !(e == start + 1 && surnames.contains(tokens[start].hash))
            {
                e += 1
                break
            }
            if n.has(.possessive), let end = possessiveNameEnd(possessive: e, runStart: start, limit: limit) {
                e = end
                continue
            }
            break
        }
        return e
    }

    /// Where a name built on a possessive ends, when the possessive at `p` belongs to one: the
    /// possessor a plural ("Dockworkers' Federation", "Teachers' Union"), an ordinary word
    /// ("Women's Institute", "Children's Hospital") or the last of a run with no given name, or
    /// with a head word ("Plains Cattlemen's Association", "Bartholomew County Sheriff's
    /// Department"), and the capitalised words after it ending in an organisation or place head. A possessive after a name ("Putin's adviser", "Anna Berg's
    /// Labour Party", "Norway's Labour Party") is an affiliation, and the run ends before it.
    private mutating func possessiveNameEnd(possessive p: Int, runStart: Int, limit: Int) -> Int? {
        guard p > runStart, p + 1 < limit, tokens[p + 1].isCapitalizedWord, !isNotName(p + 1), tokens[p - 1].isCapitalizedWord else {
            return nil
        }
        let possessor = tokens[p - 1]
        // A plural's possessive is the lone apostrophe: "Dockworkers'".
        let plural = tokens[p].end - tokens[p].start == 1
        // A saint's name owns the building named after it ("St Brendan's General Hospital", "St.
        // Mary's Church"): the checks of a possessor below do not apply, the head word still does.
        let saint =
            (runStart >= 1 && tokens[runStart - 1].hash == tables.words.saint)
            || (runStart >= 2 && scalar(runStart - 1) == 0x2E && tokens[runStart - 2].hash == tables.words.saint)
        if !(saint && p == runStart + 1) {
            // A run that is a name of its own owns what follows: "Vox Media's", "South Dakota's",
            // "New York University's".
            // A plural's possessive goes on even after a head word: `Allied Teachers' Union`.
            guard !isKnownName(p - 1), plural || !isA(possessor.hash, [.organizationHead, .placeHead]),
                !isA(sequence(runStart, p), [.placePhrase, .organizationPhrase])
            else { return nil }
            // A given name in the run makes it a person's ("Anders Halvorsen's"), unless a head word
            // makes it a place's or an organisation's ("Bartholomew County Sheriff's Department").
            let unnamedRun =
                p - runStart >= 2
                && (!(runStart..<p).contains { isA(tokens[$0].hash, [.maleName, .femaleName]) }
                    || (runStart..<p).contains { isA(tokens[$0].hash, [.placeHead, .organizationHead]) })
            guard plural || unnamedRun || isA(possessor.hash, [.commonWord, .englishWord]) else { return nil }
        }
        var e = p + 1
        var headed = false
        while e < limit, tokens[e].isCapitalizedWord, !isNotName(e) {
            headed = isA(tokens[e].hash, [.organizationHead, .placeHead])
            e += 1
        }
        return headed ? e : nil
    }

    private mutating func isInitialPosition(_ i: Int, sentenceStart: Int) -> Bool {
        if i == sentenceStart { return true }
        let p = tokens[i - 1]
        if p.has(.opener) { return true }
        if p.has(.breaker) {
            let v = scalar(i - 1)
            return v == 0x3A || v == 0x2014 || v == 0x2D || v == 0x2022
        }
        return false
    }

    private mutating func isKnownName(_ i: Int) -> Bool {
        let h = tokens[i].hash
        let c = classes(h)
        if c.rawValue & WordClasses.Classes([.maleName, .femaleName, .place, .organization, .demonym, .group]).rawValue != 0
            || (tokens[i].has(.allCaps) && c.contains(.acronym))
        {
            return true
        }
        let one = single(h)
        return overrides.people.contains(one) || overrides.organizations.contains(one) || overrides.places.contains(one)
            || overrides.groups.contains(one)
    }

    private mutating func processRun(
        _ runStart: Int, _ runEnd: Int, sentence s: Int, personCue cue: Bool, title: (Entity.Role, UInt64)? = nil
    ) {
        let r = sentences[s].range
        var a = runStart
        var b = runEnd
        // `Rachel Thornbury KC`: post-nominal letters after a name of two words or more are dropped.
        while b - a >= 3 && tokens[b - 1].has(.allCaps) && tables.words.postNominals.contains(tokens[b - 1].hash) { b -= 1 }
        var personCue = cue
        // An ordinary word capitalised because it opens the sentence is not a name.
        if isInitialPosition(a, sentenceStart: r.lowerBound) && !isKnownName(a) && !isSurnameOpening(a, b, limit: r.upperBound) {
            let h = tokens[a].hash
            // `Meanwhile,`-like openers: an adverb in `-ly`, or a participle in `-ing` (`Defending,
            // barrister Julian Okafor said`, `Speaking, …`), alone before a comma.
            let adverb =
                b == a + 1 && b < r.upperBound && tokens[b].has(.comma) && tokens[a].end - tokens[a].start > 4
                && (endsInLy(a) || endsInIng(a))
            // Not a word the article writes in lowercase that opens a name built on an organisation
            // head or listed whole ("Valley Power did not respond" after "the northern valley"); asked
            // only of such a word.
            // `Questioning Vindman's judgment`, `Hosting Cook, …`: a participle before one name
            // (not `Reading Station`, `Ealing Council`: a name that a head word ends; not a title
            // of three words, `Growing Up Weightless`).
            let participle =
                b == a + 2 && tokens[a].end - tokens[a].start > 5 && endsInIng(a)
                && !isA(tokens[b - 1].hash, [.organizationHead, .placeHead, .miscHead])
                && !isA(sequence(a, b), [.organizationPhrase, .placePhrase])
            if h == the || adverb || participle || isA(h, .commonWord) || isA(h, .titleModifier)
                || (seenLowercase(h)
                    && !(b - a >= 2
                        && (isA(tokens[b - 1].hash, .organizationHead) || isA(sequence(a, b), [.placePhrase, .organizationPhrase]))))
            {
                if titleEnd(at: a, limit: b) == nil || h == the { a += 1 }
            }
        }
        guard a < b else { return }
        // A capitalised run that only opens a title written on in lowercase ("Board member Lukas Ferro",
        // "Prime minister Eva Lund") is no name: the title is found again before the name that follows.
        if let e = titleEnd(at: a, limit: r.upperBound), e > b { return }
        // Authors cited by year ("Miller & Robertson, 2010", "Dye & Bavelier 2010;"): each side of the
        // ampersand is a person, not one firm.
        if b - a >= 3 && isCitation(after: b, limit: r.upperBound) {
            var part = a
            for i in a..<b where tokens[i].has(.ampersand) {
                addCandidate(part, i, sentence: s, personCue: true, roles: [], heads: [])
                part = i + 1
            }
            if part > a {
                addCandidate(part, b, sentence: s, personCue: true, roles: [], heads: [])
                return
            }
        }
        var roles: [Entity.Role] = []
        var heads: [UInt64] = []
        // A title inside the run: affiliation, title, then the name ("German Chancellor Friedrich Merz").
        var lastTitle: (Int, Int)?
        var i = a
        while i < b {
            // `Center for Coastal Studies`: a title that is also an organisation's head, with a
            // lowercase word after it, heads a name instead.
            if let e = titleEnd(at: i, limit: b), !(e < b && tokens[e].isLowercaseWord && isA(tokens[e - 1].hash, .organizationHead)) {
                lastTitle = (i, e)
                i = e
            } else {
                i += 1
            }
        }
        let whole = sequence(a, b)
        let wholeKnown =
            isA(whole, [.placePhrase, .organizationPhrase]) || overrides.organizations.contains(whole)
            || overrides.places.contains(whole) || overrides.people.contains(whole)
        // A title word that ends the run right after a given name is a surname ("Ken Doctor",
        // "Ada Pilot"), not a title after an affiliation; so is that word alone once it is one.
        let surnameTitle =
            lastTitle.map { (ts, te) in
                te == b && te == ts + 1
                    && ((ts == a + 1 && isA(tokens[a].hash, [.maleName, .femaleName])) || (ts == a && surnames.contains(tokens[a].hash)))
            } == true
        if let (ts, te) = lastTitle, !wholeKnown, !surnameTitle, !isA(tokens[b - 1].hash, .organizationHead) {
            if ts > a {
                // The part before the title is an affiliation, and a name of its own.
                addCandidate(a, ts, sentence: s, personCue: false, roles: [], heads: [])
            }
            if te < b {
                var nameStart = te
                if tokens[nameStart].hash == of { nameStart += 1 }
                if nameStart == te {
                    // `the cabinet member for finance, Councillor Owen Malley`: a title set off before
                    // the one the name carries.
                    if ts == a, let (role, head) = titleBeforeComma(a, sentenceStart: r.lowerBound) {
                        roles.append(role)
                        heads.append(head)
                    }
                    roles.append(
                        Entity.Role(title: text(ts, te), affiliation: ts > a ? text(a, ts) : nil, range: range(a, te)))
                    heads.append(tokens[te - 1].hash)
                    personCue = true
                }
                a = nameStart
            } else {
                return
            }
        } else if let (role, head) = title {
            roles.append(role)
            heads.append(head)
            personCue = true
        } else if lastTitle == nil || surnameTitle {
            // A title before the run: "US envoys Steve Witkoff", "Putin's adviser Yuri Ushakov".
            // `the retired High Court judge Dame Philippa Rowcroft`: the title stands before the honorific.
            var anchor = a
            if cue, anchor - 1 > r.lowerBound, scalar(anchor - 1) == 0x2E, isA(tokens[anchor - 2].hash, .honorific) {
                anchor -= 2
            } else if cue, anchor > r.lowerBound, isA(tokens[anchor - 1].hash, .honorific) {
                anchor -= 1
            }
            if let (role, head, plural, _) = titleBefore(anchor, sentenceStart: r.lowerBound) {
                roles.append(role)
                heads.append(head)
                personCue = true
                if plural { pendingRole = (start: 0, role: role, head: head) }
            } else if let (role, head) = titleBeforeComma(honorificStart(a, sentenceStart: r.lowerBound), sentenceStart: r.lowerBound) {
                roles.append(role)
                heads.append(head)
                personCue = true
            } else if let pending = pendingRole, pending.start == a {
                roles.append(pending.role)
                heads.append(pending.head)
                personCue = true
            }
        }
        guard a < b else { return }
        // An apposition after the run: "Ushakov, a Kremlin aide", "Mara Lindqvist, the bank's chief executive".
        // `for the Crown, the prosecutor, Rachel Thornbury`: after `the`, the run is no person, and a
        // title set off after it that a name follows is that name's.
        let afterThe = a > r.lowerBound && isLowercaseThe(a - 1)
        // After post-nominal letters too: `Jonathan Keswick KC, counsel to the inquiry`.
        // `Rahima, 34, a rice farmer`, `Lund, 61, said`: an age between commas right after the name,
        // and after them an article, `of`, `from`, `who` or a verb, marks a person (not `corso
        // Monforte, 15, Milan` nor `corso Vittoria, 12, near the station`).
        if runEnd + 3 < r.upperBound, tokens[runEnd].has(.comma), tokens[runEnd + 2].has(.comma), isBareAge(runEnd + 1),
            tokens[runEnd + 3].isLowercaseWord, tables.words.afterAge.contains(tokens[runEnd + 3].hash)
        {
            personCue = true
        }
        var occupations: [(Entity.Role, UInt64)] = []
        // `grew up in the port town of Saltmere, the daughter of a seamstress`: a place's name after
        // `town of` takes no apposition; the description is the subject's.
        let namedPlace =
            a - 2 >= r.lowerBound && tokens[a - 1].isLowercaseWord && tokens[a - 1].hash == of && tokens[a - 2].isLowercaseWord
            && tables.words.settlementNouns.contains(tokens[a - 2].hash)
        if namedPlace {
            // No role and no occupation.
        } else if let (role, head) = appositionAfter(runEnd, limit: r.upperBound, beforeName: !afterThe) {
            roles.append(role)
            heads.append(head)
            personCue = true
            if let second = coordinatedTitle(after: role, from: runEnd, limit: r.upperBound) {
                roles.append(second.0)
                heads.append(second.1)
            }
        } else if !afterThe, let first = occupationAfter(runEnd, limit: r.upperBound) {
            // Also after a title before the name: `Their organiser, Jakob Mertens, a wheat grower`.
            occupations.append(first)
            if let second = coordinatedTitle(after: first.0, from: runEnd, limit: r.upperBound) { occupations.append(second) }
        }
        addCandidate(a, b, sentence: s, personCue: personCue, roles: roles, heads: heads, occupations: occupations)
        // A plural title distributes over a pair or list: "envoys Steve Witkoff and Jared Kushner".
        if var pending = pendingRole {
            if b + 1 < r.upperBound && (tokens[b].hash == and || tokens[b].has(.comma)) && tokens[b + 1].isCapitalizedWord {
                pending.start = b + 1
                pendingRole = pending
            } else {
                pendingRole = nil
            }
        }
    }

    /// A title set off by a comma before the name: "The union's general secretary, Piet Dorn, said",
    /// "Norrland's prime minister, Eva Lund". Only after a possessive or a determiner, so that a
    /// clause ending in a title word ("In his years as minister, Lund …") gives no role.
    private mutating func titleBeforeComma(_ a: Int, sentenceStart: Int) -> (Entity.Role, UInt64)? {
        guard a - 2 > sentenceStart, tokens[a - 1].has(.comma), tokens[a - 2].has(.word) else { return nil }
        // `the council's director of resources, Graham Tillotson`: a title with `of` or `for` and
        // up to three lowercase words of what it is over.
        var last = a - 2
        // A word that only modifies a title ends a field, not a title: `member for finance`.
        var found = isA(tokens[last].hash, .titleWord) ? titleBefore(last + 1, sentenceStart: sentenceStart) : nil
        if found == nil {
            var p = last
            // `The chair of the Senate, Bukola Saraki`: the name of what the title is over.
            if tokens[p].isCapitalizedWord {
                while p > sentenceStart + 2, last - p < 4, tokens[p - 1].isCapitalizedWord { p -= 1 }
                p -= 1
                if p > sentenceStart + 1, isLowercaseThe(p) { p -= 1 }
                guard tokens[p].isLowercaseWord, tokens[p].hash == of || tokens[p].hash == tables.words.for else { return nil }
            }
            while p > sentenceStart + 1, last - p < 3, tokens[p].isLowercaseWord, tokens[p].hash != of, tokens[p].hash != tables.words.for {
                p -= 1
            }
            guard p < last, tokens[p].isLowercaseWord, tokens[p].hash == of || tokens[p].hash == tables.words.for,
                isA(tokens[p - 1].hash, .titleWord)
            else { return nil }
            if !tokens[p - 1].isLowercaseWord {
                // `The President of the Senate, Bukola Saraki`, `Speaker of the House, Mike Johnson`:
                // a capitalised title of what it is over, opening the sentence or after `the`.
                let t = p - 1
                guard tokens[t].isCapitalizedWord,
                    t == sentenceStart || isLowercaseThe(t - 1) || (t - 1 == sentenceStart && tokens[t - 1].hash == the)
                else { return nil }
                if t == sentenceStart {
                    return (Entity.Role(title: text(t, a - 1), affiliation: nil, range: range(t, a - 1)), tokens[t].hash)
                }
            }
            last = p - 1
            found = titleBefore(last + 1, sentenceStart: sentenceStart)
        }
        // `A spokeswoman for the governor, Dana Kessler`: the title is the one before `for the`.
        if case (_, _, _, let m0)? = found, m0 - 3 > sentenceStart, isLowercaseThe(m0 - 1), tokens[m0 - 2].isLowercaseWord,
            tokens[m0 - 2].hash == tables.words.for || tokens[m0 - 2].hash == tables.words.to, isA(tokens[m0 - 3].hash, .titleWord),
            let outer = titleBefore(m0 - 2, sentenceStart: sentenceStart)
        {
            found = outer
            last = m0 - 3
        }
        guard case (let titleRole, let head, let plural, var m)? = found, !plural, m > sentenceStart else { return nil }
        var role = titleRole
        if last < a - 2 {
            role = Entity.Role(title: role.title + " " + text(last + 1, a - 1), affiliation: role.affiliation, range: range(m, a - 1))
        }
        // `a new treasurer, Owen Castellanos`, `The charity's current chair of trustees, Patricia
        // Nwosu`: a word of tenure in lowercase before the title belongs to it (not a modifier of
        // titles everywhere: `New Jersey Sen. Cory Booker`).
        if m - 1 > sentenceStart, role.affiliation == nil, tokens[m - 1].isLowercaseWord,
            tables.words.tenureWords.contains(tokens[m - 1].hash)
        {
            m -= 1
            role = Entity.Role(title: text(m, a - 1), affiliation: nil, range: range(m, a - 1))
        }
        let before = tokens[m - 1]
        // `Questioned by Tomasz Wieczorek, the defence barrister, Mrs Ashdown said`: a description
        // set off after an earlier name is that name's, not the one after the honorific.
        if isA(tokens[a].hash, .honorific), m - 3 >= sentenceStart, isLowercaseThe(m - 1) || before.hash == self.a,
            tokens[m - 2].has(.comma), tokens[m - 3].isCapitalizedWord
        {
            return nil
        }
        // `The prime minister, Gregory Sallow`, `Their captain, Liesel Brandvold`, `the Transport
        // Secretary, Julian Ashcombe`; a capitalised title only after `the` in lowercase (not
        // `Labour Secretary, …` in a list).
        // `Another analyst, Ines Valcourt of Harland Brothers,` too.
        let opensSentence =
            isInitialPosition(m - 1, sentenceStart: sentenceStart)
            && (determiners.contains(before.hash) || before.hash == tables.words.another)
        // A capitalised title only after `the` (`The Energy Secretary, Adrian Colquhoun`), not in
        // a list (`Labour Secretary, …`).
        if !tokens[last].isLowercaseWord && !isLowercaseThe(m - 1) && !(opensSentence && tokens[m - 1].hash == the) { return nil }
        if before.has(.possessive) || (before.isLowercaseWord && determiners.contains(before.hash)) || opensSentence { return (role, head) }
        // `Centre Forward, whose leader, Piet Varga, said`: the title of the name before `whose`.
        if before.isLowercaseWord, before.hash == tables.words.whose, m - 3 >= sentenceStart, tokens[m - 2].has(.comma),
            tokens[m - 3].isCapitalizedWord, tokens[last].isLowercaseWord
        {
            var p = m - 3
            while p > sentenceStart && tokens[p - 1].isCapitalizedWord && m - 3 - p < 3 { p -= 1 }
            guard !isInitialPosition(p, sentenceStart: sentenceStart) || p < m - 3 || isKnownName(p) else { return nil }
            return (Entity.Role(title: role.title, affiliation: text(p, m - 2), range: range(m, a - 1)), head)
        }
        // `A Westmere Constabulary spokeswoman, Halldóra Brennan`: an organisation's name between a
        // determiner and the title, which `titleBefore` took as the affiliation.
        if before.isCapitalizedWord && tokens[last].isLowercaseWord {
            var p = m - 1
            while p > sentenceStart && tokens[p - 1].isCapitalizedWord && m - p < 5 { p -= 1 }
            let d = p == sentenceStart ? p : p - 1
            if determiners.contains(tokens[d].hash) && (tokens[d].isLowercaseWord || isInitialPosition(d, sentenceStart: sentenceStart)) {
                return (role, head)
            }
        }
        // One or two nouns between a determiner and the title name what it is a title of: "The
        // authority chief executive, Mara Lindqvist", "the ferry company director, …" (not ordinary
        // words: "the new chief executive, …" gives no affiliation).
        var d = m - 1
        while d >= sentenceStart && d >= m - 2 && tokens[d].isLowercaseWord && !determiners.contains(tokens[d].hash)
            && !isA(tokens[d].hash, [.commonWord, .titleModifier]) && !endsInLy(d)
        {
            d -= 1
        }
        // `Pryce's campaign manager, Lorna Beckett`: a possessor's name, then the nouns and the
        // title, which make the title together.
        if d > sentenceStart, d < m - 1, tokens[d].has(.possessive), tokens[d - 1].isCapitalizedWord {
            var p = d - 1
            while p > sentenceStart && tokens[p - 1].isCapitalizedWord && d - p < 4 { p -= 1 }
            return (Entity.Role(title: text(d + 1, a - 1), affiliation: text(p, d), range: range(p, a - 1)), head)
        }
        guard d >= sentenceStart, d < m - 1, determiners.contains(tokens[d].hash),
            tokens[d].isLowercaseWord || isInitialPosition(d, sentenceStart: sentenceStart)
        else { return nil }
        // `His younger brother, Declan Mallory`: after a possessive pronoun the words are part of
        // the title, and no affiliation is named.
        if tables.words.possessivePronouns.contains(tokens[d].hash) {
            return (Entity.Role(title: text(d + 1, a - 1), affiliation: nil, range: range(d + 1, a - 1)), head)
        }
        let affiliated = Entity.Role(title: role.title, affiliation: text(d, m), range: range(d, a - 1))
        return (affiliated, head)
    }

    /// Where the name starting at `a` starts with the honorific before it (`Dr.`, `Mrs`), or `a`.
    private mutating func honorificStart(_ a: Int, sentenceStart: Int) -> Int {
        if a - 1 > sentenceStart, scalar(a - 1) == 0x2E, isA(tokens[a - 2].hash, .honorific) { return a - 2 }
        if a > sentenceStart, isA(tokens[a - 1].hash, .honorific) { return a - 1 }
        return a
    }

    /// A title just before `a`, with its affiliation, whether it is plural, and where the title starts.
    private mutating func titleBefore(_ a: Int, sentenceStart: Int) -> (Entity.Role, UInt64, Bool, Int)? {
        var m = max(sentenceStart, a - 5)
        while m < a {
            if tokens[m].has(.word), let e = titleEnd(at: m, limit: a), e == a {
                break
            }
            m += 1
        }
        guard m < a else { return nil }
        // Only words between: a title written before a name.
        var affiliation: (Int, Int)?
        if m - 1 >= sentenceStart && tokens[m - 1].has(.possessive) {
            var p = m - 2
            if p >= sentenceStart && tokens[p].isCapitalizedWord {
                while p - 1 >= sentenceStart && tokens[p - 1].isCapitalizedWord { p -= 1 }
                affiliation = (p, m - 1)
            } else if p >= sentenceStart && tokens[p].isLowercaseWord {
                if p - 1 >= sentenceStart && determiners.contains(tokens[p - 1].hash) { p -= 1 }
                affiliation = (p, m - 1)
            }
        } else if m - 1 >= sentenceStart && tokens[m - 1].isCapitalizedWord {
            var p = m - 1
            while p - 1 >= sentenceStart && tokens[p - 1].isCapitalizedWord && p - 1 > m - 4 { p -= 1 }
            if isInitialPosition(p, sentenceStart: sentenceStart) && isA(tokens[p].hash, .commonWord) { p += 1 }
            if p < m { affiliation = (p, m - 1 + 1) }
        } else if m - 1 >= sentenceStart && isAffiliationNoun(m - 1) {
            // A lowercase noun before a lowercase title: "said union chairman Erik Dahl", "the company
            // spokeswoman Nina Strand"; not a verb or a preposition ("warned analyst Mira Holt").
            affiliation = (m - 1, m)
            // `Halvergate port authority director Ingrid Solheim`: a name and up to two more nouns
            // before it belong to it.
            var p = m - 1
            while p - 1 > sentenceStart, m - p < 3, tokens[p - 1].isLowercaseWord, !isA(tokens[p - 1].hash, [.commonWord, .titleWord]),
                !determiners.contains(tokens[p - 1].hash), !tables.words.clauseWords.contains(tokens[p - 1].hash)
            {
                p -= 1
            }
            if p - 1 >= sentenceStart, tokens[p - 1].isCapitalizedWord {
                var q = p - 1
                while q - 1 >= sentenceStart && tokens[q - 1].isCapitalizedWord && p - q < 3 { q -= 1 }
                if !(isInitialPosition(q, sentenceStart: sentenceStart) && isA(tokens[q].hash, .commonWord)) { affiliation = (q, m) }
            }
        }
        let from = affiliation?.0 ?? m
        let role = Entity.Role(title: text(m, a), affiliation: affiliation.map { text($0.0, $0.1) }, range: range(from, a))
        let plural = isPlural(a - 1)
        return (role, tokens[a - 1].hash, plural, m)
    }

    /// Whether a title word is a plural ("envoys", "ministers"): it ends in s and the word without it is a title.
    private mutating func isPlural(_ i: Int) -> Bool {
        let t = tokens[i]
        guard t.end - t.start >= 3, scalars[Int(t.end) - 1].value | 0x20 == 0x73 else { return false }
        var h = WordHash.offset
        for k in Int(t.start)..<(Int(t.end) - 1) { h = WordHash.add(h, scalars[k].value) }
        return isA(h, .title)
    }

    /// Where a title read up to `e` ends when titles in lowercase follow it: `a former head
    /// teacher`, `the deputy press secretary`.
    private mutating func lowercaseTitleEnd(from e: Int, limit: Int) -> Int {
        var e = e
        while e < limit, tokens[e].isLowercaseWord, let longer = titleEnd(at: e, limit: limit), longer > e { e = longer }
        return e
    }

    /// Whether the token at `i` is a verb that follows a subject (`admitted`, `says`), so that the
    /// description before it is the subject of a clause, not an apposition; not `and` or `or`,
    /// which may join a second title.
    private func isVerbOfClause(_ i: Int, limit: Int) -> Bool {
        guard i < limit, tokens[i].isLowercaseWord, tokens[i].hash != and, tokens[i].hash != tables.words.or else { return false }
        return tables.words.subjectVerbs.contains(tokens[i].hash) || tables.words.reportedVerbs.contains(tokens[i].hash)
    }

    /// A title in apposition after the name ending at `b`: `, a Kremlin aide`.
    private mutating func appositionAfter(_ b: Int, limit: Int, beforeName: Bool = true) -> (Entity.Role, UInt64)? {
        var b = b
        // `Dagny Persson, 54, a home-care nurse`: past an age between commas, when an article or a
        // relative clause follows (`Martin Greele, 58, who served as treasurer`).
        if b + 4 < limit, tokens[b].has(.comma), isBareAge(b + 1), tokens[b + 2].has(.comma),
            isLowercaseArticle(b + 3) || (tokens[b + 3].isLowercaseWord && tokens[b + 3].hash == tables.words.who)
        {
            b += 2
        }
        guard b + 2 < limit, tokens[b].has(.comma) else { return nil }
        // `Odile Fennimore, who is also president of the historical society,`: a relative clause
        // with `is` or `was` describes as an appositive does.
        var opening = b + 1
        // `Leonard Pym, then the art critic of the Evening Post`, `now the studio's manager`.
        if opening + 2 < limit, tokens[opening].isLowercaseWord, tables.words.relativeAdverbs.contains(tokens[opening].hash),
            isLowercaseArticle(opening + 1) || tokens[opening + 2].has(.possessive)
        {
            opening += 1
        }
        if opening + 2 < limit, tokens[opening].isLowercaseWord, tokens[opening].hash == tables.words.who,
            tables.words.relativeBe.contains(tokens[opening + 1].hash)
        {
            opening += 2
            if tokens[opening].isLowercaseWord, tables.words.relativeAdverbs.contains(tokens[opening].hash) { opening += 1 }
            guard opening + 1 < limit else { return nil }
        } else if opening + 3 < limit, tokens[opening].isLowercaseWord, tokens[opening].hash == tables.words.who {
            // `, who served as treasurer of the fund`, `, who has worked as a nurse`: a post held.
            var v = opening + 1
            if tables.words.relativeHave.contains(tokens[v].hash) { v += 1 }
            if tokens[v].isLowercaseWord, tables.words.relativeAdverbs.contains(tokens[v].hash) { v += 1 }
            if v + 2 < limit, tables.words.relativeServe.contains(tokens[v].hash), tokens[v + 1].hash == tables.words.asWord {
                opening = v + 2
            }
        }
        var p = opening
        if determiners.contains(tokens[p].hash) && tokens[p].isLowercaseWord { p += 1 }
        // `Tessa Quinlan, the Grammy-winning singer`: a hyphenated modifier right before a title.
        if p + 1 < limit, tokens[p].has(.compound), !tokens[p].has(.digit), titleEnd(at: p + 1, limit: limit) != nil { p += 1 }
        let affiliationStart = p
        var affiliation: (Int, Int)?
        // A possessive affiliation: "the bank's", "Putin's".
        var q = p
        while q < limit && q < p + 3 && tokens[q].has(.word) { q += 1 }
        var possessive = false
        if q < limit && q > p && tokens[q].has(.possessive) {
            possessive = true
            affiliation = (
                isLowercaseThe(opening) ? opening : p, q
            )
            p = q + 1
        } else if p < limit && tokens[p].isCapitalizedWord && titleEnd(at: p, limit: limit) == nil {
            var e = p
            while e < limit && tokens[e].isCapitalizedWord && titleEnd(at: e, limit: limit) == nil { e += 1 }
            affiliation = (p, e)
            p = e
        }
        // "a marine ecologist", "a veteran negotiator": after an article, one lowercase word of a
        // field or a manner before a title in lowercase belongs to it; not after a possessive ("his
        // family doctor" is someone else) nor before a name ("the real Prince Andrew").
        guard p < limit else { return nil }
        // `the principal deputy White House press secretary`, `a senior State Department official`,
        // `a former Fox News host`: modifiers, a name, then the title; the name is its affiliation.
        if affiliation == nil {
            var m = p
            while m < limit, m < p + 3, tokens[m].isLowercaseWord, isA(tokens[m].hash, [.titleModifier, .titleWord]) { m += 1 }
            var d = m
            while d < limit && d < m + 3 && tokens[d].isCapitalizedWord && titleEnd(at: d, limit: limit) == nil { d += 1 }
            if m > p, d > m, d < limit, tokens[d].isLowercaseWord, var rest = titleEnd(at: d, limit: limit) {
                rest = lowercaseTitleEnd(from: rest, limit: limit)
                if !isVerbOfClause(rest, limit: limit) {
                    let role = Entity.Role(
                        title: text(p, m) + " " + text(d, rest), affiliation: text(m, d), range: range(affiliationStart, rest))
                    return (role, tokens[rest - 1].hash)
                }
            }
        }
        var end = titleEnd(at: p, limit: limit)
        // After a possessive too: `Kestrelia's deputy environment minister`.
        if end == nil && ((affiliation == nil && p > opening && isLowercaseArticle(opening)) || possessive) {
            // Up to four such words: `a retired bus driver`, `the shadow transport secretary`, `a
            // 71-year-old retired primary school teacher` (an age before them is left out); not
            // words that open a clause or a phrase (`a town where the mayor …`).
            if p < limit && isAge(p) {
                p += 1
                end = p < limit ? titleEnd(at: p, limit: limit) : nil
            }
            var q = p
            while end == nil && q < limit && q < p + 5 && tokens[q].isLowercaseWord && !tables.words.clauseWords.contains(tokens[q].hash) {
                if q > p, let e = titleEnd(at: q, limit: limit), e == limit || !tokens[e].isCapitalizedWord { end = e }
                q += 1
            }
        }
        guard let end, p < end else { return nil }
        let e = lowercaseTitleEnd(from: end, limit: limit)
        // `… in the Assembly, Minority Leader Carla Whitcomb, called`: a title a name follows is
        // that name's, not an appositive of the words before the comma.
        if e < limit, tokens[e].isCapitalizedWord, !isA(tokens[e].hash, .notName) { return nil }
        // `Speaking to host Jonah Pell, the singer admitted …`: a description a verb follows is the
        // subject of the clause after the comma, not the name's apposition.
        if affiliation == nil, isVerbOfClause(e, limit: limit) { return nil }
        // `Questioned by Tomasz Wieczorek, the defence barrister, Mrs Ashdown said` gives the title to
        // the name before it, unless that is no person's (`beforeName` false).
        if !beforeName && e + 1 < limit && tokens[e].has(.comma) && tokens[e + 1].isCapitalizedWord { return nil }
        // "chief executive of Norrland Bank", "a senior fellow at the Marden Institute", "an analyst with
        // Vellmar Capital", "a professor of economics at Tarn University": a field in lowercase words may
        // come between the title and the preposition; "the" before the organisation belongs to it.
        if affiliation == nil, let (from, to) = organisationAfterTitle(e, limit: limit) {
            // The field between the title and the preposition is the title's: `head of container research`.
            let role = Entity.Role(title: text(p, from - 1), affiliation: text(from, to), range: range(affiliationStart, to))
            return (role, tokens[e - 1].hash)
        }
        let role = Entity.Role(
            title: text(p, e), affiliation: affiliation.map { text($0.0, $0.1) }, range: range(affiliationStart, e))
        return (role, tokens[e - 1].hash)
    }

    /// A description in apposition after the name ending at `b` whose last word names an occupation
    /// by its ending, though no title list holds it: `, a geriatrician at the Halden School of
    /// Medicine`, `, a 71-year-old retired letter carrier,`, `, a forklift operator who …`. An
    /// article opens it, at most four lowercase words follow (an age before them is left out), and
    /// a comma, a full stop, `who`, `and` or a preposition ends it. Weaker than a title: the caller
    /// gives it only to a span read as a person on other grounds.
    private mutating func occupationAfter(_ b: Int, limit: Int) -> (Entity.Role, UInt64)? {
        var b = b
        // `Walter Brisco, 81, a retired letter carrier`: past an age between commas.
        if b + 3 < limit, tokens[b].has(.comma), tokens[b + 1].has(.digit), !tokens[b + 1].has(.lowercase), tokens[b + 2].has(.comma) {
            b += 2
        }
        guard b + 2 < limit, tokens[b].has(.comma), isLowercaseArticle(b + 1) else { return nil }
        var p = b + 2
        if isAge(p) { p += 1 }
        var q = p
        while q < limit && q < p + 4 && tokens[q].isLowercaseWord && !tables.words.clauseWords.contains(tokens[q].hash) { q += 1 }
        guard q > p, q == limit || !tokens[q].has(.word) || tables.words.clauseWords.contains(tokens[q].hash) else { return nil }
        let head = q - 1
        guard endsWith(head, tables.words.occupationEndings), !tables.words.notOccupations.contains(tokens[head].hash) else { return nil }
        if let (from, to) = organisationAfterTitle(q, limit: limit) {
            return (Entity.Role(title: text(p, from - 1), affiliation: text(from, to), range: range(b + 1, to)), tokens[head].hash)
        }
        return (Entity.Role(title: text(p, q), affiliation: nil, range: range(b + 1, q)), tokens[head].hash)
    }

    /// A second title joined by `and` to the apposition `role` read after the name ending at `b`:
    /// `Davey Kinsella, a crane operator and union branch secretary at Halvergate` (up to three
    /// lowercase words before the title word, an organisation after it as in an apposition).
    private mutating func coordinatedTitle(after role: Entity.Role, from b: Int, limit: Int) -> (Entity.Role, UInt64)? {
        guard let end = role.range?.end else { return nil }
        var k = b
        while k < limit && Int(tokens[k].end) < end { k += 1 }
        guard k < limit, Int(tokens[k].end) == end else { return nil }
        var p = k + 1
        guard p + 1 < limit, tokens[p].isLowercaseWord, tokens[p].hash == and else { return nil }
        p += 1
        if isLowercaseArticle(p) { p += 1 }
        var q = p
        var e: Int?
        while e == nil, q < limit, q < p + 4, tokens[q].isLowercaseWord, !tables.words.clauseWords.contains(tokens[q].hash) {
            if let t = titleEnd(at: q, limit: limit), t == limit || !tokens[t].isCapitalizedWord { e = t }
            q += 1
        }
        guard let e else { return nil }
        if let (from, to) = organisationAfterTitle(e, limit: limit) {
            return (Entity.Role(title: text(p, from - 1), affiliation: text(from, to), range: range(p, to)), tokens[e - 1].hash)
        }
        return (Entity.Role(title: text(p, e), affiliation: nil, range: range(p, e)), tokens[e - 1].hash)
    }

    /// Whether the token at `i` is a number of one or two digits (`34`), as an age between commas is.
    private func isBareAge(_ i: Int) -> Bool {
        let t = tokens[i]
        guard t.has(.digit), !t.has(.lowercase), !t.has(.capitalized), t.end - t.start <= 2 else { return false }
        for k in Int(t.start)..<Int(t.end) where scalars[k].value &- 0x30 >= 10 { return false }
        return true
    }

    /// Whether the token at `i` is an age written as one hyphenated word (`71-year-old`).
    private func isAge(_ i: Int) -> Bool {
        let t = tokens[i]
        return t.has(.word) && t.has(.digit) && t.has(.lowercase) && (scalars[Int(t.start)].value &- 0x30) < 10
    }

    /// The organisation named after a title ending at `e`: `of|at|with|for [the] Capitalised…`,
    /// after at most three lowercase words of a field (`of economics`, `of political science`).
    private mutating func organisationAfterTitle(_ e: Int, limit: Int) -> (Int, Int)? {
        var q = e
        if q + 1 < limit && tokens[q].hash == of && tokens[q + 1].isLowercaseWord && tokens[q + 1].hash != the {
            var k = q + 1
            while k < limit && k < q + 4 && tokens[k].isLowercaseWord && !affiliationPrepositions.contains(tokens[k].hash) { k += 1 }
            if k < limit && affiliationPrepositions.contains(tokens[k].hash) { q = k }
        }
        guard q + 1 < limit, tokens[q].isLowercaseWord, affiliationPrepositions.contains(tokens[q].hash) else { return nil }
        var from = q + 1
        if isLowercaseThe(from) && from + 1 < limit { from += 1 }
        // `of the charity Fuel Fairness`, `at the research firm Corvane`: a word for a firm before the name.
        var noun = from
        while noun < limit, noun < from + 2, tokens[noun].isLowercaseWord, !tables.words.firmNames.contains(tokens[noun].hash) { noun += 1 }
        if noun + 1 < limit, noun < from + 2, tokens[noun].isLowercaseWord, tables.words.firmNames.contains(tokens[noun].hash),
            tokens[noun + 1].isCapitalizedWord
        {
            from = noun + 1
        }
        guard tokens[from].isCapitalizedWord else { return nil }
        var f = from
        while f < limit
            && (tokens[f].isCapitalizedWord
                || (f + 1 < limit && tokens[f + 1].isCapitalizedWord
                    && (tokens[f].has(.ampersand) || (tokens[f].hash == of && tokens[f].isLowercaseWord))))
        {
            f += 1
        }
        // `the Tilokhali union council`: a lowercase head of an organisation after the name is part of it.
        var g = f
        let tail = min(limit, f + 2)
        while g < tail, tokens[g].isLowercaseWord, !affiliationPrepositions.contains(tokens[g].hash) {
            g += 1
            if isA(tokens[g - 1].hash, .organizationHead) { f = g }
        }
        if from > q + 1 { from = q + 1 }
        return (from, f)
    }

    // MARK: Classification

    private mutating func addCandidate(
        _ a: Int, _ b: Int, sentence s: Int, personCue: Bool, roles: [Entity.Role], heads: [UInt64],
        occupations: [(Entity.Role, UInt64)] = []
    ) {
        guard a < b, !isPartyTag(a, b) else { return }
        var roles = roles
        var heads = heads
        var (kind, confident) = classify(a, b, sentence: s, personCue: personCue)
        // `the research firm Corvane Insight`, `the airline Skyvale`: a word for a firm right before
        // the name says what it names (not `developer` or `publisher`, which are people's trades too).
        if !confident, !personCue, roles.isEmpty,
            (a > sentences[s].range.lowerBound && tokens[a - 1].isLowercaseWord && tables.words.firmNames.contains(tokens[a - 1].hash))
                || isFirmApposition(a, b, sentence: s) || isMemberOf(a, sentence: s)
                || (b - a >= 2 && isFirmBefore(b, sentence: s))
        {
            (kind, confident) = (.organization, true)
        }
        // An acronym given in brackets is named by what comes before it: the name just found ("the
        // Marden Institute (MI)") gives its kind; lowercase words ("sea surface salinity (SSS)")
        // make it a defined term, no name.
        if !confident && b - a == 1 && a >= 2 && b < sentences[s].range.upperBound
            && (tokens[a].has(.allCaps) || hasInnerCapital(a)) && scalar(a - 1) == 0x28 && scalar(b) == 0x29
        {
            if let last = candidates.last, last.sentence == s, last.end == a - 1 {
                (kind, confident) = (last.kind, last.confident)
            } else if tokens[a - 2].isLowercaseWord {
                (kind, confident) = (.misc, true)
            }
        }
        // Spans the rules leave as misc, or place only by a weak cue, go to the trained model; a
        // weak cue is overruled only by a sure model, which may also find it no name at all (misc).
        // Groups (demonyms) stay with the rules.
        if !confident && kind != .group, let (label, probability) = modelLabel(a, b, sentence: s) {
            let minimum: Float = kind == .misc ? 0.5 : 0.6
            switch label {
            case .person where probability >= minimum: kind = .person
            case .organization where probability >= minimum: kind = .organization
            case .place where probability >= minimum: kind = .location
            // Two or three unknown capitalised words are kept as a person: the model, fitted on essays
            // with many capitalised headings, doubts sentence-initial names that news writes often.
            case .none where probability >= Self.noneMinimum && !(kind == .person && b - a >= 2): kind = .misc
            default: break
            }
        }
        // `Dev, a teenager who trains at the lido`: a lone word that a description of a person
        // follows is a person's name (a first name alone, as vox pops give one).
        if !confident, kind != .person, roles.isEmpty, b - a == 1, let (_, head) = occupations.first,
            tables.words.personNouns.contains(head)
        {
            kind = .person
        }
        // A span that fills a pair of quotation marks by itself is a coined term or a title (the
        // so-called “Pax Americana”), not a person the rules only guessed at.
        if kind == .person && !confident && roles.isEmpty && a > 0 && b < tokens.count
            && Self.isOpeningQuote(scalar(a - 1)) && Self.isClosingQuote(scalar(b))
        {
            kind = .misc
        }
        // An ordinary English word capitalised only because it opens a sentence ("Thanks for
        // reading.", "Expert opinions vary") that neither the rules nor the model could place is no name.
        // Any other lone word there that they could not place, before a lowercase word that is no
        // verb of a subject ("Passenger groups said", "Eat every day", not "Velkor declined to
        // comment"), counts only as a name the article gives elsewhere, as in a title-cased line: the
        // capital says nothing there.
        if !confident && b - a == 1 && roles.isEmpty && isInitialPosition(a, sentenceStart: sentences[s].range.lowerBound)
            && !isSurnameOpening(a, b, limit: sentences[s].range.upperBound)
        {
            let english = isA(tokens[a].hash, .englishWord)
            if kind == .misc && english { return }
            // An English word that only the model placed counts so too ("Union leaders met").
            if (kind == .misc || english) && !tokens[a].has(.allCaps) && b < sentences[s].range.upperBound
                && tokens[b].isLowercaseWord && !tables.words.subjectVerbs.contains(tokens[b].hash) && !endsIn(b, 0x65, 0x64)
            {
                unplacedOpeners.append((a, s))
                return
            }
        }
        // An English word the rules could not place, before a number, labels a numbered thing
        // ("Article 5", "Section 230", "Chapter 11", "Gate 4"): the capital makes no name of it.
        if !confident && kind == .misc && b - a == 1 && roles.isEmpty && b < sentences[s].range.upperBound
            && tokens[b].has(.digit) && !tokens[b].has(.lowercase) && isA(tokens[a].hash, .englishWord)
        {
            return
        }
        // `the Larchmont scheme`, `for the Crown`: a lone unknown word after `the` is no person's
        // name, which takes no article.
        if kind == .person && !confident && !personCue && b - a == 1 && roles.isEmpty && a > sentences[s].range.lowerBound
            && isLowercaseThe(a - 1) && !isKnownName(a)
        {
            kind = .misc
        }
        if kind == .person && b - a >= 2 { surnames.insert(tokens[b - 1].hash) }
        if kind == .person {
            for (role, head) in occupations {
                roles.append(role)
                heads.append(head)
            }
        }
        candidates.append(Candidate(first: a, end: b, kind: kind, confident: confident, roles: roles, roleHeads: heads, sentence: s))
    }

    /// `the Ashcombe Otters swimming club`, `the Calder Rovers football club`: a word for a firm or
    /// body right after the name, or after one lowercase word after it, says it names one. Asked
    /// only of names of two words or more: a single capitalised word before `band` or `label` is
    /// as often a genre's or a nation's (`a Britpop band`).
    private mutating func isFirmBefore(_ b: Int, sentence s: Int) -> Bool {
        let upper = sentences[s].range.upperBound
        guard b < upper, tokens[b].isLowercaseWord else { return false }
        if tables.words.firmNames.contains(tokens[b].hash) { return true }
        return b + 1 < upper && tokens[b + 1].isLowercaseWord && tables.words.firmNames.contains(tokens[b + 1].hash)
            && !isA(tokens[b].hash, .commonWord) && !tables.words.clauseWords.contains(tokens[b].hash)
    }

    /// `Her band, the Larkspur Ramblers, released …`, `his former employer, Quickmere Parcel, said`:
    /// a name set off by commas right after a word for a firm or a body names one.
    private mutating func isFirmApposition(_ a: Int, _ b: Int, sentence s: Int) -> Bool {
        let lower = sentences[s].range.lowerBound
        let upper = sentences[s].range.upperBound
        // `Static Bloom, the music magazine that …`: the appositive after the name says so.
        if b + 2 < upper, scalar(b) == 0x2C, isLowercaseArticle(b + 1) {
            var w = b + 2
            while w < upper, w < b + 5, tokens[w].isLowercaseWord, !tables.words.firmNames.contains(tokens[w].hash) { w += 1 }
            if w < upper, w < b + 5, tokens[w].isLowercaseWord, tables.words.firmNames.contains(tokens[w].hash),
                !tokens[w].has(.possessive),
                w + 1 == upper || !tokens[w + 1].has(.word) || tables.words.firmFollowers.contains(tokens[w + 1].hash)
            {
                return true
            }
        }
        let c = skippingArticle(before: a, lower: lower)
        guard c > lower, b < upper, scalar(c) == 0x2C, scalar(b) == 0x2C, tokens[c - 1].isLowercaseWord else { return false }
        return tables.words.firmNames.contains(tokens[c - 1].hash) || tokens[c - 1].hash == tables.words.employer
    }

    /// The token before `a`, or the one before that when it is a lowercase article (`a`, `an`,
    /// `the`), no further back than `lower`.
    private func skippingArticle(before a: Int, lower: Int) -> Int {
        let c = a - 1
        return c > lower && isLowercaseArticle(c) ? c - 1 : c
    }

    /// `The singer of the Lantern Moths`, `a founder of Tessaly Robotics`: a name after a member's
    /// or a founder's word and `of` names the band or the firm, not a person.
    private mutating func isMemberOf(_ a: Int, sentence s: Int) -> Bool {
        let lower = sentences[s].range.lowerBound
        let c = skippingArticle(before: a, lower: lower)
        guard c > lower, tokens[c].isLowercaseWord, tokens[c].hash == of, tokens[c - 1].isLowercaseWord else { return false }
        return tables.words.memberWords.contains(tokens[c - 1].hash)
    }

    /// Whether the one-word run at `a` is the surname of a person named in full earlier, followed by
    /// a comma, a possessive or a reporting verb ("Young, in his testimony, …", "Young said").
    private func isSurnameOpening(_ a: Int, _ b: Int, limit: Int) -> Bool {
        guard b == a + 1, b < limit, surnames.contains(tokens[a].hash) else { return false }
        let next = tokens[b]
        return next.has(.comma) || next.has(.possessive) || next.hash == said || next.hash == says || next.hash == told
    }

    static func isOpeningQuote(_ v: UInt32) -> Bool { v == 0x22 || v == 0x201C || v == 0xAB || v == 0x2018 }
    static func isClosingQuote(_ v: UInt32) -> Bool { v == 0x22 || v == 0x201D || v == 0xBB || v == 0x2019 }

    /// How sure the model must be that a span the rules placed by a weak cue is no name.
    static let noneMinimum: Float = 0.7

    /// The model's label for the span `a..<b` and its probability; the features mirror `features`
    /// in scripts/entities-train.py.
    private mutating func modelLabel(_ a: Int, _ b: Int, sentence s: Int) -> (EntitySpanModel.Label, Float)? {
        // Read through `tables` each time: a copy of the model (two arrays) cost a retain and a
        // release per span.
        guard !tables.model.isEmpty else { return nil }
        let r = sentences[s].range
        func context(_ i: Int) -> UInt64 {
            guard i >= r.lowerBound && i < r.upperBound else { return 1 }
            return tokens[i].has(.word) ? tokens[i].hash : UInt64(WordHash.lower(scalar(i)))
        }
        // The keys first, then one lookup of them all (`EntitySpanModel.score`).
        var features = featureKeys
        featureKeys = []
        features.removeAll(keepingCapacity: true)
        func add(_ slot: UInt64, _ value: UInt64) { features.append(EntitySpanModel.key(slot, value)) }
        let m = tables.model.slots
        add(m.bias, 0)
        for i in a..<b where tokens[i].has(.word) { add(m.word, tokens[i].hash) }
        add(m.first, tokens[a].hash)
        add(m.last, tokens[b - 1].hash)
        add(m.prev, context(a - 1))
        add(m.prev2, context(a - 2))
        add(m.next, context(b))
        add(m.next2, context(b + 1))
        add(m.length, UInt64(min(b - a, 4)))
        let lastStart = Int(tokens[b - 1].start)
        let lastEnd = Int(tokens[b - 1].end)
        if lastEnd - lastStart >= 5 {
            var h = WordHash.offset
            for k in (lastEnd - 3)..<lastEnd { h = WordHash.add(h, scalars[k].value) }
            add(m.suffix, h)
        }
        if b - a == 1 && tokens[a].has(.allCaps) { add(m.caps, 1) }
        if a == r.lowerBound { add(m.initial, 1) }
        // Each word's classes read once: the rules below ask several questions of the same word.
        let firstClasses = classes(tokens[a].hash)
        if firstClasses.rawValue & WordClasses.Classes([.maleName, .femaleName]).rawValue != 0 {
            add(m.given, 1)
        }
        // "at the", "of the", "by the": the pair says more than either word alone.
        add(m.pair, WordHash.combine(context(a - 2), context(a - 1)))
        let head = b - 1 == a ? firstClasses : classes(tokens[b - 1].hash)
        if head.contains(.organizationHead) {
            add(m.head, 1)
        } else if head.contains(.placeHead) {
            add(m.head, 2)
        } else if head.contains(.miscHead) {
            add(m.head, 3)
        }
        var plain = true
        for i in a..<b where tokens[i].has(.word) {
            if !isA(tokens[i].hash, [.englishWord, .commonWord]) {
                plain = false
                break
            }
        }
        if plain { add(m.plain, UInt64(min(b - a, 3))) }
        // A known place or nationality opening the span: the place itself, or "Boston Globe", "British Airways".
        let lead: UInt64 = firstClasses.contains(.place) ? 1 : firstClasses.contains(.demonym) ? 2 : 0
        if lead > 0 { add(m.lead, lead * 2 + (b - a >= 2 ? 1 : 0)) }
        if b - a == 1 && hasInnerCapital(a) { add(m.inner, 1) }
        let score = features.withUnsafeBufferPointer { tables.model.score($0) }
        featureKeys = features
        return tables.model.decide(score)
    }

    private mutating func classify(_ a: Int, _ b: Int, sentence s: Int, personCue: Bool) -> (Kind, Bool) {
        let whole = sequence(a, b)
        if overrides.people.contains(whole) { return (.person, true) }
        if overrides.organizations.contains(whole) { return (.organization, true) }
        if overrides.places.contains(whole) { return (.location, true) }
        if overrides.groups.contains(whole) { return (.group, true) }
        let phrase = classes(whole)
        if phrase.contains(.organizationPhrase) { return (.organization, true) }
        if b - a >= 2, tokens[b - 1].has(.possessive), gazetteer.possessiveOrganizations.contains(sequence(a, b - 1)) {
            return (.organization, true)
        }
        if b - a == 1, tokens[a].has(.allCaps), phrase.contains(.acronymPhrase) { return (.organization, true) }
        if phrase.contains(.placePhrase) { return (.location, true) }
        if phrase.contains(.demonymPhrase) || phrase.contains(.groupPhrase) { return (.group, true) }
        let last = tokens[b - 1].hash
        let first = tokens[a].hash
        if personCue {
            // `league leaders Port Ellery United`: a title before the name of a club or a firm (its
            // last word a head, its first no given name, no honorific before it) names no person.
            if b - a >= 2, isA(last, .organizationHead), !isA(first, [.maleName, .femaleName]),
                !(a > 0 && isA(tokens[a - 1].hash, .honorific))
            {
                return (.organization, true)
            }
            return (.person, true)
        }
        // `the village of Pell Crossing`, `the town of Lowther`: a kind of place in lowercase, then `of`.
        if a >= 2, tokens[a - 1].isLowercaseWord, tokens[a - 1].hash == of, tokens[a - 2].isLowercaseWord,
            tables.words.settlements.contains(tokens[a - 2].hash)
        {
            return (.location, true)
        }
        // The first and last words' classes read once: the rules below ask a dozen questions of them.
        let firstClasses = classes(first)
        let lastClasses = b - a == 1 ? firstClasses : classes(last)
        // Events, laws, awards and works: "Clean Air Act", "World Cup", "Super Bowl".
        if b - a >= 2 && lastClasses.contains(.miscHead) { return (.misc, true) }
        // A storm's name: "Hurricane Sandy", "Typhoon Haiyan", "Cyclone Idai".
        if b - a == 2 && tables.words.stormKinds.contains(first) { return (.misc, true) }
        if lastClasses.contains(.organizationHead) && (b - a >= 2 || tokens[a].has(.allCaps)) { return (.organization, true) }
        // The head of "X of Y" and "X for Y" is X: "University of Texas", "Chamber of Commerce", "Center
        // for Coastal Studies" (the scanner keeps "for" in a name only after such a head).
        if b - a >= 3 {
            for i in a..<(b - 2)
            where (tokens[i + 1].hash == of || tokens[i + 1].hash == tables.words.for || tokens[i + 1].hash == tables.words.on)
                && tokens[i + 1].isLowercaseWord
                && isA(tokens[i].hash, .organizationHead)
            {
                return (.organization, true)
            }
        }
        // A place head before "of": "Democratic Republic of Congo", "Gulf of Bothnia".
        if b - a >= 3 {
            for i in a..<(b - 2) where tokens[i + 1].hash == of && tokens[i + 1].isLowercaseWord && isA(tokens[i].hash, .placeHead) {
                return (.location, true)
            }
        }
        // An abbreviated head before the name: "FC Basel", "AC Milan".
        if b - a >= 2 && tokens[a].has(.allCaps) && firstClasses.contains(.organizationHead) {
            return (.organization, true)
        }
        // `Kieran Vale`, `Lauren Hill`, `Anna Downs`: a given name (not a place's) and one word of a
        // place's kind that is also a surname name a person, unless a word of place stands before
        // (`in Victoria Park`); not `Bartholomew County`.
        if b - a == 2, firstClasses.rawValue & WordClasses.Classes([.maleName, .femaleName]).rawValue != 0,
            !firstClasses.contains(.place), tables.words.surnamePlaceHeads.contains(last),
            !(a > 0 && tokens[a - 1].isLowercaseWord && locationPrepositions.contains(tokens[a - 1].hash))
        {
            return (.person, false)
        }
        // `Felsby Town beat Halberton Town 2-1`: in a sentence about a match a name that ends in
        // `Town` or `Vale` is a club.
        if b - a >= 2 && tables.words.clubPlaceHeads.contains(last) && isSportsSentence(s) { return (.organization, true) }
        if b - a >= 2 && (lastClasses.contains(.placeHead) || firstClasses.contains(.placeHead)) { return (.location, true) }
        // The head first, as other languages and some English names put it: "Banco Santander", "Club Brugge".
        if b - a >= 2 && firstClasses.contains(.organizationOpener) { return (.organization, true) }
        // An author cited by year: "Quilis (1964)", "Moretti, 2013", "Navarro's (2016)", "Binderman et al.".
        if b - a <= 3 && first != the && isCitation(after: b, limit: sentences[s].range.upperBound) {
            var nameLike = true
            for i in a..<b where tokens[i].has(.digit) || tokens[i].has(.allCaps) || isA(tokens[i].hash, .commonWord) {
                nameLike = false
            }
            if nameLike { return (.person, true) }
        }
        // `Pinecrest Power & Light`, `Baker & Finch`: a name that ends in an ampersand and one word,
        // not cited by year, is a firm (`Plan & Grow BIG`, `B&H Financing Card` go on past it).
        if b - a >= 3 && tokens[b - 2].has(.ampersand) { return (.organization, true) }
        // A demonym or place opening an organisation-like name ("Russian Foreign Ministry" is caught above).
        if !firstClasses.isDisjoint(with: [.maleName, .femaleName]) {
            if b - a <= 4 { return (.person, true) }
        }
        if b - a == 1 && tokens[a].has(.allCaps) && !tokens[a].has(.digit) { return (.organization, false) }
        // A place or nationality opening a longer name makes an organisation ("Boston Globe", "British Airways").
        if b - a >= 2 && !firstClasses.isDisjoint(with: [.place, .demonym])
            && !isA(tokens[a + 1].hash, [.maleName, .femaleName])
        {
            return (.organization, false)
        }
        let before = a > sentences[s].range.lowerBound ? tokens[a - 1] : nil
        let after = b < sentences[s].range.upperBound ? tokens[b] : nil
        if let after, after.hash == said || after.hash == says || after.hash == told {
            return (.person, false)
        }
        // A leader's name before the word for the government they lead: "the Trump administration",
        // "the Obama presidency".
        if b - a == 1, let after, after.isLowercaseWord, after.hash == tables.words.administration || after.hash == tables.words.presidency
        {
            return (.person, true)
        }
        if b - a >= 2 && b - a <= 3 {
            var nameLike = true
            for i in a..<b
            where tokens[i].has(.digit) || tokens[i].has(.allCaps) || isA(tokens[i].hash, [.commonWord, .englishWord])
                || seenLowercase(tokens[i].hash)
            {
                nameLike = false
            }
            if nameLike && !firstClasses.contains(.demonym) { return (.person, false) }
        }
        // "in Lund"; but in "in Kestrel's plan" the preposition governs what the possessive names,
        // and says nothing of the kind.
        if let before, before.isLowercaseWord, locationPrepositions.contains(before.hash), b - a <= 2 {
            return (after?.has(.possessive) ?? false ? .misc : .location, false)
        }
        // Word shape: an inner capital (YouTube) is a brand; place and surname endings.
        if b - a == 1 {
            if hasInnerCapital(a) { return (.organization, false) }
            if endsWith(a, placeEndings) { return (.location, false) }
            if endsWith(a, surnameEndings) { return (.person, false) }
            if let after, after.has(.possessive) { return (.person, false) }
        } else if endsWith(b - 1, surnameEndings) && !firstClasses.contains(.demonym) {
            return (.person, false)
        }
        if firstClasses.contains(.demonym) { return (.group, false) }
        return (.misc, false)
    }

    /// Whether sentence `s` is about a match: a word of `sportsWords` in lowercase, or a score
    /// (`2-1`, `10-7`).
    private mutating func isSportsSentence(_ s: Int) -> Bool {
        for i in sentences[s].range {
            let t = tokens[i]
            if t.isLowercaseWord && tables.words.sportsWords.contains(t.hash) { return true }
            guard t.has(.digit), !t.has(.lowercase), !t.has(.capitalized), t.end - t.start >= 3, t.end - t.start <= 5 else { continue }
            var digits = 0
            var hyphens = 0
            for k in Int(t.start)..<Int(t.end) {
                let v = scalars[k].value
                if v &- 0x30 < 10 { digits += 1 } else if v == 0x2D { hyphens += 1 } else { digits = -99 }
            }
            if hyphens == 1 && digits == Int(t.end - t.start) - 1 && scalar(i) != 0x2D { return true }
        }
        return false
    }

    /// Whether an author citation follows a name that ends before `b`: a year in brackets or after a
    /// comma ("Quilis (1964)", "Moretti, 2013"), a bare year closing a reference ("Brieber 2014;"),
    /// or "et al.".
    private mutating func isCitation(after b: Int, limit: Int) -> Bool {
        var k = b
        if k < limit && tokens[k].has(.possessive) { k += 1 }
        guard k + 1 < limit else { return false }
        if tokens[k].isLowercaseWord && tokens[k].hash == tables.words.et && tokens[k + 1].hash == tables.words.al { return true }
        if tokens[k].has(.comma) || scalar(k) == 0x28 {
            return isYear(k + 1)
        }
        // A bare year must close the reference: "(Brieber 2014; …)", "Turano 2011)".
        guard isYear(k) else { return false }
        let v = scalar(k + 1)
        return v == 0x29 || v == 0x3B || v == 0x2C
    }

    /// A four-digit year from 1000 to 2999.
    private mutating func isYear(_ i: Int) -> Bool {
        let t = tokens[i]
        guard t.has(.digit), t.end - t.start == 4 else { return false }
        let first = scalars[Int(t.start)].value
        guard first == 0x31 || first == 0x32 else { return false }
        for k in Int(t.start)..<Int(t.end) where scalars[k].value < 0x30 || scalars[k].value > 0x39 { return false }
        return true
    }

    /// Names listed together ("Basel, Heidelberg, and Strasbourg", "Li, Polat, & Bavelier") are of
    /// one kind: names no sure rule placed take the kind of the sure ones, when those agree.
    private mutating func spreadListKinds() {
        var i = 0
        while i < candidates.count {
            var j = i + 1
            while j < candidates.count && candidates[j].sentence == candidates[i].sentence
                && isListGap(candidates[j - 1].end, candidates[j].first)
            {
                j += 1
            }
            if j - i >= 2 {
                var sure: Kind?
                var agree = true
                for c in candidates[i..<j] where c.confident {
                    if c.kind != .person && c.kind != .organization && c.kind != .location || (sure != nil && sure != c.kind) {
                        agree = false
                    }
                    sure = c.kind
                }
                if agree, let kind = sure {
                    for c in i..<j where !candidates[c].confident && candidates[c].kind != .group { candidates[c].kind = kind }
                }
            }
            i = j
        }
    }

    /// Whether only list punctuation lies between two names: `,`, `&`, `and`, `or`, `, and`.
    private mutating func isListGap(_ from: Int, _ to: Int) -> Bool {
        guard to > from, to - from <= 2 else { return false }
        for k in from..<to {
            let t = tokens[k]
            if t.has(.comma) || t.has(.ampersand) { continue }
            if t.isLowercaseWord && (t.hash == and || t.hash == tables.words.or) { continue }
            return false
        }
        return true
    }

    static let placeEndingWords = [
        "ville", "burg", "bourg", "grad", "stan", "shire", "ford", "pool", "mouth", "chester", "caster", "borough", "polis", "abad", "pur",
    ]
    static let surnameEndingWords = [
        "son", "sen", "sky", "ski", "vich", "enko", "ov", "ova", "ev", "eva", "ez", "ini", "elli", "stein", "mann", "berg", "ian", "yan",
        "ashvili", "escu", "oglu", "sson", "poulos",
    ]

    /// Whether the word at `i` is a lowercase noun of a kind of organisation (`union`, `company`,
    /// `party`: the organisation heads), which names what a title after it is a title of. Other
    /// nouns there are mostly part of the title or a description (`planetary scientist`, `math
    /// teacher`, `billionaire founder`), no affiliation.
    private mutating func isAffiliationNoun(_ i: Int) -> Bool {
        tokens[i].isLowercaseWord && isA(tokens[i].hash, .organizationHead)
    }

    /// Whether the word at `i` has more than two letters and ends in the lowercase letters `x` and
    /// `y` ("ly": an adverb, mostly; "ed": a past tense or participle, mostly).
    private func endsIn(_ i: Int, _ x: UInt32, _ y: UInt32) -> Bool {
        let end = Int(tokens[i].end)
        return end - Int(tokens[i].start) > 2 && scalars[end - 2].value == x && scalars[end - 1].value == y
    }

    private func endsInLy(_ i: Int) -> Bool { endsIn(i, 0x6C, 0x79) }

    private func endsInIng(_ i: Int) -> Bool { endsIn(i, 0x6E, 0x67) && scalars[Int(tokens[i].end) - 3].value == 0x69 }

    private mutating func endsWith(_ i: Int, _ endings: WordEndings) -> Bool {
        let start = Int(tokens[i].start)
        let end = Int(tokens[i].end)
        // The word's last lowercased scalars, packed a byte each (last in the low byte), as far back
        // as they are ASCII and the longest ending reaches; an ending must leave two scalars before it.
        var packed: UInt64 = 0
        var n = 0
        var k = end - 1
        while n < endings.longest && k >= start {
            let v = WordHash.lower(scalars[k].value)
            guard v < 0x80 else { break }
            packed |= UInt64(v) << UInt64(8 * n)
            n += 1
            k -= 1
        }
        return endings.matches(packed, available: n, length: end - start)
    }

    /// Whether tokens `a..<b` are a US legislator's party and state in brackets (`(D-MN)`,
    /// `(R-Texas)`, `(I-Vt.)`) or after a name between commas (`, R-Dayton,`): an affiliation
    /// written after the name, not a name of its own.
    private mutating func isPartyTag(_ a: Int, _ b: Int) -> Bool {
        // `(R-Ohio)`, or after a name between commas: `Sen. Paul Ames, R-Dayton, said`.
        guard a > 0, b < tokens.count else { return false }
        let bracketed = scalar(a - 1) == 0x28
        guard bracketed || (a > 1 && scalar(a - 1) == 0x2C && tokens[a - 2].isCapitalizedWord) else { return false }
        let start = Int(tokens[a].start)
        let end = Int(tokens[b - 1].end)
        guard end - start >= 4, end - start <= 16 else { return false }
        let party = scalars[start].value
        guard party == 0x44 || party == 0x52 || party == 0x49, scalars[start + 1].value == 0x2D else { return false }
        let state = scalars[start + 2].value
        guard state >= 0x41 && state <= 0x5A else { return false }
        for k in start + 3..<end {
            let v = scalars[k].value
            guard (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A || v == 0x2E else { return false }
        }
        guard end < scalars.count else { return false }
        let next = scalars[end].value
        if !bracketed { return next == 0x2C || next == 0x2E }
        return next == 0x29 || (next == 0x2E && end + 1 < scalars.count && scalars[end + 1].value == 0x29)
    }

    private mutating func hasInnerCapital(_ i: Int) -> Bool {
        guard tokens[i].has(.lowercase) else { return false }
        var sawLower = false
        for k in Int(tokens[i].start)..<Int(tokens[i].end) {
            let v = scalars[k].value
            if v >= 0x61 && v <= 0x7A { sawLower = true } else if sawLower && v >= 0x41 && v <= 0x5A { return true }
        }
        return false
    }

    // MARK: Grouping

    private mutating func initials(_ a: Int, _ b: Int) -> UInt64? {
        var h = WordHash.offset
        var count = 0
        for i in a..<b where tokens[i].isCapitalizedWord {
            h = WordHash.add(h, scalars[Int(tokens[i].start)].value)
            count += 1
        }
        return count >= 2 ? single(h) : nil
    }

    private mutating func register(_ g: Int, _ c: (first: Int, end: Int), kind: Kind, in keys: inout NameKeys) {
        // A short key (a surname, initials) never replaces a full name; two referents sharing one make it ambiguous.
        func put(_ key: UInt64) {
            if let old = keys[key] {
                if old != g && keys.isShort(key) { keys.set(key, group: -1) }
            } else {
                keys.set(key, group: g, short: true)
            }
        }
        let whole = sequence(c.first, c.end)
        keys.set(whole, group: g, short: false)
        if c.end - c.first >= 2 {
            if kind == .person {
                put(single(tokens[c.end - 1].hash))
            } else if let key = initials(c.first, c.end) {
                put(key)
            }
            if kind == .organization, let key = organisationShortKey(c.first, c.end) { put(key) }
        }
    }

    /// The word an organisation's name opens with, which the article then uses alone: "Kestrel"
    /// of "Kestrel Holdings", "Northfield" of "Northfield Packaging Inc."; the name must end in
    /// an organisation's head word ("Xbox Live" gives nothing). Not an acronym, a common word
    /// ("General Motors", "New York Times") or one the article writes in lowercase, a place,
    /// group or nationality ("Boston Globe", "Muslim Brotherhood", "European Space Agency"), a
    /// given name, nor a head ("Bank of Lund", "FC Basel").
    private mutating func organisationShortKey(_ first: Int, _ end: Int) -> UInt64? {
        let t = tokens[first]
        guard t.isCapitalizedWord, !t.has(.digit), !t.has(.allCaps), !t.has(.possessive), end - first >= 2,
            tokens[first + 1].isCapitalizedWord, isA(tokens[end - 1].hash, .organizationHead),
            !isA(
                t.hash,
                [
                    .commonWord, .place, .demonym, .group, .maleName, .femaleName, .organizationHead, .organizationOpener,
                    .placeHead, .miscHead, .titleWord, .honorific, .notName,
                ]),
            !seenLowercase(t.hash)
        else { return nil }
        return single(t.hash)
    }

    /// Removes candidates that are pieces of a web address (`t.co/Xq3kT9`) or a social handle or
    /// tag (`@CityCouncil`, `#Budget`): capitalised, but not names the article gives.
    private mutating func dropAddressesAndHandles(_ links: [Link]) {
        guard !candidates.isEmpty else { return }
        func isAddress(_ r: TextRange) -> Bool {
            guard r.end - r.start >= 4, r.end <= scalars.count else { return false }
            let h = scalars[r.start].value | 0x20
            let next = (1..<4).map { scalars[r.start + $0].value | 0x20 }
            return (h == 0x68 && next == [0x74, 0x74, 0x70]) || (h == 0x77 && next == [0x77, 0x77, 0x2E | 0x20])
        }
        let addresses = links.compactMap(\.range).filter(isAddress)
        candidates.removeAll { c in
            let start = Int(tokens[c.first].start)
            let end = Int(tokens[c.end - 1].end)
            if start > 0 {
                let before = scalars[start - 1].value
                if before == 0x40 || before == 0x23 || before == 0x2F { return true }
            }
            return addresses.contains { $0.start < end && start < $0.end }
        }
    }

    private mutating func group() -> [Group] {
        var groups: [Group] = []
        // Sized for every candidate's keys up front, so the table is not rehashed as it grows.
        var keys = NameKeys(capacity: candidates.count * 2 + 8)
        for c in candidates {
            let seq = sequence(c.first, c.end)
            var g = keys[seq] ?? -1
            // A short form never joins across kinds it cannot share: "in Millbrook" is no mention of
            // a "Millbrook Packaging" named before. Nor is "the House", an English word after "the",
            // the "House Science Committee" ("the GateHouse deal" is GateHouse Media's).
            if g >= 0, c.end - c.first == 1, groups[g].fullest.end - groups[g].fullest.first > 1, groups[g].kind == .organization,
                c.kind == .location
                    || (!tokens[c.first].has(.allCaps) && c.first > 0 && isLowercaseThe(c.first - 1)
                        && isA(tokens[c.first].hash, .englishWord))
            {
                g = -1
            }
            if g < 0, c.end - c.first >= 2, c.kind != .person, let key = initials(c.first, c.end), let old = keys[key], old >= 0 {
                g = old
            }
            if g >= 0 {
                if !groups[g].confident && c.confident {
                    groups[g].kind = c.kind
                    groups[g].confident = true
                }
                groups[g].mentions.append((c.first, c.end, .name, c.sentence))
                if c.end - c.first > groups[g].fullest.end - groups[g].fullest.first { groups[g].fullest = (c.first, c.end) }
            } else {
                g = groups.count
                var new = Group(kind: c.kind, confident: c.confident)
                new.mentions = [(c.first, c.end, .name, c.sentence)]
                new.fullest = (c.first, c.end)
                groups.append(new)
            }
            // A title again without its affiliation (`Republican Gov. Delia Marchetti`, later `Gov.
            // Marchetti`) is the same role.
            for (role, head) in zip(c.roles, c.roleHeads)
            where !groups[g].roles.contains(where: {
                $0.title == role.title && (role.affiliation == nil || $0.affiliation == role.affiliation)
            }) {
                groups[g].roles.append(role)
                groups[g].roleHeads.insert(head)
            }
            groups[g].roleHeads.formUnion(c.roleHeads)
            if let v = Self.voteIndex(c.kind) { groups[g].votes[v] += 1 }
            register(g, (c.first, c.end), kind: groups[g].kind, in: &keys)
        }
        // One kind per referent: a name no sure rule placed takes the kind most of its mentions got.
        for g in groups.indices where !groups[g].confident && groups[g].mentions.count > 1 {
            guard let current = Self.voteIndex(groups[g].kind) else { continue }
            let v = groups[g].votes
            var best = current
            for k in 0..<4 where v[k] > v[best] { best = k }
            groups[g].kind = Kind(rawValue: UInt8(best)) ?? .misc
        }
        headlineKeys = keys
        return groups
    }

    private var headlineKeys = NameKeys(capacity: 0)
    private var stretches: [(range: Range<Int>, sentence: Int)] = []
    /// Lone capitalised words opening a sentence that no rule and not the model placed (token,
    /// sentence): each is a mention of a name the article gives elsewhere, or nothing.
    private var unplacedOpeners: [(token: Int, sentence: Int)] = []

    /// Known names, and shipped place and organisation names, in a title-cased line.
    private mutating func scanHeadline(_ r: Range<Int>, sentence s: Int, groups: inout [Group]) {
        var t = r.lowerBound
        while t < r.upperBound {
            guard tokens[t].isCapitalizedWord else {
                t += 1
                continue
            }
            let end = runEnd(from: t, limit: r.upperBound)
            var i = t
            while i < end {
                var matched = false
                var length = end - i
                while length >= 1 {
                    let seq = sequence(i, i + length)
                    if let g = headlineKeys[seq], g >= 0 {
                        groups[g].mentions.append((i, i + length, .name, s))
                        matched = true
                    } else if isA(seq, [.placePhrase, .organizationPhrase]) || overrides.people.contains(seq)
                        || overrides.organizations.contains(seq) || overrides.places.contains(seq)
                        || (length == 1 && tokens[i].has(.allCaps) && isA(seq, .acronymPhrase))
                    {
                        let (kind, _) = classify(i, i + length, sentence: s, personCue: false)
                        var new = Group(kind: kind, confident: true)
                        new.mentions = [(i, i + length, .name, s)]
                        new.fullest = (i, i + length)
                        headlineKeys.set(seq, group: groups.count)
                        groups.append(new)
                        matched = true
                    }
                    if matched { break }
                    length -= 1
                }
                i += matched ? length : 1
            }
            t = end
        }
    }

    /// A lone surname that came before the full name ("Merz ... Friedrich Merz") joins it when
    /// exactly one person has that surname; so does a lone given name that opens exactly one
    /// person's name and is nobody's surname.
    private mutating func mergeShortForms(_ groups: inout [Group]) {
        // `Lorenzo Giuseppe Castellari` and `Lorenzo Castellari`: a name with one or two middle names is
        // the person of the two-word name made of its first and last words, when one person has it.
        var pairs: [UInt64: Int] = [:]
        for g in groups.indices where groups[g].kind == .person && groups[g].fullest.end - groups[g].fullest.first == 2 {
            let key = WordHash.combine(tokens[groups[g].fullest.first].hash, tokens[groups[g].fullest.end - 1].hash)
            pairs[key] = pairs[key] == nil ? g : -1
        }
        for g in groups.indices where groups[g].kind == .person && !groups[g].mentions.isEmpty {
            let width = groups[g].fullest.end - groups[g].fullest.first
            guard width == 3 || width == 4 else { continue }
            let key = WordHash.combine(tokens[groups[g].fullest.first].hash, tokens[groups[g].fullest.end - 1].hash)
            guard let target = pairs[key], target >= 0, target != g else { continue }
            groups[g].mentions += groups[target].mentions
            groups[g].roles += groups[target].roles.filter { role in !groups[g].roles.contains { $0.title == role.title } }
            groups[g].roleHeads.formUnion(groups[target].roleHeads)
            groups[target].mentions = []
            pairs[key] = -1
        }
        // Surnames, and given names for a given name alone, the first word of one person's full name
        // and nobody's surname: "Graham" after "Graham Pellow" in a quotation, "Noor" in a profile
        // of "Noor Castellanos". -1 marks a word that two people share.
        var surnames: [UInt64: Int] = [:]
        var givenNames: [UInt64: Int] = [:]
        for g in groups.indices where groups[g].kind == .person && groups[g].fullest.end - groups[g].fullest.first >= 2 {
            // `Patrick Carlineo Jr.`: the surname stands before a generational suffix.
            var last = groups[g].fullest.end - 1
            if last - groups[g].fullest.first >= 2, tables.words.generationalSuffixes.contains(tokens[last].hash) { last -= 1 }
            let surname = tokens[last].hash
            surnames[surname] = surnames[surname] == nil ? g : -1
            let given = tokens[groups[g].fullest.first].hash
            givenNames[given] = givenNames[given] == nil ? g : -1
        }
        for g in groups.indices where groups[g].fullest.end - groups[g].fullest.first == 1 && !groups[g].mentions.isEmpty {
            let key = tokens[groups[g].fullest.first].hash
            let given = surnames[key] == nil && groups[g].kind == .person ? givenNames[key] : nil
            guard let target = surnames[key] ?? given, target >= 0, target != g,
                groups[g].kind == .person || groups[g].kind == .misc || !groups[g].confident
            else { continue }
            merge(g, into: target, &groups)
        }
        // `Norvane` (in a headline before, or alone after) and `Norvane Lines`, `Baltwave` and
        // `Baltwave Analytics`: a lone word that no sure rule placed and that opens the two-word name
        // of one firm, whose second word says what kind of firm (`Lines`, `Analytics`, `Airways`:
        // not `Council` or `Ministry`, whose first word is often a place), and no person's
        // surname, is that firm.
        var openers: [UInt64: Int] = [:]
        for g in groups.indices where groups[g].kind == .organization && !groups[g].mentions.isEmpty {
            let f = groups[g].fullest
            guard f.end - f.first == 2, tables.words.brandSuffixes.contains(tokens[f.end - 1].hash),
                !isA(tokens[f.first].hash, [.place, .demonym])
            else { continue }
            let key = tokens[f.first].hash
            openers[key] = openers[key] == nil ? g : -1
        }
        guard !openers.isEmpty else { return }
        for g in groups.indices where groups[g].fullest.end - groups[g].fullest.first == 1 && !groups[g].mentions.isEmpty {
            let key = tokens[groups[g].fullest.first].hash
            let f = groups[g].fullest
            guard let target = openers[key], target >= 0, target != g, surnames[key] == nil,
                groups[g].kind == .misc || groups[g].kind == .organization || !groups[g].confident,
                !classes(sequence(f.first, f.end)).contains(.organizationPhrase)
            else { continue }
            merge(g, into: target, &groups)
        }
    }

    /// Moves the lone word `g`'s mentions, roles and role heads into the group `target`.
    private func merge(_ g: Int, into target: Int, _ groups: inout [Group]) {
        groups[target].mentions += groups[g].mentions
        groups[target].roles += groups[g].roles
        groups[target].roleHeads.formUnion(groups[g].roleHeads)
        groups[g].mentions = []
    }

    /// One kind per name across the document: a lone word no sure rule placed (left as misc, or
    /// typed by a weak cue or the span model) that opens the longer names of organisations only
    /// ("Frontiers" after "Frontiers Media") is an organisation; of places only ("Tarn" after "Tarn
    /// Valley"), a place; so is one that ends a place's "X of" ("Lusara" after "the Republic of
    /// Lusara", where "Lusara's" alone had read as a person's).
    private mutating func typeLoneWords(_ groups: inout [Group]) {
        var openings: [UInt64: Kind] = [:]
        // The words that open a firm's name (`Northfield Packaging Inc.`, `SoftBank Group Corp`):
        // a firm's first word stays the firm's even where a preposition reads it as a place.
        var firmOpenings: Set<UInt64> = []
        for g in groups.indices where groups[g].fullest.end - groups[g].fullest.first >= 2 {
            let kind = groups[g].kind
            guard kind == .organization || kind == .location else { continue }
            let key = tokens[groups[g].fullest.first].hash
            if let old = openings[key], old != kind { openings[key] = .misc } else { openings[key] = kind }
            let last = tokens[groups[g].fullest.end - 1].hash
            if kind == .organization && (tables.words.brandSuffixes.contains(last) || tables.words.firmEndings.contains(last)) {
                firmOpenings.insert(key)
            }
        }
        // The name a place's "X of" ends with: "Lusara" after "the Republic of Lusara".
        var placeEndings: Set<UInt64> = []
        for g in groups.indices where groups[g].kind == .location && groups[g].fullest.end - groups[g].fullest.first >= 3 {
            let end = groups[g].fullest.end
            if tokens[end - 2].hash == of && tokens[end - 2].isLowercaseWord { placeEndings.insert(tokens[end - 1].hash) }
        }
        for g in groups.indices where groups[g].fullest.end - groups[g].fullest.first == 1 {
            guard !groups[g].mentions.isEmpty, groups[g].kind != .group, !groups[g].confident else { continue }
            let key = tokens[groups[g].fullest.first].hash
            if let kind = openings[key], kind != .misc {
                // `in Castlebridge` … `Castlebridge Crown Court`: a place opens the names of its
                // bodies, so a word its own mentions read as a place more than as anything else stays one.
                let votes = groups[g].votes
                if kind == .organization && votes[2] > 0 && votes[2] >= votes[1] && votes[2] >= votes[0] && !firmOpenings.contains(key)
                    && !hasInnerCapital(groups[g].fullest.first)
                {
                    groups[g].kind = .location
                    continue
                }
                groups[g].kind = kind
            } else if placeEndings.contains(key) {
                groups[g].kind = .location
            }
        }
    }

    // MARK: Nominals and pronouns

    /// "the chancellor" after "German Chancellor Friedrich Merz": the latest entity with that title.
    private mutating func addNominals(_ groups: inout [Group]) {
        let the = self.the
        var s = 0
        for w in referenceWords.indices {
            let p = Int(referenceWords[w])
            guard tokens[p].hash == the else { continue }
            // The sentence that holds the token: the words are in order, and so are the sentences.
            while sentences[s].range.upperBound <= p { s += 1 }
            let r = sentences[s].range
            guard !sentences[s].headline, p + 1 < r.upperBound else { continue }
            // `The 21-year-old striker`: an age between the article and the title.
            let q = p + 2 < r.upperBound && isAge(p + 1) ? p + 2 : p + 1
            guard let e = titleEnd(at: q, limit: r.upperBound) else {
                addOrganizationNominal(at: p, sentence: s, &groups)
                continue
            }
            if e < r.upperBound && (tokens[e].isCapitalizedWord || tokens[e].hash == of || tokens[e].has(.possessive)) { continue }
            let head = tokens[e - 1].hash
            let at = Int(tokens[p].start)
            var best = -1
            var bestStart = -1
            // By index: a loop over the groups themselves copied each (four arrays and a set).
            for g in groups.indices where groups[g].roleHeads.contains(head) {
                for m in groups[g].mentions where Int(tokens[m.first].start) < at && Int(tokens[m.first].start) > bestStart {
                    best = g
                    bestStart = Int(tokens[m.first].start)
                }
            }
            if best >= 0 {
                groups[best].extra.append((range(p, e), .nominal))
            } else if p == r.lowerBound, s > 0, let g = soleUntitledPerson(in: s - 1, groups), e - q <= 3 {
                // `Kieran Mayhew's header won it. The 21-year-old striker rose highest …`: a
                // description opening a sentence, with a title no one holds, is the one person
                // with no role named in the sentence before; the title is that person's role.
                groups[g].extra.append((range(p, e), .nominal))
                groups[g].roles.append(Entity.Role(title: text(q, e), affiliation: nil, range: range(q, e)))
                groups[g].roleHeads.insert(head)
            }
        }
    }

    /// The one person named in sentence `s` (outside a headline) who has no role, when every
    /// other person named there has one; nil when there are none or several.
    private func soleUntitledPerson(in s: Int, _ groups: [Group]) -> Int? {
        guard !sentences[s].headline else { return nil }
        var found: Int?
        for g in groups.indices where groups[g].kind == .person && groups[g].mentions.contains(where: { $0.sentence == s }) {
            guard groups[g].roles.isEmpty else { continue }
            if found != nil && found != g { return nil }
            found = g
        }
        return found
    }

    /// "the company" or "the ministry" after a named organisation: for the head of a name
    /// ("ministry", "bank", "union"), the latest organisation whose name holds that word, and for
    /// "the force" the latest whose name holds "Police" or "Constabulary"; for a
    /// word for any firm ("company", "firm", "carrier"), one named in this sentence or the one
    /// before if any, and of those the one named most often so far (the story's subject, not the
    /// newspaper it spoke to).
    private mutating func addOrganizationNominal(at p: Int, sentence s: Int, _ groups: inout [Group]) {
        let r = sentences[s].range
        let h = p + 1
        guard tokens[h].isLowercaseWord else { return }
        // Not "the company of …" nor "the firm Northfield" (whose name is a mention already), nor
        // "the authority's annual report", which names the report: it speaks, not the authority.
        if h + 1 < r.upperBound && (tokens[h + 1].isCapitalizedWord || tokens[h + 1].hash == of || tokens[h + 1].has(.possessive)) {
            return
        }
        let head = tokens[h].hash
        let generic = tables.words.firmNouns.contains(head)
        // `the force` after `North Calder Police`: the latest police force named.
        let force = head == tables.words.force
        guard generic || force || isA(head, .organizationHead) else { return }
        let at = tokens[p].start
        let window = tokens[s > 0 ? sentences[s - 1].range.lowerBound : r.lowerBound].start
        // The candidate so far, ranked by: named in the window, named often, typed by a sure rule
        // ("Halden Freight Ltd.", not "Ormsby" typed after "Ormsby Gazette"), named last.
        var chosen = -1
        var chosenKey: (Int, Int, Int, Int32) = (0, 0, 0, -1)
        for g in groups.indices where groups[g].kind == .organization {
            if force {
                let f = groups[g].fullest
                guard (f.first..<f.end).contains(where: { tables.words.policeHeads.contains(tokens[$0].hash) }) else { continue }
            } else if !generic {
                let f = groups[g].fullest
                guard (f.first..<f.end).contains(where: { tokens[$0].hash == head }) else { continue }
            } else {
                // `the company` is no police force, council, ministry or court (`Westshire Police`
                // named more often than `Redgate Coaches` in a crash story).
                let f = groups[g].fullest
                if tables.words.publicBodyHeads.contains(tokens[f.end - 1].hash) { continue }
            }
            var count = 0
            var latest: Int32 = -1
            for m in groups[g].mentions where tokens[m.first].start < at {
                // `(Reuters) — The attorney general is investigating WeWork. The company …`: a
                // credit in brackets names who reported, not a firm the story is about.
                if generic, m.first > 0, m.end < tokens.count, scalar(m.first - 1) == 0x28, scalar(m.end) == 0x29 { continue }
                count += 1
                latest = max(latest, tokens[m.first].start)
            }
            guard count > 0 else { continue }
            // For the head of a name the latest such organisation is meant; for a firm, salience.
            let key = generic ? (latest >= window ? 1 : 0, count, groups[g].confident ? 1 : 0, latest) : (0, 0, 0, latest)
            if key > chosenKey {
                chosen = g
                chosenKey = key
            }
        }
        guard chosen >= 0 else { return }
        groups[chosen].extra.append((range(p, h + 1), .nominal))
    }

    private enum Gender { case male, female, unknown }

    private mutating func gender(_ group: Int, in groups: [Group]) -> Gender {
        let c = classes(tokens[groups[group].fullest.first].hash)
        let male = c.contains(.maleName)
        let female = c.contains(.femaleName)
        return male == female ? .unknown : male ? .male : .female
    }

    /// he/she (his/her/him) to the one person of fitting gender mentioned earlier in the same
    /// sentence or in the previous one; nothing when two could fit.
    ///
    /// A sentence's subject tends to stay the subject: `She gave me an email address for Ford’s
    /// sister, Martha Fry. “I cannot believe Martha …,” she said.` A he or she is the person the
    /// last he or she of its gender resolved to when that one opened the person references of its
    /// sentence, up to three sentences back with no name in the sentences between, unless a fitting name comes
    /// before it in its own sentence outside quotation marks (`Anna said she …`).
    private mutating func addPronouns(_ groups: inout [Group]) {
        var people: [(token: Int, sentence: Int, group: Int, end: Int)] = []
        for g in groups.indices where groups[g].kind == .person {
            for m in groups[g].mentions { people.append((m.first, m.sentence, g, m.end)) }
        }
        guard !people.isEmpty else { return }
        people.sort { $0.token < $1.token }
        let genders = groups.indices.map { gender($0, in: groups) }
        // The pronouns of each gender joined to each person so far.
        var joined = [(masculine: Int, feminine: Int)](repeating: (0, 0), count: groups.count)
        // The tokens read for quotation marks so far, the sentence they are in, and whether they
        // end inside a quotation of the paragraph.
        var scanned = 0
        var scanSentence = 0
        var inQuotation = false
        // The pronouns' hashes in locals: read through `tables` they were loaded again for every token.
        let (he, his, him, she, her) = (self.he, self.his, self.him, self.she, self.her)
        var cursor = 0
        var s = 0
        // Per gender (0 masculine, 1 feminine): the sentence's first he or she, and the person it
        // was resolved to when it was the sentence's subject (-1 when not).
        var subjects: [(sentence: Int, token: Int, group: Int)] = [(-1, 0, -1), (-1, 0, -1)]
        for w in referenceWords.indices {
            let p = Int(referenceWords[w])
            let h = tokens[p].hash
            let masculine = h == he || h == his || h == him
            let feminine = h == she || h == her
            guard masculine || feminine else { continue }
            // Whether the person of group `g` may be this pronoun's: unknown gender fits both, unless
            // two or more pronouns of one gender and none of the other already joined the person
            // (`Odell says she agreed …` twice, then `he says` is not Odell).
            func fits(_ g: Int) -> Bool {
                if genders[g] != .unknown { return (genders[g] == .male) == masculine }
                let (his, hers) = (joined[g].masculine, joined[g].feminine)
                return masculine ? !(hers >= 2 && his == 0) : !(his >= 2 && hers == 0)
            }
            while sentences[s].range.upperBound <= p { s += 1 }
            let nominative = h == he || h == she
            // Whether a `he` or `she` stands inside quotation marks, counted from its paragraph's
            // start: one pass for all of them, sentence by sentence, that skips to the paragraph of
            // the pronoun (not a scan from the paragraph's start per pronoun).
            if nominative {
                var b = s
                while b > scanSentence && !sentences[b].opensBlock { b -= 1 }
                if b > scanSentence {
                    scanSentence = b
                    scanned = sentences[b].range.lowerBound
                    inQuotation = false
                }
                while scanned < p {
                    while sentences[scanSentence].range.upperBound <= scanned { scanSentence += 1 }
                    let r = sentences[scanSentence].range
                    if scanned == r.lowerBound && sentences[scanSentence].opensBlock { inQuotation = false }
                    let stop = min(p, r.upperBound)
                    for i in scanned..<stop where isQuotationMark(i) { inQuotation.toggle() }
                    scanned = stop
                }
            }
            guard !sentences[s].headline else { continue }
            while cursor < people.count && people[cursor].token < p { cursor += 1 }
            var found = -1
            var ambiguous = false
            // A name before the pronoun in its own sentence, outside quotation marks: any, and one that fits.
            var named = false
            var fittingName = false
            var k = cursor - 1
            while k >= 0 && people[k].sentence >= s - 1 {
                let g = people[k].group
                // `Asked by Haddow whether she had checked, she said`: the asker is not who answers.
                if people[k].sentence == s && isAsker(people[k].token, sentence: s) {
                    k -= 1
                    continue
                }
                let outside = people[k].sentence == s && !inOtherQuotation(people[k].token, p)
                if outside { named = true }
                if fits(g) {
                    if found >= 0 && found != g { ambiguous = true }
                    if found < 0 { found = g }
                    if outside { fittingName = true }
                }
                k -= 1
            }
            // `Carlineo faces ten years. Sentencing is set for May. He was arrested …`: with no person
            // in its sentence or the one before, a `he` or `she` that opens its sentence refers to
            // the person named last before it when that name opens one of the three sentences
            // before those and fits; not across a quotation mark (`“I called Maureen …,” Tollefsen
            // recalls. “She sat …`).
            if found < 0 && nominative && p == sentences[s].range.lowerBound && cursor > 0 {
                let nearest = people[cursor - 1]
                let g = nearest.group
                // Or that name says the quotation before it (`“…,” Mr Penhallow said. “…” ¶ He
                // acknowledged …`): a reporting verb right after it.
                let speaks = nearest.end < sentences[nearest.sentence].range.upperBound && isReportingVerb(nearest.end)
                if nearest.sentence >= s - 4, nearest.token == sentences[nearest.sentence].range.lowerBound || speaks,
                    !sentences[nearest.sentence].headline, fits(g),
                    !inOtherQuotation(nearest.token, p)
                {
                    found = g
                }
            }
            let gender = masculine ? 0 : 1
            let last = subjects[gender]
            // `He acknowledged that his brother-in-law, Simon Tarrant, is a director, but said he
            // had declared it`: a `he` or `she` right after a reporting verb (or its `that`) in a
            // sentence its own subject pronoun opens is that subject, not a name in between.
            if nominative, last.sentence == s, last.group >= 0, last.token == sentences[s].range.lowerBound, p > last.token + 1,
                isReportingVerb(p - 1) || (tokens[p - 1].isLowercaseWord && tokens[p - 1].hash == tables.words.that),
                fits(last.group)
            {
                found = last.group
                ambiguous = false
            }
            if nominative && !fittingName && last.group >= 0 && last.sentence < s && s - last.sentence <= 3 {
                // No name in the sentences between (that pronoun's own may name others after it).
                var j = cursor - 1
                while j >= 0 && people[j].sentence == s { j -= 1 }
                if j < 0 || people[j].sentence <= last.sentence {
                    found = last.group
                    ambiguous = false
                }
            }
            if found >= 0 && !ambiguous {
                groups[found].extra.append((range(p, p + 1), .pronoun))
                // Only the writer's `he` and `she` count: a quoted `her` may be anyone's.
                if nominative && !inQuotation {
                    if masculine { joined[found].masculine += 1 } else { joined[found].feminine += 1 }
                }
            }
            if nominative && last.sentence != s {
                subjects[gender] = (s, p, found >= 0 && !ambiguous && !named ? found : -1)
                // A pronoun inside a quotation is the speaker's word: a fitting person named before it
                // in the sentence outside the quotation is the sentence's subject (`Her brother, Tobi
                // Lane, said the term was “less than he deserved.” ¶ “…,” he told reporters` is the
                // brother's, not the man the quoted `he` meant).
                var k = inQuotation ? cursor - 1 : -1
                var speaker = -1
                while k >= 0 && people[k].sentence == s {
                    let g = people[k].group
                    if fits(g) && inOtherQuotation(people[k].token, p) {
                        if speaker >= 0 && speaker != g {
                            speaker = -2
                            break
                        }
                        speaker = g
                    }
                    k -= 1
                }
                if speaker != -1 { subjects[gender] = (s, p, max(speaker, -1)) }
            }
        }
    }

    /// Whether the token at `i` is a reporting verb in lowercase (`said`, `told`, `admitted`, …).
    private func isReportingVerb(_ i: Int) -> Bool {
        tokens[i].isLowercaseWord
            && (tables.words.saidForms.contains(tokens[i].hash) || tables.words.reportedVerbs.contains(tokens[i].hash))
    }

    /// Whether the person at token `i` is the agent of a participle that opens sentence `s` and
    /// asks (`Asked by Haddow whether …,`, `Pressed by reporters on the cost,`): the person asked is
    /// the subject of the clause after the comma, not the one asking.
    private mutating func isAsker(_ i: Int, sentence s: Int) -> Bool {
        let start = sentences[s].range.lowerBound
        guard i - start >= 2, i - start <= 6, tokens[start].isCapitalizedWord, tables.words.askingParticiples.contains(tokens[start].hash),
            tokens[start + 1].isLowercaseWord, tokens[start + 1].hash == tables.words.by
        else { return false }
        // Before the clause's comma.
        return !(start + 2..<i).contains { tokens[$0].has(.comma) }
    }

    /// Whether the token at `a` stands in another quotation than the token at `b`: an odd number of
    /// quotation marks between them (`“… Martha …,” she said`, not `Epstein was “a risk” … he`).
    /// A name inside a quotation is no subject of the words after it.
    private mutating func inOtherQuotation(_ a: Int, _ b: Int) -> Bool {
        var odd = false
        var i = a + 1
        while i < b {
            if isQuotationMark(i) { odd.toggle() }
            i += 1
        }
        return odd
    }

    /// Whether the token at `i` is a quotation mark: an opening or closing one, not a curly single
    /// mark between two letters (`victim’s`, `don’t`), which is an apostrophe.
    private mutating func isQuotationMark(_ i: Int) -> Bool {
        guard !tokens[i].has(.word) else { return false }
        let v = scalar(i)
        guard Self.isClosingQuote(v) || Self.isOpeningQuote(v) else { return false }
        guard v == 0x2019 || v == 0x2018 else { return true }
        let at = Int(tokens[i].start)
        guard at > 0, at + 1 < scalars.count else { return true }
        // The analyzers' table of letters, not `Unicode.Scalar.Properties`, whose lookups showed in
        // the entities stage's profile.
        func isLetter(_ v: UInt32) -> Bool { ScalarProperties.of(v) & ScalarProperties.alphabetic != 0 }
        return !(isLetter(scalars[at - 1].value) && isLetter(scalars[at + 1].value))
    }

    // MARK: Output

    private mutating func entities(from groups: [Group]) -> [Entity] {
        var out: [Entity] = []
        var starts: [Int] = []
        out.reserveCapacity(groups.count)
        starts.reserveCapacity(groups.count)
        // The first tokens already taken for the group at hand: a group has a few mentions, so a
        // reused array searched in order is cheaper than a set built for each group.
        var seen: [Int] = []
        for g in groups.indices where !groups[g].mentions.isEmpty {
            let fullest = groups[g].fullest
            let fullSequence = sequence(fullest.first, fullest.end)
            var mentions: [Entity.Mention] = []
            mentions.reserveCapacity(groups[g].mentions.count + groups[g].extra.count)
            seen.removeAll(keepingCapacity: true)
            for m in groups[g].mentions where !seen.contains(m.first) {
                seen.append(m.first)
                let form: Entity.Mention.Form = sequence(m.first, m.end) == fullSequence ? .name : .alias
                mentions.append(Entity.Mention(range: range(m.first, m.end), form: form))
            }
            for x in groups[g].extra where !mentions.contains(where: { $0.range == x.range }) {
                mentions.append(Entity.Mention(range: x.range, form: x.form))
            }
            mentions.sort { $0.range.start < $1.range.start }
            starts.append(mentions[0].range.start)
            out.append(
                // Roles are people's: a title the rules gave a name that ended up a place, a firm
                // or a group (`Seattle` before `skipper`, `NASA officials`) is no role of it.
                Entity(
                    kind: groups[g].kind.entityKind, name: text(fullest.first, fullest.end), mentions: mentions,
                    roles: groups[g].kind == .person ? groups[g].roles : []))
        }
        // In order of first mention, ties in group order (a stable sort of the positions, so
        // the entities themselves are moved only once).
        var ordered = true
        for k in starts.indices.dropFirst() where starts[k] < starts[k - 1] {
            ordered = false
            break
        }
        if ordered { return out }
        let order = starts.indices.sorted { starts[$0] < starts[$1] }
        return order.map { out[$0] }
    }
}
