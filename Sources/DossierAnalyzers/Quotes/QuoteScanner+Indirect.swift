import DossierCore

extension QuoteScanner {
    /// Finds reported speech around the reporting verbs no quotation used: `X said (that) …`,
    /// `X told reporters …`, `…, X said.`, `according to X, …`, `X has called for …`.
    mutating func findReportedSpeech() {
        let spans = covered.sorted { $0.lowerBound < $1.lowerBound }
        var cachedSentence: Range<Int>?
        var t: [QuoteToken] = []
        var block = 0
        var s = 0
        // The sentence of the last reported speech found, its speaker, and what it reports.
        var previous: (sentence: Range<Int>, speaker: Speaker, content: Range<Int>)?
        for event in cueEvents {
            let use = QuoteVocabulary.CueUse(rawValue: event.use)
            guard use.contains(.indirect) || use.contains(.according) || use.contains(.callFor) || use.contains(.participle) else {
                continue
            }
            guard !usedCues.contains(event.start) else { continue }
            // `found a way`, `estimated 40,000`: before reading the sentence's words, a verb that
            // needs `that` needs it ahead, or punctuation right after it (`…, the report found.`).
            if use.contains(.needsThat), !thatOrMarkAhead(event.end), !outAndComma(after: event.end) { continue }
            // `he would ask the organisers to review …` inside reported speech already found is
            // part of what was reported, not a second report.
            if let content = previous?.content, content.contains(event.start) { continue }
            while s < spans.count && spans[s].upperBound <= event.start { s += 1 }
            if s < spans.count, spans[s].lowerBound <= event.start { continue }
            while block < blocks.count && blocks[block].range.end <= event.start { block += 1 }
            guard block < blocks.count, blocks[block].range.start <= event.start, blocks[block].kind != .embeddedPost else { continue }
            let sentence = sentence(containing: event.start, block: block)
            if sentence != cachedSentence {
                cachedSentence = sentence
                t = tokens(sentence)
            }
            guard let k = t.firstIndex(where: { $0.start == event.start }) else { continue }
            if var quote = reported(t, cue: k, use: use) {
                usedCues.insert(event.start)
                // `The inquiry's report said … It noted that …`: a pronoun subject right after a
                // sentence of reported speech in the same paragraph is that speech's speaker, when
                // it fits the pronoun.
                if let (before, speaker, _) = previous, before.upperBound <= sentence.lowerBound,
                    before == sentenceBefore(sentence, block: block) || closesBlockBefore(before, sentence, block: block),
                    let range = quote.speakerRange, let fitting = continued(speaker, as: range.start..<range.end)
                {
                    quote.speaker = fitting.entity
                    quote.speakerRange = fitting.range
                    quote.isAnonymous = fitting.isAnonymous
                }
                previous = (
                    sentence, Speaker(entity: quote.speaker, range: quote.speakerRange, isAnonymous: quote.isAnonymous),
                    quote.range.start..<quote.range.end
                )
                quotes.append(quote)
            }
        }
    }

    /// Whether `out,` follows the word ending at `end` (`…, he pointed out, are …`).
    func outAndComma(after end: Int) -> Bool {
        var i = end
        while i < n, Self.isSpace(v(i)) { i += 1 }
        guard i + 3 < n else { return false }
        return v(i) | 0x20 == 0x6F && v(i + 1) | 0x20 == 0x75 && v(i + 2) | 0x20 == 0x74 && v(i + 3) == 0x2C
    }

    /// Whether punctuation follows the word ending at `end`, or the word `that` comes within the
    /// next 80 scalars: the scan that spares a sentence's tokens for `found a body`.
    func thatOrMarkAhead(_ end: Int) -> Bool {
        var i = end
        while i < n, Self.isSpace(v(i)) { i += 1 }
        guard i < n, Self.isLetterOrDigit(v(i)) else { return true }
        let limit = min(n - 3, end + 80)
        while i < limit {
            if v(i) | 0x20 == 0x74, v(i + 1) | 0x20 == 0x68, v(i + 2) | 0x20 == 0x61, v(i + 3) | 0x20 == 0x74,
                !Self.isLetter(v(i - 1)), i + 4 >= n || !Self.isLetter(v(i + 4))
            {
                return true
            }
            i += 1
        }
        return false
    }

    /// Whether `sentence` opens its block and `before` is the last sentence of the block before
    /// (`…, the report found.` then a new paragraph `It found that …`).
    mutating func closesBlockBefore(_ before: Range<Int>, _ sentence: Range<Int>, block: Int) -> Bool {
        guard block > 0, sentenceBefore(sentence, block: block) == nil else { return false }
        let previous = blocks[block - 1].range
        return before.lowerBound >= previous.start && before.upperBound > lastNonSpace(before: previous.end, floor: previous.start)
    }

