import DossierCore

extension QuoteScanner {
    /// How the writer's words lead into a quotation.
    enum Lead {
        /// The quotation opens its sentence.
        case none
        /// A colon, a reporting verb, or a comma after one introduces it (`Varga said: “…”`).
        case introduced
        /// It stands inside the writer's own sentence (`called the plan “a tax”`).
        case embedded
    }

    /// Decides what each quoted span is and who said it, in text order.
    mutating func classify(_ spans: [Span]) {
        var last: (block: Int, speaker: Speaker)?
        var previousClose = -1
        // The words between two quotations of a sentence follow the first and lead into the
        // second: tokenized once, for both.
        var previousPost: (range: Range<Int>, tokens: [QuoteToken]) = (0..<0, [])
        // The last quotation of speech, for a quotation quoted inside it.
        var outer: (span: Span, speaker: Speaker?)?
        for (index, span) in spans.enumerated() {
            if span.nested {
                // `“Coach Vogel came in and said, ‘Congratulations,’ and I thought …”`: a quotation
                // inside a quotation of speech is a quotation of its own only when a reporting verb
                // inside the outer words introduces it; the outer words and their bookkeeping stay
                // as they are.
                if let o = outer, span.open > o.span.contentStart, let close = span.close, close < o.span.contentEnd,
                    let (cue, speaker) = nestedSpeaker(span, in: o.span, outer: o.speaker)
                {
                    var quote = Quote(range: TextRange(start: span.contentStart, end: span.contentEnd), kind: .direct)
                    quote.cue = lowercasedText(cue)
                    quote.cueRange = TextRange(cue)
                    quote.speaker = speaker.entity
                    quote.speakerRange = speaker.range
                    quote.isAnonymous = speaker.isAnonymous
                    quotes.append(quote)
                }
                continue
            }
            // The next quotation that is not inside this one.
            let nextOuter = spans[(index + 1)...].firstIndex(where: { !$0.nested }) ?? spans.count
            let openSentence = sentence(containing: span.open, block: span.startBlock)
            let preLo = max(openSentence.lowerBound, previousClose + 1)
            var pre: [QuoteToken] = []
            if preLo < span.open { pre = previousPost.range == preLo..<span.open ? previousPost.tokens : tokens(preLo..<span.open) }
            var post: [QuoteToken] = []
            previousPost = (0..<0, [])
            if let close = span.close {
                var hi = sentence(containing: close, block: span.endBlock).upperBound
                if nextOuter < spans.count, spans[nextOuter].open > close { hi = min(hi, spans[nextOuter].open) }
                if close + 1 < hi {
                    post = tokens((close + 1)..<hi)
                    previousPost = ((close + 1)..<hi, post)
                }
            }
            previousClose = span.close ?? span.contentEnd
            covered.append(span.open..<(span.close.map { $0 + 1 } ?? span.contentEnd))
            quotedWords.append(span.contentStart..<span.contentEnd)

            let (words, titleCase) = measure(span.contentStart..<span.contentEnd)
            var (after, trailing) = attribution(after: post)
            // A quotation paragraph signed on the line under it (`– Maria Hollis, Dunmore`), as
            // readers' letters, reviews and testimonials are.
            if after == nil, post.isEmpty, let signature = signatureLine(after: span) {
                after = Attribution(cue: nil, speaker: signature)
                trailing = false
            }
            // `"Can I give it to James?" Brooke asked.`: the question ends the sentence for the
            // segmenter, so the attribution is the next one's opening words.
            if post.isEmpty, let close = span.close, let next = sentenceAfterClosingQuote(span, close: close, before: spans, nextOuter) {
                let (nextAfter, _) = attribution(after: tokens(next))
                if let nextAfter, nextAfter.cue != nil || nextAfter.speaker != nil && Self.isDash(v(next.lowerBound)) {
                    after = nextAfter
                    trailing = false
                }
            }
            // `“…,” judge Inaba noted as she made her decision`, `“…,” lead researcher and planetary
            // scientist Lucas Paganini said in a statement`: a subject the rules after a quotation
            // do not read (lowercase words before the name), right after the comma.
            let commaBefore = post.first?.isMark(0x2C) == true || span.close.map { $0 > 0 && v($0 - 1) == 0x2C } == true
            if after == nil, commaBefore, let opening = closingAttribution(post, opening: true) {
                after = opening
                trailing = false
            }
            var (lead, before) = attribution(before: pre)
            // `…, called her a “traitor” and said, “…”`: a verb that `and` or `but` joins to the verb
            // of the quotation just before, in the same sentence, has that quotation's speaker.
            if let cue = before?.cue, before?.speaker == nil, let first = pre.first, first.isWord,
                first.hash == Words.and || first.hash == Words.but, pre.prefix(while: { $0.start < cue.lowerBound }).count <= 2,
                let previous = quotes.last, previous.kind == .partial || previous.kind == .direct,
                let range = previous.speakerRange, openSentence.contains(previous.range.start)
            {
                before = Attribution(cue: cue, speaker: range.start..<range.end)
            }
            // `In Dr. Varga’s words, “…”` introduces the quotation as a verb would.
            if before?.speaker == nil, let owner = wordsOwner(pre) {
                lead = .introduced
                before = Attribution(cue: nil, speaker: owner)
            }
            let attributed = after != nil || before?.cue != nil
            let inherited = continuingSpeaker && (last?.block == span.startBlock || isQuoteParagraph(span, after: last?.block))
            var kind: Quote.Kind
            var found: Attribution?
            // `had nicknamed the monthly governance meeting ‘the Tuesday tea party’`: a naming word
            // a few words before, with no reporting verb about, marks a coined name too.
            if (marker(in: pre, C.scareMarker, within: 2) || namingMarker(in: pre) || (namedByParticiple(pre) && !titleCase))
                && !(after != nil && words >= minimumWords)
            {
                kind = .scare
            } else if let word = pre.last, word.isWord, Words.titling.contains(word.hash) {
                // `A report …, titled “A River Divided”, warned that …`: a title, whatever verb follows.
                kind = .title
            } else if words >= 2 && titleCase && marker(in: pre, C.titleNoun, within: 5) {
                // `a book on rural teaching, ‘Small Schools, Big Lessons’, said …`: a title-cased name
                // of a work is its title whatever verb comes near.
                kind = .title
            } else if marker(in: pre, C.titleNoun, within: 3) && after == nil && !describesWork(pre, cue: before?.cue)
                && !introducedBySpeaker(lead, before)
            {
                kind = .title
            } else if after == nil && before?.cue == nil && introducedBySign(pre) {
                kind = .title
            } else if words >= 3 && titleCase && namesWhatFollows(post) {
                // `its “Crunch You Can Count On” advertising campaign`: the name of a campaign or a
                // programme, even inside reported speech.
                kind = .title
            } else if pre.allSatisfy({ $0.isWord && $0.hash == Words.the }), let verb = post.first, verb.isWord, !verb.isCapitalized,
                Words.auxiliaries.contains(verb.hash), before?.cue == nil
            {
                // `“Meth. We’re on it” is rolling out with TV commercials`: a quotation that is the
                // subject of the sentence's verb names a thing (a slogan, a work); speech is set off
                // by a comma or ends the sentence.
                kind = .title
            } else if (!attributed || readsAsSign(pre, before?.cue)) && words >= 3 && titleCase {
                // `banners that read “Bring Our Fathers Home”`: words on a sign, title-cased, are no one's speech.
                kind = .title
            } else if lead != .embedded && !trailing {
                if attributed || words >= minimumWords || inherited {
                    kind = .direct
                    // `… and said, “somebody ought to …,” the prosecutor’s office said.`: a speaker whose
                    // verb introduces the quotation said it; the attribution after it reports that.
                    // Only a verb right before the quotation: `To cut the risk, the officials said,
                    // the utility fitted vents, “so …,” Mr. McHugh said.` is McHugh's.
                    let introduced =
                        lead == .introduced && before?.speaker != nil
                        && before?.cue.map { cue in pre.count <= 4 || cue.upperBound > pre[pre.count - 4].start } == true
                    found = introduced && after?.cue != nil ? before : after ?? before
                } else {
                    kind = .scare
                }
            } else {
                // A short capitalized phrase inside the writer's sentence is a coined name, not speech.
                found = before?.cue != nil ? before : after
                let coined = titleCase || coinedByWriter(pre) || (words == 1 && modifiesNoun(post, span: span, pre: pre))
                kind = words < minimumWords && (found == nil || coined) ? .scare : .partial
                // `said she had “full confidence” in him and that the council remained “firmly
                // behind” her`: a short lowercase quotation with no verb of its own, in the sentence
                // of a quotation whose speaker is known, is more of that speaker's words (the
                // partial-quotation rule below gives it the speaker). A naming word or `so-called`
                // before it made it a coined term above.
                if kind == .scare, found == nil, !coined, let previous = quotes.last,
                    previous.kind == .partial || previous.kind == .direct, previous.speakerRange != nil,
                    openSentence.contains(previous.range.start)
                {
                    kind = .partial
                }
                // `began the intro to “Takin’ It to the Streets.”`: three or more title-cased words
                // inside the writer's sentence name a work, unless a reporting verb stands among
                // the three words before them (`called the plan “A Total Disgrace”`).
                if kind == .partial, words >= 3, titleCase,
                    !(before?.cue.map { cue in pre.count < 3 || cue.upperBound > pre[pre.count - 3].start } ?? false)
                {
                    kind = .title
                }
                // `“We don't want those people” working in our prisons, she said.`: the reporting
                // verb that closes the sentence, when none comes before or right after.
                if kind == .partial, found?.speaker == nil, let later = closingAttribution(post, opening: false) { found = later }
                // `which the company views as “a basic civil right”`, `introduced her successor as
                // “…”`: a verb that characterises its object `as` the quoted words gives them to its subject.
                if kind == .partial, found?.speaker == nil, let characterised = characterisingAttribution(pre) { found = characterised }
            }
            if kind == .direct, found?.speaker == nil, lead == .introduced, !inherited, let subject = colonSubject(pre) {
                found = Attribution(cue: found?.cue, speaker: subject)
            }
            // `“…” Arms folded, that was the blunt assessment of Westmere manager Paolo Ventresca.`
            if kind == .direct, found?.speaker == nil, post.isEmpty, let owner = verdictOwner(after: span) {
                found = Attribution(cue: nil, speaker: owner)
            }
            var quote = Quote(range: TextRange(start: span.contentStart, end: span.contentEnd), kind: kind)
            guard kind == .direct || kind == .partial else {
                quotes.append(quote)
                continue
            }
            if let cue = found?.cue {
                quote.cue = lowercasedText(cue)
                quote.cueRange = TextRange(cue)
                // `said that the decision was “painful” and that the site needed …`: a partial
                // quotation after its verb leaves the verb free to report the clause around it.
                if !(kind == .partial && cue.upperBound <= span.contentStart) { usedCues.insert(cue.lowerBound) }
            }
            if let range = found?.speaker {
                let speaker = antecedent(of: range, before: span, last: last) ?? resolve(range)
                quote.speaker = speaker.entity
                quote.speakerRange = speaker.range
                quote.isAnonymous = speaker.isAnonymous
                last = (span.endBlock, speaker)
            } else if kind == .direct, inherited, let speaker = last?.speaker {
                quote.speaker = speaker.entity
                quote.speakerRange = speaker.range
                quote.isAnonymous = speaker.isAnonymous
                last = (span.endBlock, speaker)
            } else if kind == .direct, continuingSpeaker, lead == .none,
                let range = reportingSubject(before: span) ?? namedSubject(before: span)
            {
                let speaker = resolve(range)
                quote.speaker = speaker.entity
                quote.speakerRange = speaker.range
                quote.isAnonymous = speaker.isAnonymous
                last = (span.endBlock, speaker)
            } else if kind == .direct, continuingSpeaker, lead == .none, post.isEmpty, let range = paragraphSubject(before: span) {
                let speaker = resolve(range)
                if let e = speaker.entity, entity(e)?.kind == .person {
                    quote.speaker = speaker.entity
                    quote.speakerRange = speaker.range
                    last = (span.endBlock, speaker)
                }
            } else if kind == .partial, found?.cue == nil, let previous = quotes.last,
                previous.kind == .partial || previous.kind == .direct, previous.speakerRange != nil,
                openSentence.contains(previous.range.start) || (last?.block == span.startBlock && speaksInFirstPerson(span))
            {
                // `telling MPs that ‘doing nothing is not an option’ because receipts were ‘falling
                // off a cliff’`: a second partial quotation with no verb of its own in the same
                // sentence is the first one's speaker's; so is one in the same paragraph that speaks
                // in the first person (`“…,” said Tyler Besecker. The price is “as low as I’ve ever seen.”`).
                quote.speaker = previous.speaker
                quote.speakerRange = previous.speakerRange
                quote.isAnonymous = previous.isAnonymous
            }
            quotes.append(quote)
            outer =
                kind == .direct
                ? (span, quote.speakerRange.map { Speaker(entity: quote.speaker, range: $0, isAnonymous: quote.isAnonymous) }) : nil
        }
    }

