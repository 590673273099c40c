import DossierCore

/// Scores a document's sentences and builds the claims worth checking, with their claimant,
/// kind, reasons, hedges, boosters, actors, dates, attribution and supporting sources.
struct ClaimBuilder<U: FixedWidthInteger & UnsignedInteger> {
    let units: UnsafeBufferPointer<U>
    let document: Document
    let model: ClaimModel
    var extractor: ClaimFeatureExtractor
    let threshold: Double
    let minimumWords: Int

    private var tokens: [TextToken] = []
    private let blocks: BlockIndex
    private let mentions: MentionIndex
    private var quotes: [Quote] = []
    private var dateRanges: [TextRange] = []
    private var vector = ClaimFeatureVector()
    private var markers = ClaimFeatureExtractor.Markers()
    private(set) var claims: [ClaimAnnotation] = []
    private(set) var findings: [Finding] = []

    init(
        units: UnsafeBufferPointer<U>, document: Document, model: ClaimModel, extractor: ClaimFeatureExtractor, threshold: Double,
        minimumWords: Int
    ) {
        self.units = units
        self.document = document
        self.model = model
        self.extractor = extractor
        self.threshold = threshold
        self.minimumWords = minimumWords
        mentions = MentionIndex(document.annotations.entities)
        quotes = document.annotations.quotes.filter(\.isSpeech).sorted { $0.range < $1.range }
        blocks = BlockIndex(document, length: units.count)
        TextTokenizer.tokenize(units, range: 0..<units.count, into: &tokens)
        // Words of a link's address are not words of the sentence ("t.co/x6Yz").
        let links = document.links.compactMap(\.range).filter { !$0.isEmpty }.sorted()
        if !links.isEmpty {
            var k = 0
            tokens.removeAll { t in
                while k < links.count && links[k].end <= t.start { k += 1 }
                return k < links.count && links[k].start <= t.start && t.end <= links[k].end
            }
        }
        dateRanges = document.annotations.dates.map(\.range).sorted()
    }

    /// The sentences the analyzer reads: not section headings, bylines, datelines or source lists.
    private func candidates() -> [TextRange] {
        document.annotations.sentences.map(\.range).sorted().filter { range in
            guard let block = blocks.block(at: range.start) else { return true }
            return !(block.kind == .heading || block.kind == .byline || block.kind == .dateline || block.kind == .sourcesSection)
        }
    }

    private func tokenRange(_ range: TextRange) -> Range<Int> {
        let lo = tokens.firstIndex(startingAtOrAfter: range.start)
        var end = lo
        while end < tokens.count && tokens[end].end <= range.end { end += 1 }
        return lo..<end
    }

    /// The speech quote that carries most of `range`, when one covers a third of it or names its
    /// speaker inside it.
    private func quote(for range: TextRange) -> Quote? {
        var best: (Quote, Int)?
        for q in quotes where q.range.start < range.end + 200 && q.range.end > range.start - 200 {
            let overlap = max(0, min(q.range.end, range.end) - max(q.range.start, range.start))
            let inside = (q.speakerRange.map { range.contains($0) } ?? false) || (q.cueRange.map { range.contains($0) } ?? false)
            guard overlap * 3 >= range.count || (inside && overlap > 0) else { continue }
            if best == nil || overlap > best!.1 { best = (q, overlap) }
        }
        return best?.0
    }

    /// Computes the features of `range` into `vector` and `markers`; returns the quote it comes from.
    private mutating func features(_ range: TextRange, words: inout Int) -> Quote? {
        markers = ClaimFeatureExtractor.Markers()
        let span = tokenRange(range)
        words = 0
        for t in span where !tokens[t].shape.contains(.symbol) { words += 1 }
        tokens.withUnsafeBufferPointer { all in
            let slice = UnsafeBufferPointer(rebasing: all[span])
            extractor.extract(units, tokens: slice, into: &vector, markers: &markers)
        }
        let entities = document.annotations.entities
        for entry in mentions.entries(overlapping: range) {
            let kind = entities[entry.entity].kind
            if kind == .person && !entry.isPronoun { vector.set(.person) }
            if kind == .organization || kind == .location || kind == .group { vector.set(.entity) }
        }
        if dateRanges.contains(where: { range.contains($0) }) { vector.set(.date) }
        let q = quote(for: range)
        if let q {
            vector.set(.speech)
            if let entity = document.annotations.resolve(q.speaker), !entity.roles.isEmpty {
                vector.set(.officialSpeaker)
            }
        }
        return q
    }

    /// One SVMlight line per candidate sentence, for fitting the model.
    mutating func trainingLines() -> [String] {
        var lines: [String] = []
        var words = 0
        for range in candidates() {
            _ = features(range, words: &words)
            if words >= minimumWords { lines.append(vector.svmlight) }
        }
        return lines
    }

