public import DossierCore
public import DossierYAML
public import Foundation

/// Reads pipeline files, checks them completely, and creates the components they name.
///
/// Loading never stops at the first problem: it collects every problem it can find (YAML syntax,
/// unknown keys and ids with did-you-mean, option types, `extends` cycles, missing producers) and
/// throws them together as a `LintReport`.
public struct PipelineLoader: Sendable {
    /// The components a pipeline may name.
    public var registry: Registry
    /// Pipelines that `extends:` can name without a path, such as `default`.
    public var builtins: [String: String]
    /// The variables `${NAME}` refers to.
    public var environment: [String: String]
    /// Limits on the YAML parser, against alias bombs and absurd nesting.
    public var limits: YAMLLimits

    /// The keys a pipeline file may have at its top level.
    public static let topLevelKeys = ["version", "name", "description", "extends", "reader", "analyzers", "exporters"]

    /// Creates a loader.
    public init(
        registry: Registry, builtins: [String: String] = [:],
        environment: [String: String] = ProcessInfo.processInfo.environment, limits: YAMLLimits = .default
    ) {
        self.registry = registry
        self.builtins = builtins
        self.environment = environment
        self.limits = limits
    }

    /// Loads the pipeline in the file at `path`.
    public func load(path: String) throws(LintReport) -> Pipeline {
        var report = LintReport()
        guard let text = read(path, report: &report, at: nil) else { throw report }
        return try load(text: text, file: path)
    }

    /// Loads a pipeline from text; `file` names it in diagnostics and anchors relative `extends`.
    public func load(text: String, file: String) throws(LintReport) -> Pipeline {
        var report = LintReport()
        report.sources[file] = text
        let assembled = assemble(text: text, file: file, chain: [], report: &report)
        var pipeline: Pipeline?
        if let assembled {
            pipeline = instantiate(assembled, report: &report)
        }
        report.sort()
        if report.hasErrors || pipeline == nil { throw report }
        pipeline!.warnings = report.diagnostics
        pipeline!.sources = report.sources
        return pipeline!
    }

    /// Every problem in the file at `path`; empty when the pipeline is sound.
    public func lint(path: String) -> LintReport {
        do {
            let pipeline = try load(path: path)
            return LintReport(diagnostics: pipeline.warnings, sources: pipeline.sources)
        } catch {
            return error
        }
    }

    // MARK: - Reading files and resolving `extends`

    private func read(_ path: String, report: inout LintReport, at location: SourceLocation?) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            report.error("E200", exists ? "cannot read pipeline file '\(path)'" : "pipeline file '\(path)' does not exist", at: location)
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            report.error("E200", "pipeline file '\(path)' is not valid UTF-8", at: location)
            return nil
        }
        return text
    }

    /// Parses one file and, recursively, the files it extends; nil when nothing usable came out.
    func assemble(text: String, file: String, chain: [String], report: inout LintReport) -> PipelineFile? {
        report.sources[file] = text
        let root: YAMLNode?
        do {
            root = try YAMLParser.parse(text, file: file, limits: limits)
        } catch {
            report.error(error.code, error.message, at: error.location)
            // Keep checking what was read before the syntax error, so one run reports everything.
            root = error.partial
        }
        guard let root else {
            if !report.hasErrors { report.error("E202", "the pipeline file is empty; run 'dossier init' for a starter", at: SourceLocation(file: file, line: 1, column: 1)) }
            return nil
        }
        guard let pairs = root.mapping else {
            report.error("E202", "a pipeline file must be a mapping with keys such as 'reader', 'analyzers' and 'exporters'", at: root.location)
            return nil
        }
        var parser = PipelineFileParser(file: file, interpolation: EnvironmentInterpolation(environment: environment))
        var own = parser.parse(pairs, report: &report)
        own.files = [file]

        guard let extends = parser.extends else { return own }
        let (target, location) = extends
        let parentText: String?
        let parentFile: String
        if let builtin = builtins[target] {
            parentFile = "<\(target)>"
            parentText = builtin
        } else {
            let base = (file.hasPrefix("<") ? FileManager.default.currentDirectoryPath : (file as NSString).deletingLastPathComponent)
            parentFile = target.hasPrefix("/") ? target : (base.isEmpty ? target : base + "/" + target)
            if !FileManager.default.fileExists(atPath: parentFile) {
                let hint = Suggestions.hint(target, among: Array(builtins.keys))
                report.error("E204", "cannot extend '\(target)': no such file, and no built-in pipeline of that name\(hint)", at: location)
                return own
            }
            parentText = read(parentFile, report: &report, at: location)
        }
        let canonical = parentFile.hasPrefix("<") ? parentFile : URL(fileURLWithPath: parentFile).standardizedFileURL.path
        let myCanonical = file.hasPrefix("<") ? file : URL(fileURLWithPath: file).standardizedFileURL.path
        if chain.contains(canonical) || canonical == myCanonical {
            let cycle = (chain + [myCanonical, canonical]).map { "'\(($0 as NSString).lastPathComponent)'" }.joined(separator: " extends ")
            report.error("E205", "'extends' forms a cycle: \(cycle); remove one of the 'extends' lines", at: location)
            return own
        }
        guard let parentText,
              let parent = assemble(text: parentText, file: parentFile, chain: chain + [myCanonical], report: &report)
        else { return own }
        return parent.overlaid(with: own, childHas: parser.presentKeys)
    }
}