    /// The sentence before `sentence` in its block (the last scalar before it that is no space), or
    /// nil at the block's start.
    mutating func sentenceBefore(_ sentence: Range<Int>, block: Int) -> Range<Int>? {
        let start = blocks[block].range.start
        let o = lastNonSpace(before: sentence.lowerBound, floor: start)
        guard o >= start else { return nil }
        return self.sentence(containing: o, block: block)
    }

    /// `speaker`, when the pronoun at `range` can stand for it: `he` or `she` for a person of
    /// fitting gender or an anonymous description, `it` for anything but a person or an anonymous
    /// source; nil for any other words at `range`.
    mutating func continued(_ speaker: Speaker, as range: Range<Int>) -> Speaker? {
        let t = tokens(range)
        guard t.count == 1, t[0].isWord, speaker.range != nil else { return nil }
        switch t[0].hash {
        case Words.he, Words.she: return personal(speaker, female: t[0].hash == Words.she)
        case Words.it:
            guard !speaker.isAnonymous else { return nil }
            if let e = speaker.entity { return entity(e)?.kind == .person ? nil : speaker }
            return speaker
        default: return nil
        }
    }

    /// The reported speech around the verb at token `k` of the sentence `t`, if the sentence has that shape.
    mutating func reported(_ t: [QuoteToken], cue k: Int, use: QuoteVocabulary.CueUse) -> Quote? {
        let count = t.count
        func word(_ i: Int) -> Bool { i >= 0 && i < count && t[i].isWord }
        func make(content whole: Range<Int>?, cue: Range<Int>, speaker: Range<Int>?) -> Quote? {
            var content = whole
            // `A man who said he saw the crash told police …`: a verb inside a relative clause
            // reports up to the main clause's reporting verb, not through it.
            if k > 0, word(k - 1), t[k - 1].hash == Words.who, let c = content,
                let m = ((k + 2)..<max(k + 2, t.count)).first(where: {
                    t[$0].start > c.lowerBound && t[$0].end <= c.upperBound && t[$0].isWord
                        && cueUse(t[$0]).contains(.direct) && !isParticiple(t[$0]) && t[$0 - 1].isWord
                })
            {
                content = c.lowerBound..<t[m - 1].end
            }
            guard let content, wordCount(t, in: content) >= (use.contains(.callFor) ? 2 : 3), let speaker else { return nil }
            // `I wrote back, saying that …`: the writer's own words are no report.
            if speaker.count <= 2, let s = t.firstIndex(where: { $0.start == speaker.lowerBound }), t[s].isWord,
                Words.firstPerson.contains(t[s].hash), t[s].end == speaker.upperBound
            {
                return nil
            }
            // `he told the court: “I said …”`, `…, he replied: “…”`: what follows a colon or comma
            // is a quotation or another clause, not the reported words.
            let opening = v(content.lowerBound)
            guard opening != 0x3A && opening != 0x2C else { return nil }
            // `According to a transcript, he told the court: “…”`: a clause that introduces a
            // quotation is no reported speech; the quotation is the speech.
            if let colon = t.firstIndex(where: { $0.isMark(0x3A) && content.contains($0.start) }), colon + 1 < count,
                Self.isQuoteMark(t[colon + 1].first)
            {
                return nil
            }
            let who = resolve(speaker)
            return Quote(
                range: TextRange(content), kind: .indirect, speaker: who.entity, speakerRange: who.range, isAnonymous: who.isAnonymous,
                cue: lowercasedText(cue), cueRange: TextRange(cue))
        }
        // `the United States`, `Indiana State Police`: a capitalised word inside the sentence is a
        // name's, not a reporting verb.
        if k > 0, t[k].isCapitalized, t[k - 1].isWord { return nil }
        // `An engineer who asked not to be named said …`: asking not to be named reports nothing.
        if word(k + 2), t[k + 1].hash == Words.not, t[k + 2].hash == Words.to,
            ((k + 3)..<min(count, k + 6)).contains(where: { word($0) && wordClass(t[$0]) & C.anonymousMarker != 0 })
        {
            return nil
        }
        // `he would not say`: a refusal to speak reports nothing; an infinitive reports nothing yet
        // (`declined to say whether …`, `to claim an easy victory`, `is expected to announce`); and
        // after an article or a possessive the word is a noun (`in a note that`, `her report that`).
        if k >= 1, t[k - 1].isWord,
            Words.negations.contains(t[k - 1].hash) || Words.nounMarkers.contains(t[k - 1].hash) || t[k - 1].hash == Words.to
        {
            // `prompting Prime Minister Rui Albergaria to warn that …`: after a verb that makes
            // someone speak, the person between it and `to` does.
            if t[k - 1].hash == Words.to, k >= 3, !use.contains(.according), word(k + 1),
                let verb = (max(0, k - 9)..<(k - 2)).last(where: { word($0) && Words.causing.contains(t[$0].hash) }),
                let speaker = forwardSpeaker(t, from: verb + 1), speaker.upperBound == t[k - 2].end
            {
                guard let c = clauseStart(t, after: k) else { return nil }
                return make(content: content(t, from: c), cue: t[k].start..<t[k].end, speaker: speaker)
            }
            return nil
        }
        if use.contains(.according) {
            guard word(k + 1), t[k + 1].hash == Words.to, var speaker = forwardSpeaker(t, from: k + 2, through: true) else { return nil }
            let cue = t[k].start..<t[k + 1].end
            // `According to a note sent to clients on Thursday by analyst Yolanda Fairweather, …`: a
            // document's author after `by` is who is cited, not the document: right after it (`a
            // report by …`) or after a verb of writing or sending (not `a memo seen by the Courier`).
            if let end = t[(k + 2)...].firstIndex(where: { !$0.isWord }) ?? Optional(count),
                let by = (k + 3..<end).last(where: { t[$0].hash == Words.by }), by + 1 < end,
                let document = (k + 2..<by).first(where: { Words.documents.contains(t[$0].hash) }),
                document == by - 1 || t[(document + 1)..<by].contains(where: { Words.authoring.contains($0.hash) }),
                t[by + 1].isCapitalized || wordClass(t[by + 1]) & C.determiner != 0
            {
                speaker = t[by + 1].start..<t[end - 1].end
            }
            var first = 0
            while first < k, !t[first].isWord { first += 1 }
            if first == k {
                // `According to X, the talks …`
                guard let comma = t.indices.first(where: { $0 > k && t[$0].start >= speaker.upperBound && t[$0].isMark(0x2C) }) else {
                    return nil
                }
                return make(content: content(t, from: comma + 1), cue: cue, speaker: speaker)
            }
            // `The talks …, according to X.`
            guard k > 0, t[k - 1].isMark(0x2C) else { return nil }
            // `One of the officers, according to prison records, had worked …`: the attribution
            // between commas inside the clause; what was reported is all of it.
            if let comma = t.indices.first(where: { $0 > k && t[$0].start >= speaker.upperBound && t[$0].isMark(0x2C) }),
                let before = clause(t, upTo: k - 1), let rest = content(t, from: comma + 1), wordCount(t, in: rest) >= 2,
                t[comma + 1].isWord, !t[comma + 1].isCapitalized, !Words.appendages.contains(t[comma + 1].hash)
            {
                return make(content: before.lowerBound..<rest.upperBound, cue: cue, speaker: speaker)
            }
            return make(content: clause(t, upTo: k - 1), cue: cue, speaker: speaker)
        }
        if use.contains(.participle) && !use.contains(.indirect) {
            // `A group of nurses is urging the ministry to …`, `unions are warning that …`: after a
            // form of `be` the participle is its clause's verb, and the clause's subject speaks
            // (not `is denying vaccines to`, `are promising`: those are no speech there).
            if k > 0, word(k - 1), Words.beForms.contains(t[k - 1].hash), Words.progressiveCues.contains(t[k].hash), word(k + 1),
                let subject = backwardSubject(t, cue: k, lo: 0), !tokens(subject).contains(where: { Words.firstPerson.contains($0.hash) })
            {
                var c = k + 1
                if use.contains(.callFor) {
                    guard t[c].hash == Words.for, word(c + 1) else { return nil }
                    c += 1
                }
                if t[c].hash == Words.that, word(c + 1) { c += 1 }
                return make(content: content(t, from: c), cue: t[k].start..<t[k].end, speaker: subject)
            }
            // `with German Chancellor Lena Brandt urging restraint`: only right after a named speaker.
            if k > 0, word(k - 1), let entity = mentions.entity(overlapping: TextRange(t[k - 1].start..<t[k - 1].end)),
                let mention = mentions.entries.first(where: { $0.entity == entity && $0.range.end == t[k - 1].end })
            {
                var c = k + 1
                if use.contains(.callFor) {
                    guard word(c), t[c].hash == Words.for else { return nil }
                    c += 1
                }
                return make(
                    content: content(t, from: c), cue: t[k].start..<t[c - 1].end, speaker: mention.range.start..<mention.range.end)
            }
            // `the agency quoted Deputy Minister Bolat Nurmaganbetov as saying …`, `Varga was quoted as
            // saying …`: the person quoted.
            if t[k].hash == Words.saying, k >= 2, word(k - 1), t[k - 1].hash == Words.as, word(k + 1),
                let quoted = (max(0, k - 12)..<(k - 1)).last(where: { word($0) && t[$0].hash == Words.quoted })
            {
                // `was quoted as saying by the state news agency`: the agency that quoted, no clause.
                if t[k + 1].hash == Words.by { return nil }
                let speaker: Range<Int>?
                if quoted + 1 < k - 1 {
                    speaker = forwardSpeaker(t, from: quoted + 1)
                } else if quoted >= 1, word(quoted - 1), Words.beForms.contains(t[quoted - 1].hash) {
                    speaker = backwardSubject(t, cue: quoted - 1, lo: 0)
                } else {
                    speaker = nil
                }
                let c = t[k + 1].hash == Words.that ? k + 2 : k + 1
                return make(content: content(t, from: c), cue: t[quoted].start..<t[k].end, speaker: speaker)
            }
            // `Whitlock rejected the plan on Monday, saying the savings were too small`, `“…,” she
            // said, adding that …`: after a comma, what the subject of the clause before it said.
            if use.contains(.afterComma), k > 1, t[k - 1].isMark(0x2C), word(k + 1) {
                // `…, telling reporters that …`: the clause after the listener.
                var from = k
                if t[k].hash == Words.telling {
                    if let that = ((k + 2)..<min(count, k + 6)).first(where: { word($0) && t[$0].hash == Words.that }),
                        t[(k + 1)..<that].allSatisfy(\.isWord)
                    {
                        from = that - 1
                    } else {
                        // `telling me I would love it`, `telling the court the money was gone`.
                        from = k + (wordClass(t[k + 1]) & C.determiner != 0 ? 2 : 1)
                        guard word(from + 1) else { return nil }
                    }
                }
                guard let c = clauseStart(t, after: from) else { return nil }
                return make(content: content(t, from: c), cue: t[k].start..<t[k].end, speaker: participleSubject(t, comma: k - 1))
            }
            guard use.contains(.callFor) else { return nil }
        }
        if k > 0, word(k - 1), wordClass(t[k - 1]) & C.passive != 0 { return nil }
        if use.contains(.callFor) {
            guard word(k + 1), t[k + 1].hash == Words.for, let subject = backwardSubject(t, cue: k, lo: 0) else { return nil }
            return make(content: content(t, from: k + 2), cue: t[k].start..<t[k + 1].end, speaker: subject)
        }
        let cue = t[k].start..<t[k].end
        // `found`, `estimates`, `reminded`: before their subject or with words after them that are
        // no clause with `that`, they are verbs of finding or nouns (`offered differing estimates
        // of …`, `found a way`, `reminded jurors of`).
        let needsThat = use.contains(.needsThat)
        // `Under the law, platforms are shielded, said Jonas Berg, a lawyer.`: a named speaker
        // after the inverted verb says who spoke, even when an earlier comma makes the words before
        // the verb look like an appositive of a subject; a description after it (`said the breach
        // struck …`) does not, when a subject stands before.
        // The speaker's last word names the entity: in `…, said the force understood the concern`
        // the force opens a clause of its own.
        if k > 0, !needsThat, t[k - 1].isMark(0x2C), isInvertedForm(t[k]), let speaker = invertedSpeaker(t, from: k + 1),
            endsInEntity(t, speaker) || backwardSubject(t, cue: k, lo: 0) == nil
        {
            return make(content: clause(t, upTo: k - 1), cue: cue, speaker: speaker)
        }
        guard let subject = backwardSubject(t, cue: k, lo: 0) else {
            // `The bridge will reopen, said the ministry.`: a verb in the past or with -s, as
            // inversion has it; a bare form after a comma is an imperative (`To the pears, add the juice`).
            guard k > 0, !needsThat, t[k - 1].isMark(0x2C), isInvertedForm(t[k]), let speaker = forwardSpeaker(t, from: k + 1) else {
                return nil
            }
            // `…, said the case highlights that …`: words after the speaker that are no adverbial
            // make it the subject of a clause of its own, reported by a speaker named before.
            if let e = t.firstIndex(where: { $0.start >= speaker.upperBound }), t[e].isWord,
                !Words.attributionAdverbials.contains(t[e].hash), t[e].hash != Words.who
            {
                return nil
            }
            return make(content: clause(t, upTo: k - 1), cue: cue, speaker: speaker)
        }
        // Not words inside quotation marks (`Ms Carrick, the author of ‘Small Schools, Big
        // Lessons’, said`): the title of a work in an appositive is no subject.
        guard !MentionIndex.lies(subject.lowerBound, in: quotedWords) else { return nil }
        // `Each year, agency officials said, …`: lowercase words before an unnamed head open it too.
        guard let s = t.firstIndex(where: { $0.start == subject.lowerBound }),
            opensSpeaker(t[s])
                || (s + 1 < k && s + 3 >= k && wordClass(t[k - 1]) & C.anonymousHead != 0 && t[s..<k].allSatisfy(\.isWord)
                    && !(0x30...0x39).contains(t[s].first) && (s == 0 || t[s - 1].isMark(0x2C))),
            !(t[s].isWord && Words.firstPerson.contains(t[s].hash) && subject.upperBound == t[s].end)
        else { return nil }
        // `The bridge will reopen in May, the ministry said on Tuesday.`: the words after the verb say
        // when or where (`on Tuesday`, `in a statement`), to whom (`told us`), or follow a comma
        // (`said, citing …`), or there are none: `Coastline's director, Ravi Menon, said the company
        // accepted it` reports what follows the verb.
        // After nothing or a word of when or where, up to a comma: `the company announced on
        // Tuesday, less than a week after …`, `Bridenstine said, there will be …`.
        // `Many producers, he pointed out, are still paying …`: a particle alone after the verb.
        let particle = word(k + 1) && t[k + 1].hash == Words.out && k + 2 < count && t[k + 2].isMark(0x2C)
        let closing =
            !word(k + 1) || particle || Words.attributionAdverbials.contains(t[k + 1].hash)
            ? t[(k + 1)...].firstIndex { $0.isMark(0x2C) } : nil
        let after = t[(k + 1)..<(closing ?? count)].filter(\.isWord)
        // `…, administration officials said late Thursday.`, `…, the ministry said Friday.`
        let adverbial =
            !word(k + 1) || use.contains(.listener) || isParticiple(t[k + 1])
            || wordClass(t[k + 1]) & (C.preposition | C.speakerStop) != 0 || Words.whenWords.contains(t[k + 1].hash)
        // A pronoun a comma parts from the verb is the subject of an earlier verb too (`During the
        // call, he asked about it, told reporters …`): the attribution is not set off inside the speech.
        let coordinated = wordClass(t[s]) & C.pronoun != 0 && t[(s + 1)..<k].contains { $0.isMark(0x2C) }
        // `In a wide-ranging interview, the president also said:`: what follows the colon is the speech.
        let colon = k + 1 < count && t[k + 1].isMark(0x3A)
        // `Later, Pereira told reporters the vote would be close`: a clause after the listener is
        // what was told.
        let toldClause =
            use.contains(.listener) && word(k + 1) && opensClause(t, at: k + (wordClass(t[k + 1]) & C.determiner != 0 ? 3 : 2))
        if s > 0, t[s - 1].isMark(0x2C), !after.contains(where: { $0.hash == Words.that }), after.count <= 6, adverbial,
            !(needsThat && word(k + 1) && !particle), !coordinated, !colon, !toldClause
        {
            // `At current rates, Bridenstine said, there will be three rockets by 2024`: an
            // attribution between commas inside the sentence; the speech is all of the sentence.
            // Not when the words before the attribution make a clause of their own and those
            // after are the writer's (`…, the company announced on Tuesday, less than a week after
            // …`, `…, Graham said, offering …`).
            // Also a long one when the words before it are no clause of their own: a clause that a
            // subordinator opens (`When the mill whistle blew at the end of a shift, she said, the
            // valley knew …`), or a subject whose verb comes after the attribution (`A major part of
            // the reason …, McKinley said, is the flow of drugs`).
            if let comma = closing, let before = clause(t, upTo: s - 1), let rest = content(t, from: comma + 1),
                wordCount(t, in: rest) >= 2, t[comma + 1].isWord,
                wordCount(t, in: before) <= 8 || Words.subordinators.contains(t[0].hash) || Words.auxiliaries.contains(t[comma + 1].hash),
                !Words.appendages.contains(t[comma + 1].hash),
                wordClass(t[comma + 1]) & C.preposition == 0 || t[comma + 1].hash == Words.it, !isParticiple(t[comma + 1])
            {
                return make(content: before.lowerBound..<rest.upperBound, cue: cue, speaker: subject)
            }
            // `Within an hour, Pike had responded`, `Though many remain peaceful, a minority have
            // responded with violence`: a phrase or a subordinate clause alone is no sentence that
            // was said.
            guard !isFrontedPhrase(t, upTo: s - 1) else { return nil }
            return make(content: clause(t, upTo: s - 1), cue: cue, speaker: subject)
        }
        var c = k + 1
        // `insisted, however, that …`: a word or two set off by commas before `that`.
        // `said, more than once, that …`: up to four.
        if c + 3 < count, t[c].isMark(0x2C), let close = (c + 2..<min(count, c + 6)).first(where: { t[$0].isMark(0x2C) }),
            t[(c + 1)..<close].allSatisfy(\.isWord), word(close + 1), t[close + 1].hash == Words.that
        {
            c = close + 1
        }
        // `…, a change residents said was overdue`: a verb right after the cue has no subject of its
        // own, so the words are no reported clause.
        guard word(c), !Words.auxiliaries.contains(t[c].hash) else { return nil }
        if use.contains(.accusing) {
            // `accused the minister, Julian Ash, of hiding the cost`: the charge after `of`.
            guard let of = (c..<min(count, c + 10)).first(where: { word($0) && t[$0].hash == Words.of }),
                t[c..<of].allSatisfy({ $0.isWord || $0.isMark(0x2C) })
            else { return nil }
            return make(content: content(t, from: of + 1), cue: cue, speaker: subject)
        }
        // `posted a photo`, `wrote a letter`: an object of a verb of writing, not a reported clause.
        // `added 25 points`, `added two goals`: a number of things added; `wrote the song in one
        // night`: a thing written (not `wrote the firm had failed`, a clause).
        if Words.writing.contains(t[k].hash),
            Words.indefinite.contains(t[c].hash)
                || (isNumeral(t[c]) && !opensClause(t, at: c))
                || (wordClass(t[c]) & C.determiner != 0 && !Words.adding.contains(t[k].hash) && !opensClause(t, at: c))
        {
            return nil
        }
        if use.contains(.listener) {
            // `told reporters (that) …`: step over the listener.
            if let that = (c..<min(count, c + 6)).first(where: { word($0) && t[$0].hash == Words.that }),
                t[c..<that].allSatisfy(\.isWord)
            {
                c = that + 1
            } else {
                // `the story she tells at every stop`: a place or a time, no listener.
                guard !needsThat, wordClass(t[c]) & C.preposition == 0 || t[c].hash == Words.it else { return nil }
                c += wordClass(t[c]) & C.determiner != 0 ? 2 : 1
                // `told them of Ford’s passing`, `told reporters about …`: a phrase, no clause.
                if word(c), t[c].hash == Words.of || t[c].hash == Words.about { return nil }
            }
        } else if t[c].hash == Words.that {
            c += 1
            // `two highly critical reports that depicted …`: a verb in `-ed` right after `that` makes
            // it a relative clause of the noun, not the clause reported (`estimates that could be`
            // reads `that` as the clause's subject).
            if needsThat, word(c), endsInEd(t[c]) { return nil }
        } else if wordClass(t[c]) & C.preposition != 0, !(t[c].hash == Words.it && word(c + 1)),
            // `said more storms were possible`: a quantifier opening the clause's subject.
            !(Words.quantifiers.contains(t[c].hash) && word(c + 1) && !t[c + 1].isCapitalized
                && wordClass(t[c + 1]) & C.preposition == 0 && opensClause(t, at: c + 1))
        {
            // `said in a statement on Tuesday that …`; but `said it would …` opens the clause with its subject.
            if let that = (c..<min(count, c + 10)).first(where: { word($0) && t[$0].hash == Words.that }),
                t[c..<that].allSatisfy({ $0.isWord || $0.isMark(0x2C) })
            {
                c = that + 1
            } else if Words.dayPrepositions.contains(t[c].hash), word(c + 1), t[c + 1].isCapitalized || t[c + 1].hash == Words.week,
                word(c + 2), wordClass(t[c + 2]) & (C.pronoun | C.determiner) != 0
            {
                // `said on Wednesday it would write …`: a day, then the clause with its subject.
                c += 2
            } else {
                return nil
            }
        } else if needsThat {
            return nil
        } else if Words.objectVerbs.contains(t[k].hash), !opensClause(t, at: c),
            !(c..<min(count, c + 4)).contains(where: { word($0) && t[$0].hash == Words.that })
        {
            // `Harwick confirmed the latest rejection in a brief statement`, `denied the allegations`:
            // a verb that takes a thing as its object reports no clause here.
            return nil
        }
        // `Assange, who denies the accusation, has avoided …`: the relative clause ends at its comma.
        var words = content(t, from: c)
        if let w = words, relative(t, before: k, lo: s),
            let comma = t[c...].firstIndex(where: { $0.isMark(0x2C) && $0.start < w.upperBound })
        {
            words = comma > c ? t[c].start..<t[comma - 1].end : nil
        }
        return make(content: words, cue: cue, speaker: subject)
    }

