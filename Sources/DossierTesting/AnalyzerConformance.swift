public import DossierCore
import Foundation

/// The checks every analyzer must pass, for an analyzer's author to run from their own tests.
///
/// ```swift
/// @Test func conforms() async {
///     let problems = await AnalyzerConformance.check(MyAnalyzer.self, documents: [myDocument])
///     #expect(problems.isEmpty, "\(problems)")
/// }
/// ```
///
/// It checks that the id is kebab-case and `provides` names at least one layer; that the default
/// options round-trip with help for every key and pass `validate`; and, around one
/// `prepare`/`shutdown`, that on each document the analyzer writes only layers it declares, every
/// range lies in the text, ids are unique and every reference points at an annotation in the
/// document (once the runner would have numbered them), the same result comes twice, the batch call
/// gives what the single call gives, and an empty document never crashes. These are the checks
/// the runner makes at the boundary (`E405`, `E406`, `E492`), so passing them here means the
/// analyzer's output is not refused in a pipeline.
///
/// Give documents that hold the layers the analyzer `requires`: read them with a reader, run the
/// analyzers it depends on (`InMemoryRunner`), or build them in code.
public enum AnalyzerConformance {
    /// One failed check.
    public typealias Problem = ReaderConformance.Problem

    /// Runs every check on analyzer type `A` created with `options`, analyzing `documents`.
    public static func check<A: Analyzer>(_ type: A.Type, documents: [Document], options: A.Options = A.Options()) async -> [Problem] {
        var problems: [Problem] = []
        if !Registry.isKebabCase(A.id) {
            problems.append(Problem(check: "id", message: "'\(A.id)' is not lowercase kebab-case; use an id such as 'my-analyzer'"))
        }
        if A.provides.isEmpty {
            problems.append(Problem(check: "layers", message: "'provides' is empty; name the layers the analyzer writes"))
        }
        problems += ReaderConformance.checkOptions(A.Options.self)
        let analyzer: A
        do {
            try A.validate(options)
            analyzer = try A(options: options)
        } catch {
            return problems + [Problem(check: "options", message: "the analyzer cannot be created with the given options: \(error)")]
        }
        if documents.isEmpty {
            problems.append(Problem(check: "analyze", message: "no documents given; pass at least one the analyzer can analyze"))
        }
        let context = AnalysisContext(pipeline: "conformance", component: A.id)
        do {
            try await analyzer.prepare(context)
        } catch {
            return problems + [Problem(check: "prepare", message: "'prepare' failed: \(error)")]
        }
        var single: [Annotations] = []
        for document in documents {
            let name = "document '\(document.id)'"
            do {
                let first = try await analyzer.analyze(document, context: context)
                let second = try await analyzer.analyze(document, context: context)
                problems += boundaryProblems(first, of: A.self, for: document, name: name)
                if first != second {
                    problems.append(Problem(check: "determinism", message: "\(name) gave different annotations the second time"))
                }
                single.append(first)
            } catch {
                problems.append(Problem(check: "analyze", message: "\(name) failed: \(error)"))
                single.append(Annotations())
            }
        }
        let batch = await analyzer.analyze(batch: documents, context: context)
        if batch.count != documents.count {
            problems.append(
                Problem(check: "batch", message: "the batch call returned \(batch.count) results for \(documents.count) documents"))
        } else {
            for (n, result) in batch.enumerated() where (try? result.get()) != single[n] {
                problems.append(
                    Problem(
                        check: "batch", message: "the batch call gave document '\(documents[n].id)' other annotations than the single call")
                )
            }
        }
        let empty = Document(id: "empty", text: "")
        do {
            let result = try await analyzer.analyze(empty, context: context)
            problems += boundaryProblems(result, of: A.self, for: empty, name: "an empty document")
        } catch {
            if !(error is ComponentError) {
                problems.append(
                    Problem(
                        check: "hostile input",
                        message: "an empty document threw \(Swift.type(of: error)), not a ComponentError with a code"))
            }
        }
        await analyzer.shutdown(context)
        return problems
    }

    /// What the runner would refuse in `annotations`: undeclared layers, bad ranges, bad ids or references.
    static func boundaryProblems<A: Analyzer>(
        _ annotations: Annotations, of type: A.Type, for document: Document, name: String
    ) -> [Problem] {
        var problems: [Problem] = []
        let undeclared = annotations.nonEmptyLayers.subtracting(A.provides)
        if !undeclared.isEmpty {
            problems.append(
                Problem(
                    check: "layers",
                    message: "\(name): wrote \(undeclared.sorted().map { "'\($0)'" }.joined(separator: ", ")), not in 'provides'"))
        }
        if let range = annotations.firstInvalidRange(length: document.length) {
            problems.append(
                Problem(check: "ranges", message: "\(name): the range \(range) is not within the text (\(document.length) scalars)"))
        }
        var stamped = annotations
        stamped.stamp(A.provenance, after: document.annotations)
        if let problem = stamped.firstReferenceProblem(against: document.annotations) {
            problems.append(Problem(check: "references", message: "\(name): an annotation \(problem.message)"))
        }
        return problems
    }
}