    /// Who speaks a quotation quoted inside another, and the verb, from the words before it inside
    /// the outer one (back to the start of their sentence): `I said, ‘…’` is the outer speaker;
    /// `she said, ‘…’` the person known to be of that gender named last before it who is not the
    /// outer speaker; a name (`Coach Vogel came in here and said, ‘…’`), that person. Nil when no
    /// reporting verb introduces it there, or no such person is found.
    mutating func nestedSpeaker(_ span: Span, in outerSpan: Span, outer: Speaker?) -> (Range<Int>, Speaker)? {
        let sentence = self.sentence(containing: span.open, block: span.startBlock)
        let lo = max(outerSpan.contentStart, sentence.lowerBound)
        guard lo < span.open else { return nil }
        let pre = tokens(lo..<span.open)
        guard case (.introduced, let found?) = attribution(before: pre), let cue = found.cue, let range = found.speaker else { return nil }
        let words = tokens(range)
        if words.count == 1, words[0].isWord, Words.firstPerson.contains(words[0].hash) { return outer.map { (cue, $0) } }
        if words.count == 1, words[0].hash == Words.he || words[0].hash == Words.she {
            let female = words[0].hash == Words.she
            let entities = mentions.entities
            let outerEntity = outer?.entity.flatMap { e in entities.firstIndex { $0.id == e.id } }
            guard
                let person = mentions.nearest(
                    before: range.lowerBound, floor: floorForPronoun(at: outerSpan.open), kinds: [.person],
                    where: { $0 != outerEntity && self.gender(of: entities[$0]) == female })
            else { return nil }
            return (cue, Speaker(entity: reference(person), range: TextRange(range), isAnonymous: false))
        }
        let speaker = resolve(range)
        guard speaker.entity != nil || speaker.isAnonymous else { return nil }
        return (cue, speaker)
    }

    /// `Asked whether the actor would return to the show, he replied: “…”`: a verb and a speaker
    /// that is no work (`he`, not `The headline read:`) introduce the quotation, whatever noun of a
    /// work comes just before.
    mutating func introducedBySpeaker(_ lead: Lead, _ before: Attribution?) -> Bool {
        guard lead == .introduced, before?.cue != nil, let speaker = before?.speaker else { return false }
        return !tokens(speaker).contains { $0.isWord && wordClass($0) & C.titleNoun != 0 }
    }

    static func isDash(_ c: UInt32) -> Bool { c == 0x2014 || c == 0x2013 }

    /// The name signing a quotation that fills its paragraph: the next paragraph is a dash, a
    /// capitalised name, and at most a place or affiliation after a comma (`— Maria Hollis,
    /// Dunmore`, `— Ali***`), in 80 scalars or fewer; or a list of one such item.
    mutating func signatureLine(after span: Span) -> Range<Int>? {
        guard let close = span.close, span.endBlock + 1 < blocks.count else { return nil }
        let own = blocks[span.startBlock].range
        let block = blocks[span.endBlock].range
        guard skipSpaces(from: own.start, to: own.end) == span.open, skipSpaces(from: close + 1, to: block.end) == block.end else {
            return nil
        }
        let next = blocks[span.endBlock + 1]
        guard next.range.end - next.range.start <= 80 else { return nil }
        // The text reader takes a line opening with `–` for a list item and keeps its words alone:
        // a list of that one item right under the quotation is the signature too.
        let lone = next.kind == .listItem && (span.endBlock + 2 >= blocks.count || blocks[span.endBlock + 2].kind != .listItem)
        let dashed = next.kind == .paragraph && (Self.isDash(v(next.range.start)) || v(next.range.start) == 0x2015)
        guard dashed || lone else { return nil }
        let t = tokens(next.range.start..<next.range.end)
        let first = lone ? 0 : 1
        guard t.count > first, t[first].isWord, t[first].isCapitalized else { return nil }
        // A handle masked by the site (`Ni** My**`): words and asterisks to the end.
        if t.count - first <= 6, t[first...].contains(where: { $0.isMark(0x2A) }), t[first...].allSatisfy({ $0.isWord || $0.isMark(0x2A) })
        {
            return t[first].start..<t[t.count - 1].end
        }
        guard let speaker = forwardSpeaker(t, from: first) else { return nil }
        let end = t.firstIndex(where: { $0.start >= speaker.upperBound }) ?? t.count
        // After the name: a comma and a place, or no word at all (the marks of a masked handle,
        // `Ali***`, belong to the name).
        guard t[end...].contains(where: \.isWord) else { return speaker.lowerBound..<t[t.count - 1].end }
        return t[end].isMark(0x2C) ? speaker : nil
    }

