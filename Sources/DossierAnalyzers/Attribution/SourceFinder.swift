import DossierCore

/// Finds what an article rests on: listed sources, links, embedded posts, people and
/// organisations quoted, outlets credited, documents cited and unnamed sources; and vague
/// attributions ("experts say") as findings.
///
/// Works on the document's scalar units and one token array; strings are built only for the
/// names of the sources it returns. An article longer than `TextWindows.defaultLimit` scalars is
/// tokenized one window at a time (windows end at sentence ends), so the tokens (16 bytes a
/// word) take bounded memory; an ordinary article is one window.
struct SourceFinder<U: FixedWidthInteger & UnsignedInteger> {
    let units: ScalarBuffer.Units<U>
    let document: Document
    let vocabulary: AttributionVocabulary
    let mentions: MentionIndex
    let findVague: Bool
    let windowLimit: Int

    private var tokens: [TextToken] = []
    /// The scalars `tokens` covers.
    private var tokenWindow = 0..<0
    /// Unnamed speakers already made sources, by their lowercased wording.
    private var unnamedByName: [String: Int] = [:]
    /// The wordings of the anonymous speakers taken (lowercased).
    private var anonymousByName: Set<String> = []
    private let blocks: BlockIndex
    private(set) var sources: [SourceAnnotation] = []
    private(set) var findings: [Finding] = []
    /// Entity index → position in `sources`, so an entity is one source however often it speaks.
    private var byEntity: [Int: Int] = [:]
    /// The paragraphs that are "Read more: …" entries; their links belong to the entry.
    private var readMore: [TextRange] = []

    init(
        units: ScalarBuffer.Units<U>, document: Document, vocabulary: AttributionVocabulary, findVague: Bool,
        windowLimit: Int = TextWindows.defaultLimit
    ) {
        self.units = units
        self.windowLimit = windowLimit
        self.document = document
        self.vocabulary = vocabulary
        self.mentions = MentionIndex(document.annotations.entities)
        self.findVague = findVague
        blocks = BlockIndex(document, length: units.count)
    }

    mutating func run() {
        listed()
        readMoreEntries()
        links()
        posts()
        let windows = TextWindows.windows(of: document, limit: windowLimit)
        // The sources found from blocks and links, sorted once: unnamed speakers must not overlap them.
        let blockSources = RangeList(sources.compactMap(\.range))
        for window in windows {
            tokens.removeAll(keepingCapacity: true)
            TextTokenizer.tokenize(units, range: window.clamped(to: 0..<units.count), into: &tokens)
            tokenWindow = window
            let firstSource = sources.count
            let firstFinding = findings.count
            // Vague attributions first: an unnamed speaker that is a vague group (`Some tenants
            // say …`) is no anonymous source.
            if findVague { tokens.withUnsafeBufferPointer { t in vague(t) } }
            let vagueRanges = RangeList(findings[firstFinding...].compactMap(\.range))
            speakers(in: window, whole: windows.count == 1, vague: vagueRanges)
            tokens.withUnsafeBufferPointer { t in
                outlets(t)
                documents(t, vague: vagueRanges)
                anonymous(t)
                // What is taken already: the sources from blocks and links, and those found in
                // this window (the vague attributions among them).
                let found = RangeList(sources[firstSource...].compactMap(\.range) + findings[firstFinding...].compactMap(\.range))
                unnamedSpeakers(t, in: window, whole: windows.count == 1, taken: [blockSources, found])
            }
        }
        sources.sort { ($0.range?.start ?? Int.max, $0.range?.end ?? 0) < ($1.range?.start ?? Int.max, $1.range?.end ?? 0) }
    }

    // MARK: Blocks and links

    private mutating func kind(at offset: Int) -> BlockKind? { blocks.block(at: offset)?.kind }

    private mutating func trimmed(_ range: TextRange) -> TextRange {
        var s = range.start
        var e = range.end
        while s < e, Self.isSpace(units[s]) { s += 1 }
        while e > s, Self.isSpace(units[e - 1]) { e -= 1 }
        return TextRange(start: s, end: e)
    }

    private static func isClause(_ u: UInt32) -> Bool {
        let v = UInt32(truncatingIfNeeded: u)
        return v == 0x2C || v == 0x2E || v == 0x3B || v == 0x3A || v == 0x29
    }

    private static func isSpace(_ u: UInt32) -> Bool {
        let v = UInt32(truncatingIfNeeded: u)
        return v == 0x20 || v == 0x0A || v == 0x09 || v == 0x0D || v == 0xA0 || v == 0x2D || v == 0x2022 || v == 0x2A
    }

    private mutating func text(_ range: TextRange) -> String { document.text(in: range) }

    private mutating func listed() {
        for block in blocks.blocks where block.kind == .sourcesSection {
            let range = trimmed(block.range)
            guard !range.isEmpty else { continue }
            let url = document.links.first { $0.range.map { block.range.contains($0) } ?? false }?.url
            sources.append(SourceAnnotation(name: String(text(range).prefix(300)), url: url, kind: .listed, range: range))
        }
    }

    /// Where the entry of a "Read more: …" paragraph starts, after its cue and separator.
    private mutating func readMoreEntry(_ block: TextRange) -> Int? {
        var start = block.start
        while start < block.end, Self.isSpace(units[start]) { start += 1 }
        cues: for (cue, bare) in ReadMoreCue.all where start + cue.count < block.end {
            for (k, c) in cue.enumerated() where WordTable.fold(UInt32(truncatingIfNeeded: units[start + k])) != c { continue cues }
            var p = start + cue.count
            while p < block.end, UInt32(truncatingIfNeeded: units[p]) == 0x20 { p += 1 }
            guard p < block.end else { return nil }
            switch UInt32(truncatingIfNeeded: units[p]) {
            case 0x3A, 0x2D, 0x2013, 0x2014, 0x7C, 0xBB: return p + 1  // : - – — | »
            default:
                // "Read more about …" is a sentence only when nothing separates; a bare cue must end a word.
                if bare && p > start + cue.count { return p }
            }
        }
        return nil
    }

