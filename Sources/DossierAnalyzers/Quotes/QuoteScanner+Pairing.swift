import DossierCore

extension QuoteScanner {
    enum Role { case open, close, none }

    /// Whether `c` may stand just before an opening quotation mark.
    static func opensBefore(_ c: UInt32) -> Bool {
        switch c {
        case 0x28, 0x5B, 0x7B, 0x2014, 0x2013, 0x2D, 0x2F, 0x3A, 0x201C, 0x2018, 0x22, 0x27, 0xAB, 0x2039, 0x201E: true
        default: isSpace(c)
        }
    }

    /// Whether `c` may stand just after a closing quotation mark.
    static func closesAfter(_ c: UInt32) -> Bool {
        switch c {
        case 0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x29, 0x5D, 0x7D, 0x2014, 0x2013, 0x2D, 0x2026, 0x201D, 0x2019, 0x22, 0x27, 0xBB,
            0x203A:
            true
        default: isSpace(c)
        }
    }

    /// Whether the mark at `pos` opens or closes a quotation, from the scalars either side and
    /// whether its family has a quotation open.
    mutating func role(at pos: Int, in block: Range<Int>, pending: Bool) -> Role {
        let c = v(pos)
        let prev = pos > block.lowerBound ? v(pos - 1) : 0x20
        let next = pos + 1 < block.upperBound ? v(pos + 1) : 0x20
        let left = !Self.isSpace(next) && Self.opensBefore(prev)
        let right = !Self.isSpace(prev) && Self.closesAfter(next)
        switch c {
        case 0x201C, 0x201E, 0x201F, 0xAB, 0x2039:
            return right && !left && pending ? .close : .open
        case 0x201D, 0xBB, 0x203A:
            return left && !right && !pending ? .open : (pending ? .close : .none)
        case 0x22:
            // A double prime after a number (6'2", a 15" screen) is not a quotation mark.
            if Self.isDigit(prev) && !pending { return .none }
            // `…,” he told Cook. " You guys have …"`: a straight mark set off by spaces after the end
            // of a sentence, before a capital, opens a quotation typed with a stray space.
            if !pending, Self.isSpace(prev), Self.isSpace(next), opensAfterStop(at: pos, in: block) { return .open }
            if left && !right { return .open }
            if right && !left { return pending ? .close : .none }
            return pending ? .close : .none
        case 0x2018:
            // ‘90s is an elision typed with the wrong mark.
            if Self.isDigit(next) { return .none }
            if left { return pending ? .none : .open }
            return pending && right ? .close : .none
        default:  // ’ and '
            if Self.isLetter(prev) && Self.isLetter(next) { return .none }
            if pending {
                // `‘… in fifteen years’ time.’`: after a plural, before a lowercase word, it is the
                // possessive's apostrophe when a mark after punctuation closes the quotation later.
                if right, c == 0x2019, prev | 0x20 == 0x73, Self.isSpace(next), pos + 2 < block.upperBound,
                    Self.isLetter(v(pos + 2)), !Self.isUpper(v(pos + 2)), closesAfterPunctuation(from: pos + 2, limit: block.upperBound)
                {
                    return .none
                }
                return right ? .close : .none
            }
            if c == 0x27 && left && Self.isLetter(next) && !isElision(at: pos + 1, limit: block.upperBound) { return .open }
            return .none
        }
    }

    /// Whether a `’` right after `.`, `,`, `?`, `!` or `…` comes from `from` within 600 scalars of
    /// the block, before any `‘`.
    func closesAfterPunctuation(from: Int, limit: Int) -> Bool {
        var k = from
        let end = min(limit, from + 600)
        while k < end {
            let c = v(k)
            if c == 0x2018 { return false }
            if c == 0x2019, k > from {
                switch v(k - 1) {
                case 0x2E, 0x2C, 0x3F, 0x21, 0x2026: return true
                default: break
                }
            }
            k += 1
        }
        return false
    }