    /// `One manager said prices fell. “Buyers know it,” he said.`: `he` or `she` as the speaker is the
    /// subject of the reporting verb in the sentence just before (`reportingSubject(before:)`), or
    /// else the speaker of the paragraph's previous quotation (`“…,” said Ruiz, who covers the
    /// sector. He said …`) or, for an unlinked pronoun, of the one that ended the paragraph before
    /// (any fitting person when the pronoun opens the paragraph, else only one known to be of its
    /// gender), when that is a person or an anonymous description: the person the
    /// paragraph is reporting, not the nearest name, which may be someone quoted earlier or a
    /// name mistaken for a person.
    mutating func antecedent(of range: Range<Int>, before span: Span, last: (block: Int, speaker: Speaker)?) -> Speaker? {
        let t = tokens(range)
        // `One senior executive …, who asked not to be named, said …. “…,” the executive said.`: the
        // unnamed speaker of the sentence before, when its description holds the same head, even
        // if a named chief executive is `the executive` elsewhere.
        if t.count == 2, t[0].hash == Words.the, t[1].isWord, !t[1].isCapitalized, let subject = reportingSubject(before: span),
            resolve(subject).isAnonymous,
            tokens(subject).prefix(while: { !$0.isMark(0x2C) && $0.hash != Words.who }).contains(where: {
                $0.isWord && $0.hash == t[1].hash
            })
        {
            return Speaker(entity: nil, range: TextRange(range), isAnonymous: true)
        }
        // `said the striker`, `said the Corran Vale boss`: a title with `the`, perhaps after the name
        // of its club or firm (whose words name no speaker, whatever their kind), that no entity
        // carries.
        if t.count >= 2, t.count <= 5, t[0].hash == Words.the, let title = t.last, isTitle(title),
            t[1..<(t.count - 1)].allSatisfy({ $0.isWord && $0.isCapitalized }),
            t.count > 2 || mentions.entity(overlapping: TextRange(range)).map({ mentions.entities[$0].kind == .group }) ?? true
        {
            // `the spokeswoman`, `the official`: a head that speaks unnamed looks no further back
            // than its paragraph.
            let reachBack = wordClass(title) & C.anonymousHead == 0
            return describedPerson(before: span, last: last, reachBack: reachBack, description: range).map {
                Speaker(entity: $0, range: TextRange(range), isAnonymous: false)
            }
        }
        guard t.count == 1, t[0].hash == Words.he || t[0].hash == Words.she else { return nil }
        let female = t[0].hash == Words.she
        if let subject = reportingSubject(before: span) {
            let s = tokens(subject)
            if s.count == 1 && wordClass(s[0]) & C.pronoun != 0 {
                // `He said … that he had never seen Mr Pellow …. “I should have …,” he said.`: the
                // same pronoun again, so the same person as the last quotation's, in this paragraph
                // or the two before it; not the name inside the reported words.
                guard s[0].hash == t[0].hash, let last, last.block + 2 >= span.startBlock else { return nil }
                return personal(last.speaker, female: female)
            }
            if let speaker = personal(resolve(subject), female: female) { return speaker }
        }
        // The paragraph's last quotation, or, for a pronoun that opens the paragraph and that the
        // entities layer links to no one, the one ending the paragraph just before (`“…burning up
        // from within.” ¶ She added: “…”`).
        guard let last else { return nil }
        if last.block == span.startBlock {
            // `One restaurateur … said … “…”. Told of the remark, Varga raised an eyebrow. “Fine,”
            // she said.`: a fitting person opening the writer's sentence between them.
            if let person = previousSubject(of: range.lowerBound, female: female),
                let sentence = sentenceBefore(span), quotes.last.map({ $0.range.end <= sentence.lowerBound }) ?? true
            {
                return Speaker(entity: reference(person), range: TextRange(range), isAnonymous: false)
            }
            return personal(last.speaker, female: female)
        }
        guard last.block + 2 >= span.startBlock, resolve(range).entity == nil else { return nil }
        let paragraph = blocks[span.startBlock].range
        if last.block + 1 == span.startBlock, skipSpaces(from: paragraph.start, to: paragraph.end) == range.lowerBound {
            return personal(last.speaker, female: female)
        }
        // Further into the paragraph, or two paragraphs on (`It was not the first time the singer
        // had hinted at it. “…,” she said`), only a person known to be of the pronoun's gender.
        guard let e = last.speaker.entity, let person = entity(e), person.kind == .person, gender(of: person) == female else {
            return nil
        }
        return last.speaker
    }

    /// Whether a word is a title or office in the shipped lists (`striker`, `captain`, `minister`).
    mutating func isTitle(_ t: QuoteToken) -> Bool {
        var h = WordHash.offset
        for i in t.start..<t.end { h = WordHash.add(h, v(i)) }
        let key = WordHash.combine(WordHash.sequenceSeed, h)
        // A nationality stands for a person too (`the Italian told Sky Sports`), and so does an age
        // (`the 38-year-old said`).
        return Gazetteer.shared.titles.contains(key) || (t.isCapitalized && Gazetteer.shared.demonyms.contains(key)) || isAgeWord(t)
    }

    /// Whether a word is an age written as one hyphenated word: digits, then `-year-old`.
    func isAgeWord(_ t: QuoteToken) -> Bool {
        let suffix = Words.yearOld
        guard t.end - t.start > suffix.count, v(t.start) &- 0x30 < 10 else { return false }
        for (k, c) in suffix.enumerated() where v(t.end - suffix.count + k) | (c == 0x2D ? 0 : 0x20) != c { return false }
        return true
    }

    /// `Nwosu, whose two goals …, was quick to credit her team-mates. “…,” said the striker.`: a
    /// title with `the` that no entity carries is the person this paragraph is about: the subject
    /// of the reporting verb just before, the speaker of the paragraph's last quotation, the
    /// first person named in the paragraph before the quotation, outside quotation marks, or, with
    /// nobody named there, the person quoted last in the paragraph before.
    mutating func describedPerson(
        before span: Span, last: (block: Int, speaker: Speaker)?, reachBack: Bool = true, description: Range<Int>? = nil
    ) -> Reference<Entity>? {
        let paragraph = blocks[span.startBlock].range
        // Not a name inside the description itself (`The Oscar winner`), nor whom the person
        // described speaks to (`Speaking to host Jonah Pell, the singer …`).
        let subject = (reportingSubject(before: span) ?? namedSubject(before: span)).flatMap { subject in
            description.map { subject.overlaps($0) } == true || isAddressed(at: subject.lowerBound, floor: paragraph.start) ? nil : subject
        }
        if let subject, let e = resolve(subject).entity, entity(e)?.kind == .person { return e }
        if let last, last.block == span.startBlock, let e = last.speaker.entity, entity(e)?.kind == .person { return e }
        // Around the description, not in it.
        let before = paragraph.start..<span.open
        let parts =
            description.map { d in
                d.overlaps(before)
                    ? [before.lowerBound..<max(before.lowerBound, d.lowerBound), min(d.upperBound, before.upperBound)..<before.upperBound]
                    : [before]
            } ?? [before]
        for part in parts where !part.isEmpty {
            var from = part.lowerBound
            while from < part.upperBound, let first = mentions.firstPersonEntry(in: from..<part.upperBound, outside: quotedWords) {
                if !isAddressed(at: first.range.start, floor: paragraph.start) { return reference(first.entity) }
                from = first.range.end
            }
        }
        // `“…,” she said. ¶ The Grammy winner added that …`: with nobody named in the paragraph and
        // no one reporting before (`A senior diplomat, speaking on condition of anonymity, said …
        // “…,” the diplomat said` is that diplomat), the person quoted last in the paragraph before.
        guard reachBack, subject == nil else { return nil }
        if let last, last.block + 1 == span.startBlock, let e = last.speaker.entity, entity(e)?.kind == .person { return e }
        // `“…” … that was the blunt assessment of Westmere manager Paolo Ventresca. ¶ “…,” the
        // Italian told Sky Sports`: a paragraph that opens with the quotation describes the person
        // named last in the paragraph before, outside quotation marks.
        if span.startBlock > 0, skipSpaces(from: paragraph.start, to: paragraph.end) == span.open,
            let named = mentions.nearestEntry(
                before: paragraph.start, floor: blocks[span.startBlock - 1].range.start, kinds: [.person], outside: quotedWords),
            !named.isPronoun
        {
            return reference(named.entity)
        }
        return nil
    }

