import ArgumentParser
public import Dossier
public import Foundation

/// What the commands work with: the registry, the built-in pipelines, the environment and the
/// two output streams. Passed in by `DossierCommand.main(registry:)`, never global, so another
/// package can build its own `dossier` and tests can capture output.
public struct CommandContext: Sendable {
    /// The components pipelines may name.
    public var registry: Registry
    /// Pipelines `extends:` and `--pipeline` can name without a path.
    public var builtins: [String: String]
    /// The environment for `${NAME}` in pipelines.
    public var environment: [String: String]
    /// Receives standard output.
    public var standardOutput: @Sendable (Data) -> Void
    /// Receives standard error.
    public var standardError: @Sendable (String) -> Void
    /// The first failure writing each stream, checked when the command ends. The default closures
    /// record into it; replacements may too (`streams.record(EPIPE, on: .output)`).
    public var streams: StandardStreams
    /// Whether standard error is a terminal (colours, progress line).
    public var errorIsTerminal: Bool
    /// The version `--version` prints.
    public var version: String

    /// Creates a context writing to the process's standard output and error.
    public init(
        registry: Registry, builtins: [String: String] = DefaultPipeline.builtins,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.registry = registry
        self.builtins = builtins
        self.environment = environment
        let streams = StandardStreams()
        self.streams = streams
        self.standardOutput = { streams.write($0, to: .output) }
        self.standardError = { streams.write(Data($0.utf8), to: .error) }
        self.errorIsTerminal = isatty(2) == 1
        self.version = DossierCommand.version
    }

    /// A loader over this context's registry and built-ins.
    func loader(_ extends: ExtendsOptions) -> PipelineLoader {
        PipelineLoader(
            registry: registry, builtins: builtins, environment: environment, allowsExtendsOutsideFolder: extends.allowExtendsOutside)
    }

    func out(_ text: String) { standardOutput(Data(text.utf8)) }
    func err(_ text: String) { standardError(text) }

    /// Checks a pipeline file, or a built-in pipeline by name when no such file exists (nil: the
    /// default), creating no component, and reporting every problem as a `LintReport`.
    func check(_ pathOrName: String?, extends: ExtendsOptions) throws(LintReport) -> CheckedPipeline {
        if let path = pathOrName, FileManager.default.fileExists(atPath: path) || builtins[path] == nil {
            return try loader(extends).check(path: path)
        }
        let name = pathOrName ?? "default"
        return try loader(extends).check(text: builtins[name]!, file: "<\(name)>")
    }

    /// Checks the pipeline named by `-p` (a path or a built-in name), or the default one, creating
    /// no component; prints the lint report and throws the "invalid pipeline" status on failure.
    func checkPipeline(_ path: String?, extends: ExtendsOptions) throws -> CheckedPipeline {
        do {
            return try check(path, extends: extends)
        } catch {
            throw invalid(error)
        }
    }

    /// Checks the pipeline named by `-p`, then creates its components to run it; prints the lint
    /// report and throws the "invalid pipeline" status on failure.
    func loadPipeline(_ path: String?, extends: ExtendsOptions) throws -> Pipeline {
        do {
            return try checkPipeline(path, extends: extends).build()
        } catch let report as LintReport {
            throw invalid(report)
        }
    }

    /// Prints a failed pipeline's report; the status to throw.
    private func invalid(_ report: LintReport) -> ExitCode {
        err(report.render(color: errorIsTerminal))
        err("\(report.errorCount) error\(report.errorCount == 1 ? "" : "s") in the pipeline; nothing was run\n")
        return ExitStatus.invalidPipeline
    }

    /// Prints `error[CODE]: message` on standard error, for the command line's own errors.
    func fail(_ code: String, _ message: String) {
        err(DiagnosticRenderer(sources: [:], color: errorIsTerminal).render(Diagnostic(code: code, message)))
    }
}
