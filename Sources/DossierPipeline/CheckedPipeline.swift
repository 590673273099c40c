public import DossierCore
import DossierYAML

/// A pipeline checked in full, with no component created: every option decoded and validated, the
/// analyzers planned, the outputs worked out. What `dossier lint` and `dossier plan` look at.
///
/// `PipelineLoader.check` makes one; `PipelineLoader.load` makes one and then creates its
/// components (`build`), so the checks are the same whether a pipeline is linted or run.
public struct CheckedPipeline: Sendable {
    /// One analyzer or exporter instance as the pipeline file configures it.
    public struct Step: Sendable {
        /// What the registry says about the component.
        public var info: ComponentInfo
        /// The instance name: the id unless the pipeline file gives another with `as:`.
        public var name: String
        /// Where the pipeline file names it.
        public var location: SourceLocation?
        /// For exporters: where the output goes (`{exporter}` already replaced by the name).
        public var target: OutputTarget?
        /// For exporters: the target as written, with any `${NAME}` unreplaced; nil when the same.
        public var targetAsWritten: String?
        /// The options as written, to point at the one a creation error names.
        let options: YAMLNode?
        /// The variables the options took values from, to redact from messages.
        let used: [String: String]
        /// Creates the component from its checked options; only `build` calls it.
        let make: @Sendable () throws -> any Sendable
    }

    /// The pipeline's name.
    public var name: String
    /// The name as written, when `${NAME}` was replaced in it.
    public var nameAsWritten: String?
    /// The reader, or how `auto` chooses one; no reader is created until an input needs it.
    public var reader: Pipeline.ReaderChoice
    /// The analyzers in run order (stage by stage).
    public var analyzers: [Step]
    /// The exporters, in the order written.
    public var exporters: [Step]
    /// The analysis plan.
    public var plan: Plan
    /// Warnings found while checking.
    public var warnings: [Diagnostic] = []
    /// The pipeline files' texts, for rendering diagnostics.
    public var sources: [String: String] = [:]
    /// The files this pipeline was assembled from, the extended ones first.
    public var files: [String] = []
    /// Where the file names a fixed reader, and its options, for creation errors.
    var readerEntry: (location: SourceLocation, options: YAMLNode?)?

    /// The warnings as a report, for rendering.
    public var report: LintReport { LintReport(diagnostics: warnings, sources: sources) }

    /// Creates every component (a fixed reader too; `auto`'s readers stay lazy) for running.
    ///
    /// A component whose `init` throws is reported at its entry, or at the option its
    /// `ComponentError` names; every failure is reported, not only the first.
    public func build() throws(LintReport) -> Pipeline {
        var report = LintReport(diagnostics: [], sources: sources)
        func made<T>(_ step: Step, kind: ComponentInfo.Kind, as type: T.Type) -> T? {
            do {
                return try step.make() as? T
            } catch {
                report.add(
                    PipelineLoader.creationDiagnostic(
                        error, kind: kind, id: step.info.id, name: step.name, at: step.location, options: step.options, used: step.used))
                return nil
            }
        }
        if case .fixed(let step) = reader {
            do {
                _ = try step.reader
            } catch {
                report.add(
                    PipelineLoader.creationDiagnostic(
                        error, kind: .reader, id: step.info.id, name: step.info.id, at: readerEntry?.location,
                        options: readerEntry?.options,
                        used: [:]))
            }
        }
        var analyzerSteps: [Pipeline.AnalyzerStep] = []
        for step in analyzers {
            if let a = made(step, kind: .analyzer, as: (any Analyzer).self) {
                analyzerSteps.append(Pipeline.AnalyzerStep(info: step.info, analyzer: a, name: step.name, location: step.location))
            }
        }
        var exporterSteps: [Pipeline.ExporterStep] = []
        for step in exporters {
            if let e = made(step, kind: .exporter, as: (any Exporter).self) {
                var built = Pipeline.ExporterStep(
                    info: step.info, exporter: e, name: step.name, target: step.target ?? .stdout,
                    location: step.location)
                built.targetAsWritten = step.targetAsWritten
                exporterSteps.append(built)
            }
        }
        if report.hasErrors {
            report.sort()
            throw report
        }
        var pipeline = Pipeline(name: name, reader: reader, plan: plan, analyzers: analyzerSteps, exporters: exporterSteps)
        pipeline.nameAsWritten = nameAsWritten
        pipeline.files = files
        pipeline.warnings = warnings
        pipeline.sources = sources
        return pipeline
    }
}
