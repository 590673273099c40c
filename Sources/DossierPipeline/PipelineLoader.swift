public import DossierCore
public import DossierYAML
public import Foundation

/// Reads pipeline files, checks them completely, and creates the components they name.
///
/// `check` decodes and validates every option without creating a component; `load` checks, then
/// creates the components (`CheckedPipeline.build`).
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
    /// Whether `extends:` may name a file outside the extending pipeline's folder (`E207` when not).
    ///
    /// Off by default, so that a pipeline from elsewhere cannot make `lint` or `plan` read, and
    /// quote, any file the user can read; `--allow-extends-outside` turns it on.
    public var allowsExtendsOutsideFolder: Bool

    /// The keys a pipeline file may have at its top level.
    public static let topLevelKeys = ["version", "name", "description", "extends", "reader", "analyzers", "exporters"]

    /// Creates a loader.
    public init(
        registry: Registry, builtins: [String: String] = [:],
        environment: [String: String] = ProcessInfo.processInfo.environment, limits: YAMLLimits = .default,
        allowsExtendsOutsideFolder: Bool = false
    ) {
        self.registry = registry
        self.builtins = builtins
        self.environment = environment
        self.limits = limits
        self.allowsExtendsOutsideFolder = allowsExtendsOutsideFolder
    }

    /// Loads the pipeline in the file at `path`: checks it in full, then creates its components.
    public func load(path: String) throws(LintReport) -> Pipeline {
        try check(path: path).build()
    }

    /// Loads a pipeline from text; `file` names it in diagnostics and anchors relative `extends`.
    public func load(text: String, file: String) throws(LintReport) -> Pipeline {
        try check(text: text, file: file).build()
    }

    /// Checks the pipeline in the file at `path` in full without creating any component: what
    /// `dossier lint` and `dossier plan` do.
    public func check(path: String) throws(LintReport) -> CheckedPipeline {
        var report = LintReport()
        guard let text = read(path, shownAs: path, report: &report, at: nil) else { throw report }
        return try check(text: text, file: path)
    }

    /// Checks a pipeline given as text in full without creating any component.
    public func check(text: String, file: String) throws(LintReport) -> CheckedPipeline {
        try check(text: text, file: file, recovering: true)
    }

    private func check(text: String, file: String, recovering: Bool) throws(LintReport) -> CheckedPipeline {
        var report = LintReport()
        let assembled = assemble(text: text, file: file, chain: [], report: &report)
        var pipeline: CheckedPipeline?
        if let assembled {
            pipeline = resolve(assembled, report: &report)
        }
        if recovering { recoverPastSyntaxError(in: text, file: file, report: &report) }
        report.sort()
        if report.hasErrors || pipeline == nil { throw report }
        pipeline!.warnings = report.diagnostics
        pipeline!.sources = report.sources
        return pipeline!
    }

    /// The codes of problems with one value or one entry, which skipping another line cannot cause.
    static let valueCodes: Set<String> = [
        "E101", "E103", "E210", "E211", "E212", "E215", "E220", "E230", "E231", "E233", "E234", "E235", "E240",
    ]

    /// After a YAML syntax error in `file`, checks the rest of the file too: the line libyaml
    /// stopped at is blanked and the text checked again; of what that finds, problems with one
    /// value or entry (`valueCodes`) after that line are kept, since a skipped line cannot cause
    /// them. The syntax error's note says which way it went.
    private func recoverPastSyntaxError(in text: String, file: String, report: inout LintReport) {
        guard let index = report.diagnostics.firstIndex(where: { $0.code == YAMLError.Code.syntax && $0.location?.file == file }),
            let line = report.diagnostics[index].location?.line
        else { return }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard line >= 1, line <= lines.count else { return }
        lines[line - 1] = ""
        let blanked = lines.joined(separator: "\n")
        var found: [Diagnostic]
        do {
            found = try check(text: blanked, file: file, recovering: false).warnings
        } catch {
            found = error.diagnostics
        }
        // Stop where the blanked text has a syntax error of its own: nothing after it was read.
        let readTo = found.first { $0.code == YAMLError.Code.syntax }?.location?.line ?? Int.max
        let kept = found.filter { d in
            guard let at = d.location, at.file == file else { return false }
            return Self.valueCodes.contains(d.code) && at.line > line && at.line < readTo
        }
        for d in kept { report.add(d) }
        let note =
            readTo == Int.max
            ? "the rest of the file was checked with line \(line) left out; fix this error and lint again, since it may change what follows"
            : "nothing after line \(readTo) of this file was checked; fix this error and lint again"
        report.diagnostics[index].notes = [Diagnostic.Note(note)]
    }

    /// Every problem in the file at `path`; empty when the pipeline is sound. Creates no component.
    public func lint(path: String) -> LintReport {
        do {
            return try check(path: path).report
        } catch {
            return error
        }
    }

    // MARK: - Reading files and resolving `extends`

    private func read(_ path: String, shownAs shown: String, report: inout LintReport, at location: SourceLocation?) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            report.error(
                "E200", exists ? "cannot read pipeline file \(shown.quotedExcerpt)" : "pipeline file \(shown.quotedExcerpt) does not exist",
                at: location)
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            report.error("E200", "pipeline file \(shown.quotedExcerpt) is not valid UTF-8", at: location)
            return nil
        }
        return text
    }

    /// Parses one file and, recursively, the files it extends; nil when nothing usable came out.
    ///
    /// `file` names the file in diagnostics; `path`, when different, is where it really is (an
    /// `extends: ${BASE}` file is named as written, so the variable's value is never shown), and
    /// anchors its own relative `extends`. `extendedAt` is where an extending file names this one.
    func assemble(
        text: String, file: String, path: String? = nil, chain: [String], extendedAt: SourceLocation? = nil, report: inout LintReport
    ) -> PipelineFile? {
        // This file's problems are kept apart until it is known to be a pipeline: nothing from a
        // file that is not one (a key, a password file) may reach the output.
        var own = LintReport()
        let root: YAMLNode?
        do {
            root = try YAMLParser.parse(text, file: file, limits: limits)
        } catch {
            // Keep checking what was read before the syntax error, so one run reports all it can;
            // libyaml cannot read past it, so say that the rest of the file went unchecked.
            let skipped: [Diagnostic.Note] =
                error.code == YAMLError.Code.syntax
                ? ["nothing after line \(error.location.line) of this file was checked; fix this error and lint again"] : []
            own.error(error.code, error.message, at: error.location, notes: skipped)
            root = error.partial
        }
        let isPipeline = root?.mapping?.contains { $0.key.scalar == "version" } == true
        if let extendedAt, !isPipeline {
            report.error(
                "E206",
                "cannot extend \(file.quotedExcerpt): it is not a pipeline file (a YAML mapping with a 'version' key); "
                    + "name a pipeline file or a built-in pipeline", at: extendedAt)
            return nil
        }
        report.fileOrder.append(file)
        // The renderer shows source lines only from files in `sources`.
        report.sources[file] = isPipeline ? text : nil
        for d in own.diagnostics { report.add(d) }

        guard let root else {
            if !report.hasErrors {
                report.error(
                    "E202", "the pipeline file is empty; run 'dossier init' for a starter",
                    at: SourceLocation(file: file, line: 1, column: 1))
            }
            return nil
        }
        guard let pairs = root.mapping else {
            report.error(
                "E202", "a pipeline file must be a mapping with keys such as 'reader', 'analyzers' and 'exporters'", at: root.location)
            return nil
        }
        var parser = PipelineFileParser(file: file, interpolation: EnvironmentInterpolation(environment: environment))
        var result = parser.parse(pairs, report: &report)
        result.files = [file]

        guard let (target, written, location) = parser.extends else { return result }
        let realFile = path ?? file
        let parentText: String?
        let parentFile: String
        let parentPath: String
        let canonical: String
        if let builtin = builtins[target] {
            parentFile = "<\(target)>"
            parentPath = parentFile
            canonical = parentFile
            parentText = builtin
        } else {
            let base = realFile.hasPrefix("<") ? FileManager.default.currentDirectoryPath : (realFile as NSString).deletingLastPathComponent
            parentPath = target.hasPrefix("/") ? target : (base.isEmpty ? target : base + "/" + target)
            parentFile = target == written ? parentPath : written
            canonical = Self.resolvedPath(parentPath)
            // Symlinks and '..' are resolved first, so neither can lead out of the folder; and the
            // check comes before any look at the file, so it does not tell what exists outside.
            if !allowsExtendsOutsideFolder, !Self.isBelow(canonical, folder: Self.resolvedPath(base.isEmpty ? "." : base)) {
                report.error(
                    "E207",
                    "cannot extend \(written.quotedExcerpt): it is outside the folder of the pipeline that extends it; "
                        + "move it into that folder, or pass '--allow-extends-outside' to allow it", at: location)
                return result
            }
            var isFolder: ObjCBool = false
            if !FileManager.default.fileExists(atPath: parentPath, isDirectory: &isFolder) {
                let hint = target == written ? Suggestions.hint(target, among: Array(builtins.keys)) : ""
                report.error(
                    "E204", "cannot extend \(written.quotedExcerpt): no such file, and no built-in pipeline of that name\(hint)",
                    at: location)
                return result
            }
            if isFolder.boolValue
                || (try? FileManager.default.attributesOfItem(atPath: canonical)[.type] as? FileAttributeType) != .typeRegular
            {
                report.error(
                    "E206", "cannot extend \(written.quotedExcerpt): it is not a regular file; name a pipeline file or a built-in pipeline",
                    at: location)
                return result
            }
            parentText = read(parentPath, shownAs: parentFile, report: &report, at: location)
        }
        let myCanonical = realFile.hasPrefix("<") ? realFile : Self.resolvedPath(realFile)
        if chain.contains(canonical) || canonical == myCanonical {
            let cycle = (chain + [myCanonical, canonical]).map { "'\(($0 as NSString).lastPathComponent)'" }.joined(separator: " extends ")
            report.error("E205", "'extends' forms a cycle: \(cycle); remove one of the 'extends' lines", at: location)
            return result
        }
        guard let parentText,
            let parent = assemble(
                text: parentText, file: parentFile, path: parentPath, chain: chain + [myCanonical], extendedAt: location, report: &report)
        else { return result }
        return parent.overlaid(with: result, childHas: parser.presentKeys)
    }

    /// The absolute path with symlinks and `.`/`..` resolved; for a path that does not exist, its
    /// deepest existing folder resolved and the rest added as written.
    static func resolvedPath(_ path: String) -> String {
        if let real = realpath(path, nil) {
            defer { free(real) }
            return String(cString: real)
        }
        let url = URL(fileURLWithPath: path).standardizedFileURL
        let parent = url.deletingLastPathComponent().path
        guard parent != url.path, !parent.isEmpty else { return url.path }
        return (resolvedPath(parent) as NSString).appendingPathComponent(url.lastPathComponent)
    }

    /// Whether the resolved `path` lies inside the resolved `folder`.
    static func isBelow(_ path: String, folder: String) -> Bool {
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        return path.hasPrefix(prefix)
    }
}
