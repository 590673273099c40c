import ArgumentParser
import Dossier
import DossierCLI
import Foundation
import Testing

/// A command another package adds to its own `dossier`.
private struct ProbeCommand: ContextualCommand {
    static let configuration = CommandConfiguration(commandName: "probe", abstract: "Prints how many readers the registry holds.")

    func run(in context: CommandContext) async throws {
        context.standardOutput(Data("readers: \(context.registry.ids(.reader).count)\n".utf8))
    }
}

/// Collects what a command writes.
private final class Captured: @unchecked Sendable {
    private let lock = NSLock()
    private var text = ""
    func append(_ more: String) { lock.withLock { text += more } }
    var value: String { lock.withLock { text } }
}

@Suite("CLI: commands added by the embedding executable")
struct ExtraCommandTests {
    private func run(_ arguments: [String], extra: [any ContextualCommand.Type]) async -> (Int32, String, String) {
        let out = Captured()
        let err = Captured()
        var context = CommandContext(registry: .standard, environment: [:])
        context.standardOutput = { out.append(String(decoding: $0, as: UTF8.self)) }
        context.standardError = { err.append($0) }
        let status = await DossierCommand.execute(arguments, context: context, extraCommands: extra)
        return (status, out.value, err.value)
    }

    @Test("an extra command runs with the context, and the help lists it")
    func extraCommandRuns() async {
        let (status, out, _) = await run(["probe"], extra: [ProbeCommand.self])
        #expect(status == 0)
        #expect(out == "readers: \(Registry.standard.ids(.reader).count)\n")
        let (_, help, _) = await run(["--help"], extra: [ProbeCommand.self])
        #expect(help.contains("probe"))
    }

    @Test("without it, the embeddable CLI has neither the extra command nor evaluate")
    func builtInsOnly() async {
        let (status, _, err) = await run(["probe"], extra: [])
        #expect(status == ExitStatus.usage.rawValue)
        #expect(!err.isEmpty)
        let (evaluate, _, _) = await run(["evaluate", "sentences", "x.json"], extra: [])
        #expect(evaluate == ExitStatus.usage.rawValue)
    }
}