    /// "Read more: …", "See also: …" and the like: each a listed source, its link its address.
    private mutating func readMoreEntries() {
        for block in blocks.blocks where block.kind == .paragraph || block.kind == .listItem {
            guard let entryStart = readMoreEntry(block.range) else { continue }
            let entry = trimmed(TextRange(start: entryStart, end: block.range.end))
            guard !entry.isEmpty else { continue }
            let link = document.links.first { $0.range.map { block.range.contains($0) } ?? false }
            // The entry's title is its text before the address when the address ends the line.
            var title = entry
            if let r = link?.range, r.start > entry.start, entry.contains(r) {
                title = trimmed(TextRange(start: entry.start, end: r.start))
            }
            let name = title.isEmpty ? (link?.url ?? text(entry)) : text(title)
            readMore.append(block.range)
            sources.append(SourceAnnotation(name: String(name.prefix(300)), url: link?.url, kind: .listed, range: entry))
        }
    }

    private mutating func links() {
        for link in document.links {
            guard let range = link.range, link.origin == .hyperlink, let url = link.url else { continue }
            if let k = kind(at: range.start), k == .sourcesSection || k == .embeddedPost { continue }
            if readMore.contains(where: { $0.contains(range) }) { continue }
            let name = link.text.isEmpty ? url : link.text
            sources.append(SourceAnnotation(name: name, url: url, kind: .link, range: range))
        }
    }

    // MARK: Embedded posts

    private mutating func posts() {
        for block in blocks.blocks where block.kind == .embeddedPost {
            var post = SourceAnnotation(name: "", kind: .socialPost, range: trimmed(block.range))
            let links = document.links.filter { $0.range.map { block.range.contains($0) } ?? false }
            let link = links.first { $0.url?.contains("/status") ?? false } ?? links.first
            post.url = link?.url
            if let signature = PostSignature.parse(units, in: block.range) {
                post.name = text(signature.author)
                post.handle = signature.handle.map { "@" + text($0) }
                if let date = signature.date { post.date = PostSignature.isoDate(text(date)) ?? text(date) }
                if let e = mentions.entity(overlapping: signature.author) {
                    post.entity = Reference(document.annotations.entities[e].id)
                    byEntity[e] = sources.count
                }
                post.range = TextRange(start: signature.author.start, end: signature.end)
            }
            post.platform = PostSignature.platform(of: links.compactMap(\.url), handle: post.handle)
            if post.name.isEmpty { post.name = post.handle ?? post.url ?? "embedded post" }
            sources.append(post)
        }
    }

    // MARK: Speakers

    /// The speakers of the quotes that start in `window` (every quote when it is the whole text).
    private mutating func speakers(in window: Range<Int>, whole: Bool, vague: RangeList) {
        let entities = document.annotations.entities
        for quote in document.annotations.quotes where quote.isSpeech && (whole || window.contains(quote.range.start)) {
            if kind(at: quote.range.start) == .embeddedPost { continue }
            if quote.isAnonymous {
                guard let range = quote.speakerRange, !vague.overlaps(range), !isInstitution(range), !isAffiliated(range) else { continue }
                // `the aide`, `One of the diplomats`: someone the article introduced, so no new source.
                if !hasAnonymityMarker(range) && UnnamedSpeakerWording.refersBack(text(range)) { continue }
                if sources.contains(where: { $0.kind == .anonymous && $0.range == range }) { continue }
                // One source per wording (`American officials` said three times).
                let name = text(range)
                let key = name.lowercased()
                if anonymousByName.contains(key) { continue }
                anonymousByName.insert(key)
                sources.append(SourceAnnotation(name: name, kind: .anonymous, range: range))
                continue
            }
            guard let speaker = quote.speaker?.id, let e = entities.firstIndex(where: { $0.id == speaker }) else { continue }
            if byEntity[e] != nil { continue }
            let entity = entities[e]
            let kind: SourceKind =
                entity.kind == .person ? .person : (isOutlet(entity.mentions.first?.range) ? .outlet : .organization)
            byEntity[e] = sources.count
            sources.append(
                SourceAnnotation(
                    name: entity.name, kind: kind, range: quote.speakerRange ?? entity.mentions.first?.range, entity: Reference(entity.id)))
        }
    }

    /// Speakers that are no entity and no unnamed source, and not a vague group: "the council
    /// says", "according to the transport department", "Council engineer Dr. Tomas Brandt told
    /// reporters". Each distinct wording is one source: an organization when its last word is an
    /// institution's head noun, a person when it ends in a capitalised name, else `other`.
    private mutating func unnamedSpeakers(_ t: UnsafeBufferPointer<TextToken>, in window: Range<Int>, whole: Bool, taken: [RangeList]) {
        // What is taken already (the sources found so far and the vague attributions) is sorted, so
        // each speaker is checked by a binary search, not a scan of both lists (quadratic on long articles).
        var added: [TextRange] = []
        func isTaken(_ range: TextRange) -> Bool {
            taken.contains { $0.overlaps(range) } || added.contains { $0.overlaps(range) }
        }
        for quote in document.annotations.quotes where quote.isSpeech && quote.speaker == nil {
            guard let raw = quote.speakerRange, whole || window.contains(raw.start), kind(at: quote.range.start) != .embeddedPost else {
                continue
            }
            let affiliated = quote.isAnonymous && isAffiliated(raw)
            if quote.isAnonymous && !isInstitution(raw) && !affiliated { continue }
            let range = trimmed(raw)
            guard !range.isEmpty, !isTaken(range) else { continue }
            var i = t.firstIndex(startingAtOrAfter: range.start)
            var words: [Int] = []
            while i < t.count && t[i].end <= range.end {
                if t[i].shape.contains(.letter) { words.append(i) }
                i += 1
            }
            guard let last = words.last else { continue }
            let lastWord = t[last]
            var sourceKind: SourceKind
            if affiliated || vocabulary.cues.categories(ofWord: lastWord.hash) & vocabulary.body != 0 {
                sourceKind = .organization
            } else if words.count >= 2, lastWord.shape.contains(.capitalized), t[words[words.count - 2]].shape.contains(.capitalized) {
                sourceKind = .person
            } else {
                // A pronoun the quotes analyzer could not resolve, or a common noun: no source to name.
                continue
            }
            // `the explanatory notes of the British Bill`: a document named before its owner, not
            // the owner, is what speaks.
            let head = words.prefix { !SourceWords.ownerPrepositions.contains(t[$0].hash) }.prefix(3)
            if head.contains(where: { vocabulary.cues.categories(ofWord: t[$0].hash) & vocabulary.document != 0 }) {
                sourceKind = .document
            }
            let name = text(range)
            let key = name.lowercased()
            if unnamedByName[key] != nil { continue }
            unnamedByName[key] = sources.count
            added.append(range)
            sources.append(SourceAnnotation(name: String(name.prefix(200)), kind: sourceKind, range: range))
        }
    }

