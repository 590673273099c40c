import DossierCore
import DossierYAML

extension PipelineLoader {
    /// Checks every component a pipeline file names and plans the analyzers, creating none of them:
    /// ids, option keys, option values (decoded, then each component's `validate`), instance names,
    /// outputs, requirements. Reports every problem; nil when any is an error.
    func resolve(_ file: PipelineFile, report: inout LintReport) -> CheckedPipeline? {
        var failed = false

        // Reader: a fixed one, or `auto` (also when the file names none); none is created here.
        let readerChoice: Pipeline.ReaderChoice?
        var readerEntry: (location: SourceLocation, options: YAMLNode?)?
        if let entry = file.reader, entry.id == ExternalReader.id {
            // `exec:` names a program that reads the inputs (Docs/ExternalComponents.md).
            if let step = checkExternal(entry, kind: .reader, report: &report) {
                readerChoice = .fixed(
                    Pipeline.ReaderStep(info: step.info, readsLines: false, sniff: { _ in false }, make: { try step.make() as! any Reader })
                )
                readerEntry = (entry.location, entry.options)
            } else {
                readerChoice = nil
            }
        } else if let entry = file.reader, entry.id != "auto" {
            if let checked = check(entry, kind: .reader, table: registry.readers, report: &report) {
                let registered = registry.readers[entry.id]!
                let decoder = checked.decoder
                readerChoice = .fixed(
                    Pipeline.ReaderStep(
                        info: registered.info, readsLines: registered.readsLines, sniff: registered.sniff,
                        make: { try registered.make(decoder) }))
                readerEntry = (entry.location, checked.decoder.node)
            } else {
                readerChoice = nil
            }
        } else {
            if let entry = file.reader, entry.options != nil {
                report.error("E213", "'auto' takes no options; name a reader to configure it", at: entry.location)
            }
            var steps: [Pipeline.ReaderStep] = []
            for id in registry.readerOrder {
                guard let registered = registry.readers[id] else { continue }
                let decoder = YAMLOptionsDecoder(node: nil, defaults: registered.info.defaults, at: nil)
                // A reader whose defaults do not validate cannot serve `auto`; it is left out, as before.
                guard (try? registered.validate(decoder)) != nil else { continue }
                steps.append(
                    Pipeline.ReaderStep(
                        info: registered.info, readsLines: registered.readsLines, sniff: registered.sniff,
                        make: { try registered.make(decoder) }))
            }
            readerChoice = .auto(steps)
        }
        if readerChoice == nil { failed = true }

        var analyzers: [CheckedPipeline.Step] = []
        var analyzerInfos: [(info: ComponentInfo, name: String, location: SourceLocation?)] = []
        for entry in file.analyzers {
            // `exec:` names a program, not a registered analyzer (Docs/ExternalComponents.md).
            if entry.id == ExternalAnalyzer.id {
                if let step = checkExternal(entry, report: &report) {
                    analyzers.append(step)
                    analyzerInfos.append((step.info, step.name, entry.location))
                } else {
                    failed = true
                }
                continue
            }
            if let checked = check(entry, kind: .analyzer, table: registry.analyzers, report: &report) {
                let registered = registry.analyzers[entry.id]!
                let decoder = checked.decoder
                analyzers.append(
                    CheckedPipeline.Step(
                        info: registered.info, name: entry.name, location: entry.location, options: decoder.node, used: checked.used,
                        make: { try registered.make(decoder) }))
            } else {
                failed = true
            }
            // Plan with every known analyzer, even one whose options failed, so ordering problems show too.
            if let info = registry.analyzers[entry.id]?.info { analyzerInfos.append((info, entry.name, entry.location)) }
        }

        var exporters: [CheckedPipeline.Step] = []
        var exporterInfos: [(info: ComponentInfo, name: String, location: SourceLocation?)] = []
        for entry in file.exporters {
            let checkedStep: CheckedPipeline.Step?
            if entry.id == ExternalExporter.id {
                // `exec:` names a program here too: an exporter in any language (Docs/ExternalComponents.md).
                checkedStep = checkExternal(entry, kind: .exporter, report: &report)
                if let info = checkedStep?.info { exporterInfos.append((info, entry.name, entry.location)) }
            } else {
                checkedStep = check(entry, kind: .exporter, table: registry.exporters, report: &report).map { checked in
                    let registered = registry.exporters[entry.id]!
                    let decoder = checked.decoder
                    return CheckedPipeline.Step(
                        info: registered.info, name: entry.name, location: entry.location, options: decoder.node, used: checked.used,
                        make: { try registered.make(decoder) })
                }
                if let info = registry.exporters[entry.id]?.info { exporterInfos.append((info, entry.name, entry.location)) }
            }
            guard var step = checkedStep else {
                failed = true
                continue
            }
            // `{exporter}` is the instance's name, the same for every article: replaced here, so
            // that two instances of one exporter writing 'out/{exporter}.json' do not collide.
            switch entry.output?.target ?? .stdout {
            case .stdout: step.target = .stdout
            case .path(let template): step.target = .path(template.replacingOccurrences(of: "{exporter}", with: entry.name))
            }
            step.targetAsWritten = entry.outputAsWritten
            // An exporter that writes its file in place (a database) needs exactly one file.
            let target = entry.output?.target ?? .stdout
            if step.info.writesInPlace && (target == .stdout || target.isPerArticle) {
                let shown = target == .stdout ? "standard output" : (entry.outputAsWritten ?? target.description).quotedExcerpt
                report.error(
                    "E236",
                    "\(Self.label(kind: .exporter, id: entry.id, name: entry.name)) writes one file in place (a database), "
                        + "so it cannot write to \(shown); give it one file path, such as 'to: out/corpus.\(step.info.fileExtensions.first ?? "db")'",
                    at: entry.output?.location ?? entry.location)
                failed = true
            }
            exporters.append(step)
        }
        if file.exporters.isEmpty, !report.hasErrors {
            report.warning(
                "W201", "the pipeline has no exporters, so a run writes nothing; add one such as '- markdown: { to: stdout }'",
                at: file.files.last.map { SourceLocation(file: $0, line: 1, column: 1) })
        }
        checkOutputCollisions(exporters, report: &report)

        let planned = Planner.plan(analyzers: analyzerInfos, exporters: exporterInfos, registry: registry)
        for d in planned.report.diagnostics { report.add(d) }
        guard !failed, !planned.report.hasErrors, let readerChoice else { return nil }

        // Every planned analyzer was checked (none failed), so the plan covers exactly these.
        let ordered = planned.plan.steps.map { step in analyzers.first { $0.name == step.name }! }
        var checked = CheckedPipeline(
            name: file.name, nameAsWritten: file.nameAsWritten, reader: readerChoice, analyzers: ordered, exporters: exporters,
            plan: planned.plan)
        checked.files = file.files
        checked.readerEntry = readerEntry
        return checked
    }

