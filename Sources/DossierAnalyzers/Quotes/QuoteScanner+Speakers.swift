import DossierCore

extension QuoteScanner {
    typealias C = QuoteVocabulary.WordClass

    /// Whether a word may open a speaker's name or description.
    mutating func opensSpeaker(_ t: QuoteToken) -> Bool {
        guard t.isWord else { return t.first == 0x40 }
        let cls = wordClass(t)
        return t.isCapitalized || cls & (C.determiner | C.pronoun | C.anonymousHead) != 0
    }

    /// Whether a period after `t` belongs to an abbreviated title or initial (`Mr.`, `J.`).
    mutating func isAbbreviation(_ t: QuoteToken) -> Bool { t.isWord && t.isCapitalized && t.end - t.start <= 3 }

    /// The speaker named after a reporting verb (`said Anna Varga, the mayor` gives `Anna Varga`),
    /// starting at token `k`: a pronoun, or words up to punctuation or a word that starts an adverbial.
    /// After `according to`, `through` lets the lowercase words before the name be a phrase
    /// (`according to data from MarketAxess`); after a verb they are title words only (`said chief
    /// executive Paul Odegaard`, but not `promises of improved access to China`).
    mutating func forwardSpeaker(_ t: [QuoteToken], from k: Int, through phrase: Bool = false) -> Range<Int>? {
        guard k < t.count else { return nil }
        if !opensSpeaker(t[k]) {
            // `said chief executive Paul Odegaard`: a lowercase title before a named speaker.
            var j = k
            while j < t.count, j - k < 4, t[j].isWord, !t[j].isCapitalized,
                phrase || wordClass(t[j]) & (C.preposition | C.clauseStop) == 0
            {
                j += 1
            }
            // `according to court documents, …`: after `according to`, lowercase words up to the
            // comma are the source.
            if phrase, j > k, j == t.count || t[j].isMark(0x2C) || t[j].isMark(0x2E) { return t[k].start..<t[j - 1].end }
            guard j > k, j < t.count, t[j].isWord, t[j].isCapitalized,
                mentions.entity(overlapping: TextRange(start: t[j].start, end: t[j].end)) != nil
            else { return nil }
            return forwardSpeaker(t, from: j, through: phrase)
        }
        if t[k].isWord, wordClass(t[k]) & C.pronoun != 0 { return t[k].start..<t[k].end }
        // `said a report from Kotak Institutional Equities`, `according to a criminal complaint filed
        // by the District Attorney's Office`: a document from a named body speaks for it.
        if let giver = documentFrom(t, at: k) { return giver }
        // `said his solicitor, Imogen Achterberg, of …`, `according to the theatre's general
        // manager, Priti Olawale`: a description of up to five words (a possessive's mark among
        // them) that a determiner opens, then the name set off by a comma.
        if t[k].isWord, !t[k].isCapitalized, wordClass(t[k]) & C.determiner != 0, k + 2 < t.count,
            let comma = ((k + 2)..<min(t.count, k + 7)).first(where: { t[$0].isMark(0x2C) }),
            t[(k + 1)..<comma].allSatisfy({ ($0.isWord && !$0.isCapitalized) || $0.isMark(0x27) || $0.isMark(0x2019) }),
            comma + 1 < t.count, t[comma + 1].isWord,
            t[comma + 1].isCapitalized, let (name, _) = name(t, from: comma + 1),
            let e = mentions.entity(overlapping: TextRange(name)), mentions.entities[e].kind == .person
        {
            return name
        }
        var end = k
        var j = k
        var relative = false
        while j < t.count && j - k < 14 {
            let tok = t[j]
            if !tok.isWord {
                if tok.first == 0x2E, j + 1 < t.count, t[j + 1].isWord, t[j + 1].isCapitalized, isAbbreviation(t[j - 1 < 0 ? 0 : j - 1]) {
                    j += 1
                    continue
                }
                if tok.first == 0x40 || tok.first == 0x27 || tok.first == 0x2019 || tok.first == 0x2D {
                    j += 1
                    continue
                }
                break
            }
            let cls = wordClass(tok)
            if j > k, !relative, cls & (C.speakerStop | C.clauseStop) != 0, !isLink(t, at: j, start: k, lo: k) { break }
            if tok.hash == Words.who { relative = true }
            if j - k >= 8 && !relative { break }
            end = j
            j += 1
        }
        // `says the letter signed by seven physicians`: the noun, not its participle.
        if end > k, end + 1 < t.count, t[end + 1].isWord, t[end + 1].hash == Words.by, endsInEd(t[end]) { end -= 1 }
        // `Called a “violent rhythm game” by its creators`: words cut short by a quotation (`a`) name no one.
        guard !Words.noSubjectEnd.contains(t[end].hash) else { return nil }
        return t[k].start..<t[end].end
    }