    private mutating func isOutlet(_ range: TextRange?) -> Bool {
        guard let range else { return false }
        func isOutlet(in t: UnsafeBufferPointer<TextToken>) -> Bool {
            let i = t.firstIndex(startingAtOrAfter: range.start)
            guard i < t.count, t[i].start == range.start else { return false }
            let m = vocabulary.outlets.match(t, at: i)
            return m.length > 0 && t[i + m.length - 1].end == range.end
        }
        if tokenWindow.contains(range.start)
            && (range.end + Self.outletReach <= tokenWindow.upperBound || tokenWindow.upperBound >= units.count)
        {
            return tokens.withUnsafeBufferPointer { isOutlet(in: $0) }
        }
        // A mention in another window of a long article: its own tokens, far enough past its end
        // for the longest outlet name to match as it would over the whole text.
        var own: [TextToken] = []
        TextTokenizer.tokenize(units, range: range.start..<min(units.count, range.end + Self.outletReach), into: &own)
        return own.withUnsafeBufferPointer { isOutlet(in: $0) }
    }

    /// How far past a mention's end an outlet name may reach, in scalars.
    private static var outletReach: Int { 256 }

    // MARK: Outlets

    private mutating func outlets(_ t: UnsafeBufferPointer<TextToken>) {
        var i = 0
        while i < t.count {
            let m = vocabulary.outlets.match(t, at: i)
            guard m.length > 0, t[i].shape.contains(.capitalized) || t[i].shape.contains(.allCaps) else {
                i += 1
                continue
            }
            let range = TextRange(start: t[i].start, end: t[i + m.length - 1].end)
            let after = i + m.length < t.count ? vocabulary.cues.categories(ofWord: t[i + m.length].hash) : 0
            let entity = mentions.entity(overlapping: range)
            let credited =
                after & vocabulary.reportVerb != 0 || follows(t, i, SourceWords.accordingTo) || follows(t, i, SourceWords.toldBy)
                || (entity.map { document.annotations.entities[$0].kind == .organization } ?? false)
            if credited, kind(at: range.start) != .sourcesSection {
                if let e = entity, let at = byEntity[e] {
                    if sources[at].kind == .organization { sources[at].kind = .outlet }
                } else {
                    if let e = entity { byEntity[e] = sources.count }
                    sources.append(
                        SourceAnnotation(
                            name: text(range), kind: .outlet, range: range,
                            entity: entity.map { Reference(document.annotations.entities[$0].id) }))
                }
            }
            i += m.length
        }
        newspapers(t)
    }

    /// Outlets not on the list, by the word that ends a newspaper's name (`the Denholm Herald`,
    /// `the Halverton Echo`): an organisation the entities layer found, credited as the listed
    /// outlets are (a reporting verb after it, `according to`, `reported by`, `an investigation by`).
    private mutating func newspapers(_ t: UnsafeBufferPointer<TextToken>) {
        guard let last = t.last, let first = t.first else { return }
        let entities = document.annotations.entities
        // The window's mentions from the index, in order (not every entity's every mention for
        // each window of a long article); an entity is credited at its first credited mention.
        var credited: Set<Int> = []
        for entry in mentions.entries(overlapping: TextRange(start: first.start, end: last.end)) {
            let e = entry.entity
            guard entities[e].kind == .organization, !credited.contains(e) else { continue }
            let range = entry.range
            guard range.start >= first.start, range.end <= last.end else { continue }
            let start = t.firstIndex(startingAtOrAfter: range.start)
            guard start < t.count, t[start].start == range.start else { continue }
            var i = start
            while i + 1 < t.count && t[i + 1].end <= range.end { i += 1 }
            guard t[i].end == range.end, t[i].shape.contains(.capitalized), SourceWords.newspaperHeads.contains(t[i].hash) else {
                continue
            }
            let after = i + 1 < t.count ? vocabulary.cues.categories(ofWord: t[i + 1].hash) : 0
            var opening = start
            if opening > 0, t[opening - 1].hash == SourceWords.the { opening -= 1 }
            let isCredited =
                after & vocabulary.reportVerb != 0 || follows(t, opening, SourceWords.accordingTo)
                || follows(t, opening, SourceWords.toldBy)
                || (opening >= 2 && t[opening - 1].hash == SourceWords.by
                    && vocabulary.cues.categories(ofWord: t[opening - 2].hash) & vocabulary.document != 0)
                || byEntity[e].map { sources[$0].kind == .organization } ?? false
            guard isCredited, kind(at: range.start) != .sourcesSection else { continue }
            credited.insert(e)
            if let at = byEntity[e] {
                if sources[at].kind == .organization { sources[at].kind = .outlet }
            } else {
                byEntity[e] = sources.count
                sources.append(
                    SourceAnnotation(name: entities[e].name, kind: .outlet, range: range, entity: Reference(entities[e].id)))
            }
        }
    }

