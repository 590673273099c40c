public import DossierCore
import Foundation

/// The checks every exporter must pass, for an exporter's author to run from their own tests.
///
/// It checks that the id is kebab-case and the file extension a plain one; that the default
/// options round-trip with help for every key and pass `validate`; that each document renders,
/// the same bytes twice, and an empty document renders or throws a `ComponentError`; and that the
/// exporter's sink, over each kind of output (standard output, one shared file, a file per
/// article), takes every document in order, finishes, and can be discarded, without throwing.
public enum ExporterConformance {
    /// One failed check.
    public typealias Problem = ReaderConformance.Problem

    /// Runs every check on exporter type `E` created with `options`, exporting `documents`.
    public static func check<E: Exporter>(_ type: E.Type, documents: [Document], options: E.Options = E.Options()) -> [Problem] {
        var problems: [Problem] = []
        if !Registry.isKebabCase(E.id) {
            problems.append(Problem(check: "id", message: "'\(E.id)' is not lowercase kebab-case; use an id such as 'my-exporter'"))
        }
        if E.fileExtension.isEmpty || E.fileExtension.contains(".") || E.fileExtension.contains("/") {
            problems.append(
                Problem(
                    check: "extension",
                    message: "file extension '\(E.fileExtension)' must be a plain extension such as 'csv', without the dot"))
        }
        problems += ReaderConformance.checkOptions(E.Options.self)
        let exporter: E
        do {
            try E.validate(options)
            exporter = try E(options: options)
        } catch {
            return problems + [Problem(check: "options", message: "the exporter cannot be created with the given options: \(error)")]
        }
        if documents.isEmpty {
            problems.append(Problem(check: "export", message: "no documents given; pass at least one the exporter can render"))
        }
        let context = ExportContext.standalone(exporter: E.id)
        var rendered: [Data] = []
        for document in documents {
            do {
                let first = try exporter.export(document, context: context)
                let second = try exporter.export(document, context: context)
                if first != second {
                    problems.append(
                        Problem(check: "determinism", message: "document '\(document.id)' rendered different bytes the second time"))
                }
                rendered.append(first)
            } catch {
                problems.append(Problem(check: "export", message: "document '\(document.id)' does not render: \(error)"))
            }
        }
        do {
            _ = try exporter.export(Document(id: "empty", text: ""), context: context)
        } catch {
            if !(error is ComponentError) {
                problems.append(
                    Problem(
                        check: "hostile input",
                        message: "an empty document threw \(Swift.type(of: error)), not a ComponentError with a code"))
            }
        }
        guard rendered.count == documents.count else { return problems }
        let kinds: [ExportOutputKind] = [
            .standardOutput, .sharedFile(path: "/conformance/all.\(E.fileExtension)"), .perArticle(folder: "/conformance"),
        ]
        for kind in kinds {
            let output = MemoryOutput(kind: kind)
            do {
                var sink = try exporter.makeSink(for: output, context: context)
                for (document, bytes) in zip(documents, rendered) {
                    if kind.isPerArticle { output.beginArticle() }
                    try sink.write(bytes, for: document)
                }
                try sink.finish()
                if kind.isPerArticle, output.files.count != documents.count {
                    problems.append(
                        Problem(
                            check: "sink", message: "a per-article sink wrote \(output.files.count) files for \(documents.count) documents")
                    )
                }
                var discarded = try exporter.makeSink(for: MemoryOutput(kind: kind), context: context)
                discarded.discard()
            } catch {
                problems.append(Problem(check: "sink", message: "the sink over \(kind) failed: \(error)"))
            }
        }
        return problems
    }
}
