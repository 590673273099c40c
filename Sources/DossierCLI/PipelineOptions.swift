import ArgumentParser
import Dossier

/// The options every command that runs a pipeline shares.
struct PipelineOptions: ParsableArguments {
    @Option(
        name: [.short, .customLong("pipeline")], help: "The pipeline file, or a built-in pipeline name (default: the built-in 'default').")
    var pipeline: String?

    // Unconditional, so that '-j -5' is a value to reject with the range, not "a missing value".
    @Option(
        name: .shortAndLong, parsing: .unconditional,
        help: "How many articles to process at once, 1 to \(Self.maxJobs) (default: the number of cores).")
    var jobs: Int?

    /// The most `--jobs` accepts: far more than useful, far below where the runner's window overflows.
    static let maxJobs = 1024

    @Option(help: "Use this reader for every input, with its default options, instead of the pipeline's.")
    var reader: String?

    @OptionGroup var extends: ExtendsOptions

    /// The pipeline from `-p` (or the default), with `--reader` applied.
    func load(in context: CommandContext) throws -> Pipeline {
        var pipeline = try context.loadPipeline(self.pipeline, extends: extends)
        guard let id = reader else { return pipeline }
        guard let entry = context.registry.readers[id] else {
            let hint = Suggestions.hint(id, among: context.registry.ids(.reader))
            context.fail("E505", "unknown reader '\(id)' for '--reader'\(hint); 'dossier list' shows the readers")
            throw ExitStatus.usage
        }
        do {
            let made = try entry.make(ValueOptionsDecoder())
            pipeline.reader = .fixed(Pipeline.ReaderStep(info: entry.info, reader: made, sniff: entry.sniff))
        } catch {
            context.fail(
                "E508",
                "reader '\(id)' cannot be created with its default options: \(error); name it in the pipeline with options that work")
            throw ExitStatus.usage
        }
        return pipeline
    }

    func validate() throws {
        if let jobs { try Self.check("--jobs", jobs, in: 1...Self.maxJobs) }
    }

    /// Rejects a numeric flag outside `range`, naming the flag, the value and the range.
    static func check(_ flag: String, _ value: Int, in range: ClosedRange<Int>) throws {
        guard !range.contains(value) else { return }
        throw ValidationError("'\(flag)' must be between \(range.lowerBound) and \(range.upperBound), got '\(value)'")
    }
}

/// Where `extends:` may reach; shared by every command that loads a pipeline, `lint` and `plan` too.
struct ExtendsOptions: ParsableArguments {
    @Flag(help: "Let 'extends:' name files outside the extending pipeline's folder (refused by default, E207).")
    var allowExtendsOutside = false
}