    /// Whether the tokens just before `i` are `words`.
    private mutating func follows(_ t: UnsafeBufferPointer<TextToken>, _ i: Int, _ words: [UInt64]) -> Bool {
        guard i >= words.count else { return false }
        for (k, w) in words.enumerated() where t[i - words.count + k].hash != w { return false }
        return true
    }

    // MARK: Documents

    /// "the authority's annual report", "a Kremlin statement", "a report by the agency": a document
    /// head with a determiner or possessive before it and an owner or a specific modifier, or
    /// cited by the sentence ("according to the filing", "the study found").
    private mutating func documents(_ t: UnsafeBufferPointer<TextToken>, vague: RangeList) {
        var i = 0
        while i < t.count {
            let m = vocabulary.cues.match(t, at: i)
            // A capitalised head only opening the sentence (`Guidance issued by the department`).
            guard m.length > 0, m.categories & vocabulary.document != 0,
                !t[i].shape.contains(.capitalized) || i == 0 || !sameSentence(t, i - 1, i)
            else {
                i += 1
                continue
            }
            let head = i
            let headEnd = i + m.length
            i = headEnd
            if let k = kind(at: t[head].start), k == .heading || k == .title || k == .sourcesSection { continue }
            var start = head
            var owner = false
            var specific = false
            var anchored = false
            var k = head - 1
            var nouns = 0
            // (A capitalised head opens its sentence: nothing before it to walk back over.)
            while k >= 0 && head - k <= 5 && sameSentence(t, k, head) && !t[head].shape.contains(.capitalized) {
                let token = t[k]
                if SourceWords.determiners.contains(token.hash) {
                    start = k
                    anchored = true
                    break
                }
                if isPossessive(token) {
                    start = k
                    owner = true
                    anchored = true
                    // "the authority's": take the determiner too.
                    if k > 0, SourceWords.determiners.contains(t[k - 1].hash) { start = k - 1 }
                    break
                }
                if vocabulary.cues.categories(ofWord: token.hash) & vocabulary.documentModifier != 0 {
                    specific = true
                } else if token.shape.contains(.capitalized) || token.shape.contains(.allCaps) || token.shape.contains(.digit) {
                    owner = true
                } else if SourceWords.documentFillers.contains(token.hash) {
                    // (`the bank's most recent annual report`, `a six-page ruling`: words that
                    // only grade or measure the document are passed over.)
                } else if nouns < 2, isPlainWord(token), spaced(t, k, k + 1), !SourceWords.notModifiers.contains(token.hash),
                    !SourceWords.documentStops.contains(token.hash)
                {
                    // `a separate transport assessment`, `The consultation report`: up to two
                    // words naming what kind of document it is single it out, once a determiner
                    // or a possessive is found before them.
                    nouns += 1
                } else {
                    break
                }
                start = k
                k -= 1
            }
            // "Court filings show", "Records seen by the Courier show": a document opening the
            // sentence and cited by its verb needs no determiner.
            let opensSentence = start == 0 || !sameSentence(t, start - 1, start)
            let citedByVerb = headEnd < t.count && sameSentence(t, head, headEnd) && SourceWords.citingVerbs.contains(t[headEnd].hash)
            let singledOut =
                headEnd < t.count && sameSentence(t, head, headEnd) && SourceWords.documentParticiples.contains(t[headEnd].hash)
            // Unanchored, it needs an owner or a participle: `Court filings show`, `Guidance issued by
            // the department`, not `Studies show` (vague, not a document).
            guard anchored || (opensSentence && (citedByVerb || singledOut) && (owner || singledOut)) else { continue }
            // `our hands-on review`, `your personal data`: the writer's or the reader's, not cited.
            let ownedByReader = anchored && start < head && SourceWords.readerPossessives.contains(t[start].hash)
            // "The US reports “progress”": a plural head that can be a verb must be followed by
            // what follows a noun (a preposition, a verb of showing, or punctuation).
            if m.length == 1, SourceWords.verbLikeHeads.contains(t[head].hash) {
                let next = headEnd < t.count && sameSentence(t, head, headEnd) ? t[headEnd] : nil
                let punctuation = next == nil || (next!.start > t[head].end && Self.isClause(units[t[head].end]))
                if !punctuation && !(next.map { SourceWords.afterDocument.contains($0.hash) } ?? false) { continue }
            }
            var end = t[headEnd - 1].end
            // "a report by the agency", "data from the ministry".
            if headEnd + 1 < t.count, SourceWords.ownerPrepositions.contains(t[headEnd].hash), sameSentence(t, headEnd + 1, head) {
                var j = headEnd + 1
                if SourceWords.determiners.contains(t[j].hash), j + 1 < t.count { j += 1 }
                var last = -1
                while j < t.count && j - headEnd <= 6 && (t[j].shape.contains(.capitalized) || t[j].shape.contains(.allCaps)) {
                    last = j
                    j += 1
                }
                if last >= 0 {
                    owner = true
                    end = t[last].end
                }
            }
            // "According to the filing, …", "the study found": a bare document the sentence cites
            // (it stands for one named before, which may not be a source the rules found).
            // `said in a statement`, `wrote in a report last month`, `In a filing, the company said`:
            // the medium of what someone says is cited.
            let medium =
                start >= 1 && t[start - 1].hash == SourceWords.inWord
                && (start - 1 == 0 || !sameSentence(t, start - 2, start - 1)
                    || vocabulary.cues.categories(ofWord: t[start - 2].hash) & vocabulary.reportVerb != 0)
            let cited = follows(t, start, SourceWords.accordingTo) || citedByVerb || medium
            // "a report published last month", "a motion filed on Friday": a participle after the
            // head singles out one document.
            if singledOut { specific = true }
            // Words naming the kind of document single it out only when the head ends the noun
            // phrase (`the consultation report found`, not `the largest data breach`).
            if nouns > 0 {
                let next = headEnd < t.count && sameSentence(t, head, headEnd) ? t[headEnd] : nil
                let ends = next.map { $0.start > t[headEnd - 1].end && Self.isClause(units[t[headEnd - 1].end]) } ?? true
                let endsPhrase =
                    ends
                    || next.map {
                        $0.hash != SourceWords.and
                            && (SourceWords.afterDocument.contains($0.hash) || SourceWords.citingVerbs.contains($0.hash))
                    } ?? false
                // (`a California-based automobile data firm`: the head is a word of a longer name.)
                guard endsPhrase else { continue }
                if !SourceWords.processHeads.contains(t[head].hash) && !ownedByReader { specific = true }
            }
            guard owner || specific || cited else { continue }
            let range = TextRange(start: t[start].start, end: end)
            // `Many reports suggest`: vague, not a document to cite.
            if vague.overlaps(range) { continue }
            if sources.contains(where: { $0.range.map { $0.overlaps(range) } ?? false && $0.kind == .document }) { continue }
            let entity = mentions.entity(overlapping: range).map { Reference<Entity>(document.annotations.entities[$0].id) }
            sources.append(SourceAnnotation(name: text(range), kind: .document, range: range, entity: entity))
        }
    }

