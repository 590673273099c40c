public import ArgumentParser
public import Dossier
import Foundation

/// The `dossier` command line, as a library.
///
/// Another package builds its own `dossier` with extra components in a few lines:
///
/// ```swift
/// import DossierCLI
/// var registry = Registry.standard
/// try registry.register(exporter: MyExporter.self)
/// await DossierCommand.main(registry: registry)
/// ```
///
/// Commands of its own join the built-in ones through `extraCommands` (the `dossier` executable
/// adds `evaluate` this way, so the embeddable CLI carries no benchmark code).
public struct DossierCommand: ParsableCommand {
    /// The toolkit's version.
    public static let version = "0.1.0"

    /// The commands added to the built-in ones for the command line being run.
    ///
    /// A task-local rather than a stored property: ArgumentParser reads a command's subcommands
    /// from its static configuration, and a task-local keeps two command lines run at once (as
    /// the tests do) from seeing each other's additions.
    @TaskLocal static var extraCommands: [any ContextualCommand.Type] = []

    /// The command's name, help and subcommands, the built-in ones then `extraCommands`.
    public static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "dossier",
            abstract: "Turn news articles into structured, checkable evidence.",
            discussion: """
                Runs YAML pipelines of readers, analyzers and exporters over articles. With no pipeline, \
                'dossier run FILE' uses the built-in default and prints a brief.

                Exit statuses: 0 all went through; 1 some articles failed; 2 the pipeline has errors \
                (nothing ran); 3 an input was missing (nothing ran); 64 bad command line; 74 standard \
                output or error could not be written; 141 standard output was a pipe closed by its reader.
                """,
            version: version,
            subcommands: [
                RunCommand.self, LintCommand.self, PlanCommand.self, ListCommand.self, SchemaCommand.self, InitCommand.self,
                BenchCommand.self,
            ]
                + extraCommands.map { $0 as any ParsableCommand.Type }
        )
    }

    /// Creates the root command; `parseAsRoot` does this for you.
    public init() {}

    /// Parses `arguments` (the process's when nil), runs the command, and exits with its status.
    ///
    /// - Parameters:
    ///   - builtins: the pipelines `-p NAME` and `extends: NAME` find by name; add your own (such as
    ///     those the build-tool plugin embeds, `DossierPipelines.named`) to the default.
    ///   - extraCommands: subcommands to offer beside the built-in ones.
    public static func main(
        registry: Registry, builtins: [String: String] = DefaultPipeline.builtins, arguments: [String]? = nil,
        extraCommands: [any ContextualCommand.Type] = []
    ) async -> Never {
        // A closed reader of standard output is a failed write to handle, not a signal that kills the
        // run before it cleans up; and a closed descriptor must not be reused for an output file.
        signal(SIGPIPE, SIG_IGN)
        StandardStreams.guardClosedDescriptors()
        let context = CommandContext(registry: registry, builtins: builtins)
        let arguments = arguments ?? Array(CommandLine.arguments.dropFirst())
        let status = await execute(arguments, context: context, extraCommands: extraCommands)
        Foundation.exit(status)
    }

    /// Parses and runs a command line with `context`, returning the exit status instead of exiting.
    ///
    /// A failed write to standard output or error decides the status whatever the command did:
    /// 141 for a broken pipe, else 74 with error E500 on standard error (when that still works).
    public static func execute(
        _ arguments: [String], context: CommandContext, extraCommands: [any ContextualCommand.Type] = []
    ) async -> Int32 {
        let status: Int32 = await $extraCommands.withValue(extraCommands) { await Self.status(of: arguments, context: context) }
        if let code = context.streams.failure(on: .output) {
            if code == EPIPE { return ExitStatus.brokenPipe.rawValue }
            context.err("error[E500]: cannot write standard output: \(SystemError.describe(code)); what was written to it is incomplete\n")
            return ExitStatus.outputFailed.rawValue
        }
        if let code = context.streams.failure(on: .error) {
            return code == EPIPE ? ExitStatus.brokenPipe.rawValue : ExitStatus.outputFailed.rawValue
        }
        return status
    }

    private static func status(of arguments: [String], context: CommandContext) async -> Int32 {
        do {
            var command = try parseAsRoot(arguments)
            if let contextual = command as? any ContextualCommand {
                try await contextual.run(in: context)
            } else {
                try command.run()
            }
            return ExitCode.success.rawValue
        } catch {
            let code = exitCode(for: error)
            var message = fullMessage(for: error)
            // The parser's own errors (an unknown flag, a bad value) carry a code like every other.
            if code.rawValue != 0, message.hasPrefix("Error: ") { message = "error[E505]: " + message.dropFirst("Error: ".count) }
            if !message.isEmpty {
                if code.rawValue == 0 { context.out(message + "\n") } else { context.err(message + "\n") }
            }
            return code.rawValue
        }
    }
}

/// A subcommand that needs the registry and output streams of the `dossier` it runs in; the
/// built-in commands are ones, and so is any command passed to `main` as `extraCommands`.
public protocol ContextualCommand: ParsableCommand {
    /// Runs the command with the registry, environment and streams of `context`.
    func run(in context: CommandContext) async throws
}
