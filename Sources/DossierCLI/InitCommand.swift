import ArgumentParser
import Dossier
import Foundation

/// `dossier init`: write a commented starter pipeline.
struct InitCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented starter pipeline file.")

    @Argument(help: "Where to write it.")
    var path = "dossier.yaml"

    @Flag(help: "Overwrite the file if it exists.")
    var force = false

    /// The starter pipeline; a test checks that it lints clean against the standard registry.
    static let starter = """
        # A Dossier pipeline. Check it with 'dossier lint', see its plan with 'dossier plan',
        # run it with 'dossier run -p THIS_FILE ARTICLES...'. Reference: Docs/Pipelines.md.
        version: 1
        name: starter

        # Start from the built-in default pipeline; the keys below override or extend it.
        extends: default

        # 'auto' picks a reader per input by extension, then by content. Or name one: 'text'.
        reader: auto

        # Analyzers run in an order planned from what each requires and provides.
        analyzers:
          - sentences

        # Exporters render each article. 'to' is 'stdout' or a path template with {id}, {index},
        # {pipeline}, {exporter} or {ext}; a path without {id} or {index} collects all articles.
        # ${NAME} takes an environment variable, ${NAME:-fallback} a fallback when it is unset.
        exporters:
          - markdown:
              to: stdout
          - json:
              to: ${DOSSIER_OUT:-out}/{id}.json
              pretty: true

        """

    func run(in context: CommandContext) async throws {
        if FileManager.default.fileExists(atPath: path) && !force {
            context.err("error: '\(path)' already exists; pass '--force' to overwrite it\n")
            throw ExitStatus.badInput
        }
        do {
            try Data(Self.starter.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            context.err("error: cannot write '\(path)': \((error as NSError).localizedDescription)\n")
            throw ExitStatus.badInput
        }
        context.out("wrote \(path); check it with 'dossier lint \(path)'\n")
    }
}
