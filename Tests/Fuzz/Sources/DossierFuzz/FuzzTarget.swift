import Dossier
import Foundation

/// What one fuzz target feeds its input to.
///
/// Every target turns the bytes into the thing under test the way a user's file would reach it,
/// and treats a thrown, well-formed error as a correct answer: only a crash, a broken invariant
/// (`fatalError` with the reason) or a sanitizer report is a finding.
enum FuzzTarget: String, CaseIterable, Sendable {
    /// The YAML pipeline loader, over the standard registry and built-in pipelines.
    case yaml
    /// The `text` reader, then the standard analyzers and exporters on what it reads.
    case text
    /// The `markdown` reader, then analysis and export.
    case markdown
    /// The `html` reader, then analysis and export.
    case html
    /// The `feed` reader, then analysis and export.
    case feed
    /// The `json` reader, then analysis and export.
    case json
    /// The `jsonl` reader, then analysis and export.
    case jsonl
    /// Text reader, `sentences`, `json` exporter, `json` reader: the document must come back equal.
    case roundtrip

    /// Runs one input.
    func run(_ data: Data) {
        switch self {
        case .yaml: Harness.shared.loadPipeline(data)
        case .roundtrip: Harness.shared.roundTrip(data)
        default: Harness.shared.read(data, with: rawValue)
        }
    }
}

/// Whether to print what each input gave (`DOSSIER_FUZZ_VERBOSE=1`), for looking into a slow or odd input.
let verbose = ProcessInfo.processInfo.environment["DOSSIER_FUZZ_VERBOSE"] == "1"

/// The components the targets use, created once per process from the standard registry.
struct Harness: Sendable {
    static let shared = Harness()

    /// The registry every pipeline names its components from.
    let registry = Registry.standard
    /// The loader `dossier lint` and `dossier run` use, with a fixed environment.
    let loader = PipelineLoader.standard(environment: ["HOME": "/nonexistent", "FUZZ": "value", "EMPTY": ""])
    /// The sentence analyzer, as a pipeline would create it; concrete, because the fuzzer's entry
    /// point is synchronous and `SentenceAnalyzer.analyze` is, while the protocol's is `async`.
    let sentences: SentenceAnalyzer
    /// Every standard analyzer after `sentences`, in the default pipeline's order, each with its
    /// defaults and its provenance; concrete for the same reason.
    let later: [(name: String, provenance: Provenance, analyze: @Sendable (Document) throws -> Annotations)]
    /// The exporters, as a pipeline would create them: pretty and compact JSON, and Markdown.
    let prettyJSON: any Exporter
    let compactJSON: any Exporter
    let markdown: any Exporter

    init() {
        do {
            sentences = try SentenceAnalyzer(options: ValueOptionsDecoder().decode(SentenceAnalyzer.Options.self))
            let context = AnalysisContext()
            let entities = try EntityAnalyzer(options: ValueOptionsDecoder().decode(EntityAnalyzer.Options.self))
            let dates = try DateAnalyzer(options: ValueOptionsDecoder().decode(DateAnalyzer.Options.self))
            let quotes = try QuoteAnalyzer(options: ValueOptionsDecoder().decode(QuoteAnalyzer.Options.self))
            let claims = try ClaimAnalyzer(options: ValueOptionsDecoder().decode(ClaimAnalyzer.Options.self))
            let sources = try SourceAnalyzer(options: ValueOptionsDecoder().decode(SourceAnalyzer.Options.self))
            let framing = try FramingAnalyzer(options: ValueOptionsDecoder().decode(FramingAnalyzer.Options.self))
            let metrics = try MetricsAnalyzer(options: ValueOptionsDecoder().decode(MetricsAnalyzer.Options.self))
            later = [
                ("entities", EntityAnalyzer.provenance, { try entities.analyze($0, context: context) }),
                ("dates", DateAnalyzer.provenance, { try dates.analyze($0, context: context) }),
                ("quotes", QuoteAnalyzer.provenance, { try quotes.analyze($0, context: context) }),
                ("claims", ClaimAnalyzer.provenance, { try claims.analyze($0, context: context) }),
                ("sources", SourceAnalyzer.provenance, { try sources.analyze($0, context: context) }),
                ("framing", FramingAnalyzer.provenance, { try framing.analyze($0, context: context) }),
                ("metrics", MetricsAnalyzer.provenance, { try metrics.analyze($0, context: context) }),
            ]
            prettyJSON = try registry.exporters["json"]!.make(ValueOptionsDecoder(.object([("pretty", .bool(true))])))
            compactJSON = try registry.exporters["json"]!.make(ValueOptionsDecoder(.object([("pretty", .bool(false))])))
            markdown = try registry.exporters["markdown"]!.make(ValueOptionsDecoder())
        } catch {
            fatalError("fuzz harness: the standard components failed to create: \(error)")
        }
    }