    /// The subject of the reporting verb at token `cue`, reading back no further than token `lo`:
    /// a pronoun, a name, or a description up to its determiner (`a senior official`), stepping over
    /// adverbs and auxiliaries (`has also said`) and an appositive between commas.
    mutating func backwardSubject(_ t: [QuoteToken], cue: Int, lo: Int) -> Range<Int>? {
        var j = cue - 1
        // `I was telling myself, “…”`: before a participle, a form of `be` is its auxiliary.
        let progressive = isParticiple(t[cue])
        // `“…,” he said, before adding: “…”`: a participle after `before` or `after` and a comma
        // shares the subject of the clause before the comma.
        if progressive, cue >= 2, cue - 2 >= lo, t[cue - 1].isWord, t[cue - 1].hash == Words.before || t[cue - 1].hash == Words.after,
            t[cue - 2].isMark(0x2C)
        {
            return clauseSubject(t, before: cue - 2, lo: lo)
        }
        // `Judge Whitcombe intervened twice, at one point telling him to …`: a participle after a
        // comma and a phrase of when shares the subject of the clause before the comma.
        if progressive, let p = adverbialStart(t, endingAt: cue - 1, lo: lo, afterComma: true), p - 1 > lo,
            let subject = clauseSubject(t, before: p - 1, lo: lo) ?? openingName(t, lo: lo, before: p - 1)
                ?? openingDescription(t, lo: lo, before: p - 1)
        {
            return subject
        }
        while j >= lo, t[j].isWord, stepsOverBeforeCue(t[j]) || (progressive && Words.beForms.contains(t[j].hash)),
            wordClass(t[j]) & C.pronoun == 0
        {
            j -= 1
        }
        guard j >= lo else { return nil }
        // `she paused, then said: “…”`: a second verb after `then` takes the subject of the clause
        // before the comma.
        if t[j].isMark(0x2C), j + 1 < cue, t[j + 1].isWord, t[j + 1].hash == Words.then,
            let subject = clauseSubject(t, before: j, lo: lo)
        {
            return subject
        }
        // `Volker said he never used the term and added, “…”`: the subject of the first verb.
        if t[j].isWord, t[j].hash == Words.and || t[j].hash == Words.but {
            var k = j - 1
            while k >= lo {
                // `X called the plan “reckless” but warned that …`: a verb of a partial quotation too.
                // After an article or a possessive it is a noun (`the terms of the deal`).
                if t[k].isWord, !cueUse(t[k]).isDisjoint(with: [.direct, .partial]),
                    k == lo || !(t[k - 1].isWord && Words.nounMarkers.contains(t[k - 1].hash))
                {
                    return backwardSubject(t, cue: k, lo: lo)
                }
                k -= 1
            }
            // `An FTC spokesman, Colin Ashdown, declined to comment … but said …`: with no reporting
            // verb before, the subject the sentence opens with: a name or a pronoun, or a
            // description (`The chairman sat me down and said`).
            // `When he was given the chance to speak, he turned to the gallery and told …`: a pronoun
            // that opens the main clause after a comma.
            if let c = (lo..<j).last(where: { t[$0].isMark(0x2C) }), c + 2 < j, t[c + 1].isWord, wordClass(t[c + 1]) & C.pronoun != 0,
                !Words.firstPerson.contains(t[c + 1].hash), t[c + 2].isWord, !t[c + 2].isCapitalized,
                !t[(c + 1)..<j].contains(where: { !$0.isWord })
            {
                return t[c + 1].start..<t[c + 1].end
            }
            return openingSubject(t, before: j, lo: lo) ?? openingDescription(t, lo: lo, before: j)
        }
        // `he’d respond`, `she’ll say`: the pronoun without its contraction.
        if let pronoun = pronounBeforeContraction(t[j]) { return pronoun }
        // `Lumora at the time called`, `The company in a statement said`, `Mayor Ines Duval on Monday
        // said`: a phrase of when or in what between the subject and its verb is no part of it.
        if let p = adverbialStart(t, endingAt: j, lo: lo) { j = p - 1 }
        // `Rep. Carla Brightwater of Ashby Falls, who said …`: `who` after a comma stands for the
        // person named just before it (an organisation takes `which`).
        if t[j].isWord, t[j].hash == Words.who, j - 2 >= lo, t[j - 1].isMark(0x2C) {
            let named = mentions.nearestEntry(before: t[j - 1].start, floor: t[max(lo, j - 8)].start, kinds: [.person])
            if let named { return named.isPronoun ? nil : named.range.start..<named.range.end }
            // `said the officials, who added that …`: an unnamed description, from its article; not
            // when the clause asks not to be named (`one surgeon, who asked not to be named`).
            var d = j - 2
            while d > lo, j - 2 - d < 3, t[d].isWord, !t[d].isCapitalized, wordClass(t[d]) & C.determiner == 0 { d -= 1 }
            guard d < j - 2, t[d].isWord, wordClass(t[d]) & C.determiner != 0,
                isHeadOfDescription(t[j - 2]), !marksAnonymity(t, (j + 1)..<min(t.count, j + 12))
            else { return nil }
            return t[d].start..<t[j - 2].end
        }
        // `It was the mayor who said`, `People who said`: with no comma before it, `who` follows
        // its subject.
        if t[j].isWord, t[j].hash == Words.who, j - 1 >= lo, t[j - 1].isWord { j -= 1 }
        // Where an appositive that says the subject is not named ends: it is part of the subject.
        var unnamedEnd: Int?
        if t[j].isMark(0x2C) {
            // `After the meeting, Tomas Ekberg issued a statement, saying “…”`: a participle after a
            // comma shares the subject of the clause before it, which a name or pronoun opens.
            if progressive,
                let subject = clauseSubject(t, before: j, lo: lo) ?? openingName(t, lo: lo, before: j)
                    ?? openingDescription(t, lo: lo, before: j)
            {
                return subject
            }
            // `During the call, he asked about the group, called her a “traitor” and said`: a verb
            // right after a comma shares the subject of the clause before it when that clause opens
            // with `he`, `she` or `they` and a lowercase word (no appositive opens so), unless the
            // verb stands before its own speaker (`They were wrong, said the minister.`; not `called
            // the plan` where the words end before a quotation).
            if let subject = coordinatedPronoun(t, before: j, lo: lo), cue + 1 < t.count,
                invertedSpeaker(t, from: cue + 1).map({ $0.upperBound < t[t.count - 1].end }) != true
            {
                return subject
            }
            // `Anna Varga, the mayor of Lindholm, said`: the subject is before the appositive.
            var k = j - 1
            while k >= lo, !t[k].isMark(0x2C), j - k < 40 {
                // Words, and the marks inside a name or description: `Dr.`, `Workers'`, `co-author`.
                if !isInsideDescription(t[k]) { return nil }
                k -= 1
            }
            guard k >= lo, t[k].isMark(0x2C) else { return nil }
            // `The Port Authority, which owns the terminal and leases berths to Esker Island Transit,
            // which operates the ferry, said`: relative clauses after commas describe the name
            // before the first of them, not the last name inside them.
            if k + 1 < j, t[k + 1].isWord, t[k + 1].hash == Words.which,
                let f = (lo..<k).first(where: { t[$0].isMark(0x2C) && t[$0 + 1].isWord && t[$0 + 1].hash == Words.which }),
                case let s0 = (lo..<f).last(where: { t[$0].isMark(0x2C) }).map({ $0 + 1 }) ?? lo,
                s0 < f, f - s0 <= 8, t[s0].isWord, opensSpeaker(t[s0]), (s0..<f).allSatisfy({ isInsideDescription(t[$0]) })
            {
                return t[s0].start..<t[f - 1].end
            }
            // A long appositive describes: it opens with a determiner or `who`, or holds a `who`
            // (`Raymond Osei, a shop steward who has worked on the line for 22 years, said`).
            if j - k > 12, k + 1 < j {
                // So does a participle saying the speaker is unnamed (`speaking on condition of
                // anonymity because he was not authorized to discuss them`).
                let describes =
                    (t[k + 1].isWord && wordClass(t[k + 1]) & C.determiner != 0)
                    || t[(k + 1)..<j].contains { $0.isWord && $0.hash == Words.who } || opensWithTitle(t, at: k + 1, before: j)
                    // `The fund, which runs holiday clubs in some of the poorest …, said`: after a
                    // subject of a few words that opens the sentence.
                    || (t[k + 1].isWord && t[k + 1].hash == Words.which && k - lo <= 6 && (lo..<k).allSatisfy { t[$0].isWord })
                    || (isParticiple(t[k + 1]) && marksAnonymity(t, (k + 2)..<j))
                guard describes else { return nil }
            }
            // `The harbour master, Anna Varga, said`: when the appositive is the name and what
            // comes before it a description, the name is the subject.
            // What comes before may name an office (`the Minister for Rivers, Ailsa Brennock`), not a person.
            // A person there is whom the description serves (`A spokeswoman for Pike, Lorraine Abbey,`).
            // But `Prince Andrew, the younger brother of the heir, Charles, has told`: a person named
            // where the clause opens, a description that a determiner opens, then the second name:
            // the description is the first person's, and the second name belongs to it.
            if k + 1 < j, t[k + 1].isCapitalized, let d = (lo..<k).last(where: { t[$0].isMark(0x2C) }), d > lo, d + 1 < k,
                t[d + 1].isWord, wordClass(t[d + 1]) & C.determiner != 0, t[(d + 1)..<k].allSatisfy({ isInsideDescription($0) }),
                let (first, firstEnd) = name(t, from: lo), firstEnd == d - 1, isPerson(first)
            {
                return first
            }
            if k + 1 < j, t[k + 1].isCapitalized, let name = namedMention(in: t[k + 1].start..<t[j - 1].end),
                mentions.entity(overlapping: TextRange(start: t[max(lo, k - 1)].start, end: t[max(lo, k - 1)].end))
                    .map({ (mentions.entities[$0].kind != .person || servedByDescription(t, nameEnd: k - 1, lo: lo)) && isPerson(name) })
                    ?? true
            {
                return name
            }
            // `An organisation representing survivors of the collapse, the Ashcombe Bridge Families
            // Group, said`: a description a determiner opens, then the organisation's name.
            if k + 2 < j, k > lo, t[lo].isWord, wordClass(t[lo]) & C.determiner != 0, t[k + 1].isWord, t[k + 1].hash == Words.the,
                t[k + 2].isCapitalized, (lo..<k).allSatisfy({ isInsideDescription(t[$0]) }),
                let name = mentionEnding(at: t[j - 1], from: t[k + 2].start), name.lowerBound == t[k + 2].start,
                mentions.entity(overlapping: TextRange(name)).map({ mentions.entities[$0].kind == .organization }) == true
            {
                return name
            }
            // `The leader of the Heritage Party in the Assembly, Minority Leader Carla Whitcomb,
            // called`: a description a determiner opens at the clause's start, then a person named
            // after at most four capitalised words of a title.
            if k + 1 < j, k > lo, t[lo].isWord, wordClass(t[lo]) & C.determiner != 0, t[k + 1].isCapitalized,
                (lo..<k).allSatisfy({ isInsideDescription(t[$0]) }),
                let name = mentionEnding(at: t[j - 1], from: t[k + 1].start), isPerson(name),
                t[(k + 1)..<j].prefix(while: { $0.start < name.lowerBound }).count <= 4
            {
                return name
            }
            // `Another co-author, biostatistician Dr. Sofie Lindqvist-Baird, said`: a person named at
            // the end of the appositive, after at most four words of a title, when a description in
            // lowercase ends before it.
            if k + 1 < j, k > lo, t[k - 1].isWord, !t[k - 1].isCapitalized, t[k + 1].isWord, !t[k + 1].isCapitalized,
                wordClass(t[k - 1]) & C.determiner == 0, !(0x30...0x39).contains(t[k - 1].first),
                let name = mentionEnding(at: t[j - 1], from: t[k + 1].start), isPerson(name),
                case let title = t[(k + 1)..<j].prefix(while: { $0.start < name.lowerBound }), title.count <= 4,
                // Title words, not a phrase (`, of Marden Cross,`).
                title.allSatisfy({ !$0.isWord || wordClass($0) & (C.preposition | C.determiner | C.clauseStop) == 0 })
            {
                return name
            }
            // `One manager, who asked not to be identified, said`, `A nurse at one of the hospitals,
            // speaking on condition of anonymity, said`: the clause describes an unnamed speaker, and
            // belongs to the subject; so does all the clause before it when no comma comes earlier.
            // So does `a retired schoolteacher who asked not to be named`: a description whose `who` says so.
            // `A Lumora spokesperson, who declined to be named, citing company policy, said`: a
            // participle's clause after the clause that says so belongs to it too.
            if k + 1 < j, isParticiple(t[k + 1]), !marksAnonymity(t, (k + 2)..<j),
                let k2 = (lo..<k).last(where: { t[$0].isMark(0x2C) }), k2 + 2 < k, t[k2 + 1].isWord, t[k2 + 1].hash == Words.who,
                marksAnonymity(t, (k2 + 2)..<k)
            {
                k = k2
            }
            let describedUnnamed =
                k + 2 < j && t[k + 1].isWord && wordClass(t[k + 1]) & C.determiner != 0
                && t[(k + 2)..<j].contains(where: { $0.isWord && $0.hash == Words.who })
            if k + 1 < j, t[k + 1].hash == Words.who || isParticiple(t[k + 1]) || describedUnnamed, marksAnonymity(t, k + 2..<j) {
                unnamedEnd = t[j - 1].end
                if k - lo <= 14, t[lo].isWord, opensSpeaker(t[lo]), !(lo..<k).contains(where: { !t[$0].isWord }) {
                    return t[lo].start..<t[j - 1].end
                }
            }
            // `Graham Pellow, 58, of Hadley Fen, denied`, `Catriona Macleod, the MP for Glenmoray,
            // one of the largest seats, said`: up to two more appositives, each an age, a place
            // (`of Hadley Fen`) or a description a determiner opens, stand between the name and its verb.
            var skipped = 0
            while skipped < 2, k - 1 > lo, t[k - 1].isWord, let p = appositiveStart(t, endingBefore: k, lo: lo) {
                k = p
                skipped += 1
            }
            j = k - 1
        }
        // `James P. Kennedy Jr., the U.S. Attorney …, said`, `U.S. Attorney James Kennedy Jr. said`:
        // the period of `Jr.` ends the name, before an appositive or right before the verb.
        if j > lo, t[j].isMark(0x2E), isAbbreviation(t[j - 1]) { j -= 1 }
        guard j >= lo, t[j].isWord, !Words.noSubjectEnd.contains(t[j].hash) else { return nil }
        let end = j
        if wordClass(t[j]) & C.pronoun != 0 { return t[j].start..<t[j].end }
        var start = j
        var count = 0
        while j >= lo && count < 12 {
            let tok = t[j]
            if !tok.isWord {
                if tok.first == 0x2E, j - 1 >= lo, isAbbreviation(t[j - 1]) {
                    j -= 1
                    continue
                }
                // `the 61-year-old head`: a hyphen inside a word of the description.
                if tok.first == 0x2D, j - 1 >= lo, t[j - 1].isWord, start == j + 1 {
                    j -= 1
                    continue
                }
                break
            }
            let cls = wordClass(tok)
            if j != end, cls & C.clauseStop != 0, !isLink(t, at: j, start: start, lo: lo) { break }
            if j != end, cueUse(tok).contains(.direct) { break }
            start = j
            count += 1
            if cls & C.determiner != 0 {
                // `Several of the girls say`, `Many of the residents said`: a share of a group.
                if j - 2 >= lo, t[j - 1].isWord, t[j - 1].hash == Words.of, t[j - 2].isWord, Words.partitives.contains(t[j - 2].hash),
                    j - 2 == lo || !t[j - 3].isWord || wordClass(t[j - 3]) & C.pronoun == 0
                {
                    start = j - 2
                    break
                }
                // `sources close to the president`: the determiner opens the object of a link.
                guard j - 2 >= lo, isLink(t, at: j - 1, start: start, lo: lo) else { break }
            }
            j -= 1
        }
        // `A trader who sells fish at the market said`: the words before the verb end a relative
        // clause, and the subject is the description it belongs to, with the clause.
        if unnamedEnd == nil,
            let opening = relativeSubjectStart(t, before: start, through: end, lo: lo)
                ?? participleSubjectStart(t, before: start, lo: lo)
        {
            return t[opening].start..<t[end].end
        }
        // A name run stops a description: `the plan Varga said` reads `Varga`.
        if !t[start].isCapitalized, wordClass(t[start]) & C.determiner == 0, wordClass(t[start]) & C.anonymousHead == 0 {
            var k = end
            while k > start, t[k].isWord, t[k].isCapitalized { k -= 1 }
            if k < end, t[k + 1].isCapitalized { start = k + 1 } else if count > 3 { return nil }
        }
        return t[start].start..<(unnamedEnd ?? t[end].end)
    }

