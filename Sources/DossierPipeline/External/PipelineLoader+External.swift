import DossierCore
import DossierYAML
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension PipelineLoader {
    /// The keys of an `exec:` entry, besides `as:` and `enabled:`.
    public static let externalKeys = [
        "command", "args", "manifest", "id", "version", "requires", "provides", "extension", "timeout", "processes", "options",
    ]

    /// Checks an `exec:` entry (an analyzer, or an exporter) without starting the program: the
    /// keys, the command (it exists and is executable), the manifest (it reads and is valid), the
    /// declared layers and the program's own options against the manifest's schema. Reports every
    /// problem; nil when any is an error.
    func checkExternal(_ entry: ComponentEntry, kind: ComponentInfo.Kind = .analyzer, report: inout LintReport) -> CheckedPipeline.Step? {
        let before = report.diagnostics.filter { $0.severity == .error }.count
        var program = ExternalProgram()
        guard var node = entry.options, node.mapping != nil else {
            report.error(
                "E710", "an 'exec' entry needs the program to run: 'command:' (and 'args:'), or 'manifest:'", at: entry.location,
                notes: ["write:  - exec: { command: python3, args: [my_analyzer.py], provides: [my-layer] }"])
            return nil
        }
        var used: [String: String] = [:]
        var interpolated = true
        node = interpolate(node, used: &used, report: &report, ok: &interpolated)
        var values: [String: (key: YAMLNode, value: YAMLNode)] = [:]
        for (k, v) in node.mapping ?? [] {
            let key = k.scalar ?? ""
            guard Self.externalKeys.contains(key) else {
                let hint = Suggestions.hint(key, among: Self.externalKeys + ["as", "enabled"])
                report.error(
                    "E220", "unknown key \(key.quotedExcerpt) for an 'exec' entry\(hint)", at: k.location, end: k.end,
                    notes: hint.isEmpty ? [Diagnostic.Note("the keys of 'exec': " + Self.externalKeys.joined(separator: ", "))] : [])
                continue
            }
            values[key] = (k, v)
        }

        func string(_ key: String) -> String? {
            guard let (_, v) = values[key] else { return nil }
            guard let s = v.scalar, !v.isNull, !s.isEmpty else {
                report.error("E101", "expected a string for '\(key)', found \(v.kindDescription)", at: v.location)
                return nil
            }
            return s
        }
        func layers(_ key: String) -> [LayerID]? {
            guard let (_, v) = values[key] else { return nil }
            guard let items = v.sequence else {
                report.error(
                    "E713", "'\(key)' must be a list of layer names, such as [word-stats], found \(v.kindDescription)", at: v.location)
                return nil
            }
            var result: [LayerID] = []
            for item in items {
                guard let name = item.scalar, Registry.isKebabCase(name) else {
                    report.error(
                        "E713", "a layer name must be lowercase kebab-case, such as 'word-stats', found \(item.kindDescription)",
                        at: item.location)
                    continue
                }
                result.append(LayerID(rawValue: name))
            }
            return result
        }

        // The manifest first: what the entry writes itself wins over it.
        var schema: [(key: String, value: JSONValue)]?
        var manifestRead = values["manifest"] == nil
        if let path = string("manifest") {
            let at = values["manifest"]!.value
            if values["command"] != nil {
                report.error(
                    "E710", "an 'exec' entry names its program once: remove 'command:', or 'manifest:'", at: values["command"]!.key.location
                )
            }
            if let manifest = readManifest(path, kind: kind, at: at.location, report: &report) {
                program = manifest.program
                schema = manifest.schema
                manifestRead = true
            }
        }
        if let command = string("command") {
            program.command = command
            program.directory = nil
        }
        if let (_, v) = values["args"] {
            if let items = v.sequence, items.allSatisfy({ $0.scalar != nil }) {
                program.arguments = items.compactMap(\.scalar)
            } else {
                report.error("E101", "expected a list of strings for 'args', found \(v.kindDescription)", at: v.location)
            }
        }
        if let id = string("id") {
            if Registry.isKebabCase(id) {
                program.id = id
                program.idDeclared = true
            } else {
                report.error(
                    "E715", "the program's id \(id.quotedExcerpt) must be lowercase kebab-case, such as 'word-stats'",
                    at: values["id"]!.value.location)
            }
        }
        if let version = string("version") { program.version = version }
        if let requires = layers("requires") { program.requires = requires }
        if let provides = layers("provides") { program.provides = provides }
        if kind == .exporter, let (key, _) = values["provides"] {
            report.error(
                "E713", "an exporter writes files, not layers: remove 'provides:' (list the layers it reads in 'requires:')",
                at: key.location)
        }
        if kind == .reader {
            for field in ["provides", "requires"] {
                guard let (key, _) = values[field] else { continue }
                report.error(
                    "E713", "a reader turns inputs into articles before any layer exists: remove '\(field):'", at: key.location)
            }
        }
        if let ext = string("extension") {
            if kind != .exporter {
                report.error(
                    "E715", "'extension' is for an exporter's files; an analyzer writes none", at: values["extension"]!.key.location)
            } else if ext.allSatisfy({ $0.isLetter || $0.isNumber }), ext.count <= 16 {
                program.fileExtension = ext
            } else {
                report.error(
                    "E715", "'extension' must be letters and digits without the dot, such as 'tsv', found \(ext.quotedExcerpt)",
                    at: values["extension"]!.value.location)
            }
        }
        if let (_, v) = values["timeout"] {
            if let seconds = v.double ?? v.int.map(Double.init), seconds > 0, seconds <= 3600 {
                program.timeout = seconds
            } else {
                report.error(
                    "E715", "'timeout' must be a number of seconds above 0 and at most 3600, found \(v.kindDescription)", at: v.location)
            }
        }
        if let (_, v) = values["processes"] {
            if let n = v.int, (1...64).contains(n) {
                program.processes = n
            } else {
                report.error("E715", "'processes' must be a whole number from 1 to 64, found \(v.kindDescription)", at: v.location)
            }
        }
        if let (_, v) = values["options"] {
            if v.mapping != nil {
                program.options = checkProgramOptions(v, schema: schema, program: program, report: &report)
            } else {
                report.error(
                    "E714", "'options' must be a mapping of the program's option names to values, found \(v.kindDescription)",
                    at: v.location)
            }
        } else if let schema {
            program.options = .object(schema.compactMap { key, spec in spec["default"].map { (key, $0) } })
        }

        if program.command.isEmpty {
            if values["manifest"] == nil {
                report.error(
                    "E710", "an 'exec' entry needs the program to run: 'command:' (and 'args:'), or 'manifest:'", at: entry.location)
            }
        } else if let executable = Self.resolveCommand(program.command, in: program.directory) {
            program.executable = executable
        } else {
            let place = program.command.contains("/") ? "no executable file is there" : "it is not on PATH"
            report.error(
                "E711", "cannot run command \(program.command.quotedExcerpt): \(place); install it, or give its path",
                at: (values["command"] ?? values["manifest"])?.value.location ?? entry.location)
        }
        // An argument that reads like a path to the script should name a file (a warning: it may be
        // something else).
        if let script = program.arguments.first(where: { !$0.hasPrefix("-") && ($0.contains("/") || $0.contains(".")) }),
            Self.looksLikeScript(script)
        {
            let path = script.hasPrefix("/") ? script : ((program.directory.map { $0 + "/" } ?? "") + script)
            if !FileManager.default.fileExists(atPath: path) {
                report.warning(
                    "W711",
                    "the program's argument \(script.quotedExcerpt) names no file\(program.directory.map { " in '\($0)'" } ?? " in the current directory"); check the path",
                    at: values["args"]?.value.location ?? entry.location)
            }
        }
        if !program.idDeclared {
            program.id = ExternalProgram.defaultName(manifest: nil, command: program.command, arguments: program.arguments) ?? "exec"
        }
        if kind == .analyzer && program.provides.isEmpty && values["provides"] == nil && manifestRead {
            report.error(
                "E713", "declare the layers the program writes with 'provides:', such as 'provides: [word-stats]' (or in its manifest)",
                at: entry.location)
        }
        program.summary =
            program.summary == ExternalProgram().summary
            ? "external program '\(([program.command] + program.arguments).joined(separator: " "))'" : program.summary

        program.kind = kind.rawValue
        let errors = report.diagnostics.filter { $0.severity == .error }.count
        guard errors == before, interpolated else { return nil }
        let options = program
        let info = ComponentInfo(
            kind: kind, id: program.id, summary: program.summary, version: program.version, requires: program.requires.sorted(),
            provides: kind == .analyzer ? program.provides.sorted() : [], defaults: program.options, help: [:],
            fileExtensions: kind == .exporter ? [program.fileExtension] : [])
        let make: @Sendable () throws -> any Sendable
        switch kind {
        case .analyzer: make = { try ExternalAnalyzer(options: options) }
        case .exporter: make = { try ExternalExporter(options: options) }
        case .reader:
            // The program answers with article JSON, read as the `json` reader reads it.
            guard let json = registry.readers["json"] else {
                report.error(
                    "E716", "an 'exec' reader needs the 'json' reader registered to read the articles its program answers with",
                    at: entry.location)
                return nil
            }
            let decoder = YAMLOptionsDecoder(node: nil, defaults: json.info.defaults, at: nil)
            make = { ExternalReader(options: options, articles: try json.make(decoder)) }
        }
        return CheckedPipeline.Step(info: info, name: entry.name, location: entry.location, options: entry.options, used: used, make: make)
    }

    /// The program's options checked against the manifest's schema (`{"name": {"type": "int",
    /// "default": 3}}`), when there is one, and laid over its defaults.
    private func checkProgramOptions(
        _ node: YAMLNode, schema: [(key: String, value: JSONValue)]?, program: ExternalProgram, report: inout LintReport
    ) -> JSONValue {
        var result: [(key: String, value: JSONValue)] = schema?.compactMap { key, spec in spec["default"].map { (key, $0) } } ?? []
        for (k, v) in node.mapping ?? [] {
            let key = k.scalar ?? ""
            let value = v.jsonValue
            if let schema {
                guard let spec = schema.first(where: { $0.key == key })?.value else {
                    let known = schema.map(\.key)
                    let hint = Suggestions.hint(key, among: known)
                    report.error(
                        "E714", "unknown option \(key.quotedExcerpt) for \(program.label)\(hint)", at: k.location, end: k.end,
                        notes: hint.isEmpty
                            ? [Diagnostic.Note(known.isEmpty ? "it takes no options" : "its options: " + known.joined(separator: ", "))]
                            : [])
                    continue
                }
                if case .string(let type)? = spec["type"], !Self.matches(value, type: type) {
                    report.error(
                        "E714",
                        "option '\(key)' of \(program.label) takes \(type == "int" ? "an" : "a") \(type), found \(v.kindDescription)",
                        at: v.location)
                    continue
                }
            }
            if let i = result.firstIndex(where: { $0.key == key }) { result[i].value = value } else { result.append((key, value)) }
        }
        return .object(result)
    }

    private static func matches(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("string", .string), ("bool", .bool), ("int", .int), ("number", .int), ("number", .double), ("list", .array),
            ("mapping", .object):
            true
        case ("string", _), ("bool", _), ("int", _), ("number", _), ("list", _), ("mapping", _): false
        default: true
        }
    }

    /// What a manifest declares: the program, and the schema of its options.
    struct ExternalManifest {
        var program: ExternalProgram
        var schema: [(key: String, value: JSONValue)]?
    }

    /// Reads a manifest (`word_count.dossier.json`), relative to the current directory; its
    /// `command` and `args` run in the manifest's folder.
    private func readManifest(
        _ path: String, kind expected: ComponentInfo.Kind, at location: SourceLocation, report: inout LintReport
    ) -> ExternalManifest? {
        func refuse(_ why: String) -> ExternalManifest? {
            report.error("E712", "manifest \(path.quotedExcerpt) \(why)", at: location)
            return nil
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return refuse(
                FileManager.default.fileExists(atPath: path)
                    ? "cannot be read" : "does not exist; check the path (it is read from the current directory)")
        }
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: data), case .object(let pairs) = value else {
            return refuse("is not a JSON object; see Docs/ExternalComponents.md for its fields")
        }
        let known = [
            "protocol", "id", "kind", "version", "summary", "command", "args", "requires", "provides", "extension", "options", "timeout",
        ]
        if let unknown = pairs.first(where: { !known.contains($0.key) }) {
            return refuse("has the unknown field \(unknown.key.quotedExcerpt)\(Suggestions.hint(unknown.key, among: known))")
        }
        guard case .int(let version)? = value["protocol"] else { return refuse("states no \"protocol\" version; add \"protocol\": 1") }
        guard version == ExternalProgram.protocolVersion else {
            return refuse("is for protocol version \(version), but this Dossier speaks version \(ExternalProgram.protocolVersion)")
        }
        if case .string(let kind)? = value["kind"], kind != expected.rawValue {
            let place = ["reader": "reader", "analyzer": "analyzers", "exporter": "exporters"][expected.rawValue] ?? expected.rawValue
            let supported = ["reader", "analyzer", "exporter"].contains(kind)
            return refuse(
                supported
                    ? "describes \(indefiniteArticle(kind)) \(kind), but the pipeline names it under '\(place)'; move the entry"
                    : "describes a '\(kind)'; only readers, analyzers and exporters run as programs")
        }
        var program = ExternalProgram()
        guard case .string(let command)? = value["command"], !command.isEmpty else { return refuse("names no \"command\"") }
        program.command = command
        let folder = (path as NSString).deletingLastPathComponent
        program.directory = folder.isEmpty ? "." : folder
        if let args = value["args"] {
            guard case .array(let items) = args else { return refuse("has \"args\" that is not a list of strings") }
            for item in items {
                guard case .string(let s) = item else { return refuse("has \"args\" that is not a list of strings") }
                program.arguments.append(s)
            }
        }
        guard case .string(let id)? = value["id"], Registry.isKebabCase(id) else {
            return refuse("needs an \"id\" in lowercase kebab-case, such as \"word-stats\"")
        }
        program.id = id
        program.idDeclared = true
        if case .string(let v)? = value["version"] { program.version = v }
        if case .string(let s)? = value["summary"] { program.summary = s }
        if case .string(let e)? = value["extension"], !e.isEmpty { program.fileExtension = e }
        if case .int(let t)? = value["timeout"], t > 0 { program.timeout = Double(t) }
        if case .double(let t)? = value["timeout"], t > 0 { program.timeout = t }
        for key in ["requires", "provides"] {
            guard let field = value[key] else { continue }
            guard case .array(let items) = field else { return refuse("has \"\(key)\" that is not a list of layer names") }
            var layers: [LayerID] = []
            for item in items {
                guard case .string(let name) = item, Registry.isKebabCase(name) else {
                    return refuse("has a layer name in \"\(key)\" that is not lowercase kebab-case")
                }
                layers.append(LayerID(rawValue: name))
            }
            if key == "requires" { program.requires = layers } else { program.provides = layers }
        }
        var schema: [(key: String, value: JSONValue)]?
        if let options = value["options"] {
            guard case .object(let specs) = options, specs.allSatisfy({ if case .object = $0.value { true } else { false } }) else {
                return refuse("has \"options\" that is not an object of option names to {\"type\", \"default\", \"help\"}")
            }
            schema = specs
        }
        return ExternalManifest(program: program, schema: schema)
    }

    /// Whether an argument names a script file: it ends in an extension of letters.
    static func looksLikeScript(_ argument: String) -> Bool {
        let ext = (argument as NSString).pathExtension
        return !argument.hasPrefix("-") && !ext.isEmpty && ext.count <= 5 && ext.allSatisfy(\.isLetter)
    }

    /// The absolute path of an executable `command`: a path (relative to `directory`, or the
    /// current one), or a name found on `PATH`; nil when there is no executable file.
    static func resolveCommand(_ command: String, in directory: String?) -> String? {
        func executable(_ path: String) -> Bool {
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && !isFolder.boolValue && access(path, X_OK) == 0
        }
        if command.contains("/") {
            var path = command.hasPrefix("/") ? command : ((directory ?? FileManager.default.currentDirectoryPath) + "/" + command)
            path = (path as NSString).standardizingPath
            if !path.hasPrefix("/") { path = FileManager.default.currentDirectoryPath + "/" + path }
            return executable(path) ? path : nil
        }
        let search = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in search.split(separator: ":") where !folder.isEmpty {
            let path = "\(folder)/\(command)"
            if executable(path) { return path }
        }
        return nil
    }
}