    /// Whether the reporting verb at token `k` has `who` after a comma as its subject (`Assange,
    /// who denies …`), stepping back over adverbs and auxiliaries no further than token `lo`.
    mutating func relative(_ t: [QuoteToken], before k: Int, lo: Int) -> Bool {
        var j = k - 1
        while j > lo, t[j].isWord, stepsOverBeforeCue(t[j]), wordClass(t[j]) & C.pronoun == 0 { j -= 1 }
        return j >= 1 && t[j].isWord && t[j].hash == Words.who && t[j - 1].isMark(0x2C)
    }

    /// Whether the words before token `end` are a phrase or a subordinate clause alone, with no
    /// comma: a preposition, a determiner and at most two words (`Within an hour`, `In a
    /// wide-ranging interview`), or a clause that a subordinator opens (`Though many remain peaceful`).
    mutating func isFrontedPhrase(_ t: [QuoteToken], upTo end: Int) -> Bool {
        guard let first = t[..<end].firstIndex(where: \.isWord), !t[first..<end].contains(where: { $0.isMark(0x2C) }) else {
            return false
        }
        if Words.subordinators.contains(t[first].hash) { return true }
        let words = t[first..<end].filter(\.isWord).count
        return Words.frontPrepositions.contains(t[first].hash) && words >= 2 && words <= 4 && first + 1 < end
            && wordClass(t[first + 1]) & C.determiner != 0
    }

