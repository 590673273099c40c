import DossierCore

/// One pass of the framing analyzer over the blocks of a text, at one code-unit width: lexicon
/// hits, shouting and exclamation marks as findings, the headline's clickbait patterns, word
/// counts for the densities, and what the support check needs.
///
/// Each block is tokenized into one reused buffer (`FramingTokenizer`), so the pass allocates
/// per block at most, and per finding; a word that starts no listed phrase costs one probe, or
/// two when the options add entries.
struct FramingScanner<U: FixedWidthInteger & UnsignedInteger> {
    let units: ScalarBuffer.Units<U>
    let buffer: ScalarBuffer
    let vocabulary: FramingVocabulary
    /// Whether loaded words in quoted text are reported.
    let reportQuoted: Bool
    /// Whether offsets are the document's (false for a headline read from metadata alone).
    let ranged: Bool

    private var tokens: [FramingToken] = []
    /// What the pass found and counted.
    var tally: FramingTally

    init(
        units: ScalarBuffer.Units<U>, buffer: ScalarBuffer, vocabulary: FramingVocabulary, reportQuoted: Bool, ranged: Bool = true,
        tally: FramingTally = FramingTally()
    ) {
        self.tally = tally
        self.units = units
        self.buffer = buffer
        self.vocabulary = vocabulary
        self.reportQuoted = reportQuoted
        self.ranged = ranged
        tokens.reserveCapacity(256)
    }

    /// Scans one block.
    mutating func scan(_ range: Range<Int>, role: FramingRole) {
        guard role != .skipped else { return }
        FramingTokenizer.tokenize(units, range, into: &tokens)
        let writer = role.isWriter
        for t in tokens where t.isWord {
            if writer && !t.flags.contains(.quoted) { tally.writerWords += 1 }
            if role.isBody && !tally.wanted.isEmpty {
                tally.bodyWords += 1
                let stem = FramingTokenizer.stemHash(units, t)
                if tally.wanted.contains(stem) { tally.foundStems.insert(stem) }
            }
        }
        matchLexicon(role: role)
        if role != .heading && role != .quotedBlock { findShouting(role: role) }
        if role == .headline { findHeadlinePatterns(range) }
    }

    // MARK: Lexicon

    private mutating func matchLexicon(role: FramingRole) {
        var k = 0
        while k < tokens.count {
            let t = tokens[k]
            guard t.isWord else {
                if t.flags.contains(.exclamation) && role.isWriter && !t.flags.contains(.quoted) { exclamation(t, role: role) }
                k += 1
                continue
            }
            var length = 0
            var categories = FramingCategory()
            var key: UInt64 = 0
            if vocabulary.isStarter(t.hash) {
                // The longest listed phrase that starts here and crosses no punctuation.
                var hash = WordHash.sequenceSeed
                var n = 0
                while n < vocabulary.longest && k + n < tokens.count {
                    let u = tokens[k + n]
                    if !u.isWord || (n > 0 && u.flags.contains(.breakBefore)) { break }
                    hash = WordHash.combine(hash, u.hash)
                    n += 1
                    if n >= 2 {
                        let c = vocabulary.categories(hash)
                        if !c.isEmpty {
                            length = n
                            categories = c
                            key = hash
                        }
                    }
                }
            }
            if length == 0 {
                key = FramingLexicon.single(t.hash)
                categories = vocabulary.categories(key)
                length = 1
                // `assault with a hammer`, `the blast`: after an article or a possessive a loaded
                // verb is the noun it is spelled like.
                if categories.contains(.loadedVerb), k > 0, tokens[k - 1].isWord, framingNounMarkers.contains(tokens[k - 1].hash) {
                    categories.remove(.loadedVerb)
                }
            }
            // Most hits are function words, which matter only to the support check.
            if !categories.isDisjoint(with: Self.scored) && !categories.contains(.ignored) {
                hit(first: k, last: k + length - 1, categories: categories, key: key, role: role)
            }
            k += length
        }
    }

    private mutating func hit(first: Int, last: Int, categories: FramingCategory, key: UInt64, role: FramingRole) {
        let quoted = tokens[first].flags.contains(.quoted) || role == .quotedBlock
        let own = role.isWriter && !quoted
        if own {
            if categories.contains(.hedge) { tally.hedges += 1 }
            if categories.contains(.booster) { tally.boosters += 1 }
            if categories.contains(.opinion) { tally.opinion += 1 }
        }
        let span = tokens[first].start..<tokens[last].end
        if let (_, kind, label) = FramingCategory.reported.first(where: { categories.contains($0.0) }), own || reportQuoted {
            if own { tally.loaded += 1 }
            var severity: Finding.Severity = quoted || kind == "framing.intensifier" ? .info : .notice
            if role == .headline && !quoted { severity = Self.raised(severity) }
            let text = buffer.string(in: span)
            let cue = vocabulary.cue(key) ?? text.lowercased()
            var message = "\(label) '\(text)'"
            if cue != text.lowercased() { message += " (listed as '\(cue)')" }
            if quoted { message += role == .quotedBlock ? " in a quoted block or embedded post" : " in quoted words" }
            if role == .headline { message += " in the headline" }
            add(kind, message, severity, span, cue: cue)
        }
        if role == .headline {
            for (category, kind, label) in FramingCategory.headlinePatterns where categories.contains(category) {
                let text = buffer.string(in: span)
                add(kind, "the headline \(label): '\(text)'", .notice, span, cue: vocabulary.cue(key) ?? text.lowercased())
            }
        }
    }