    /// Where a phrase of when or in what that ends at token `end` starts (`at the time`, `in a
    /// statement`, `on Monday`): `at`, `on`, `in` or `during`, at most two more words, the last a
    /// word of time or of a statement, after a word of the subject (no mark, no preposition).
    mutating func adverbialStart(_ t: [QuoteToken], endingAt end: Int, lo: Int, afterComma: Bool = false) -> Int? {
        guard end >= lo, t[end].isWord, Words.adverbialNouns.contains(t[end].hash) || Words.whenWords.contains(t[end].hash) else {
            return nil
        }
        var p = end - 1
        while p > lo, end - p <= 3, t[p].isWord, !Words.adverbialPrepositions.contains(t[p].hash) { p -= 1 }
        guard p > lo, p < end, end - p <= 3, t[p].isWord, Words.adverbialPrepositions.contains(t[p].hash),
            t[(p + 1)...end].allSatisfy(\.isWord)
        else { return nil }
        if afterComma { return t[p - 1].isMark(0x2C) ? p : nil }
        guard t[p - 1].isWord, wordClass(t[p - 1]) & (C.preposition | C.clauseStop) == 0 else { return nil }
        return p
    }

    /// Where the subject starts when the words before token `start` end a relative clause that
    /// `who` opens, with no mark in between and no other reporting verb unless the clause marks
    /// anonymity (`who asked not to be named`), and the clause follows a description of up to five
    /// words that opens the sentence or follows a comma: one a determiner opens (`The man who owns
    /// the store`) or with an unnamed head (`Residents who live nearby`). Nil otherwise (`It was
    /// Varga who said`).
    mutating func relativeSubjectStart(_ t: [QuoteToken], before start: Int, through end: Int, lo: Int) -> Int? {
        var w = start - 1
        var cue = false
        while w > lo, start - w <= 16 {
            guard t[w].isWord else { return nil }
            if cueUse(t[w]).contains(.direct) { cue = true }
            if t[w].hash == Words.who { break }
            w -= 1
        }
        guard w > lo, t[w].isWord, t[w].hash == Words.who else { return nil }
        // A reporting verb inside the clause only asks not to be named (`who asked not to be named`).
        // Or, after a description a determiner opens, a verb with an object or a short clause with
        // no auxiliary (`The staff member who reported the call recalled`, `A man who said he saw the
        // crash told police`).
        if cue, !marksAnonymity(t, (w + 1)..<(end + 1)) {
            guard w + 2 <= end, cueUse(t[w + 1]).contains(.direct),
                w >= 1, let first = descriptionStart(t, before: w, words: 5, lo: lo), wordClass(t[first]) & C.determiner != 0,
                !t[(w + 2)...end].contains(where: { Words.auxiliaries.contains($0.hash) || cueUse($0).contains(.direct) })
            else { return nil }
            return first
        }
        return descriptionStart(t, before: w, words: 5, lo: lo)
    }

    /// Where a description of up to `words` words that ends before token `end` starts, when it
    /// opens the clause (at `lo` or after a comma) and a determiner opens it or it holds an unnamed
    /// head (`The man`, `Residents`); nil when a clause word, a preposition or a pronoun stands in it.
    mutating func descriptionStart(_ t: [QuoteToken], before end: Int, words: Int, lo: Int) -> Int? {
        var first = end
        var h = end - 1
        while h >= lo, end - h <= words, t[h].isWord {
            let cls = wordClass(t[h])
            guard cls & (C.clauseStop | C.preposition | C.pronoun) == 0 else { return nil }
            first = h
            if cls & C.determiner != 0 { break }
            h -= 1
        }
        guard first < end, first == lo || t[first - 1].isMark(0x2C) else { return nil }
        let described = wordClass(t[first]) & C.determiner != 0 || t[first..<end].contains { wordClass($0) & C.anonymousHead != 0 }
        return described ? first : nil
    }

    /// Where the subject starts when the words before token `start` are a participle's phrase
    /// that follows a description opening the clause: `Residents living near the plant said`, `A
    /// man walking his dog said`, `The doctors offering to run the clinic noted`. The description
    /// is one to four words a determiner opens or that hold an unnamed head; only words lie
    /// between, and no reporting verb. Nil otherwise.
    mutating func participleSubjectStart(_ t: [QuoteToken], before start: Int, lo: Int) -> Int? {
        var p = start - 1
        while p > lo, start - p <= 10, t[p].isWord, !isParticiple(t[p]) {
            if !cueUse(t[p]).isDisjoint(with: [.direct, .indirect]) { return nil }
            p -= 1
        }
        guard p > lo, t[p].isWord, isParticiple(t[p]), !t[p].isCapitalized else { return nil }
        return descriptionStart(t, before: p, words: 4, lo: lo)
    }

    /// The subject that opens the words from token `lo` up to `end`, read before its verb: a
    /// pronoun before a lowercase word, or the subject of one of the first three lowercase words
    /// after a name or a comma, when that subject opens the words or follows a comma: the first
    /// that is a person, or else the first that is named (`An FTC spokesman, Colin Ashdown,
    /// declined` reads Ashdown, not the FTC; `On Tuesday, Varga declined`). None when a relative
    /// clause lies in the words (`…, which kicks off in June and concludes …`).
    mutating func openingSubject(_ t: [QuoteToken], before end: Int, lo: Int) -> Range<Int>? {
        guard lo + 1 < end, t[lo].isWord else { return nil }
        // `…, which kicks off in June and concludes …`: the verb's subject is the relative's.
        if t[lo..<end].contains(where: { $0.isWord && Words.relatives.contains($0.hash) }) { return nil }
        if wordClass(t[lo]) & C.pronoun != 0 { return t[lo + 1].isWord && !t[lo + 1].isCapitalized ? t[lo].start..<t[lo].end : nil }
        var tried = 0
        var p = lo + 1
        var named: Range<Int>?
        while p < end, tried < 3 {
            if t[p].isWord, !t[p].isCapitalized,
                wordClass(t[p]) & (C.determiner | C.preposition | C.clauseStop) == 0 || Words.auxiliaries.contains(t[p].hash),
                t[p - 1].isMark(0x2C) || (t[p - 1].isWord && t[p - 1].isCapitalized)
            {
                tried += 1
                // The subject opens the words or follows a comma (`On Tuesday, Varga`), not `the HLS program`.
                if let subject = backwardSubject(t, cue: p, lo: lo), let f = t.firstIndex(where: { $0.start == subject.lowerBound }),
                    f == lo || t[f - 1].isMark(0x2C)
                {
                    if isPerson(subject) { return subject }
                    if named == nil, mentions.entity(overlapping: TextRange(subject)) != nil { named = subject }
                }
            }
            p += 1
        }
        return named
    }

