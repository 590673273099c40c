public import DossierCore
public import Foundation

/// A checked pipeline with its components created and its analyzers planned: ready to run.
public struct Pipeline: Sendable {
    /// A reader and what the registry says about it; the reader itself is created the first time
    /// an input needs it.
    public struct ReaderStep: Sendable {
        /// What the registry says about the reader.
        public var info: ComponentInfo
        /// Whether the first bytes of an input look like the reader's format.
        public var sniff: @Sendable (Data) -> Bool
        /// Whether the reader reads line by line (`LineReader`), known without creating it.
        public var readsLines: Bool
        private var instance: LazyInstance<any Reader>

        /// The reader, created with its options on first use, once, even when several tasks ask at
        /// once; throws what its `init` threw (every time, without retrying).
        public var reader: any Reader {
            get throws { try instance.value() }
        }

        /// Whether the reader has been created (or tried to be) yet.
        public var isCreated: Bool { instance.isCreated }

        /// Creates a reader step around a reader already created.
        public init(info: ComponentInfo, reader: any Reader, sniff: @escaping @Sendable (Data) -> Bool) {
            self.info = info
            self.sniff = sniff
            self.readsLines = reader is any LineReader
            self.instance = LazyInstance(made: reader)
        }

        /// Creates a reader step that creates its reader with `make` the first time it is needed.
        public init(
            info: ComponentInfo, readsLines: Bool, sniff: @escaping @Sendable (Data) -> Bool,
            make: @escaping @Sendable () throws -> any Reader
        ) {
            self.info = info
            self.sniff = sniff
            self.readsLines = readsLines
            self.instance = LazyInstance(make)
        }
    }

    /// A created analyzer.
    public struct AnalyzerStep: Sendable {
        /// What the registry says about the analyzer.
        public var info: ComponentInfo
        /// The analyzer, created with its options.
        public var analyzer: any Analyzer
        /// The instance name: the id unless the pipeline file gives another with `as:`.
        public var name: String
        /// Where the pipeline file names it.
        public var location: SourceLocation?

        /// Creates an analyzer step; `name` defaults to the analyzer's id.
        public init(info: ComponentInfo, analyzer: any Analyzer, name: String? = nil, location: SourceLocation? = nil) {
            self.info = info
            self.analyzer = analyzer
            self.name = name ?? info.id
            self.location = location
        }
    }

    /// A created exporter and where its output goes.
    public struct ExporterStep: Sendable {
        /// What the registry says about the exporter.
        public var info: ComponentInfo
        /// The exporter, created with its options.
        public var exporter: any Exporter
        /// The instance name: the id unless the pipeline file gives another with `as:`; what
        /// `{exporter}` in an output path stands for.
        public var name: String
        /// Where its output goes.
        public var target: OutputTarget
        /// The target as the pipeline file writes it, with any `${NAME}` unreplaced, for showing to
        /// the user; nil when it is the same as `target`.
        public var targetAsWritten: String?
        /// Where the pipeline file names it.
        public var location: SourceLocation?

        /// Creates an exporter step; `name` defaults to the exporter's id.
        public init(
            info: ComponentInfo, exporter: any Exporter, name: String? = nil, target: OutputTarget,
            location: SourceLocation? = nil
        ) {
            self.info = info
            self.exporter = exporter
            self.name = name ?? info.id
            self.target = target
            self.location = location
        }
    }

    /// How the reader is chosen.
    public enum ReaderChoice: Sendable {
        /// Always this reader.
        case fixed(ReaderStep)
        /// Per input: by file extension, then by content, among these readers in order.
        case auto([ReaderStep])

        /// The reader for `input`: the fixed one, or `auto`'s choice by extension, then by
        /// content; creates no reader. Throws an `E402` diagnostic when none fits.
        public func choose(for input: Input) throws -> ReaderStep {
            switch self {
            case .fixed(let step): step
            case .auto(let steps): try Runner.choose(among: steps, for: input)
            }
        }
    }

    /// The pipeline's name.
    public var name: String
    /// The name as the pipeline file writes it, with any `${NAME}` unreplaced, for showing to the
    /// user; nil when it is the same as `name`.
    public var nameAsWritten: String?
    /// The reader, or how one is chosen.
    public var reader: ReaderChoice
    /// The analyzers in run order (stage by stage).
    public var analyzers: [AnalyzerStep]
    /// The exporters, in the order written.
    public var exporters: [ExporterStep]
    /// The analysis plan: stages and why each step is there.
    public var plan: Plan
    /// Warnings found while loading.
    public var warnings: [Diagnostic] = []
    /// The pipeline files' texts, for rendering diagnostics.
    public var sources: [String: String] = [:]
    /// The files this pipeline was assembled from.
    public var files: [String] = []

    /// Creates a pipeline from components made in Swift, planning the analyzers' order.
    public init(
        name: String, reader: ReaderChoice, analyzers: [AnalyzerStep], exporters: [ExporterStep]
    ) throws(LintReport) {
        let planned = Planner.plan(
            analyzers: analyzers.map { ($0.info, $0.name, $0.location) }, exporters: exporters.map { ($0.info, $0.name, $0.location) },
            registry: nil)
        if planned.report.hasErrors { throw planned.report }
        self.init(name: name, reader: reader, plan: planned.plan, analyzers: analyzers, exporters: exporters)
    }

    /// Creates a pipeline from a plan already made for `analyzers`, putting them in its order.
    init(name: String, reader: ReaderChoice, plan: Plan, analyzers: [AnalyzerStep], exporters: [ExporterStep]) {
        self.name = name
        self.reader = reader
        self.plan = plan
        self.analyzers = plan.steps.map { step in analyzers.first { $0.name == step.name }! }
        self.exporters = exporters
    }
}
