import DossierCore

/// One pass of the quote rules over a document, reading its code units at one width.
///
/// The pass first walks every scalar once, hashing words and noting only quotation marks and
/// reporting verbs (most text has neither); then it pairs the marks block by block, decides what
/// each quoted span is and who said it, and finally looks for reported speech around the verbs
/// that no quotation used. Tokens are made only around those few places.
struct QuoteScanner<Unit: FixedWidthInteger & UnsignedInteger> {
    /// A reporting verb found by the first pass.
    struct CueEvent {
        var start: Int
        var end: Int
        var use: UInt16
    }

    /// A pair of quotation marks (or an opening mark left open to the end of its block).
    struct Span {
        var open: Int
        var close: Int?
        var contentStart: Int
        var contentEnd: Int
        var startBlock: Int
        var endBlock: Int
        /// A quotation inside another (`“She said, ‘Now you have two buildings.’ …”`): kept only
        /// when a reporting verb inside the outer quotation introduces it.
        var nested = false
    }

    /// Who said something and with which verb, as found next to a quotation or a reported clause.
    struct Attribution {
        var cue: Range<Int>?
        var speaker: Range<Int>?
    }

    /// A resolved speaker, carried to the next quotation of a paragraph.
    struct Speaker {
        var entity: Reference<Entity>?
        var range: TextRange?
        var isAnonymous: Bool
    }

    let u: ScalarBuffer.Units<Unit>
    let n: Int
    let vocabulary: QuoteVocabulary
    let minimumWords: Int
    let continuingSpeaker: Bool
    let blocks: [Block]
    let sentences: SentenceRangesByStart
    let mentions: MentionIndex
    /// `QuoteScanClass.table`, read once per document.
    let classTable: [UInt8]

    var quotes: [Quote] = []
    var marks: [Int] = []
    var cueEvents: [CueEvent] = []
    /// Spans no reported-speech rule may reach into: quotations and embedded posts.
    var covered: [Range<Int>] = []
    /// The words of each quotation `classify` has read, in text order: a pronoun after a
    /// quotation does not stand for a name inside it.
    var quotedWords: [Range<Int>] = []
    /// Where the verbs that attributed a quotation start.
    var usedCues: Set<Int> = []
    /// Entity id → index in the entities layer, made by `entity(_:)` when a speaker first needs it.
    var entityIndex: [String: Int]?

    init(
        units: ScalarBuffer.Units<Unit>, vocabulary: QuoteVocabulary, minimumWords: Int, continuingSpeaker: Bool,
        blocks: [Block], sentences: SentenceRangesByStart, mentions: MentionIndex
    ) {
        u = units
        n = units.count
        self.vocabulary = vocabulary
        self.minimumWords = minimumWords
        self.continuingSpeaker = continuingSpeaker
        self.blocks = blocks
        self.sentences = sentences
        self.mentions = mentions
        classTable = QuoteScanClass.table
    }

    /// Runs every rule and returns the quotes in text order.
    mutating func run() -> [Quote] {
        scanEvents()
        guard !marks.isEmpty || !cueEvents.isEmpty || blocks.contains(where: { $0.kind == .embeddedPost }) else {
            // An interview transcript may hold no quotation mark and no reporting verb.
            findTranscriptLines()
            return quotes
        }
        let posts = embeddedPosts()
        var spans = pairMarks(skipping: posts)
        spans.sort { $0.open < $1.open }
        classify(spans)
        findReportedSpeech()
        findTranscriptLines()
        quotes.sort { $0.range < $1.range }
        attributeDocumentSpeakers()
        attributeInsideReportedSpeech()
        attributeDescriptions()
        attributeRepeatedWords()
        return quotes
    }