    /// Whether a word is a number: digits, or one of the determiners that count (`two`, `five`).
    mutating func isNumeral(_ t: QuoteToken) -> Bool {
        t.isWord && ((0x30...0x39).contains(t.first) || Words.numberWords.contains(t.hash))
    }

    /// Whether a word ends in `-ed` and has at least four letters (`depicted`, `needed`).
    mutating func endsInEd(_ t: QuoteToken) -> Bool {
        t.isWord && t.end - t.start >= 4 && WordTable.fold(v(t.end - 2)) == 0x65 && WordTable.fold(v(t.end - 1)) == 0x64
    }

    /// Where the clause a verb at token `k` reports begins: after `that`, or right after the verb
    /// when the words there open a clause (`opensClause`); nil for an object or a phrase.
    mutating func clauseStart(_ t: [QuoteToken], after k: Int) -> Int? {
        guard k + 1 < t.count, t[k + 1].isWord else { return nil }
        if t[k + 1].hash == Words.that { return k + 2 }
        return opensClause(t, at: k + 1) ? k + 1 : nil
    }

    /// Whether the words from token `c` open a clause with a verb of its own (`the savings were
    /// too small`, `he would stand down`, `Russia violated …`), not an object or a phrase (`the
    /// decline in visits`, `of a surge`): a subject pronoun, or within six words a form of `be` or
    /// `have`, a modal or a verb in `-ed`.
    mutating func opensClause(_ t: [QuoteToken], at c: Int) -> Bool {
        guard c < t.count, t[c].isWord else { return false }
        if wordClass(t[c]) & C.pronoun != 0 { return true }
        guard wordClass(t[c]) & C.preposition == 0 else { return false }
        var j = c + 1
        while j < t.count, j - c <= 6, t[j].isWord {
            if Words.auxiliaries.contains(t[j].hash) { return true }
            if endsInEd(t[j]) { return true }
            j += 1
        }
        return false
    }

