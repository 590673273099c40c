import DossierCore
import DossierYAML

extension PipelineLoader {
    /// Creates every component a pipeline file names and plans the analyzers, reporting problems.
    func instantiate(_ file: PipelineFile, report: inout LintReport) -> Pipeline? {
        var failed = false

        // Reader: a fixed one, or `auto` (also when the file names none).
        let readerChoice: Pipeline.ReaderChoice?
        if let entry = file.reader, entry.id != "auto" {
            if let made = make(entry, kind: .reader, table: registry.readers, report: &report) {
                readerChoice = .fixed(Pipeline.ReaderStep(info: made.info, reader: made.instance, sniff: registry.readers[entry.id]!.sniff))
            } else {
                readerChoice = nil
            }
        } else {
            if let entry = file.reader, entry.options != nil {
                report.error("E213", "'auto' takes no options; name a reader to configure it", at: entry.location)
            }
            var steps: [Pipeline.ReaderStep] = []
            for id in registry.readerOrder {
                guard let entry = registry.readers[id], let reader = try? entry.make(YAMLOptionsDecoder(node: nil, defaults: entry.info.defaults, at: nil))
                else { continue }
                steps.append(Pipeline.ReaderStep(info: entry.info, reader: reader, sniff: entry.sniff))
            }
            readerChoice = .auto(steps)
        }
        if readerChoice == nil { failed = true }

        var analyzers: [Pipeline.AnalyzerStep] = []
        var analyzerInfos: [(info: ComponentInfo, location: SourceLocation?)] = []
        for entry in file.analyzers {
            if let made = make(entry, kind: .analyzer, table: registry.analyzers, report: &report) {
                analyzers.append(Pipeline.AnalyzerStep(info: made.info, analyzer: made.instance, location: entry.location))
            } else {
                failed = true
            }
            // Plan with every known analyzer, even one whose options failed, so ordering problems show too.
            if let info = registry.analyzers[entry.id]?.info { analyzerInfos.append((info, entry.location)) }
        }

        var exporters: [Pipeline.ExporterStep] = []
        var exporterInfos: [(info: ComponentInfo, location: SourceLocation?)] = []
        for entry in file.exporters {
            if let made = make(entry, kind: .exporter, table: registry.exporters, report: &report) {
                let target = entry.output?.target ?? .stdout
                var step = Pipeline.ExporterStep(info: made.info, exporter: made.instance, target: target, location: entry.location)
                step.targetAsWritten = entry.outputAsWritten
                exporters.append(step)
            } else {
                failed = true
            }
            if let info = registry.exporters[entry.id]?.info { exporterInfos.append((info, entry.location)) }
        }
        if file.exporters.isEmpty, !report.hasErrors {
            report.warning("W201", "the pipeline has no exporters, so a run writes nothing; add one such as '- markdown: { to: stdout }'",
                           at: file.files.last.map { SourceLocation(file: $0, line: 1, column: 1) })
        }
        checkOutputCollisions(exporters, report: &report)

        let planned = Planner.plan(analyzers: analyzerInfos, exporters: exporterInfos, registry: registry)
        for d in planned.report.diagnostics { report.add(d) }
        guard !failed, !planned.report.hasErrors, let readerChoice else { return nil }

        // Every planned analyzer was created (none failed), so the plan covers exactly these.
        var pipeline = Pipeline(name: file.name, reader: readerChoice, plan: planned.plan, analyzers: analyzers, exporters: exporters)
        pipeline.nameAsWritten = file.nameAsWritten
        pipeline.files = file.files
        return pipeline
    }

    /// Two exporters writing the same fixed path would overwrite each other.
    private func checkOutputCollisions(_ exporters: [Pipeline.ExporterStep], report: inout LintReport) {
        var seen: [String: String] = [:]
        for e in exporters {
            guard case .path(let template) = e.target else { continue }
            if let other = seen[template] {
                let shown = (e.targetAsWritten ?? template).quotedExcerpt
                report.error("E232", "exporters '\(other)' and '\(e.info.id)' both write to \(shown); give each its own path", at: e.location)
            }
            seen[template] = e.info.id
        }
    }

    /// Looks up, checks and creates one component.
    private func make<T>(
        _ entry: ComponentEntry, kind: ComponentInfo.Kind, table: [String: Registry.Entry<T>], report: inout LintReport
    ) -> (info: ComponentInfo, instance: T)? {
        guard let registered = table[entry.id] else {
            let ids = registry.ids(kind) + (kind == .reader ? ["auto"] : [])
            let hint = Suggestions.hint(entry.id, among: ids)
            var notes: [String] = []
            for other in ComponentInfo.Kind.allCases where other != kind && registry.info(other, entry.id) != nil {
                notes.append("\(entry.id.quotedExcerpt) is \(other == .analyzer ? "an" : "a") \(other.rawValue), not \(kind == .analyzer ? "an" : "a") \(kind.rawValue)")
            }
            if hint.isEmpty && notes.isEmpty { notes.append("run 'dossier list' to see every \(kind.rawValue)") }
            let code = ["reader": "E210", "analyzer": "E211", "exporter": "E212"][kind.rawValue]!
            report.error(code, "unknown \(kind.rawValue) \(entry.id.quotedExcerpt)\(hint)", at: entry.location, notes: notes)
            return nil
        }
        let info = registered.info
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
                let hint = Suggestions.hint(key, among: known + (kind == .exporter ? ["to", "enabled"] : ["enabled"]))
                let list = known.isEmpty ? "\(kind.rawValue) '\(info.id)' takes no options" : "options of '\(info.id)': " + known.joined(separator: ", ")
                report.error("E220", "unknown option \(key.quotedExcerpt) for \(kind.rawValue) '\(info.id)'\(hint)", at: k.location, notes: hint.isEmpty ? [list] : [])
                ok = false
            }
            options = YAMLNode(.mapping(kept), at: options!.location)
        }

        // `${NAME}` in option values.
        var used: [String: String] = [:]
        if let node = options {
            options = interpolate(node, used: &used, report: &report, ok: &ok)
        }

        // Decoding errors quote values as written (`sourceText`); what a component says itself
        // may quote a variable's value, so that is redacted to the variable's name.
        do {
            let decoder = YAMLOptionsDecoder(node: options, defaults: info.defaults, at: entry.location)
            let instance = try registered.make(decoder)
            return ok ? (info, instance) : nil
        } catch let error as YAMLDecodingError {
            report.error(error.code, "\(kind.rawValue) '\(info.id)': \(error.message)", at: error.location)
        } catch let error as YAMLOptionsDecoder.OptionValueErrors {
            for e in error.errors { report.error(e.code, "\(kind.rawValue) '\(info.id)': \(e.message)", at: e.location) }
        } catch let error as ComponentError {
            let at = error.option.flatMap { name in options?.mapping?.first { $0.key.scalar == name }?.value.location } ?? entry.location
            report.error(error.code ?? "E240", "\(kind.rawValue) '\(info.id)': " + EnvironmentInterpolation.redact(error.message, used), at: at)
        } catch {
            report.error("E222", "\(kind.rawValue) '\(info.id)' rejected its options: " + EnvironmentInterpolation.redact("\(error)", used), at: entry.location)
        }
        return nil
    }
}
