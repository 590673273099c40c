import Dossier
import DossierTesting
import Foundation
import Testing

/// Dates found, typed and resolved on ten dated articles the rules were not written against (see
/// `HeldOutDates/README.md`); floors a little under the figures measured when they were added.
@Suite("Held-out articles: dates")
struct HeldOutDateTests {
    /// One gold mention, written in the file as `[text, kind, value]` (a fourth element says why a
    /// value is null).
    struct GoldDate: Decodable {
        var text: String
        var kind: String
        var value: String?

        init(from decoder: any Decoder) throws {
            var c = try decoder.unkeyedContainer()
            text = try c.decode(String.self)
            kind = try c.decode(String.self)
            value = try c.decodeIfPresent(String.self)
        }
    }

    struct Gold: Decodable {
        var published: String
        var dates: [GoldDate]
        var notDates: [String]
    }

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("HeldOutDates")

    @Test("dates are found, told point from range from duration, and resolved against the published date")
    func datesFoundAndResolved() async throws {
        let analyzed = try await HeldOutCorpus.analyze(Self.folder, key: Gold.self, analyzers: "sentences, dates")
        var gold = 0
        var found = 0
        var predicted = 0
        var predictedRight = 0
        var kindsRight = 0
        var valued = 0
        var valuesRight = 0
        var publishedRight = 0
        var misses: [String] = []
        for (name, document, key) in analyzed {
            if document.metadata.published?.hasPrefix(key.published) ?? false { publishedRight += 1 }
            // The body starts after the published date's line.
            let text = document.text
            let body = text.range(of: "\n\n").flatMap { first in text.range(of: "\n\n", range: first.upperBound..<text.endIndex) }
            let bodyStart = body.map { text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: $0.upperBound) } ?? 0
            let mentions = document.annotations.dates
            var spans: [TextRange] = []
            for (entry, located) in zip(key.dates, HeldOutCorpus.ranges(of: key.dates.map(\.text), in: document, from: bodyStart)) {
                guard let span = located else { continue }
                spans.append(span)
                gold += 1
                let hits = mentions.filter { $0.range.overlaps(span) }
                guard
                    let mention = hits.min(by: {
                        abs($0.range.start - span.start) + abs($0.range.end - span.end) < abs($1.range.start - span.start)
                            + abs($1.range.end - span.end)
                    })
                else {
                    misses.append("\(name): missed '\(entry.text)'")
                    continue
                }
                found += 1
                if mention.kind.rawValue == entry.kind { kindsRight += 1 }
                guard let value = entry.value else { continue }
                valued += 1
                if mention.value == value {
                    valuesRight += 1
                } else {
                    misses.append("\(name): '\(entry.text)' is \(mention.value ?? "unresolved"), not \(value)")
                }
            }
            for mention in mentions where mention.range.start >= bodyStart {
                predicted += 1
                if spans.contains(where: { $0.overlaps(mention.range) }) {
                    predictedRight += 1
                } else {
                    misses.append("\(name): '\(document.text(in: mention.range))' is no date of the key")
                }
            }
        }
        let recall = Double(found) / Double(max(gold, 1))
        let precision = Double(predictedRight) / Double(max(predicted, 1))
        print(
            String(
                format: "held-out dates: found %d of %d (%.3f), precision %d of %d (%.3f); kind right %d, value right %d of %d (%.3f)",
                found, gold, recall, predictedRight, predicted, precision, kindsRight, valuesRight, valued,
                Double(valuesRight) / Double(max(valued, 1))))
        for miss in misses { print("  " + miss) }
        #expect(publishedRight == analyzed.count)
        #expect(gold >= 300)
        #expect(recall >= 0.90, "\(misses)")
        #expect(precision >= 0.93, "\(misses)")
        #expect(kindsRight * 100 >= found * 95)
        #expect(valuesRight * 100 >= valued * 91, "\(misses)")
    }
}
