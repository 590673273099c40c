import ArgumentParser
import Dossier
import Foundation

/// `dossier schema`: a JSON Schema of the pipeline file, for editors (`PipelineSchema`).
struct SchemaCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Write a JSON Schema of the pipeline file, with every registered component and its options.",
        discussion: """
            Point the YAML language server at it to complete and check pipeline files: a first line \
            '# yaml-language-server: $schema=dossier.schema.json', or the 'yaml.schemas' setting. \
            See Docs/Pipelines.md, "Editor support".
            """)

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the schema to this file instead of standard output.", valueName: "file"))
    var output: String?

    func run(in context: CommandContext) async throws {
        let text = ListCommand.encode(PipelineSchema.schema(for: context.registry)) + "\n"
        guard let output, output != "-" else {
            context.out(text)
            return
        }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: output, isDirectory: &isFolder), isFolder.boolValue {
            let example = (output as NSString).appendingPathComponent("dossier.schema.json")
            context.fail("E507", "cannot write '\(output)': it is a folder; give a file name, such as '\(example)'")
            throw ExitStatus.badInput
        }
        do {
            try InitCommand.writeAtomically(Data(text.utf8), to: output)
        } catch {
            context.fail("E507", "cannot write '\(output)': \(SystemError.describe(error)); choose a folder you can write to")
            throw ExitStatus.badInput
        }
    }
}
