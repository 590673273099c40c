import ArgumentParser

/// The options every command that runs a pipeline shares.
struct PipelineOptions: ParsableArguments {
    @Option(name: [.short, .customLong("pipeline")], help: "The pipeline file, or a built-in pipeline name (default: the built-in 'default').")
    var pipeline: String?

    @Option(name: .shortAndLong, help: "How many articles to process at once (default: the number of cores).")
    var jobs: Int?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("'--jobs' must be at least 1, got '\(jobs)'") }
    }
}