    private mutating func isPossessive(_ token: TextToken) -> Bool {
        guard token.end - token.start >= 3, !SourceWords.contractions.contains(token.hash) else { return false }
        let a = UInt32(truncatingIfNeeded: units[token.end - 2])
        let s = UInt32(truncatingIfNeeded: units[token.end - 1])
        return (a == 0x27 || a == 0x2019) && (s == 0x73 || s == 0x53)
    }

    /// Whether no sentence end lies between the tokens `a` and `b`.
    private mutating func sameSentence(_ t: UnsafeBufferPointer<TextToken>, _ a: Int, _ b: Int) -> Bool {
        let lo = min(t[a].end, t[b].end)
        let hi = max(t[a].start, t[b].start)
        guard lo < hi else { return true }
        for p in lo..<hi {
            let v = UInt32(truncatingIfNeeded: units[p])
            if v == 0x2E || v == 0x0A || v == 0x3F || v == 0x21 || v == 0x3B { return false }
        }
        return true
    }

    // MARK: Unnamed sources

    /// "a spokesperson who asked not to be named", "officials familiar with the matter".
    private mutating func anonymous(_ t: UnsafeBufferPointer<TextToken>) {
        var i = 0
        while i < t.count {
            let m = vocabulary.cues.match(t, at: i)
            guard m.length > 0, m.categories & vocabulary.anonymousMarker != 0 else {
                i += 1
                continue
            }
            let end = t[i + m.length - 1].end
            var start = -1
            var k = i - 1
            while k >= 0 && i - k <= 8 && sameSentence(t, k, i) {
                if vocabulary.cues.categories(ofWord: t[k].hash) & vocabulary.anonymousHead != 0 {
                    start = k
                    // Take the words before the head up to a determiner or number ("two senior officials").
                    var j = k - 1
                    while j >= 0 && k - j <= 3 && !t[j].shape.contains(.symbol) && sameSentence(t, j, k) {
                        if SourceWords.determiners.contains(t[j].hash) || t[j].shape.contains(.digit)
                            || SourceWords.quantities.contains(t[j].hash)
                        {
                            start = j
                            break
                        }
                        if Self.adjectiveLike(t[j]) { start = j } else { break }
                        j -= 1
                    }
                    break
                }
                k -= 1
            }
            i += m.length
            // No head near: the sentence's subject when it opens with a number or an article
            // (`Two nurses who work in the emergency department, speaking on condition of anonymity`).
            if start < 0, let subject = openingSubject(t, before: i - m.length) {
                start = subject
                k = subject
            }
            guard start >= 0 else { continue }
            let range = TextRange(start: t[start].start, end: end)
            if sources.contains(where: { $0.kind == .anonymous && ($0.range.map { $0.overlaps(range) } ?? false) }) { continue }
            // `The official spoke on condition of anonymity`, after `A law enforcement official
            // familiar with the investigation`: the same source, described again.
            if SourceWords.definite.contains(t[start].hash) {
                let head = UnnamedSpeakerWording.singular(text(TextRange(start: t[k].start, end: t[k].end)).lowercased())
                if sources.contains(where: {
                    $0.kind == .anonymous && ($0.range?.start ?? Int.max) < range.start && UnnamedSpeakerWording.head($0.name) == head
                }) {
                    continue
                }
            }
            sources.append(SourceAnnotation(name: text(range), kind: .anonymous, range: range))
        }
    }

    /// The first token of the sentence holding token `marker` when the sentence opens with a
    /// number or an indefinite article and a lowercase word (`Two nurses`, `A pharmacist`) within
    /// the twenty tokens before the marker: the subject the marker of anonymity describes.
    private mutating func openingSubject(_ t: UnsafeBufferPointer<TextToken>, before marker: Int) -> Int? {
        var k = marker
        while k > 0 && marker - k < 20 && sameSentence(t, k - 1, marker) { k -= 1 }
        guard k + 1 < marker, k == 0 || !sameSentence(t, k - 1, marker) else { return nil }
        let first = t[k]
        let opens =
            SourceWords.numbers.contains(first.hash) || SourceWords.indefinite.contains(first.hash)
            || (first.shape.contains(.digit) && !first.shape.contains(.letter))
        return opens && isPlainWord(t[k + 1]) ? k : nil
    }

    /// Whether an unnamed speaker is an institution (`the city council`, `prosecutors`): its last
    /// word a head noun of `[body]` and no marker of anonymity in it. Such a speaker is an
    /// organisation named as written, not an anonymous source.
    private mutating func isInstitution(_ range: TextRange) -> Bool {
        tokens.withUnsafeBufferPointer { t in
            var i = t.firstIndex(startingAtOrAfter: range.start)
            var last = -1
            var headFound = false
            while i < t.count && t[i].end <= range.end {
                if vocabulary.cues.match(t, at: i).categories & vocabulary.anonymousMarker != 0 { return false }
                // The head is the last word before `of`, `for` or `at` (`Some members of Congress`
                // are members, `A spokesperson for the Foreign Office` a spokesperson).
                if SourceWords.headEnders.contains(t[i].hash) { headFound = true }
                if t[i].shape.contains(.letter) && !headFound { last = i }
                i += 1
            }
            return last >= 0 && vocabulary.cues.categories(ofWord: t[last].hash) & vocabulary.body != 0
        }
    }