    /// Whether the name at `offset` is spoken to: `to` or `with` before it, after at most two
    /// lowercase words of title (`host`), and a verb of talking or `interview` just before that
    /// (`Speaking to host Jonah Pell`, `in an interview with Ada Lind`).
    mutating func isAddressed(at offset: Int, floor: Int) -> Bool {
        let t = tokens(max(floor, offset - 80)..<offset)
        var j = t.count - 1
        while j >= 0, t.count - 1 - j < 2, t[j].isWord, !t[j].isCapitalized, t[j].hash != Words.to, t[j].hash != Words.with { j -= 1 }
        guard j >= 1, t[j].isWord, t[j].hash == Words.to || t[j].hash == Words.with else { return false }
        return t[max(0, j - 3)..<j].contains { $0.isWord && Words.talking.contains($0.hash) }
    }

    /// `speaker` when it is a person entity whose given name does not say the other gender, or an
    /// anonymous description; else nil.
    mutating func personal(_ speaker: Speaker, female: Bool) -> Speaker? {
        if let e = speaker.entity {
            guard let entity = entity(e), entity.kind == .person else { return nil }
            return mayBe(entity, female: female) ? speaker : nil
        }
        return speaker.isAnonymous ? speaker : nil
    }

    /// The entity `reference` names, through an index by id made the first time a speaker needs it
    /// (a search of the layer for every pronoun was quadratic on a long article of them).
    mutating func entity(_ reference: Reference<Entity>) -> Entity? {
        if entityIndex == nil {
            var index: [String: Int] = [:]
            for n in mentions.entities.indices where index[mentions.entities[n].id] == nil { index[mentions.entities[n].id] = n }
            entityIndex = index
        }
        return entityIndex?[reference.id].map { mentions.entities[$0] }
    }

    /// Whether a word of `t` in `range` says a speaker is not named (`anonymity`, `named`, `identified`).
    mutating func marksAnonymity(_ t: [QuoteToken], _ range: Range<Int>) -> Bool {
        range.contains { isAnonymityMarker(t, at: $0, from: range.lowerBound) }
    }

    /// Whether the word at `i` marks its description unnamed: a word of the anonymity list, or a
    /// name withheld within the five words before it from `lo` on (`who did not give his name`,
    /// `who declined to give her name`; not `who gave her name only as Marguerite`).
    mutating func isAnonymityMarker(_ t: [QuoteToken], at i: Int, from lo: Int) -> Bool {
        guard t[i].isWord else { return false }
        if wordClass(t[i]) & C.anonymousMarker != 0 { return true }
        guard Words.name.contains(t[i].hash) else { return false }
        return (max(lo, i - 5)..<i).contains { t[$0].isWord && Words.withholding.contains(t[$0].hash) }
    }

    /// Whether a person may be `she` (or `he`): unless `gender(of:)` says the other.
    func mayBe(_ person: Entity, female: Bool) -> Bool { gender(of: person).map { $0 == female } ?? true }

    /// Whether `person` is known to be a woman (true) or a man (false): from an honorific before
    /// any mention, a given name of one gender only in the shipped lists, or else the pronouns the
    /// entities layer joined to the person when all are of one gender; nil when none says.
    func gender(of person: Entity) -> Bool? {
        // `Ms Thornbury`, `Mr Raghavan`: an honorific before any mention settles it.
        for mention in person.mentions {
            if let isFemale = honorific(before: mention.range.start) { return isFemale }
        }
        let first = WordHash.word(person.name.prefix { $0 != " " })
        let names = Gazetteer.shared
        let isFemale = names.femaleNames.contains(first)
        let isMale = names.maleNames.contains(first)
        if isFemale != isMale { return isFemale }
        // `Carlineo … he told police …`: with no given name to go by, the pronouns the entities
        // layer joined to the person, when all are of one gender.
        var he = 0
        var she = 0
        for mention in person.mentions where mention.form == .pronoun && mention.range.end <= n {
            let h = foldedHash(mention.range.start..<mention.range.end)
            if Words.feminine.contains(h) { she += 1 } else if Words.masculine.contains(h) { he += 1 }
        }
        if he > 0 && she == 0 { return false }
        if she > 0 && he == 0 { return true }
        return nil
    }

    /// Whether the word before `offset` is a woman's honorific (`Ms`, `Mrs`, `Miss`, true) or a
    /// man's (`Mr`, false), with or without its period; nil for any other word.
    func honorific(before offset: Int) -> Bool? {
        var o = offset - 1
        guard o >= 1, Self.isSpace(v(o)) else { return nil }
        o -= 1
        if v(o) == 0x2E { o -= 1 }
        var letters: UInt32 = 0
        var count = 0
        while o >= 0, count < 5, v(o) < 0x80, (0x61...0x7A).contains(v(o) | 0x20) {
            letters = letters << 8 | (v(o) | 0x20)
            count += 1
            o -= 1
        }
        guard count >= 2, o < 0 || !(0x41...0x7A).contains(v(o)) else { return nil }
        // The letters read backwards: `mr` is 0x726D.
        switch letters {
        case 0x726D: return false
        case 0x73726D, 0x736D, 0x7373_696D: return true
        default: return nil
        }
    }

    /// `Varga said the ferry would run in May. “We owe it to the fishermen.”`: the subject of a
    /// reporting verb in the sentence right before a quotation that opens its own sentence, in the
    /// same paragraph, when that sentence holds no quotation of its own.
    mutating func reportingSubject(before span: Span) -> Range<Int>? {
        guard let previous = sentenceBefore(span) else { return nil }
        let t = tokens(previous)
        guard let found = lastCue(in: t, before: t.count), let cue = found.cue, let speaker = found.speaker,
            let verb = t.first(where: { $0.start == cue.lowerBound }), cueUse(verb).contains(.direct)
        else { return nil }
        return speaker
    }

    /// `Aderholt returned to the issue later in the hearing. “What launch vehicles exist today?”`:
    /// the person named at the start of the sentence right before a quotation that opens its own
    /// sentence, in the same paragraph, when a lowercase word (the verb) follows the name and that
    /// sentence holds no quotation of its own.
    mutating func namedSubject(before span: Span) -> Range<Int>? {
        guard let previous = sentenceBefore(span) else { return nil }
        let t = tokens(previous)
        // `Asked about it now, Varga shrugs.`: after an opening phrase of up to eight words too.
        var from = 0
        if !(t.first?.isCapitalized == true && mentions.entity(overlapping: TextRange(start: t[0].start, end: t[0].end)) != nil),
            let comma = t.prefix(9).firstIndex(where: { $0.isMark(0x2C) }), comma + 1 < t.count
        {
            from = comma + 1
        }
        guard let (range, end) = name(t, from: from), end + 1 < t.count, t[end + 1].isWord, !t[end + 1].isCapitalized,
            wordClass(t[end + 1]) & (C.clauseStop | C.preposition) == 0 || Words.beForms.contains(t[end + 1].hash),
            let e = mentions.entity(overlapping: TextRange(range)), mentions.entities[e].kind == .person
        else { return nil }
        return range
    }

    /// `When I ask what those years taught her, she sets down her knife.` then a paragraph that is
    /// all quotation, with no attribution of its own: the person (`he`, `she` or a name followed by
    /// a lowercase word) opening the last clause of the paragraph before, which holds no quotation.
    mutating func paragraphSubject(before span: Span) -> Range<Int>? {
        let b = span.startBlock
        guard b > 0, blocks[b - 1].kind == .paragraph || blocks[b - 1].kind == .lede, blocks[b].kind == .paragraph else { return nil }
        let own = blocks[b].range.offsets
        guard skipSpaces(from: own.lowerBound, to: own.upperBound) == span.open else { return nil }
        let previousBlock = blocks[b - 1].range.offsets
        let previous = sentence(containing: lastNonSpace(before: previousBlock.upperBound, floor: previousBlock.lowerBound), block: b - 1)
        guard !previous.isEmpty, !covered.contains(where: { $0.overlaps(previous) }) else { return nil }
        let t = tokens(previous)
        var starts = [0]
        for k in t.indices where t[k].isMark(0x2C) && k + 1 < t.count { starts.append(k + 1) }
        for start in starts.reversed() where t[start].isWord {
            if t[start].hash == Words.he || t[start].hash == Words.she {
                guard start + 1 < t.count, t[start + 1].isWord, !t[start + 1].isCapitalized else { return nil }
                return t[start].start..<t[start].end
            }
            if let (range, end) = name(t, from: start), end + 1 < t.count, t[end + 1].isWord, !t[end + 1].isCapitalized,
                let e = mentions.entity(overlapping: TextRange(range)), mentions.entities[e].kind == .person
            {
                return range
            }
        }
        return nil
    }

    /// The sentence right before `span` in its paragraph, when the quotation opens its own sentence
    /// and that sentence holds no quotation.
    mutating func sentenceBefore(_ span: Span) -> Range<Int>? {
        let block = blocks[span.startBlock].range.offsets
        let own = sentence(containing: span.open, block: span.startBlock)
        guard skipSpaces(from: own.lowerBound, to: span.open) == span.open, own.lowerBound > block.lowerBound else { return nil }
        let previous = sentence(containing: own.lowerBound - 1, block: span.startBlock)
        guard !previous.isEmpty, previous.upperBound <= own.lowerBound, !covered.contains(where: { $0.overlaps(previous) }) else {
            return nil
        }
        return previous
    }