    /// Two exporters writing the same fixed path would overwrite each other.
    private func checkOutputCollisions(_ exporters: [CheckedPipeline.Step], report: inout LintReport) {
        var seen: [String: (name: String, location: SourceLocation?)] = [:]
        for e in exporters {
            guard case .path(let template)? = e.target else { continue }
            if let other = seen[template] {
                let shown = (e.targetAsWritten ?? template).quotedExcerpt
                report.error(
                    "E232", "exporters '\(other.name)' and '\(e.name)' both write to \(shown); give each its own path",
                    at: e.location, notes: other.location.map { [Diagnostic.Note("'\(other.name)' is named here", at: $0)] } ?? [])
            }
            seen[template] = (e.name, e.location)
        }
    }

    /// What checking one entry gives: the decoder over its options for creating it later, and the
    /// variables its options took values from, for redacting messages.
    struct CheckedEntry {
        var decoder: YAMLOptionsDecoder
        var used: [String: String]
    }

    /// Looks up and checks one component: its option keys, their values and its `validate`; every
    /// bad value is reported, not only the first.
    private func check<T>(
        _ entry: ComponentEntry, kind: ComponentInfo.Kind, table: [String: Registry.Entry<T>], report: inout LintReport
    ) -> CheckedEntry? {
        guard let registered = table[entry.id] else {
            let ids = registry.ids(kind) + (kind == .reader ? ["auto"] : [])
            let hint = Suggestions.hint(entry.id, among: ids)
            var notes: [Diagnostic.Note] = []
            for other in ComponentInfo.Kind.allCases where other != kind && registry.info(other, entry.id) != nil {
                notes.append(
                    "\(entry.id.quotedExcerpt) is \(other == .analyzer ? "an" : "a") \(other.rawValue), not \(kind == .analyzer ? "an" : "a") \(kind.rawValue)"
                )
            }
            if hint.isEmpty && notes.isEmpty { notes.append("run 'dossier list' to see every \(kind.rawValue)") }
            let code = ["reader": "E210", "analyzer": "E211", "exporter": "E212"][kind.rawValue]!
            report.error(code, "unknown \(kind.rawValue) \(entry.id.quotedExcerpt)\(hint)", at: entry.location, notes: notes)
            return nil
        }
        let info = registered.info
        let label = Self.label(kind: kind, id: info.id, name: entry.name)
        var ok = true

        // Unknown option keys, all of them, with did-you-mean.
        let known = info.optionKeys
        var options = entry.options
        if let pairs = options?.mapping {
            var kept: [(key: YAMLNode, value: YAMLNode)] = []
            for (k, v) in pairs {
                let key = k.scalar ?? ""
                if known.contains(key) {
                    kept.append((k, v))
                    continue
                }
                let hint = Suggestions.hint(key, among: known + (kind == .exporter ? ["to", "enabled", "as"] : ["enabled", "as"]))
                let list =
                    known.isEmpty
                    ? "\(kind.rawValue) '\(info.id)' takes no options" : "options of '\(info.id)': " + known.joined(separator: ", ")
                report.error(
                    "E220", "unknown option \(key.quotedExcerpt) for \(label)\(hint)", at: k.location, end: k.end,
                    notes: hint.isEmpty ? [Diagnostic.Note(list)] : [])
                ok = false
            }
            options = YAMLNode(.mapping(kept), at: options!.location)
        }

        // `${NAME}` in option values.
        var used: [String: String] = [:]
        if let node = options {
            options = interpolate(node, used: &used, report: &report, ok: &ok)
        }

        // Decode and validate; after a bad value, set that option aside (its default applies) and
        // go again, so every bad value is reported. Each pass removes one option, so this ends.
        // Decoding errors quote values as written (`sourceText`); what a component says itself
        // may quote a variable's value, so that is redacted to the variable's name.
        var trial = options
        // Options already reported: a required option (such as a template path) whose default is
        // itself refused is not reported a second time once its bad value has been set aside.
        var reported: Set<String> = []
        while true {
            let decoder = YAMLOptionsDecoder(node: trial, defaults: info.defaults, at: entry.location)
            var setAside: [String] = []
            do {
                try registered.validate(decoder)
                break
            } catch let error as YAMLDecodingError {
                report.add(Self.located(error, label: label, options: options))
                setAside = error.codingPath.prefix(1).map { $0 }
            } catch let error as YAMLOptionsDecoder.OptionValueErrors {
                for e in error.errors { report.add(Self.located(e, label: label, options: options)) }
                setAside = error.errors.compactMap(\.codingPath.first)
            } catch let error as ComponentError {
                if let first = error.optionPath.first, reported.contains(first) {
                    ok = false
                    break
                }
                report.add(Self.diagnostic(error, label: label, at: entry.location, options: options, used: used))
                setAside = error.optionPath.prefix(1).map { $0 }
                reported.formUnion(setAside)
            } catch {
                report.error(
                    "E222", "\(label) rejected its options: " + EnvironmentInterpolation.redact("\(error)", used),
                    at: entry.location)
            }
            ok = false
            guard let current = trial, let pairs = current.mapping else { break }
            let rest = pairs.filter { !setAside.contains($0.key.scalar ?? "") }
            guard rest.count < pairs.count else { break }
            trial = YAMLNode(.mapping(rest), at: current.location, tag: current.tag)
        }
        guard ok else { return nil }
        return CheckedEntry(decoder: YAMLOptionsDecoder(node: options, defaults: info.defaults, at: entry.location), used: used)
    }