    /// Whether a marker of anonymity (`who asked not to be named`) lies in `range`.
    private mutating func hasAnonymityMarker(_ range: TextRange) -> Bool {
        tokens.withUnsafeBufferPointer { t in
            var i = t.firstIndex(startingAtOrAfter: range.start)
            while i < t.count && t[i].end <= range.end {
                if vocabulary.cues.match(t, at: i).categories & vocabulary.anonymousMarker != 0 { return true }
                i += 1
            }
            return false
        }
    }

    /// Whether an unnamed speaker is one the article ties to the body they speak for, which is
    /// then the source (an organisation named as written), not someone whose name is withheld:
    /// a spokesperson of a body (`a spokeswoman for Harbour Foods`, `a council spokesman`), or a
    /// group of a body's people (`Researchers at Blackthorn Labs`, `Members of the Wirralong
    /// brigade`, `Council officers`). Officials, sources, aides, diplomats, advisers and insiders
    /// stay anonymous however they are placed (`officials at the Treasury`), and so does anyone
    /// with a marker of anonymity.
    private mutating func isAffiliated(_ range: TextRange) -> Bool {
        guard !hasAnonymityMarker(range) else { return false }
        return tokens.withUnsafeBufferPointer { t in
            var i = t.firstIndex(startingAtOrAfter: range.start)
            var words: [Int] = []
            while i < t.count && t[i].end <= range.end {
                if t[i].shape.contains(.letter) { words.append(i) }
                i += 1
            }
            guard let ender = words.firstIndex(where: { SourceWords.headEnders.contains(t[$0].hash) }) ?? Optional(words.count),
                ender > 0,
                // `Some members of Congress` is a vague group, not the body speaking.
                !SourceWords.quantifiers.contains(t[words[0]].hash)
            else { return false }
            let head = t[words[ender - 1]]
            if SourceWords.withheldHeads.contains(head.hash) { return false }
            let spokesperson = SourceWords.spokespeople.contains(head.hash)
            guard spokesperson || isPluralNoun(head, capitalised: true) else { return false }
            // The body after `of`, `for`, `at`, `from` (past a `the`): a name or an institution's head noun.
            if ender < words.count - 1 {
                var b = ender + 1
                if SourceWords.determiners.contains(t[words[b]].hash), b + 1 < words.count { b += 1 }
                let body = t[words[b]]
                if body.shape.contains(.capitalized) || vocabulary.cues.categories(ofWord: body.hash) & vocabulary.body != 0 { return true }
            }
            // A body's word or an owner before the head (`a council spokesman`, `Council officers`,
            // `The charity's researchers`).
            if ender >= 2 {
                let before = t[words[ender - 2]]
                if vocabulary.cues.categories(ofWord: before.hash) & vocabulary.body != 0 || isPossessive(before) { return true }
            }
            return false
        }
    }

    /// Whether only spaces stand between the tokens `a` and `a + 1 == b`.
    private func spaced(_ t: UnsafeBufferPointer<TextToken>, _ a: Int, _ b: Int) -> Bool {
        var p = t[a].end
        while p < t[b].start {
            if units[p] != 0x20 { return false }
            p += 1
        }
        return true
    }

    /// A lowercase word of letters only.
    private func isPlainWord(_ token: TextToken) -> Bool {
        token.shape.contains(.letter) && !token.shape.contains(.capitalized) && !token.shape.contains(.digit)
            && !token.shape.contains(.symbol)
    }

    /// A lowercase word (or a capitalised one, when `capitalised`) that looks like a plural noun: four letters or more, ending in `s` but
    /// not `ss`, `us` or `is` (`customers`, `tenants`; not `business`, `this`).
    private func isPluralNoun(_ token: TextToken, capitalised: Bool = false) -> Bool {
        let letters = token.shape.contains(.letter) && !token.shape.contains(.digit) && !token.shape.contains(.symbol)
        guard capitalised ? letters && !token.shape.contains(.allCaps) : isPlainWord(token), token.end - token.start >= 4 else {
            return false
        }
        let last = UInt32(truncatingIfNeeded: units[token.end - 1])
        let before = UInt32(truncatingIfNeeded: units[token.end - 2])
        return last == 0x73 && before != 0x73 && before != 0x75 && before != 0x69 && before != 0x27 && before != 0x2019
    }

    private static func adjectiveLike(_ token: TextToken) -> Bool {
        SourceWords.adjectiveWords.contains(token.hash) || token.shape.contains(.capitalized)
    }

    // MARK: Vague attribution