    /// The sentence right after a quotation that closes its sentence with a question or an
    /// exclamation (`?”`, `!"`), or that a dash opens, in the same block and before the next
    /// quotation; nil otherwise.
    mutating func sentenceAfterClosingQuote(_ span: Span, close: Int, before spans: [Span], _ next: Int) -> Range<Int>? {
        let block = blocks[span.endBlock].range.offsets
        guard sentence(containing: close, block: span.endBlock).upperBound <= close + 1 else { return nil }
        // The last scalar of the quotation before any inner closing marks.
        var k = span.contentEnd - 1
        while k > span.contentStart, Self.isQuoteMark(v(k)) || Self.isSpace(v(k)) { k -= 1 }
        let start = skipSpaces(from: close + 1, to: block.upperBound)
        guard start < block.upperBound else { return nil }
        // Or a signature that the segmenter made a sentence of its own (`“….” — Neil Gaiman`).
        guard k >= span.contentStart, v(k) == 0x3F || v(k) == 0x21 || Self.isDash(v(start)) else { return nil }
        var range = sentence(containing: start, block: span.endBlock)
        guard range.lowerBound == start else { return nil }
        if next < spans.count, spans[next].open < range.upperBound { range = range.lowerBound..<max(range.lowerBound, spans[next].open) }
        return range.isEmpty ? nil : range
    }

    /// The person whose verdict the sentence right after a quotation says it was, in the same
    /// paragraph: `that was the blunt assessment of Westmere manager Paolo Ventresca`, `Those were
    /// the words of Ana Varga`; a named person only.
    mutating func verdictOwner(after span: Span) -> Range<Int>? {
        guard let close = span.close else { return nil }
        let block = blocks[span.endBlock].range.offsets
        let start = skipSpaces(from: close + 1, to: block.upperBound)
        guard start < block.upperBound else { return nil }
        let t = tokens(sentence(containing: start, block: span.endBlock))
        for k in t.indices.dropFirst(2)
        where t[k].isWord && t[k].hash == Words.of && t[k - 1].isWord && Words.verdicts.contains(t[k - 1].hash) {
            guard let speaker = forwardSpeaker(t, from: k + 1), isPerson(speaker) else { return nil }
            return speaker
        }
        return nil
    }

    /// Whether the words after a quotation open with a noun it names, perhaps after one lowercase
    /// word: `campaign`, `advertising campaign`, `tour`, `initiative`.
    mutating func namesWhatFollows(_ post: [QuoteToken]) -> Bool {
        var k = 0
        while k < post.count, k < 3, !post[k].isWord, !post[k].isMark(0x2C), !post[k].isMark(0x2E) { k += 1 }
        for i in k..<min(post.count, k + 2) {
            guard post[i].isWord, !post[i].isCapitalized else { return false }
            if Words.namedThings.contains(post[i].hash) { return true }
        }
        return false
    }

    /// Whether a reporting verb before a work's noun makes the quotation what someone said of it
    /// (`called the album “music for waiting rooms”`), not its title; a verb of writing does not
    /// (`wrote the book “…”`), nor one after the noun (`a show called “Ask Dr. Mike”`) or further
    /// before it (`announced … on a previous episode of “…”`).
    mutating func describesWork(_ pre: [QuoteToken], cue: Range<Int>?) -> Bool {
        guard let cue, let verb = pre.firstIndex(where: { $0.start == cue.lowerBound }),
            let noun = pre.lastIndex(where: { $0.isWord && wordClass($0) & C.titleNoun != 0 }), verb < noun, noun - verb <= 3
        else { return false }
        return !Words.writing.contains(pre[verb].hash)
    }

    /// Whether the verb at `cue` is `read` or `reads`, as a sign, banner or page reads.
    mutating func readsAsSign(_ pre: [QuoteToken], _ cue: Range<Int>?) -> Bool {
        guard let cue, let verb = pre.first(where: { $0.start == cue.lowerBound }) else { return false }
        return verb.hash == Words.read || verb.hash == Words.reads
    }

    /// Whether the words before a quotation end in a noun of written words and a colon (`a
    /// hand-lettered sign:`, `the banner:`): what follows is written there, no one's speech.
    mutating func introducedBySign(_ pre: [QuoteToken]) -> Bool {
        guard pre.count >= 2, pre[pre.count - 1].isMark(0x3A) else { return false }
        // `shout the same chant, invented on a bus ride: “…”`, `she can still sing the chorus, …:
        // “…”`: words sung or chanted, with no reporting verb (the caller asks that).
        return wordClass(pre[pre.count - 2]) & C.signNoun != 0 || pre.contains { $0.isWord && Words.sung.contains($0.hash) }
    }

    /// The number of words in `range` (counted up to 40) and whether every word is capitalized
    /// but for small words such as `of` and `the` (the shape of a title).
    mutating func measure(_ range: Range<Int>) -> (Int, Bool) {
        var words = 0
        var capitals = 0
        var titleCase = true
        // A title may hold commas and a colon (`A River Divided: Law, Water and Power`) and end on
        // a full stop, as American style puts it inside the marks (`“What a Fool Believes.”`); a
        // word after a full stop or a semicolon makes the words sentences.
        var stopped = false
        var i = range.lowerBound
        while i < range.upperBound && words < 40 {
            let c = v(i)
            if scanClass(c) & (QuoteScanClass.letter | QuoteScanClass.digit) != 0 {
                if stopped { titleCase = false }
                let start = i
                i += 1
                // Letters, digits, apostrophes and hyphens.
                let inWord = QuoteScanClass.letter | QuoteScanClass.digit | QuoteScanClass.joiner
                while i < range.upperBound, scanClass(v(i)) & inWord != 0 { i += 1 }
                // Hashed only when the answer depends on it: a lowercase word after the first.
                if Self.isUpper(c) { capitals += 1 }
                if titleCase, !Self.isUpper(c), !Self.isDigit(c) {
                    // `the Ironsides`: an article may open a name in lowercase.
                    if words == 0
                        && !(i - start == 3 && WordTable.fold(v(start)) == 0x74 && WordTable.fold(v(start + 1)) == 0x68
                            && WordTable.fold(v(start + 2)) == 0x65)
                    {
                        titleCase = false
                    } else {
                        if vocabulary.classes.value(foldedHash(start..<i)) & C.smallWord == 0 { titleCase = false }
                    }
                }
                words += 1
            } else {
                // Not the point inside an abbreviation (`U.S.`).
                if (Self.isTerminal(c) || c == 0x3B)
                    && !(c == 0x2E && i + 1 < range.upperBound && scanClass(v(i + 1)) & QuoteScanClass.letter != 0)
                {
                    stopped = true
                }
                i += 1
            }
        }
        return (words, titleCase && capitals > 0)
    }

    /// Whether the words after a one-word quotation open with a noun it modifies (`an outside or
    /// “irregular” channel`, `a “skinny” trade deal`): a scare quote, not speech. Not before a
    /// function word, an auxiliary, an adverb or a verb form (`had been “drowning” in debt`,
    /// `«indispensable» to keep`, `“objected” to`), nor when the quoted word is a verb form or
    /// follows an auxiliary (`politicians have “vilified” educators`).
    mutating func modifiesNoun(_ post: [QuoteToken], span: Span, pre: [QuoteToken]) -> Bool {
        guard let next = post.first, next.isWord, !next.isCapitalized else { return false }
        if wordClass(next) & (C.preposition | C.determiner | C.clauseStop | C.pronoun | C.smallWord) != 0 { return false }
        if Words.auxiliaries.contains(next.hash) || isAdverb(next) || isParticiple(next) || endsInEd(next) { return false }
        if let last = pre.last, last.isWord, last.hash != Words.the,
            Words.auxiliaries.contains(last.hash) || wordClass(last) & C.passive != 0
        {
            return false
        }
        guard let word = tokens(span.contentStart..<span.contentEnd).first(where: \.isWord) else { return false }
        return !isParticiple(word) && !endsInEd(word)
    }

    /// Whether one of the last `within` words before a quotation is of class `cls` (`so-called`,
    /// `the book`), reading back over determiners and commas only.
    /// Whether the words before a short quotation read `what X calls` or `what they describe as`:
    /// the writer quoting someone's name for a thing, a coined term rather than their speech.
    mutating func coinedByWriter(_ pre: [QuoteToken]) -> Bool {
        var j = pre.count - 1
        while j >= 0, !pre[j].isWord { j -= 1 }
        while j > 0, pre[j].isWord, wordClass(pre[j]) & C.determiner != 0 { j -= 1 }
        guard j >= 0 else { return false }
        if pre[j].hash == Words.as, j > 0 { j -= 1 }
        guard cueUse(pre[j]).contains(.partial) else { return false }
        // Up to two words of subject between `what` and the verb: `what it calls`, `what the city calls`.
        for k in stride(from: j - 1, through: max(0, j - 3), by: -1) where pre[k].isWord && pre[k].hash == Words.what { return true }
        return false
    }

