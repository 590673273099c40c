public import DossierCore
public import Foundation

/// Runs a pipeline over many inputs with bounded concurrency.
///
/// Inputs are processed by up to `jobs` tasks at once, but everything is written in input order, so
/// the output of a run does not depend on timing, and each result (and each diagnostic) leaves as
/// soon as every earlier one has. A failing article is reported and skipped; the others go on.
/// Files are written whole or not at all (see `OutputWriter`): per-article files by atomic rename,
/// and a file shared by all articles assembled aside and renamed over the old one when the run
/// ends. Cancelling the task that runs `run` stops taking input, lets the articles in flight
/// finish, discards shared files, and returns a summary marked `interrupted`.
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
    /// Receives each diagnostic as soon as its article's turn comes, in input order. When set,
    /// the summary keeps only counts, so memory stays flat on a stream of any length; when nil,
    /// the summary collects them in `diagnostics`.
    public var diagnostics: (@Sendable (Diagnostic) -> Void)?
    /// The longest one article may take (reading, analysis and export); a slower one fails with
    /// `E474` and the run goes on. Nil: no limit.
    public var articleTimeout: Duration? = .seconds(120)
    /// The longest line a streamed input (JSON Lines) may have; a longer one fails alone (`E473`).
    public var maximumLineBytes = 64 << 20
    /// The most standard input may hold when it is read whole rather than streamed.
    public var maximumInputBytes = Gzip.defaultLimit
    /// The temporary files of the run, so that a caller can remove them on a hard exit.
    public var temporaryFiles = TemporaryFiles()

    /// The most `jobs` may be.
    public static let maximumJobs = 1024

    /// Creates a runner.
    public init(
        pipeline: Pipeline, jobs: Int = ProcessInfo.processInfo.activeProcessorCount, outputDirectory: String? = nil,
        standardOutput: @escaping @Sendable (Data) -> Void = { try? FileHandle.standardOutput.write(contentsOf: $0) },
        progress: (@Sendable (RunProgress) -> Void)? = nil
    ) {
        self.pipeline = pipeline
        self.jobs = min(max(1, jobs), Self.maximumJobs)
        self.outputDirectory = outputDirectory
        self.standardOutput = standardOutput
        self.progress = progress
    }

    /// The result of processing one article: its document, each exporter's rendering and the
    /// exporters' warnings, or a failure.
    public enum ArticleResult: Sendable {
        case success(Document, outputs: [Data], warnings: [Diagnostic])
        case failure(Diagnostic)
    }

    /// Runs every input and writes the outputs; the summary says what failed.
    public func run(_ inputs: [InputSource]) async -> RunSummary {
        // Every input file is known up front, so that no output may replace one not yet read.
        let identities = Set(
            inputs.compactMap { source -> FileIdentity? in
                if case .file(let path) = source { return FileIdentity(path: path) }
                return nil
            })
        // The inputs are all known, so the input thread may run ahead of the workers by a batch.
        return await run(stream: inputs, count: inputs.count, knownInputs: identities, readAhead: max(jobs, 32))
    }

    /// Runs inputs as a sequence yields them, such as lines arriving on standard input, holding
    /// only a bounded window of them in memory; `count` is the total when known, for progress.
    public func run(stream inputs: some Sequence<InputSource> & Sendable, count: Int? = nil) async -> RunSummary {
        // Pulled lazily: no further ahead of the workers than one input each.
        await run(stream: inputs, count: count, knownInputs: [], readAhead: jobs)
    }

    private func run(
        stream inputs: some Sequence<InputSource> & Sendable, count: Int?, knownInputs: Set<FileIdentity>, readAhead: Int
    ) async -> RunSummary {
        let clock = ContinuousClock.now
        let protected = Locked(knownInputs)
        // At most this many inputs may be taken and not yet written (being worked on, or finished
        // and waiting for an earlier one), bounding memory; one worker needs no such bound.
        let window = jobs > 1 ? AsyncSemaphore(jobs * 4) : nil
        let emitter = Emitter(
            pipeline: pipeline, base: outputDirectory, standardOutput: standardOutput, temporaryFiles: temporaryFiles, inputs: protected,
            total: count, progress: progress, report: diagnostics, written: window)
        guard await emitter.prepare() else { return await emitter.summary(seconds: 0) }
        // Analyzers get ready before any input is read; one that cannot refuses the run.
        var prepared: [Pipeline.AnalyzerStep] = []
        for step in pipeline.analyzers {
            do {
                try await step.analyzer.prepare(context(for: step))
                prepared.append(step)
            } catch {
                await shutdown(prepared)
                await emitter.refuse(
                    Diagnostic(
                        code: "E490",
                        "analyzer '\(step.name)' could not get ready: \(Self.diagnostic(error, code: "E490", article: nil, component: nil).message)",
                        at: step.location, component: step.name))
                return await emitter.summary(seconds: 0)
            }
        }
        // With room for a few dozen inputs not yet started (at most 1 MiB of streamed lines), the
        // input thread is woken once per batch of small articles rather than for each.
        let channel = WorkChannel(capacity: readAhead, byteBudget: 1 << 20)
        InputPump(reader: pipeline.reader, maximumLineBytes: maximumLineBytes, maximumInputBytes: maximumInputBytes, inputs: protected)
            .start(inputs, into: channel)
        let assigner = pipeline.exporters.contains { $0.target.isPerArticle } ? IDAssigner() : nil
        await runWorkers(channel, assigner: assigner, emitter: emitter, window: window)
        let interrupted = Task.isCancelled
        channel.cancel()
        await shutdown(prepared)
        let elapsed = ContinuousClock.now - clock
        return await emitter.finish(
            keep: !interrupted, interrupted: interrupted,
            seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }

    /// The context analyzers get outside any one document.
    private func context(for step: Pipeline.AnalyzerStep) -> AnalysisContext {
        AnalysisContext(pipeline: pipeline.name, component: step.name)
    }

    /// Lets every analyzer in `steps` release what it took, even when the run was cancelled.
    private func shutdown(_ steps: [Pipeline.AnalyzerStep]) async {
        // A child task that is not cancelled, so an interrupted run still shuts down cleanly.
        await Task.detached { for step in steps { await step.analyzer.shutdown(self.context(for: step)) } }.value
    }

    /// What one work item came to: its articles' results, the bytes it read, its warnings, and for
    /// each result the record it answers (nil for a problem with an input as a whole), so that a
    /// failure can be written in the record's place (`ExportSink.write(failure:)`).
    typealias ItemResult = (results: [ArticleResult], bytes: Int, warnings: [Diagnostic], records: [Record?])

    /// Which record of which input a result belongs to.
    struct Record: Sendable {
        var id: String?
        var input: String
        var line: Int?
    }

    /// The record a work item stands for as a whole, for a failure of the whole item (its time
    /// ran out): a line's id is the one its reader would give it (`LineReader.recordID`).
    static func record(of item: WorkItem) -> Record? {
        switch item {
        case .whole(let source): Record(id: source.stem, input: source.name)
        case .bytes(let id, let name, _): Record(id: id, input: name)
        case .line(let work): Record(id: recordID(of: work), input: work.inputName, line: work.number)
        case .failure(_, _, let record): record
        }
    }

    private static func recordID(of work: LineWork) -> String? {
        (try? work.reader.reader as? any LineReader)?.recordID(line: work.data, number: work.number, inputID: work.inputID)
    }

    /// What an item that ran out of time comes to: one failure, E474.
    static func expired(_ item: WorkItem, after timeout: Duration) -> ItemResult {
        let seconds = timeout.components.seconds
        let diagnostic = Diagnostic(
            code: "E474",
            "took longer than \(seconds) s and was abandoned; raise the limit with 'dossier run --timeout SECONDS' if it is expected",
            article: item.name)
        return ([.failure(diagnostic)], 0, [], [record(of: item)])
    }

    /// Where article time budgets are kept.
    static let deadlines = DeadlineScheduler(queue: DispatchQueue(label: "dossier-article-timers"))

    /// Reads, analyzes and exports one work item; never throws, a failure is a result.
    func process(
        _ item: WorkItem, index: Int, assigner: IDAssigner?, waitingForTurn: Locked<Bool>, stopping: Locked<Bool>
    ) async -> ItemResult {
        let (read, bytes, defaultName): ([Result<Document, Diagnostic>], Int, String) =
            switch item {
            case .whole(let source): readWhole(source)
            case .bytes(let id, let name, let data): (read(Input(id: id, name: name, data: data)), data.count, name)
            case .line(let work): ([readLine(work)], work.data.count, work.inputName)
            case .failure(let diagnostic, let bytes, _): ([.failure(diagnostic)], bytes, "")
            }
        var documents = read
        if let assigner {
            let ids = read.compactMap { try? $0.get().id }
            waitingForTurn.withLock { $0 = true }
            var final = await assigner.assign(ids, at: index)[...]
            waitingForTurn.withLock { $0 = false }
            for i in documents.indices {
                if case .success(var document) = documents[i], let id = final.popFirst() {
                    document.id = id
                    documents[i] = .success(document)
                }
            }
        }
        // The documents an input yields are analyzed as one batch; failures keep their place.
        var batch: [Document] = []
        for case .success(var document) in documents {
            if document.origin == nil { document.origin = defaultName }
            batch.append(document)
        }
        let warnings = WarningLog()
        var finished = await analyzeAndExport(batch, warnings: warnings, throughSinks: true, stopping: stopping)[...]
        var results: [ArticleResult] = []
        var records: [Record?] = []
        // A read document is its own record; a failed read is the item's when it is its only result.
        let line: Int? = if case .line(let work) = item { work.number } else { nil }
        for entry in documents {
            switch entry {
            case .success(let document):
                results.append(finished.popFirst()!)
                records.append(Record(id: document.id, input: defaultName, line: line))
            case .failure(let diagnostic):
                results.append(.failure(diagnostic))
                records.append(documents.count == 1 ? Self.record(of: item) : Record(id: nil, input: defaultName))
            }
        }
        let names = Dictionary(batch.map { ($0.id, Self.articleName($0)) }, uniquingKeysWith: { first, _ in first })
        let reported = warnings.drain().map { entry in
            Self.diagnostic(
                entry.error, code: entry.error.code ?? "W400", article: entry.document.flatMap { names[$0] } ?? defaultName,
                component: entry.component, severity: .warning)
        }
        return (results, bytes, reported, records)
    }

    private func readWhole(_ source: InputSource) -> ([Result<Document, Diagnostic>], Int, String) {
        let data: Data
        do {
            data = try source.load()
        } catch let error as Gzip.Error {
            return ([.failure(Diagnostic(code: "E409", "cannot decompress input: \(error.message)", article: source.name))], 0, source.name)
        } catch {
            return (
                [.failure(Diagnostic(code: "E401", "cannot read input: \(SystemError.describe(error))", article: source.name))], 0,
                source.name
            )
        }
        return (read(Input(id: source.stem, name: source.name, data: data)), data.count, source.name)
    }

    /// Reads one whole input with the chosen reader; each article read or failed in order.
    private func read(_ input: Input) -> [Result<Document, Diagnostic>] {
        let step: Pipeline.ReaderStep
        do {
            step = try chooseReader(for: input)
        } catch {
            return [.failure(Self.diagnostic(error, code: "E402", article: input.name, component: nil))]
        }
        let documents: [Result<Document, ComponentError>]
        do {
            documents = try step.reader.readEach(input)
        } catch {
            return [.failure(Self.diagnostic(error, code: "E403", article: input.name, component: step.info.id))]
        }
        if documents.isEmpty {
            return [
                .failure(
                    Diagnostic(
                        code: "E403", "reader '\(step.info.id)' found no article in it", article: input.name, component: step.info.id))
            ]
        }
        return documents.enumerated().map { n, read in
            switch read {
            case .success(var document):
                if document.reader == nil { document.reader = Provenance(component: step.info.id, version: step.info.version) }
                return .success(document)
            case .failure(let error):
                let name = documents.count > 1 ? "\(input.name)#\(n + 1)" : input.name
                return .failure(Self.diagnostic(error, code: "E403", article: name, component: step.info.id))
            }
        }
    }

    private func readLine(_ work: LineWork) -> Result<Document, Diagnostic> {
        do {
            // The reader is created on first use (`auto` creates only the readers its inputs need).
            guard let reader = try work.reader.reader as? any LineReader else {
                return .failure(
                    Diagnostic(
                        code: "E403", "reader '\(work.reader.info.id)' cannot read line by line",
                        article: work.inputName))
            }
            var document = try reader.read(line: work.data, number: work.number, inputID: work.inputID, inputName: work.inputName)
            if document.reader == nil { document.reader = Provenance(component: work.reader.info.id, version: work.reader.info.version) }
            return .success(document)
        } catch {
            return .failure(
                Self.diagnostic(error, code: "E403", article: "\(work.inputName)#\(work.position)", component: work.reader.info.id))
        }
    }

    /// Runs the analyzers and exporters on one document, with each exporter's whole rendering.
    public func analyzeAndExport(_ document: Document) async -> ArticleResult {
        await analyzeAndExport([document], warnings: nil, throughSinks: false, stopping: nil)[0]
    }

    /// Runs the analyzers on the documents of one input as a batch, then the exporters on each.
    /// `throughSinks` tells exporters that their sinks write the result, so one that renders
    /// large documents at write time may return less; `stopping` says when the run is
    /// interrupted or the article ran out of time (nil: the task's cancellation).
    func analyzeAndExport(
        _ documents: [Document], warnings: WarningLog?, throughSinks: Bool, stopping: Locked<Bool>?
    ) async -> [ArticleResult] {
        guard !documents.isEmpty else { return [] }
        let analyzed = await analyze(batch: documents, warnings: warnings, stopping: stopping)
        return zip(documents, analyzed).map { original, result in
            let name = Self.articleName(original)
            switch result {
            case .success(let document): return export(document, name: name, throughSinks: throughSinks, stopping: stopping)
            case .failure(let failure):
                return .failure(
                    Self.diagnostic(failure.error, code: failure.code, article: name, component: failure.component, text: original.scalars))
            }
        }
    }

    /// Renders one analyzed document with every exporter, each with a context naming the run
    /// and collecting its warnings.
    func export(_ analyzed: Document, name: String, throughSinks: Bool, stopping: Locked<Bool>?) -> ArticleResult {
        var outputs: [Data] = []
        let warnings = Locked<[Diagnostic]>([])
        for step in pipeline.exporters {
            let context = ExportContext(
                pipeline: pipeline.name, exporter: step.name, article: name, rendersThroughSink: throughSinks,
                warn: { diagnostic in warnings.withLock { $0.append(diagnostic) } },
                isCancelled: { stopping?.withLock { $0 } ?? Task.isCancelled })
            do {
                outputs.append(try step.exporter.export(analyzed, context: context))
            } catch {
                return .failure(Self.diagnostic(error, code: "E407", article: name, component: step.name, text: analyzed.scalars))
            }
        }
        return .success(analyzed, outputs: outputs, warnings: warnings.withLock { $0 })
    }

    /// How diagnostics name a document: its origin and id.
    static func articleName(_ document: Document) -> String {
        document.origin.map { $0 == document.id || $0 == "-" ? document.id : "\($0)#\(document.id)" } ?? document.id
    }

    /// Runs the analyzers stage by stage on one document; throws the first analyzer's failure.
    public func analyze(_ document: Document) async throws -> Document {
        try await analyze(batch: [document], warnings: nil, stopping: nil)[0].get()
    }

    /// Runs the analyzers stage by stage on several documents at once, each analyzer getting them
    /// as one batch. The analyzers of a stage see the same snapshot and run together; their
    /// results are merged in plan order. A document one analyzer fails on leaves the batch, with
    /// that failure; the others go on.
    func analyze(batch documents: [Document], warnings: WarningLog?, stopping: Locked<Bool>?) async -> [Result<Document, StepFailure>] {
        var results: [Result<Document, StepFailure>] = documents.map { .success($0) }
        var stageStart = 0
        let steps = pipeline.analyzers
        while stageStart < steps.count {
            let stage = pipeline.plan.steps[stageStart].stage
            var stageEnd = stageStart
            while stageEnd < steps.count && pipeline.plan.steps[stageEnd].stage == stage { stageEnd += 1 }
            let members = Array(steps[stageStart..<stageEnd])
            stageStart = stageEnd
            // Running an analyzer again replaces what it wrote before, so its old results (and
            // relations to them) go before the stage sees the document.
            var live: [Int] = []
            var retired: [Int: Set<String>] = [:]
            for i in results.indices {
                guard case .success(var document) = results[i] else { continue }
                // Looked for before a set of the layers is built: most documents meet a stage once.
                for member in members where document.annotations.hasAnnotations(in: member.info.provides) {
                    let removed = document.annotations.removeAll(producedBy: member.name, in: Set(member.info.provides))
                    if !removed.isEmpty { retired[i, default: []].formUnion(removed) }
                }
                results[i] = .success(document)
                live.append(i)
            }
            guard !live.isEmpty else { break }
            let snapshot = live.map { try! results[$0].get() }
            let name = pipeline.name
            var isCancelled: (@Sendable () -> Bool)?
            if let stopping { isCancelled = { stopping.withLock { $0 } } }
            let stop = isCancelled
            let context: @Sendable (Pipeline.AnalyzerStep) -> AnalysisContext = { member in
                AnalysisContext(pipeline: name, component: member.name, warnings: warnings, isCancelled: stop)
            }
            var outputs: [[Result<Annotations, StepFailure>]]
            if members.count == 1 || jobs == 1 || Self.isSmall(snapshot) {
                // One core, or too little text to pay for a child task per member (creating and
                // waking one costs about what a short article's analysis does): one after another,
                // which gives the same results, since every member sees the same snapshot.
                outputs = []
                for member in members { outputs.append(await Self.apply(member, to: snapshot, context: context(member))) }
            } else {
                outputs = await withTaskGroup(of: (Int, [Result<Annotations, StepFailure>]).self) { group in
                    for (m, member) in members.enumerated() {
                        let memberContext = context(member)
                        group.addTask { (m, await Self.apply(member, to: snapshot, context: memberContext)) }
                    }
                    var collected = [[Result<Annotations, StepFailure>]](repeating: [], count: members.count)
                    for await (m, annotations) in group { collected[m] = annotations }
                    return collected
                }
            }
            for (n, i) in live.enumerated() {
                guard case .success(var document) = results[i] else { continue }
                do {
                    for (m, member) in members.enumerated() {
                        // Taken out of `outputs`, so that its layers are uniquely referenced and
                        // `stamp` writes ids and producers in place: read through a copy, each
                        // layer was copied whole, for memory and time alike.
                        var added = try Self.take(&outputs[m][n])
                        // Checked before numbering, when the ids the runner gives cannot collide yet, so
                        // only ids the component set itself and its references need looking at; a
                        // problem is described again after numbering, to name the annotations by id.
                        let unchecked = added.firstReferenceProblem(against: document.annotations)
                        added.stamp(
                            Provenance(component: member.info.id, version: member.info.version, name: member.name),
                            after: document.annotations,
                            retired: retired[i] ?? [])
                        if unchecked != nil, let problem = added.firstReferenceProblem(against: document.annotations) ?? unchecked {
                            throw StepFailure(code: "E492", component: member.name, error: ComponentError(code: "E492", problem.message))
                        }
                        document.annotations.merge(added)
                    }
                    if let replaced = retired[i] {
                        // What other analyzers derived from the replaced annotations is stale now.
                        let stale = document.annotations.removeAll(pointingAt: replaced)
                        if !stale.isEmpty, let warnings {
                            let names = members.map { "'\($0.name)'" }.joined(separator: ", ")
                            let what = stale.sorted { $0.key < $1.key }.map { "\($0.value) in '\($0.key)'" }.joined(separator: ", ")
                            warnings.add(
                                ComponentError(
                                    code: "W490",
                                    "running \(names) again replaced annotations that others pointed at, so those went too (\(what)); run the analyzers that wrote them again to get them back"
                                ),
                                component: members[0].name, document: document.id)
                        }
                    }
                    results[i] = .success(document)
                } catch let failure as StepFailure {
                    results[i] = .failure(failure)
                } catch {
                    results[i] = .failure(StepFailure(code: "E404", component: "", error: error))
                }
            }
        }
        return results
    }

    /// The annotations of `result`, leaving an empty result in its place; throws its failure.
    static func take(_ result: inout Result<Annotations, StepFailure>) throws(StepFailure) -> Annotations {
        let taken = result
        result = .success(Annotations())
        switch consume taken {
        case .success(let annotations): return annotations
        case .failure(let failure): throw failure
        }
    }

    /// Whether a batch holds so little text (under 64 Ki scalars) that running a stage's members
    /// in child tasks would cost more than it gains.
    static func isSmall(_ documents: [Document]) -> Bool {
        var length = 0
        for document in documents { length += document.length }
        return length < 1 << 16
    }

    /// Runs one analyzer on a batch and checks what it returned for each document.
    static func apply(
        _ step: Pipeline.AnalyzerStep, to documents: [Document], context: AnalysisContext
    ) async -> [Result<Annotations, StepFailure>] {
        var returned = await step.analyzer.analyze(batch: documents, context: context)
        if returned.count != documents.count {
            let failure = StepFailure(
                code: "E404", component: step.name,
                error: ComponentError(
                    code: "E404",
                    "returned \(returned.count) results for a batch of \(documents.count) documents; return one per document, in order"))
            returned = documents.map { _ in .failure(failure) }
        }
        return zip(documents, returned).map { document, result in
            result.mapError { error in
                error as? StepFailure ?? StepFailure(code: error is CancellationError ? "E474" : "E404", component: step.name, error: error)
            }.flatMap { annotations in
                Result { try check(annotations, of: step, for: document) }.mapError { $0 as! StepFailure }
            }
        }
    }

    /// Refuses what an analyzer returned when it writes an undeclared layer or a bad range.
    static func check(_ annotations: Annotations, of step: Pipeline.AnalyzerStep, for document: Document) throws -> Annotations {
        if annotations.hasAnnotations(outside: step.info.provides) {
            let undeclared = annotations.nonEmptyLayers.subtracting(step.info.provides)
            throw StepFailure(
                code: "E405", component: step.name,
                error: ComponentError(
                    code: "E405",
                    "wrote layer \(undeclared.sorted().map { "'\($0)'" }.joined(separator: ", ")) it does not declare in 'provides'"))
        }
        if let range = annotations.firstInvalidRange(length: document.length) {
            let why =
                range.start > range.end
                ? "that ends before it starts"
                : range.start < 0 ? "that starts before the text" : "past the end of the text (\(document.length) scalars)"
            throw StepFailure(
                code: "E406", component: step.name,
                error: ComponentError(
                    code: "E406",
                    "returned the range \(range) \(why); every range must lie in [0, \(document.length)] with start <= end"))
        }
        return annotations
    }

    /// Picks the reader for an input: the fixed one, or by extension, then by content.
    public func chooseReader(for input: Input) throws -> Pipeline.ReaderStep {
        switch pipeline.reader {
        case .fixed(let step): step
        case .auto(let steps): try Self.choose(among: steps, for: input)
        }
    }

    /// `auto`'s choice among `steps`: by extension, then by content. Sniffers see the input up to
    /// the end of its second line (at least 4 KB, at most 1 MiB), so a long first line of JSON
    /// Lines is seen whole.
    static func choose(among steps: [Pipeline.ReaderStep], for input: Input) throws -> Pipeline.ReaderStep {
        if let step = step(forExtension: input.fileExtension, among: steps) { return step }
        let head = sniffHead(input.data)
        if let step = steps.first(where: { $0.sniff(head) }) { return step }
        if input.data.isEmpty {
            throw Diagnostic(code: "E402", "the input is empty; there is nothing to read", article: input.name)
        }
        throw Diagnostic(
            code: "E402",
            "no reader recognises this input by its extension or content; name one with 'reader:' in the pipeline, or 'dossier run --reader ID'",
            article: input.name)
    }

    /// The first of `steps` that claims the file extension `ext` (lowercase, without the dot).
    static func step(forExtension ext: String, among steps: [Pipeline.ReaderStep]) -> Pipeline.ReaderStep? {
        ext.isEmpty ? nil : steps.first { $0.info.fileExtensions.contains(ext) }
    }

    /// The first bytes of `data` that sniffers look at.
    static func sniffHead(_ data: Data) -> Data {
        let minimum = 4096
        let window = data.prefix(1 << 20)
        guard data.count > minimum else { return data }
        let end =
            window.firstIndex(of: 0x0A).flatMap { first in window[window.index(after: first)...].firstIndex(of: 0x0A) } ?? window.endIndex
        return data[data.startIndex..<max(end, data.startIndex + minimum)]
    }

    /// The diagnostic for a run-time error. A `ComponentError` with a range, given the article's
    /// `text`, shows the line of the text with the range underlined; without the text, the range
    /// as offsets.
    static func diagnostic(
        _ error: any Error, code: String, article: String?, component: String?, severity: Diagnostic.Severity = .error,
        text: ScalarBuffer? = nil
    ) -> Diagnostic {
        if let d = error as? Diagnostic { return d }
        if let e = error as? ComponentError {
            var d = Diagnostic(severity, code: e.code ?? code, e.message, article: article, component: component, notes: e.notes)
            if let range = e.range {
                if let text, let excerpt = Diagnostic.Excerpt(scalars: text, range: range) {
                    d.excerpt = excerpt
                } else {
                    d.message += " (at \(range))"
                }
            }
            return d
        }
        if var d = (error as? any DiagnosticConvertible)?.diagnostic {
            d.article = d.article ?? article
            d.component = d.component ?? component
            return d
        }
        if error is CancellationError {
            return Diagnostic(
                severity, code: code, "stopped: the run was interrupted or the article ran out of time", article: article,
                component: component)
        }
        return Diagnostic(severity, code: code, "\(error)", article: article, component: component)
    }
}

/// An analyzer that failed, with its id.
struct StepFailure: Error, @unchecked Sendable {
    var code: String
    var component: String
    var error: any Error
}
