import ArgumentParser
import Dossier
import Foundation

/// `dossier evaluate`: score components against public evaluation data.
struct EvaluateCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Score a component against evaluation data (sentences, extraction, metadata).",
        discussion: """
            sentences FILE        pySBD-style golden rules: a JSON list of {text, sentences}
            extraction DIR        the html reader's article bodies: DIR/html/*.html.gz and DIR/ground-truth.json \
            ({id: {articleBody}}), scored as 4-word-shingle precision, recall and F1
            metadata DIR          the html reader's metadata: DIR/<case>/source.html and expected-metadata.json
            """)

    static let tasks = ["sentences", "extraction", "metadata"]

    @Argument(help: "What to evaluate: 'sentences', 'extraction' or 'metadata'.")
    var task: String

    @Argument(help: "The evaluation file (sentences) or directory (extraction, metadata).")
    var file: String

    @Flag(help: "Print every failing case in full.")
    var verbose = false

    @Option(help: "extraction: where to write the predictions JSON ({id: {articleBody}}).")
    var predictions: String?

    @Option(help: "extraction: the Python scorer to run on the predictions (default: ../shared/bench/score_extraction.py if present).")
    var scorer: String?

    struct GoldenCase: Decodable {
        var text: String
        var sentences: [String]
    }

    func run(in context: CommandContext) async throws {
        switch task {
        case "sentences": try runSentences(in: context)
        case "extraction": try runExtraction(in: context)
        case "metadata": try runMetadata(in: context)
        default:
            context.err(
                "error: unknown evaluation '\(task)'\(Suggestions.hint(task, among: Self.tasks)); the evaluations are: \(Self.tasks.joined(separator: ", "))\n")
            throw ExitStatus.usage
        }
    }

    private func runSentences(in context: CommandContext) throws {
        let cases: [GoldenCase]
        do {
            cases = try JSONDecoder().decode([GoldenCase].self, from: Data(contentsOf: URL(fileURLWithPath: file)))
        } catch {
            context.err("error: cannot read golden rules from '\(file)': \(error)\n")
            throw ExitStatus.badInput
        }
        let segmenter = SentenceSegmenter()
        var passed = 0
        var lines: [String] = []
        for (i, c) in cases.enumerated() {
            let got = segmenter.segment(c.text)
            if got == c.sentences {
                passed += 1
            } else {
                lines.append("case \(i + 1): expected \(c.sentences.count) sentence(s), got \(got.count)")
                if verbose {
                    lines.append("  expected: \(c.sentences)")
                    lines.append("  got:      \(got)")
                }
            }
        }
        lines.append("sentences: \(passed) of \(cases.count) golden rules pass")
        context.out(lines.joined(separator: "\n") + "\n")
    }
}

// MARK: - extraction

extension EvaluateCommand {
    /// The blocks that make up the article body the benchmark scores: everything the reader
    /// keeps except the title, bylines and captions, which the benchmark's ground truth does not
    /// count as body text (its annotators took the running text of the story only).
    static let nonBodyKinds: Set<BlockKind> = [.title, .byline, .caption]

    static func articleBody(_ document: Document) -> String {
        document.blocks.filter { !nonBodyKinds.contains($0.kind) }.map { document.text(in: $0.range) }.joined(separator: "\n")
    }