    /// Whether a naming word (`nicknamed`, `dubbed`) stands up to five words before the quotation
    /// with no reporting verb between them: `had nicknamed the monthly governance meeting ‘the
    /// Tuesday tea party’`, whatever verb the sentence opens with.
    mutating func namingMarker(in pre: [QuoteToken]) -> Bool {
        var seen = 0
        var j = pre.count - 1
        // `had dubbed Sondland's role in forming Ukraine policy as “the Gordon problem”`: after
        // `as`, the naming word may stand up to twelve words back.
        let reach = pre.last.map { $0.isWord && $0.hash == Words.as } == true ? 12 : 5
        while j >= 0 && seen < reach {
            let t = pre[j]
            guard t.isWord else { return false }
            // A reporting verb first: `alleged that …`, `branded the plan ‘…’` report someone's words;
            // not a noun (`the recurring signal`).
            if !followsArticle(pre, at: j), !cueUse(t).isDisjoint(with: [.direct, .partial]) { return false }
            let c = wordClass(t)
            if c & C.scareMarker != 0 { return true }
            if c & C.determiner == 0 { seen += 1 }
            j -= 1
        }
        return false
    }

    /// The verb and subject of `X views Y as “…”`: the words before the quotation end in `as`, and
    /// a verb that characterises its object (`views`, `sees`, `regards`, `considers`, `introduced`,
    /// `hailed`, `portrayed`) stands up to twelve words before it in the sentence.
    mutating func characterisingAttribution(_ pre: [QuoteToken]) -> Attribution? {
        guard let last = pre.last, last.isWord, last.hash == Words.as else { return nil }
        var j = pre.count - 2
        while j >= 0, pre.count - 1 - j <= 12, pre[j].isWord || pre[j].isMark(0x2C) {
            if pre[j].isWord, Words.characterising.contains(pre[j].hash), !followsArticle(pre, at: j) {
                guard let subject = backwardSubject(pre, cue: j, lo: 0) else { return nil }
                return Attribution(cue: pre[j].start..<pre[j].end, speaker: subject)
            }
            j -= 1
        }
        return nil
    }

    /// Whether the quotation is named by a participle after a noun: `the technique called “mental
    /// chronometry”`, `a condition known as “…”`: a term, not the noun's words. Not `what the
    /// mayor called “…”`, whose quotation is the mayor's.
    /// (A title-cased name is left to the rules for titles: `a programme called “Steady Steps”`.)
    mutating func namedByParticiple(_ pre: [QuoteToken]) -> Bool {
        var k = pre.count - 1
        guard k >= 2, pre[k].isWord else { return false }
        if pre[k].hash == Words.as, pre[k - 1].isWord, pre[k - 1].hash == Words.known {
            k -= 1
        } else if !Words.namingParticiples.contains(pre[k].hash) {
            return false
        }
        let noun = pre[k - 1]
        guard k >= 2, noun.isWord, !noun.isCapitalized,
            wordClass(noun) & (C.pronoun | C.preposition | C.clauseStop | C.determiner) == 0, followsArticle(pre, at: k - 1)
        else { return false }
        // Not a noun after a preposition, which the verb's subject stands before (`which Ostrowski
        // at the time called “…”`).
        let article = pre[k - 2].isWord && Words.nounMarkers.contains(pre[k - 2].hash) ? k - 2 : k - 3
        if article >= 1, pre[article - 1].isWord, wordClass(pre[article - 1]) & C.preposition != 0 { return false }
        return !pre[max(0, k - 4)..<(k - 1)].contains { $0.isWord && $0.hash == Words.what }
    }

    /// Whether the word at `j` comes after an article or a possessive and at most one lowercase
    /// word more (`a conference call`, `the recurring signal`): a noun, whatever else it may be.
    func followsArticle(_ t: [QuoteToken], at j: Int) -> Bool {
        guard j >= 1, t[j - 1].isWord else { return false }
        if Words.nounMarkers.contains(t[j - 1].hash) { return true }
        return j >= 2 && !t[j - 1].isCapitalized && t[j - 2].isWord && Words.nounMarkers.contains(t[j - 2].hash)
    }

    mutating func marker(in pre: [QuoteToken], _ cls: UInt16, within: Int) -> Bool {
        var seen = 0
        var j = pre.count - 1
        while j >= 0 && seen < within {
            let t = pre[j]
            if t.isWord {
                let c = wordClass(t)
                if c & cls != 0 { return true }
                // `the paper was ‘a genuine consultation’`: a title noun that is the subject of a
                // verb names no title; the quotation says what it is. So does `as` after it
                // (`described on his radio show as “…”`).
                if cls == C.titleNoun && (Words.auxiliaries.contains(t.hash) || t.hash == Words.as) { return false }
                if c & C.determiner == 0 { seen += 1 }
            } else if !(t.isMark(0x2C) || t.isMark(0x3A)) {
                return false
            }
            j -= 1
        }
        return false
    }

    /// The attribution that follows a quotation in its sentence (`, said Varga`, `, she added`,
    /// `, according to the ministry`), and whether other prose follows it instead.
    mutating func attribution(after t: [QuoteToken]) -> (Attribution?, Bool) {
        // `“…” — Neil Gaiman`: a dash and a name that end the sentence sign the quotation (not
        // `“Musicophilia” — Lund wasn't pleased`, where the writer's words go on after the dash).
        if t.count >= 2, t[0].isMark(0x2014) || t[0].isMark(0x2013), t[1].isWord, t[1].isCapitalized,
            let speaker = forwardSpeaker(t, from: 1), !t.contains(where: { $0.isWord && $0.start >= speaker.upperBound })
        {
            return (Attribution(cue: nil, speaker: speaker), false)
        }
        var i = 0
        while i < t.count, t[i].isLink { i += 1 }
        guard i < t.count else { return (nil, false) }
        guard t[i].isWord else { return (nil, false) }
        let use = cueUse(t[i])
        if use.contains(.according), i + 1 < t.count, t[i + 1].hash == Words.to {
            return (Attribution(cue: t[i].start..<t[i + 1].end, speaker: forwardSpeaker(t, from: i + 2, through: true)), false)
        }
        // `comments` reports speech only right after the quotation (`…,” comments Lena Holm`):
        // elsewhere it is more often the noun (`referred to those comments`).
        if use.contains(.direct) || t[i].hash == Words.comments {
            // `“… the little deal” announced in October, said Derek Scissors, a China scholar`: the
            // verb right after the quotation has no speaker after it and belongs to the words
            // quoted; an inverted verb with a speaker after a later comma attributes them.
            if i + 2 < t.count, forwardSpeaker(t, from: i + 1) == nil,
                let k = ((i + 2)..<t.count).first(where: {
                    t[$0 - 1].isMark(0x2C) && t[$0].isWord && cueUse(t[$0]).contains(.direct) && isInvertedForm(t[$0])
                }), let speaker = forwardSpeaker(t, from: k + 1)
            {
                return (Attribution(cue: t[k].start..<t[k].end, speaker: speaker), false)
            }
            return (Attribution(cue: t[i].start..<t[i].end, speaker: forwardSpeaker(t, from: i + 1)), false)
        }
        guard opensSpeaker(t[i]) else { return (nil, true) }
        var j = i + 1
        var words = 1
        // The comma before a relative clause that describes the speaker, and where that clause ends.
        var relative: (comma: Int, end: Int)?
        while j < t.count && words <= 9 {
            let tok = t[j]
            if tok.isWord {
                // `…,” one executive, who asked not to be named, told the Gazette`: the clause describes
                // the speaker, and its verbs (`asked`) are not the attribution's. Read on after it.
                if relative == nil, tok.hash == Words.who, t[j - 1].isMark(0x2C), let close = clauseEnd(t, from: j + 1) {
                    relative = (j - 1, close)
                    j = close + 1
                    continue
                }
                // `…,” the note said`: a word that is also a noun, after an article, is the noun.
                // A verb that otherwise reports a `that` clause attributes the quotation too when
                // little follows it (`…,” the document states in a section headed …`).
                let use = cueUse(tok)
                // Not a noun after an article (`the hibernating state`; but `the document states`)
                // nor a capitalised word (`Kessler State coach Ron Abernathy said`).
                let thatVerb =
                    use.contains(.indirect) && !tok.isCapitalized && (!followsArticle(t, at: j) || Words.documents.contains(t[j - 1].hash))
                    && t[(j + 1)...].filter(\.isWord).count <= 6
                let isCue = (use.contains(.direct) || thatVerb) && !(Words.nounVerbs.contains(tok.hash) && followsArticle(t, at: j))
                if isCue, let (comma, end) = relative, let subject = backwardSubject(t, cue: comma, lo: i) {
                    // The clause is part of the speaker when it says they are not named.
                    let speaker = marksAnonymity(t, comma + 1..<end) ? subject.lowerBound..<t[end - 1].end : subject
                    return (Attribution(cue: tok.start..<tok.end, speaker: speaker), false)
                }
                // `…,” Orzanov was quoted as saying by the state news agency`: the one quoted,
                // before `was quoted as`, not the words between.
                if isCue, tok.hash == Words.saying, j - 3 >= i, t[j - 1].isWord, t[j - 1].hash == Words.as, t[j - 2].isWord,
                    t[j - 2].hash == Words.quoted, t[j - 3].isWord, Words.beForms.contains(t[j - 3].hash),
                    let speaker = backwardSubject(t, cue: j - 3, lo: i)
                {
                    return (Attribution(cue: t[j - 2].start..<tok.end, speaker: speaker), false)
                }
                if isCue {
                    // `…,” Benioff weighed in, telling Cook`: when no subject reads back from the verb,
                    // the name the words after the quotation open with.
                    let speaker = backwardSubject(t, cue: j, lo: i) ?? (wordClass(t[i]) & C.pronoun == 0 ? name(t, from: i)?.range : nil)
                    return (Attribution(cue: tok.start..<tok.end, speaker: speaker), false)
                }
                words += 1
            } else if !(tok.isMark(0x2C) || (tok.isMark(0x2E) && isAbbreviation(t[j - 1]))) {
                break
            }
            j += 1
        }
        if let long = appositiveAttribution(t, name: i) { return (long, false) }
        return (nil, true)
    }

