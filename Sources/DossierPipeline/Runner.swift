public import DossierCore
public import Foundation

/// Runs a pipeline over many inputs with bounded concurrency.
///
/// Inputs are processed by up to `jobs` tasks at once, but everything is written in input order, so
/// the output of a run does not depend on timing. A failing article is reported and skipped; the
/// others go on. Files are written whole or not at all: per-article files by atomic rename, and a
/// file shared by all articles is assembled aside and moved into place when the run ends.
public struct Runner: Sendable {
    /// The pipeline to run.
    public var pipeline: Pipeline
    /// How many inputs are processed at once; defaults to the number of cores.
    public var jobs: Int
    /// Where relative output paths are resolved; defaults to the current directory.
    public var outputDirectory: String?
    /// Receives what exporters with `to: stdout` produce, in input order.
    public var standardOutput: @Sendable (Data) -> Void
    /// Called after each input is finished, in input order.
    public var progress: (@Sendable (RunProgress) -> Void)?

    /// Creates a runner.
    public init(
        pipeline: Pipeline, jobs: Int = ProcessInfo.processInfo.activeProcessorCount, outputDirectory: String? = nil,
        standardOutput: @escaping @Sendable (Data) -> Void = { FileHandle.standardOutput.write($0) },
        progress: (@Sendable (RunProgress) -> Void)? = nil
    ) {
        self.pipeline = pipeline
        self.jobs = max(1, jobs)
        self.outputDirectory = outputDirectory
        self.standardOutput = standardOutput
        self.progress = progress
    }

    /// The result of processing one article: its document and each exporter's bytes, or a failure.
    public enum ArticleResult: Sendable {
        case success(Document, outputs: [Data])
        case failure(Diagnostic)
    }

    /// Runs every input and writes the outputs; the summary says what failed.
    public func run(_ inputs: [InputSource]) async -> RunSummary {
        await run(stream: inputs, count: inputs.count)
    }

    /// Runs inputs as a sequence yields them, such as lines arriving on standard input, holding
    /// only a bounded window of them in memory; `count` is the total when known, for progress.
    public func run(stream inputs: some Sequence<InputSource>, count: Int? = nil) async -> RunSummary {
        let clock = ContinuousClock.now
        var summary = RunSummary()
        let writer = OutputWriter(pipeline: pipeline, base: outputDirectory, standardOutput: standardOutput)
        // At most this many inputs may be finished but waiting for an earlier one, bounding memory.
        let window = jobs * 4
        var iterator = inputs.makeIterator()
        var names: [Int: String] = [:]

        await withTaskGroup(of: (Int, [ArticleResult], Int).self) { group in
            var next = 0
            var emitted = 0
            var exhausted = false
            var waiting: [Int: ([ArticleResult], Int)] = [:]
            func launch(_ group: inout TaskGroup<(Int, [ArticleResult], Int)>) {
                guard let input = iterator.next() else {
                    exhausted = true
                    return
                }
                let index = next
                names[index] = input.name
                next += 1
                group.addTask { await self.process(input, index: index) }
            }
            while !exhausted && next < jobs { launch(&group) }
            while let (index, results, bytes) = await group.next() {
                waiting[index] = (results, bytes)
                while let (results, bytes) = waiting.removeValue(forKey: emitted) {
                    summary.bytesRead += bytes
                    for result in results {
                        switch result {
                        case .success(let document, let outputs):
                            do throws(Diagnostic) {
                                try writer.write(document, outputs: outputs)
                                summary.succeeded += 1
                            } catch {
                                summary.failed += 1
                                summary.diagnostics.append(error)
                            }
                        case .failure(let diagnostic):
                            summary.failed += 1
                            summary.diagnostics.append(diagnostic)
                        }
                    }
                    let name = names.removeValue(forKey: emitted) ?? ""
                    progress?(RunProgress(finished: emitted + 1, total: count, failed: summary.failed, current: name))
                    emitted += 1
                }
                while !exhausted && next - emitted < window && next - emitted - waiting.count < jobs { launch(&group) }
            }
            summary.inputs = next
        }
        do throws(Diagnostic) {
            try writer.finish()
        } catch {
            summary.diagnostics.append(error)
            summary.failed = max(summary.failed, 1)
        }
        writer.discard()
        summary.written = writer.written
        let elapsed = ContinuousClock.now - clock
        summary.seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return summary
    }

    /// Reads, analyzes and exports one input; never throws, a failure is a result.
    public func process(_ source: InputSource, index: Int = 0) async -> (Int, [ArticleResult], Int) {
        let data: Data
        do {
            data = try source.load()
        } catch let error as Gzip.Error {
            return (index, [.failure(Diagnostic(code: "E409", "cannot decompress input: \(error.message)", article: source.name))], 0)
        } catch {
            let reason = (error as NSError).localizedDescription
            return (index, [.failure(Diagnostic(code: "E401", "cannot read input: \(reason)", article: source.name))], 0)
        }
        let input = Input(id: source.stem, name: source.name, data: data)
        let step: Pipeline.ReaderStep
        do {
            step = try chooseReader(for: input)
        } catch {
            return (index, [.failure(Self.diagnostic(error, code: "E402", article: source.name, component: nil))], data.count)
        }
        let documents: [Result<Document, ComponentError>]
        do {
            documents = try step.reader.readEach(input)
        } catch {
            return (index, [.failure(Self.diagnostic(error, code: "E403", article: source.name, component: step.info.id))], data.count)
        }
        if documents.isEmpty {
            return (index, [.failure(Diagnostic(code: "E403", "reader '\(step.info.id)' found no article in it", article: source.name, component: step.info.id))], data.count)
        }
        var results: [ArticleResult] = []
        for (n, read) in documents.enumerated() {
            switch read {
            case .success(var document):
                if document.origin == nil { document.origin = source.name }
                if document.reader == nil { document.reader = Provenance(component: step.info.id, version: step.info.version) }
                results.append(await analyzeAndExport(document))
            case .failure(let error):
                let name = documents.count > 1 ? "\(source.name)#\(n + 1)" : source.name
                results.append(.failure(Self.diagnostic(error, code: "E403", article: name, component: step.info.id)))
            }
        }
        return (index, results, data.count)
    }

