import DossierCore
import Foundation

/// Scores a document's sentences and builds the claims worth checking, with their claimant,
/// kind, reasons, hedges, boosters, actors, dates, attribution and supporting sources.
struct ClaimBuilder<U: FixedWidthInteger & UnsignedInteger> {
    let units: ScalarBuffer.Units<U>
    let document: Document
    let model: ClaimModel
    var extractor: ClaimFeatureExtractor
    let threshold: Double
    let minimumWords: Int

    /// The tokens of the sentence being read: one sentence at a time, so memory does not grow
    /// with the article (a whole 20 MB article's tokens took 128 MB).
    private var tokens: [TextToken] = []
    private var links = RangeList([])
    private let blocks: BlockIndex
    private let mentions: MentionIndex
    private var quotes: [Quote] = []
    /// The longest speech quote, so a window search over `quotes` (sorted by start) can begin where
    /// no earlier quote can reach.
    private var longestQuote = 0
    /// The dates' ranges, read from `dates` in place.
    private var dateRanges: DateRanges { DateRanges(dates: dates) }
    private var longestDate = 0
    /// The dates, sorted by range: the layer itself when it is in order already, as the dates
    /// analyzer gives it (no copy of a date a line on a list article).
    private var dates: [DateMention] = []
    /// Entity id → index in the entities layer.
    private var entityIndex: [String: Int] = [:]
    /// Sources with a range, as (range, index in the sources layer), sorted by range.
    private var placedSources: [(range: TextRange, index: Int)] = []
    /// The longest source range, for the same window search.
    private var longestSource = 0
    /// Entity id → indexes of the sources that name it.
    private var sourcesByEntity: [String: [Int]] = [:]
    /// A speaker's wording, lower case → the source the `sources` analyzer made of a speaker that is
    /// no entity ("the council", "the transport department").
    private var sourcesByWording: [String: Int] = [:]
    /// The ranges of vague-attribution findings, sorted.
    private var vagueRanges: [TextRange] = []
    private var vector = ClaimFeatureVector()
    private var markers = ClaimFeatureExtractor.Markers()
    private(set) var claims: [ClaimAnnotation] = []
    private(set) var findings: [Finding] = []
    /// Each distinct list of reasons and each distinct finding message once, shared by the claims
    /// and findings that have it: an article of many claims repeats them, and each copy was an
    /// allocation of its own (about a fifth of the default pipeline's peak on 10 MB of prose).
    /// Keyed by the features and weights rather than by the reasons themselves: hashing their
    /// names and descriptions, and resizing a dictionary keyed by an array of them (a runtime
    /// conformance lookup), took about 1.5% of the default pipeline.
    private var sharedReasons: [ReasonsKey: [ClaimAnnotation.Reason]] = [:]
    /// One finding for each distinct message, which the findings with that message are copied
    /// from, so that they share its text (`Finding.moved(to:severity:)`).
    private var findingsByMessage: [String: Finding] = [:]

    init(
        units: ScalarBuffer.Units<U>, document: Document, model: ClaimModel, extractor: ClaimFeatureExtractor, threshold: Double,
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
        links = RangeList(document.links.compactMap(\.range).filter { !$0.isEmpty })
        dates = document.annotations.dates
        if zip(dates, dates.dropFirst()).contains(where: { $1.range < $0.range }) { dates.sort { $0.range < $1.range } }
        // Indexes built once, so every per-sentence lookup below is a binary search, not a scan of
        // the whole layer: a 5 MB article has tens of thousands of sentences, dates and sources.
        longestQuote = quotes.map(\.range.count).max() ?? 0
        longestDate = dateRanges.reduce(0) { max($0, $1.count) }
        for (i, e) in document.annotations.entities.enumerated() where entityIndex[e.id] == nil { entityIndex[e.id] = i }
        for (i, source) in document.annotations.sources.enumerated() {
            if let r = source.range { placedSources.append((r, i)) }
            if let e = source.entity { sourcesByEntity[e.id, default: []].append(i) }
            // Anonymous sources too: `sources` makes one source of a wording however often it speaks.
            if source.entity == nil, source.kind == .organization || source.kind == .person || source.kind == .anonymous {
                let key = source.name.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
                if sourcesByWording[key] == nil { sourcesByWording[key] = i }
            }
        }
        placedSources.sort { $0.range < $1.range }
        longestSource = placedSources.map(\.range.count).max() ?? 0
        vagueRanges = document.annotations.findings.filter { $0.kind == "sources.vague-attribution" }.compactMap(\.range).sorted()
    }

