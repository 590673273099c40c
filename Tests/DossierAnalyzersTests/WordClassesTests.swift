import Testing

@testable import DossierAnalyzers

@Suite("Entity word classes")
struct WordClassesTests {
    @Test("a one-word phrase's sequence hash inverts to the word's hash")
    func inversion() {
        for word in ["Paris", "NATO", "chancellor", "Łódź", ""] {
            let hash = WordHash.word(word)
            #expect(WordClasses.word(ofSingle: WordHash.combine(WordHash.sequenceSeed, hash)) == hash)
        }
    }

    @Test("a word is in the classes of the word lists and one-word phrases that hold it, and in no other")
    func lookups() {
        let paris = WordHash.word("Paris")
        let mara = WordHash.word("Mara")
        let bank = WordHash.word("bank")
        let (twoWords, _) = Gazetteer.sequenceHash("Norrland Bank")
        let classes = WordClasses(
            words: [(HashSet64([mara]), .femaleName), (HashSet64([bank, mara]), .organizationHead)],
            phrases: [(HashSet64([Gazetteer.sequenceHash("Paris").0, twoWords]), .place)],
            wholePhrases: [(HashSet64([Gazetteer.sequenceHash("Paris").0, twoWords]), .placePhrase)])
        #expect(classes.classes(paris) == .place)
        #expect(classes.classes(mara) == [.femaleName, .organizationHead])
        #expect(classes.classes(bank) == .organizationHead)
        #expect(classes.classes(WordHash.word("Norrland")).isEmpty)
        #expect(classes.classes(WordHash.word("Vellmar")).isEmpty)
        #expect(classes.classes(twoWords) == .placePhrase)
        #expect(classes.classes(Gazetteer.sequenceHash("Paris").0) == .placePhrase)
        #expect(classes.classes(Gazetteer.sequenceHash("Norrland").0).isEmpty)
    }

    @Test("the shipped table answers as the shipped lists do")
    func agreesWithGazetteer() {
        let g = Gazetteer.shared
        for word in ["Germany", "German", "Maria", "John", "minister", "University", "Valley", "the", "said", "WHO", "Merz"] {
            let h = WordHash.word(word)
            let one = WordHash.combine(WordHash.sequenceSeed, h)
            let c = g.classes.classes(h)
            #expect(c.contains(.place) == g.places.contains(one), "\(word)")
            #expect(c.contains(.demonym) == g.demonyms.contains(one), "\(word)")
            #expect(c.contains(.acronym) == g.acronyms.contains(one), "\(word)")
            #expect(c.contains(.femaleName) == g.femaleNames.contains(h), "\(word)")
            #expect(c.contains(.maleName) == g.maleNames.contains(h), "\(word)")
            #expect(c.contains(.titleWord) == g.titleWords.contains(h), "\(word)")
            #expect(c.contains(.organizationHead) == g.organizationHeads.contains(h), "\(word)")
            #expect(c.contains(.placeHead) == g.placeHeads.contains(h), "\(word)")
            #expect(c.contains(.englishWord) == g.englishWords.contains(h), "\(word)")
            let p = g.classes.classes(one)
            #expect(p.contains(.placePhrase) == g.places.contains(one), "\(word)")
            #expect(p.contains(.organizationPhrase) == g.organizations.contains(one), "\(word)")
        }
        #expect(g.classes.classes(WordHash.word("Germany")).contains(.place))
        let (unitedStates, _) = Gazetteer.sequenceHash("United States")
        #expect(g.classes.classes(unitedStates).contains(.placePhrase) == g.places.contains(unitedStates))
    }
}