    mutating func run(flagUnsourced: Bool) {
        var words = 0
        let sources = document.annotations.sources
        let vague = document.annotations.findings.filter { $0.kind == "sources.vague-attribution" }
        for range in candidates() {
            let q = features(range, words: &words)
            guard words >= minimumWords else { continue }
            let (probability, contributions) = model.score(vector)
            guard probability >= threshold else { continue }
            var claim = ClaimAnnotation(range: range, checkWorthiness: (probability * 1000).rounded() / 1000, kind: kind(q, range))
            claim.reasons = contributions.filter { abs($0.1) >= 0.1 }.sorted { abs($0.1) > abs($1.1) }.prefix(5).map {
                ClaimAnnotation.Reason(feature: $0.0.name, description: $0.0.description, weight: ($0.1 * 100).rounded() / 100)
            }
            claim.hedges = markers.hedges
            claim.boosters = markers.boosters
            if let q {
                claim.quote = Reference(q.id)
                claim.claimant = q.speaker
                claim.claimantKind = q.isAnonymous ? .anonymous : (q.speaker == nil ? .publication : .speaker)
                if let cue = q.cueRange, range.contains(cue) {
                    let speaker = q.speakerRange.flatMap { range.contains($0) ? $0 : nil }
                    claim.attribution = speaker.map { TextRange(start: min($0.start, cue.start), end: max($0.end, cue.end)) } ?? cue
                }
            } else {
                claim.claimantKind = .publication
            }
            claim.actors = actors(in: range, except: claim.claimant)
            claim.dates = document.annotations.dates.filter { range.contains($0.range) }.map { Reference($0.id) }
            claim.support = support(for: range, quote: q, sources: sources)
            if claim.attribution == nil {
                claim.attribution =
                    sources.first { s in
                        guard let r = s.range, range.contains(r) else { return false }
                        return s.kind == .outlet || s.kind == .document || s.kind == .anonymous || s.kind == .organization
                    }?.range
            }
            let vagueHere = vague.first { $0.range.map { range.contains($0) } ?? false }
            if claim.attribution == nil, let v = vagueHere { claim.attribution = v.range }
            if flagUnsourced && claim.isUnsourced {
                let score = String(format: "%.2f", claim.checkWorthiness)
                let message =
                    vagueHere != nil
                    ? "claim rests on a vague attribution and no source in the article (check-worthiness \(score))"
                    : "claim with no source: nothing in the article backs it (check-worthiness \(score))"
                findings.append(
                    Finding(
                        kind: vagueHere != nil ? "claims.vaguely-sourced" : "claims.unsourced", message: message,
                        severity: claim.checkWorthiness >= 0.75 ? .warning : .notice, range: range))
            }
            claims.append(claim)
        }
    }

    /// Whether the sentence has a number that is not part of a date ("On December 14, 2025").
    private func hasQuantity(_ range: TextRange) -> Bool {
        for t in tokenRange(range) where tokens[t].shape.contains(.digit) {
            if !dateRanges.contains(where: { $0.contains(tokens[t].range) }) { return true }
        }
        return false
    }

    private func kind(_ q: Quote?, _ range: TextRange) -> ClaimKind {
        if hasQuantity(range) || vector.has(.percent) || vector.has(.money) { return .quantity }
        if vector.has(.opinion) && vector.has(.firstPerson) { return .opinion }
        // What a checker can do comes first: a prediction cannot be checked yet, whatever change it
        // names; "X caused a surge" asserts the cause, and the change it names is the effect.
        if vector.has(.prediction) { return .prediction }
        if vector.has(.causation) { return .causation }
        if vector.has(.comparison) { return .comparison }
        if vector.has(.rule) { return .rule }
        if vector.has(.opinion) { return .opinion }
        if let q, q.kind == .direct || q.kind == .partial { return .quotation }
        return .fact
    }

    private func actors(in range: TextRange, except claimant: Reference<Entity>?) -> [Reference<Entity>] {
        var seen = Set<Int>()
        var result: [Reference<Entity>] = []
        let entities = document.annotations.entities
        for entry in mentions.entries(overlapping: range) where !entry.isPronoun && seen.insert(entry.entity).inserted {
            let id = entities[entry.entity].id
            guard id != claimant?.id, entities[entry.entity].kind != .misc else { continue }
            result.append(Reference(id))
        }
        return result
    }

    private func support(for range: TextRange, quote: Quote?, sources: [SourceAnnotation]) -> [ClaimAnnotation.Support] {
        var result: [ClaimAnnotation.Support] = []
        func add(_ s: SourceAnnotation, _ via: ClaimAnnotation.Support.Via) {
            if !result.contains(where: { $0.source.id == s.id }) { result.append(.init(source: Reference(s.id), via: via)) }
        }
        if let quote {
            for s in sources {
                if let speaker = quote.speaker, s.entity == speaker { add(s, .speaker) }
                if quote.isAnonymous, s.kind == .anonymous, let r = quote.speakerRange, s.range == r { add(s, .speaker) }
            }
        }
        let paragraph = blocks.block(at: range.start)
        for s in sources {
            guard let r = s.range, s.kind != .listed else { continue }
            if range.contains(r) || (r.overlaps(range) && s.kind == .socialPost) {
                add(s, s.kind == .link ? .link : .attribution)
            } else if s.kind == .link, let paragraph, paragraph.range.contains(r) {
                add(s, .paragraphLink)
            } else if s.kind == .socialPost, let paragraph, paragraph.kind == .embeddedPost, r.overlaps(paragraph.range) {
                add(s, .attribution)
            }
        }
        return result
    }
}