    /// The ranges of date mentions in order of start: no second array of 8 bytes a mention.
    private struct DateRanges: RandomAccessCollection {
        let dates: [DateMention]
        var startIndex: Int { 0 }
        var endIndex: Int { dates.count }
        subscript(i: Int) -> TextRange { dates[i].range }
    }

    /// The first of a sorted range list that lies inside `range`.
    private static func firstRange<Ranges: RandomAccessCollection<TextRange>>(in range: TextRange, _ sorted: Ranges) -> TextRange?
    where Ranges.Index == Int {
        var i = sorted.firstIndex(startingAtOrAfter: range.start, by: \.start)
        while i < sorted.count && sorted[i].start < range.end {
            if range.contains(sorted[i]) { return sorted[i] }
            i += 1
        }
        return nil
    }

    /// Whether some range of a sorted list contains `inner`.
    private static func anyContains<Ranges: RandomAccessCollection<TextRange>>(_ inner: TextRange, _ sorted: Ranges, longest: Int) -> Bool
    where Ranges.Index == Int {
        var i = sorted.firstIndex(startingAtOrAfter: inner.start - longest, by: \.start)
        while i < sorted.count && sorted[i].start <= inner.start {
            if sorted[i].contains(inner) { return true }
            i += 1
        }
        return false
    }

    /// The sentences in text order, and the listed sources' entries, for `candidate(_:of:)`.
    private struct Candidates {
        let layer: [Sentence]
        /// The ranges sorted, when the layer is out of order (the sentences analyzer gives them in
        /// order, so this is nil and no second array of 8 bytes a sentence is made).
        let sorted: [TextRange]?
        let listed: RangeList
        var count: Int { layer.count }
        subscript(k: Int) -> TextRange { sorted?[k] ?? layer[k].range }
    }

    private func candidates() -> Candidates {
        let layer = document.annotations.sentences
        return Candidates(
            layer: layer,
            sorted: zip(layer, layer.dropFirst()).contains(where: { $0.range > $1.range }) ? layer.map(\.range).sorted() : nil,
            listed: RangeList(document.annotations.sources.filter { $0.kind == .listed }.compactMap(\.range)))
    }

    /// The `k`th sentence as the analyzer reads it, or nil when it reads it not: section headings,
    /// bylines, datelines, source lists and a listed source's entry ("Read more: …") point at
    /// coverage rather than claim. Taken one at a time, not gathered into an array first.
    private mutating func candidate(_ k: Int, of candidates: Candidates) -> TextRange? {
        var range = candidates[k]
        if let block = blocks.block(at: range.start) {
            if block.kind == .heading || block.kind == .byline || block.kind == .dateline || block.kind == .sourcesSection {
                return nil
            }
            // An embedded post's signature ("— Author (@handle) date") says who posted, not
            // what: the claim is the post's text before it, and a link alone is none.
            if block.kind == .embeddedPost {
                guard let cut = signatureStart(in: block.range, within: range) else { return range }
                range = TextRange(start: range.start, end: cut)
                // Nor are the addresses that close the post ("… https://t.co/x6Yz"): they point
                // at the post and say nothing; an anchor over words ("@Mediaite") is kept.
                while let link = links.closing(range), WrittenAddress.starts(units, link.start..<link.end) {
                    range = TextRange(start: range.start, end: trimmedEnd(before: link.start, after: range.start))
                }
                if range.isEmpty || links.holds(range) { return nil }
            }
        }
        return candidates.listed.overlaps(range) ? nil : range
    }