    /// Whether the words at `range` name a person entity.
    func isPerson(_ range: Range<Int>) -> Bool {
        mentions.entity(overlapping: TextRange(range)).map { mentions.entities[$0].kind == .person } ?? false
    }

    /// Whether the capitalised words ending at token `nameEnd` follow `for` or `to` after a title or
    /// an unnamed head (`a spokeswoman for Pike`, `an aide to Governor Lund`, `a spokeswoman for the
    /// governor`): a description of someone who works for that person, not the person.
    mutating func servedByDescription(_ t: [QuoteToken], nameEnd: Int, lo: Int) -> Bool {
        var m = nameEnd
        while m - 1 >= lo, t[m - 1].isWord, t[m - 1].isCapitalized { m -= 1 }
        // `A spokeswoman for the governor, Dana Kessler,`: a title with `the` in place of the name.
        if m == nameEnd, !t[m].isCapitalized, m - 1 >= lo, t[m - 1].isWord, t[m - 1].hash == Words.the { m -= 1 }
        guard m - 2 >= lo, t[m - 1].isWord, t[m - 1].hash == Words.for || t[m - 1].hash == Words.to, t[m - 2].isWord else { return false }
        return isHeadOfDescription(t[m - 2])
    }

    /// Whether a word can end an unnamed description: an unnamed head (`spokeswoman`, `officials`)
    /// or a title (`lawyer`, `representative`).
    mutating func isHeadOfDescription(_ t: QuoteToken) -> Bool { wordClass(t) & C.anonymousHead != 0 || isTitle(t) }

    /// The name after `<a> [word] <document> [filed|issued|…] from|by [the]` at token `k`, when it
    /// is an entity's.
    mutating func documentFrom(_ t: [QuoteToken], at k: Int) -> Range<Int>? {
        guard k + 3 < t.count, t[k].isWord, wordClass(t[k]) & C.determiner != 0 else { return nil }
        var j = k + 1
        if j + 1 < t.count, t[j].isWord, !t[j].isCapitalized, !Words.documents.contains(t[j].hash) { j += 1 }
        guard j < t.count, t[j].isWord, Words.documents.contains(t[j].hash) else { return nil }
        j += 1
        if j < t.count, t[j].isWord, Words.authoring.contains(t[j].hash) { j += 1 }
        guard j < t.count, t[j].isWord, t[j].hash == Words.from || t[j].hash == Words.by else { return nil }
        j += 1
        if j + 1 < t.count, t[j].isWord, t[j].hash == Words.the, t[j + 1].isCapitalized { j += 1 }
        guard j < t.count, t[j].isWord, t[j].isCapitalized, let (name, _) = name(t, from: j),
            mentions.entity(overlapping: TextRange(name)) != nil
        else { return nil }
        return name
    }

    /// Whether a token may stand inside a name or a description between commas: a word, or the
    /// marks of `Dr.`, `Workers'`, `co-author`, `£94,000`, `40%`, `the Popular Left (EP)`.
    func isInsideDescription(_ t: QuoteToken) -> Bool {
        if t.isWord { return true }
        switch t.first {
        case 0x2E, 0x27, 0x2019, 0x2D, 0x24, 0xA3, 0x20AC, 0x25, 0x26, 0x2F, 0x28, 0x29: return true
        default: return false
        }
    }

    /// Whether the words from token `i` (up to `end`) open with a title in lowercase, after at
    /// most one modifier: `senior economist at …`, `general secretary of …`.
    mutating func opensWithTitle(_ t: [QuoteToken], at i: Int, before end: Int) -> Bool {
        guard i < end, t[i].isWord, !t[i].isCapitalized else { return false }
        return isTitle(t[i]) || (i + 1 < end && t[i + 1].isWord && !t[i + 1].isCapitalized && isTitle(t[i + 1]))
    }

    /// The comma that opens an appositive ending at the comma `comma`, when the words between are
    /// an age (`58`), a home (`of Hadley Fen`), a description a determiner opens (`the MP for
    /// Glenmoray`, `one of the largest seats`) or one a lowercase title opens (`senior economist at
    /// …`), of at most 16 words; nil otherwise.
    mutating func appositiveStart(_ t: [QuoteToken], endingBefore comma: Int, lo: Int) -> Int? {
        var p = comma - 1
        while p >= lo, !t[p].isMark(0x2C) {
            guard isInsideDescription(t[p]) else { return nil }
            p -= 1
        }
        guard p > lo, comma - p <= 17, p + 1 < comma, t[p + 1].isWord, t[p - 1].isWord else { return nil }
        let first = t[p + 1]
        let age = comma == p + 2 && (0x30...0x39).contains(v(first.start))
        let home = first.hash == Words.of && !first.isCapitalized && p + 2 < comma && t[p + 2].isCapitalized
        let described = !first.isCapitalized && wordClass(first) & C.determiner != 0
        // `Dr Samir Haddad, senior economist at the Fairbridge Institute, a think tank, said`: a
        // title in lowercase, after at most one modifier, opens a description too.
        let titled = opensWithTitle(t, at: p + 1, before: comma)
        guard age || home || described || titled else { return nil }
        // What comes before must be a name that opens the sentence or follows a comma: capitalised
        // words, not a phrase (`On Monday, the People's Daily, …`, `According to AFP, one user, …`).
        var q = p - 1
        while q > lo, !t[q - 1].isMark(0x2C), p - q < 6 { q -= 1 }
        guard q == lo || t[q - 1].isMark(0x2C), wordClass(t[q]) & (C.preposition | C.clauseStop) == 0,
            (q..<p).allSatisfy({ (t[$0].isWord && t[$0].isCapitalized) || t[$0].isMark(0x2E) })
        else { return nil }
        return p
    }

    /// The person or organisation named where the words from `lo` open, after at most a title
    /// (`Lead negotiator Piet Varga announced …`, `U.N. special envoy Tomas Ekwueme`, `Castellane,
    /// a former ambassador, struck …`), followed by a lowercase word or a comma: the subject a
    /// participle after a later comma shares when the clause just before that comma is an
    /// appositive or a phrase (`… in Orsk, the capital of the province, telling reporters …`).
    /// None after a preposition or a verb (`After meeting Piet Varga, …`).
    mutating func openingName(_ t: [QuoteToken], lo: Int, before end: Int) -> Range<Int>? {
        // An organisation may open a title (`U.N. special envoy Tomas Ekwueme`): kept in case no
        // person follows.
        var organisation: Range<Int>?
        var i = lo
        while i < end, i < lo + 8 {
            if t[i].isMark(0x2E) {
                i += 1
                continue
            }
            guard t[i].isWord else { return organisation }
            if t[i].isCapitalized {
                guard let (range, e) = name(t, from: i) else { return organisation }
                if let m = mentions.entity(overlapping: TextRange(range)),
                    mentions.entities[m].kind == .person || mentions.entities[m].kind == .organization
                {
                    let follows = e + 1 < end && ((t[e + 1].isWord && !t[e + 1].isCapitalized) || t[e + 1].isMark(0x2C))
                    if mentions.entities[m].kind == .person { return follows ? range : organisation }
                    if follows, organisation == nil { organisation = range }
                }
                i = e + 1
                continue
            }
            // Lowercase words of a title (`special envoy`), not a preposition, a clause word or a participle.
            if wordClass(t[i]) & (C.preposition | C.clauseStop | C.pronoun) != 0 || isParticiple(t[i]) { return organisation }
            i += 1
        }
        return organisation
    }

    /// `A representative for Ashby, 38, issued a statement, adding …`: a description opening the
    /// words before `end` (an article, up to three lowercase words ending in an unnamed head or a
    /// title, `for`, `to` or `of` and a name, an age between commas) and then a lowercase verb.
    mutating func openingDescription(_ t: [QuoteToken], lo: Int, before end: Int) -> Range<Int>? {
        guard lo + 2 < end, t[lo].isWord, wordClass(t[lo]) & C.determiner != 0 else { return nil }
        var i = lo + 1
        var head: Int?
        while i < end, i <= lo + 3, t[i].isWord, !t[i].isCapitalized, wordClass(t[i]) & (C.preposition | C.clauseStop) == 0 {
            if isHeadOfDescription(t[i]) { head = i }
            i += 1
        }
        guard let head else { return nil }
        // `The chairman sat me down`: the verb follows the head.
        i = head + 1
        var last = head
        if i + 1 < end, t[i].isWord, t[i].hash == Words.for || t[i].hash == Words.to || t[i].hash == Words.of, t[i + 1].isCapitalized,
            let (_, e) = name(t, from: i + 1)
        {
            last = e
            i = e + 1
        }
        // An age between commas.
        if i + 2 < end, t[i].isMark(0x2C), !t[i + 1].isWord || (0x30...0x39).contains(t[i + 1].first), t[i + 2].isMark(0x2C) { i += 3 }
        guard i < end, t[i].isWord, !t[i].isCapitalized, wordClass(t[i]) & (C.preposition | C.clauseStop | C.determiner) == 0 else {
            return nil
        }
        return t[lo].start..<t[last].end
    }