    /// "experts say", "critics argue", "some residents say", "many believe", "opinions vary",
    /// "it is widely believed": attributions that name no one.
    private mutating func vague(_ t: UnsafeBufferPointer<TextToken>) {
        var i = 0
        while i < t.count {
            var start = i
            var verbAt = -1
            let m = vocabulary.cues.match(t, at: i)
            if m.length > 0, m.categories & vocabulary.vagueGroup != 0 {
                var j = i + m.length
                if j < t.count, SourceWords.groupNouns.contains(t[j].hash) {
                    j += 1  // "some residents"
                } else if m.length == 1, SourceWords.quantifiers.contains(t[i].hash) {
                    // "Some customers say", "Many longtime fans believe": a quantifier before any
                    // plural noun, with at most one word between.
                    if j + 1 < t.count, isPlainWord(t[j]), !isPluralNoun(t[j]), isPluralNoun(t[j + 1]),
                        !SourceWords.measures.contains(t[j + 1].hash)
                    {
                        j += 2
                    } else if j < t.count, isPluralNoun(t[j]), !SourceWords.measures.contains(t[j].hash) {
                        j += 1
                    } else if j + 3 < t.count, t[j].hash == SourceWords.inWord, t[j + 1].hash == SourceWords.the, isPlainWord(t[j + 2]) {
                        // "Many in the community believe", "some in the industry say".
                        j += 3
                    }
                }
                // "Estate agents say", "Housing advocates say": one word before a group opening the
                // sentence is part of it (and after `the`, the group is one the article named).
                if i > 0, m.length == 1, !SourceWords.quantifiers.contains(t[i].hash), t[i - 1].shape.contains(.letter),
                    !isPossessive(t[i - 1]),
                    !t[i - 1].shape.contains(.digit), !SourceWords.determiners.contains(t[i - 1].hash),
                    !SourceWords.notModifiers.contains(t[i - 1].hash), t[i - 1].end + 1 == t[i].start, units[t[i - 1].end] == 0x20,
                    i - 1 == 0 || !sameSentence(t, i - 2, i - 1) || (i >= 2 && SourceWords.definite.contains(t[i - 2].hash))
                {
                    start = i - 1
                }
                if j < t.count, SourceWords.softAdverbs.contains(t[j].hash), spaced(t, j - 1, j) { j += 1 }  // "critics often argue"
                // The verb right after the group, nothing but spaces between (not `customers, said`).
                if j < t.count, vocabulary.cues.match(t, at: j).categories & vocabulary.vagueVerb != 0, spaced(t, j - 1, j) {
                    verbAt = j
                }
                // "Expert opinions vary": a group word before "opinions".
                if verbAt < 0, j < t.count, t[j].hash == SourceWords.opinions, j + 1 < t.count,
                    vocabulary.cues.match(t, at: j + 1).categories & vocabulary.vagueVerb != 0
                {
                    verbAt = j + 1
                }
            } else if t[i].hash == SourceWords.opinions, i + 1 < t.count,
                vocabulary.cues.match(t, at: i + 1).categories & vocabulary.vagueVerb != 0
            {
                if i > 0, SourceWords.opinionOwners.contains(t[i - 1].hash) { start = i - 1 }
                verbAt = i + 1
            } else if (t[i].hash == SourceWords.it && i + 2 < t.count && t[i + 1].hash == SourceWords.isWord)
                || (t[i].hash == SourceWords.itIs && i + 1 < t.count)
            {
                // "It is widely believed", "It's understood".
                var j = t[i].hash == SourceWords.itIs ? i + 1 : i + 2
                if SourceWords.softAdverbs.contains(t[j].hash), j + 1 < t.count { j += 1 }
                if SourceWords.impersonal.contains(t[j].hash) { verbAt = j }
            }
            guard verbAt >= 0 else {
                i += 1
                continue
            }
            // A named owner right before the group ("Merz's critics") makes it specific; so does a
            // definite article or a possessive pronoun ("the researchers believe", "the expert
            // warned": people the article has introduced); and a heading in title case ("What
            // Critics Are Saying") attributes nothing.
            if start > 0, isPossessive(t[start - 1]) || SourceWords.definite.contains(t[start - 1].hash) {
                i = verbAt + 1
                continue
            }
            // "The two researchers say": a number between.
            if start > 1, t[start - 1].shape.contains(.digit) || SourceWords.numbers.contains(t[start - 1].hash),
                isPossessive(t[start - 2]) || SourceWords.definite.contains(t[start - 2].hash)
            {
                i = verbAt + 1
                continue
            }
            if t[start].shape.contains(.capitalized), t[verbAt].shape.contains(.capitalized) {
                i = verbAt + 1
                continue
            }
            let verbLength = max(1, vocabulary.cues.match(t, at: verbAt).length)
            let range = TextRange(start: t[start].start, end: t[verbAt + verbLength - 1].end)
            // Inside someone's quoted words the vague group is theirs, not the article's sourcing
            // (`“People think it’s all protected,” he said`).
            if document.annotations.quotes.contains(where: {
                ($0.kind == .direct || $0.kind == .partial) && $0.range.start <= range.start && range.end <= $0.range.end
            }) {
                i = verbAt + verbLength
                continue
            }
            let phrase = text(range)
            findings.append(
                Finding(
                    kind: "sources.vague-attribution",
                    message: "vague attribution: '\(phrase)' does not say who; name the people or the study behind it",
                    severity: .notice, range: range))
            i = verbAt + verbLength
        }
    }

}

