import ArgumentParser
import Dossier
import Foundation

/// `dossier list`: the components a pipeline can name, with their options.
struct ListCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List readers, analyzers and exporters with their summaries and options.")

    @Flag(help: "Print the listing as JSON.")
    var json = false

    @Argument(help: "Only these component ids (optional).")
    var ids: [String] = []

    func run(in context: CommandContext) async throws {
        let components = context.registry.all.filter { ids.isEmpty || ids.contains($0.id) }
        if !ids.isEmpty {
            let known = Set(context.registry.all.map(\.id))
            for id in ids where !known.contains(id) {
                context.fail("E505", "unknown component '\(id)'\(Suggestions.hint(id, among: Array(known))); 'dossier list' shows them all")
                throw ExitStatus.usage
            }
        }
        if json {
            context.out(Self.json(components) + "\n")
            return
        }
        var lines: [String] = []
        for kind in ComponentInfo.Kind.allCases {
            let ofKind = components.filter { $0.kind == kind }
            guard !ofKind.isEmpty else { continue }
            lines.append("\(kind.rawValue)s:")
            for c in ofKind {
                lines.append("  \(c.id)  \(c.summary)")
                var facts: [String] = ["version \(c.version)"]
                if kind == .reader, !c.fileExtensions.isEmpty {
                    facts.append("extensions " + c.fileExtensions.map { ".\($0)" }.joined(separator: " "))
                }
                if kind == .exporter, let ext = c.fileExtensions.first { facts.append("writes .\(ext)") }
                if !c.requires.isEmpty { facts.append("requires " + c.requires.map(\.rawValue).joined(separator: ", ")) }
                if !c.provides.isEmpty { facts.append("provides " + c.provides.map(\.rawValue).joined(separator: ", ")) }
                lines.append("      " + facts.joined(separator: "; "))
                for key in c.optionKeys {
                    // A key with no encoded default is an optional that starts unset.
                    let shown = c.defaults[key].map { "\($0.typeName) = \($0)" } ?? "unset by default"
                    lines.append("      \(key): \(shown)" + (c.help[key].map { "  — \($0)" } ?? ""))
                }
            }
        }
        context.out(lines.joined(separator: "\n") + "\n")
    }

    static func json(_ components: [ComponentInfo]) -> String {
        let items: [JSONValue] = components.map { c in
            .object([
                ("kind", .string(c.kind.rawValue)), ("id", .string(c.id)), ("summary", .string(c.summary)), ("version", .string(c.version)),
                ("requires", .array(c.requires.map { .string($0.rawValue) })),
                ("provides", .array(c.provides.map { .string($0.rawValue) })),
                ("extensions", .array(c.fileExtensions.map { .string($0) })),
                (
                    "options",
                    .array(
                        c.optionKeys.map { key in
                            .object([
                                ("name", .string(key)), ("type", .string(c.defaults[key]?.typeName ?? "optional")),
                                ("default", c.defaults[key] ?? .null), ("help", .string(c.help[key] ?? "")),
                            ])
                        })
                ),
            ])
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? String(decoding: encoder.encode(JSONValue.array(items)), as: UTF8.self)) ?? "[]"
    }
}