    private func runExtraction(in context: CommandContext) throws {
        let dir = URL(fileURLWithPath: file)
        let htmlDir = dir.appendingPathComponent("html")
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: htmlDir.path).filter { $0.hasSuffix(".html.gz") }.sorted()
        } catch {
            context.err("error: cannot list pages in '\(htmlDir.path)': \(error.localizedDescription); give the directory holding html/ and ground-truth.json\n")
            throw ExitStatus.badInput
        }
        let reader = HTMLReader()
        var bodies: [String: [String: String]] = [:]
        var bytes = 0
        var seconds = 0.0
        var failures: [String] = []
        for name in names {
            let id = String(name.dropLast(".html.gz".count))
            let data: Data
            do {
                data = try Gzip.decompress(Data(contentsOf: htmlDir.appendingPathComponent(name)))
            } catch {
                context.err("error: cannot read '\(name)': \(error)\n")
                throw ExitStatus.badInput
            }
            bytes += data.count
            // Only the reader is timed, as peer_extract.py times only the extractor.
            let start = DispatchTime.now().uptimeNanoseconds
            let result = Result { try reader.read(Input(id: id, name: name, data: data)) }
            seconds += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            switch result {
            case .success(let documents): bodies[id] = ["articleBody": documents.first.map(Self.articleBody) ?? ""]
            case .failure(let error):
                failures.append("\(id): \(error)")
                bodies[id] = ["articleBody": ""]
            }
        }
        let output = predictions.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("dossier-extraction-\(ProcessInfo.processInfo.processIdentifier).json")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try encoder.encode(bodies).write(to: output)
        let mb = Double(bytes) / 1e6
        var lines = ["extraction: \(names.count) pages, \(String(format: "%.1f", mb)) MB in \(String(format: "%.2f", seconds)) s = \(String(format: "%.1f", mb / max(seconds, 1e-9))) MB/s"]
        if !failures.isEmpty { lines.append("\(failures.count) page(s) failed:\n  " + failures.joined(separator: "\n  ")) }
        if predictions != nil { lines.append("predictions written to \(output.path)") }
        context.out(lines.joined(separator: "\n") + "\n")

        let scorerPath = scorer ?? "../shared/bench/score_extraction.py"
        if FileManager.default.fileExists(atPath: scorerPath) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", scorerPath, output.path, dir.path]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let text = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            context.out("scorer (\(scorerPath)): " + String(decoding: text, as: UTF8.self))
        } else {
            let gold: [String: [String: String]]
            do {
                gold = try JSONDecoder().decode([String: [String: String?]].self, from: Data(contentsOf: dir.appendingPathComponent("ground-truth.json")))
                    .mapValues { $0.compactMapValues { $0 } }
            } catch {
                context.err("error: cannot read ground-truth.json in '\(dir.path)': \(error)\n")
                throw ExitStatus.badInput
            }
            let score = ShingleScore(gold: gold.mapValues { $0["articleBody"] ?? "" }, predicted: bodies.mapValues { $0["articleBody"] ?? "" })
            context.out(String(format: "precision %.3f recall %.3f F1 %.3f over %d pages (Swift scorer)\n", score.precision, score.recall, score.f1, gold.count))
        }
        if predictions == nil { try? FileManager.default.removeItem(at: output) }
    }

    /// The benchmark's metric, for when Python is not at hand: per-page 4-word-shingle counts
    /// (tokens are runs of word characters), precision and recall averaged over pages.
    struct ShingleScore {
        var precision = 0.0
        var recall = 0.0
        var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

        init(gold: [String: String], predicted: [String: String]) {
            var ps: [Double] = []
            var rs: [Double] = []
            for (id, truth) in gold {
                let t = Self.shingles(truth)
                let p = Self.shingles(predicted[id] ?? "")
                var tp = 0, fp = 0, fn = 0
                for (k, n) in p { let m = min(n, t[k] ?? 0); tp += m; fp += n - m }
                for (k, n) in t { fn += max(0, n - (p[k] ?? 0)) }
                if fp == 0, fn == 0 {
                    if tp + fp > 0 { ps.append(1) }
                    if tp + fn > 0 { rs.append(1) }
                    continue
                }
                if tp + fp > 0 { ps.append(Double(tp) / Double(tp + fp)) }
                if tp + fn > 0 { rs.append(Double(tp) / Double(tp + fn)) }
            }
            precision = ps.isEmpty ? 0 : ps.reduce(0, +) / Double(ps.count)
            recall = rs.isEmpty ? 0 : rs.reduce(0, +) / Double(rs.count)
        }

        static func shingles(_ text: String) -> [[Substring]: Int] {
            let tokens = text.split { !($0.isLetter || $0.isNumber || $0 == "_") }
            var out: [[Substring]: Int] = [:]
            if tokens.isEmpty { return out }
            for i in 0..<max(1, tokens.count - 3) { out[Array(tokens[i..<min(i + 4, tokens.count)]), default: 0] += 1 }
            return out
        }
    }
}