    /// The comma that closes a relative clause opening at token `k` (`who asked not to be named,`),
    /// when one does within 24 tokens of words and abbreviation periods.
    mutating func clauseEnd(_ t: [QuoteToken], from k: Int) -> Int? {
        var j = k
        while j < t.count, j - k < 24 {
            if t[j].isMark(0x2C) { return j > k ? j : nil }
            guard t[j].isWord || (t[j].isMark(0x2E) && j > 0 && isAbbreviation(t[j - 1])) else { return nil }
            j += 1
        }
        return nil
    }

    /// `…,” Dylan Lund, a fellow at the institute in Malmö, Sweden, and an author of the study, said`:
    /// a name, then a description too long or too punctuated for the subject rule, then a comma and
    /// the verb. The name is the speaker.
    mutating func appositiveAttribution(_ t: [QuoteToken], name i: Int) -> Attribution? {
        guard let (speaker, e) = name(t, from: i), e + 1 < t.count, t[e + 1].isMark(0x2C) else { return nil }
        var j = e + 2
        while j < t.count, j - e < 40 {
            let tok = t[j]
            if tok.isWord, cueUse(tok).contains(.direct) || tok.hash == Words.written {
                // `…, has written`: auxiliaries and adverbs between the comma and the verb; `written`
                // only after its auxiliary (`who had written it` is no attribution).
                var b = j - 1
                while b > e + 1, t[b].isWord, stepsOverBeforeCue(t[b]) { b -= 1 }
                if t[b].isMark(0x2C), tok.hash != Words.written || b < j - 1 {
                    return Attribution(cue: tok.start..<tok.end, speaker: speaker)
                }
            }
            if !tok.isWord, tok.first == 0x3F || tok.first == 0x21 || tok.first == 0x3B || (tok.first == 0x2E && !isAbbreviation(t[j - 1]))
            {
                return nil
            }
            j += 1
        }
        return nil
    }

    /// The name opening at token `i`: capitalised words, stepping over abbreviated titles
    /// (`Dr. Luz Arroyo`, `Rep. Ann Lund`), as its range without those titles and its last token;
    /// nil when token `i` is no capitalised word.
    mutating func name(_ t: [QuoteToken], from i: Int) -> (range: Range<Int>, end: Int)? {
        guard i < t.count, t[i].isWord, t[i].isCapitalized else { return nil }
        var e = i
        while e + 1 < t.count {
            if t[e + 1].isWord, t[e + 1].isCapitalized {
                e += 1
            } else if t[e + 1].isMark(0x2E), isAbbreviation(t[e]), e + 2 < t.count, t[e + 2].isWord, t[e + 2].isCapitalized {
                e += 2
            } else {
                break
            }
        }
        var first = i
        while first + 2 <= e, t[first + 1].isMark(0x2E), isAbbreviation(t[first]) { first += 2 }
        return (t[first].start..<t[e].end, e)
    }

    /// Whether the quotation's words hold `I`, `me`, `my`, `we`, `us` or `our` (or a contraction
    /// of `I` or `we`): words someone said, not the writer's.
    mutating func speaksInFirstPerson(_ span: Span) -> Bool {
        tokens(span.contentStart..<span.contentEnd).contains { token in
            guard token.isWord else { return false }
            if Words.firstPersonWords.contains(token.hash) { return true }
            guard let pronoun = pronounBeforeContraction(token) else { return false }
            return Words.firstPersonWords.contains(foldedHash(pronoun))
        }
    }

    /// `In Dr. Varga’s words, “…”`, `In the words of Ana Varga, “…”`: the name whose words the
    /// quotation is, when the phrase and its comma end the words before it; or an unnamed source
    /// (`In the words of one surgeon, who asked not to be named, “…”`).
    mutating func wordsOwner(_ t: [QuoteToken]) -> Range<Int>? {
        guard t.count >= 4, t[t.count - 1].isMark(0x2C) else { return nil }
        let comma = t.count - 1
        var i = comma - 1
        while i >= 0, !(t[i].isWord && t[i].hash == Words.in) { i -= 1 }
        guard i >= 0, i + 2 < comma else { return nil }
        let range: Range<Int>
        if t[i + 1].isWord, t[i + 1].hash == Words.the, i + 4 < comma, t[i + 2].isWord, t[i + 2].hash == Words.words, t[i + 3].isWord,
            t[i + 3].hash == Words.of
        {
            if let (r, e) = name(t, from: i + 4), e + 1 == comma {
                range = r
            } else if t[i + 4].isWord, !t[i + 4].isCapitalized {
                // `In the words of one surgeon, who asked not to be named, “…”`: an unnamed source.
                let description = t[i + 4].start..<t[comma - 1].end
                return resolve(description).isAnonymous ? description : nil
            } else {
                return nil
            }
        } else if let (r, e) = name(t, from: i + 1), e + 2 == comma, isPossessive(t[e]), t[e + 1].isWord, t[e + 1].hash == Words.words {
            // The name without its `’s`.
            var end = r.upperBound - 1
            if v(end) | 0x20 == 0x73 { end -= 1 }
            range = r.lowerBound..<end
        } else {
            return nil
        }
        return mentions.entity(overlapping: TextRange(range)) != nil ? range : nil
    }

    /// Whether `span` opens a paragraph of its own (or a run of them, the mark left open at each
    /// end) and is all of it or a whole quoted sentence, right after the paragraph `previous` whose
    /// last quotation had a speaker: the news convention for a speaker's next words.
    mutating func isQuoteParagraph(_ span: Span, after previous: Int?) -> Bool {
        guard let previous, previous == span.startBlock - 1, let close = span.close else { return false }
        func isProse(_ kind: BlockKind) -> Bool { kind == .paragraph || kind == .lede || kind == .blockQuote }
        guard isProse(blocks[previous].kind), isProse(blocks[span.startBlock].kind), isProse(blocks[span.endBlock].kind) else {
            return false
        }
        // One paragraph, or several when the quotation runs on (its mark left open at a paragraph's end).
        let first = blocks[span.startBlock].range.offsets
        let last = blocks[span.endBlock].range.offsets
        guard span.open == skipSpaces(from: first.lowerBound, to: first.upperBound) else { return false }
        // The paragraph ends with the quotation, or goes on in the writer's words after a quoted
        // sentence, words that name no one who might have said it: `“We used a mathematical
        // trick.” This “trick” was the model.`, not `“…” Earl Tibbetts was handing out water when
        // he offered that verdict.`
        if skipSpaces(from: close + 1, to: last.upperBound) == last.upperBound { return true }
        let endsSentence = close > span.open + 1 && (v(close - 1) == 0x2E || v(close - 1) == 0x3F || v(close - 1) == 0x21)
        return endsSentence && mentions.firstPerson(in: close + 1..<last.upperBound, outside: []) == nil
    }

