import DossierCore
import DossierYAML

/// Turns the YAML tree of one pipeline file into a `PipelineFile`, reporting every problem.
struct PipelineFileParser {
    let file: String
    let interpolation: EnvironmentInterpolation
    /// The `extends` target, as written (with any `${NAME}` unreplaced) and where.
    private(set) var extends: (target: String, written: String, location: SourceLocation)?
    /// The top-level keys this file sets, so that `extends` knows what to override.
    private(set) var presentKeys: Set<String> = []

    init(file: String, interpolation: EnvironmentInterpolation) {
        self.file = file
        self.interpolation = interpolation
    }

    mutating func parse(_ pairs: [(key: YAMLNode, value: YAMLNode)], report: inout LintReport) -> PipelineFile {
        var result = PipelineFile()
        for (keyNode, value) in pairs {
            guard let key = keyNode.scalar else {
                report.error("E201", "pipeline keys must be plain names", at: keyNode.location)
                continue
            }
            presentKeys.insert(key)
            switch key {
            case "version":
                if let v = value.int, v == 1 {
                    result.version = v
                } else if value.int != nil {
                    report.error(
                        "E203", "unsupported pipeline version \((value.scalar ?? "").quotedExcerpt); write 'version: 1'", at: value.location
                    )
                } else {
                    // Say the type is wrong: 'version: "1"' is a string, and only the integer 1 is a version.
                    let quoted = value.scalar.map { YAMLNode(scalar: $0, at: value.location).int != nil } ?? false
                    report.error(
                        "E203",
                        "expected an integer for 'version', found \(value.kindDescription); write 'version: 1'\(quoted ? " without quotes" : "")",
                        at: value.location)
                }
            case "name":
                if let name = string(value, what: "'name'", report: &report) {
                    result.name = name.value
                    result.nameAsWritten = name.written == name.value ? nil : name.written
                }
            case "description":
                _ = string(value, what: "'description'", report: &report)
            case "extends":
                if let target = string(value, what: "'extends'", report: &report) {
                    extends = (target.value, target.written, value.location)
                }
            case "reader":
                result.reader = entry(value, kind: .reader, report: &report)
            case "analyzers":
                result.analyzers = entries(value, kind: .analyzer, report: &report)
            case "exporters":
                result.exporters = entries(value, kind: .exporter, report: &report)
            default:
                let hint = Suggestions.hint(key, among: PipelineLoader.topLevelKeys)
                report.error(
                    "E201", "unknown key \(key.quotedExcerpt) in pipeline\(hint)", at: keyNode.location,
                    notes: hint.isEmpty
                        ? [Diagnostic.Note("the keys are: " + PipelineLoader.topLevelKeys.joined(separator: ", "))]
                        : [])
            }
        }
        return result
    }

    /// A string value, interpolated, with its text as written.
    private func string(_ node: YAMLNode, what: String, report: inout LintReport) -> (value: String, written: String)? {
        guard let s = node.scalar, !node.isNull else {
            report.error("E202", "\(what) must be a string, found \(node.kindDescription)", at: node.location)
            return nil
        }
        return interpolate(s, at: node.location, report: &report).map { ($0, s) }
    }

    private func interpolate(_ s: String, at location: SourceLocation, report: inout LintReport) -> String? {
        do {
            return try interpolation.apply(s)
        } catch {
            report.error(error.code, error.message, at: location)
            return nil
        }
    }

    private func entries(_ node: YAMLNode, kind: ComponentInfo.Kind, report: inout LintReport) -> [ComponentEntry] {
        if node.isNull { return [] }
        guard let items = node.sequence else {
            report.error(
                "E202", "'\(kind.rawValue)s' must be a list of \(kind.rawValue) ids, found \(node.kindDescription)", at: node.location,
                notes: ["write each on its own line:  - id  or  - id: { option: value }"])
            return []
        }
        var seen: [String: SourceLocation] = [:]
        var result: [ComponentEntry] = []
        for item in items {
            guard let e = entry(item, kind: kind, report: &report) else { continue }
            if let first = seen[e.name] {
                // A long id is shown cut (quotedExcerpt), so the example is only offered for a short one.
                let example = e.id.unicodeScalars.count <= 40 ? ", such as 'as: \(e.id)-2'" : ""
                let fix =
                    e.nameLocation == nil
                    ? "merge the two entries, or give this one a name of its own with 'as:'\(example)"
                    : "give this one another name with 'as:'"
                report.add(
                    Diagnostic(
                        code: "E214", "\(kind.rawValue) name \(e.name.quotedExcerpt) is used twice in this list; \(fix)",
                        at: e.nameLocation ?? e.location,
                        notes: [Diagnostic.Note("first used here", at: first)]))
                continue
            }
            seen[e.name] = e.nameLocation ?? e.location
            result.append(e)
        }
        return result
    }

