import Dossier
import DossierTesting
import Foundation
import Testing

/// Loaded language and clickbait on ten articles the framing lexicons were not written against
/// (see `HeldOutFraming/README.md`); floors a little under the figures measured when they were added.
@Suite("Held-out articles: framing")
struct HeldOutFramingTests {
    struct Gold: Decodable {
        var clickbait: Bool
        var loaded: [String]
        var quotedLoaded: [String]
        var neutral: [String]
    }

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("HeldOutFraming")
    static let kinds: Set<String> = ["framing.sensational", "framing.loaded-verb", "framing.loaded-label"]

    @Test("loaded words in the writer's voice are found, neutral uses left alone, clickbait headlines told apart")
    func loadedLanguage() async throws {
        let analyzed = try await HeldOutCorpus.analyze(
            Self.folder, key: Gold.self, analyzers: "sentences, entities, dates, quotes, sources, claims, framing")
        var gold = 0
        var found = 0
        var predicted = 0
        var right = 0
        var onNeutral = 0
        var headlinesRight = 0
        var misses: [String] = []
        for (name, document, key) in analyzed {
            let listed = zip(key.loaded, HeldOutCorpus.ranges(of: key.loaded, in: document)).compactMap { phrase, range in
                range.map { (phrase, $0) }
            }
            let loaded = listed.map(\.1)
            let neutral = HeldOutCorpus.ranges(of: key.neutral, in: document).compactMap { $0 }
            let own = document.annotations.findings.filter { Self.kinds.contains($0.kind) && $0.severity != .info }.compactMap(\.range)
            for (phrase, range) in listed {
                gold += 1
                if own.contains(where: { $0.overlaps(range) }) {
                    found += 1
                } else {
                    misses.append("\(name): missed '\(phrase)'")
                }
            }
            for range in own {
                predicted += 1
                if loaded.contains(where: { $0.overlaps(range) }) {
                    right += 1
                } else {
                    misses.append("\(name): '\(document.text(in: range))' is not loaded in the key")
                    if neutral.contains(where: { $0.overlaps(range) }) { onNeutral += 1 }
                }
            }
            let score = document.annotations.metrics.first { $0.name == "framing.clickbait" }?.value
            if let score, (score >= 0.5) == key.clickbait {
                headlinesRight += 1
            } else {
                misses.append("\(name): clickbait score \(score ?? -1)")
            }
        }
        let recall = Double(found) / Double(max(gold, 1))
        let precision = Double(right) / Double(max(predicted, 1))
        print(
            String(
                format:
                    "held-out framing: loaded found %d of %d (%.3f), findings right %d of %d (%.3f), on neutral uses %d, headlines right %d of %d",
                found, gold, recall, right, predicted, precision, onNeutral, headlinesRight, analyzed.count))
        for miss in misses { print("  " + miss) }
        #expect(gold >= 150)
        #expect(recall >= 0.50, "\(misses)")
        #expect(precision >= 0.85, "\(misses)")
        #expect(onNeutral <= 3)
        #expect(headlinesRight >= 17)
    }
}