    /// Who says the clause a participle after the comma `comma` reports: the subject of a
    /// reporting verb right before the comma (`she said, adding`, `said Varga, adding`), or the
    /// name or pronoun that opens the clause before it (`Whitlock rejected the plan, saying`).
    mutating func participleSubject(_ t: [QuoteToken], comma: Int) -> Range<Int>? {
        let j = comma - 1
        // `The trust confirmed the sale of the hall, saying …`: the subject of a verb whose object runs
        // to the comma, not the object.
        if let verb = (max(0, j - 8)..<j).last(where: { t[$0].isWord && Words.objectVerbs.contains(t[$0].hash) }),
            t[(verb + 1)...j].allSatisfy({ isInsideDescription($0) }), let subject = backwardSubject(t, cue: verb, lo: 0)
        {
            return subject
        }
        if t[j].isWord, cueUse(t[j]).contains(.direct), !isParticiple(t[j]) { return backwardSubject(t, cue: j, lo: 0) }
        if let cue = (max(0, j - 6)..<j).last(where: { t[$0].isWord && cueUse(t[$0]).contains(.direct) && isInvertedForm(t[$0]) }),
            let speaker = forwardSpeaker(t, from: cue + 1), speaker.upperBound == t[j].end
        {
            return speaker
        }
        if let subject = clauseSubject(t, before: comma, lo: 0) ?? openingName(t, lo: 0, before: comma) { return subject }
        // `The union rejected the offer, saying …`, `Doctors have protested the shifts, warning …`:
        // the subject that opens the sentence before its first verb in `-ed` (not one after an
        // article or a preposition: `the increased fares`).
        guard
            let verb = (1..<min(comma, 9)).first(where: {
                !t[$0].isCapitalized && endsInEd(t[$0]) && t[$0 - 1].isWord && wordClass(t[$0 - 1]) & (C.determiner | C.preposition) == 0
            }),
            let subject = backwardSubject(t, cue: verb, lo: 0), subject.lowerBound == t[0].start
        else { return nil }
        return subject
    }

