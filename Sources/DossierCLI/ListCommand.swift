import ArgumentParser
import Dossier
import Foundation

/// `dossier list`: the components a pipeline can name, with their options.
struct ListCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List readers, analyzers and exporters with their summaries and options.")

    /// The listing's form.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(help: "'text' for people, 'json' for editors and scripts.")
    var format: Format = .text

    @Flag(help: .hidden)
    var json = false

    @Argument(help: "Only these component ids (optional).")
    var ids: [String] = []

    func run(in context: CommandContext) async throws {
        if !ids.isEmpty {
            let known = Set(context.registry.all.map(\.id))
            for id in ids where !known.contains(id) {
                context.fail("E505", "unknown component '\(id)'\(Suggestions.hint(id, among: Array(known))); 'dossier list' shows them all")
                throw ExitStatus.usage
            }
        }
        let entries = ComponentCatalog(context.registry).entries.filter { ids.isEmpty || ids.contains($0.info.id) }
        if json || format == .json {
            context.out(Self.json(entries) + "\n")
            return
        }
        var lines: [String] = []
        for kind in ComponentInfo.Kind.allCases {
            let ofKind = entries.filter { $0.info.kind == kind }
            guard !ofKind.isEmpty else { continue }
            lines.append("\(kind.rawValue)s:")
            for entry in ofKind {
                let c = entry.info
                lines.append("  \(c.id)  \(c.summary)")
                var facts: [String] = ["version \(c.version)"]
                if kind == .reader, !c.fileExtensions.isEmpty {
                    facts.append("extensions " + c.fileExtensions.map { ".\($0)" }.joined(separator: " "))
                }
                if kind == .exporter, let ext = c.fileExtensions.first { facts.append("writes .\(ext)") }
                if !c.requires.isEmpty { facts.append("requires " + c.requires.map(\.rawValue).joined(separator: ", ")) }
                if !c.provides.isEmpty { facts.append("provides " + c.provides.map(\.rawValue).joined(separator: ", ")) }
                lines.append("      " + facts.joined(separator: "; "))
                for option in entry.options {
                    lines.append("      \(option.key): \(option.typeAndDefault)" + (option.help.map { "  — \($0)" } ?? ""))
                }
            }
        }
        context.out(lines.joined(separator: "\n") + "\n")
    }

    /// The listing as JSON: `{"dossier": VERSION, "components": [...]}`, described in Docs/CLI.md.
    static func json(_ entries: [ComponentCatalog.Entry]) -> String {
        let items: [JSONValue] = entries.map { entry in
            let c = entry.info
            var pairs: [(key: String, value: JSONValue)] = [
                ("kind", .string(c.kind.rawValue)), ("id", .string(c.id)), ("summary", .string(c.summary)), ("version", .string(c.version)),
            ]
            if c.kind != .reader { pairs.append(("requires", .array(c.requires.map { .string($0.rawValue) }))) }
            if c.kind == .analyzer { pairs.append(("provides", .array(c.provides.map { .string($0.rawValue) }))) }
            if c.kind != .analyzer { pairs.append(("extensions", .array(c.fileExtensions.map { .string($0) }))) }
            let options: [JSONValue] = entry.options.map { option in
                var fields: [(key: String, value: JSONValue)] = [
                    ("key", .string(option.key)), ("type", option.type.map(JSONValue.string) ?? .null),
                    ("default", option.defaultValue ?? .null), ("help", option.help.map(JSONValue.string) ?? .null),
                ]
                if let choices = option.choices { fields.append(("choices", .array(choices.map(JSONValue.string)))) }
                if let item = option.itemType { fields.append(("items", .string(item))) }
                return .object(fields)
            }
            pairs.append(("options", .array(options)))
            return .object(pairs)
        }
        return encode(.object([("dossier", .string(DossierCommand.version)), ("components", .array(items))]))
    }

    /// `value` as pretty-printed JSON with sorted keys, for output that diffs well.
    static func encode(_ value: JSONValue) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? String(decoding: encoder.encode(value), as: UTF8.self)) ?? "{}"
    }
}
