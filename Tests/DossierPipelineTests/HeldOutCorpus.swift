import Dossier
import DossierTesting
import Foundation
import Testing

/// A folder of held-out articles with their key: `gold.json` maps each article's name (its file
/// without `.txt`) to what a person marked in it. Shared by the held-out tests of each layer.
enum HeldOutCorpus {
    /// Each article of `folder` run through the `text` reader and `analyzers` (a YAML list's
    /// items), with its key, in the order of the names.
    static func analyze<Gold: Decodable>(
        _ folder: URL, key: Gold.Type, analyzers: String
    ) async throws -> [(name: String, document: Document, gold: Gold)] {
        let golds = try JSONDecoder().decode([String: Gold].self, from: Data(contentsOf: folder.appendingPathComponent("gold.json")))
        let names = golds.keys.sorted()
        let inputs = try names.map {
            (name: "\($0).txt", text: try String(contentsOf: folder.appendingPathComponent("\($0).txt"), encoding: .utf8))
        }
        let yaml = "version: 1\nreader: text\nanalyzers: [\(analyzers)]\nexporters: [json]\n"
        let result = try await InMemoryRunner(registry: .standard).run(yaml, inputs: inputs)
        let documents = try result.documents()
        try #require(documents.count == names.count, "\(result.diagnostics)")
        return zip(names, documents).map { ($0, $1, golds[$0]!) }
    }

    /// The range, in scalars, of each of `phrases` in the document's text at or after `start`: the
    /// n-th occurrence for the n-th time a phrase is listed, nil when it does not occur that often.
    static func ranges(of phrases: [String], in document: Document, from start: Int = 0) -> [TextRange?] {
        let scalars = Array(document.text.unicodeScalars)
        var seen: [String: Int] = [:]
        return phrases.map { phrase in
            let needle = Array(phrase.unicodeScalars)
            let wanted = seen[phrase, default: 0]
            seen[phrase] = wanted + 1
            var count = 0
            var k = start
            while k + needle.count <= scalars.count {
                if scalars[k..<k + needle.count].elementsEqual(needle) {
                    if count == wanted { return TextRange(start: k, end: k + needle.count) }
                    count += 1
                }
                k += 1
            }
            return nil
        }
    }
}