    /// `he`, `she` or `they` opening the clause that ends at the comma at token `comma` (after the
    /// comma before it, or at `lo`), followed by a lowercase word: the subject of a verb the
    /// clause shares with the verb after the comma. Nil for a clause longer than 24 tokens.
    mutating func coordinatedPronoun(_ t: [QuoteToken], before comma: Int, lo: Int) -> Range<Int>? {
        var open = comma - 1
        while open > lo, comma - open < 24, !t[open - 1].isMark(0x2C) { open -= 1 }
        guard open >= lo, open + 1 < comma, open == lo || t[open - 1].isMark(0x2C), t[open].isWord,
            t[open].hash == Words.he || t[open].hash == Words.she || t[open].hash == Words.they,
            t[open + 1].isWord, !t[open + 1].isCapitalized
        else { return nil }
        return t[open].start..<t[open].end
    }

    /// The name or pronoun that opens the clause ending at the comma `comma`, when more of the
    /// clause follows it (`Tomas Ekberg issued a statement`, not `the mayor of Lindholm` alone):
    /// the clause starts after the comma before it, or at `lo`.
    mutating func clauseSubject(_ t: [QuoteToken], before comma: Int, lo: Int) -> Range<Int>? {
        var open = comma - 1
        while open > lo, !t[open - 1].isMark(0x2C) { open -= 1 }
        guard open >= lo, open < comma - 1, t[open].isWord else { return nil }
        if wordClass(t[open]) & C.pronoun != 0 { return t[open].start..<t[open].end }
        guard let (range, end) = name(t, from: open), end + 1 < comma, t[end + 1].isWord, !t[end + 1].isCapitalized,
            mentions.entity(overlapping: TextRange(range)) != nil
        else { return nil }
        return range
    }

    /// `Berg’s neighbour, Ingrid Holm, was blunter: “…”`, `Holm was blunter: “…”`, `She put it
    /// plainly: “…”`: the subject of a clause with no reporting verb that a colon closes before a
    /// quotation. It is `he` or `she` opening the clause, or a person or organisation named where
    /// the clause opens or right after a description set off by a comma, and followed by a
    /// lowercase word or a comma (not `Berg’s`, not `The question put to Holm:`).
    mutating func colonSubject(_ t: [QuoteToken]) -> Range<Int>? {
        guard let colon = t.lastIndex(where: { $0.isMark(0x3A) }), colon > 0, colon <= 40 else { return nil }
        // A long clause (`Alverson summed up the journey from a wooden boat … to the fish counter:`)
        // only by a person who opens it as the subject of its verb.
        if colon > 16 {
            guard wordClass(t[0]) & C.pronoun == 0, let (range, end) = name(t, from: 0), end + 1 < colon, !isPossessive(t[end]),
                t[end + 1].isWord, !t[end + 1].isCapitalized,
                wordClass(t[end + 1]) & (C.preposition | C.clauseStop) == 0, isPerson(range)
            else { return nil }
            return range
        }
        // `She put it plainly:`, `As she put it:`.
        let o = t[0].isWord && Words.leadIns.contains(t[0].hash) ? 1 : 0
        if t[o].isWord, t[o].hash == Words.he || t[o].hash == Words.she, colon > o + 1, t[o + 1].isWord {
            return t[o].start..<t[o].end
        }
        var starts = [0]
        if let comma = t[..<colon].firstIndex(where: { $0.isMark(0x2C) }), comma + 1 < colon { starts.append(comma + 1) }
        for start in starts {
            guard let (range, end) = name(t, from: start), end + 1 < colon, !isPossessive(t[end]),
                (t[end + 1].isWord && !t[end + 1].isCapitalized) || t[end + 1].isMark(0x2C),
                let e = mentions.entity(overlapping: TextRange(range)),
                mentions.entities[e].kind == .person || mentions.entities[e].kind == .organization
            else { continue }
            return range
        }
        return nil
    }

    /// Whether a word ends in a possessive `'s`, `’s` or a lone apostrophe (`Berg’s`, `voters'`).
    func isPossessive(_ t: QuoteToken) -> Bool {
        guard t.end - t.start >= 2 else { return false }
        let last = v(t.end - 1)
        if last == 0x27 || last == 0x2019 { return true }
        let before = v(t.end - 2)
        return (last | 0x20) == 0x73 && (before == 0x27 || before == 0x2019)
    }

    /// The pronoun of a contracted word (`he’d`, `she'll`, `they’ve`), as a range; nil for any other word.
    mutating func pronounBeforeContraction(_ t: QuoteToken) -> Range<Int>? {
        guard t.isWord, t.end - t.start >= 3, t.end - t.start <= 7 else { return nil }
        var h = WordTable.seed
        for k in t.start..<t.end {
            let c = v(k)
            if c == 0x27 || c == 0x2019 {
                guard k > t.start, vocabulary.classes.value(h) & C.pronoun != 0 else { return nil }
                return t.start..<k
            }
            h = WordTable.mix(h, WordTable.fold(c))
        }
        return nil
    }

    /// Whether a word between a subject and its reporting verb is stepped over: an auxiliary or
    /// adverb of the `skipBeforeCue` list (`has also said`) or an -ly adverb (`wearily told`).
    mutating func stepsOverBeforeCue(_ t: QuoteToken) -> Bool { wordClass(t) & C.skipBeforeCue != 0 || isAdverb(t) }

    /// Whether `t` is a lowercase adverb in -ly of five letters or more (`Brooke tearfully asked`),
    /// not one of the nouns so spelled (`the family said`, `the weekly reported`).
    mutating func isAdverb(_ t: QuoteToken) -> Bool {
        guard t.isWord, !t.isCapitalized, t.end - t.start >= 5 else { return false }
        return WordTable.fold(v(t.end - 2)) == 0x6C && WordTable.fold(v(t.end - 1)) == 0x79 && !lyNouns.contains(t.hash)
    }

    /// Whether the linking word at `j` ties a name or a description together (`Bank of England`,
    /// `sources close to`, `a spokesperson for`, `the head of`) rather than starting a new clause.
    mutating func isLink(_ t: [QuoteToken], at j: Int, start: Int, lo: Int) -> Bool {
        guard j - 1 >= lo, t[j].isWord, t[j - 1].isWord, wordClass(t[j]) & C.headCut != 0 || t[j].hash == Words.to else { return false }
        // `the Office for the Western District`: the name goes on after `the`.
        let named = wordClass(t[start]) & C.determiner != 0 && start + 1 < t.count ? start + 1 : start
        if t[j - 1].isCapitalized && t[named].isCapitalized && t[j].hash != Words.to { return true }
        // `the head of the bloc`, `the director at the museum`: a title and its organisation.
        if t[j].hash == Words.of || t[j].hash == Words.at || t[j].hash == Words.for, isTitle(t[j - 1]) { return true }
        // `Capt. Luis Ferreira of the Wrenfield Fire Department`: a person and the body they belong to.
        if t[j].hash == Words.of, t[j - 1].isCapitalized, isPerson(t[j - 1].start..<t[j - 1].end) { return true }
        // `sources close to`; but `users to argue` is the verb's infinitive.
        if t[j].hash == Words.to { return wordClass(t[j - 1]) & C.anonymousMarker != 0 }
        return wordClass(t[j - 1]) & (C.anonymousHead | C.anonymousMarker) != 0
    }