    /// An interview printed as a transcript: a paragraph that opens with a person's name in
    /// capitals and a colon (`KORVEL: I used to hate it.`) is that person's direct speech, with no
    /// quotation marks. The label must be the surname, the given name or the full name of a person
    /// the entities layer found (so `WASHINGTON:`, `UPDATE:` and `EDITOR'S NOTE:` are not), and the
    /// paragraph must hold no quotation already.
    mutating func findTranscriptLines() {
        guard !mentions.entities.isEmpty else { return }
        // The people's names by hash, made only when a paragraph opens with a label.
        var people: [UInt64: Int]?
        for block in blocks where block.kind == .paragraph && block.range.end - block.range.start > 3 && Self.isUpper(v(block.range.start))
        {
            let start = block.range.start
            let end = block.range.end
            // The label: capitals, spaces, hyphens, apostrophes and points, up to a colon within 40 scalars.
            var colon = -1
            var letters = 0
            var o = start
            while o < end, o - start <= 40 {
                let c = v(o)
                if c == 0x3A {
                    colon = o
                    break
                }
                if Self.isUpper(c) {
                    letters += 1
                } else if !(c == 0x20 || c == 0x2D || c == 0x27 || c == 0x2019 || c == 0x2E) {
                    break
                }
                o += 1
            }
            guard colon > start, letters >= 2 else { continue }
            var label = colon
            while label > start, v(label - 1) == 0x20 || v(label - 1) == 0x2E { label -= 1 }
            let h = foldedHash(start..<label)
            if people == nil {
                var names: [UInt64: Int] = [:]
                for (e, entity) in mentions.entities.enumerated() where entity.kind == .person {
                    let words = entity.name.split(separator: " ")
                    for key in Set([entity.name] + (words.count > 1 ? [String(words[0]), String(words[words.count - 1])] : [])) {
                        let h = WordTable.hash(key.lowercased())
                        names[h] = names[h] == nil || names[h] == e ? e : -1
                    }
                }
                people = names
            }
            guard let e = people?[h], e >= 0 else { continue }
            var from = colon + 1
            while from < end, Self.isSpace(v(from)) { from += 1 }
            var to = end
            while to > from, Self.isSpace(v(to - 1)) { to -= 1 }
            guard to > from, !quotes.contains(where: { $0.range.start < end && $0.range.end > start }) else { continue }
            var quote = Quote(range: TextRange(start: from, end: to), kind: .direct)
            quote.speaker = reference(e)
            quote.speakerRange = TextRange(start: start, end: label)
            quotes.append(quote)
        }
    }

    /// A pull quote, a subheading that repeats a quotation (`3. “Not some irregular channel”`) or
    /// a writer quoting again words already attributed (`Grisham, by her own accounting, has given
    /// “plenty of on-the-record statements …”`): a quotation of three words or more with no
    /// speaker, whose words stand inside a quotation that has one, is that speaker's. Letters and
    /// digits are compared case-folded, word by word; punctuation and apostrophes do not count.
    mutating func attributeRepeatedWords() {
        let open = quotes.indices.filter {
            (quotes[$0].kind == .direct || quotes[$0].kind == .partial) && quotes[$0].speaker == nil
                && quotes[$0].speakerRange == nil && !quotes[$0].isAnonymous
        }
        // Three words or more: ` a b c ` holds four spaces.
        let keys = open.map { (i: $0, key: foldedWords(quotes[$0].range)) }.filter { $0.key.count(where: { $0 == 0x20 }) >= 4 }
        guard !keys.isEmpty else { return }
        let known = quotes.indices.filter {
            (quotes[$0].kind == .direct || quotes[$0].kind == .partial)
                && (quotes[$0].speaker != nil || quotes[$0].speakerRange != nil || quotes[$0].isAnonymous)
        }
        guard !known.isEmpty else { return }
        // A quotation that quotes the words in turn (`as bad as the "Meth. We're On It." campaign`)
        // names a slogan or a title: its own inner quotations do not count.
        let texts = known.map { foldedWords(quotes[$0].range, outsideInnerQuotations: true) }
        for (i, key) in keys {
            guard let n = known.indices.first(where: { known[$0] != i && Self.holds(texts[$0], key) }) else { continue }
            let j = known[n]
            quotes[i].speaker = quotes[j].speaker
            quotes[i].speakerRange = quotes[j].speakerRange
            quotes[i].isAnonymous = quotes[j].isAnonymous
        }
    }