    /// `exporter 'json'`, or `exporter 'compact' (json)` for a named instance.
    static func label(kind: ComponentInfo.Kind, id: String, name: String) -> String {
        name == id ? "\(kind.rawValue) '\(id)'" : "\(kind.rawValue) '\(name)' (\(id))"
    }

    /// A decoding error at its value, underlining the whole value.
    static func located(_ error: YAMLDecodingError, label: String, options: YAMLNode?) -> Diagnostic {
        var d = Diagnostic(code: error.code, "\(label): \(error.message)", at: error.location)
        if let node = options?.descendant(at: error.codingPath), node.location == error.location { d.end = node.end }
        return d
    }

    /// A component's own error at the value its `option` path leads to (as far as it leads), else at `location`.
    static func diagnostic(
        _ error: ComponentError, label: String, at location: SourceLocation?, options: YAMLNode?, used: [String: String]
    ) -> Diagnostic {
        var d = Diagnostic(
            code: error.code ?? "E240", "\(label): " + EnvironmentInterpolation.redact(error.message, used), at: location,
            notes: error.notes)
        let path = error.optionPath
        if !path.isEmpty, let mapping = options {
            var node: YAMLNode? = nil
            for depth in stride(from: path.count, through: 1, by: -1) {
                if let found = mapping.descendant(at: Array(path.prefix(depth))) {
                    node = found
                    break
                }
            }
            if let node {
                d.location = node.location
                d.end = node.end
            }
        }
        return d
    }

    /// A component that could not be created, for `CheckedPipeline.build`.
    static func creationDiagnostic(
        _ error: any Error, kind: ComponentInfo.Kind, id: String, name: String, at location: SourceLocation?, options: YAMLNode?,
        used: [String: String]
    ) -> Diagnostic {
        let label = label(kind: kind, id: id, name: name)
        if let e = error as? ComponentError { return diagnostic(e, label: label, at: location, options: options, used: used) }
        if let e = error as? YAMLDecodingError { return located(e, label: label, options: options) }
        if var d = (error as? any DiagnosticConvertible)?.diagnostic {
            d.message = "\(label): \(d.message)"
            if d.location == nil { d.location = location }
            return d
        }
        return Diagnostic(code: "E222", "\(label) could not be created: " + EnvironmentInterpolation.redact("\(error)", used), at: location)
    }
}

extension YAMLNode {
    /// The node that `path` (mapping keys, and list indices as decimal strings) leads to, or nil.
    func descendant(at path: [String]) -> YAMLNode? {
        var current = self
        for key in path {
            if let items = current.sequence, let index = Int(key), items.indices.contains(index) {
                current = items[index]
            } else if let value = current[key] {
                current = value
            } else {
                return nil
            }
        }
        return current
    }
}