    /// The entity, range and anonymity of the speaker named at `range`.
    mutating func resolve(_ range: Range<Int>) -> Speaker {
        let t = tokens(range)
        let text = TextRange(range)
        guard let first = t.first else { return Speaker(entity: nil, range: text, isAnonymous: false) }
        if t.count == 1, wordClass(first) & C.pronoun != 0 {
            let floor = floorForPronoun(at: range.lowerBound)
            let gendered = first.hash == Words.he || first.hash == Words.she
            let female = first.hash == Words.she
            let entities = mentions.entities
            // The entities analyzer's reading of the pronoun, unless an honorific gives the person
            // the other gender (`Ms Thornbury` for `he`) or the person is named nearby only inside
            // a quotation (`“… Noor had opinions …,” he says`).
            if let e = mentions.entity(overlapping: text),
                entities[e].kind != .person
                    || (!gendered || mayBe(entities[e], female: female))
                        && namedOutsideQuotations(e, before: range.lowerBound, floor: floor)
            {
                return Speaker(entity: reference(e), range: text, isAnonymous: false)
            }
            let kinds: Set<Entity.Kind>
            switch first.hash {
            case Words.he, Words.she: kinds = [.person]
            case Words.it: kinds = [.organization, .location]
            case Words.they: kinds = [.person, .organization, .group]
            default: return Speaker(entity: nil, range: text, isAnonymous: false)
            }
            // `The Commission confirmed it had opened an inquiry into the trust. “…,” it said`: with
            // no organisation named before it in its own sentence, `it` is the first organisation
            // the sentence before names, its subject, rather than the nearest.
            if first.hash == Words.it, let org = previousOrganization(of: range.lowerBound) {
                return Speaker(entity: reference(org), range: text, isAnonymous: false)
            }
            // `Asked by Haddow whether she had checked, she said`: the asker is no antecedent.
            var passedOver = quotedWords
            if gendered, let asker = askingClause(before: range.lowerBound) {
                passedOver.append(asker)
                passedOver.sort { $0.lowerBound < $1.lowerBound }
            }
            // `That partner, Dmitri Vaskov, sold his half to Castellanos. He says …`: with no person
            // named before it in its own sentence, `he` or `she` is the first fitting person of the
            // sentence before, its subject, rather than the nearest name.
            if gendered, let person = previousSubject(of: range.lowerBound, female: female, passingOver: passedOver) {
                return Speaker(entity: reference(person), range: text, isAnonymous: false)
            }
            // `she` is not a person whose given name is a man's only, nor `he` a woman's.
            let nearest = mentions.nearestEntry(before: range.lowerBound, floor: floor, kinds: kinds, outside: passedOver) {
                !gendered || self.mayBe(entities[$0], female: female)
            }
            // `Carlineo was arrested for a call he made to Omar’s office, in which he said …`: a
            // name in the possessive is no subject when a fitting person opens the words before it
            // in the sentence.
            if gendered, let nearest, nearest.range.end + 1 < n, v(nearest.range.end) == 0x2019 || v(nearest.range.end) == 0x27,
                v(nearest.range.end + 1) | 0x20 == 0x73
            {
                let sentence = self.sentence(containing: range.lowerBound, block: blockIndex(containing: range.lowerBound))
                if let earlier = mentions.nearestEntry(
                    before: nearest.range.start, floor: max(floor, sentence.lowerBound), kinds: [.person], outside: quotedWords,
                    where: { $0 != nearest.entity && self.mayBe(entities[$0], female: female) })
                {
                    return Speaker(entity: reference(earlier.entity), range: text, isAnonymous: false)
                }
            }
            // `she told reporters` with no one named in this paragraph or the two before it: in a
            // profile, the person the article is about, when one fitting person is named far more
            // often than any other.
            if nearest == nil, gendered, let main = protagonist(female: female) {
                return Speaker(entity: reference(main), range: text, isAnonymous: false)
            }
            return Speaker(entity: nearest.map { reference($0.entity) }, range: text, isAnonymous: false)
        }
        // `Fans flooded the post. One wrote: “…”`: `one` or `another` alone is one of a crowd, unnamed.
        if t.count == 1, Words.loneSpeakers.contains(first.hash) { return Speaker(entity: nil, range: text, isAnonymous: true) }
        // `Several of the girls say`: a share of a group no name says, unnamed.
        if t.count >= 4, Words.partitives.contains(first.hash), t[1].isWord, t[1].hash == Words.of, t[2].isWord,
            t[2].hash == Words.the, t[3...].allSatisfy({ $0.isWord && !$0.isCapitalized })
        {
            return Speaker(entity: nil, range: text, isAnonymous: true)
        }
        // `Two officials … spoke on condition of anonymity. One of them said`: one of a group
        // the words before described, unnamed as they were.
        if t.count == 3, Words.partitives.contains(first.hash), t[1].isWord, t[1].hash == Words.of, t[2].isWord,
            Words.groupPronouns.contains(t[2].hash)
        {
            return Speaker(entity: nil, range: text, isAnonymous: true)
        }
        // The head of the description: `a spokesperson` in `a spokesperson for the ministry`.
        var headEnd = t.count
        var marked = false
        var anonymousHead = false
        var names = 0
        for (k, tok) in t.enumerated() {
            let cls = wordClass(tok)
            if isAnonymityMarker(t, at: k, from: 0) { marked = true }
            // `Rep. Anna Berglund`: the period of an abbreviated title does not end the head.
            let titlePeriod = k > 0 && k + 1 < t.count && tok.isMark(0x2E) && isAbbreviation(t[k - 1])
            if k > 0, headEnd == t.count, cls & C.headCut != 0 || (!tok.isWord && !titlePeriod) { headEnd = k }
            if k < headEnd, tok.isWord, tok.isCapitalized, k > 0 || cls & (C.determiner | C.anonymousHead) == 0 { names += 1 }
        }
        // The head's last word is the head noun: `teachers unions` are unions, not teachers.
        if let last = t[..<headEnd].last(where: \.isWord), wordClass(last) & C.anonymousHead != 0 { anonymousHead = true }
        let head = TextRange(start: t[0].start, end: t[headEnd - 1].end)
        // `Two Kazakh officials`, `a Western diplomat`: a nationality or place before an unnamed
        // head says whose officials they are, not who speaks (`a Quillon spokeswoman` speaks for
        // the company).
        let affiliated =
            anonymousHead && !marked && names > 0
            && mentions.entity(overlapping: head).map { [.group, .location].contains(mentions.entities[$0].kind) } == true
        // `the doctors` that the entities layer joined to `Doctors for Camp Closure` name the group.
        let organisation = mentions.entity(overlapping: head).map { mentions.entities[$0].kind == .organization } == true
        let unnamed = marked || (anonymousHead && names == 0 && !organisation) || affiliated
        // `The Oscar winner`, `the Corran Vale boss`, `the Trump adviser`: a title after `the` and
        // capitalised words is a person described; the capitalised words (an award, a club, the
        // person advised) do not speak.
        if t.count >= 3, first.hash == Words.the, let title = t.last, title.isWord, !title.isCapitalized, isTitle(title),
            t[1..<(t.count - 1)].allSatisfy({ $0.isWord && $0.isCapitalized }), mentions.entity(overlapping: head) != nil
        {
            return Speaker(entity: nil, range: text, isAnonymous: false)
        }
        if !unnamed, let e = mentions.entity(overlapping: head) { return Speaker(entity: reference(e), range: text, isAnonymous: false) }
        // `One Quillon engineer, who spoke on condition of anonymity, …`: a name in the description
        // says whose the speaker is, not who; said to be unnamed, the speaker is anonymous.
        if unnamed || anonymousHead {
            return Speaker(entity: nil, range: text, isAnonymous: marked || affiliated || mentions.entity(overlapping: head) == nil)
        }
        return Speaker(entity: nil, range: text, isAnonymous: false)
    }

    func reference(_ entity: Int) -> Reference<Entity> { Reference(mentions.entities[entity].id) }

    /// Whether the person `entity` is named outside quotation marks between `floor` and `offset`.
    func namedOutsideQuotations(_ entity: Int, before offset: Int, floor: Int) -> Bool {
        mentions.nearest(before: offset, floor: floor, kinds: [.person], outside: quotedWords) { $0 == entity } != nil
    }

    /// The first person named outside quotation marks in the sentence before the one holding
    /// `offset`, when nobody is named before `offset` in its own sentence and that person may be
    /// `she` (or `he`); nil otherwise.
    mutating func previousSubject(of offset: Int, female: Bool, passingOver passed: [Range<Int>]? = nil) -> Int? {
        let current = sentence(containing: offset, block: blockIndex(containing: offset))
        if mentions.nearest(before: offset, floor: current.lowerBound, kinds: [.person], outside: passed ?? quotedWords) != nil {
            return nil
        }
        guard let previous = sentence(before: current),
            let first = mentions.firstPerson(in: previous.lowerBound..<previous.upperBound, outside: quotedWords),
            mayBe(mentions.entities[first], female: female)
        else { return nil }
        return first
    }

    /// The opening clause of the sentence holding `offset` when it asks and names its asker before
    /// `offset` (`Asked by Haddow whether she had checked the address,`): from its start to its comma.
    mutating func askingClause(before offset: Int) -> Range<Int>? {
        let current = sentence(containing: offset, block: blockIndex(containing: offset))
        let t = tokens(current.lowerBound..<offset)
        guard t.count >= 3, t[0].isWord, t[0].isCapitalized, Words.askingParticiples.contains(t[0].hash), t[1].isWord,
            t[1].hash == Words.by, let comma = t.firstIndex(where: { $0.isMark(0x2C) })
        else { return nil }
        return current.lowerBound..<t[comma].start
    }

    /// The first organisation named outside quotation marks in the sentence before the one
    /// holding `offset`, when no organisation is named before `offset` in its own sentence.
    mutating func previousOrganization(of offset: Int) -> Int? {
        let current = sentence(containing: offset, block: blockIndex(containing: offset))
        if mentions.nearest(before: offset, floor: current.lowerBound, kinds: [.organization], outside: quotedWords) != nil {
            return nil
        }
        guard let previous = sentence(before: current) else { return nil }
        return mentions.firstOrganization(in: previous.lowerBound..<previous.upperBound, outside: quotedWords)
    }