    /// One component: `id`, or `id: { options }` (a mapping with exactly one key).
    private func entry(_ node: YAMLNode, kind: ComponentInfo.Kind, report: inout LintReport) -> ComponentEntry? {
        if let id = node.scalar, !node.isNull {
            return ComponentEntry(id: id, location: node.location)
        }
        guard let pairs = node.mapping, let (keyNode, value) = pairs.first, let id = keyNode.scalar else {
            report.error("E213", "\(kind.article) must be an id or 'id: { options }', found \(node.kindDescription)", at: node.location)
            return nil
        }
        if pairs.count > 1 {
            let extra = pairs.dropFirst().compactMap(\.key.scalar).map(\.quotedExcerpt).joined(separator: ", ")
            report.error(
                "E213",
                "\(kind.article) entry names one component, but this one also has \(extra); indent options under \("\(id):".quotedExcerpt)",
                at: pairs[1].key.location)
        }
        var result = ComponentEntry(id: id, location: keyNode.location)
        if value.isNull { return result }
        guard let options = value.mapping else {
            report.error(
                "E213",
                "the options of \(kind.rawValue) \(id.quotedExcerpt) must be a mapping of option names to values, found \(value.kindDescription)",
                at: value.location)
            return result
        }
        var kept: [(key: YAMLNode, value: YAMLNode)] = []
        for (k, v) in options {
            switch k.scalar {
            case "as":
                instanceName(v, of: &result, kind: kind, report: &report)
            case "enabled":
                if let b = v.bool {
                    result.enabled = b
                } else {
                    report.error("E101", "expected true or false for 'enabled', found \(v.kindDescription)", at: v.location)
                }
            case "to" where kind == .exporter:
                guard checkOutputIsString(v, report: &report), let (raw, written) = string(v, what: "'to'", report: &report) else {
                    continue
                }
                let target: OutputTarget = raw == "stdout" || raw == "-" ? .stdout : .path(raw)
                checkOutputPath(raw, written: written, at: v.location, report: &report)
                result.output = (target, v.location)
                result.outputAsWritten = raw == written ? nil : written
            default:
                kept.append((k, v))
            }
        }
        result.options = kept.isEmpty ? nil : YAMLNode(.mapping(kept), at: value.location)
        // An external program is named by its declared id unless 'as:' names it, so that two
        // `exec` entries need no 'as:' to tell them apart.
        if kind != .reader, id == ExternalAnalyzer.id, result.nameLocation == nil {
            func scalar(_ key: String) -> String? { kept.first { $0.key.scalar == key }?.value.scalar }
            if let declared = scalar("id"), Registry.isKebabCase(declared) {
                result.name = declared
            } else if let derived = ExternalProgram.defaultName(
                manifest: scalar("manifest"), command: scalar("command"),
                arguments: kept.first { $0.key.scalar == "args" }?.value.sequence?.compactMap(\.scalar) ?? [])
            {
                result.name = derived
            }
        }
        return result
    }
}

extension PipelineFileParser {
    /// `as: NAME`: the instance name, kebab-case like an id (`E215`); a reader has no name to give.
    fileprivate func instanceName(_ node: YAMLNode, of entry: inout ComponentEntry, kind: ComponentInfo.Kind, report: inout LintReport) {
        guard kind != .reader else {
            report.error("E215", "a pipeline has one reader, so it takes no 'as:' name; remove 'as:'", at: node.location)
            return
        }
        guard let name = node.scalar, !node.isNull, node.mapping == nil, node.sequence == nil else {
            report.error("E215", "'as' must be a name such as '\(entry.id)-compact', found \(node.kindDescription)", at: node.location)
            return
        }
        guard Registry.isKebabCase(name) else {
            // Kept as written, so that the entry is not also taken for a second one of its id (E214).
            entry.name = name
            entry.nameLocation = node.location
            let kebab = Self.kebabCase(name)
            let example = Registry.isKebabCase(kebab) && kebab.unicodeScalars.count <= 40 ? kebab : "\(entry.id)-compact"
            report.error(
                "E215", "instance name \(name.quotedExcerpt) must be lowercase kebab-case like a component id, such as '\(example)'",
                at: node.location, end: node.end)
            return
        }
        entry.name = name
        entry.nameLocation = node.location
    }
}

extension PipelineFileParser {
    /// `name` lowercased, with each run of other characters made one hyphen: `Brief Two` → `brief-two`.
    static func kebabCase(_ name: String) -> String {
        var result = ""
        for s in name.lowercased().unicodeScalars {
            if ("a"..."z").contains(s) || ("0"..."9").contains(s) {
                result.unicodeScalars.append(s)
            } else if !result.isEmpty, !result.hasSuffix("-") {
                result += "-"
            }
        }
        while result.hasSuffix("-") { result.removeLast() }
        return result
    }
}

extension ComponentInfo.Kind {
    /// The kind with its indefinite article: "a reader", "an analyzer", "an exporter".
    var article: String { "\(indefiniteArticle(rawValue)) \(rawValue)" }
}

/// "an" before a word that opens with a vowel ("an analyzer", "an exporter"), else "a".
func indefiniteArticle(_ word: String) -> String { "aeiou".contains(word.first ?? "x") ? "an" : "a" }