    /// Whether the last word of `range` is part of an entity's mention.
    func endsInEntity(_ t: [QuoteToken], _ range: Range<Int>) -> Bool {
        guard let last = t.lastIndex(where: { $0.isWord && $0.end <= range.upperBound }) else { return false }
        return mentions.entity(overlapping: TextRange(start: t[last].start, end: t[last].end)) != nil
    }

    /// The speaker after an inverted reporting verb when it closes the clause: the sentence ends
    /// after it, or an adverbial follows (`in a statement`), or one appositive that runs to the end
    /// (`Jonas Berg, a lawyer in Bergen.`). It is a name, or a description that a determiner or an
    /// unnamed head opens (`said the ministry`, `said officials`), not a bare capitalised word
    /// (`said Tuesday`). `said Berg was wrong` and `said Berg, the contractor, was wrong` report
    /// what Berg did: no speaker.
    mutating func invertedSpeaker(_ t: [QuoteToken], from k: Int) -> Range<Int>? {
        guard let speaker = forwardSpeaker(t, from: k), k < t.count, t[k].isWord else { return nil }
        var last = k
        while last + 1 < t.count, t[last + 1].end <= speaker.upperBound {
            last += 1
            // `said the findings should change …`, `said the firm donated …`: a verb of its own makes
            // the words a clause (a word in `-ed` after a noun, not `the retired nurse`, `a man named`).
            if t[last].isWord, Words.auxiliaries.contains(t[last].hash) { return nil }
            if endsInEd(t[last]), t[last - 1].isWord, wordClass(t[last - 1]) & C.determiner == 0, !isAdverb(t[last - 1]),
                wordClass(t[last]) & C.anonymousMarker == 0
            {
                return nil
            }
        }
        let named = mentions.entity(overlapping: TextRange(start: t[last].start, end: t[last].end)) != nil
        guard named || wordClass(t[k]) & (C.determiner | C.anonymousHead) != 0 else { return nil }
        let e = last + 1
        guard e < t.count else { return speaker }
        if t[e].isWord { return Words.attributionAdverbials.contains(t[e].hash) ? speaker : nil }
        guard t[e].isMark(0x2C) else { return t[e].isMark(0x2E) || t[e].isMark(0x3B) ? speaker : nil }
        // `said Joe Carbone, who works for the Transportation Department, where …`: a relative
        // clause about the speaker, whatever commas it holds.
        if named, e + 1 < t.count, t[e + 1].isWord, t[e + 1].hash == Words.who { return speaker }
        // After an appositive's comma, no further comma with words after it.
        guard let next = t[(e + 1)...].firstIndex(where: { $0.isMark(0x2C) }) else { return speaker }
        return t[(next + 1)...].contains(where: \.isWord) ? nil : speaker
    }