    private mutating func exclamation(_ t: FramingToken, role: FramingRole) {
        let severity: Finding.Severity = role == .headline ? .warning : .notice
        add("framing.exclamation", "exclamation mark in the publication's own words", severity, t.start..<t.end, cue: "!")
    }

    // MARK: Shouting

    /// Runs of two or more words in capitals (one of at least four letters), or a listed word in
    /// capitals; a headline or highlight set wholly in capitals is a house style, not shouting.
    private mutating func findShouting(role: FramingRole) {
        var words = 0
        var caps = 0
        for t in tokens where t.isWord {
            words += 1
            if t.flags.contains(.allCaps) { caps += 1 }
        }
        guard caps > 0 else { return }
        if caps == words && (role == .headline || role == .highlight) { return }
        var k = 0
        while k < tokens.count {
            guard tokens[k].isWord && tokens[k].flags.contains(.allCaps) && !tokens[k].flags.contains(.quoted) else {
                k += 1
                continue
            }
            var last = k
            var longest = tokens[k].end - tokens[k].start
            var next = k + 1
            while next < tokens.count && tokens[next].isWord && tokens[next].flags.contains(.allCaps) {
                longest = max(longest, tokens[next].end - tokens[next].start)
                last = next
                next += 1
            }
            let count = last - k + 1
            let listed =
                count == 1 && longest >= 4
                && !vocabulary.categories(FramingLexicon.single(tokens[k].hash)).isDisjoint(with: FramingCategory.anyReported.union(.hook))
            if (count >= 2 && longest >= 4) || listed {
                let span = tokens[k].start..<tokens[last].end
                add("framing.shouting", "words in capitals: '\(buffer.string(in: span))'", .notice, span, cue: "capitals")
            }
            k = next
        }
    }

    // MARK: Headline patterns

    private mutating func findHeadlinePatterns(_ range: Range<Int>) {
        // Listicle: a number among the first words, a listicle noun at most three words after it.
        var k = 0
        while k < tokens.count && (!tokens[k].isWord || FramingLexicon.listicleOpeners.contains(tokens[k].hash)) { k += 1 }
        if k < tokens.count && (tokens[k].flags.contains(.number) || FramingLexicon.numberWords.contains(tokens[k].hash)) {
            var j = k + 1
            var seen = 0
            while j < tokens.count && seen < 3 {
                if tokens[j].isWord {
                    seen += 1
                    if vocabulary.categories(FramingLexicon.single(tokens[j].hash)).contains(.listicleNoun) {
                        let span = tokens[k].start..<tokens[j].end
                        add(
                            "framing.clickbait.listicle", "the headline is a numbered list: '\(buffer.string(in: span))'", .notice, span,
                            cue: "listicle")
                        break
                    }
                }
                j += 1
            }
        }
        if tokens.contains(where: { $0.flags.contains(.question) && !$0.flags.contains(.quoted) }) {
            add("framing.clickbait.question", "the headline asks a question instead of stating news", .notice, range, cue: "question")
        }
    }

    // MARK: Support

    /// Records the content words of a headline or highlight block, each of its `sentences` (the
    /// whole block when none is given) on its own; call it before the body is scanned.
    mutating func collectSupport(_ range: Range<Int>, role: FramingRole, sentences: [Range<Int>] = []) {
        FramingTokenizer.tokenize(units, range, into: &tokens)
        for part in sentences.isEmpty ? [range] : sentences {
            let first = tally.supportWords.count
            for t in tokens where t.isWord && t.start >= part.lowerBound && t.end <= part.upperBound {
                if !t.flags.contains(.number) && t.end - t.start < 2 { continue }
                if vocabulary.categories(FramingLexicon.single(t.hash)).contains(.functionWord) { continue }
                // Offsets beyond 32 bits (a text of over four billion scalars, past every reader's limit) are not checked.
                guard let start = UInt32(exactly: t.start), let length = UInt32(exactly: t.end - t.start) else { continue }
                let stem = FramingTokenizer.stemHash(units, t)
                if tally.supportWords[first...].contains(where: { $0.stem == stem }) { continue }
                tally.supportWords.append(FramingTally.SupportWord(stem: stem, start: start, length: length))
                tally.wanted.insert(stem)
            }
            tally.supportUnits.append(
                FramingTally.SupportUnit(role: role, range: ranged ? TextRange(part) : nil, words: first..<tally.supportWords.count))
        }
        if !ranged { tally.title = buffer }
    }

    // MARK: Output

    /// The categories a lexicon hit is counted or reported for.
    private static var scored: FramingCategory {
        FramingCategory(rawValue: ~(FramingCategory.functionWord.rawValue | FramingCategory.listicleNoun.rawValue))
    }

    private mutating func add(_ kind: String, _ message: String, _ severity: Finding.Severity, _ span: Range<Int>, cue: String?) {
        tally.findings.append(Finding(kind: kind, message: message, severity: severity, range: ranged ? TextRange(span) : nil, cue: cue))
    }

    /// One step more severe.
    static func raised(_ severity: Finding.Severity) -> Finding.Severity { severity == .info ? .notice : .warning }
}

/// Articles and possessives: a word after one is a noun.
private let framingNounMarkers: Set<UInt64> = Set(["a", "an", "the", "his", "her", "its", "their", "our", "my", "your"].map(WordHash.word))