    /// Whether `needle` stands in `haystack` as a contiguous run. A plain scan on the first unit:
    /// the standard library's `firstRange(of:)` instantiates generic metadata on every call, which
    /// cost more than the search itself on short quotations.
    static func holds(_ haystack: [UInt32], _ needle: [UInt32]) -> Bool {
        let n = needle.count
        guard n > 0 else { return true }
        guard haystack.count >= n else { return false }
        return haystack.withUnsafeBufferPointer { h in
            needle.withUnsafeBufferPointer { k in
                let first = k[0]
                var i = 0
                let last = h.count - n
                while i <= last {
                    if h[i] == first {
                        var j = 1
                        while j < n, h[i + j] == k[j] { j += 1 }
                        if j == n { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }

    /// The words of `range`, case-folded, each followed by one space and the first preceded by one
    /// (` not some irregular channel `); apostrophes inside words are dropped. With
    /// `outsideInnerQuotations`, words inside quotation marks within the range are left out.
    func foldedWords(_ range: TextRange, outsideInnerQuotations: Bool = false) -> [UInt32] {
        var out: [UInt32] = [0x20]
        var inner = false
        var singleOpen = false
        for o in range.start..<range.end {
            let c = v(o)
            let cls = scanClass(c)
            if outsideInnerQuotations {
                // “…”, «…», "…", and ‘…’ once a ‘ opened (’ alone is an apostrophe).
                switch c {
                case 0x201C, 0xAB: inner = true
                case 0x201D, 0xBB: inner = false
                case 0x22: inner.toggle()
                case 0x2018:
                    inner = true
                    singleOpen = true
                case 0x2019 where singleOpen && !(o + 1 < range.end && scanClass(v(o + 1)) & QuoteScanClass.letter != 0):
                    inner = false
                    singleOpen = false
                default: break
                }
                if inner || c == 0x201D || c == 0xBB || c == 0x22 {
                    if out.last != 0x20 { out.append(0x20) }
                    continue
                }
            }
            if cls & (QuoteScanClass.letter | QuoteScanClass.digit) != 0 {
                out.append(WordTable.fold(c))
            } else if c == 0x27 || c == 0x2019 {
                continue
            } else if out.last != 0x20 {
                out.append(0x20)
            }
        }
        if out.last != 0x20 { out.append(0x20) }
        return out
    }

    /// What a description with `the` as a quotation's speaker stands for, read once per quotation:
    /// - `One Quillon engineer, who spoke on condition of anonymity, said …`, later `“…,” the
    ///   engineer said`: a description of one or two words that an anonymous speaker's description
    ///   held (before its first comma or `who`), up to 3,000 scalars before, is that anonymous speaker;
    /// - else `“I don’t fix anything,” the retired nurse says.` with nobody named in its paragraph:
    ///   a description in lowercase words that holds a title (`the 58-year-old head of government`)
    ///   is the person named last before the quotation, in its paragraph or the two before, outside
    ///   quotation marks (a pronoun the entities analyzer resolved counts).
    mutating func attributeDescriptions() {
        for i in quotes.indices where quotes[i].speaker == nil && !quotes[i].isAnonymous {
            guard let r = quotes[i].speakerRange else { continue }
            let t = tokens(r.start..<r.end)
            guard t.count >= 2, t[0].isWord, t[0].hash == Words.the else { continue }
            if t.count <= 3, let head = t.last, head.isWord, !head.isCapitalized {
                var j = i - 1
                while j >= 0, r.start - quotes[j].range.end < 3000 {
                    if quotes[j].isAnonymous, let earlier = quotes[j].speakerRange,
                        tokens(earlier.start..<earlier.end).prefix(while: { !$0.isMark(0x2C) && $0.hash != Words.who }).contains(where: {
                            $0.isWord && $0.hash == head.hash
                        })
                    {
                        quotes[i].isAnonymous = true
                        break
                    }
                    j -= 1
                }
                if quotes[i].isAnonymous { continue }
            }
            guard t.count(where: \.isWord) <= 8,
                t[1...].allSatisfy({ ($0.isWord && !$0.isCapitalized) || $0.isMark(0x2D) }), t[1...].contains(where: { isTitle($0) })
            else { continue }
            // `the victim's mother`: kin of someone in the possessive is another person than the one named before.
            if let head = t.last, Words.kin.contains(head.hash), t[1...].contains(where: { isPossessive($0) }) { continue }
            let open = min(quotes[i].range.start, r.start)
            // Not whom someone speaks to (`Speaking to host Jonah Pell, the star …`).
            let floor = floorForPronoun(at: open)
            var before = open
            while let entry = mentions.nearestEntry(before: before, floor: floor, kinds: [.person], outside: quotedWords) {
                if entry.isPronoun || !isAddressed(at: entry.range.start, floor: floor) {
                    quotes[i].speaker = reference(entry.entity)
                    break
                }
                before = entry.range.start
            }
        }
    }

    /// `the label’s statement read` speaks for the label. `The ministry said in a statement that …
    /// “…,” the statement said.`: a document named by
    /// its head alone (`the statement`, `the report`) speaks for whoever gave it, when an earlier
    /// quotation or report, at most 1,500 scalars before, was attributed `in a statement` to a
    /// speaker.
    mutating func attributeDocumentSpeakers() {
        for i in quotes.indices where quotes[i].speaker == nil && !quotes[i].isAnonymous {
            guard let r = quotes[i].speakerRange else { continue }
            let t = tokens(r.start..<r.end)
            // `the label’s statement read`, `Calder’s statement said`: the possessor's document.
            if t.count >= 2, t.count <= 6, let document = t.last, document.isWord, Words.documents.contains(document.hash),
                isPossessive(t[t.count - 2])
            {
                let possessive = t[t.count - 2]
                var end = possessive.end - 1
                if v(end) | 0x20 == 0x73 { end -= 1 }
                if end > t[0].start, let giver = resolve(t[0].start..<end).entity {
                    quotes[i].speaker = giver
                } else if t[0].isWord, t[0].hash == Words.the, let named = organisationNamedBefore(r.start) {
                    // `Vance’s label, Halcyon Records, confirmed … “…,” the label’s statement read`:
                    // a description is the organisation named last in the paragraph or the one before.
                    quotes[i].speaker = named
                }
                continue
            }
            guard isDocumentHead(t) else { continue }
            var j = i - 1
            while j >= 0, r.start - quotes[j].range.end < 1500 {
                if let speaker = quotes[j].speaker, let cue = quotes[j].cueRange {
                    func endsSentence(_ t: QuoteToken) -> Bool { t.isMark(0x2E) || t.isMark(0x21) || t.isMark(0x3F) }
                    // The document in the words right after the verb: `said in a statement`.
                    // Within its sentence: `she said.` then `The report recommends …` is no `said in a report`.
                    let after = tokens(cue.end..<min(n, cue.end + 40)).prefix { !endsSentence($0) }.prefix(4)
                    // Or before the speaker in the same sentence: `In a written statement, the
                    // minister, Hamish Lowe, said …`.
                    let opening = quotes[j].speakerRange?.start ?? cue.start
                    let before = tokens(max(0, opening - 160)..<opening)
                    let sentenceOpen = before.lastIndex(where: endsSentence).map { $0 + 1 } ?? 0
                    if after.contains(where: { $0.isWord && $0.hash == t[1].hash })
                        || before[sentenceOpen...].prefix(5).contains(where: { $0.isWord && $0.hash == t[1].hash })
                    {
                        quotes[i].speaker = speaker
                        break
                    }
                }
                j -= 1
            }
            if quotes[i].speaker == nil, let giver = documentGiver(t[1].hash, before: r.start) { quotes[i].speaker = giver }
            // `“…,” the memo said. … “…,” the document states`: the same document named again, within
            // 3,000 scalars, speaks for the giver found before.
            if quotes[i].speaker == nil {
                var j = i - 1
                while j >= 0, r.start - quotes[j].range.end < 3000 {
                    if let speaker = quotes[j].speaker, let earlier = quotes[j].speakerRange {
                        if isDocumentHead(tokens(earlier.start..<earlier.end)) {
                            quotes[i].speaker = speaker
                            break
                        }
                    }
                    j -= 1
                }
            }
        }
    }

    /// Whether the words are a document named by its head alone: `the statement`, `the memo`.
    func isDocumentHead(_ t: [QuoteToken]) -> Bool {
        t.count == 2 && t[0].isWord && t[0].hash == Words.the && t[1].isWord && Words.documents.contains(t[1].hash)
    }

    /// The organisation named last before `offset` in its paragraph, or in the paragraph before
    /// when its own names none, outside quotation marks.
    mutating func organisationNamedBefore(_ offset: Int) -> Reference<Entity>? {
        let block = blockIndex(containing: offset)
        guard block >= 0 else { return nil }
        let floor = blocks[max(0, block - 1)].range.start
        let named = mentions.nearestEntry(before: offset, floor: floor, kinds: [.organization], outside: quotedWords)
        return named.flatMap { $0.isPronoun ? nil : reference($0.entity) }
    }

    /// Whoever gave the document named by `document` in an earlier sentence, up to 1,500 scalars
    /// back: the named subject of the verb before `a statement` (`Aoife Brennan, a solicitor for
    /// the family, read a statement on their behalf`, `the ministry issued a statement`, `the agency
    /// issued its own notice`), or of the sentence that says `in a statement` or `according to a
    /// research note`; the person after `written by` or `signed by` in a sentence naming a
    /// document; for a post or a tweet, the subject of `posted` or `tweeted`.
    mutating func documentGiver(_ document: UInt64, before offset: Int) -> Reference<Entity>? {
        var block = blockIndex(containing: offset)
        let floor = max(0, offset - 1500)
        var o = offset - 1
        while o >= floor, block >= 0 {
            if o < blocks[block].range.start {
                block -= 1
                continue
            }
            let sentence = self.sentence(containing: o, block: block)
            let t = tokens(sentence)
            for k in stride(from: t.count - 1, through: 3, by: -1) where t[k].isWord && t[k].hash == document {
                // `in an early-morning memo from Ostrowski`: the name right after `from`.
                if k + 2 < t.count, t[k + 1].isWord, t[k + 1].hash == Words.from, t[k + 2].isWord,
                    t[k + 2].isCapitalized || (t[k + 2].hash == Words.the && k + 3 < t.count && t[k + 3].isCapitalized),
                    let giver = mentions.firstPersonOrOrganization(
                        in: t[k + 2].start..<t[min(t.count - 1, k + 3)].end, outside: quotedWords)
                {
                    return reference(giver)
                }
                // `a statement`, `a research note`, or the giver's own: `issued its own notice`.
                var d = k - 1
                if t[d].isWord, t[d].hash == Words.own { d -= 1 }
                func determines(_ token: QuoteToken) -> Bool {
                    token.isWord && (Words.indefinite.contains(token.hash) || Words.possessiveDeterminers.contains(token.hash))
                }
                if !determines(t[d]), t[d].isWord, !t[d].isCapitalized, d >= 1, determines(t[d - 1]) { d -= 1 }
                guard determines(t[d]), d >= 2, t[d - 1].isWord, !t[d - 1].isCapitalized else { continue }
                // `Harbour Council confirmed the closure in a statement`, `Corvane estimates …,
                // according to a research note`: the document's giver is the subject the sentence
                // opens with, when it is a name (not `The company`, which may stand for another
                // company than the one named last).
                let subject: Range<Int>?
                if t[d - 1].hash == Words.`in` || (t[d - 1].hash == Words.to && t[d - 2].isWord && t[d - 2].hash == Words.according) {
                    let end = t[d - 1].hash == Words.to ? d - 2 : d - 1
                    subject = (openingSubject(t, before: end, lo: 0) ?? openingName(t, lo: 0, before: end)).flatMap { range in
                        tokens(range).contains { $0.isWord && $0.isCapitalized && $0.hash != Words.the } ? range : nil
                    }
                } else {
                    subject = backwardSubject(t, cue: d - 1, lo: 0)
                }
                if let subject, let entity = resolve(subject).entity { return entity }
            }
            // `The four-page document, …, written by the council's director of resources, Graham
            // Tillotson, sets out …`: the person named after `written by` or `signed by`; the
            // person or body after `filed by` or `issued by` (`a criminal complaint filed by the
            // District Attorney's Office`).
            for k in t.indices.dropFirst(2)
            where t[k].isWord && t[k].hash == Words.by && t[k - 1].isWord && Words.authoring.contains(t[k - 1].hash) {
                guard t[..<(k - 1)].contains(where: { $0.isWord && Words.documents.contains($0.hash) }) else { continue }
                let end = t[min(t.count - 1, k + 16)].end
                if let giver = mentions.firstPersonOrOrganization(in: t[k].end..<end, outside: quotedWords) { return reference(giver) }
            }
            // `Dace posted photographs of two pages. The post read: “…”`: whoever posted it.
            if let verbs = Words.documentVerbs[document] {
                for k in stride(from: t.count - 1, through: 1, by: -1) where t[k].isWord && verbs.contains(t[k].hash) {
                    if let subject = backwardSubject(t, cue: k, lo: 0), let entity = resolve(subject).entity { return entity }
                }
            }
            o = min(o, sentence.lowerBound) - 1
        }
        return nil
    }

    /// Gives a quotation with no speaker of its own the speaker of the reported speech it lies in:
    /// in `Varga said the plan was “a tax by another name”`, Varga said the quoted words too.
    mutating func attributeInsideReportedSpeech() {
        var reported: [Int] = []
        for i in quotes.indices where quotes[i].kind == .indirect && (quotes[i].speaker != nil || quotes[i].isAnonymous) {
            reported.append(i)
        }
        guard !reported.isEmpty else { return }
        for i in quotes.indices where (quotes[i].kind == .partial || quotes[i].kind == .direct) && quotes[i].speakerRange == nil {
            // Inside the reported speech: it starts there (its closing mark may lie just past the
            // reported words, as in "…, saying the council “had no safe alternative.”").
            let inner = quotes[i].range
            guard let outer = reported.first(where: { quotes[$0].range.start <= inner.start && inner.start < quotes[$0].range.end }) else {
                continue
            }
            quotes[i].speaker = quotes[outer].speaker
            quotes[i].speakerRange = quotes[outer].speakerRange
            quotes[i].isAnonymous = quotes[outer].isAnonymous
            quotes[i].cue = quotes[outer].cue
            quotes[i].cueRange = quotes[outer].cueRange
        }
    }

    // MARK: Scalars

    @inline(__always) func v(_ i: Int) -> UInt32 { UInt32(truncatingIfNeeded: u[i]) }

    /// The `WordTable` hash of the scalars in `range`, case-folded: the key the vocabulary's
    /// tables are looked up by.
    @inline(__always) func foldedHash(_ range: Range<Int>) -> UInt64 {
        var h = WordTable.seed
        for k in range { h = WordTable.mix(h, WordTable.fold(v(k))) }
        return h
    }

    @inline(__always) static func isLetter(_ c: UInt32) -> Bool {
        if c < 0x80 { return (c | 0x20) &- 0x61 < 26 }
        if c < 0x250 { return c >= 0xC0 && c != 0xD7 && c != 0xF7 }
        // General punctuation (quotation marks, dashes, spaces) is common in news and never a letter.
        if c >= 0x2000 && c < 0x2070 { return false }
        return ScalarProperties.has(c, ScalarProperties.alphabetic)
    }

    @inline(__always) static func isDigit(_ c: UInt32) -> Bool { c &- 0x30 < 10 }

    @inline(__always) static func isLetterOrDigit(_ c: UInt32) -> Bool { isLetter(c) || isDigit(c) }

    @inline(__always) static func isUpper(_ c: UInt32) -> Bool {
        if c < 0x80 { return c &- 0x41 < 26 }
        if c < 0x100 { return c >= 0xC0 && c <= 0xDE && c != 0xD7 }
        return ScalarProperties.has(c, ScalarProperties.uppercase)
    }

    @inline(__always) static func isSpace(_ c: UInt32) -> Bool {
        c == 0x20 || (c >= 0x09 && c <= 0x0D) || c == 0xA0 || (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F
            || c == 0x3000
    }

    /// Whether `c` is a mark that may open or close a quotation, or an apostrophe.
    @inline(__always) static func isQuoteMark(_ c: UInt32) -> Bool {
        switch c {
        case 0x22, 0x27, 0xAB, 0xBB, 0x2018, 0x2019, 0x201C, 0x201D, 0x201E, 0x201F, 0x2039, 0x203A: true
        default: false
        }
    }

    /// Whether `c` ends a sentence inside quoted words.
    static func isTerminal(_ c: UInt32) -> Bool { c == 0x2E || c == 0x3F || c == 0x21 || c == 0x2026 }

    // MARK: First pass

    /// Notes every quotation mark and every reporting verb.
    ///
    /// Text is read 64 scalars at a time: each block is classified through `QuoteScanClass` into
    /// bit masks (letters, digits, joiners, marks), its words are found as runs of those bits, and
    /// only a word of the length and first letter of some cue is hashed. A block is cut after its
    /// last space or punctuation so that no word spans two blocks; a block holding a scalar the
    /// table does not describe, or no such cut, is read one scalar at a time instead.
    mutating func scanEvents() {
        let table = classTable
        var classes: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
        var i = 0
        var scalarUntil = 0
        table.withUnsafeBufferPointer { table in
            while i < n {
                if i >= scalarUntil && n - i >= 64 {
                    let cut = withUnsafeMutableBytes(of: &classes) { scanBlock(at: i, table: table, classes: $0) }
                    if cut > 0 {
                        i += cut
                        continue
                    }
                    // Past the scalar the table does not describe (at -cut), but never fewer than
                    // 32 scalars, so that text in other scripts is not classified over and over.
                    scalarUntil = i + max(1 - cut, 32)
                }
                i = scanWord(at: i)
            }
        }
    }

    /// Classifies the 64 scalars from `i`, notes the marks and cues of the words that end before
    /// its last space or punctuation, and returns how many scalars it read; when it read none, 0
    /// or minus the offset of the first scalar the table does not describe (64 when there is none).
    @inline(__always) mutating func scanBlock(at i: Int, table: UnsafeBufferPointer<UInt8>, classes: UnsafeMutableRawBufferPointer) -> Int {
        typealias K = QuoteScanClass
        let any = ScalarClasses.classify(u, at: i, table: table, beyond: K.unknown, into: classes)
        let letters = ScalarClasses.mask(classes, K.letter)
        let digits = ScalarClasses.mask(classes, K.digit)
        let joiners = ScalarClasses.mask(classes, K.joiner)
        let marks = any & K.mark != 0 ? ScalarClasses.mask(classes, K.mark) : 0
        let unknown = any & K.unknown != 0 ? ScalarClasses.mask(classes, K.unknown) : 0
        // Scalars that neither are nor continue a word, before the first unknown one.
        var cuts = ~(letters | digits | joiners)
        if unknown != 0 { cuts &= (1 << UInt64(unknown.trailingZeroBitCount)) &- 1 }
        guard cuts != 0 else { return -unknown.trailingZeroBitCount }
        let last = 63 - cuts.leadingZeroBitCount
        // A joiner continues a word only before a letter; `last` is no letter, so this is known.
        let links = letters | digits | (joiners & (letters >> 1))
        var runs = links & ((1 << UInt64(last)) &- 1)
        var inWords: UInt64 = 0
        let cues = vocabulary.cues
        while runs != 0 {
            let s = runs.trailingZeroBitCount
            let e = s + (~(runs >> UInt64(s))).trailingZeroBitCount
            let below: UInt64 = (1 << UInt64(e)) &- 1
            runs &= ~below
            // A word starts at the first letter of a run: digits and joiners before it start none.
            let first = letters & below & ~((1 << UInt64(s)) &- 1)
            guard first != 0 else { continue }
            let start = first.trailingZeroBitCount
            inWords |= below & ~((1 << UInt64(start)) &- 1)
            let length = e - start
            if length >= 3 && length <= 12
                // Read through the view: a one-byte buffer's marker units may stand for letters.
                && vocabulary.mayBeCue(u[i + start], u[i + start + 1], length: length)
            {
                var h = WordTable.seed
                for k in (i + start)..<(i + e) { h = WordTable.mix(h, WordTable.fold(u[k])) }
                let use = cues.value(h)
                if use != 0 { cueEvents.append(CueEvent(start: i + start, end: i + e, use: use)) }
            }
        }
        var quoteMarks = marks & ~inWords & ((2 << UInt64(last)) &- 1)
        while quoteMarks != 0 {
            self.marks.append(i + quoteMarks.trailingZeroBitCount)
            quoteMarks &= quoteMarks &- 1
        }
        return last + 1
    }

    /// Reads the word or the one scalar at `i`, noting a mark or a cue; returns where the next starts.
    mutating func scanWord(at index: Int) -> Int {
        var i = index
        let c = v(i)
        if c < 0x80 ? (c | 0x20) &- 0x61 < 26 : Self.isLetter(c) {
            let start = i
            i += 1
            while i < n {
                let d = v(i)
                if d < 0x80 ? ((d | 0x20) &- 0x61 < 26 || d &- 0x30 < 10) : Self.isLetter(d) {
                    i += 1
                } else if (d == 0x27 || d == 0x2019 || d == 0x2D) && i + 1 < n && Self.isLetter(v(i + 1)) {
                    i += 1
                } else {
                    break
                }
            }
            // Hashed only when a cue of its first two letters and length exists: most words are
            // passed over with one table read instead of a multiply per scalar.
            let length = i - start
            if length >= 3 && length <= 12 && vocabulary.mayBeCue(c, v(start + 1), length: length) {
                var h = WordTable.seed
                for k in start..<i { h = WordTable.mix(h, WordTable.fold(v(k))) }
                let use = vocabulary.cues.value(h)
                if use != 0 { cueEvents.append(CueEvent(start: start, end: i, use: use)) }
            }
        } else {
            if c >= 0x22, Self.isQuoteMark(c) { marks.append(i) }
            i += 1
        }
        return i
    }

    // MARK: Tokens

    /// The class bits (`QuoteScanClass`) of `c`: from the table below U+2070, else from the predicates.
    @inline(__always) func scanClass(_ c: UInt32) -> UInt8 {
        if c < QuoteScanClass.limit { return classTable[Int(c)] }
        return (Self.isLetter(c) ? QuoteScanClass.letter : 0) | (Self.isSpace(c) ? QuoteScanClass.space : 0)
    }

    /// The words and punctuation marks of `range`, spaces left out.
    mutating func tokens(_ range: Range<Int>) -> [QuoteToken] {
        typealias K = QuoteScanClass
        var out: [QuoteToken] = []
        var i = max(range.lowerBound, 0)
        let hi = min(range.upperBound, n)
        out.reserveCapacity((hi - i) / 4 + 2)
        while i < hi {
            let c = v(i)
            let cls = scanClass(c)
            if cls & K.space != 0 {
                i += 1
                continue
            }
            if cls & (K.letter | K.digit) != 0 {
                let start = i
                var h = WordTable.mix(WordTable.seed, WordTable.fold(c))
                i += 1
                while i < hi {
                    let d = v(i)
                    let next = scanClass(d)
                    if next & (K.letter | K.digit) != 0 {
                        h = WordTable.mix(h, WordTable.fold(d))
                        i += 1
                    } else if next & K.joiner != 0 && i + 1 < hi && scanClass(v(i + 1)) & (K.letter | K.digit) != 0 {
                        h = WordTable.mix(h, WordTable.fold(d))
                        i += 1
                    } else if (d == 0x2C || d == 0x2E) && i + 1 < hi && Self.isDigit(v(i - 1)) && Self.isDigit(v(i + 1)) {
                        // A number with a separator (1,200; 4.5) is one word, not a clause's comma.
                        h = WordTable.mix(h, d)
                        i += 1
                    } else if d == 0x2E && i + 1 < hi && Self.isUpper(v(i + 1)) && Self.isUpper(v(i - 1))
                        && (i - 1 == start || !Self.isLetter(v(i - 2)))
                    {
                        // An initialism such as U.S.: keep it one word.
                        h = WordTable.mix(h, d)
                        i += 1
                    } else {
                        break
                    }
                }
                out.append(QuoteToken(start: start, end: i, hash: h, first: c, isWord: true, isCapitalized: Self.isUpper(c)))
            } else {
                out.append(QuoteToken(start: i, end: i + 1, hash: 0, first: c, isWord: false, isCapitalized: false))
                i += 1
            }
        }
        return out
    }

    mutating func wordClass(_ t: QuoteToken) -> UInt16 { t.isWord ? vocabulary.classes.value(t.hash) : 0 }

    mutating func cueUse(_ t: QuoteToken) -> QuoteVocabulary.CueUse {
        t.isWord ? QuoteVocabulary.CueUse(rawValue: vocabulary.cues.value(t.hash)) : []
    }

    /// The text of `range`, lowercased: the cue as written.
    mutating func lowercasedText(_ range: Range<Int>) -> String {
        // Reporting verbs are nearly always ASCII: lowercase those bytes without `lowercased()`.
        if range.allSatisfy({ v($0) < 0x80 }) {
            return String(unsafeUninitializedCapacity: range.count) { buffer in
                for (k, i) in range.enumerated() {
                    let c = UInt8(truncatingIfNeeded: v(i))
                    buffer[k] = c &- 0x41 < 26 ? c | 0x20 : c
                }
                return range.count
            }
        }
        var view = String.UnicodeScalarView()
        for i in range {
            if let s = Unicode.Scalar(v(i)) { view.append(s) }
        }
        return String(view).lowercased()
    }

    // MARK: Structure

    /// The sentence holding `offset`, or the block when no sentence does.
    mutating func sentence(containing offset: Int, block: Int) -> Range<Int> {
        let b = blocks[block].range.offsets
        var lo = 0
        var hi = sentences.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sentences[mid].lowerBound <= offset { lo = mid + 1 } else { hi = mid }
        }
        if lo > 0 {
            let s = sentences[lo - 1]
            if offset < s.upperBound || (offset == s.upperBound && offset > s.lowerBound) {
                return max(s.lowerBound, b.lowerBound)..<min(s.upperBound, b.upperBound)
            }
        }
        return b
    }

    /// The offset of the first non-space scalar from `i` up to `limit`.
    /// The index of the block that holds `offset` (the last one starting at or before it).
    func blockIndex(containing offset: Int) -> Int {
        var b = 0
        while b + 1 < blocks.count, blocks[b + 1].range.start <= offset { b += 1 }
        return b
    }

    /// The last offset before `end` that is no space, or `floor` when there is none above it.
    func lastNonSpace(before end: Int, floor: Int) -> Int {
        var o = end - 1
        while o > floor, Self.isSpace(v(o)) { o -= 1 }
        return o
    }

    mutating func skipSpaces(from i: Int, to limit: Int) -> Int {
        var k = i
        while k < limit, Self.isSpace(v(k)) { k += 1 }
        return k
    }

    /// `range` without surrounding spaces, and without a trailing comma, colon or semicolon.
    mutating func trimmed(_ range: Range<Int>) -> Range<Int> {
        var lo = range.lowerBound
        var hi = range.upperBound
        while lo < hi, Self.isSpace(v(lo)) { lo += 1 }
        while hi > lo {
            let c = v(hi - 1)
            if Self.isSpace(c) || c == 0x2C || c == 0x3A || c == 0x3B { hi -= 1 } else { break }
        }
        return lo..<hi
    }
}