    /// Creates the reader `id` with its default options.
    func reader(_ id: String) -> any Reader {
        guard let entry = registry.readers[id] else { fatalError("fuzz harness: no reader '\(id)' in the standard registry") }
        do { return try entry.make(ValueOptionsDecoder()) } catch {
            fatalError("fuzz harness: reader '\(id)' failed to create with its defaults: \(error)")
        }
    }

    /// An input named with the reader's first file extension, as `auto` would route it.
    func input(_ data: Data, for id: String) -> Input {
        let ext = registry.readers[id]?.info.fileExtensions.first ?? id
        return Input(id: "fuzz", name: "fuzz.\(ext)", data: data)
    }

    // MARK: - Targets

    /// Loads the bytes as a pipeline file and renders whatever it reports, as `dossier lint` does.
    func loadPipeline(_ data: Data) {
        let text = String(decoding: data, as: UTF8.self)
        // A file in a folder that does not exist, so a relative `extends:` finds nothing on disk.
        let file = "/nonexistent-dossier-fuzz/pipeline.yaml"
        do {
            let pipeline = try loader.load(text: text, file: file)
            _ = DiagnosticRenderer(sources: pipeline.sources).render(pipeline.warnings)
        } catch {
            guard error.hasErrors else { fatalError("pipeline loader threw a report without an error: \(error.diagnostics)") }
            for diagnostic in error.diagnostics where diagnostic.message.isEmpty {
                fatalError("pipeline loader reported an empty message with code \(diagnostic.code)")
            }
            let rendered = error.render()
            _ = error.render(color: true)
            if verbose { FileHandle.standardError.write(Data("\(error.diagnostics.count) diagnostics\n\(rendered.prefix(4000))\n".utf8)) }
        }
    }

    /// Reads the bytes with reader `id`, checks every document, and runs analysis and export on it.
    func read(_ data: Data, with id: String) {
        let results: [Result<Document, ComponentError>]
        do { results = try reader(id).readEach(input(data, for: id)) } catch { return }
        for case .success(let document) in results {
            Invariants.check(document, from: id)
            guard let analyzed = analyze(document) else { continue }
            for exporter in [compactJSON, markdown] {
                do { _ = try exporter.export(analyzed) } catch {
                    // Exporters take any sound document; failing on one is a finding.
                    fatalError("exporter '\(type(of: exporter).id)' failed on a document from reader '\(id)': \(error)")
                }
            }
        }
    }

    /// Reads the bytes as text, analyzes, writes JSON (pretty and compact), reads it back, compares.
    func roundTrip(_ data: Data) {
        let documents: [Document]
        do { documents = try reader("text").read(input(data, for: "text")) } catch { return }
        let jsonReader = reader("json")
        for document in documents {
            Invariants.check(document, from: "text")
            guard let analyzed = analyze(document) else { continue }
            for (name, exporter) in [("pretty", prettyJSON), ("compact", compactJSON)] {
                let json: Data
                do { json = try exporter.export(analyzed) } catch {
                    fatalError("json exporter (\(name)) failed on a document from the text reader: \(error)")
                }
                let back: [Document]
                do { back = try jsonReader.read(Input(id: "ignored", name: "fuzz.json", data: json)) } catch {
                    fatalError("json reader refused what the json exporter (\(name)) wrote: \(error)")
                }
                guard back.count == 1 else {
                    fatalError("json reader read \(back.count) documents from one document the json exporter (\(name)) wrote")
                }
                if back[0] != analyzed {
                    fatalError(
                        "round trip through the json exporter (\(name)) changed the document: \(Invariants.difference(analyzed, back[0]))")
                }
            }
        }
    }

    /// Runs `sentences`, then every later standard analyzer, the way the runner does: each
    /// checked, stamped and merged; nil when `sentences` refuses, and the document so far when a
    /// later one does. A document read with layers of its own (a Dossier JSON document) gets
    /// `sentences` only: running the rest again over their own output is the runner's business
    /// (it retires what a component wrote before), not this harness's.
    func analyze(_ document: Document) -> Document? {
        let fresh = document.annotations.layers.isEmpty
        var annotations: Annotations
        do { annotations = try sentences.analyze(document, context: AnalysisContext()) } catch { return nil }
        if let range = annotations.firstInvalidRange(length: document.length) {
            fatalError("sentences returned the range \(range), not within the text (\(document.length) scalars)")
        }
        annotations.stamp(type(of: sentences).provenance)
        var analyzed = document
        analyzed.annotations.merge(annotations)
        for analyzer in later where fresh {
            do { annotations = try analyzer.analyze(analyzed) } catch { return analyzed }
            if let range = annotations.firstInvalidRange(length: document.length) {
                fatalError("\(analyzer.name) returned the range \(range), not within the text (\(document.length) scalars)")
            }
            // Numbered after what the document holds, as the runner does, and every reference checked.
            annotations.stamp(analyzer.provenance, after: analyzed.annotations)
            if let problem = annotations.firstReferenceProblem(against: analyzed.annotations) {
                fatalError("\(analyzer.name) wrote a broken reference: \(problem.message)")
            }
            analyzed.annotations.merge(annotations)
        }
        return analyzed
    }
}