    /// The sentence that ends before the sentence `current` starts, across a paragraph break too
    /// (`sentenceBefore(_:block:)` stays inside one block), or nil at the text's start.
    mutating func sentence(before current: Range<Int>) -> Range<Int>? {
        let o = lastNonSpace(before: current.lowerBound, floor: 0)
        guard o >= 0, !Self.isSpace(v(o)) else { return nil }
        var block = blockIndex(containing: current.lowerBound)
        while block > 0, o < blocks[block].range.start { block -= 1 }
        let previous = sentence(containing: o, block: block)
        return previous.upperBound <= current.lowerBound ? previous : nil
    }

    /// The person the article is about, for `he` or `she` with no one named near: the fitting
    /// person with the most mentions, at least five and twice those of any other fitting person.
    mutating func protagonist(female: Bool) -> Int? {
        var best = -1
        var bestCount = 0
        var second = 0
        for (e, entity) in mentions.entities.enumerated() where entity.kind == .person && mayBe(entity, female: female) {
            let count = entity.mentions.count
            if count > bestCount {
                second = bestCount
                best = e
                bestCount = count
            } else if count > second {
                second = count
            }
        }
        return best >= 0 && bestCount >= 5 && bestCount >= 2 * second ? best : nil
    }

    /// How far back a pronoun may look for its person: this paragraph and the two before it.
    mutating func floorForPronoun(at offset: Int) -> Int {
        blocks[max(0, blockIndex(containing: offset) - 2)].range.start
    }
}

/// Hashes of single words the rules compare against directly.
extension QuoteScanner {
    /// The range of the one entity mention that makes up most of `span`, when there is one.
    /// The range of the mention of an entity that ends with the token `last` and starts at or after
    /// offset `from` (`Elin Varga` in `statistician Dr. Elin Varga`).
    mutating func mentionEnding(at last: QuoteToken, from: Int) -> Range<Int>? {
        guard let entity = mentions.entity(overlapping: TextRange(start: last.start, end: last.end)),
            let mention = mentions.entries.first(where: {
                $0.entity == entity && $0.range.end == last.end && $0.range.start >= from
            })
        else { return nil }
        return mention.range.start..<mention.range.end
    }

    mutating func namedMention(in span: Range<Int>) -> Range<Int>? {
        guard let entity = mentions.entity(overlapping: TextRange(span)),
            let mention = mentions.entries.first(where: {
                $0.entity == entity && $0.range.start >= span.lowerBound && $0.range.end <= span.upperBound
            }),
            (mention.range.end - mention.range.start) * 2 >= span.count
        else { return nil }
        return mention.range.start..<mention.range.end
    }
}

