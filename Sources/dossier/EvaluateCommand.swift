import ArgumentParser
import Dossier
@_spi(Training) import DossierAnalyzers
import DossierCLI
import DossierEvaluation
import DossierPipeline
import Foundation

/// `dossier evaluate`: score components against public evaluation data.
///
/// It lives in the `dossier` executable, not in `DossierCLI`: an embedded `dossier` need not carry
/// benchmark code, and the scoring itself (`DossierEvaluation`) picks the reader from the registry
/// by id, so it knows no concrete reader.
struct EvaluateCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Score a component against evaluation data (sentences, extraction, metadata, entities, claims, clickbait).",
        discussion: """
            sentences FILE        pySBD-style golden rules: a JSON list of {text, sentences}
            extraction DIR        a reader's article bodies: DIR/html/*.html.gz and DIR/ground-truth.json \
            ({id: {articleBody}}), scored as 4-word-shingle precision, recall and F1
            metadata DIR          a reader's metadata: DIR/<case>/source.html and expected-metadata.json
            entities FILE         the entities analyzer on a CoNLL file of tokens and IO tags (wikigold): exact and \
            overlapping span P, R and F1 for PER, ORG and LOC
            claims FILE           the claims analyzer's check-worthiness on ClaimBuster-style {text, label} sentences: \
            ROC AUC, and P, R and F1 at the default threshold; --features OUT writes the model's features instead
            clickbait DIR         the framing analyzer's headline clickbait score on DIR/clickbait.txt and DIR/plain.txt: \
            P, R, F1 at the default threshold and ROC AUC on the held-out fifth, as written and title-cased
            """)

    static let tasks = ["sentences", "extraction", "metadata", "entities", "claims", "clickbait"]

    @Argument(help: "What to evaluate: 'sentences', 'extraction', 'metadata', 'entities', 'claims' or 'clickbait'.")
    var task: String

    @Argument(help: "The evaluation file (sentences, entities) or directory (extraction, metadata, clickbait).")
    var file: String

    @Flag(help: "Print every failing case in full.")
    var verbose = false

    @Option(help: "extraction, metadata: the id of the reader to evaluate.")
    var reader = "html"

    @Option(help: "extraction: where to write the predictions JSON ({id: {articleBody}}).")
    var predictions: String?

    @Option(help: "claims: write one SVMlight line of model features a sentence (label first) to this file, for scripts/claims-train.py.")
    var features: String?

    @Option(help: "extraction: the Python scorer to run on the predictions (default: ../shared/bench/score_extraction.py if present).")
    var scorer: String?

    func run(in context: CommandContext) async throws {
        do {
            switch task {
            case "sentences": try await runSentences(in: context)
            case "extraction": try runExtraction(in: context)
            case "metadata": try runMetadata(in: context)
            case "entities": try runEntities(in: context)
            case "claims": try await runClaims(in: context)
            case "clickbait": try runClickbait(in: context)
            default:
                context.standardError(
                    "error: unknown evaluation '\(task)'\(Suggestions.hint(task, among: Self.tasks));"
                        + " the evaluations are: \(Self.tasks.joined(separator: ", "))\n"
                )
                throw ExitStatus.usage
            }
        } catch let error as EvaluationError {
            context.standardError("\(error)\n")
            throw ExitStatus.badInput
        }
    }

    private func out(_ text: String, in context: CommandContext) { context.standardOutput(Data(text.utf8)) }

    private func runSentences(in context: CommandContext) async throws {
        let evaluation = try SentenceEvaluation(file: URL(fileURLWithPath: file))
        let direct = evaluation.run(SentenceSegmenter().segment)
        // The same rules as a user meets them: each read as a .txt file by the text reader.
        let throughReader = try await evaluation.run(registry: context.registry, readerID: "text", analyzerID: "sentences")
        var lines: [String] = []
        for (label, result) in [("", direct), ("through the text reader: ", throughReader)] {
            for miss in result.misses {
                lines.append("\(label)case \(miss.number): expected \(miss.expected.count) sentence(s), got \(miss.got.count)")
                if verbose {
                    lines.append("  expected: \(miss.expected)")
                    lines.append("  got:      \(miss.got)")
                }
            }
        }
        lines.append("sentences: \(direct.passed) of \(direct.total) golden rules pass")
        lines.append("through the text reader: \(throughReader.passed) of \(throughReader.total)")
        out(lines.joined(separator: "\n") + "\n", in: context)
    }

    private func runExtraction(in context: CommandContext) throws {
        let dir = URL(fileURLWithPath: file)
        let result = try ExtractionEvaluation(registry: context.registry, readerID: reader).run(directory: dir)
        let bodies = result.bodies.mapValues { ["articleBody": $0] }
        let output =
            predictions.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent(
                "dossier-extraction-\(ProcessInfo.processInfo.processIdentifier).json")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try encoder.encode(bodies).write(to: output)
        let mb = Double(result.bytes) / 1e6
        let speed = String(format: "%.1f MB in %.2f s = %.1f MB/s", mb, result.seconds, mb / max(result.seconds, 1e-9))
        var lines = ["extraction: \(result.pages) pages, \(speed)"]
        if !result.failures.isEmpty {
            lines.append("\(result.failures.count) page(s) failed:\n  " + result.failures.joined(separator: "\n  "))
        }
        if predictions != nil { lines.append("predictions written to \(output.path)") }
        out(lines.joined(separator: "\n") + "\n", in: context)

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
            out("scorer (\(scorerPath)): " + String(decoding: text, as: UTF8.self), in: context)
        } else {
            let gold = try ExtractionEvaluation.groundTruth(in: dir)
            let score = ShingleScore(gold: gold, predicted: result.bodies)
            out(
                String(
                    format: "precision %.3f recall %.3f F1 %.3f over %d pages (Swift scorer)\n", score.precision, score.recall, score.f1,
                    gold.count),
                in: context)
        }
        if predictions == nil { try? FileManager.default.removeItem(at: output) }
    }

    private func runEntities(in context: CommandContext) throws {
        let evaluation = try EntityEvaluation(file: URL(fileURLWithPath: file))
        let analyzer = EntityAnalyzer()
        let analysisContext = AnalysisContext(pipeline: "evaluate", component: EntityAnalyzer.id)
        // Warm up (the word lists load on first use), then time the analyzer alone over every article, five times.
        _ = try evaluation.run { try analyzer.analyze($0, context: analysisContext).entities }
        let bytes = evaluation.articles.reduce(0) { $0 + $1.document.text.utf8.count } * 5
        let start = Date()
        for article in evaluation.articles + evaluation.articles + evaluation.articles + evaluation.articles + evaluation.articles {
            _ = try analyzer.analyze(article.document, context: analysisContext)
        }
        let seconds = Date().timeIntervalSince(start)
        let result = try evaluation.run { try analyzer.analyze($0, context: analysisContext).entities }
        let speed = String(
            format: "%.1f MB in %.3f s = %.1f MB/s on one core", Double(bytes) / 1e6, seconds, Double(bytes) / 1e6 / max(seconds, 1e-9))
        var lines = ["entities: \(result.articles) articles; analyzer alone: \(speed) (PER, ORG, LOC scored; MISC not)"]
        lines.append("type   exact P     R    F1   overlap P     R    F1   gold")
        for key in ["ALL"] + EntityEvaluation.types {
            let e = result.exact[key] ?? EntityEvaluation.Score()
            let o = result.overlap[key] ?? EntityEvaluation.Score()
            lines.append(
                key.padding(toLength: 6, withPad: " ", startingAt: 0)
                    + String(
                        format: "  %6.3f %5.3f %5.3f     %6.3f %5.3f %5.3f %6d", e.precision, e.recall, e.f1, o.precision, o.recall, o.f1,
                        e.gold))
        }
        out(lines.joined(separator: "\n") + "\n", in: context)
    }

    private func runClaims(in context: CommandContext) async throws {
        let evaluation = try ClaimEvaluation(file: URL(fileURLWithPath: file))
        // Every sentence scored, none dropped: the figures are over the scores, the threshold applied here.
        let claims = features == nil ? "  - claims: { threshold: 0, minimumWords: 1, flagUnsourced: false }\n" : ""
        let yaml = "version: 1\nreader: text\nanalyzers:\n  - sentences\n  - entities\n  - dates\n  - quotes\n  - sources\n" + claims
        let pipeline = try PipelineLoader(registry: context.registry).load(text: yaml, file: "evaluate-claims.yaml")
        let runner = Runner(pipeline: pipeline, jobs: 1)
        func analyzed(_ text: String, _ n: Int) async throws -> Document {
            let scalars = text.unicodeScalars.count
            let document = Document(id: "s\(n)", text: text, blocks: [Block(kind: .paragraph, range: TextRange(start: 0, end: scalars))])
            return try await runner.analyze(document)
        }
        if let features {
            let analyzer = try ClaimAnalyzer(options: .init(minimumWords: 1))
            var lines: [String] = []
            for (n, item) in evaluation.items.enumerated() {
                for line in analyzer.trainingFeatures(try await analyzed(item.text, n)) {
                    lines.append("\(item.checkWorthy ? 1 : 0) \(line)")
                }
            }
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: features))
            out("claims: wrote \(lines.count) feature lines for \(evaluation.items.count) sentences to \(features)\n", in: context)
            return
        }
        var scores: [Double] = []
        let start = Date()
        for (n, item) in evaluation.items.enumerated() {
            scores.append(try await analyzed(item.text, n).annotations.claims.map(\.checkWorthiness).max() ?? 0)
        }
        let seconds = Date().timeIntervalSince(start)
        let r = ClaimEvaluation.figures(
            scores: scores, labels: evaluation.items.map(\.checkWorthy), threshold: ClaimAnalyzer.defaultThreshold)
        let bytes = evaluation.items.reduce(0) { $0 + $1.text.utf8.count }
        out(
            String(
                format:
                    "claims: %d sentences (%d check-worthy) through sentences, entities, dates, quotes, sources and claims in %.2f s (%.2f MB/s)\n"
                    + "ROC AUC %.3f; at the default threshold %.2f: P %.3f R %.3f F1 %.3f\n",
                r.total, r.positives, seconds, Double(bytes) / 1e6 / max(seconds, 1e-9), r.auc, r.threshold, r.precision, r.recall, r.f1),
            in: context)
    }

    private func runClickbait(in context: CommandContext) throws {
        let evaluation = try ClickbaitEvaluation(directory: URL(fileURLWithPath: file))
        let model = ClickbaitModel.shipped
        let threshold = ClickbaitModel.defaultThreshold
        let positives = evaluation.heldOut.filter(\.isClickbait).count
        var lines = [
            "clickbait: \(evaluation.heldOut.count) held-out headlines (\(positives) clickbait), model fitted on the other "
                + "\(evaluation.fitted); threshold \(threshold)",
            "headlines      precision recall     F1  ROC AUC",
        ]
        for (label, titleCase) in [("as written", false), ("title-cased", true)] {
            let r = evaluation.run(threshold: threshold, titleCase: titleCase) { model.score($0) }
            lines.append(
                label.padding(toLength: 14, withPad: " ", startingAt: 0)
                    + String(format: " %9.3f %6.3f %6.3f %8.4f", r.precision, r.recall, r.f1, r.rocAUC))
        }
        out(lines.joined(separator: "\n") + "\n", in: context)
    }

    private func runMetadata(in context: CommandContext) throws {
        let result = try MetadataEvaluation(registry: context.registry, readerID: reader).run(directory: URL(fileURLWithPath: file))
        var lines = verbose ? result.misses : []
        lines.append("metadata: \(result.pages) pages")
        lines.append("field          pages  matches      %")
        for field in MetadataEvaluation.fields {
            let n = result.expected[field] ?? 0
            let k = result.matched[field] ?? 0
            lines.append(
                field.padding(toLength: 14, withPad: " ", startingAt: 0)
                    + String(format: "%6d %8d %6.1f", n, k, n == 0 ? 0 : 100 * Double(k) / Double(n)))
        }
        out(lines.joined(separator: "\n") + "\n", in: context)
    }
}