    /// Whether a reporting verb has a form that stands before its subject: `said`, `added`,
    /// `wrote`, `told`, `says`, `adds`, `say` (`…, say officials`).
    mutating func isInvertedForm(_ t: QuoteToken) -> Bool {
        guard t.isWord, t.end - t.start >= 3 else { return false }
        let last = WordTable.fold(v(t.end - 1))
        let past = last == 0x64 && WordTable.fold(v(t.end - 2)) == 0x65
        return past || last == 0x73 || t.hash == Words.said || t.hash == Words.wrote || t.hash == Words.told || t.hash == Words.say
    }

    /// The reported clause from token `from` to the end of the sentence or a semicolon, without final punctuation.
    mutating func content(_ t: [QuoteToken], from: Int) -> Range<Int>? {
        guard from < t.count else { return nil }
        var last = -1
        var j = from
        while j < t.count, !t[j].isMark(0x3B) {
            // `…, while critics …`: a contrasting clause after a comma is the writer's, not the
            // speaker's; but `…, but that …` goes on reporting (`said they had briefed the team, but
            // that they did not know …`).
            if t[j].isMark(0x2C), j + 1 < t.count, t[j + 1].isWord, Words.contrasts.contains(t[j + 1].hash),
                !(j + 2 < t.count && t[j + 2].isWord && t[j + 2].hash == Words.that)
            {
                break
            }
            if t[j].isWord { last = j }
            j += 1
        }
        guard last >= from else { return nil }
        var end = t[last].end
        // Keep a closing quotation mark or bracket that ends the clause's last words.
        if last + 1 < t.count, !t[last + 1].isWord, t[last + 1].first == 0x201D || t[last + 1].first == 0x29 { end = t[last + 1].end }
        return t[from].start..<end
    }

    /// The clause from the start of the sentence up to (not including) token `upTo`.
    mutating func clause(_ t: [QuoteToken], upTo: Int) -> Range<Int>? {
        var first = 0
        while first < upTo, !t[first].isWord, !Self.isQuoteMark(t[first].first) { first += 1 }
        guard first < upTo else { return nil }
        return t[first].start..<t[upTo - 1].end
    }

    mutating func wordCount(_ t: [QuoteToken], in range: Range<Int>) -> Int {
        t.reduce(0) { $0 + ($1.isWord && range.contains($1.start) ? 1 : 0) }
    }
}