/// The fixed words `SourceFinder` matches, outside the generic type (which cannot hold stored statics).
enum SourceWords {
    static let verbLikeHeads = WordTable(words: [
        "reports", "estimates", "figures", "records", "studies", "statements", "polls", "documents", "reviews", "audits", "surveys",
        "minutes", "filings", "letters",
    ])
    /// Verbs of showing after a document: "the report says", "the study found".
    static let showingVerbs = [
        "show", "shows", "showed", "say", "says", "said", "found", "suggest", "suggests", "indicate", "indicates",
    ]
    static let afterDocument = WordTable(
        words: ["of", "from", "by", "on", "in", "for", "about", "published", "released", "seen", "obtained", "and"] + showingVerbs)
    /// Verbs after a document that cite it: the verbs of showing, and "the study concluded", "the
    /// statement added".
    static let citingVerbs = WordTable(
        words: showingVerbs + [
            "finds", "suggested", "indicated", "concluded", "concludes", "stated", "states", "noted", "notes", "read", "reads",
            "warned", "warns", "estimated", "estimates", "added", "adds",
        ])
    static let accordingTo: [UInt64] = [WordTable.hash("according"), WordTable.hash("to")]
    static let the = WordTable.hash("the")
    static let headEnders = WordTable(words: ["of", "for", "at", "from", "with"])
    static let inWord = WordTable.hash("in")
    static let and = WordTable.hash("and")
    static let readerPossessives = WordTable(words: ["our", "my", "your"])
    /// Heads that name a process or a part as often as a document: words naming their kind do
    /// not make them one (`the impeachment inquiry`, `the closing minutes`, `the extra data`).
    static let processHeads = WordTable(words: ["investigation", "investigations", "inquiry", "data", "minutes", "review"])
    /// Words that end the walk back from a document head: verbs and pronouns that often stand
    /// before one (`shows report`, `it report`).
    static let documentStops = WordTable(words: [
        "is", "was", "are", "were", "be", "been", "has", "had", "have", "it", "they", "we", "he", "she", "not", "no", "said",
        "says", "say", "told", "and", "or", "but", "same", "whole", "routine", "judicial", "large", "larger", "largest", "small",
        "smaller", "false", "possible", "further", "major", "big", "formal", "thorough", "proper", "good", "entire", "another", "any",
        "every", "each",
    ])
    /// `there's`, `it's`: a verb after the apostrophe, not a possessive (curly ones fold to these).
    static let contractions = WordTable(words: [
        "there's", "it's", "that's", "here's", "what's", "who's", "he's", "she's", "where's", "let's", "how's", "when's",
    ])
    /// Plural nouns of time and measure after `several` or `some`: no people.
    static let measures = WordTable(words: [
        "months", "years", "weeks", "days", "hours", "minutes", "seconds", "decades", "times", "percent", "points", "miles",
        "metres", "meters", "kilometres", "kilometers", "dollars", "pounds", "euros", "tons", "tonnes", "items", "things", "ways",
        "parts", "areas", "places", "cases", "reasons", "words", "questions", "issues", "steps", "changes", "aspects",
    ])
    /// Words between a determiner and a document head that neither own nor single it out.
    static let documentFillers = WordTable(words: ["most", "more", "very", "page", "pages", "long", "much", "two", "three", "four"])
    /// Participles after a document head that single one out.
    static let documentParticiples = WordTable(words: [
        "published", "issued", "filed", "released", "posted", "sent", "dated", "circulated", "leaked", "submitted", "signed",
        "prepared", "commissioned", "shared", "lodged", "unsealed", "obtained", "seen", "entered", "distributed", "presented",
    ])
    static let by = WordTable.hash("by")
    /// Last words of a newspaper's or magazine's name. (Not `Post`, `Mail`, `Express`, `Star` or
    /// `Standard`, which end firms' names as often: Deutsche Post, Royal Mail, American Express.)
    static let newspaperHeads = WordTable(words: [
        "herald", "echo", "observer", "gazette", "tribune", "chronicle", "courier", "journal", "telegraph", "examiner",
        "sentinel", "inquirer", "dispatch", "bulletin", "times", "mirror", "globe", "news", "magazine", "monitor", "ledger",
        "advertiser", "argus", "clarion", "newsletter", "weekly", "daily",
    ])
    static let toldBy: [UInt64] = [WordTable.hash("reported"), WordTable.hash("by")]
    static let determiners = WordTable(words: [
        "the", "a", "an", "its", "their", "his", "her", "this", "that", "these", "those", "our", "my", "your",
    ])
    static let ownerPrepositions = WordTable(words: ["by", "from", "of"])
    static let indefinite = WordTable(words: ["a", "an"])
    static let quantities = WordTable(words: ["two", "three", "four", "several", "some", "many", "one", "multiple"])
    /// Quantifiers that make a vague group of any plural noun after them.
    static let quantifiers = WordTable(words: ["some", "many", "several", "few", "numerous", "countless"])
    /// Words that open a sentence before a group without describing it (`But critics say`).
    static let notModifiers = WordTable(words: [
        "but", "and", "or", "yet", "so", "now", "still", "however", "also", "even", "while", "though", "although", "because",
        "since", "when", "as", "if", "many", "most", "some", "other", "such", "only", "meanwhile", "today", "then", "here",
        "there", "that", "what", "where", "why", "how", "who", "which", "whether", "than", "of", "for", "with", "to", "in",
        "on", "at", "by", "from", "say", "says", "said", "all", "both", "few", "more", "these", "those", "this",
    ])
    static let numbers = WordTable(words: [
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozen", "both",
    ])
    static let adjectiveWords = WordTable(words: [
        "senior", "government", "administration", "military", "western", "european", "former", "current",
    ])
    static let opinions = WordTable.hash("opinions")
    /// A definite article, a demonstrative or a possessive pronoun: the group is one the article named.
    static let definite = WordTable(words: ["the", "these", "those", "his", "her", "their", "our", "its"])
    static let opinionOwners = WordTable(words: ["expert", "experts", "public", "analyst", "analysts", "legal"])
    static let it = WordTable.hash("it")
    static let itIs = WordTable.hash("it's")
    static let isWord = WordTable.hash("is")
    static let impersonal = WordTable(words: [
        "believed", "said", "thought", "claimed", "argued", "rumoured", "rumored", "feared", "understood", "assumed",
    ])
    /// Unnamed people whose names are withheld however they are placed (`officials at the Treasury`).
    static let withheldHeads = WordTable(words: [
        "official", "officials", "source", "sources", "aide", "aides", "diplomat", "diplomats", "adviser", "advisers", "advisor",
        "advisors", "insider", "insiders", "person", "people",
    ])
    /// People who speak for a body on its behalf.
    static let spokespeople = WordTable(words: [
        "spokesperson", "spokesman", "spokeswoman", "spokespeople", "spokespersons", "representative", "representatives",
    ])
    static let groupNouns = WordTable(words: [
        "experts", "critics", "analysts", "observers", "residents", "people", "commentators", "economists", "scientists", "voters",
        "officials", "locals", "users", "readers", "viewers", "americans", "europeans", "ukrainians", "russians",
    ])
    static let softAdverbs = WordTable(words: [
        "often", "also", "now", "widely", "generally", "still", "have", "had", "long", "increasingly", "privately", "publicly",
        "openly", "quietly", "already",
    ])
}