// MARK: - metadata

extension EvaluateCommand {
    /// How each field is compared, chosen to ignore formatting but not content:
    /// title: equal after collapsing whitespace; byline: either contains the other, ignoring case,
    /// whitespace and a leading "By", or every name we found appears in the expected byline; siteName and lang: equal ignoring case; publishedTime: the
    /// same calendar date (the expected values mix time zones and precisions).
    private func runMetadata(in context: CommandContext) throws {
        let dir = URL(fileURLWithPath: file)
        let cases: [String]
        do {
            cases = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted().filter {
                FileManager.default.fileExists(atPath: dir.appendingPathComponent($0).appendingPathComponent("source.html").path)
            }
        } catch {
            context.err("error: cannot list cases in '\(dir.path)': \(error.localizedDescription)\n")
            throw ExitStatus.badInput
        }
        let fields = ["title", "byline", "siteName", "publishedTime", "lang"]
        var have = [String: Int](), match = [String: Int]()
        var misses: [String] = []
        let reader = HTMLReader()
        for name in cases {
            let folder = dir.appendingPathComponent(name)
            guard let expectedData = try? Data(contentsOf: folder.appendingPathComponent("expected-metadata.json")),
                let expected = try? JSONSerialization.jsonObject(with: expectedData) as? [String: Any],
                let source = try? Data(contentsOf: folder.appendingPathComponent("source.html"))
            else { continue }
            let document = try? reader.read(Input(id: name, name: name + "/source.html", data: source)).first
            let m = document?.metadata ?? Metadata()
            let got: [String: String?] = [
                "title": m.title, "byline": m.authors.isEmpty ? nil : m.authors.joined(separator: ", "), "siteName": m.publisher,
                "publishedTime": m.published, "lang": m.language,
            ]
            for field in fields {
                guard let want = expected[field] as? String, !want.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { continue }
                have[field, default: 0] += 1
                let matches = field == "byline" ? Self.bylineMatches(want, m.authors) : Self.fieldMatches(field, want, (got[field] ?? nil) ?? "")
                if matches {
                    match[field, default: 0] += 1
                } else if verbose {
                    misses.append("\(name) \(field): expected '\(want)', got '\((got[field] ?? nil) ?? "")'")
                }
            }
        }
        var lines = misses
        lines.append("metadata: \(cases.count) pages")
        lines.append("field          pages  matches      %")
        for field in fields {
            let n = have[field] ?? 0, k = match[field] ?? 0
            lines.append(
                field.padding(toLength: 14, withPad: " ", startingAt: 0) + String(format: "%6d %8d %6.1f", n, k, n == 0 ? 0 : 100 * Double(k) / Double(n)))
        }
        context.out(lines.joined(separator: "\n") + "\n")
    }

    /// A byline matches when the names, joined with commas, contain the expected text or are
    /// contained in it, or when every name appears in the expected text: our bylines are lists
    /// of names, the expected ones the text of a byline element (`Ana Ruiz (with Tom Hale)`).
    static func bylineMatches(_ want: String, _ authors: [String]) -> Bool {
        if fieldMatches("byline", want, authors.joined(separator: ", ")) { return true }
        let expected = want.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ").lowercased()
        return !authors.isEmpty && authors.allSatisfy { expected.contains($0.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ").lowercased()) }
    }

    static func fieldMatches(_ field: String, _ want: String, _ got: String) -> Bool {
        let norm = { (s: String) in s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ") }
        switch field {
        case "title": return norm(want) == norm(got)
        case "byline":
            let strip = { (s: String) -> String in
                var t = norm(s).lowercased()
                if t.hasPrefix("by ") { t.removeFirst(3) }
                return t
            }
            let a = strip(want), b = strip(got)
            return !b.isEmpty && (a.contains(b) || b.contains(a))
        case "publishedTime": return !got.isEmpty && want.prefix(10) == got.prefix(10)
        default: return !got.isEmpty && norm(want).lowercased() == norm(got).lowercased()
        }
    }
}
