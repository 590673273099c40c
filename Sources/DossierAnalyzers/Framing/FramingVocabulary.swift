/// The lexicon an analyzer instance matches against: the shipped lists and the entries its
/// options add (`extraSensational`, …, `notFraming`), looked up together.
///
/// The options' entries live in a second small table rather than a merged copy, so creating an
/// analyzer (which `dossier lint` never does, but a run does once) reads no resource; the second
/// table is probed only when it has entries.
struct FramingVocabulary: Sendable {
    let shipped: FramingLexicon
    let extra: FramingLexicon
    /// The most words in an entry of either lexicon.
    let longest: Int

    init(shipped: FramingLexicon, extra: FramingLexicon) {
        self.shipped = shipped
        self.extra = extra
        longest = max(shipped.longest, extra.longest)
    }

    /// Whether a multi-word entry starts with the word whose hash is `word`.
    @inline(__always) func isStarter(_ word: UInt64) -> Bool {
        shipped.starters.contains(word) || (!extra.isEmpty && extra.starters.contains(word))
    }

    /// The categories of the entry whose sequence hash is `hash`.
    @inline(__always) func categories(_ hash: UInt64) -> FramingCategory {
        extra.isEmpty ? shipped.categories(hash) : shipped.categories(hash).union(extra.categories(hash))
    }

    /// The entry a matched form reports.
    func cue(_ hash: UInt64) -> String? { extra.cues[hash] ?? shipped.cues[hash] }
}