enum Words {
    static let who = WordTable.hash("who")
    static let which = WordTable.hash("which")
    static let wrote = WordTable.hash("wrote")
    static let told = WordTable.hash("told")
    static let say = WordTable.hash("say")
    static let comments = WordTable.hash("comments")
    static let written = WordTable.hash("written")
    static let said = WordTable.hash("said")
    static let says = WordTable.hash("says")
    static let and = WordTable.hash("and")
    static let but = WordTable.hash("but")
    static let he = WordTable.hash("he")
    static let she = WordTable.hash("she")
    static let it = WordTable.hash("it")
    static let they = WordTable.hash("they")
    static let to = WordTable.hash("to")
    static let not = WordTable.hash("not")
    static let from = WordTable.hash("from")
    static let by = WordTable.hash("by")
    static let out = WordTable.hash("out")
    static let before = WordTable.hash("before")
    static let after = WordTable.hash("after")
    static let with = WordTable.hash("with")
    /// Words of talking to someone, before `to` or `with` and the one spoken to.
    static let talking: Set<UInt64> = Set(
        ["speaking", "talking", "spoke", "talked", "speaks", "talks", "interview", "conversation", "chatting", "chat"].map(WordTable.hash))
    /// Verbs of a commitment, before `to` (`had agreed to “refrain …”`).
    static let commitments: Set<UInt64> = Set(
        ["agree", "agrees", "agreed", "promise", "promises", "promised", "pledge", "pledges", "pledged", "vow", "vows", "vowed"]
            .map(WordTable.hash))
    /// The pronouns the entities layer joins to people, by gender.
    static let feminine: Set<UInt64> = Set(["she", "her", "hers"].map(WordTable.hash))
    static let masculine: Set<UInt64> = Set(["he", "him", "his"].map(WordTable.hash))
    /// Reporting verbs that also take a thing as their object (`confirmed the appointment`). Not
    /// `denied`: a denial of a thing (`denied any wrongdoing`) is reported speech.
    static let objectVerbs: Set<UInt64> = Set(
        [
            "confirm", "confirms", "confirmed", "announce", "announces", "announced",
            "acknowledge", "acknowledges", "acknowledged", "reveal", "reveals", "revealed", "disclose", "discloses",
            "disclosed", "unveil", "unveils", "unveiled",
        ].map(WordTable.hash))
    /// Verbs that make someone speak, before that person and `to` (`prompting X to warn`).
    static let causing: Set<UInt64> = Set(
        [
            "prompt", "prompts", "prompted", "prompting", "led", "leading", "forced", "forcing", "pushed", "pushing", "spurred",
            "spurring", "caused", "causing", "allowed", "allowing", "allows", "enabled", "enabling",
        ].map(WordTable.hash))
    static let that = WordTable.hash("that")
    static let `for` = WordTable.hash("for")
    static let at = WordTable.hash("at")
    static let according = WordTable.hash("according")
    static let what = WordTable.hash("what")
    static let `as` = WordTable.hash("as")
    static let saying = WordTable.hash("saying")
    static let telling = WordTable.hash("telling")
    static let then = WordTable.hash("then")
    /// Words that put the title of a work right before it (`a report titled “…”`).
    static let titling: Set<UInt64> = Set(["titled", "entitled", "headlined", "subtitled", "captioned"].map(WordTable.hash))
    static let quoted = WordTable.hash("quoted")
    /// `as she puts it, “…”`.
    static let putting: Set<UInt64> = Set(["put", "puts"].map(WordTable.hash))
    /// Words no subject ends with: prepositions, articles and possessives (`knowledge of Epstein’s
    /// “unbecoming” behavior` after `alleged` is no speech of `of`).
    static let noSubjectEnd: Set<UInt64> = Set(
        [
            "of", "in", "on", "at", "to", "with", "for", "by", "from", "about", "over", "under", "via", "through", "during",
            "after", "before", "amid", "within", "without", "into", "the", "a", "an", "his", "her", "its", "their", "our",
            "my", "your",
        ].map(WordTable.hash))
    /// Participles that report speech after a form of `be` (`is urging`, `are warning that`).
    static let progressiveCues: Set<UInt64> = Set(
        ["urging", "warning", "insisting", "arguing", "claiming", "saying", "stressing", "demanding", "calling", "vowing"].map(
            WordTable.hash))
    /// Words for kin: `the victim's mother` is someone else than the victim.
    static let kin: Set<UInt64> = Set(
        [
            "mother", "father", "son", "daughter", "wife", "husband", "brother", "sister", "partner", "widow", "widower", "aunt",
            "uncle", "grandmother", "grandfather", "girlfriend", "boyfriend", "cousin", "parents", "family", "niece", "nephew",
            "fiancee", "fiancée", "fiance", "fiancé", "stepfather", "stepmother", "mum", "dad",
        ].map(WordTable.hash))
    /// Forms of `be`, the auxiliary of a progressive (`was saying`).
    static let beForms: Set<UInt64> = Set(["was", "were", "is", "are", "am", "been", "be"].map(WordTable.hash))
    /// Forms of `be`, `have` and the modals, which open a clause of their own after a reporting verb.
    static let auxiliaries: Set<UInt64> = Set(
        [
            "was", "were", "is", "are", "be", "been", "had", "has", "have", "would", "will", "could", "can", "should", "might",
            "may", "must",
        ].map(WordTable.hash))
    /// Participles of asking that open a sentence before their agent (`Asked by Haddow whether …,`).
    static let askingParticiples: Set<UInt64> = Set(FunctionWords.askingParticiples.map(WordTable.hash))
    /// A name, which a description withholding it (`who did not give his name`) makes unnamed.
    static let name: Set<UInt64> = Set(["name", "names", "surname"].map(WordTable.hash))
    /// Words that withhold a name before it: `not`, `declined`, `refused`, `withheld`, `without`.
    static let withholding: Set<UInt64> = Set(
        ["not", "never", "didn't", "didn’t", "declined", "refused", "withheld", "without", "wouldn't", "wouldn’t"].map(WordTable.hash))
    /// Words before a reporting verb that deny the speech (`would not say`, `never said`).
    static let negations: Set<UInt64> = Set(
        ["not", "never", "didn't", "didn’t", "won't", "won’t", "wouldn't", "wouldn’t"].map(WordTable.hash))
    /// Articles and possessives, after which a reporting word is a noun (`a note`, `their report`).
    static let nounMarkers: Set<UInt64> = Set(
        ["a", "an", "the", "his", "her", "its", "their", "our", "my", "your", "this", "these", "those", "another"].map(WordTable.hash))
    /// Verbs of writing, whose object (`posted a photo`) is no reported clause, and of adding
    /// (`adds a pinch of salt`: a thing added, not words).
    static let writing: Set<UInt64> = Set(
        ["posted", "posts", "tweeted", "tweets", "wrote", "writes", "published", "shared", "shares"].map(WordTable.hash)
    ).union(adding)
    /// `added`: after it, `the` opens a clause as often as an object (`added the talks had stalled`).
    static let adding: Set<UInt64> = Set(["add", "adds", "added"].map(WordTable.hash))
    /// Words that open a subordinate clause, which is no sentence by itself.
    static let subordinators: Set<UInt64> = Set(
        ["when", "if", "as", "after", "because", "although", "though", "while", "since", "before", "until", "once", "whenever", "unless"]
            .map(WordTable.hash))
    /// Prepositions that open an adverbial phrase before a clause (`Within an hour, …`).
    static let frontPrepositions: Set<UInt64> = Set(
        ["in", "within", "during", "after", "before", "at", "on", "for", "with", "over", "under", "amid", "throughout", "since", "by"]
            .map(WordTable.hash))
    /// Number words (`added two goals`).
    static let numberWords: Set<UInt64> = Set(
        ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty", "dozens", "hundreds"]
            .map(WordTable.hash))
    /// Words of singing or chanting before a colon and the words sung (`shout the same chant: “…”`).
    static let sung: Set<UInt64> = Set(
        [
            "sing", "sings", "sang", "singing", "chorus", "chant", "chants", "chanted", "chanting", "anthem", "lyric", "lyrics",
            "refrain", "hymn",
        ].map(WordTable.hash))
    /// `them`, `those`, `these`: the group a share of is taken from (`One of them said`).
    static let groupPronouns: Set<UInt64> = Set(["them", "those", "these"].map(WordTable.hash))
    /// Words for a share of a group before `of the` (`Several of the girls say`).
    static let partitives: Set<UInt64> = Set(
        ["several", "many", "some", "most", "few", "all", "both", "each", "none", "half", "one", "two", "three", "four", "five", "dozens"]
            .map(WordTable.hash))
    /// Prepositions of a phrase of when or in what between a subject and its verb (`The company in
    /// a statement said`).
    static let adverbialPrepositions: Set<UInt64> = Set(["at", "on", "in", "during"].map(WordTable.hash))
    /// The words of time or of a statement that end such a phrase.
    static let adverbialNouns: Set<UInt64> = Set(
        [
            "time", "moment", "weekend", "week", "month", "year", "morning", "afternoon", "evening", "night", "statement",
            "interview", "letter", "email", "post", "briefing", "release", "filing", "podcast", "speech", "point", "stage",
        ].map(WordTable.hash))
    /// Quantifiers that open a clause's subject after a verb (`said more storms were possible`,
    /// `said no such company had been registered`).
    static let quantifiers: Set<UInt64> = Set(["more", "much", "little", "few", "fewer", "less", "no"].map(WordTable.hash))
    /// Words of when that may follow a reporting verb (`said late Thursday`, `said Friday`).
    static let whenWords: Set<UInt64> = Set(
        [
            "late", "early", "overnight", "tomorrow", "tonight", "recently", "previously", "monday", "tuesday", "wednesday", "thursday",
            "friday", "saturday", "sunday",
        ].map(WordTable.hash))
    /// Words after an inverted verb's speaker that say when or where it spoke (`said the ministry
    /// in a statement`), so that the speaker closes the clause.
    static let attributionAdverbials: Set<UInt64> = Set(
        ["in", "on", "at", "during", "after", "before", "last", "yesterday", "today", "earlier", "late", "when", "while", "via", "through"]
            .map(WordTable.hash))
    /// Words that open the writer's addition after an attribution (`…, the firm said, less than a
    /// week after …`, `…, she said, while …`), not the rest of what was said.
    static let appendages: Set<UInt64> = contrasts.union(
        [
            "which", "who", "as", "after", "before", "because", "since", "when", "less", "more", "and", "or", "according", "amid",
            "despite", "even", "just", "only", "ever", "than", "so", "then", "where", "whether", "if", "unless", "until",
        ].map(WordTable.hash))
    static let the = WordTable.hash("the")
    /// Documents that speak for whoever gave them (`the statement said`).
    static let documents: Set<UInt64> = Set(
        [
            "statement", "report", "release", "filing", "letter", "memo", "announcement", "notice", "post", "tweet", "note", "study",
            "analysis", "document", "caption", "complaint", "submission", "indictment", "affidavit", "lawsuit", "email",
        ].map(WordTable.hash))
    static let indefinite: Set<UInt64> = Set(["a", "an"].map(WordTable.hash))
    static let of = WordTable.hash("of")
    static let `in` = WordTable.hash("in")
    static let own = WordTable.hash("own")
    static let words = WordTable.hash("words")
    static let known = WordTable.hash("known")
    /// `-year-old`, as scalars: the end of an age written as one word (`the 38-year-old`).
    static let yearOld: [UInt32] = Array("-year-old".unicodeScalars.map(\.value))
    /// What a quotation was, said of its speaker in the sentence after it: `the verdict of X`.
    static let verdicts: Set<UInt64> = Set(
        ["assessment", "verdict", "words", "view", "reaction", "response", "message", "warning", "plea", "summary"].map(WordTable.hash))
    /// Verbs that name a document's author before `by`: `written by`, `signed by`.
    static let authoring: Set<UInt64> = Set(
        ["written", "signed", "authored", "drafted", "sent", "filed", "issued", "prepared", "compiled", "published", "released"]
            .map(WordTable.hash))
    /// The verbs that make a post, a tweet or a caption: `The post read` is whoever `posted`.
    static let documentVerbs: [UInt64: Set<UInt64>] = [
        WordTable.hash("post"): Set(["posted", "shared", "wrote"].map(WordTable.hash)),
        WordTable.hash("tweet"): Set(["tweeted", "posted", "wrote"].map(WordTable.hash)),
        WordTable.hash("caption"): Set(["posted", "shared", "captioned", "uploaded"].map(WordTable.hash)),
    ]
    /// Speakers that are one of a crowd: `One wrote:`, `Another said`.
    static let loneSpeakers: Set<UInt64> = Set(["one", "another"].map(WordTable.hash))
    /// Verbs that characterise their object `as` something: `views the law as “…”`.
    static let characterising: Set<UInt64> = Set(
        [
            "view", "views", "viewed", "see", "sees", "saw", "regard", "regards", "regarded", "consider", "considers", "considered",
            "introduce", "introduces", "introduced", "hail", "hails", "hailed", "portray", "portrays", "portrayed", "characterise",
            "characterises", "characterised", "characterize", "characterizes", "characterized",
        ].map(WordTable.hash))
    /// Participles that name what follows them after a noun: `a technique called “…”`.
    static let namingParticiples: Set<UInt64> = Set(["called", "named", "termed", "dubbed", "labelled", "labeled"].map(WordTable.hash))
    /// The words of someone speaking in the first person, subject or not.
    static let firstPersonWords: Set<UInt64> = Set(["i", "me", "my", "we", "us", "our"].map(WordTable.hash))
    static let possessiveDeterminers: Set<UInt64> = Set(["its", "their", "his", "her"].map(WordTable.hash))
    static let about = WordTable.hash("about")
    /// Words that open a phrase of when after a reporting verb: `said on Wednesday`, `said last week`.
    static let dayPrepositions: Set<UInt64> = Set(["on", "last"].map(WordTable.hash))
    static let week = WordTable.hash("week")
    static let read = WordTable.hash("read")
    static let reads = WordTable.hash("reads")
    /// Reporting words that are as often nouns (`a conference call`, `the latest report`).
    static let nounVerbs: Set<UInt64> = Set(
        [
            "call", "calls", "report", "reports", "note", "notes", "claim", "claims", "promise", "promises", "reply", "replies",
            "answer", "answers", "tweet", "tweets", "post", "posts", "label", "labels", "term", "terms", "vow", "vows", "pledge",
            "pledges", "comments", "statement",
        ].map(WordTable.hash))
    /// Words that may open a clause before its subject: `As she put it:`.
    static let leadIns: Set<UInt64> = Set(["as", "but", "and", "then", "so"].map(WordTable.hash))
    /// Things a title-cased quotation before them names (`its “…” advertising campaign`).
    static let namedThings: Set<UInt64> = Set(
        [
            "campaign", "campaigns", "slogan", "initiative", "programme", "program", "scheme", "tour", "brand", "series", "project",
            "festival",
        ]
        .map(WordTable.hash))
    /// Words that open a relative clause.
    static let relatives: Set<UInt64> = Set(["which", "who", "whom", "whose", "that", "where"].map(WordTable.hash))
    /// The writer in the first person (`When I asked …`), whose questions are no one's reported speech.
    static let firstPerson: Set<UInt64> = Set(["i", "we"].map(WordTable.hash))
    /// Words that open a contrasting clause after a comma, which ends reported speech.
    static let contrasts: Set<UInt64> = Set(["while", "whereas", "although", "though", "but"].map(WordTable.hash))
}

/// Words in -ly that name a speaker rather than say how they spoke.
private let lyNouns: Set<UInt64> = Set(
    [
        "family", "rally", "assembly", "supply", "reply", "anomaly", "monopoly", "belly", "bully", "jelly", "holly", "folly",
        "daily", "weekly", "monthly", "quarterly", "yearly", "elderly", "ally",
    ].map(WordTable.hash))
