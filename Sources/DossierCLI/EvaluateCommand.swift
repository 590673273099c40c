import ArgumentParser
import Dossier
import Foundation

/// `dossier evaluate`: score components against public evaluation data.
struct EvaluateCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Score a component against evaluation data (sentences: pySBD-style golden rules JSON).")

    @Argument(help: "What to evaluate: 'sentences'.")
    var task: String

    @Argument(help: "The evaluation file: for 'sentences', a JSON list of {text, sentences}.")
    var file: String

    @Flag(help: "Print every failing case in full.")
    var verbose = false

    struct GoldenCase: Decodable {
        var text: String
        var sentences: [String]
    }

    func run(in context: CommandContext) async throws {
        guard task == "sentences" else {
            context.err("error: unknown evaluation '\(task)'\(Suggestions.hint(task, among: ["sentences"])); the evaluations are: sentences\n")
            throw ExitStatus.usage
        }
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