    /// Where the signature of the embedded post in `block` starts inside `range`, before its dash
    /// and the spaces before that; nil when it lies outside.
    private mutating func signatureStart(in block: TextRange, within range: TextRange) -> Int? {
        guard let signature = PostSignature.parse(units, in: block), range.start < signature.author.start,
            signature.author.start < range.end
        else {
            return nil
        }
        // Back from the author's name over spaces, the dash and the spaces before it.
        var k = signature.author.start
        func v(_ i: Int) -> UInt32 { UInt32(truncatingIfNeeded: units[i]) }
        while k > range.start && v(k - 1) == 0x20 { k -= 1 }
        guard k > range.start, v(k - 1) == 0x2014 || v(k - 1) == 0x2013 || v(k - 1) == 0x2D else { return nil }
        k -= 1
        return trimmedEnd(before: k, after: range.start)
    }

    /// `end`, moved back over the spaces and line breaks before it, but not before `start`.
    private func trimmedEnd(before end: Int, after start: Int) -> Int {
        var k = end
        while k > start, case let v = UInt32(truncatingIfNeeded: units[k - 1]), v == 0x20 || v == 0x0A { k -= 1 }
        return k
    }

    /// Tokenizes `range` into `tokens`, leaving out the words of a link's address ("t.co/x6Yz").
    private mutating func tokenize(_ range: TextRange) {
        tokens.removeAll(keepingCapacity: true)
        TextTokenizer.tokenize(units, range: range.start..<range.end, into: &tokens)
        guard !links.isEmpty else { return }
        // The tokens are in order: one walk along the links, not a search per token.
        let ranges = links.ranges
        var k = ranges.firstIndex(startingAtOrAfter: range.start - links.longest, by: \.start)
        tokens.removeAll { t in
            while k < ranges.count && ranges[k].end <= t.start { k += 1 }
            return k < ranges.count && ranges[k].start <= t.start && t.end <= ranges[k].end
        }
    }