    /// Runs the analyzers and exporters on one document.
    public func analyzeAndExport(_ document: Document) async -> ArticleResult {
        let name = document.origin.map { $0 == document.id || $0 == "-" ? document.id : "\($0)#\(document.id)" } ?? document.id
        do {
            let analyzed = try await analyze(document)
            var outputs: [Data] = []
            for step in pipeline.exporters {
                do {
                    outputs.append(try step.exporter.export(analyzed))
                } catch {
                    return .failure(Self.diagnostic(error, code: "E407", article: name, component: step.info.id))
                }
            }
            return .success(analyzed, outputs: outputs)
        } catch let failure as StepFailure {
            return .failure(Self.diagnostic(failure.error, code: failure.code, article: name, component: failure.component))
        } catch {
            return .failure(Self.diagnostic(error, code: "E404", article: name, component: nil))
        }
    }

    /// Runs the analyzers stage by stage; the analyzers of a stage see the same snapshot and their
    /// results are merged in plan order.
    public func analyze(_ document: Document) async throws -> Document {
        var document = document
        var stageStart = 0
        let steps = pipeline.analyzers
        while stageStart < steps.count {
            let stage = pipeline.plan.steps[stageStart].stage
            var stageEnd = stageStart
            while stageEnd < steps.count && pipeline.plan.steps[stageEnd].stage == stage { stageEnd += 1 }
            let members = Array(steps[stageStart..<stageEnd])
            let snapshot = document
            var results: [Annotations] = []
            if members.count == 1 {
                results = [try Self.apply(members[0], to: snapshot)]
            } else {
                results = try await withThrowingTaskGroup(of: (Int, Annotations).self) { group in
                    for (i, member) in members.enumerated() { group.addTask { (i, try Self.apply(member, to: snapshot)) } }
                    var collected = [Annotations](repeating: Annotations(), count: members.count)
                    for try await (i, annotations) in group { collected[i] = annotations }
                    return collected
                }
            }
            for r in results { document.annotations.merge(r) }
            stageStart = stageEnd
        }
        return document
    }

    /// Runs one analyzer and checks what it returned.
    static func apply(_ step: Pipeline.AnalyzerStep, to document: Document) throws -> Annotations {
        var annotations: Annotations
        do {
            annotations = try step.analyzer.analyze(document)
        } catch {
            throw StepFailure(code: "E404", component: step.info.id, error: error)
        }
        let undeclared = annotations.nonEmptyLayers.subtracting(step.info.provides)
        if !undeclared.isEmpty {
            throw StepFailure(code: "E405", component: step.info.id, error: ComponentError(code: "E405",
                "wrote layer \(undeclared.sorted().map { "'\($0)'" }.joined(separator: ", ")) it does not declare in 'provides'"))
        }
        if annotations.maximumOffset > document.length {
            throw StepFailure(code: "E406", component: step.info.id, error: ComponentError(code: "E406",
                "returned a range ending at \(annotations.maximumOffset), past the end of the text (\(document.length) scalars)"))
        }
        annotations.stamp(Provenance(component: step.info.id, version: step.info.version))
        return annotations
    }

    /// Picks the reader for an input: the fixed one, or by extension, then by content.
    public func chooseReader(for input: Input) throws -> Pipeline.ReaderStep {
        switch pipeline.reader {
        case .fixed(let step):
            return step
        case .auto(let steps):
            let ext = input.fileExtension
            if !ext.isEmpty, let step = steps.first(where: { $0.info.fileExtensions.contains(ext) }) { return step }
            let head = input.data.prefix(4096)
            if let step = steps.first(where: { $0.sniff(head) }) { return step }
            throw Diagnostic(code: "E402", "no reader recognises this input by its extension or content; name one with 'reader:' in the pipeline, or 'dossier run --reader ID'",
                             article: input.name)
        }
    }

    static func diagnostic(_ error: any Error, code: String, article: String?, component: String?) -> Diagnostic {
        if let d = error as? Diagnostic { return d }
        if let e = error as? ComponentError {
            var message = e.message
            if let range = e.range { message += " (at \(range))" }
            return Diagnostic(code: e.code ?? code, message, article: article, component: component)
        }
        return Diagnostic(code: code, "\(error)", article: article, component: component)
    }
}

/// An analyzer that failed, with its id.
struct StepFailure: Error {
    var code: String
    var component: String
    var error: any Error
}