    /// How the writer's words before a quotation lead into it, and the attribution they give.
    mutating func attribution(before t: [QuoteToken]) -> (Lead, Attribution?) {
        var end = t.count
        while end > 0, !t[end - 1].isWord, !t[end - 1].isMark(0x3A), !t[end - 1].isMark(0x2C) { end -= 1 }
        guard end > 0 else { return (.none, nil) }
        let last = t[end - 1]
        let cue = lastCue(in: t, before: end)
        if last.isMark(0x3A) { return (.introduced, cue) }
        if last.isMark(0x2C) {
            if let cue { return (.introduced, cue) }
            // `Emery states, “…”`, `the council reported, “…”`: a verb that otherwise reports a
            // `that` clause, right before the comma, with a subject before it.
            if end >= 3, t[end - 2].isWord, cueUse(t[end - 2]).contains(.indirect), !followsArticle(t, at: end - 2),
                let subject = backwardSubject(t, cue: end - 2, lo: 0)
            {
                return (.introduced, Attribution(cue: t[end - 2].start..<t[end - 2].end, speaker: subject))
            }
            return (.embedded, nil)
        }
        if cueUse(last).contains(.direct), let cue, cue.cue?.lowerBound == last.start { return (.introduced, cue) }
        return (.embedded, cue)
    }

    /// Whether a word ends in "ing", as a reporting verb's participle does ("saying", "adding").
    mutating func isParticiple(_ t: QuoteToken) -> Bool {
        guard t.isWord, t.end - t.start >= 5 else { return false }
        return WordTable.fold(v(t.end - 3)) == 0x69 && WordTable.fold(v(t.end - 2)) == 0x6E && WordTable.fold(v(t.end - 1)) == 0x67
    }

    /// The attribution at the end of the words after a quotation: the last reporting verb whose
    /// subject follows a comma, with at most four words after the verb (`…” working in our prisons,
    /// she said.`); with `opening` (a quotation that ended on a comma, inside or after its mark),
    /// the subject must open those words, or follow a few words without punctuation (`…,” judge
    /// Inaba noted`, `…,” lead researcher and planetary scientist Lucas Paganini said`), and any
    /// words may follow the verb.
    mutating func closingAttribution(_ t: [QuoteToken], opening: Bool) -> Attribution? {
        let first = t.first?.isMark(0x2C) == true ? 1 : 0
        var j = t.count - 1
        var after = 0
        while j >= first {
            if t[j].isWord {
                if cueUse(t[j]).contains(.direct), !isParticiple(t[j]), let subject = backwardSubject(t, cue: j, lo: 0),
                    let s = t.firstIndex(where: { $0.start == subject.lowerBound }),
                    opening
                        ? s - first <= 8 && t[first..<s].allSatisfy(\.isWord)
                        : s > 0 && t[s - 1].isMark(0x2C) && after <= 4
                {
                    return Attribution(cue: t[j].start..<t[j].end, speaker: subject)
                }
                after += 1
                if !opening && after > 4 { return nil }
            }
            j -= 1
        }
        return nil
    }

    /// The last reporting verb before token `end`, with its speaker.
    mutating func lastCue(in t: [QuoteToken], before end: Int) -> Attribution? {
        var j = end - 1
        while j >= 0 {
            // `operates, as she puts it, “on the honor system”`: the words between `as` and `put`;
            // `as he liked to say, “…”`: the pronoun or name right after `as`.
            if t[j].isWord, Words.putting.contains(t[j].hash), j + 1 < end, t[j + 1].isWord, t[j + 1].hash == Words.it,
                let opening = (max(0, j - 4)..<j).last(where: { t[$0].isWord && t[$0].hash == Words.as }), opening + 1 < j
            {
                return Attribution(cue: t[j].start..<t[j + 1].end, speaker: t[opening + 1].start..<t[j - 1].end)
            }
            // `One of them, who spoke on the condition of anonymity, put it bluntly: “…”`: the
            // subject of `put it`, an adverb or two and a colon before the quotation.
            if t[j].isWord, Words.putting.contains(t[j].hash), j + 1 < end, t[j + 1].isWord, t[j + 1].hash == Words.it,
                t[(j + 2)..<end].contains(where: { $0.isMark(0x3A) }), t[(j + 2)..<end].filter(\.isWord).count <= 2,
                let subject = backwardSubject(t, cue: j, lo: 0)
            {
                return Attribution(cue: t[j].start..<t[j + 1].end, speaker: subject)
            }
            if t[j].isWord, t[j].hash == Words.say || t[j].hash == Words.said || t[j].hash == Words.says,
                let opening = (max(0, j - 5)..<j).last(where: { t[$0].isWord && t[$0].hash == Words.as }), opening + 1 < j,
                t[opening + 1].isWord, wordClass(t[opening + 1]) & C.pronoun != 0 || t[opening + 1].isCapitalized
            {
                var last = opening + 1
                while last + 1 < j, t[last + 1].isWord, t[last + 1].isCapitalized, t[opening + 1].isCapitalized { last += 1 }
                return Attribution(cue: t[j].start..<t[j].end, speaker: t[opening + 1].start..<t[last].end)
            }
            let use = cueUse(t[j])
            if use.contains(.according), j + 1 < end, t[j + 1].hash == Words.to {
                return Attribution(cue: t[j].start..<t[j + 1].end, speaker: forwardSpeaker(t, from: j + 2, through: true))
            }
            // `on a conference call that …`, `the latest report`: a word that is also a noun, after
            // an article or a possessive and at most one word more, is the noun.
            // So is one a modal or a form of `be` or `have` follows (`too many reports would …`).
            if Words.nounVerbs.contains(t[j].hash),
                followsArticle(t, at: j)
                    || (j >= 1 && t[j - 1].isWord && j + 1 < end && t[j + 1].isWord && Words.auxiliaries.contains(t[j + 1].hash))
            {
                j -= 1
                continue
            }
            // `said in a statement read outside court by the family's solicitor: “…”`, `a statement
            // issued by the club`: after a document, `read` with words after it or a participle of
            // writing is the document's, not the attribution (`The statement read: “…”` is one).
            if j > 0, t[j - 1].isWord, Words.documents.contains(t[j - 1].hash),
                (t[j].hash == Words.read && j + 1 < end && t[j + 1].isWord) || Words.authoring.contains(t[j].hash)
            {
                j -= 1
                continue
            }
            // `we might have read of “hero cabdrivers”`: reading of or about a thing reports no speech.
            if t[j].hash == Words.read, j + 1 < end, t[j + 1].isWord, t[j + 1].hash == Words.of || t[j + 1].hash == Words.about {
                j -= 1
                continue
            }
            // `had been told to prepare for a walkout lasting “at least three weeks”`, `was called
            // “a disgrace” by critics`: after a form of `be` the verb is passive, its subject the
            // one spoken to or about, not the speaker.
            if use.contains(.direct) || use.contains(.partial), j > 0, t[j - 1].isWord, wordClass(t[j - 1]) & C.passive != 0,
                t[j - 1].hash != Words.the, !isParticiple(t[j])
            {
                j -= 1
                continue
            }
            if use.contains(.direct) || use.contains(.partial) {
                // A participle ("…, saying the council “had no safe alternative”") is never
                // followed by its own subject: the words after it begin the reported clause.
                // The words after the verb name the speaker only when the verb opens its clause
                // (`…,” responded the minister, “…”`); after other words (`also sharply criticised
                // the plan`, `but called it`) they are its object.
                // After `told` the words name the listener (`…, told Newsweek: “…”`), never the speaker.
                let opensClause = (j == 0 || !t[j - 1].isWord) && !use.contains(.listener)
                var speaker =
                    backwardSubject(t, cue: j, lo: 0) ?? (isParticiple(t[j]) || !opensClause ? nil : forwardSpeaker(t, from: j + 1))
                // `said the coalition had “…”`, `said the construction halt was “…”`: words with a
                // verb of their own, in them or right after them, are a clause, not the speaker.
                if let s = speaker, s.lowerBound > t[j].start,
                    t.contains(where: { $0.isWord && s.contains($0.start) && Words.auxiliaries.contains($0.hash) })
                        || t.first(where: { $0.start >= s.upperBound }).map({ $0.isWord && Words.auxiliaries.contains($0.hash) }) == true
                {
                    speaker = nil
                }
                // `the ministry said both sides had agreed to “refrain from …”`: a commitment inside
                // the clause another verb reports is quoted from that verb's speaker.
                if Words.commitments.contains(t[j].hash), j + 1 < end, t[j + 1].isWord, t[j + 1].hash == Words.to, let s = speaker,
                    var p = t.firstIndex(where: { $0.start == s.lowerBound }).map({ $0 - 1 })
                {
                    if p > 0, t[p].isWord, t[p].hash == Words.that { p -= 1 }
                    if p > 0, t[p].isWord, cueUse(t[p]).contains(.indirect), let outer = lastCue(in: t, before: p + 1), outer.speaker != nil
                    {
                        return outer
                    }
                }
                return Attribution(cue: t[j].start..<t[j].end, speaker: speaker)
            }
            j -= 1
        }
        return nil
    }
}