    /// Whether the scalar before `pos`, past one space, ends a sentence (`.`, `?`, `!`) and the
    /// one after, past one space, is a capital letter.
    func opensAfterStop(at pos: Int, in block: Range<Int>) -> Bool {
        guard pos - 2 >= block.lowerBound, pos + 2 < block.upperBound else { return false }
        let before = v(pos - 2)
        return (before == 0x2E || before == 0x3F || before == 0x21) && Self.isUpper(v(pos + 2))
    }

    /// Whether the word at `start` is one usually written with a leading apostrophe ('em, 'til).
    mutating func isElision(at start: Int, limit: Int) -> Bool {
        var h = WordTable.seed
        var k = start
        while k < limit, Self.isLetter(v(k)) {
            h = WordTable.mix(h, WordTable.fold(v(k)))
            k += 1
        }
        return vocabulary.classes.value(h) & QuoteVocabulary.WordClass.elision != 0
    }

    /// Pairs the quotation marks block by block. A double quotation still open at the end of a
    /// paragraph continues when the next block opens with a mark of its family (the news
    /// convention for a quotation of several paragraphs); a curly or angle quotation left open
    /// otherwise runs to the end of its block; a straight or single one is dropped.
    mutating func pairMarks(skipping skipped: Set<Int>) -> [Span] {
        var spans: [Span] = []
        var m = 0
        var pending: [(pos: Int, block: Int)?] = [nil, nil, nil, nil]
        var reopener: Int?
        for (b, block) in blocks.enumerated() {
            let range = block.range.offsets
            while m < marks.count && marks[m] < range.lowerBound { m += 1 }
            if !skipped.isEmpty, skipped.contains(b) {
                while m < marks.count && marks[m] < range.upperBound { m += 1 }
                pending = [nil, nil, nil, nil]
                continue
            }
            while m < marks.count && marks[m] < range.upperBound {
                let pos = marks[m]
                m += 1
                if pos == reopener {
                    reopener = nil
                    continue
                }
                let family = QuoteFamily.of(v(pos))
                switch role(at: pos, in: range, pending: pending[family] != nil) {
                case .open:
                    pending[family] = (pos, b)
                case .close:
                    guard let open = pending[family] else { continue }
                    pending[family] = nil
                    // A quotation inside another is the speaker quoting someone: part of the outer
                    // words, and a quotation of its own only when a verb there introduces it.
                    let nested = pending.indices.contains { $0 != family && pending[$0] != nil && pending[$0]!.pos < open.pos }
                    if family < QuoteFamily.single {
                        if (pending[QuoteFamily.single]?.pos ?? -1) > open.pos { pending[QuoteFamily.single] = nil }
                        if (pending[QuoteFamily.singleGuillemet]?.pos ?? -1) > open.pos { pending[QuoteFamily.singleGuillemet] = nil }
                    } else if pos - open.pos > 600 {
                        continue
                    }
                    if var span = makeSpan(open: open.pos, close: pos, startBlock: open.block, endBlock: b) {
                        span.nested = nested
                        spans.append(span)
                    }
                case .none:
                    continue
                }
            }
            // The end of the block: continue, close or drop what is still open.
            pending[QuoteFamily.single] = nil
            pending[QuoteFamily.singleGuillemet] = nil
            for family in QuoteFamily.double...QuoteFamily.guillemet {
                guard let open = pending[family] else { continue }
                if b + 1 < blocks.count, skipped.isEmpty || !skipped.contains(b + 1) {
                    let next = blocks[b + 1].range.offsets
                    let first = skipSpaces(from: next.lowerBound, to: next.upperBound)
                    if first < next.upperBound, QuoteFamily.of(v(first)) == family, role(at: first, in: next, pending: false) == .open {
                        reopener = first
                        continue
                    }
                }
                pending[family] = nil
                if v(open.pos) != 0x22, let span = makeSpan(open: open.pos, close: nil, startBlock: open.block, endBlock: b) {
                    spans.append(span)
                }
            }
        }
        return spans
    }

