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
public struct DossierCommand: ParsableCommand {
    /// The toolkit's version.
    public static let version = "0.1.0"

    /// The command's name, help and subcommands.
    public static let configuration = CommandConfiguration(
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
        subcommands: [RunCommand.self, LintCommand.self, PlanCommand.self, ListCommand.self, InitCommand.self,
                      BenchCommand.self, EvaluateCommand.self]
    )

    /// Creates the root command; `parseAsRoot` does this for you.
    public init() {}

    /// Parses `arguments` (the process's when nil), runs the command, and exits with its status.
    public static func main(registry: Registry, arguments: [String]? = nil) async -> Never {
        // A closed reader of standard output is a failed write to handle, not a signal that kills the
        // run before it cleans up; and a closed descriptor must not be reused for an output file.
        signal(SIGPIPE, SIG_IGN)
        StandardStreams.guardClosedDescriptors()
        let context = CommandContext(registry: registry)
        let status = await execute(arguments ?? Array(CommandLine.arguments.dropFirst()), context: context)
        Foundation.exit(status)
    }

    /// Parses and runs a command line with `context`, returning the exit status instead of exiting.
    ///
    /// A failed write to standard output or error decides the status whatever the command did:
    /// 141 for a broken pipe, else 74 with error E500 on standard error (when that still works).
    public static func execute(_ arguments: [String], context: CommandContext) async -> Int32 {
        let status = await status(of: arguments, context: context)
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

/// A subcommand that needs the registry and output streams of the `dossier` it runs in.
protocol ContextualCommand: ParsableCommand {
    func run(in context: CommandContext) async throws
}
