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
        let golds = try JSONDecoder().decode([String: Gold].self, from: Data(contentsOf: Self.folder.appendingPathComponent("gold.json")))
        let names = golds.keys.sorted()
        let inputs = try names.map {
            (name: "\($0).txt", text: try String(contentsOf: Self.folder.appendingPathComponent("\($0).txt"), encoding: .utf8))
        }
        let yaml =
            "version: 1\nreader: text\nanalyzers: [sentences, entities, dates, quotes, sources, claims, framing]\nexporters: [json]\n"
        let result = try await InMemoryRunner(registry: .standard).run(yaml, inputs: inputs)
        let documents = try result.documents()
        try #require(documents.count == names.count, "\(result.diagnostics)")
        var gold = 0
        var found = 0
        var predicted = 0
        var right = 0
        var onNeutral = 0
        var headlinesRight = 0
        var misses: [String] = []
        for (name, document) in zip(names, documents) {
            let key = golds[name]!
            /// The n-th occurrence of each listed phrase, in order.
            func ranges(_ phrases: [String]) -> [TextRange] {
                var seen: [String: Int] = [:]
                return phrases.compactMap { phrase in
                    let n = seen[phrase, default: 0]
                    seen[phrase] = n + 1
                    var from = document.text.startIndex
                    var found: Range<String.Index>?
                    for _ in 0...n {
                        guard let r = document.text.range(of: phrase, range: from..<document.text.endIndex) else { return nil }
                        found = r
                        from = document.text.index(after: r.lowerBound)
                    }
                    guard let r = found else { return nil }
                    let start = document.text.unicodeScalars.distance(from: document.text.unicodeScalars.startIndex, to: r.lowerBound)
                    return TextRange(start: start, end: start + phrase.unicodeScalars.count)
                }
            }
            let loaded = ranges(key.loaded)
            let neutral = ranges(key.neutral)
            let own = document.annotations.findings.filter { Self.kinds.contains($0.kind) && $0.severity != .info }.compactMap(\.range)
            for (phrase, range) in zip(key.loaded, loaded) {
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
                found, gold, recall, right, predicted, precision, onNeutral, headlinesRight, names.count))
        for miss in misses { print("  " + miss) }
        #expect(gold >= 80)
        #expect(recall >= 0.50, "\(misses)")
        #expect(precision >= 0.85, "\(misses)")
        #expect(onNeutral <= 1)
        #expect(headlinesRight >= 8)
    }
}