    mutating func makeSpan(open: Int, close: Int?, startBlock: Int, endBlock: Int) -> Span? {
        let content = trimmed((open + 1)..<(close ?? blocks[endBlock].range.end))
        guard !content.isEmpty, content.contains(where: { Self.isLetterOrDigit(v($0)) }) else { return nil }
        return Span(
            open: open, close: close, contentStart: content.lowerBound, contentEnd: content.upperBound, startBlock: startBlock,
            endBlock: endBlock)
    }

    // MARK: Embedded posts

    /// Makes a direct quote of each embedded post whose author the article gives in an attribution
    /// line (`— Name (@handle) date`), in the post's block or the block after it; returns the
    /// blocks used, whose quotation marks belong to the post.
    mutating func embeddedPosts() -> Set<Int> {
        var used: Set<Int> = []
        for (b, block) in blocks.enumerated() where block.kind == .embeddedPost && !used.contains(b) {
            let range = block.range.offsets
            guard let (dash, author) = postAttribution(in: range) else { continue }
            var text = trimmed(range.lowerBound..<dash)
            var blockOfText = b
            if text.isEmpty || !text.contains(where: { Self.isLetterOrDigit(v($0)) }) {
                // An attribution standing alone names the author of the post just above.
                guard b > 0, blocks[b - 1].kind == .embeddedPost, !used.contains(b - 1) else { continue }
                text = trimmed(blocks[b - 1].range.offsets)
                blockOfText = b - 1
            }
            // Quotation marks around the whole post are the writer's, not the post's.
            if text.count > 2, Self.isQuoteMark(v(text.lowerBound)), Self.isQuoteMark(v(text.upperBound - 1)) {
                text = trimmed((text.lowerBound + 1)..<(text.upperBound - 1))
            }
            while case let shorter = withoutClosingLink(text), shorter != text { text = shorter }
            guard !text.isEmpty else { continue }
            let speaker = resolve(author)
            quotes.append(
                Quote(
                    range: TextRange(text), kind: .direct, speaker: speaker.entity, speakerRange: speaker.range,
                    isAnonymous: false, cue: "posted"))
            covered.append(min(text.lowerBound, range.lowerBound)..<range.upperBound)
            used.insert(b)
            used.insert(blockOfText)
        }
        return used
    }

    /// `text` without a link that closes it (`… in Peace Deal https://t.co/x6Yz`, `pic.twitter.com/…`):
    /// it points at the post and is none of its words. A post that is only a link keeps it.
    mutating func withoutClosingLink(_ text: Range<Int>) -> Range<Int> {
        var k = text.upperBound
        while k > text.lowerBound, !Self.isSpace(v(k - 1)) { k -= 1 }
        guard k > text.lowerBound, WrittenAddress.starts(u, k..<text.upperBound) else { return text }
        return trimmed(text.lowerBound..<k)
    }

    /// The dash opening a post's attribution line and the author's name after it.
    mutating func postAttribution(in range: Range<Int>) -> (Int, Range<Int>)? {
        var dash: Int?
        var k = range.lowerBound
        while k + 1 < range.upperBound {
            let c = v(k)
            if c == 0x2014 || c == 0x2013 || c == 0x2D, k == range.lowerBound || Self.isSpace(v(k - 1)), Self.isSpace(v(k + 1)) {
                dash = k
            }
            k += 1
        }
        guard let dash else { return nil }
        let start = skipSpaces(from: dash + 1, to: range.upperBound)
        var end = start
        var sawHandle = false
        while end < range.upperBound {
            let c = v(end)
            if c == 0x28 || c == 0x40 || c == 0x0A || c == 0x2C || c == 0x7C {
                sawHandle = c == 0x28 || c == 0x40
                break
            }
            end += 1
        }
        let author = trimmed(start..<end)
        guard sawHandle || end == range.upperBound, !author.isEmpty, Self.isUpper(v(author.lowerBound)) || v(author.lowerBound) == 0x40
        else { return nil }
        return (dash, author)
    }
}