    /// The speech quote that carries most of `range`, when one covers a third of it or names its
    /// speaker inside it.
    private mutating func quote(for range: TextRange) -> Quote? {
        var best: (Quote, Int)?
        var i = quotes.firstIndex(startingAtOrAfter: range.start - 200 - longestQuote, by: \.range.start)
        while i < quotes.count && quotes[i].range.start < range.end + 200 {
            let q = quotes[i]
            i += 1
            guard q.range.end > range.start - 200 else { continue }
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
        tokenize(range)
        let span = tokens.indices
        words = 0
        for t in span where !tokens[t].shape.contains(.symbol) { words += 1 }
        tokens.withUnsafeBufferPointer { all in
            let slice = UnsafeBufferPointer(rebasing: all[span])
            extractor.extract(units, tokens: slice, into: &vector, markers: &markers)
        }
        // The layer as the mention index holds it: `document.annotations.entities` looks the layer up
        // and casts it on every read, and this runs for every sentence.
        let entities = mentions.entities
        for entry in mentions.entries(overlapping: range) {
            let kind = entities[entry.entity].kind
            if kind == .person && !entry.isPronoun { vector.set(.person) }
            if kind == .organization || kind == .location || kind == .group { vector.set(.entity) }
        }
        if Self.firstRange(in: range, dateRanges) != nil { vector.set(.date) }
        let q = quote(for: range)
        if let q {
            vector.set(.speech)
            if let speaker = q.speaker, let e = entityIndex[speaker.id], !mentions.entities[e].roles.isEmpty {
                vector.set(.officialSpeaker)
            }
        }
        return q
    }

    /// One SVMlight line per candidate sentence, for fitting the model.
    mutating func trainingLines() -> [String] {
        var lines: [String] = []
        var words = 0
        let candidates = candidates()
        for k in 0..<candidates.count {
            guard let range = candidate(k, of: candidates) else { continue }
            _ = features(range, words: &words)
            if words >= minimumWords { lines.append(vector.svmlight) }
        }
        return lines
    }

    mutating func run(flagUnsourced: Bool) {
        var words = 0
        let sources = document.annotations.sources
        let candidates = candidates()
        // Room for every sentence at once: grown by doubling, the claims of a long article were
        // copied at each step, with the old and the new array alive together (an upper bound
        // costs address space, not memory, where no claim is written).
        claims.reserveCapacity(candidates.count)
        if flagUnsourced { findings.reserveCapacity(candidates.count) }
        for k in 0..<candidates.count {
            guard let range = candidate(k, of: candidates) else { continue }
            let q = features(range, words: &words)
            guard words >= minimumWords else { continue }
            let probability = model.score(vector)
            guard probability >= threshold else { continue }
            let contributions = model.contributions(vector)
            var claim = ClaimAnnotation(range: range, checkWorthiness: (probability * 1000).rounded() / 1000, kind: kind(q))
            let strongest = contributions.filter { abs($0.1) >= 0.1 }.sorted { abs($0.1) > abs($1.1) }.prefix(5).map {
                ($0.0, ($0.1 * 100).rounded() / 100)
            }
            let key = ReasonsKey(strongest)
            if let shared = sharedReasons[key] {
                claim.reasons = shared
            } else {
                let reasons = strongest.map { ClaimAnnotation.Reason(feature: $0.0.name, description: $0.0.description, weight: $0.1) }
                sharedReasons[key] = reasons
                claim.reasons = reasons
            }
            claim.hedges = markers.hedges
            claim.boosters = markers.boosters
            if let q {
                claim.quote = Reference(q.id)
                claim.claimant = q.speaker
                // A speaker that is no entity counts only when `sources` made it a source ("the council");
                // a vague group ("experts say") or a document leaves the claim to the publication.
                let singledOut = q.speaker == nil && unnamedSource(of: q) != nil
                claim.claimantKind = q.isAnonymous ? .anonymous : (q.speaker != nil || singledOut ? .speaker : .publication)
                if let cue = q.cueRange, range.contains(cue) {
                    let speaker = q.speakerRange.flatMap { range.contains($0) ? $0 : nil }
                    claim.attribution = speaker.map { TextRange(start: min($0.start, cue.start), end: max($0.end, cue.end)) } ?? cue
                }
            } else {
                claim.claimantKind = .publication
            }
            claim.actors = actors(in: range, except: claim.claimant)
            var d = dates.firstIndex(startingAtOrAfter: range.start, by: \.range.start)
            while d < dates.count && dates[d].range.start < range.end {
                if range.contains(dates[d].range) { claim.dates.append(Reference(dates[d].id)) }
                d += 1
            }
            claim.support = support(for: range, quote: q, sources: sources)
            if claim.attribution == nil {
                // The first such source in layer order, as before the index.
                claim.attribution =
                    sourcesInside(range).filter { i in
                        let k = sources[i].kind
                        return k == .outlet || k == .document || k == .anonymous || k == .organization
                    }.min().flatMap { sources[$0].range }
            }
            let vagueHere = Self.firstRange(in: range, vagueRanges)
            if claim.attribution == nil, let v = vagueHere { claim.attribution = v }
            if flagUnsourced && claim.isUnsourced {
                let score = claim.checkWorthinessText
                let message =
                    vagueHere != nil
                    ? "claim rests on a vague attribution and no source in the article (check-worthiness \(score))"
                    : "claim with no source: nothing in the article backs it (check-worthiness \(score))"
                let severity: Finding.Severity = claim.checkWorthiness >= 0.75 ? .warning : .notice
                if let shared = findingsByMessage[message] {
                    findings.append(shared.moved(to: range, severity: severity))
                } else {
                    let finding = Finding(
                        kind: vagueHere != nil ? "claims.vaguely-sourced" : "claims.unsourced", message: message, severity: severity,
                        range: range)
                    findingsByMessage[message] = finding
                    findings.append(finding)
                }
            }
            claims.append(claim)
        }
    }

    /// Whether the sentence `features` tokenized last has a number that is not part of a date
    /// ("On December 14, 2025").
    private mutating func hasQuantity() -> Bool {
        for t in tokens.indices where tokens[t].shape.contains(.digit) {
            if !Self.anyContains(tokens[t].range, dateRanges, longest: longestDate) && !isDesignator(t) { return true }
        }
        return false
    }

    /// Whether the number at token `t` is part of a name rather than a quantity: it follows a
    /// capitalised word that does not open the sentence, after one space or a hyphen ("Article 5",
    /// "Route 9", "Boeing 737", "COVID-19"). Not after a possessive ("Jupiter's 79 moons") or a
    /// currency ("Rs 300", "USD 40").
    private func isDesignator(_ t: Int) -> Bool {
        guard t >= 2 else { return false }
        let word = tokens[t - 1]
        guard word.shape.contains(.capitalized), !word.shape.contains(.digit), tokens[t].start == word.end + 1,
            !currencies.contains(word.hash)
        else { return false }
        let between = UInt32(truncatingIfNeeded: units[word.end])
        guard between == 0x20 || between == 0x2D else { return false }
        if word.end - word.start > 2 {
            let last = UInt32(truncatingIfNeeded: units[word.end - 1]) | 0x20
            let apostrophe = UInt32(truncatingIfNeeded: units[word.end - 2])
            if last == 0x73 && (apostrophe == 0x27 || apostrophe == 0x2019) { return false }
        }
        return true
    }

    /// The kind of the sentence `features` read last, carried by quote `q` when there is one.
    private mutating func kind(_ q: Quote?) -> ClaimKind {
        if hasQuantity() || vector.has(.percent) || vector.has(.money) { return .quantity }
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

    private mutating func actors(in range: TextRange, except claimant: Reference<Entity>?) -> [Reference<Entity>] {
        var seen = Set<Int>()
        var result: [Reference<Entity>] = []
        let entities = mentions.entities
        for entry in mentions.entries(overlapping: range) where !entry.isPronoun && seen.insert(entry.entity).inserted {
            let id = entities[entry.entity].id
            guard id != claimant?.id, entities[entry.entity].kind != .misc else { continue }
            result.append(Reference(id))
        }
        return result
    }

    /// The source `sources` made of a quote's speaker that is no entity, by its wording (an
    /// unnamed speaker's too: `American officials` said three times is one source, and
    /// `Prosecutors` an organisation).
    private mutating func unnamedSource(of quote: Quote) -> Int? {
        guard quote.speaker == nil, let r = quote.speakerRange else { return nil }
        let wording = document.text(in: r).trimmingCharacters(in: .whitespacesAndNewlines)
        if let i = sourcesByWording[wording.lowercased()] { return i }
        // `the aide` after `a senior aide who asked not to be named`: the nearest anonymous source
        // (or unnamed organisation's speaker, `a spokeswoman for Harbour Foods`) before it with the
        // same head noun, which `sources` made of the first wording only.
        guard quote.isAnonymous, UnnamedSpeakerWording.refersBack(wording), let head = UnnamedSpeakerWording.head(wording) else {
            return nil
        }
        let sources = document.annotations.sources
        var k = placedSources.firstIndex(startingAtOrAfter: r.start, by: \.range.start)
        while k > 0 {
            k -= 1
            let s = sources[placedSources[k].index]
            if s.kind == .anonymous || s.kind == .organization, s.entity == nil, UnnamedSpeakerWording.head(s.name) == head {
                return placedSources[k].index
            }
        }
        return nil
    }

    /// Indexes (in the sources layer) of the sources whose range lies inside `range`.
    private mutating func sourcesInside(_ range: TextRange) -> [Int] {
        var result: [Int] = []
        var i = placedSources.firstIndex(startingAtOrAfter: range.start, by: \.range.start)
        while i < placedSources.count && placedSources[i].range.start < range.end {
            if range.contains(placedSources[i].range) { result.append(placedSources[i].index) }
            i += 1
        }
        return result
    }

    private mutating func support(for range: TextRange, quote: Quote?, sources: [SourceAnnotation]) -> [ClaimAnnotation.Support] {
        var result: [ClaimAnnotation.Support] = []
        func add(_ s: SourceAnnotation, _ via: ClaimAnnotation.Support.Via) {
            // Compared as references, not as id strings made for every one.
            let source = Reference<SourceAnnotation>(s.id)
            if !result.contains(where: { $0.source == source }) { result.append(.init(source: source, via: via)) }
        }
        // Candidates come from the indexes; each group is then taken in layer order, as a scan of the layer would.
        if let quote {
            var candidates = quote.speaker.flatMap { sourcesByEntity[$0.id] } ?? []
            if quote.isAnonymous, let r = quote.speakerRange {
                var i = placedSources.firstIndex(startingAtOrAfter: r.start, by: \.range.start)
                while i < placedSources.count && placedSources[i].range.start == r.start {
                    if placedSources[i].range == r { candidates.append(placedSources[i].index) }
                    i += 1
                }
            }
            if quote.speaker == nil, let i = unnamedSource(of: quote) { candidates.append(i) }
            for i in Set(candidates).sorted() {
                let s = sources[i]
                if let speaker = quote.speaker, s.entity == speaker { add(s, .speaker) }
                if quote.isAnonymous, s.entity == nil, s.kind == .anonymous || s.kind == .organization { add(s, .speaker) }
                if quote.speaker == nil, !quote.isAnonymous, s.entity == nil, s.kind != .anonymous { add(s, .speaker) }
            }
        }
        let paragraph = blocks.block(at: range.start)
        // Every source that can match lies within the sentence or its paragraph, or overlaps them.
        var lower = range.start
        var upper = range.end
        if let paragraph {
            lower = min(lower, paragraph.range.start)
            upper = max(upper, paragraph.range.end)
        }
        var nearby: [Int] = []
        var i = placedSources.firstIndex(startingAtOrAfter: lower - longestSource, by: \.range.start)
        while i < placedSources.count && placedSources[i].range.start < upper {
            nearby.append(placedSources[i].index)
            i += 1
        }
        for k in nearby.sorted() {
            let s = sources[k]
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

/// A claim's reasons as a dictionary key: at most five features and their rounded weights. Equal
/// keys make equal reasons (a reason's name and description follow from its feature).
private struct ReasonsKey: Hashable {
    /// The number of reasons in the low 8 bits, each feature's raw value in the 8 bits above.
    var features: UInt64
    /// The weights' bit patterns, 0 past the last.
    var w0: UInt64 = 0
    var w1: UInt64 = 0
    var w2: UInt64 = 0
    var w3: UInt64 = 0
    var w4: UInt64 = 0

    init(_ reasons: [(ClaimFeature, Double)]) {
        precondition(reasons.count <= 5 && ClaimFeature.allCases.count < 256)
        features = UInt64(reasons.count)
        for (k, (feature, weight)) in reasons.enumerated() {
            features |= UInt64(feature.rawValue) << UInt64(8 * (k + 1))
            switch k {
            case 0: w0 = weight.bitPattern
            case 1: w1 = weight.bitPattern
            case 2: w2 = weight.bitPattern
            case 3: w3 = weight.bitPattern
            default: w4 = weight.bitPattern
            }
        }
    }
}

/// Currency abbreviations and codes written before an amount, as their token hashes.
private let currencies: Set<UInt64> = Set(
    [
        "Rs", "Rp", "Re", "Tk", "USD", "EUR", "GBP", "INR", "JPY", "CNY", "RMB", "AUD", "CAD", "CHF", "HKD", "SGD", "NZD", "SEK", "NOK",
        "DKK", "PLN", "ZAR", "BRL", "MXN", "KRW", "RUB", "UAH", "NGN", "KES", "PHP", "IDR", "PKR", "BDT", "EGP", "SAR", "AED", "TRY",
    ].map(WordTable.hash))
